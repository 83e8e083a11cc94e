"""A curator's save killed mid-way (a real process exit, no cleanup): store and index stay consistent."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FakeEmbedder

from ingest.run import ingest_paths
from kb import KnowledgeBase, Settings

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import os, sys
sys.path[:0] = [{root!r}, {tests!r}]
from conftest import FakeEmbedder
from kb import KnowledgeBase, Settings
import kb.store, kb.knowledge

kb_ = KnowledgeBase(Settings.from_env(home={home!r}), embedder=FakeEmbedder())
record = [r for r in kb_.records() if r.kind == "practice"][0]
if {where!r} == "before-commit":   # the record row is written, the transaction is not committed
    kb.store.Store.log_change = lambda *a, **k: os._exit(3)
else:                              # the transaction is committed, the index is not saved
    kb.knowledge.KnowledgeBase.sync_index = lambda *a, **k: os._exit(3)
kb_.curation.edit(record.id, {{"title": "Half bewaard"}}, record.version, "ann")
"""


@pytest.fixture
def home(tmp_path, corpus_files):
    home = tmp_path / "home"
    kb = KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())
    ingest_paths(kb, [corpus_files[2]])
    kb.close()
    return home


def crash(home: Path, where: str) -> None:
    code = SCRIPT.format(root=str(ROOT), tests=str(ROOT / "tests"), home=str(home), where=where)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 3, proc.stderr


def test_killed_before_commit_leaves_the_old_record(home):
    kb = KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())
    before = [r.to_dict() for r in kb.records()]
    kb.close()
    crash(home, "before-commit")
    kb = KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())
    try:
        assert [r.to_dict() for r in kb.records()] == before
        assert kb.store.changes() == []
        assert kb.check(repair=False) == []
    finally:
        kb.close()


def test_killed_after_commit_is_detected_and_the_index_rebuilt(home):
    crash(home, "after-commit")
    kb = KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())
    try:
        record = next(r for r in kb.records() if r.title == "Half bewaard")
        assert kb.curation.history(record.id)[0].action == "edit"
        assert kb.check(repair=False) == ["the index is older than the store: a change was saved but not indexed"]
        assert kb.check() and kb.check(repair=False) == []
        vector = kb.index().vector(kb.store.rowid_of(record.id))
        assert abs(float(vector @ FakeEmbedder().passages([record.embedding_text()])[0]) - 1.0) < 1e-5
    finally:
        kb.close()
