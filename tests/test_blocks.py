"""Blocks and the learned block tagger: offsets, the rule-based labels, the shipped model, `kb inspect`."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_segment import PROGRAMME_ALPHABET

from cli import main
from ingest.blocks import build_blocks, features, proposals
from ingest.segment import assemble, inspect, segment
from ingest.tagger import default_tagger

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def check_blocks(text: str) -> None:
    rules = segment(text)
    blocks = build_blocks(text, [(s.start, s.end) for s in rules])
    last = 0
    for b in blocks:
        assert last <= b.start < b.end <= len(text)
        last = b.end
    # the rule-based labels, assembled again, give back exactly the rule-based records
    again = assemble(text, rules, blocks, proposals(blocks))
    assert sorted((s.start, s.end, s.kind) for s in again) == sorted((s.start, s.end, s.kind) for s in rules)


def test_corpus_blocks_reproduce_the_rules() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        check_blocks(path.read_text(encoding="utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PROGRAMME_ALPHABET, max_size=60).map("".join))
def test_blocks_on_programme_like_text(text: str) -> None:
    check_blocks(text)


def test_shipped_model_reads_every_feature_the_blocks_have() -> None:
    tagger = default_tagger()
    assert tagger is not None
    text = (CORPUS / "002_eb639cf8665dc666.txt").read_text(encoding="utf-8")
    rules = segment(text)
    blocks = build_blocks(text, [(s.start, s.end) for s in rules])
    rows = features(text, blocks, [s.kind for s in rules])
    assert set(rows[0]) == set(tagger.names)
    assert 0.5 < tagger.threshold <= 1.0


def test_inspect_explains_each_block_and_keeps_the_records() -> None:
    text = (CORPUS / "004_b8c30ef598476138.txt").read_text(encoding="utf-8")
    seen = inspect(text)
    assert len(seen.blocks) == len(seen.decisions) > 0
    assert all(d.label in "BIO" and d.reasons for d in seen.decisions)
    assert seen.segments == segment(text)


def test_kb_inspect_prints_blocks_and_records(tmp_path: Path) -> None:
    path = tmp_path / "programma.txt"
    path.write_text("Inspiratiemoment\n\nA. Buurtwerk in de Brugse Poort\n\nHet buurtwerk in Gent organiseert elke "
                    "week een ontmoeting voor bewoners van de wijk, met koffie en een luisterend oor.\n\n"
                    "B. Sociale kruidenier Oudenburg\n\nIn Oudenburg opende het OCMW een sociale kruidenier waar "
                    "mensen met een laag inkomen goedkoper boodschappen doen.\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["inspect", str(path)])
    assert out.exit_code == 0, out.output
    assert "rules: new record" in out.output and "tagger" in out.output
    assert "2 records:" in out.output and "Sociale kruidenier Oudenburg" in out.output
