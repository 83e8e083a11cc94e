"""Re-check the hybrid ranker's fusion weights on annotated texts (a script, not a test).

    .venv/bin/python tools/fusion_sweep.py --corpus DIR --gold GOLD --queries QUERIES [--corpus ... ]

Each corpus (a folder of texts with its gold records and queries, as `tools/devset.py split`
writes them) is ingested once with the real embedder; then every setting of the lexical
weight and the place and theme boosts ranks its queries, and nDCG@10 is printed per setting,
averaged over all queries. With two or more corpora it also says what choosing the weights on
the others would have gained on each (leave one corpus out), so a new default is chosen on
texts it is then not judged on.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import quality  # noqa: E402  (bench/search.py: nDCG as evaluate.py counts it)

import kb.search as ranker  # noqa: E402
from ingest.run import ingest_paths  # noqa: E402
from kb import KnowledgeBase, Settings  # noqa: E402

GRID = {"lexical": (0.0, 0.05, 0.1, 0.15, 0.2, 0.3), "place": (0.0, 0.02, 0.05), "theme": (0.0, 0.02, 0.05)}
Setting = tuple[float, float, float]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sweep(corpus: Path, gold: Path, queries: Path) -> tuple[int, dict[Setting, float]]:
    """Number of queries, and their mean nDCG@10 for every setting of the grid."""
    wanted = read_jsonl(queries)
    scores: dict[Setting, float] = {}
    saved = ranker.LEXICAL_WEIGHT, ranker.PLACE_BOOST, ranker.THEME_BOOST
    with tempfile.TemporaryDirectory(prefix="kb-sweep-") as home:
        kb = KnowledgeBase(Settings.from_env(home=home, embedder="auto"))
        ingest_paths(kb, sorted(corpus.glob("*.txt")))
        searcher = kb.searcher()
        try:
            for setting in itertools.product(*GRID.values()):
                ranker.LEXICAL_WEIGHT, ranker.PLACE_BOOST, ranker.THEME_BOOST = setting
                scores[setting] = quality(searcher, wanted, read_jsonl(gold), "hybrid")["nDCG@10"]
        finally:
            ranker.LEXICAL_WEIGHT, ranker.PLACE_BOOST, ranker.THEME_BOOST = saved
    return len(wanted), scores


def mean(results: dict[str, tuple[int, dict[Setting, float]]], setting: Setting, leave_out: str = "") -> float:
    kept = [(n, scores[setting]) for name, (n, scores) in results.items() if name != leave_out]
    return sum(n * s for n, s in kept) / sum(n for n, _ in kept)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", required=True)
    ap.add_argument("--gold", type=Path, action="append", required=True)
    ap.add_argument("--queries", type=Path, action="append", required=True)
    args = ap.parse_args()
    if not len(args.corpus) == len(args.gold) == len(args.queries):
        ap.error("give a --gold and a --queries for every --corpus")
    results = {str(c): sweep(c, g, q) for c, g, q in zip(args.corpus, args.gold, args.queries)}
    current = (ranker.LEXICAL_WEIGHT, ranker.PLACE_BOOST, ranker.THEME_BOOST)
    settings = sorted(results[next(iter(results))][1], key=lambda s: -mean(results, s))
    print("lexical  place  theme  nDCG@10 (all queries)")
    for setting in settings[:10]:
        mark = "  <- current" if setting == current else ""
        print(f"{setting[0]:7.2f} {setting[1]:6.2f} {setting[2]:6.2f}  {mean(results, setting):.4f}{mark}")
    print(f"current {current}: {mean(results, current):.4f}")
    if len(results) >= 2:
        print("\nleave one corpus out: weights chosen on the others, gain over the current ones on it")
        for name, (n, scores) in results.items():
            chosen = max(settings, key=lambda s: mean(results, s, leave_out=name))
            print(f"  {name} ({n} queries): {chosen} {scores[chosen] - scores[current]:+.4f}")


if __name__ == "__main__":
    main()
