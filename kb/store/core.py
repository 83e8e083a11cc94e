"""The SQLite store: records, the texts they came from and the change log.

Each record row has an integer `rowid` that the FAISS index uses as its id;
the index never holds text or metadata. Accounts and workshops live in the
same file; their SQL is in `kb.store.accounts` and `kb.store.workshops`,
reached as `store.accounts` and `store.workshops`.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from kb.errors import KBError, NotFound
from kb.record import Record
from kb.store.accounts import AccountRows
from kb.store.schema import MIGRATIONS, SCHEMA_VERSION, now, statements
from kb.store.workshops import WorkshopRows


@dataclass(frozen=True)
class Change:
    """One record's state before and after one curation action (None = did not exist / removed)."""

    id: int
    batch: str
    record_id: str
    action: str
    user: str
    at: str
    before: Record | None
    after: Record | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Change:
        def load(raw: str | None) -> Record | None:
            return Record.from_dict(json.loads(raw)) if raw else None

        return cls(int(row["id"]), row["batch"], row["record_id"], row["action"], row["user"], row["at"],
                   load(row["before"]), load(row["after"]))

    def fields(self) -> list[str]:
        """The record fields this change altered."""
        before = self.before.to_dict() if self.before else {}
        after = self.after.to_dict() if self.after else {}
        skip = {"updated_at", "version", "created_at"}
        return [k for k in dict.fromkeys([*before, *after]) if k not in skip and before.get(k) != after.get(k)]


