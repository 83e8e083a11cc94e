"""Backup/restore of records (kb/backup.py), the consistency check and their CLI commands."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FakeEmbedder

from ingest.run import ingest_paths
from kb import BadInput, KnowledgeBase, Settings, backup
from kb.record import Record


def hand_made() -> list[Record]:
    return [
        Record(source="hand.txt", start=0, end=40, kind="practice", title="Buurtwerk, \"samen\" in Gent",
               text="Buurtwerk in Gent;\nmet puntkomma's, komma's en \"quotes\"\r\nen één é",
               municipalities=["Gent"], provinces=["Oost-Vlaanderen"], themes=["Armoedebestrijding", "Wonen"],
               target_groups=["Ouderen"], partners=["OCMW Gent"], speakers=["An Peeters"],
               event="Dag van het sociaal beleid", event_date="2025-10-02",
               confidence={"municipalities": 0.9, "themes": 0.55}, status="approved",
               created_at="2025-01-02T03:04:05+00:00", updated_at="2025-02-03T04:05:06+00:00", version=3),
        Record(source="hand.txt", start=50, end=90, kind="session", title="Sessie zonder velden", text="",
               region=None, parent_id=None, status="hidden",
               created_at="2024-12-31T23:59:59+00:00", updated_at="2024-12-31T23:59:59+00:00", version=1),
    ]


@pytest.fixture
def filled_kb(fake_kb, corpus_files):
    report = ingest_paths(fake_kb, [corpus_files[2]])
    assert not report.errors and report.records
    fake_kb.store.upsert(hand_made(), keep_stamps=True)
    fake_kb.reindex()
    return fake_kb


def other_kb(tmp_path, name: str = "other") -> KnowledgeBase:
    return KnowledgeBase(Settings.from_env(home=tmp_path / name), embedder=FakeEmbedder())


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "xlsx"])
def test_round_trip_into_a_fresh_kb(filled_kb, tmp_path, fmt):
    path = tmp_path / f"backup.{fmt}"
    before = [r.to_dict() for r in filled_kb.records()]
    assert backup.export_records(filled_kb, path) == len(before)
    other = other_kb(tmp_path)
    try:
        assert backup.import_records(other, path) == len(before)
        assert [r.to_dict() for r in other.records()] == before
        assert other._index_problems() == []
        hit = other.search("Buurtwerk Gent", k=3).hits[0]
        assert hit.record.title.startswith("Buurtwerk")
        # importing the same file again changes nothing: no version bumps, no new stamps
        backup.import_records(other, path)
        assert [r.to_dict() for r in other.records()] == before
    finally:
        other.close()


def test_jsonl_is_one_record_per_line(filled_kb, tmp_path):
    path = tmp_path / "b.jsonl"
    backup.export_records(filled_kb, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [r.to_dict() for r in filled_kb.records()]
    assert "één" in path.read_text(encoding="utf-8")


def test_csv_cells_hold_json_and_empty_none(filled_kb, tmp_path):
    import pandas as pd

    path = tmp_path / "b.csv"
    backup.export_records(filled_kb, path, "csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = frame[frame["title"].str.startswith("Sessie")].iloc[0]
    assert row["themes"] == "[]" and row["confidence"] == "{}" and row["region"] == ""
    row = frame[frame["title"].str.startswith("Buurtwerk")].iloc[0]
    assert json.loads(row["themes"]) == ["Armoedebestrijding", "Wonen"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "xlsx"])
def test_a_bad_row_is_refused_and_nothing_written(filled_kb, tmp_path, fmt):
    good = tmp_path / "good.jsonl"
    backup.export_records(filled_kb, good)
    rows = [json.loads(line) for line in good.read_text(encoding="utf-8").splitlines()]
    rows[1]["kind"] = "nonsense"
    bad = tmp_path / f"bad.{fmt}"
    if fmt == "jsonl":
        bad.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        where = "line 2"
    else:
        import pandas as pd

        frame = pd.DataFrame([backup._to_cells(r) for r in rows], columns=backup.COLUMNS, dtype=object)
        frame.to_csv(bad, index=False) if fmt == "csv" else frame.to_excel(bad, index=False)
        where = "row 3"
    other = other_kb(tmp_path)
    try:
        with pytest.raises(BadInput, match=rf"bad\.{fmt}: {where}: kind 'nonsense'"):
            backup.import_records(other, bad)
        assert other.store.count() == 0
    finally:
        other.close()


def test_bad_json_and_unknown_format(fake_kb, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"source": "a"\n', encoding="utf-8")
    with pytest.raises(BadInput, match="x.jsonl: line 1"):
        backup.import_records(fake_kb, path)
    with pytest.raises(BadInput, match="unknown backup format"):
        backup.export_records(fake_kb, tmp_path / "x.txt")
    assert fake_kb.store.count() == 0


def test_check_repairs_an_index_missing_a_vector(fake_kb, corpus_files, tmp_path):
    ingest_paths(fake_kb, [corpus_files[2]])
    assert fake_kb.check() == []
    index = fake_kb.index()
    index.remove([int(index.ids()[0])])
    fake_kb.save_index(index)
    fake_kb.close()
    kb = KnowledgeBase(Settings.from_env(home=tmp_path / "home"), embedder=FakeEmbedder())
    try:
        assert kb.check(repair=False) == ["1 stored record(s) have no vector in the index"]
        problems = kb.check()
        assert problems == ["1 stored record(s) have no vector in the index" + KnowledgeBase.REPAIRED]
        assert kb.check(repair=False) == []
    finally:
        kb.close()


def test_check_finds_spans_outside_their_source(fake_kb, corpus_files):
    ingest_paths(fake_kb, [corpus_files[2]])
    length = len(corpus_files[2].read_text(encoding="utf-8"))
    fake_kb.store.upsert([Record(source=corpus_files[2].name, start=length - 5, end=length + 10,
                                 kind="practice", title="Te lang", text="x"),
                          Record(source="gone.txt", start=0, end=1, kind="practice", title="Weg", text="x")])
    problems = fake_kb.check()
    assert any("lies outside its source" in p for p in problems)
    assert any("'gone.txt' is not stored" in p for p in problems)
    assert any("no vector in the index" in p and p.endswith(KnowledgeBase.REPAIRED) for p in problems)


def test_cli_export_import_check(filled_kb, tmp_path, monkeypatch):
    import kb.knowledge
    from cli import main

    monkeypatch.setattr(kb.knowledge, "make_embedder", lambda settings: FakeEmbedder())
    home, other = str(tmp_path / "home"), str(tmp_path / "cli-other")
    filled_kb.close()
    runner = CliRunner()
    path = tmp_path / "out.dat"
    result = runner.invoke(main, ["--home", home, "export", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    csv = tmp_path / "out.csv"
    path.rename(csv)
    result = runner.invoke(main, ["--home", other, "import", str(csv)])
    assert result.exit_code == 0, result.output
    restored = KnowledgeBase(Settings.from_env(home=other), embedder=FakeEmbedder())
    problems = restored.check(repair=False)
    assert restored.store.count() > 2 and problems  # records only: the source texts are not in a backup
    assert all("is not stored" in p for p in problems)
    restored.close()

    # the original home has its sources except for the hand-made records' hand.txt
    result = runner.invoke(main, ["--home", home, "check"])
    assert result.exit_code == 1 and "'hand.txt' is not stored" in result.output
    result = runner.invoke(main, ["--home", home, "import", str(tmp_path / "missing.csv")])
    assert result.exit_code != 0


def test_cli_check_repairs_and_passes(fake_kb, corpus_files, tmp_path, monkeypatch):
    import kb.knowledge
    from cli import main

    monkeypatch.setattr(kb.knowledge, "make_embedder", lambda settings: FakeEmbedder())
    ingest_paths(fake_kb, [corpus_files[2]])
    index = fake_kb.index()
    index.remove([int(index.ids()[0])])
    fake_kb.save_index(index)
    fake_kb.close()
    home = str(tmp_path / "home")
    runner = CliRunner()
    result = runner.invoke(main, ["--home", home, "check", "--no-repair"])
    assert result.exit_code == 1 and "no vector in the index" in result.output
    result = runner.invoke(main, ["--home", home, "check"])
    assert result.exit_code == 0 and "repaired" in result.output
    result = runner.invoke(main, ["--home", home, "check", "--no-repair"])
    assert result.exit_code == 0, result.output


def test_round_trip_keeps_sources_curation_and_history(fake_kb, corpus_files, tmp_path):
    ingest_paths(fake_kb, corpus_files[:2])
    first, second = [r for r in fake_kb.records() if r.kind == "practice"][:2]
    fake_kb.curation.edit(first.id, {"municipalities": ["Mechelen"]}, first.version, "ann")
    fake_kb.curation.merge([first.id, second.id], "bob")
    path = tmp_path / "backup.xlsx"
    backup.export_records(fake_kb, path)
    assert backup.companion(path, "sources").exists() and backup.companion(path, "changes").exists()
    other = other_kb(tmp_path)
    try:
        backup.import_records(other, path)
        assert [r.to_dict() for r in other.records()] == [r.to_dict() for r in fake_kb.records()]
        merged = other.get(first.id)
        assert merged.curated and merged.origins and merged.municipalities[0] == "Mechelen"
        assert [(c.action, c.user) for c in other.curation.history(first.id)] == [("merge", "bob"), ("edit", "ann")]
        assert other.check(repair=False) == []  # spans point into restored sources
        other.curation.undo(first.id, "ann")  # the restored log still undoes
        assert other.get(second.id).title == second.title
        backup.import_records(other, path)  # twice: the log is not duplicated
        assert len(other.curation.history(first.id)) == 3
    finally:
        other.close()


def tampered(tmp_path, filled_kb, change) -> Path:  # noqa: ANN001 - change edits the rows in place
    path = tmp_path / "backup.jsonl"
    backup.export_records(filled_kb, path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    change(rows)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "named"), [
    (lambda rows: rows.append(dict(rows[0])), "appears twice"),
    (lambda rows: rows[0].update(version="drie"), "whole number"),
    (lambda rows: rows[0].update(version=-2), "whole number"),
    (lambda rows: rows[0].update(municipalities=["Atlantis"]), "unknown municipality"),
    (lambda rows: rows[0].update(provinces=["Noord-Atlantis"]), "unknown province"),
    (lambda rows: rows[0].update(region="Regio Nergens"), "unknown region"),
    (lambda rows: rows[0].update(themes=["Alles"]), "unknown theme"),
    (lambda rows: rows[0].update(end=10_000_000), "outside its source"),
])
def test_a_tampered_backup_is_refused_before_anything_is_written(filled_kb, tmp_path, change, named):
    path = tampered(tmp_path, filled_kb, change)
    other = other_kb(tmp_path)
    try:
        with pytest.raises(BadInput, match=named):
            backup.import_records(other, path)
        assert other.store.count() == 0 and other.store.change_rows() == []
    finally:
        other.close()


def test_garbage_change_log_rows_are_refused(filled_kb, tmp_path):
    path = tmp_path / "backup.jsonl"
    backup.export_records(filled_kb, path)
    changes = backup.companion(path, "changes")
    changes.write_text(json.dumps({"batch": "b", "record_id": "x", "action": "edit", "user": "u",
                                   "at": "2025-01-01T00:00:00+00:00", "before": "{niet json", "after": None}) + "\n",
                       encoding="utf-8")
    other = other_kb(tmp_path)
    try:
        with pytest.raises(BadInput, match="is no record"):
            backup.import_records(other, path)
        assert other.store.count() == 0
    finally:
        other.close()


def test_xlsx_export_refuses_a_text_longer_than_a_cell_instead_of_cutting_it(fake_kb, tmp_path):
    long_text = "armoede " * 30_000
    fake_kb.store.upsert([Record(source="lang.txt", start=0, end=len(long_text), kind="practice", title="Lang",
                                 text=long_text)])
    with pytest.raises(BadInput, match="more than an XLSX cell holds"):
        backup.export_records(fake_kb, tmp_path / "backup.xlsx")
    assert not list(tmp_path.glob("backup*"))
    assert backup.export_records(fake_kb, tmp_path / "backup.jsonl") == 1
    other = other_kb(tmp_path)
    try:
        backup.import_records(other, tmp_path / "backup.jsonl")
        assert other.records()[0].text == long_text
    finally:
        other.close()


def test_workshops_travel_with_the_backup(filled_kb, tmp_path):
    from kb import workshop as ws

    w = ws.create_workshop(filled_kb, "Trefdag tafels", date="2025-10-02", place="Gent", n_tables=2, per_table=3)
    ids = [r.id for r in filled_kb.records()][:3]
    ws.add_items(filled_kb, w.id, ids, note="voor tafel 1")
    ws.move_item(filled_kb, w.id, ids[0], 1)
    ws.rename_table(filled_kb, w.id, 1, "Wonen")
    ws.lock_table(filled_kb, w.id, 1)
    path = tmp_path / "backup.jsonl"
    backup.export_records(filled_kb, path)
    other = other_kb(tmp_path)
    try:
        backup.import_records(other, path)
        assert other.store.workshops.backup_rows() == filled_kb.store.workshops.backup_rows()
        backup.import_records(other, path)  # again: nothing doubles
        assert len(other.store.workshops.backup_rows()) == 1
    finally:
        other.close()


def test_a_workshop_that_shortlists_an_unknown_record_is_refused(filled_kb, tmp_path):
    from kb import workshop as ws

    w = ws.create_workshop(filled_kb, "Tafels", n_tables=1, per_table=2)
    ws.add_items(filled_kb, w.id, [filled_kb.records()[0].id])
    path = tmp_path / "backup.jsonl"
    backup.export_records(filled_kb, path)
    workshops = backup.companion(path, "workshops")
    row = json.loads(workshops.read_text(encoding="utf-8"))
    row["items"][0]["record_id"] = "r-bestaat-niet"
    workshops.write_text(json.dumps(row) + "\n", encoding="utf-8")
    other = other_kb(tmp_path)
    try:
        with pytest.raises(BadInput, match="unknown record"):
            backup.import_records(other, path)
        assert other.store.count() == 0 and other.store.workshops.backup_rows() == []
    finally:
        other.close()
