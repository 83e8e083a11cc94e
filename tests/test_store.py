"""SQLite store: schema version, upsert by stable id, transactions that roll back whole."""
from __future__ import annotations

import pytest

from kb.errors import InvalidRecord, NotFound
from kb.record import Record, record_id
from kb.store import SCHEMA_VERSION, Store


def make(title: str = "Sociale kruidenier", start: int = 0, end: int = 10, **kw) -> Record:
    return Record(source="a.txt", start=start, end=end, kind="practice", title=title, text=title + " tekst", **kw)


def test_schema_version_set_on_open(tmp_path):
    store = Store(tmp_path / "kb.sqlite3")
    assert store.schema_version == SCHEMA_VERSION
    store.close()
    assert Store(tmp_path / "kb.sqlite3").schema_version == SCHEMA_VERSION


def test_a_version_4_base_keeps_its_records_and_accounts_after_migration(tmp_path):
    import sqlite3

    from kb.store.schema import MIGRATIONS, statements

    path = tmp_path / "kb.sqlite3"
    old = sqlite3.connect(path)
    for number in range(4):
        for statement in statements(MIGRATIONS[number]):
            old.execute(statement)
    old.execute("PRAGMA user_version = 4")
    old.execute("INSERT INTO users VALUES ('ann', 'curator', 'hash', 0, '2025-01-01T00:00:00+00:00')")
    old.execute("INSERT INTO workshops (title, n_tables, per_table, created_at, updated_at) "
                "VALUES ('Oud', 2, 3, '2025-01-01', '2025-01-01')")
    old.commit()
    old.close()
    store = Store(path)
    store.upsert([make()])
    assert store.schema_version == SCHEMA_VERSION
    assert [tuple(r) for r in store.db.execute("SELECT username, role FROM users")] == [("ann", "curator")]
    store.db.execute("INSERT INTO users VALUES ('mia', 'moderator', 'hash', 0, '2025-01-01T00:00:00+00:00')")
    assert [tuple(r) for r in store.db.execute("SELECT title, owner, public FROM workshops")] == [("Oud", None, 0)]
    generation, changed, _ = store.changed_since(0)
    assert generation == store.generation() and [r.id for _, r in changed] == [make().id]
    store.close()


def test_ids_are_stable_from_provenance():
    assert make().id == make().id == record_id("a.txt", 0, 10)
    assert make(start=1).id != make().id


def test_upsert_same_record_twice_keeps_one_row_and_version(tmp_path):
    store = Store(tmp_path / "kb.sqlite3")
    first = store.upsert([make()])
    again = store.upsert([make()])
    assert first == again and store.count() == 1
    assert store.get(make().id).version == 1


def test_changed_record_gets_new_version_same_rowid(tmp_path):
    store = Store(tmp_path / "kb.sqlite3")
    rowid = store.upsert([make()])[0]
    changed = make(municipalities=["Mechelen"])
    assert store.upsert([changed]) == [rowid]
    stored = store.get(changed.id)
    assert stored.version == 2 and stored.municipalities == ["Mechelen"]


def test_transaction_rolls_back_everything_on_error(tmp_path):
    store = Store(tmp_path / "kb.sqlite3")
    store.upsert([make()])
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.upsert([make(start=20, end=30, title="Tweede")])
            store.delete([make().id])
            raise RuntimeError("crash in the middle of a save")
    assert store.count() == 1 and store.get(make().id).title == "Sociale kruidenier"


def test_get_unknown_raises_not_found(tmp_path):
    with pytest.raises(NotFound, match="no record"):
        Store(tmp_path / "kb.sqlite3").get("nope")


@pytest.mark.parametrize("bad", [dict(kind="lecture"), dict(status="weird"), dict(title="  "),
                                 dict(start=5, end=2), dict(themes="Wonen")])
def test_record_validation(bad):
    fields = dict(source="a.txt", start=0, end=1, kind="practice", title="x", text="x")
    fields.update(bad)
    with pytest.raises(InvalidRecord):
        Record(**fields)


def test_record_dict_round_trip():
    r = make(themes=["Wonen"], event="Trefdag", event_date="2016-04-26")
    assert Record.from_dict(r.to_dict()) == r
