"""Accounts, sessions and login throttling (kb/accounts.py) on a real SQLite store, and `kb users …`."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.accounts import USERNAME, AccountError, Accounts, Session, require
from kb.errors import AuthError, Forbidden, KBError, NotFound
from kb.store import Store

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery"
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # argon2id, cheap enough for tests


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "kb.sqlite3")
    yield s
    s.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(store, clock) -> Accounts:
    return Accounts(store, hasher=FAST, clock=clock)


# ---------------------------------------------------------------- administration
def test_add_list_disable_enable(accounts):
    alice = accounts.add("alice", PASSWORD)
    accounts.add("bob@ocmw.be", PASSWORD, role="admin")
    assert alice.role == "curator" and not alice.disabled
    assert [(u.username, u.role, u.disabled) for u in accounts.list()] == [
        ("alice", "curator", False), ("bob@ocmw.be", "admin", False)]
    accounts.disable("alice")
    assert accounts.get("alice").disabled
    with pytest.raises(AuthError, match="disabled"):
        accounts.login("alice", PASSWORD)
    accounts.enable("alice")
    assert not accounts.get("alice").disabled
    assert accounts.login("alice", PASSWORD).username == "alice"


def test_bad_input_is_refused_with_a_clear_message(accounts):
    accounts.add("alice", PASSWORD)
    with pytest.raises(AccountError, match="already exists"):
        accounts.add("alice", "another long password")
    with pytest.raises(AccountError, match="at least 10"):
        accounts.add("carol", "short")
    with pytest.raises(AccountError, match="unknown role"):
        accounts.add("carol", PASSWORD, role="viewer")
    with pytest.raises(AccountError, match="invalid username"):
        accounts.add("carol smith", PASSWORD)
    with pytest.raises(NotFound):
        accounts.disable("nobody")
    with pytest.raises(AccountError):
        accounts.set_password("alice", "short")
    assert issubclass(AccountError, KBError)
    assert [u.username for u in accounts.list()] == ["alice"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80).filter(lambda s: not USERNAME.fullmatch(s)))
def test_any_username_outside_the_pattern_is_rejected(name):
    accounts = Accounts(Store(":memory:"), hasher=FAST)
    with pytest.raises(AccountError, match="invalid username"):
        accounts.add(name, PASSWORD)
    assert accounts.list() == []


def test_password_is_stored_as_argon2id_and_token_only_as_its_hash(accounts, store):
    accounts.add("alice", PASSWORD)
    stored = store.db.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    session = accounts.login("alice", PASSWORD)
    assert len(session.token) >= 40
    rows = [tuple(r) for r in store.db.execute("SELECT * FROM sessions")]
    assert rows and all(session.token not in str(v) for row in rows for v in row)
    assert rows[0][0] == hashlib.sha256(session.token.encode()).hexdigest()


def test_outdated_hash_is_upgraded_on_login(store, clock):
    Accounts(store, hasher=FAST, clock=clock).add("alice", PASSWORD)
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    Accounts(store, hasher=stronger, clock=clock).login("alice", PASSWORD)
    stored = store.db.execute("SELECT password_hash FROM users").fetchone()[0]
    assert not stronger.check_needs_rehash(stored)


def test_set_password_ends_sessions(accounts):
    accounts.add("alice", PASSWORD)
    session = accounts.login("alice", PASSWORD)
    accounts.set_password("alice", "a brand new secret")
    with pytest.raises(AuthError):
        accounts.session(session.token)
    with pytest.raises(AuthError):
        accounts.login("alice", PASSWORD)
    assert accounts.login("alice", "a brand new secret").role == "curator"


# ---------------------------------------------------------------- logging in
def test_wrong_password_and_unknown_user_give_the_same_error(accounts):
    accounts.add("alice", PASSWORD)
    with pytest.raises(AuthError) as wrong:
        accounts.login("alice", "not the password")
    with pytest.raises(AuthError) as unknown:
        accounts.login("mallory", PASSWORD)
    assert str(wrong.value) == str(unknown.value) == "wrong username or password"


def test_session_slides_and_expires_when_idle(accounts, clock):
    accounts.add("alice", PASSWORD)
    session = accounts.login("alice", PASSWORD)
    for _ in range(4):  # checked every 25 minutes: the 30-minute idle timeout keeps sliding
        clock.advance(minutes=25)
        assert accounts.session(session.token).username == "alice"
    clock.advance(minutes=30)
    with pytest.raises(AuthError, match="expired"):
        accounts.session(session.token)
    with pytest.raises(AuthError):  # and it is gone, not just late
        accounts.session(session.token)


def test_session_expires_after_its_absolute_lifetime(accounts, clock):
    accounts.add("alice", PASSWORD)
    session = accounts.login("alice", PASSWORD)
    for _ in range(7 * 3):  # active all day: one check every 20 minutes for 7 hours
        clock.advance(minutes=20)
        current = accounts.session(session.token)
    assert current.expires_at == "2025-03-01T16:30:00+00:00"  # idle end, before the absolute end
    clock.advance(minutes=25)
    assert accounts.session(session.token).expires_at == "2025-03-01T16:55:00+00:00"
    clock.advance(minutes=25)  # 7h50: the idle end would be 17:20, the 8 hours cap it at 17:00
    assert accounts.session(session.token).expires_at == "2025-03-01T17:00:00+00:00"
    clock.advance(minutes=10)
    with pytest.raises(AuthError, match="expired"):
        accounts.session(session.token)


def test_disabled_users_session_is_rejected_and_logout_works(accounts, store):
    accounts.add("alice", PASSWORD)
    accounts.add("bob", PASSWORD)
    a, b = accounts.login("alice", PASSWORD), accounts.login("bob", PASSWORD)
    accounts.disable("alice")
    with pytest.raises(AuthError):
        accounts.session(a.token)
    assert accounts.session(b.token).username == "bob"
    store.db.execute("UPDATE users SET disabled = 1 WHERE username = 'bob'")  # disabled behind our back
    with pytest.raises(AuthError, match="disabled"):
        accounts.session(b.token)
    accounts.enable("bob")
    c = accounts.login("bob", PASSWORD)
    accounts.logout(c.token)
    with pytest.raises(AuthError):
        accounts.session(c.token)
    with pytest.raises(AuthError):
        accounts.session("")


def test_throttling_after_five_failures(accounts, clock):
    accounts.add("alice", PASSWORD)
    for _ in range(5):
        clock.advance(minutes=1)
        with pytest.raises(AuthError, match="wrong username or password"):
            accounts.login("alice", "guess guess guess")
    with pytest.raises(AuthError, match=r"wait 15 minutes"):
        accounts.login("alice", PASSWORD)  # even the right password
    clock.advance(minutes=14, seconds=30)
    with pytest.raises(AuthError, match=r"wait 1 minute\b"):
        accounts.login("alice", PASSWORD)
    clock.advance(seconds=30)
    assert accounts.login("alice", PASSWORD).username == "alice"


def test_failures_spread_out_or_cleared_by_success_do_not_throttle(accounts, clock, store):
    accounts.add("alice", PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthError):
            accounts.login("alice", "guess guess guess")
    accounts.login("alice", PASSWORD)
    assert store.db.execute("SELECT COUNT(*) FROM login_failures WHERE username='alice'").fetchone()[0] == 0
    for _ in range(4):
        with pytest.raises(AuthError, match="wrong"):
            accounts.login("alice", "guess guess guess")
    accounts.login("alice", PASSWORD)  # 8 failures in all, never 5 in a row
    for _ in range(5):  # five failures, but 16 minutes apart: never five within 15 minutes
        clock.advance(minutes=16)
        with pytest.raises(AuthError, match="wrong"):
            accounts.login("alice", "guess guess guess")
    assert accounts.login("alice", PASSWORD)


def test_unknown_usernames_are_throttled_too(accounts):
    for _ in range(5):
        with pytest.raises(AuthError, match="wrong"):
            accounts.login("mallory", "guess guess guess")
    with pytest.raises(AuthError, match="wait"):
        accounts.login("mallory", "guess guess guess")


# ---------------------------------------------------------------- roles
def test_require_ranks_viewer_curator_admin(accounts):
    curator = Session("t1", "alice", "curator", "2025-03-01T10:00:00+00:00")
    admin = Session("t2", "bob", "admin", "2025-03-01T10:00:00+00:00")
    require(None, "viewer")
    with pytest.raises(AuthError):
        require(None, "curator")
    with pytest.raises(AuthError):
        require(None, "admin")
    for s in (curator, admin):
        require(s, "viewer")
        require(s, "curator")
    with pytest.raises(Forbidden, match="admin"):
        accounts.require(curator, "admin")
    accounts.require(admin, "admin")
    with pytest.raises(ValueError):
        require(admin, "superuser")


# ---------------------------------------------------------------- command line
def kb(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb", "--home", str(home), *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_cli_users_through_a_subprocess(tmp_path):
    home = tmp_path / "home"
    proc = kb(home, "users", "add", "alice", "--role", "curator", "--password-stdin", stdin=PASSWORD + "\n")
    assert proc.returncode == 0, proc.stderr
    listed = json.loads(kb(home, "users", "list", "--format", "json").stdout)
    assert [(u["username"], u["role"], u["disabled"]) for u in listed] == [("alice", "curator", False)]
    assert kb(home, "users", "disable", "alice").returncode == 0
    assert json.loads(kb(home, "users", "list", "--format", "json").stdout)[0]["disabled"] is True
    proc = kb(home, "users", "add", "bob", "--password-stdin", stdin="short\n")
    assert proc.returncode == 1
    assert proc.stderr.strip() == "kb: error: password too short: use at least 10 characters"
    assert [u["username"] for u in json.loads(kb(home, "users", "list", "--format", "json").stdout)] == ["alice"]


def test_cli_users_in_process(tmp_path):
    from cli import main

    home = str(tmp_path / "home")
    run = CliRunner().invoke
    # prompted twice, hidden
    result = run(main, ["--home", home, "users", "add", "carol", "--role", "admin"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    result = run(main, ["--home", home, "users", "add", "carol", "--password-stdin"], input=PASSWORD + "\n")
    assert result.exit_code == 1 and "already exists" in result.output
    result = run(main, ["--home", home, "users", "passwd", "carol", "--password-stdin"], input="a brand new secret\n")
    assert result.exit_code == 0, result.output
    assert run(main, ["--home", home, "users", "disable", "carol"]).exit_code == 0
    assert run(main, ["--home", home, "users", "enable", "carol"]).exit_code == 0
    result = run(main, ["--home", home, "users", "list"])
    assert result.exit_code == 0 and "carol" in result.output and "admin" in result.output
    result = run(main, ["--home", home, "users", "enable", "nobody"])
    assert result.exit_code == 1 and "no user named 'nobody'" in result.output
    store = Store(Path(home) / "kb.sqlite3")
    try:
        assert Accounts(store).login("carol", "a brand new secret").role == "admin"
    finally:
        store.close()


def test_simultaneous_wrong_passwords_are_throttled_too(accounts):
    """Ten tabs guessing at once: at most five guesses are checked (the check and the count are one step)."""
    from concurrent.futures import ThreadPoolExecutor

    accounts.add("alice", PASSWORD)

    def guess(_: int) -> str:
        try:
            accounts.login("alice", "guess guess guess")
        except AuthError as exc:
            return exc.code
        return "logged in"

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(guess, range(10)))
    assert codes.count("auth.wrong_credentials") <= 5 and codes.count("auth.throttled") >= 5, codes
    assert "logged in" not in codes
