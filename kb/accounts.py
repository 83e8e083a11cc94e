"""Accounts, roles, sessions and login throttling, kept in the knowledge base's SQLite store.

Roles rank viewer < moderator < curator < admin; a viewer is anyone not logged in, so only the
other roles have accounts. Moderators prepare workshops; curators also edit the records.
Passwords are hashed with argon2id. Session tokens are only ever stored as their SHA-256, so a
copy of the database does not hand out live sessions.
"""
from __future__ import annotations

import builtins
import hashlib
import math
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cached_property

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kb.errors import AuthError, Forbidden, KBError, NotFound
from kb.store import Store

ROLES = ("moderator", "curator", "admin")
RANK = {"viewer": 0, "moderator": 1, "curator": 2, "admin": 3}
USERNAME = re.compile(r"[A-Za-z0-9._@-]{2,64}", re.ASCII)
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 would take anything; a cap keeps a huge POST from costing much


class AccountError(KBError, ValueError):
    """A bad username, password or role, or a username that is already taken."""

    code = "account"


@dataclass(frozen=True)
class User:
    username: str
    role: str
    disabled: bool
    created_at: str


@dataclass(frozen=True)
class Session:
    """A logged-in user; `token` goes into the browser, `expires_at` is the effective (idle or absolute) end."""

    token: str
    username: str
    role: str
    expires_at: str


