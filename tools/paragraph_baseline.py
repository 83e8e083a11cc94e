"""The baseline the product must beat: every blank-line paragraph a record, ranked by e5 alone.

It speaks the evaluation's command-line contract (../shared/spec/cli-contract.md: ingest,
records, search --batch), so the same evaluate.py scores it:

    python ../shared/eval/evaluate.py --corpus DIR --gold GOLD --queries QUERIES \
        --cmd ".venv/bin/python tools/paragraph_baseline.py"

Records carry only their span, text and a title (the paragraph's first line); no fields,
no filters. Paragraphs and vectors are kept as JSON and .npy in --home.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.readers import read_document  # noqa: E402
from kb.e5.backends import fastest_e5_embedder  # noqa: E402

PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S(?:.*\S)?)*")   # lines up to the next blank line


def paragraphs(source: str, text: str) -> list[dict]:
    return [{"id": f"{source}:{m.start()}", "source": source, "start": m.start(), "end": m.end(),
             "kind": "practice", "title": m.group().split("\n")[0][:120], "text": m.group(),
             "municipalities": [], "provinces": [], "region": None, "themes": [], "target_groups": [],
             "partners": [], "speakers": [], "event": None, "event_date": None}
            for m in PARAGRAPH.finditer(text)]


def ingest(home: Path, paths: list[str]) -> None:
    files = [p for path in map(Path, paths) for p in (sorted(path.iterdir()) if path.is_dir() else [path])]
    rows = [row for f in files for row in paragraphs(f.name, read_document(f).text)]
    vectors = fastest_e5_embedder().passages([row["text"] for row in rows])
    (home / "records.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    np.save(home / "vectors.npy", vectors)


def search_batch(home: Path, batch: Path) -> None:
    rows = json.loads((home / "records.json").read_text(encoding="utf-8"))
    vectors = np.load(home / "vectors.npy")
    embedder = fastest_e5_embedder()
    for line in batch.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        request = json.loads(line)
        scores = vectors @ embedder.query(request["query"])
        order = np.argsort(-scores)[: int(request.get("k", 10))]
        results = [{"rank": r + 1, "score": float(scores[i]), **rows[i]} for r, i in enumerate(order)]
        print(json.dumps({"qid": request["qid"], "results": results}, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, required=True)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("ingest").add_argument("paths", nargs="+")
    sub.add_parser("records").add_argument("--format", default="jsonl")
    sub.add_parser("search").add_argument("--batch", type=Path, required=True)
    args = parser.parse_args()
    args.home.mkdir(parents=True, exist_ok=True)
    if args.command == "ingest":
        ingest(args.home, args.paths)
    elif args.command == "records":
        for row in json.loads((args.home / "records.json").read_text(encoding="utf-8")):
            print(json.dumps(row, ensure_ascii=False))
    else:
        search_batch(args.home, args.batch)


if __name__ == "__main__":
    main()
