"""A login that survives a reload: the session token in a signed, HttpOnly, expiring cookie.

A Streamlit script cannot set a cookie, and JavaScript must not be able to read one that
holds a session. So a login hands the browser a one-time ticket (random, valid for a minute,
kept only in this server's memory); a small script posts it to our own route
(`/_kb/session`, added in web/server.py), and the route's answer sets the cookie. The token
itself never appears in a URL or in the page. On a new page load the app reads the cookie
(`st.context.cookies`), checks the signature and then the session in the store, which
stays the authority: logging out or disabling an account ends the session whatever the
cookie says. Logging out also clears the cookie.
"""
from __future__ import annotations

import os
import secrets
import threading
import time
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kb.settings import Settings

COOKIE = "kb_session"
ROUTE = "/_kb/session"
TICKET_HEADER = "X-KB-Ticket"
TICKET_SECONDS = 60
MAX_AGE_SECONDS = 8 * 3600  # the accounts' absolute session limit (kb.accounts.Accounts.max_age)

_tickets: dict[str, tuple[str, float]] = {}
_lock = threading.Lock()


def _secret(home: Path) -> bytes:
    """The signing key, made once per knowledge base and readable only by its owner."""
    path = home / "cookie-secret"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_bytes(32))
    return path.read_bytes()


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(_secret(Settings.from_env().home), salt="kb-session")


def issue_ticket(token: str) -> str:
    """A one-time ticket the browser exchanges for the cookie within TICKET_SECONDS."""
    ticket = secrets.token_urlsafe(24)
    now = time.monotonic()
    with _lock:
        for old in [t for t, (_, until) in _tickets.items() if until < now]:
            del _tickets[old]
        _tickets[ticket] = (token, now + TICKET_SECONDS)
    return ticket


def _redeem(ticket: str) -> str | None:
    with _lock:
        token, until = _tickets.pop(ticket, ("", 0.0))
    return token if token and until >= time.monotonic() else None


def token_from(cookies: dict[str, str]) -> str | None:
    """The session token in a request's cookies, when the signature holds and it is not too old."""
    value = cookies.get(COOKIE)
    if not value:
        return None
    try:
        return str(_serializer().loads(value, max_age=MAX_AGE_SECONDS))
    except BadSignature:
        return None


def set_cookie_script(ticket: str) -> str:
    """The page script that trades a ticket for the cookie (the ticket is URL-safe base64)."""
    return (f"<script>fetch('{ROUTE}', {{method: 'POST', credentials: 'same-origin', "
            f"headers: {{'{TICKET_HEADER}': '{ticket}'}}}});</script>")


def clear_cookie_script() -> str:
    return f"<script>fetch('{ROUTE}', {{method: 'DELETE', credentials: 'same-origin'}});</script>"


async def _session(request: Request) -> Response:
    if request.method == "DELETE":
        response = Response(status_code=204)
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
        return response
    token = _redeem(request.headers.get(TICKET_HEADER, ""))
    if token is None:
        return Response("unknown or expired ticket", status_code=403)
    response = Response(status_code=204)
    response.set_cookie(COOKIE, _serializer().dumps(token), max_age=MAX_AGE_SECONDS, path="/", httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")
    return response


def routes() -> list[Route]:
    return [Route(ROUTE, _session, methods=["POST", "DELETE"])]
