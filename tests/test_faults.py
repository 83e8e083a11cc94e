"""Faults a clumsy user or a crash leaves behind: same-name sources, damaged derived files, a damaged database,
text that expands past the limit. Each is a clear message or a repair, never a traceback or lost records."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FakeEmbedder

from cli import main
from ingest.readers import document_from_bytes
from ingest.run import ingest_paths
from kb import KnowledgeBase, Settings
from kb.embed import VectorCache
from kb.errors import BadInput, KBError
from kb.store import Store


@pytest.fixture
def cli_fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import kb.knowledge

    monkeypatch.setattr(kb.knowledge, "make_embedder", lambda settings: FakeEmbedder())


def run(home: Path, *args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(main, ["--home", str(home), *args])


# ---------------------------------------------------------------- sources have an identity
def same_name_twice(tmp_path: Path, corpus_files: list[Path]) -> tuple[Path, Path]:
    first, second = tmp_path / "d" / "2023" / "programma.txt", tmp_path / "d" / "2024" / "programma.txt"
    for path, source in ((first, corpus_files[3]), (second, corpus_files[4])):
        path.parent.mkdir(parents=True)
        shutil.copy(source, path)
    return first, second


def test_two_files_with_one_name_in_one_ingest_keep_the_first_and_refuse_the_second(fake_kb, corpus_files,
                                                                                     tmp_path):
    same_name_twice(tmp_path, corpus_files)
    report = ingest_paths(fake_kb, [tmp_path / "d"])
    assert len(report.errors) == 1 and "rename" in report.errors[0]
    assert report.files[0].records > 0 and report.files[1].error and "2024" in report.files[1].error
    assert fake_kb.check(repair=False) == []  # every span inside its (first) source


def test_a_different_file_under_a_stored_name_is_refused_and_nothing_is_lost(fake_kb, corpus_files, tmp_path):
    first, second = same_name_twice(tmp_path, corpus_files)
    ingest_paths(fake_kb, [first])
    before = {r.id: r for r in fake_kb.records()}
    report = ingest_paths(fake_kb, [second])
    assert report.errors and "already stored" in report.errors[0] and "rename" in report.errors[0]
    assert {r.id: r for r in fake_kb.records()} == before and fake_kb.check(repair=False) == []


def test_the_same_text_again_or_moved_stays_one_source(fake_kb, corpus_files, tmp_path):
    first, _ = same_name_twice(tmp_path, corpus_files)
    ingest_paths(fake_kb, [first])
    count = fake_kb.store.count()
    assert not ingest_paths(fake_kb, [first]).errors and fake_kb.store.count() == count
    moved = tmp_path / "elders" / "programma.txt"
    moved.parent.mkdir()
    first.rename(moved)
    assert not ingest_paths(fake_kb, [moved]).errors and fake_kb.store.count() == count


def test_cli_reports_the_same_name_in_one_line(cli_fake_model, corpus_files, tmp_path):
    same_name_twice(tmp_path, corpus_files)
    result = run(tmp_path / "home", "ingest", str(tmp_path / "d"))
    lines = [line for line in result.output.splitlines() if line.startswith("kb: error:")]
    assert result.exit_code == 1 and len(lines) == 1 and "rename" in lines[0]


# ---------------------------------------------------------------- derived files heal themselves
@pytest.fixture
def home(fake_kb, corpus_files) -> Path:
    ingest_paths(fake_kb, [corpus_files[2]])
    fake_kb.close()
    return fake_kb.settings.home


def reopened(home: Path) -> KnowledgeBase:
    return KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())


def test_a_truncated_index_is_rebuilt_for_search_and_check(home, capsys):
    faiss_file = next((home / "index").glob("*.faiss"))
    faiss_file.write_bytes(faiss_file.read_bytes()[:1000])
    kb = reopened(home)
    assert kb.search("armoede", k=3).hits
    assert "unreadable" in capsys.readouterr().err
    assert kb.check(repair=False) == []


def test_check_reports_and_repairs_a_truncated_index(home):
    faiss_file = next((home / "index").glob("*.faiss"))
    faiss_file.write_bytes(faiss_file.read_bytes()[:1000])
    problems = reopened(home).check()
    assert problems and all(p.endswith(KnowledgeBase.REPAIRED) for p in problems)
    assert reopened(home).check(repair=False) == []


def test_a_broken_manifest_does_not_stop_reindex(home, cli_fake_model):
    (home / "index" / "manifest.json").write_text("{", encoding="utf-8")
    result = run(home, "reindex")
    assert result.exit_code == 0, result.output
    assert run(home, "check").exit_code == 0


def test_a_garbage_vector_cache_is_set_aside_and_replaced(home, capsys):
    (home / "vectors.sqlite3").write_bytes(b"not a database at all" * 200)
    kb = reopened(home)
    assert kb.search("armoede", k=3).hits and kb.reindex()
    assert "vector cache" in capsys.readouterr().err
    assert list(home.glob("vectors.sqlite3.broken-*"))


def test_a_cache_opened_on_garbage_works(tmp_path):
    path = tmp_path / "vectors.sqlite3"
    path.write_bytes(b"\x00garbage" * 100)
    cache = VectorCache(path)
    assert cache.get_many("f", ["tekst"]) == {}


def test_a_corrupt_database_is_one_line_that_names_the_backup_command(home, cli_fake_model):
    db = home / "kb.sqlite3"
    for extra in home.glob("kb.sqlite3-*"):
        extra.unlink()
    db.write_bytes(b"garbage" * 1000)
    with pytest.raises(KBError) as failed:
        Store(db)
    assert failed.value.code == "store.unreadable"
    result = run(home, "stats")
    assert result.exit_code == 1 and "kb: error:" in result.output and "import" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- the limit holds for extracted text
def test_text_that_expands_past_the_limit_is_refused():
    from docx import Document as Docx

    doc = Docx()
    for _ in range(400):
        doc.add_paragraph("armoede " * 100)
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    limit_mb = 0.1
    assert len(data) < limit_mb * 1024 * 1024  # the file passes the size limit ...
    with pytest.raises(BadInput, match="expands to"):  # ... its text does not
        document_from_bytes("groot.docx", data, max_mb=limit_mb)


# ---------------------------------------------------------------- the original page's address
def fake_kb_at(home: Path) -> KnowledgeBase:
    return KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())


def test_ingest_keeps_the_page_address_and_a_later_ingest_without_one_keeps_it(
        tmp_path: Path, corpus_files: list[Path], cli_fake_model: None) -> None:
    home = tmp_path / "home"
    result = run(home, "ingest", str(corpus_files[4]), "--url", "https://www.vvsg.be/trefdag")
    assert result.exit_code == 0, result.output
    kb = fake_kb_at(home)
    try:
        assert kb.source_url(corpus_files[4].name) == "https://www.vvsg.be/trefdag"
        ingest_paths(kb, [corpus_files[4]])
        assert kb.source_url(corpus_files[4].name) == "https://www.vvsg.be/trefdag"
    finally:
        kb.close()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.vvsg.be", "https://", "https://a b.be"])
def test_a_bad_page_address_is_refused_before_anything_is_stored(tmp_path: Path, corpus_files: list[Path],
                                                                 cli_fake_model: None, url: str) -> None:
    home = tmp_path / "home"
    result = run(home, "ingest", str(corpus_files[4]), "--url", url)
    assert result.exit_code == 1 and "not the address of a web page" in result.output
    kb = fake_kb_at(home)
    try:
        assert kb.store.count() == 0
    finally:
        kb.close()


def test_one_page_address_for_several_files_is_refused(tmp_path: Path, corpus_files: list[Path],
                                                       cli_fake_model: None) -> None:
    result = run(tmp_path / "home", "ingest", str(corpus_files[3]), str(corpus_files[4]), "--url", "https://x.be/p")
    assert result.exit_code == 1 and "one file at a time" in result.output


def test_backup_carries_the_page_address(tmp_path: Path, corpus_files: list[Path]) -> None:
    from kb.backup import export_records, import_records

    home, fresh = tmp_path / "home", tmp_path / "fresh"
    kb = fake_kb_at(home)
    try:
        ingest_paths(kb, [corpus_files[4]], url="https://www.vvsg.be/trefdag")
        export_records(kb, tmp_path / "backup.jsonl")
    finally:
        kb.close()
    kb = fake_kb_at(fresh)
    try:
        import_records(kb, tmp_path / "backup.jsonl")
        assert kb.source_url(corpus_files[4].name) == "https://www.vvsg.be/trefdag"
    finally:
        kb.close()


# ---------------------------------------------------------------- one writer for the index
def vector_matches_text(kb: KnowledgeBase, record_id: str) -> float:
    vector = kb.index().vector(kb.store.rowid_of(record_id))
    return float(vector @ FakeEmbedder().passages([kb.get(record_id).embedding_text()])[0])


def test_an_edit_during_an_ingest_keeps_its_vector(home, corpus_files, monkeypatch):
    """Race (a): while an ingest reads its file, another process edits a title; the ingest then saves."""
    import ingest.run

    ingesting, editor = reopened(home), reopened(home)
    record = editor.records()[0]
    read = ingest.run.process

    def edit_meanwhile(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        editor.curation.edit(record.id, {"title": "Titel gewijzigd tijdens de ingest"}, record.version, "ann")
        return read(*args, **kwargs)

    monkeypatch.setattr(ingest.run, "process", edit_meanwhile)
    ingest_paths(ingesting, [corpus_files[3]])
    for kb in (ingesting, editor):
        kb.close()
    fresh = reopened(home)
    try:
        assert fresh.get(record.id).title == "Titel gewijzigd tijdens de ingest"
        assert fresh.check(repair=False) == []
        assert vector_matches_text(fresh, record.id) == pytest.approx(1.0, abs=1e-5)
    finally:
        fresh.close()


def test_a_long_lived_process_catches_up_before_it_writes(home, corpus_files):
    """Race (b): the app loaded the index, a CLI ingest adds records, the app then saves a status change."""
    app = reopened(home)
    before = app.search("", k=0).total
    cli = reopened(home)
    ingest_paths(cli, [corpus_files[3]])
    added = cli.store.count() - before
    cli.close()
    record = app.records()[0]
    app.curation.set_status(record.id, "approved", record.version, "ann")
    try:
        assert added > 0
        assert app.search("", k=0).total == before + added
        fresh = reopened(home)
        assert fresh.check(repair=False) == []
        assert set(fresh.index().ids().tolist()) == fresh.store.rowids()
        fresh.close()
    finally:
        app.close()


def test_check_finds_a_vector_that_belongs_to_an_old_text(home):
    kb = reopened(home)
    record = kb.records()[0]
    index = kb.index()
    stale = FakeEmbedder().passages(["een heel andere tekst over iets anders"])
    index.add([kb.store.rowid_of(record.id)], stale)
    kb.save_index(index)
    try:
        problems = kb.check(repair=False)
        assert len(problems) == 1 and "does not match their current text" in problems[0] and record.id in problems[0]
        assert kb.check() and kb.check(repair=False) == []
    finally:
        kb.close()
