"""The command line through a subprocess, per ../shared/spec/cli-contract.md, with the real model."""
from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "corpus" / "002_eb639cf8665dc666.txt"   # a short programme: ~12 records

pytestmark = [pytest.mark.model, pytest.mark.slow]


def kb(home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "kb", "--home", str(home), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"kb {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def records(home: Path, run: Callable[..., subprocess.CompletedProcess] | None = None) -> list[dict]:
    """Every record of `home` through the CLI (`run`: how to call it, by default a subprocess)."""
    return [json.loads(line) for line in (run or kb)(home, "records", "--format", "jsonl").stdout.splitlines()]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("cli-home")
    kb(home, "ingest", str(SMALL))
    return home


def test_records_follow_the_contract(home):
    rows = records(home)
    assert rows, "the small programme yields records"
    text = SMALL.read_text(encoding="utf-8")
    for row in rows:
        assert row["source"] == SMALL.name and row["kind"] in ("practice", "session", "theme-table")
        assert 0 <= row["start"] < row["end"] <= len(text) and row["text"] == text[row["start"]:row["end"]]
        for key in ("municipalities", "provinces", "themes", "target_groups", "partners", "speakers"):
            assert isinstance(row[key], list)
    assert any(r["region"] for r in rows), "the regional practices carry their region"


def test_the_command_line_runs_without_torch(home):
    """The runtime install (requirements.txt) has no torch; the tests start Python as it would run."""
    proc = subprocess.run([sys.executable, "-c", "import torch"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "ModuleNotFoundError" in proc.stderr
    assert records(home), "the module's ingest ran in such a process"


def test_ingest_is_idempotent(home):
    before = {r["id"] for r in records(home)}
    kb(home, "ingest", str(SMALL))
    assert {r["id"] for r in records(home)} == before


def test_search_json_and_filters(home):
    out = json.loads(kb(home, "search", "dak- en thuisloosheid regionaal", "--k", "3").stdout)
    assert out["query"] == "dak- en thuisloosheid regionaal" and 1 <= len(out["results"]) <= 3
    top = out["results"][0]
    assert top["rank"] == 1 and "thuisloosheid" in top["text"].lower()
    only = json.loads(kb(home, "search", "samenwerking", "--kind", "session").stdout)["results"]
    assert only and all(r["kind"] == "session" for r in only)


def test_search_batch_answers_every_query_in_one_process(home, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"qid": "a", "query": "thuiszorg in de Kempen", "filters": {}, "k": 2},
        {"qid": "b", "query": "", "filters": {"kind": ["practice"]}, "k": 50},
    ]) + "\n", encoding="utf-8")
    lines = [json.loads(x) for x in kb(home, "search", "--batch", str(batch)).stdout.splitlines()]
    assert [x["qid"] for x in lines] == ["a", "b"]
    assert len(lines[0]["results"]) == 2 and all(r["kind"] == "practice" for r in lines[1]["results"])


def test_show_prints_the_source_passage(home):
    rid = records(home)[0]["id"]
    out = kb(home, "show", rid).stdout
    assert rid in out and "[[" in out


def test_unknown_id_and_bad_filter_are_one_line_errors(home):
    proc = kb(home, "show", "nope", check=False)
    assert proc.returncode == 1 and proc.stderr.strip() == "kb: error: no record with id 'nope'"
    proc = kb(home, "search", "x", "--kind", "lecture", check=False)
    assert proc.returncode == 1 and "unknown kind 'lecture'" in proc.stderr


def test_reindex_rebuilds_from_the_store(home):
    proc = kb(home, "reindex")
    assert "index rebuilt" in proc.stderr
    assert json.loads(kb(home, "search", "thuiszorg").stdout)["results"]


def test_bad_files_are_refused_and_nothing_is_lost(home, tmp_path):
    before = records(home)
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "foto.txt"
    binary.write_bytes(bytes(range(256)) * 100)
    proc = kb(home, "ingest", str(empty), str(binary), check=False)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("kb: error:")]
    assert len(errors) == 2 and "leeg.txt" in errors[0] and "foto.txt" in errors[1]
    assert records(home) == before


def test_latin1_and_html_files_are_ingested(tmp_path):
    home = tmp_path / "home"
    latin = tmp_path / "oud_programma.txt"
    latin.write_bytes(("Programma\n\n1.Sociale kruidenier in Mechelen\n\nHet OCMW van Mechelen opende een "
                       "sociale kruidenier: betaalbare voeding en ontmoeting voor gezinnen in armoede. "
                       "Coördinatie: Sociaal Huis Mechelen.\n").encode("cp1252"))
    page = tmp_path / "nieuws.html"
    page.write_text("<html><body><nav>Home | Nieuws | Contact</nav><h1>Buurtwerk in Gent</h1>"
                    "<p>In de wijk Rabot in Gent zet het buurtwerk in op ontmoeting tussen buurtbewoners "
                    "en vrijwilligers, met een wekelijks buurtrestaurant.</p></body></html>", encoding="utf-8")
    kb(home, "ingest", str(latin), str(page))
    rows = records(home)
    assert {r["source"] for r in rows} == {latin.name, page.name}
    assert any("Coördinatie" in r["text"] for r in rows), "cp1252 decoded into proper characters"
    assert all("Home | Nieuws" not in r["text"] for r in rows), "navigation is not record text"


def test_search_batch_answers_bad_lines_with_an_error_and_the_rest_with_results(home, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join([
        json.dumps({"qid": "ok1", "query": "thuiszorg", "k": 1}),
        json.dumps({"qid": "k-text", "query": "x", "k": "abc"}),
        json.dumps({"qid": "k-null", "query": "x", "k": None}),
        json.dumps(["a", "list"]),
        json.dumps({"qid": "f-text", "query": "x", "filters": "Gent"}),
        json.dumps({"qid": "k-neg", "query": "x", "k": -1}),
        json.dumps({"qid": "k-zero", "query": "x", "k": 0}),
        "{not json",
        json.dumps({"qid": "ok2", "query": "armoede", "k": 2}),
    ]) + "\n", encoding="utf-8")
    proc = kb(home, "search", "--batch", str(batch), check=False)
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x.get("qid") for x in lines] == ["ok1", "k-text", "k-null", None, "f-text", "k-neg", "k-zero", None, "ok2"]
    assert [("error" in x) for x in lines] == [False] + [True] * 7 + [False]
    assert len(lines[-1]["results"]) == 2
    assert proc.returncode == 1 and "7 line(s) could not be answered" in proc.stderr and "Traceback" not in proc.stderr


def test_a_non_utf8_batch_file_and_query_are_one_line_errors(home, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_bytes(b'{"qid": "a", "query": "caf\xe9"}\n')
    proc = kb(home, "search", "--batch", str(batch), check=False)
    assert proc.returncode == 1 and proc.stderr.strip().endswith("not UTF-8 text (byte 26)")
    query = b"caf\xe9".decode("utf-8", "surrogateescape")  # how Python hands over a non-UTF-8 argument
    proc = subprocess.run([sys.executable, "-m", "kb", "--home", str(home), "search", query],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1 and "not valid UTF-8" in proc.stderr and "Traceback" not in proc.stderr
