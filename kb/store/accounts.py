"""The SQL of accounts: users, sessions and failed logins (their rules are in kb.accounts).

Rows come back as plain dicts. Times are the store's ISO strings, given by the caller, so the
rules (idle timeout, throttling) can run on a clock that tests move.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kb.store.core import Store


class AccountRows:
    """Users, sessions and login failures of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------ users
    def user(self, username: str) -> dict | None:
        row = self.store.db.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
        return dict(row) if row else None

    def users(self) -> list[dict]:
        return [dict(r) for r in self.store.db.execute(
            "SELECT username, role, disabled, created_at FROM users ORDER BY username")]

    def unknown(self, names: list[str]) -> list[str]:
        """The names that are no account here."""
        return [n for n in names
                if not self.store.db.execute("SELECT 1 FROM users WHERE username = ?", (n,)).fetchone()]

    def add_user(self, username: str, role: str, password_hash: str, created_at: str) -> bool:
        """False when the name is taken (also when someone took it a moment ago)."""
        with self.store.transaction() as db:
            try:
                db.execute("INSERT INTO users (username, role, password_hash, disabled, created_at) "
                           "VALUES (?, ?, ?, 0, ?)", (username, role, password_hash, created_at))
            except sqlite3.IntegrityError:
                return False
        return True

    def disable(self, username: str) -> None:
        """Disabled, with its open sessions ended."""
        with self.store.transaction() as db:
            db.execute("UPDATE users SET disabled = 1 WHERE username = ?", (username,))
            db.execute("DELETE FROM sessions WHERE username = ?", (username,))

    def enable(self, username: str) -> None:
        """Enabled, with a clean failure count."""
        with self.store.transaction() as db:
            db.execute("UPDATE users SET disabled = 0 WHERE username = ?", (username,))
            db.execute("DELETE FROM login_failures WHERE username = ?", (username,))

    def reset_password(self, username: str, password_hash: str) -> None:
        """A new password ends every session and forgets the failures."""
        with self.store.transaction() as db:
            db.execute("UPDATE users SET password_hash = ? WHERE username = ?", (password_hash, username))
            db.execute("DELETE FROM sessions WHERE username = ?", (username,))
            db.execute("DELETE FROM login_failures WHERE username = ?", (username,))

    # ------------------------------------------------------------------ failed logins
    def count_attempt(self, username: str, at: str, recent: int, refuse: Callable[[list[str]], None]) -> int:
        """Record an attempt as a failure, after `refuse` saw the `recent` newest failure times (newest first).

        Both happen in one transaction, so attempts made at the same moment cannot all pass the check
        before any failure is written; when `refuse` raises, nothing is written. Returns the attempt's id.
        """
        with self.store.transaction() as db:
            rows = db.execute("SELECT at FROM login_failures WHERE username = ? ORDER BY at DESC LIMIT ?",
                              (username, recent)).fetchall()
            refuse([r["at"] for r in rows])
            return int(db.execute("INSERT INTO login_failures (username, at) VALUES (?, ?)",
                                  (username, at)).lastrowid or 0)

    def forget_attempt(self, attempt: int) -> None:
        with self.store.transaction() as db:
            db.execute("DELETE FROM login_failures WHERE rowid = ?", (attempt,))

    def forget_failures_before(self, at: str) -> None:
        with self.store.transaction() as db:
            db.execute("DELETE FROM login_failures WHERE at < ?", (at,))

    # ------------------------------------------------------------------ sessions
    def open_session(self, token_hash: str, username: str, at: str, expires_at: str, idle_before: str,
                     new_password_hash: str | None = None) -> None:
        """A successful login: forget the user's failures, drop sessions past their end, store this one."""
        with self.store.transaction() as db:
            db.execute("DELETE FROM login_failures WHERE username = ?", (username,))
            if new_password_hash is not None:
                db.execute("UPDATE users SET password_hash = ? WHERE username = ?", (new_password_hash, username))
            db.execute("DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?", (at, idle_before))
            db.execute("INSERT INTO sessions (token_hash, username, created_at, last_seen, expires_at) "
                       "VALUES (?, ?, ?, ?, ?)", (token_hash, username, at, at, expires_at))

    def session(self, token_hash: str) -> dict | None:
        """The session with its user's role and disabled flag."""
        row = self.store.db.execute(
            "SELECT s.username, s.last_seen, s.expires_at, u.role, u.disabled FROM sessions s "
            "JOIN users u ON u.username = s.username WHERE s.token_hash = ?", (token_hash,)).fetchone()
        return dict(row) if row else None

    def seen(self, token_hash: str, at: str) -> None:
        with self.store.transaction() as db:
            db.execute("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", (at, token_hash))

    def end_session(self, token_hash: str) -> None:
        with self.store.transaction() as db:
            db.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))
