"""How far two annotators of the development set agree: a ceiling for what ingest can be asked to reach.

    python tools/agreement.py devset/agreement/bf-bg.jsonl [more second annotations ...]

Each file is a second, blind annotation of some development texts, made under devset/GUIDE.md by someone
who never saw devset/gold.jsonl. It is scored against the gold records of the same texts the way records
are scored everywhere here: a record pairs with at most one of the other annotator's records, by the
largest overlap of their spans (intersection over union at least 0.5); municipalities by exact name;
titles by the overlap of their words (F1), the gold title's bracketed context optional.
Only the standard library is used.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "devset" / "gold.jsonl"
MIN_IOU = 0.5
STOP_WORDS = {"van", "de", "het", "en", "der", "den", "vzw", "the", "of"}


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def iou(a: dict, b: dict) -> float:
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
    return inter / union if union else 0.0


def pairs(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """Records of the same text paired one to one, the best-overlapping first."""
    scored = sorted(((iou(a, b), i, j) for i, a in enumerate(first) for j, b in enumerate(second)
                     if a["source"] == b["source"]), reverse=True)
    used_a, used_b, out = set(), set(), []
    for v, i, j in scored:
        if v >= MIN_IOU and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((first[i], second[j]))
    return out


def words(s: str) -> set[str]:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return {w for w in re.sub(r"[^a-z0-9]+", " ", s).split() if w not in STOP_WORDS}


def title_overlap(gold: str, other: str) -> float:
    b = words(other)
    best = 0.0
    for g in {gold, re.sub(r"\s*\([^)]*\)", "", gold)}:
        a = words(g)
        if a and b:
            best = max(best, 2 * len(a & b) / (len(a) + len(b)))
    return best


def f1(tp: int, n_first: int, n_second: int) -> float:
    return 2 * tp / (n_first + n_second) if n_first + n_second else 1.0


def agreement(gold: list[dict], second: list[dict]) -> dict[str, float | int]:
    """Record, kind, municipality and title agreement of ``second`` with the gold records of its texts."""
    sources = {r["source"] for r in second}
    first = [g for g in gold if g["source"] in sources]
    matched = pairs(first, second)
    towns = [(set(a["municipalities"]), set(b["municipalities"])) for a, b in matched]
    return {
        "texts": len(sources), "gold": len(first), "second": len(second), "paired": len(matched),
        "records_f1": f1(len(matched), len(first), len(second)),
        "kind": sum(a["kind"] == b["kind"] for a, b in matched) / max(1, len(matched)),
        "municipalities_f1": f1(sum(len(a & b) for a, b in towns), sum(len(a) for a, _ in towns),
                                sum(len(b) for _, b in towns)),
        "titles": sum(title_overlap(a["title"], b["title"]) for a, b in matched) / max(1, len(matched)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("second", type=Path, nargs="+", help="a second annotation (JSON lines, the gold schema)")
    a = ap.parse_args()
    gold = jsonl(GOLD)
    rows = [(path.name, agreement(gold, jsonl(path))) for path in a.second]
    if len(rows) > 1:
        rows.append(("all", agreement(gold, [r for path in a.second for r in jsonl(path)])))
    print(f"{'annotation':24} texts  gold second paired  records   kind  municipalities  titles")
    for name, r in rows:
        print(f"{name:24} {r['texts']:5} {r['gold']:5} {r['second']:6} {r['paired']:6}  {r['records_f1']:7.3f} "
              f"{r['kind']:6.3f}  {r['municipalities_f1']:14.3f}  {r['titles']:6.3f}")


if __name__ == "__main__":
    main()
