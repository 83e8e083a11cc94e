"""The SQL of workshops: the workshop, its tables, its shortlist and who shares it.

The rules (who may change what, how tables are proposed) are in kb.workshop; this module only
reads and writes rows, each change in one transaction that also stamps the workshop's
`updated_at`. Rows come back as plain dicts.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kb.errors import InvalidQuery, NotFound
from kb.store.schema import now

if TYPE_CHECKING:
    import sqlite3

    from kb.store.core import Store

#: The fields a workshop's own row holds that a caller may set.
FIELDS = ("title", "date", "place", "n_tables", "per_table")


class WorkshopRows:
    """Workshops, tables, shortlist items and members of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------ workshops
    def all(self) -> list[dict]:
        """Newest first, each with its members."""
        rows = self.store.db.execute("SELECT * FROM workshops ORDER BY created_at DESC, id DESC").fetchall()
        return [self._with_members(r) for r in rows]

    def get(self, workshop_id: int) -> dict:
        row = self.store.db.execute("SELECT * FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
        if not row:
            raise NotFound(f"no workshop with id {workshop_id}", code="workshop.unknown", workshop=workshop_id)
        return self._with_members(row)

    def _with_members(self, row: sqlite3.Row) -> dict:
        return {**dict(row), "members": self.members(int(row["id"]))}

    def members(self, workshop_id: int) -> list[str]:
        """The accounts a workshop is shared with, by name."""
        return [m["username"] for m in self.store.db.execute(
            "SELECT username FROM workshop_members WHERE workshop_id = ? ORDER BY username", (workshop_id,))]

    def create(self, title: str, date: str | None, place: str | None, n_tables: int, per_table: int,
               owner: str | None) -> int:
        """A new private workshop with tables 1..n_tables; its id."""
        stamp = now()
        with self.store.transaction() as db:
            if owner is not None:
                _refuse_unknown(self.store, [owner])
            workshop_id = int(db.execute(
                "INSERT INTO workshops (title, date, place, n_tables, per_table, created_at, updated_at, owner) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (title, date, place, n_tables, per_table, stamp, stamp, owner)).lastrowid or 0)
            _sync_tables(db, workshop_id, n_tables)
        return workshop_id

    def update(self, workshop_id: int, **fields: object) -> None:
        """Set the given FIELDS; tables beyond n_tables go, and their practices are unseated."""
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise ValueError(f"not a workshop field: {', '.join(sorted(unknown))}")
        with self.store.transaction() as db:
            if fields:
                db.execute(f"UPDATE workshops SET {', '.join(f'{name} = ?' for name in fields)} WHERE id = ?",
                           (*fields.values(), workshop_id))
            if "n_tables" in fields:
                _sync_tables(db, workshop_id, int(fields["n_tables"]))  # type: ignore[call-overload]
            _touch(db, workshop_id)

    def share(self, workshop_id: int, members: list[str], public: bool | None) -> None:
        """Replace the member list (every name must be an account); set the public flag when given."""
        with self.store.transaction() as db:
            _refuse_unknown(self.store, members)
            db.execute("DELETE FROM workshop_members WHERE workshop_id = ?", (workshop_id,))
            db.executemany("INSERT INTO workshop_members (workshop_id, username) VALUES (?, ?)",
                           [(workshop_id, m) for m in members])
            if public is not None:
                db.execute("UPDATE workshops SET public = ? WHERE id = ?", (int(public), workshop_id))
            _touch(db, workshop_id)

    def delete(self, workshop_id: int) -> None:
        """The workshop with its tables and shortlist (ON DELETE CASCADE); the records stay."""
        with self.store.transaction() as db:
            db.execute("DELETE FROM workshops WHERE id = ?", (workshop_id,))

    # ------------------------------------------------------------------ shortlist
    def items(self, workshop_id: int) -> list[dict]:
        """record_id, note, added_at and the table's position (None: not seated), in the order added."""
        return [dict(r) for r in self.store.db.execute(
            "SELECT i.record_id, i.note, i.added_at, t.position FROM workshop_items i "
            "LEFT JOIN workshop_tables t ON t.id = i.table_id WHERE i.workshop_id = ? "
            "ORDER BY i.added_at, i.rowid", (workshop_id,))]

    def add_items(self, workshop_id: int, record_ids: list[str], note: str) -> int:
        """Shortlist records (unseated); how many were new. A note given replaces an item's old note."""
        added = 0
        with self.store.transaction() as db:
            for rid in record_ids:
                cur = db.execute("INSERT OR IGNORE INTO workshop_items (workshop_id, record_id, note, added_at) "
                                 "VALUES (?, ?, ?, ?)", (workshop_id, rid, note, now()))
                added += cur.rowcount
                if cur.rowcount == 0 and note:
                    db.execute("UPDATE workshop_items SET note = ? WHERE workshop_id = ? AND record_id = ?",
                               (note, workshop_id, rid))
            _touch(db, workshop_id)
        return added

    def set_note(self, workshop_id: int, record_id: str, note: str) -> None:
        with self.store.transaction() as db:
            cur = db.execute("UPDATE workshop_items SET note = ? WHERE workshop_id = ? AND record_id = ?",
                             (note, workshop_id, record_id))
            if cur.rowcount == 0:
                raise _not_listed(workshop_id, record_id)
            _touch(db, workshop_id)

    def remove_items(self, workshop_id: int, record_ids: Iterable[str]) -> int:
        """Take records off the shortlist; how many were on it."""
        removed = 0
        with self.store.transaction() as db:
            for rid in record_ids:
                removed += db.execute("DELETE FROM workshop_items WHERE workshop_id = ? AND record_id = ?",
                                      (workshop_id, rid)).rowcount
            _touch(db, workshop_id)
        return removed

    def repoint(self, old_id: str, new_id: str) -> None:
        """Shortlist entries of a record about to disappear (merged) move to its successor."""
        with self.store.transaction() as db:
            db.execute("UPDATE OR IGNORE workshop_items SET record_id = ? WHERE record_id = ?", (new_id, old_id))

    # ------------------------------------------------------------------ tables
    def tables(self, workshop_id: int) -> list[dict]:
        """id, position, name and locked of each table, in order."""
        return [dict(r) for r in self.store.db.execute(
            "SELECT id, position, name, locked FROM workshop_tables WHERE workshop_id = ? ORDER BY position",
            (workshop_id,))]

    def seat(self, workshop_id: int, record_id: str, position: int | None) -> None:
        """Seat a shortlisted record at table `position`, or unseat it (None)."""
        with self.store.transaction() as db:
            if _seat(db, workshop_id, record_id, position) == 0:
                raise _not_listed(workshop_id, record_id)
            _touch(db, workshop_id)

    def set_table(self, workshop_id: int, position: int, *, name: str | None = None,
                  locked: bool | None = None) -> None:
        """Rename and/or (un)lock one table."""
        with self.store.transaction() as db:
            table_id = _table_id(db, workshop_id, position)
            if name is not None:
                db.execute("UPDATE workshop_tables SET name = ? WHERE id = ?", (name, table_id))
            if locked is not None:
                db.execute("UPDATE workshop_tables SET locked = ? WHERE id = ?", (int(locked), table_id))
            _touch(db, workshop_id)

    def arrange(self, workshop_id: int, seats: dict[str, int | None], names: dict[int, str]) -> None:
        """Seat many records at once (record id → table position or None) and name tables, in one transaction."""
        with self.store.transaction() as db:
            for rid, position in seats.items():
                _seat(db, workshop_id, rid, position)
            for position, name in names.items():
                db.execute("UPDATE workshop_tables SET name = ? WHERE id = ?",
                           (name, _table_id(db, workshop_id, position)))
            _touch(db, workshop_id)

    # ------------------------------------------------------------------ backups
    def backup_rows(self) -> list[dict[str, object]]:
        """Every workshop with its members, tables and shortlist as one plain row, oldest first."""
        rows = []
        for w in self.store.db.execute("SELECT * FROM workshops ORDER BY id").fetchall():
            tables = self.tables(w["id"])
            position = {t["id"]: t["position"] for t in tables}
            items = self.store.db.execute("SELECT record_id, table_id, note, added_at FROM workshop_items "
                                          "WHERE workshop_id = ? ORDER BY added_at, record_id", (w["id"],)).fetchall()
            rows.append({**{k: w[k] for k in w.keys() if k != "id"}, "members": self.members(w["id"]),
                         "tables": [{"position": t["position"], "name": t["name"], "locked": bool(t["locked"])}
                                    for t in tables],
                         "items": [{"record_id": i["record_id"], "table": position.get(i["table_id"]),
                                    "note": i["note"], "added_at": i["added_at"]} for i in items]})
        return rows

    def restore(self, rows: list[dict[str, object]]) -> int:
        """Add the workshops of a backup that are not here yet (same title and creation time); how many."""
        added = 0
        with self.store.transaction() as db:
            for row in rows:
                if db.execute("SELECT 1 FROM workshops WHERE title = ? AND created_at = ?",
                              (row["title"], row["created_at"])).fetchone():
                    continue
                wid = db.execute(
                    "INSERT INTO workshops (title, date, place, n_tables, per_table, created_at, updated_at, owner, "
                    "public) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*(row[k] for k in ("title", "date", "place", "n_tables", "per_table", "created_at",
                                        "updated_at")), row.get("owner"), int(bool(row.get("public"))))).lastrowid
                db.executemany("INSERT INTO workshop_members (workshop_id, username) VALUES (?, ?)",
                               [(wid, name) for name in dict.fromkeys(row.get("members") or [])])  # type: ignore
                table_ids = {}
                for table in row["tables"]:  # type: ignore[union-attr]
                    table_ids[table["position"]] = db.execute(
                        "INSERT INTO workshop_tables (workshop_id, position, name, locked) VALUES (?, ?, ?, ?)",
                        (wid, table["position"], table["name"], int(table["locked"]))).lastrowid
                for item in row["items"]:  # type: ignore[union-attr]
                    db.execute("INSERT INTO workshop_items (workshop_id, record_id, table_id, note, added_at) "
                               "VALUES (?, ?, ?, ?, ?)", (wid, item["record_id"], table_ids.get(item["table"]),
                                                          item["note"], item["added_at"]))
                added += 1
        return added


