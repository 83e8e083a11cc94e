"""The map of practices as a Vega-Lite chart (Altair): areas shaded by count, the count written on each.

Shapes only, no map tiles, so it draws without internet access. Clicking an area
selects it (the selection parameter AREA_PARAM carries the area id); the search
page turns that into a municipality filter.
"""
from __future__ import annotations

import altair as alt

AREA_PARAM = "gebied"
EMPTY = "#eceff3"
EDGE = "#ffffff"
SELECTED_EDGE = "#1f3b63"


def map_chart(features: list[dict], height: int = 460) -> alt.LayerChart:
    """Areas coloured by their number of practices; counts written on areas that have any."""
    rows = [{"id": f["properties"]["id"], "name": f["properties"]["name"], "count": f["properties"]["count"],
             "label": f["properties"]["label"], "members": f["properties"]["members"],
             "selected": f["properties"]["selected"], "lon": f["properties"]["lon"], "lat": f["properties"]["lat"],
             "type": "Feature", "geometry": f["geometry"]} for f in features]
    data = alt.Data(values=rows)
    pick = alt.selection_point(name=AREA_PARAM, fields=["id"], on="click", clear="dblclick")
    top = max([r["count"] for r in rows] + [1])
    tooltip = [alt.Tooltip("name:N", title="Gebied"), alt.Tooltip("label:N", title="Aantal"),
               alt.Tooltip("members:N", title="Gemeenten")]
    shapes = alt.Chart(data).mark_geoshape(strokeWidth=0.6, cursor="pointer").encode(
        color=alt.condition("datum.count > 0",
                            alt.Color("count:Q", scale=alt.Scale(scheme="blues", domain=[0, top]),
                                      legend=alt.Legend(title="Praktijken", orient="top-left", format="d",
                                                        tickMinStep=1)),
                            alt.value(EMPTY)),
        stroke=alt.condition("datum.selected", alt.value(SELECTED_EDGE), alt.value(EDGE)),
        strokeWidth=alt.condition("datum.selected", alt.value(2.5), alt.value(0.6)),
        tooltip=tooltip,
    ).add_params(pick)
    counts = alt.Chart(data).transform_filter("datum.count > 0").mark_text(fontSize=11, fontWeight="bold").encode(
        longitude="lon:Q", latitude="lat:Q", text="count:Q", tooltip=tooltip,
        color=alt.condition(f"datum.count > {top / 2}", alt.value("#ffffff"), alt.value("#10223a")))
    return (shapes + counts).project(type="mercator").properties(height=height, width="container")


def selected_area(selection: object) -> str | None:
    """The clicked area's id from Streamlit's chart selection state, or None."""
    chosen = getattr(selection, "selection", None) or (selection or {}).get("selection", {})  # type: ignore[union-attr]
    points = (chosen or {}).get(AREA_PARAM) or []
    for point in points:
        if isinstance(point, dict) and point.get("id"):
            return str(point["id"])
    return None
