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


# ---------------------------------------------------------------- every library error has a code the app can word
KB_ERRORS = {"KBError", "InvalidRecord", "BadInput", "IndexMismatch", "BackendUnavailable", "NotFound",
             "InvalidQuery", "VersionConflict", "AuthError", "Forbidden", "AccountError"}
WORDED_APART = {"auth.throttled", "record.invalid_fields"}  # error_text's own branches


def library_raises() -> list[tuple[str, int, str | None]]:
    """(file, line, code) of every `raise SomeKBError(...)` in kb/ and ingest/; code None when none is given."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    found = []
    for path in [*(root / "kb").rglob("*.py"), *(root / "ingest").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            call = node.exc if isinstance(node, ast.Raise) else None
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in KB_ERRORS:
                code = next((k.value.value for k in call.keywords
                             if k.arg == "code" and isinstance(k.value, ast.Constant)), None)
                found.append((str(path.relative_to(root)), node.lineno, code))
    return found


def test_every_library_raise_names_its_code():
    raises = library_raises()
    assert len(raises) > 80
    assert [(f, line) for f, line, code in raises if code is None] == []


def test_every_code_the_library_raises_has_dutch_words():
    codes = {code for _, _, code in library_raises() if code}
    assert codes - set(ui.ERROR_WORDS) - WORDED_APART == set()


@pytest.mark.parametrize(("data", "dutch"), [
    (b"", "is leeg"),
    (b"\x00\x01\x02binary\x00" * 20, "binair bestand"),
])
def test_an_unreadable_upload_is_worded_in_dutch(data: bytes, dutch: str):
    from ingest.readers import document_from_bytes

    with pytest.raises(BadInput) as refused:
        document_from_bytes("verslag.txt", data)
    assert dutch in ui.error_text(refused.value) and "verslag.txt" in ui.error_text(refused.value)


def test_values_fill_the_dutch_words_and_a_missing_value_does_not_break_them():
    from kb.errors import InvalidQuery

    assert ui.error_text(InvalidQuery("x", code="workshop.tables_out_of_range", value=80, maximum=50)) == \
        "Het aantal tafels moet tussen 1 en 50 liggen."
    assert ui.error_text(InvalidQuery("x", code="workshop.no_table", workshop=3)) == "Workshop 3 heeft geen tafel …."
    assert ui.error_text(KBError("x", code="something.new")) == "Dat lukte niet (foutcode something.new)."
