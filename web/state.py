"""What the Streamlit pages share: the one knowledge base per server and the logged-in curator per browser tab.

A login gives the tab a session token (kept in `st.session_state`, never in the
URL); every run checks it against the store, so an expired or disabled session
ends at the next click.
"""
from __future__ import annotations

import streamlit as st

from kb.accounts import Accounts, Session, require
from kb.errors import AuthError, Forbidden
from kb.knowledge import KnowledgeBase

TOKEN_KEY = "_kb_session_token"
NOTICE_KEY = "_kb_session_notice"
ROLE_LABELS = {"curator": "redacteur", "admin": "beheerder"}


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
    if not token:
        return None
    try:
        return accounts().session(token)
    except AuthError:
        st.session_state.pop(TOKEN_KEY, None)
        st.session_state[NOTICE_KEY] = "Uw sessie is verlopen. Log opnieuw in."
        return None


def log_in(username: str, password: str) -> Session:
    """Raises AuthError with the reason (wrong password, disabled, too many attempts)."""
    session = accounts().login(username.strip(), password)
    st.session_state[TOKEN_KEY] = session.token
    st.session_state.pop(NOTICE_KEY, None)
    return session


def log_out() -> None:
    token = st.session_state.pop(TOKEN_KEY, None)
    if token:
        accounts().logout(token)


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


def public_statuses(session: Session | None) -> list[str]:
    """Which record statuses the search shows: approved for everyone; curators may add drafts."""
    if session is not None and st.session_state.get("include_drafts"):
        return ["approved", "draft"]
    return list(open_kb().settings.public_statuses)
