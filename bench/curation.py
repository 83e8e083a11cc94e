"""Benchmark (a script, not a test): how long a curator waits for a save, at the bundled size and at 10k records.

    .venv/bin/python bench/curation.py [--records 10000] [--rounds 20]

Each save is the whole path: version check, one SQLite transaction with the
change log, the changed record re-embedded (a new title is a new text), the
FAISS index updated and saved, and the search view (field indexes and BM25)
brought in step. The 10k base repeats the corpus texts under other source
names, so building it costs cache hits, not hours of embedding; only the
edited titles are embedded during the measurement.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.run import ingest_paths  # noqa: E402
from kb import KnowledgeBase, Settings  # noqa: E402


def grow(kb: KnowledgeBase, target: int) -> None:
    """Copies of the ingested records under other source names until the base holds `target` records.

    Titles and texts stay the same, so their vectors come from the cache.
    """
    originals = kb.records()
    batch: list = []
    copy = 0
    while kb.store.count() + len(batch) < target:
        copy += 1
        for source in sorted({r.source for r in originals}):
            kb.store.put_source(f"kopie{copy}-{source}", source, f"copy{copy}", "utf-8", kb.store.source_text(source))
        for record in originals[:target - kb.store.count() - len(batch)]:
            batch.append(replace(record, id=f"c{copy}-{record.id}", source=f"kopie{copy}-{record.source}"))
    kb.store.upsert(batch)
    kb.reindex()


def timed(action) -> float:  # noqa: ANN001 - a thunk
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure(kb: KnowledgeBase, rounds: int) -> dict[str, list[float]]:
    kb.searcher()
    records = [r for r in kb.records() if r.kind == "practice"][:rounds]
    cur = kb.curation
    times: dict[str, list[float]] = {name: [] for name in ("edit title", "edit fields", "approve", "undo",
                                                           "search after")}
    for n, record in enumerate(records):
        times["edit title"].append(timed(lambda: cur.edit(record.id, {"title": f"{record.title} — nagekeken {n}"},
                                                          record.version, "bench")))
        current = kb.get(record.id)
        town = "Deerlijk" if "Mechelen" in current.municipalities else "Mechelen"
        times["edit fields"].append(timed(lambda: cur.edit(record.id, {"municipalities": [town]},
                                                           current.version, "bench")))
        current = kb.get(record.id)
        times["approve"].append(timed(lambda: cur.set_status(record.id, "approved", current.version, "bench")))
        times["undo"].append(timed(lambda: cur.undo(record.id, "bench")))
        times["search after"].append(timed(lambda: kb.search("sociale kruidenier", {"status": ["approved", "draft"]},
                                                             k=10)))
    return times


def report(label: str, n: int, times: dict[str, list[float]]) -> None:
    print(f"\n{label}: {n} records")
    for name, values in times.items():
        print(f"  {name:<13} median {statistics.median(values):7.1f} ms   max {max(values):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        kb = KnowledgeBase(Settings.from_env(home=home))
        ingest_paths(kb, [ROOT / "corpus"])
        report("bundled corpus", kb.store.count(), measure(kb, args.rounds))
        start = time.perf_counter()
        grow(kb, args.records)
        print(f"\n(grew the base to {kb.store.count()} records in {time.perf_counter() - start:.0f} s)")
        report("grown base", kb.store.count(), measure(kb, args.rounds))
        problems = kb.check(repair=False)
        print("\nkb check after the run:", problems or "store and index agree")
        kb.close()


if __name__ == "__main__":
    main()
