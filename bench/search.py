"""Search benchmark (a script, not a test): ranking quality per ranker, latency at scale, ANN recall.

    .venv/bin/python bench/search.py [--queries ../shared/eval/queries_dev.jsonl] [--sizes 10000 100000]

1. Quality: the development queries (graded relevance) against the bundled
   corpus, ingested into a temporary home, for BM25 only, dense only and the
   hybrid ranker, in one run. A system record is credited with a gold record
   when their spans overlap with IoU >= 0.5 (as ../shared/eval/evaluate.py does).
2. Latency: median and p95 of single searches (query embedding included),
   unfiltered and filtered, on the corpus and on synthetic corpora of the given
   sizes. Synthetic records recombine 2-5 corpus sentences; their vector is the
   normalised mean of the sentences' real e5 vectors (embedding 100k texts
   would take hours on 2 cores), their fields are copied from a random real
   record. The FAISS index type is chosen by size as in the product.
3. ANN recall: for sizes above the exact-search limit, recall@10 of the HNSW
   index against exact search over the same vectors.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.run import ingest_paths  # noqa: E402
from kb import Filters, KnowledgeBase, Record, Settings  # noqa: E402
from kb.embed import embed_cached, normalise  # noqa: E402
from kb.index import EXACT_UP_TO, VectorIndex  # noqa: E402
from kb.search import Searcher  # noqa: E402

MAX_SENTENCES = 400  # distinct corpus sentences embedded for the synthetic corpora
FILTERED = Filters(kind=["practice"], theme=["Armoedebestrijding", "Zorg en welzijn", "Wonen"])


# ---------------------------------------------------------------- quality
def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(k + 2) for k, g in enumerate(grades))


def iou(gold: dict, record: Record) -> float:
    if gold["source"] != record.source:
        return 0.0
    inter = max(0, min(gold["end"], record.end) - max(gold["start"], record.start))
    union = max(gold["end"], record.end) - min(gold["start"], record.start)
    return inter / union if union else 0.0


def quality(searcher: Searcher, queries: list[dict], gold: list[dict], mode: str) -> dict[str, float]:
    credit = {}
    for record in searcher.records:
        best = max(gold, key=lambda g: iou(g, record))
        credit[record.id] = best["id"] if iou(best, record) >= 0.5 else None
    ndcg, recall, rr = [], [], []
    for q in queries:
        hits = searcher.search(q["query"], Filters.from_mapping(q.get("filters")), 10, mode=mode).hits
        seen: set = set()
        ids = []
        for hit in hits:
            gid = credit[hit.record.id]
            ids.append(None if gid in seen else gid)
            seen.add(gid)
        qrels = q["qrels"]
        relevant = {g for g, v in qrels.items() if v >= 2}
        ndcg.append(dcg([qrels.get(i, 0) if i else 0 for i in ids]) / dcg(sorted(qrels.values(), reverse=True)[:10]))
        recall.append(len(relevant & set(ids)) / len(relevant) if relevant else 1.0)
        first = next((n + 1 for n, i in enumerate(ids) if i in relevant), None)
        rr.append(1 / first if first else 0.0)
    return {"nDCG@10": statistics.mean(ndcg), "recall@10": statistics.mean(recall), "MRR@10": statistics.mean(rr)}


# ---------------------------------------------------------------- latency
def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def latency(searcher: Searcher, queries: list[str], filters: Filters | None) -> str:
    times = []
    for q in queries:
        t0 = time.perf_counter()
        searcher.search(q, filters, 10)
        times.append((time.perf_counter() - t0) * 1000)
    return f"median {statistics.median(times):5.1f} ms, p95 {percentile(times, 0.95):5.1f} ms"


def sentences(records: list[Record]) -> list[str]:
    found = []
    for record in records:
        found += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", record.text) if len(s.strip()) > 40]
    return list(dict.fromkeys(found))


def synthetic(kb: KnowledgeBase, n: int, seed: int = 3) -> tuple[list[tuple[int, Record]], np.ndarray]:
    rng = random.Random(seed)
    real = kb.records()
    pool = sentences(real)
    pool = random.Random(seed).sample(pool, min(len(pool), MAX_SENTENCES))
    vectors = embed_cached(kb.embedder, pool, kb.cache)
    rows, out = [], np.zeros((n, vectors.shape[1]), dtype=np.float32)
    for i in range(n):
        picks = rng.sample(range(len(pool)), rng.randint(2, 5))
        like = rng.choice(real)
        text = " ".join(pool[p] for p in picks)
        rows.append((i + 1, Record(source=f"synthetic-{i // 100}.txt", start=i, end=i + len(text), kind=like.kind,
                                   title=pool[picks[0]][:80], text=text, municipalities=like.municipalities,
                                   provinces=like.provinces, region=like.region, themes=like.themes,
                                   target_groups=like.target_groups, event=like.event)))
        out[i] = vectors[picks].mean(axis=0)
    return rows, normalise(out)


def ann_recall(vectors: np.ndarray, queries: np.ndarray, family: str) -> float:
    exact = VectorIndex(vectors.shape[1], family, "bench", "flat")
    approx = VectorIndex(vectors.shape[1], family, "bench", "hnsw")
    ids = np.arange(1, len(vectors) + 1)
    exact.add(ids, vectors)
    approx.add(ids, vectors)
    hits = [len(set(exact.search(q, 10)[1]) & set(approx.search(q, 10)[1])) / 10 for q in queries]
    return statistics.mean(hits)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=Path, default=ROOT.parent / "shared" / "eval" / "queries_dev.jsonl")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "gold_records.jsonl")
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--latency-queries", type=int, default=200)
    ap.add_argument("--embedder", default="auto")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as home:
        kb = KnowledgeBase(Settings.from_env(home=home, embedder=args.embedder))
        ingest_paths(kb, sorted((ROOT / "corpus").glob("*.txt")))
        searcher = kb.searcher()
        print(f"corpus: {len(searcher.records)} records, embedder {kb.embedder.backend} ({kb.embedder.family})")
        if args.queries.exists() and args.gold.exists():
            queries = [json.loads(x) for x in args.queries.read_text(encoding="utf-8").splitlines() if x.strip()]
            gold = [json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()]
            print(f"\nquality on {len(queries)} development queries")
            for mode in ("lexical", "dense", "hybrid"):
                figures = quality(searcher, queries, gold, mode)
                print(f"  {mode:<8} " + "  ".join(f"{k} {v:.3f}" for k, v in figures.items()))
            texts = [q["query"] for q in queries]
        else:
            print(f"(no development queries at {args.queries}: quality skipped)")
            texts = [r.title for r in searcher.records]
        rng = random.Random(11)
        lat_queries = [rng.choice(texts) if i % 2 else " ".join(rng.sample(rng.choice(texts).split(), 1))
                       for i in range(args.latency_queries)]
        print(f"\nlatency, {len(lat_queries)} queries each, query embedding included")
        print(f"  corpus ({len(searcher.records)}), unfiltered: {latency(searcher, lat_queries, None)}")
        print(f"  corpus ({len(searcher.records)}), filtered:   {latency(searcher, lat_queries, FILTERED)}")
        for n in args.sizes:
            t0 = time.perf_counter()
            rows, vectors = synthetic(kb, n)
            index = VectorIndex.for_size(n, vectors.shape[1], kb.embedder.family, kb.embedder.backend)
            index.add(np.asarray([r for r, _ in rows]), vectors)
            big = Searcher(rows, index, kb.embedder.query)
            build = time.perf_counter() - t0
            print(f"  synthetic {n:>7} ({index.index_type}, built in {build:.0f} s), unfiltered: "
                  f"{latency(big, lat_queries, None)}")
            print(f"  synthetic {n:>7} ({index.index_type}), filtered:   {latency(big, lat_queries, FILTERED)}")
            if n > EXACT_UP_TO:
                qvecs = np.stack([kb.embedder.query(q) for q in lat_queries[:100]])
                print(f"  synthetic {n:>7}: HNSW recall@10 against exact search "
                      f"{ann_recall(vectors, qvecs, kb.embedder.family):.4f}")
        kb.close()


if __name__ == "__main__":
    main()
