"""Measure how long each test file takes, for the order in which `make test` hands files to its two workers.

    .venv/bin/python -m pytest -q -n 2 --dist loadfile --durations=0 > /tmp/durations.log
    .venv/bin/python tools/test_durations.py /tmp/durations.log

writes tests/durations.json: seconds per test file (setup, call and teardown summed), longest first. The
workers take whole files (module fixtures such as a started app are made once); handed out longest first, the
two finish at about the same time instead of one waiting for the other's last long file. A file missing from
the list is run last, so the list only needs refreshing when the slow files change.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "durations.json"
#: One line of pytest's '--durations=0' report: '12.34s call     tests/test_cli.py::test_search_json'.
DURATION_RE = re.compile(r"^(?P<seconds>\d+(?:\.\d+)?)s\s+(?:setup|call|teardown)\s+(?P<file>tests/[^:\s]+\.py)::",
                         re.MULTILINE)


def durations(report: str) -> dict[str, float]:
    """Seconds per test file in a '--durations=0' report, longest first."""
    per_file: dict[str, float] = defaultdict(float)
    for m in DURATION_RE.finditer(report):
        per_file[m.group("file")] += float(m.group("seconds"))
    return {f: round(s, 1) for f, s in sorted(per_file.items(), key=lambda kv: (-kv[1], kv[0]))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="the output of pytest --durations=0")
    args = parser.parse_args()
    found = durations(args.report.read_text(encoding="utf-8"))
    if not found:
        raise SystemExit(f"{args.report}: no '--durations=0' lines found; run pytest with --durations=0")
    OUT.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(found)} files, {sum(found.values()):.0f} s in all")


if __name__ == "__main__":
    main()
