"""Benchmark (a script, not a test): ingest throughput and search latency on the bundled corpus.

    .venv/bin/python bench/ingest_search.py [--queries 300] [--embedder auto]

Prints records/s for a cold ingest (empty vector cache) and a warm re-ingest,
the time segmentation and extraction take on a long file (the first corpus file
repeated to about 1.2 MB, as a long annual report: it must grow linearly), and
the median and p95 latency of single searches, unfiltered and filtered, the
query embedding included.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.pipeline import process  # noqa: E402
from ingest.readers import document_from_bytes  # noqa: E402
from ingest.run import ingest_paths  # noqa: E402
from kb import Filters, KnowledgeBase, Settings  # noqa: E402

TYPICAL = ["dak- en thuisloosheid regionaal", "sociale kruidenier", "jongeren die uit de jeugdhulp stromen",
           "armoede in Mechelen", "kinderopvang", "vrijwilligers in de buurt", "homeless shelter",
           "schuldbemiddeling", "nieuwkomers Nederlands oefenen", "zorgzame buurt voor ouderen"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def make_queries(kb: KnowledgeBase, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words = [w for r in kb.records() for w in r.title.split() if len(w) > 4]
    queries = list(TYPICAL)
    while len(queries) < n:
        queries.append(" ".join(rng.sample(words, rng.randint(1, 4))))
    return queries[:n]


def timed_searches(kb: KnowledgeBase, queries: list[str], filters: Filters | None) -> list[float]:
    times = []
    for q in queries:
        t0 = time.perf_counter()
        kb.search(q, filters, k=10)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def long_file_seconds(first: Path, copies: int) -> tuple[int, int, float]:
    """Characters, records and seconds of segmentation and extraction (no embedding) for `copies` of a file."""
    text = (first.read_text(encoding="utf-8") + "\n\n") * copies
    doc = document_from_bytes("groot.txt", text.encode("utf-8"))  # read as ingest reads a file, outside the timing
    t0 = time.perf_counter()
    records = process(doc)
    return len(text), len(records), time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--embedder", default="auto")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as home:
        kb = KnowledgeBase(Settings.from_env(home=home, embedder=args.embedder))
        kb.embedder  # load the model outside the timed part
        t0 = time.perf_counter()
        report = ingest_paths(kb, files)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        ingest_paths(kb, files)
        warm = time.perf_counter() - t0
        n = report.records
        print(f"embedder: {kb.embedder.backend} ({kb.embedder.family})")
        print(f"ingest, cold cache: {n} records in {cold:.1f} s = {n / cold:.1f} records/s")
        print(f"ingest, warm cache (re-ingest): {n} records in {warm:.1f} s = {n / warm:.1f} records/s")
        long_file_seconds(files[0], 1)  # loads spaCy and the place matcher outside the timed runs
        for copies in (5, 20):
            chars, n_long, seconds = long_file_seconds(files[0], copies)
            print(f"long file, segmentation and extraction: {chars / 1e6:.2f} M characters, {n_long} records "
                  f"in {seconds:.1f} s = {chars / 1e6 / seconds * 60:.1f} M characters/min")
        kb.search("warm-up", None, k=10)
        queries = make_queries(kb, args.queries)
        for label, filters in (("unfiltered", None),
                               ("filtered (kind=practice, province=Antwerpen)",
                                Filters(kind=["practice"], province=["Antwerpen"])),
                               ("filtered (theme=Armoedebestrijding)", Filters(theme=["Armoedebestrijding"]))):
            times = timed_searches(kb, queries, filters)
            print(f"search {label}: {len(times)} queries, median {statistics.median(times):.1f} ms, "
                  f"p95 {percentile(times, 0.95):.1f} ms")
        kb.close()


if __name__ == "__main__":
    main()
