"""Curation from the command line with the real model: status, search visibility, history, undo, re-ingest.

The commands run in this process (click's runner), so the model and the Dutch word tables load once;
tests/test_cli.py drives the same entry point through a subprocess.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cli import SMALL
from test_cli import records as cli_records

from cli import main

pytestmark = [pytest.mark.model, pytest.mark.slow]


def kb(home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """`kb --home HOME ARGS…`, answered like a finished process (exit code, stdout, stderr)."""
    result = CliRunner().invoke(main, ["--home", str(home), *args], catch_exceptions=False)
    if check and result.exit_code != 0:
        raise AssertionError(f"kb {' '.join(args)} failed ({result.exit_code}):\n{result.stderr}")
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def records(home: Path) -> list[dict]:
    return cli_records(home, kb)


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("cli-curation")
    kb(home, "ingest", str(SMALL))
    return home


def search_ids(home, *args: str) -> list[str]:
    out = json.loads(kb(home, "search", *args, "--k", "50").stdout)
    return [r["id"] for r in out["results"]]


def test_hidden_records_leave_search_and_undo_brings_them_back(home):
    rows = records(home)
    target = next(r for r in rows if r["kind"] == "practice")
    assert target["status"] == "draft"
    assert target["id"] in search_ids(home, target["title"])
    kb(home, "status", "hidden", target["id"], "--user", "ann")
    assert target["id"] not in search_ids(home, target["title"])
    assert target["id"] in search_ids(home, target["title"], "--status", "hidden")
    history = [json.loads(line) for line in kb(home, "history", target["id"], "--format", "jsonl").stdout.splitlines()]
    assert history[0]["user"] == "ann" and history[0]["fields"] == ["status"]
    kb(home, "undo", target["id"], "--user", "ann")
    assert target["id"] in search_ids(home, target["title"])
    assert kb(home, "check", "--no-repair").returncode == 0


def test_approval_survives_reingest_and_stats_count_it(home):
    target = next(r for r in records(home) if r["kind"] == "practice")
    kb(home, "status", "approved", target["id"])
    kb(home, "ingest", str(SMALL))
    after = {r["id"]: r for r in records(home)}
    assert after[target["id"]]["status"] == "approved"
    assert target["id"] in search_ids(home, "", "--status", "approved")
    assert "1 approved" in kb(home, "stats").stdout


def test_unknown_record_is_a_one_line_error(home):
    proc = kb(home, "status", "approved", "r000000000000", check=False)
    assert proc.returncode != 0
    assert proc.stderr.strip().count("\n") == 0 and "r000000000000" in proc.stderr
