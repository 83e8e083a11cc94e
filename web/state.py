"""What the Streamlit pages share: the one knowledge base per server and the logged-in curator per browser tab.

A login gives the tab a session token (kept in `st.session_state`, never in the
URL); every run checks it against the store, so an expired or disabled session
ends at the next click. The token also goes into an HttpOnly cookie
(web/login_cookie.py), so a reload or a new tab stays logged in.
"""
from __future__ import annotations

import streamlit as st

from kb.accounts import Accounts, Session, at_least, require
from kb.errors import AuthError, Forbidden
from kb.knowledge import KnowledgeBase
from web import login_cookie

TOKEN_KEY = "_kb_session_token"
NOTICE_KEY = "_kb_session_notice"
COOKIE_SCRIPT_KEY = "_kb_cookie_script"   # sets or clears the login cookie on the next draw
COOKIE_READ_KEY = "_kb_cookie_read"       # the cookie is read once per tab: after a logout it is stale
ROLE_LABELS = {"moderator": "moderator", "curator": "redacteur", "admin": "beheerder"}


@st.cache_resource(show_spinner="Zoekmodel en index laden…")
def open_kb() -> KnowledgeBase:
    """Open the knowledge base once per server: loading the model and index is the slow part."""
    kb = KnowledgeBase.open()
    kb.searcher()
    return kb


@st.cache_resource(show_spinner=False)
def accounts() -> Accounts:
    from datetime import timedelta

    kb = open_kb()
    return Accounts(kb.store, idle_timeout=timedelta(minutes=kb.settings.session_minutes))


def current_session() -> Session | None:
    """The tab's valid session, or None (a viewer); an expired one is dropped with a notice."""
    token = st.session_state.get(TOKEN_KEY)
    remembered = False
    if not token and not st.session_state.get(COOKIE_READ_KEY):
        st.session_state[COOKIE_READ_KEY] = True
        token = login_cookie.token_from(dict(st.context.cookies))
        remembered = token is not None
    if not token:
        return None
    try:
        session = accounts().session(token)
    except AuthError:
        st.session_state.pop(TOKEN_KEY, None)
        st.session_state[NOTICE_KEY] = "Uw sessie is verlopen. Log opnieuw in."
        if remembered:
            st.session_state[COOKIE_SCRIPT_KEY] = login_cookie.clear_cookie_script()
        return None
    st.session_state[TOKEN_KEY] = token
    return session


def log_in(username: str, password: str) -> Session:
    """Raises AuthError with the reason (wrong password, disabled, too many attempts)."""
    session = accounts().login(username.strip(), password)
    st.session_state[TOKEN_KEY] = session.token
    st.session_state[COOKIE_SCRIPT_KEY] = login_cookie.set_cookie_script(login_cookie.issue_ticket(session.token))
    st.session_state.pop(NOTICE_KEY, None)
    return session


def log_out() -> None:
    token = st.session_state.pop(TOKEN_KEY, None)
    st.session_state[COOKIE_READ_KEY] = True
    st.session_state[COOKIE_SCRIPT_KEY] = login_cookie.clear_cookie_script()
    if token:
        accounts().logout(token)


def run_cookie_script() -> None:
    """Set or clear the login cookie in the browser when a login or logout asked for it (once per run)."""
    script = st.session_state.pop(COOKIE_SCRIPT_KEY, None)
    if script:
        st.html(script, unsafe_allow_javascript=True)


def require_role(role: str = "curator") -> Session:
    """The guard at the top of every curation page: stops the page for anyone without the role."""
    session = current_session()
    try:
        require(session, role)
    except (AuthError, Forbidden):
        st.error("Deze pagina is alleen voor ingelogde redacteurs. Log in via de zijbalk.")
        st.stop()
    assert session is not None
    return session


def account_names() -> list[str]:
    """The active accounts, for sharing a workshop with colleagues."""
    return [user.username for user in accounts().list() if not user.disabled]


def public_statuses(session: Session | None) -> list[str]:
    """Which record statuses the search shows: approved for everyone; curators may add drafts."""
    if session is not None and at_least(session.role, "curator") and st.session_state.get("include_drafts"):
        return ["approved", "draft"]
    return list(open_kb().settings.public_statuses)