def _touch(db: sqlite3.Connection, workshop_id: int) -> None:
    db.execute("UPDATE workshops SET updated_at = ? WHERE id = ?", (now(), workshop_id))


def _sync_tables(db: sqlite3.Connection, workshop_id: int, n_tables: int) -> None:
    """Exactly tables 1..n_tables exist; dropped tables unseat their practices (ON DELETE SET NULL)."""
    db.execute("DELETE FROM workshop_tables WHERE workshop_id = ? AND position > ?", (workshop_id, n_tables))
    for position in range(1, n_tables + 1):
        db.execute("INSERT OR IGNORE INTO workshop_tables (workshop_id, position) VALUES (?, ?)",
                   (workshop_id, position))


def _seat(db: sqlite3.Connection, workshop_id: int, record_id: str, position: int | None) -> int:
    """Seat one shortlisted record at table `position` (None: unseat it); how many rows changed (0: not listed)."""
    table_id = _table_id(db, workshop_id, position) if position is not None else None
    return db.execute("UPDATE workshop_items SET table_id = ? WHERE workshop_id = ? AND record_id = ?",
                      (table_id, workshop_id, record_id)).rowcount


def _table_id(db: sqlite3.Connection, workshop_id: int, position: int) -> int:
    row = db.execute("SELECT id FROM workshop_tables WHERE workshop_id = ? AND position = ?",
                     (workshop_id, position)).fetchone()
    if not row:
        raise NotFound(f"workshop {workshop_id} has no table {position}", code="workshop.no_table",
                       workshop=workshop_id, position=position)
    return int(row["id"])


def _not_listed(workshop_id: int, record_id: str) -> NotFound:
    return NotFound(f"record {record_id} is not on the shortlist of workshop {workshop_id}",
                    code="workshop.not_listed", workshop=workshop_id, record=record_id)


def _refuse_unknown(store: Store, names: list[str]) -> None:
    """An owner or member must be an account of this store."""
    unknown = store.accounts.unknown(names)
    if unknown:
        raise InvalidQuery(f"no account named {', '.join(map(repr, unknown))}", code="workshop.unknown_member",
                           names=unknown)
