"""The web server: Streamlit serving app.py, plus the login-cookie route and without the metrics endpoint.

Run with `streamlit run web/server.py` (the Makefile's `make run` does). Streamlit finds
the `st.App` below and serves app.py through it, adding:
- `/_kb/session`, where a login's one-time ticket becomes an HttpOnly cookie (web/login_cookie.py);
- a guard that answers 404 for `/_stcore/metrics`, which would tell anyone about the server's sessions
  and memory (Streamlit has no setting to turn it off).
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from web import login_cookie

CLOSED = ("/_stcore/metrics",)


class ClosedPaths:
    """ASGI middleware: Streamlit endpoints that visitors have no business with answer 404."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].rstrip("/").endswith(CLOSED):
            await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)
            return
        await self.app(scope, receive, send)


app = st.App(Path(__file__).resolve().parent.parent / "app.py", routes=login_cookie.routes(),
             middleware=[Middleware(ClosedPaths)])
