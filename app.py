"""Praktijkenbank: search local social-policy practices in Flanders (Streamlit UI, in Dutch).

Run with `streamlit run web/server.py`, which serves this file and adds the login cookie's
route (`streamlit run app.py` works too, but a login then ends with a reload). This file
only sets up the pages: which pages a visitor sees depends on their role, so curation
pages do not exist for anyone who is not logged in as a curator (their addresses only ask
to log in). The pages live in
`web/views/` and talk only to the library API (`kb`).
"""
from __future__ import annotations

import streamlit as st

from kb.accounts import at_least
from kb.errors import AuthError, KBError
from web import ui
from web.state import NOTICE_KEY, ROLE_LABELS, current_session, log_in, log_out, run_cookie_script

PAGES = "web/views"


CURATION_PAGES = (  # (file in web/views, title, icon, address)
    ("redactie.py", "Nakijken en bewerken", ":material/edit_note:", "redactie"),
    ("samenvoegen.py", "Dubbels samenvoegen", ":material/merge:", "samenvoegen"),
    ("toevoegen.py", "Toevoegen en opladen", ":material/upload_file:", "toevoegen"),
    ("controle.py", "Controle", ":material/fact_check:", "controle"),
)


def pages(role: str) -> list[st.Page]:
    """The pages this visitor may open.

    Below the curator role the curation pages are not registered: their addresses lead to a hidden
    page that asks to log in (a shared link then answers in Dutch instead of "Page not found").
    """
    public = [
        st.Page(f"{PAGES}/zoeken.py", title="Zoeken", icon=":material/search:", default=True),
        st.Page(f"{PAGES}/workshops.py", title="Workshops", icon=":material/table_restaurant:", url_path="workshops"),
    ]
    if not at_least(role, "curator"):
        answer = login_needed if role == "viewer" else curators_only
        return public + [st.Page(answer, title=title, url_path=address, visibility="hidden")
                         for _, title, _, address in CURATION_PAGES]
    return public + [st.Page(f"{PAGES}/{file}", title=title, icon=icon, url_path=address)
                     for file, title, icon, address in CURATION_PAGES]


def login_needed() -> None:
    """What a curation page's address shows to a visitor who is not logged in."""
    st.title("Alleen voor redacteurs")
    st.info("Deze pagina is er voor de redactie van de praktijkenbank: log in via de zijbalk om ze te openen. "
            "Bezoekers vinden de praktijken onder Zoeken.")


def curators_only() -> None:
    """What a curation page's address shows to a logged-in moderator."""
    st.title("Alleen voor redacteurs")
    st.info("Deze pagina is er voor de redactie van de praktijkenbank; uw account (moderator) geeft er geen "
            "toegang toe. Workshops voorbereiden doet u onder Workshops.")


#: Why the last login failed, shown until the next attempt: a rerun (the cookie script reporting back) must not
#: wipe it before it is read.
LOGIN_ERROR_KEY = "_login_error"


def login_box() -> None:
    """Sidebar login for moderators and curators; viewers never need it."""
    with st.sidebar.expander("Inloggen voor redacteurs en moderatoren", expanded=False):
        with st.form("login", clear_on_submit=True):
            username = st.text_input("Gebruikersnaam")
            password = st.text_input("Wachtwoord", type="password")
            submitted = st.form_submit_button("Inloggen")
        if submitted:
            st.session_state.pop(LOGIN_ERROR_KEY, None)
            try:
                log_in(username, password)
            except AuthError as exc:
                st.session_state[LOGIN_ERROR_KEY] = ui.error_text(exc)
            else:
                st.rerun()
        error = st.session_state.get(LOGIN_ERROR_KEY)
        if error:
            st.error(ui.md(error))


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
