"""Praktijkenbank: search local social-policy practices in Flanders (Streamlit UI, in Dutch).

Run with `streamlit run web/server.py`, which serves this file and adds the login cookie's
route (`streamlit run app.py` works too, but a login then ends with a reload). This file
only sets up the pages: which pages a visitor sees depends on their role, so curation
pages do not exist (not even by URL) for anyone who is not logged in as a curator. The pages live in
`web/views/` and talk only to the library API (`kb`).
"""
from __future__ import annotations

import streamlit as st

from kb.accounts import at_least
from kb.errors import AuthError, KBError
from web import ui
from web.state import NOTICE_KEY, ROLE_LABELS, current_session, log_in, log_out, run_cookie_script

PAGES = "web/views"


def pages(role: str) -> list[st.Page]:
    """The pages this visitor may open; curation pages are not even registered below the curator role."""
    public = [
        st.Page(f"{PAGES}/zoeken.py", title="Zoeken", icon=":material/search:", default=True),
        st.Page(f"{PAGES}/workshops.py", title="Workshops", icon=":material/table_restaurant:", url_path="workshops"),
    ]
    if not at_least(role, "curator"):
        return public
    return public + [
        st.Page(f"{PAGES}/redactie.py", title="Nakijken en bewerken", icon=":material/edit_note:", url_path="redactie"),
        st.Page(f"{PAGES}/samenvoegen.py", title="Dubbels samenvoegen", icon=":material/merge:",
                url_path="samenvoegen"),
        st.Page(f"{PAGES}/toevoegen.py", title="Toevoegen en opladen", icon=":material/upload_file:",
                url_path="toevoegen"),
        st.Page(f"{PAGES}/controle.py", title="Controle", icon=":material/fact_check:", url_path="controle"),
    ]


def login_box() -> None:
    """Sidebar login for moderators and curators; viewers never need it."""
    with st.sidebar.expander("Inloggen voor redacteurs en moderatoren", expanded=False):
        with st.form("login", clear_on_submit=True):
            username = st.text_input("Gebruikersnaam")
            password = st.text_input("Wachtwoord", type="password")
            submitted = st.form_submit_button("Inloggen")
        if submitted:
            try:
                log_in(username, password)
            except AuthError as exc:
                st.error(ui.md(ui.error_text(exc)))
            else:
                st.rerun()


def account_box(username: str, role: str) -> None:
    with st.sidebar:
        st.markdown(f"Ingelogd als **{ui.md(username)}** ({ROLE_LABELS.get(role, role)})")
        if at_least(role, "curator"):
            st.toggle("Ook concepten tonen in Zoeken", key="include_drafts",
                      help="Toon naast goedgekeurde praktijken ook nog niet nagekeken concepten.")
        if st.button("Uitloggen"):
            log_out()
            st.rerun()


def main() -> None:
    st.set_page_config(page_title="Praktijkenbank", page_icon="🔎", layout="wide")
    st.html(ui.CSS)
    try:
        session = current_session()
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        st.stop()
    run_cookie_script()
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.sidebar.warning(notice)
    page = st.navigation(pages(session.role if session else "viewer"))
    if session is None:
        login_box()
    else:
        account_box(session.username, session.role)
    page.run()


main()
