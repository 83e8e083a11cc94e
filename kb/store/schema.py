"""The store's schema: migrations run in order on open, the version is `PRAGMA user_version`.

A migration is SQL only, never Python, so a second backend can translate it and a reader sees
the whole schema in one place.
"""
from __future__ import annotations

from datetime import datetime, timezone

MIGRATIONS: list[str] = [
    # 1: records and sources
    """
    CREATE TABLE records (
        rowid INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX records_source ON records(source);
    CREATE TABLE sources (
        name TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        encoding TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    """,
    # 2: workshops (kb/workshop.py): tables of practices that moderators prepare
    """
    CREATE TABLE workshops (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        date TEXT,
        place TEXT,
        n_tables INTEGER NOT NULL,
        per_table INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE workshop_tables (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        locked INTEGER NOT NULL DEFAULT 0,
        UNIQUE (workshop_id, position)
    );
    CREATE TABLE workshop_items (
        workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        table_id INTEGER REFERENCES workshop_tables(id) ON DELETE SET NULL,
        note TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, record_id)
    );
    CREATE INDEX workshop_items_table ON workshop_items(table_id);
    """,
    # 3: curation: every span a record covers (merges keep several), the change log, accounts
    """
    CREATE TABLE spans (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (record_id, source, start, end)
    );
    CREATE INDEX spans_source ON spans(source);
    INSERT INTO spans (record_id, source, start, end) SELECT id, source, start, end FROM records;
    CREATE TABLE changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        batch TEXT NOT NULL,
        record_id TEXT NOT NULL,
        action TEXT NOT NULL,
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        before TEXT,
        after TEXT
    );
    CREATE INDEX changes_record ON changes(record_id, id);
    CREATE TABLE users (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('curator', 'admin')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE TABLE login_failures (
        username TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX login_failures_user ON login_failures(username, at);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('generation', '0');
    """,
    # 4: the address of the original programme page, when the curator gave it
    """
    ALTER TABLE sources ADD COLUMN url TEXT;
    """,
    # 5: the generation each record was last written at, so an index can catch up with only what changed;
    # workshops get an owner, a share list and a public flag; moderators get accounts. SQLite cannot
    # change a CHECK, so users is rebuilt (its sessions go with it: everyone logs in again once).
    """
    ALTER TABLE records ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX records_generation ON records(generation);
    ALTER TABLE workshops ADD COLUMN owner TEXT;
    ALTER TABLE workshops ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE workshop_members (
        workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        username TEXT NOT NULL,
        PRIMARY KEY (workshop_id, username)
    );
    CREATE TABLE users_new (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('moderator', 'curator', 'admin')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    INSERT INTO users_new SELECT username, role, password_hash, disabled, created_at FROM users;
    DROP TABLE users;
    ALTER TABLE users_new RENAME TO users;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """A migration's statements, one by one (sqlite3 runs only one statement per execute)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def now() -> str:
    """The store's timestamp: UTC, whole seconds, ISO 8601, so stamps sort as text."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
