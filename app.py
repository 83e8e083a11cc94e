"""Praktijkenbank: search local social-policy practices in Flanders (Streamlit UI, in Dutch).

Run with `streamlit run app.py`. This file only sets up the pages: which pages
a visitor sees depends on their role, so curation pages do not exist (not even
by URL) for anyone who is not logged in as a curator. The pages live in
`views/` and talk only to the library API (`kb`).
"""
from __future__ import annotations

import re

import streamlit as st

from kb import ui
from kb.app_state import NOTICE_KEY, ROLE_LABELS, current_session, log_in, log_out
from kb.errors import AuthError, KBError



def pages(logged_in: bool) -> list[st.Page]:
    """The pages this visitor may open; curation pages are not even registered for viewers."""
    public = [
        st.Page("views/zoeken.py", title="Zoeken", icon=":material/search:", default=True),
        st.Page("views/workshops.py", title="Workshops", icon=":material/table_restaurant:", url_path="workshops"),
    ]
    if not logged_in:
        return public
    return public + [
        st.Page("views/redactie.py", title="Nakijken en bewerken", icon=":material/edit_note:", url_path="redactie"),
        st.Page("views/samenvoegen.py", title="Dubbels samenvoegen", icon=":material/merge:", url_path="samenvoegen"),
        st.Page("views/toevoegen.py", title="Toevoegen en opladen", icon=":material/upload_file:", url_path="toevoegen"),
        st.Page("views/controle.py", title="Controle", icon=":material/fact_check:", url_path="controle"),
    ]


def login_box() -> None:
    """Sidebar login for curators; viewers never need it."""
    with st.sidebar.expander("Inloggen voor redacteurs", expanded=False):
        with st.form("login", clear_on_submit=True):
            username = st.text_input("Gebruikersnaam")
            password = st.text_input("Wachtwoord", type="password")
            submitted = st.form_submit_button("Inloggen")
        if submitted:
            try:
                log_in(username, password)
            except AuthError as exc:
                st.error(ui.md(login_error(str(exc))))
            else:
                st.rerun()


def login_error(message: str) -> str:
    """The library's reason in Dutch; throttling keeps its waiting time."""
    wait = re.search(r"wait (\d+) minute", message)
    if wait:
        return f"Te veel mislukte pogingen. Probeer het over {wait.group(1)} minuten opnieuw."
    if "disabled" in message.lower():
        return "Dit account is uitgeschakeld."
    return "Onbekende gebruikersnaam of fout wachtwoord."


def account_box(username: str, role: str) -> None:
    with st.sidebar:
        st.markdown(f"Ingelogd als **{ui.md(username)}** ({ROLE_LABELS.get(role, role)})")
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
        st.error(ui.md(str(exc)))
        st.stop()
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.sidebar.warning(notice)
    page = st.navigation(pages(session is not None))
    if session is None:
        login_box()
    else:
        account_box(session.username, session.role)
    page.run()


main()
