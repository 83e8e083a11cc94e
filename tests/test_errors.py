"""Errors carry a stable code and their values; the app words them in Dutch by code, not by message."""
from __future__ import annotations

import pytest

from kb.errors import AuthError, BadInput, KBError, NotFound, VersionConflict
from web import ui


def test_every_error_has_a_code_and_keeps_its_message():
    assert BadInput("x.txt: empty").code == "bad_input" and str(BadInput("x.txt: empty")) == "x.txt: empty"
    assert str(NotFound("record abc")) == "record abc" and NotFound("record abc").code == "not_found"
    conflict = VersionConflict("changed", user="an", fields=["title"])
    assert conflict.code == "version_conflict" and conflict.values["fields"] == ["title"] and conflict.user == "an"


@pytest.mark.parametrize(("error", "dutch"), [
    (AuthError("too many failed logins for 'an': wait 7 minutes", code="auth.throttled", minutes=7),
     "Probeer het over 7 minuten opnieuw."),
    (AuthError("...", code="auth.throttled", minutes=1), "Probeer het over 1 minuut opnieuw."),
    (AuthError("account 'an' is disabled", code="auth.disabled", username="an"), "uitgeschakeld"),
    (AuthError("wrong username or password", code="auth.wrong_credentials"), "fout wachtwoord"),
])
def test_the_app_words_auth_errors_by_code(error: KBError, dutch: str):
    assert dutch in ui.error_text(error)


def test_throttled_login_raises_its_code_and_waiting_time(tmp_path):
    from kb.accounts import Accounts
    from kb.store import Store

    accounts = Accounts(Store(tmp_path / "kb.sqlite3"))
    accounts.add("an", "een lang wachtwoord", "curator")
    for _ in range(accounts.max_failures):
        with pytest.raises(AuthError) as failed:
            accounts.login("an", "fout")
        assert failed.value.code == "auth.wrong_credentials"
    with pytest.raises(AuthError) as throttled:
        accounts.login("an", "een lang wachtwoord")
    assert throttled.value.code == "auth.throttled" and throttled.value.values["minutes"] >= 1