class Store:
    """Records, source texts, the change log, accounts and workshops in one SQLite file.

    Every write is one transaction (`transaction`); the SQL of accounts and workshops is in
    `self.accounts` and `self.workshops`.
    """

    def __init__(self, path: Path | str) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.lock = threading.RLock()  # the Streamlit server's sessions share this connection
        self.accounts = AccountRows(self)
        self.workshops = WorkshopRows(self)
        try:
            self.db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL" if str(path) != ":memory:" else "PRAGMA journal_mode=MEMORY")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise KBError(f"{path} is not a readable knowledge base ({exc}); nothing was changed. Restore a backup "
                          "into a fresh folder with `kb --home NEW import BACKUP` (made by `kb export`)",
                          code="store.unreadable", path=str(path)) from exc

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception: nothing is half-written."""
        with self.lock:
            if self.db.in_transaction:
                yield self.db
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    # ------------------------------------------------------------------ records
    def upsert(self, records: Iterable[Record], keep_stamps: bool = False) -> list[int]:
        """Insert or update records by id; returns their row ids (the FAISS ids).

        With `keep_stamps` (restoring a backup) each record is written exactly as given,
        its created_at, updated_at and version included, instead of being stamped anew.
        """
        rowids = []
        with self.transaction():
            for record in records:
                record = replace(record)  # stamps and version go to the stored copy, not the caller's record
                rowids.append(self._restore_one(record) if keep_stamps else self._upsert_one(record))
        return rowids

    def _restore_one(self, record: Record) -> int:
        stamp = now()
        record.created_at = record.created_at or stamp
        record.updated_at = record.updated_at or record.created_at
        existing = self.db.execute("SELECT rowid FROM records WHERE id = ?", (record.id,)).fetchone()
        return self._write_row(record, int(existing["rowid"]) if existing else None)

    def _upsert_one(self, record: Record) -> int:
        stamp = now()
        existing = self.db.execute("SELECT rowid, created_at, version, data FROM records WHERE id = ?",
                                   (record.id,)).fetchone()
        if existing:
            record.created_at = existing["created_at"]
            if _content(json.loads(existing["data"])) == _content(record.to_dict()):
                return int(existing["rowid"])
            record.version = int(existing["version"]) + 1
        else:
            record.created_at = record.created_at or stamp
        record.updated_at = stamp
        return self._write_row(record, int(existing["rowid"]) if existing else None)

    def _write_row(self, record: Record, rowid: int | None) -> int:
        """Write the record exactly as it is (stamps included) over row `rowid`, or as a new row."""
        values = (record.source, record.start, record.end, record.kind, record.status, record.version,
                  record.created_at, record.updated_at, json.dumps(record.to_dict(), ensure_ascii=False), record.id)
        if rowid is not None:
            self.db.execute("UPDATE records SET source=?, start=?, end=?, kind=?, status=?, version=?, "
                            "created_at=?, updated_at=?, data=? WHERE id=?", values)
        else:
            rowid = int(self.db.execute(
                "INSERT INTO records (source, start, end, kind, status, version, created_at, updated_at, data, id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values).lastrowid or 0)
        self._written(record)
        return rowid

    def _written(self, record: Record) -> None:
        """Keep the span lookup in step with the record and mark the records as changed."""
        self.db.execute("DELETE FROM spans WHERE record_id = ?", (record.id,))
        self.db.executemany("INSERT OR IGNORE INTO spans (record_id, source, start, end) VALUES (?, ?, ?, ?)",
                            [(record.id, *span) for span in record.spans()])
        self.db.execute("UPDATE records SET generation = ? WHERE id = ?", (self._bump(), record.id))

    def _bump(self) -> int:
        """Raise the store's generation; returns the new value."""
        self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
        return self.generation()

    def generation(self) -> int:
        """A counter raised by every record write: the index remembers the generation it reflects."""
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])

    def changed_since(self, generation: int) -> tuple[int, list[tuple[int, Record]], set[int]]:
        """(current generation, records written after `generation`, every row id), read in one snapshot.

        What an index at `generation` needs to catch up: add the records returned, drop the ids it
        holds that are no longer stored.
        """
        with self.lock:
            in_transaction = self.db.in_transaction
            if not in_transaction:
                self.db.execute("BEGIN")
            try:
                current = self.generation()
                rows = self.db.execute("SELECT rowid, data FROM records WHERE generation > ?", (generation,))
                changed = [(int(r["rowid"]), Record.from_dict(json.loads(r["data"]))) for r in rows]
                rowids = self.rowids()
            finally:
                if not in_transaction:
                    self.db.execute("COMMIT")
        return current, changed, rowids

    def delete(self, ids: Iterable[str]) -> list[int]:
        """Delete records by id; returns the row ids removed (to drop from the index)."""
        removed = []
        with self.transaction():
            for rid in ids:
                row = self.db.execute("SELECT rowid FROM records WHERE id = ?", (rid,)).fetchone()
                if row:
                    removed.append(int(row["rowid"]))
                    self.db.execute("DELETE FROM records WHERE id = ?", (rid,))
                    self._bump()
        return removed

    def get(self, rid: str) -> Record:
        row = self.db.execute("SELECT data FROM records WHERE id = ?", (rid,)).fetchone()
        if not row:
            raise NotFound(f"no record with id {rid!r}", code="record.unknown", record=rid)
        return Record.from_dict(json.loads(row["data"]))

    def rowid_of(self, rid: str) -> int:
        row = self.db.execute("SELECT rowid FROM records WHERE id = ?", (rid,)).fetchone()
        if not row:
            raise NotFound(f"no record with id {rid!r}", code="record.unknown", record=rid)
        return int(row["rowid"])

    def all(self) -> list[tuple[int, Record]]:
        """Every record with its row id, in document order."""
        rows = self.db.execute("SELECT rowid, data FROM records ORDER BY source, start, end")
        return [(int(r["rowid"]), Record.from_dict(json.loads(r["data"]))) for r in rows]

    def rowids(self) -> set[int]:
        """Every record's row id (the FAISS ids), without decoding the records."""
        return {int(r[0]) for r in self.db.execute("SELECT rowid FROM records")}

    def ids_for_source(self, source: str) -> set[str]:
        return {r["id"] for r in self.db.execute("SELECT id FROM records WHERE source = ?", (source,))}

    def records_in_source(self, source: str) -> list[Record]:
        """Records with any span in `source`: their own, or one merged into them."""
        rows = self.db.execute("SELECT DISTINCT r.data FROM spans s JOIN records r ON r.id = s.record_id "
                               "WHERE s.source = ? ORDER BY r.start", (source,))
        return [Record.from_dict(json.loads(r["data"])) for r in rows]

    def find(self, rid: str) -> Record | None:
        try:
            return self.get(rid)
        except NotFound:
            return None

    # ------------------------------------------------------------------ change log
    def log_change(self, batch: str, record_id: str, action: str, user: str,
                   before: Record | None, after: Record | None) -> None:
        """One row per record an operation touched; `batch` ties the rows of one operation together."""
        def dump(r: Record | None) -> str | None:
            return json.dumps(r.to_dict(), ensure_ascii=False) if r is not None else None

        self.db.execute("INSERT INTO changes (batch, record_id, action, user, at, before, after) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", (batch, record_id, action, user, now(), dump(before),
                                                         dump(after)))

    def changes(self, record_id: str | None = None, batch: str | None = None, limit: int = 1000) -> list[Change]:
        """The change log, newest first, for one record or one batch (or all)."""
        where, args = [], []
        if record_id is not None:
            where.append("record_id = ?")
            args.append(record_id)
        if batch is not None:
            where.append("batch = ?")
            args.append(batch)
        sql = "SELECT * FROM changes" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.db.execute(sql + " ORDER BY id DESC LIMIT ?", (*args, limit))
        return [Change.from_row(r) for r in rows]

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    # ------------------------------------------------------------------ sources
    def put_source(self, name: str, path: str, sha256: str, encoding: str, text: str, url: str | None = None) -> None:
        """Store a source text; without a new `url` the address given before is kept."""
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO sources (name, path, sha256, encoding, text, ingested_at, url) "
                "VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, (SELECT url FROM sources WHERE name = ?)))",
                (name, path, sha256, encoding, text, now(), url, name))

    def source_text(self, name: str) -> str:
        row = self.db.execute("SELECT text FROM sources WHERE name = ?", (name,)).fetchone()
        if not row:
            raise NotFound(f"no source named {name!r}", code="source.unknown", name=name)
        return str(row["text"])

    def source_info(self, name: str) -> dict[str, str] | None:
        """Where a stored source came from (path, sha256, encoding, url), without its text; None when unknown."""
        row = self.db.execute("SELECT name, path, sha256, encoding, ingested_at, url FROM sources WHERE name = ?",
                              (name,)).fetchone()
        return dict(row) if row else None

    def sources(self) -> list[dict[str, str]]:
        """Every stored source with its text, for a backup."""
        return [dict(r) for r in self.db.execute("SELECT * FROM sources ORDER BY name")]

    def restore_source(self, row: dict[str, str]) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO sources (name, path, sha256, encoding, text, ingested_at, url) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (*(row[k] for k in ("name", "path", "sha256", "encoding", "text", "ingested_at")),
                             row.get("url") or None))

    def change_rows(self) -> list[dict[str, object]]:
        """The change log as plain rows (before/after stay JSON text), oldest first, for a backup."""
        return [{k: r[k] for k in r.keys() if k != "id"} for r in self.db.execute("SELECT * FROM changes ORDER BY id")]

    def restore_changes(self, rows: list[dict[str, object]]) -> None:
        """Add logged changes not already present (same batch, record and time), oldest first."""
        with self.transaction():
            for row in rows:
                exists = self.db.execute("SELECT 1 FROM changes WHERE batch = ? AND record_id = ? AND at = ?",
                                         (row["batch"], row["record_id"], row["at"])).fetchone()
                if not exists:
                    self.db.execute("INSERT INTO changes (batch, record_id, action, user, at, before, after) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                    tuple(row.get(k) for k in ("batch", "record_id", "action", "user", "at",
                                                               "before", "after")))

    def close(self) -> None:
        self.db.close()


def _content(data: dict) -> dict:
    """A record's fields without bookkeeping, to tell a real change from a no-op re-ingest."""
    return {k: v for k, v in data.items() if k not in ("created_at", "updated_at", "version")}