def _user(row: dict) -> User:
    return User(row["username"], row["role"], bool(row["disabled"]), row["created_at"])


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    """The store's timestamp format (see kb.store.now): UTC, whole seconds, so strings sort as times."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_username(username: str) -> None:
    if not isinstance(username, str) or not USERNAME.fullmatch(username):
        raise AccountError(f"invalid username {username!r}: use 2–64 letters, digits or . _ @ -",
                           code="account.bad_username", username=username)


def check_password(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short: use at least {MIN_PASSWORD} characters",
                           code="account.password_too_short", minimum=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"password too long: use at most {MAX_PASSWORD} characters",
                           code="account.password_too_long", maximum=MAX_PASSWORD)


def check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}",
                           code="account.unknown_role", role=role)


def at_least(role: str, wanted: str) -> bool:
    """Whether `role` ranks at or above `wanted` (a visitor's role is "viewer")."""
    return RANK.get(role, 0) >= RANK[wanted]


def require(session: Session | None, role: str) -> None:
    """The one guard for pages and library calls: AuthError when not logged in, Forbidden when the role is too low."""
    if role not in RANK:
        raise ValueError(f"unknown role {role!r}")
    if RANK[role] == 0:
        return
    if session is None:
        raise AuthError(f"please log in: this needs the {role} role", code="auth.login_needed", role=role)
    if not at_least(session.role, role):
        raise Forbidden(f"{session.username} is a {session.role}; this needs the {role} role",
                        code="auth.role_too_low", role=role)


class Accounts:
    """User accounts and sessions on a Store; time comes from `clock` so tests can move it."""

    def __init__(self, store: Store, *, idle_timeout: timedelta = timedelta(minutes=30),
                 max_age: timedelta = timedelta(hours=8), max_failures: int = 5,
                 failure_window: timedelta = timedelta(minutes=15), lockout: timedelta = timedelta(minutes=15),
                 hasher: PasswordHasher | None = None, clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.idle_timeout, self.max_age = idle_timeout, max_age
        self.max_failures, self.failure_window, self.lockout = max_failures, failure_window, lockout
        self.hasher = hasher or PasswordHasher()  # argon2id with the library's (RFC 9106) defaults
        self.clock = clock

    def _now(self) -> datetime:
        return self.clock().astimezone(timezone.utc).replace(microsecond=0)

    @cached_property
    def _dummy_hash(self) -> str:
        """Verified against for unknown users so a login takes as long whether or not the name exists."""
        return self.hasher.hash(secrets.token_urlsafe(16))

    def _existing(self, username: str) -> dict:
        row = self.store.accounts.user(username)
        if row is None:
            raise NotFound(f"no user named {username!r}", code="account.unknown", username=username)
        return row

    def get(self, username: str) -> User:
        """One account; NotFound when there is none."""
        return _user(self._existing(username))

    # ------------------------------------------------------------------ administration
    def add(self, username: str, password: str, role: str = "curator") -> User:
        """Create an account; the password is checked and hashed before anything is written."""
        check_username(username)
        check_role(role)
        check_password(password)
        taken = AccountError(f"user {username!r} already exists", code="account.exists", username=username)
        if self.store.accounts.user(username) is not None:
            raise taken
        created = _iso(self._now())
        if not self.store.accounts.add_user(username, role, self.hasher.hash(password), created):
            raise taken  # someone added the same name since the check above
        return User(username, role, False, created)

    def disable(self, username: str) -> None:
        """Lock an account out at once: its open sessions go too."""
        self._existing(username)
        self.store.accounts.disable(username)

    def enable(self, username: str) -> None:
        """Let an account log in again, with a clean failure count."""
        self._existing(username)
        self.store.accounts.enable(username)

    def set_password(self, username: str, password: str) -> None:
        """New password; it ends every session of the user (a reset after a leak must lock the old holder out)."""
        self._existing(username)
        check_password(password)
        self.store.accounts.reset_password(username, self.hasher.hash(password))

    def list(self) -> builtins.list[User]:
        return [_user(row) for row in self.store.accounts.users()]

    # ------------------------------------------------------------------ logging in
    def login(self, username: str, password: str) -> Session:
        """Check the password and open a session; throttled per username after repeated failures."""
        now = self._now()
        rows = self.store.accounts
        # the attempt counts as a failure until the password checks out, written in the same step as the
        # throttle check, so attempts made at the same moment (tabs, scripts) cannot all pass it
        attempt = rows.count_attempt(username, _iso(now), self.max_failures,
                                     lambda failures: self._check_throttle(username, failures, now))
        row = rows.user(username)
        stored = row["password_hash"] if row is not None else self._dummy_hash
        try:
            self.hasher.verify(stored, password)
            ok = row is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            rows.forget_failures_before(_iso(now - self.failure_window - self.lockout))
            raise AuthError("wrong username or password", code="auth.wrong_credentials")
        assert row is not None
        if row["disabled"]:
            rows.forget_attempt(attempt)  # the right password: no failure to count
            raise AuthError(f"account {username!r} is disabled", code="auth.disabled", username=username)
        token = secrets.token_urlsafe(32)
        expires = now + self.max_age
        rehashed = self.hasher.hash(password) if self.hasher.check_needs_rehash(stored) else None
        rows.open_session(_token_hash(token), username, _iso(now), _iso(expires), _iso(now - self.idle_timeout),
                          rehashed)
        return Session(token, username, row["role"], _iso(min(now + self.idle_timeout, expires)))

    def _check_throttle(self, username: str, failures: builtins.list[str], now: datetime) -> None:
        """Refuse when the last `max_failures` failures fell within one window and the lockout has not passed."""
        if len(failures) < self.max_failures:
            return
        newest, oldest = _parse(failures[0]), _parse(failures[-1])
        until = newest + self.lockout
        if newest - oldest <= self.failure_window and now < until:
            minutes = max(1, math.ceil((until - now).total_seconds() / 60))
            raise AuthError(f"too many failed logins for {username!r}: "
                            f"wait {minutes} minute{'s' if minutes != 1 else ''} and try again",
                            code="auth.throttled", username=username, minutes=minutes)

    # ------------------------------------------------------------------ sessions
    def session(self, token: str) -> Session:
        """The live session behind a token; each check extends the idle timeout (never the absolute one)."""
        if not token:
            raise AuthError("not logged in", code="auth.login_needed")
        key = _token_hash(token)
        row = self.store.accounts.session(key)
        if row is None:
            raise AuthError("unknown or expired session: please log in again", code="auth.session_expired")
        now = self._now()
        absolute = _parse(row["expires_at"])
        if now >= min(_parse(row["last_seen"]) + self.idle_timeout, absolute) or row["disabled"]:
            self.store.accounts.end_session(key)
            if row["disabled"]:
                raise AuthError(f"account {row['username']!r} is disabled", code="auth.disabled",
                                username=row["username"])
            raise AuthError("session expired: please log in again", code="auth.session_expired")
        self.store.accounts.seen(key, _iso(now))
        return Session(token, row["username"], row["role"], _iso(min(now + self.idle_timeout, absolute)))

    def logout(self, token: str) -> None:
        self.store.accounts.end_session(_token_hash(token))

    require = staticmethod(require)
