"""Propose synonym candidates from a knowledge base, for a curator to review into kb/data/synonyms.txt.

Takes the lemmas that occur in at least `--min-records` records, embeds each with
the product's e5 model, and prints pairs whose vectors are nearest neighbours above
`--min-cosine` and that no set in the synonym file joins yet. Nothing is written:
every set in the file is a reviewed decision, not a model's guess.

    python tools/propose_synonyms.py --home ~/praktijkenbank [--min-records 2] [--min-cosine 0.92]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kb import KnowledgeBase  # noqa: E402
from kb.analysis import content_words, lemma  # noqa: E402
from kb.lexical import Synonyms  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--min-records", type=int, default=2)
    ap.add_argument("--min-cosine", type=float, default=0.92)
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    kb = KnowledgeBase.open(args.home)
    df: Counter[str] = Counter()
    for record in kb.records():
        df.update({lemma(w) for w in content_words(f"{record.title} {record.text}") if len(w) > 3 and w.isalpha()})
    vocabulary = sorted(t for t, n in df.items() if n >= args.min_records)
    known = {frozenset(t for phrase in s for t in phrase) for s in Synonyms.default().sets}
    vectors = np.stack([kb.embedder.query(term) for term in vocabulary])
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -1.0)
    pairs = []
    for i, term in enumerate(vocabulary):
        j = int(np.argmax(sims[i]))
        other = vocabulary[j]
        if term < other and sims[i, j] >= args.min_cosine and not any({term, other} <= s for s in known):
            pairs.append((float(sims[i, j]), term, other))
    print(f"{len(vocabulary)} lemmas in ≥ {args.min_records} records; candidate pairs, best first:")
    for score, a, b in sorted(pairs, reverse=True)[:args.limit]:
        print(f"{score:.3f}  {a} | {b}")


if __name__ == "__main__":
    main()
