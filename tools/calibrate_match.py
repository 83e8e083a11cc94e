"""Calibrate kb.search.DENSE_MATCH: from which cosine a record counts as a match in meaning.

Reads a knowledge base built from annotated texts (`kb --home H ingest devset-split/`),
the gold records and the queries with their judgements (tools/devset.py split writes both),
and prints, per threshold, how many judged-relevant records reach it (recall), how many of
the records reaching it are judged relevant (precision), how many records an average query
matches, and how many records nonsense and stopword queries match (they should match none).

    python tools/calibrate_match.py --home H --gold tune.gold.jsonl --queries tune.queries.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kb import KnowledgeBase  # noqa: E402

NULL_QUERIES = ["de", "het en van", "xqzvbn", "blorptak wuggel", "qwerty asdf", "zzz"]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """More than half of the shorter span lies in the other."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0.5 * min(a[1] - a[0], b[1] - b[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--queries", type=Path, required=True)
    args = ap.parse_args()
    kb = KnowledgeBase.open(args.home)
    records = kb.records()
    index = kb.index()
    vectors = np.stack([index.vector(kb.store.rowid_of(r.id)) for r in records])
    gold = {g["id"]: g for g in map(json.loads, args.gold.read_text(encoding="utf-8").splitlines())}
    queries = [json.loads(line) for line in args.queries.read_text(encoding="utf-8").splitlines()]

    searcher = kb.searcher()
    order = np.array([searcher.position[kb.store.rowid_of(r.id)] for r in records])
    scores, relevant, per_query, lexical = [], [], [], []
    for q in queries:
        held = np.zeros(len(records), dtype=bool)
        held[np.isin(order, searcher.lexical.matches(searcher.lexical.parse(q["query"])))] = True
        lexical.append(held)
        spans = [(gold[g]["source"], gold[g]["start"], gold[g]["end"]) for g in q["qrels"] if g in gold]
        rel = np.array([any(r.source == s and overlaps((r.start, r.end), (a, b)) for s, a, b in spans)
                        for r in records])
        sims = vectors @ kb.embedder.query(q["query"])
        scores.append(sims)
        relevant.append(rel)
        per_query.append(sims)
    nulls = [vectors @ kb.embedder.query(q) for q in NULL_QUERIES]
    all_scores, all_rel, all_lex = np.concatenate(scores), np.concatenate(relevant), np.concatenate(lexical)
    print(f"words alone: recall {(all_lex & all_rel).sum() / max(1, all_rel.sum()):.3f}, "
          f"{all_lex.sum() / len(queries):.1f} matches/query")
    print(f"{len(queries)} queries, {len(records)} records, {int(all_rel.sum())} judged relevant pairs")
    print("threshold  recall  precision  matches/query  null-query matches  recall with words  matches with words")
    for t in np.arange(0.80, 0.905, 0.005):
        above = all_scores >= t
        recall = (above & all_rel).sum() / max(1, all_rel.sum())
        precision = (above & all_rel).sum() / max(1, above.sum())
        mean = np.mean([(s >= t).sum() for s in per_query])
        null = sum(int((s >= t).sum()) for s in nulls)
        both = above | all_lex
        recall_both = (both & all_rel).sum() / max(1, all_rel.sum())
        print(f"{t:9.3f}  {recall:6.3f}  {precision:9.3f}  {mean:13.1f}  {null:18d}  {recall_both:17.3f}  "
              f"{both.sum() / len(queries):18.1f}")


if __name__ == "__main__":
    main()
