"""Streamlit building blocks that several pages show the same way (kept out of `ui.py`, which is Streamlit-free)."""
from __future__ import annotations

import streamlit as st

from kb.accounts import Session
from kb.errors import KBError
from kb.knowledge import KnowledgeBase
from kb.record import Record
from web import ui
from web.state import open_kb, require_role

FLASH_KEY = "_flash"
EDIT_RECORD_KEY = "edit_record_id"  # the record the editor page opens next
SWITCH_TO_EDIT_KEY = "_switch_to_edit"
EDITOR_PAGE = "web/views/redactie.py"
CONTEXT_CHARS = 600  # source text shown before and after a record


def flash(kind: str, message: str) -> None:
    """A message (`success`, `info`, `error`) for the next run, after st.rerun() or a button callback."""
    st.session_state[FLASH_KEY] = (kind, message)


def show_flash() -> None:
    kind, message = st.session_state.pop(FLASH_KEY, (None, None))
    if kind:
        getattr(st, kind)(message)


def open_in_editor(record_id: str) -> None:
    """A button's callback: open this record on the editor page (a page switch cannot happen inside a callback)."""
    st.session_state[EDIT_RECORD_KEY] = record_id
    st.session_state[SWITCH_TO_EDIT_KEY] = True


def follow_to_editor() -> None:
    """At the top of a page: go to the editor when `open_in_editor` asked for it on the previous click."""
    if st.session_state.pop(SWITCH_TO_EDIT_KEY, False):
        st.switch_page(EDITOR_PAGE)


def curator_page(title: str, caption: str | None = None) -> Session:
    """The top of a curation page: the role guard, the heading, last run's message, and an open KB."""
    session = require_role("curator")
    st.title(title)
    if caption:
        st.caption(caption)
    show_flash()
    try:
        open_kb()
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        st.stop()
    return session


def source_passage(kb: KnowledgeBase, record: Record, heading: str = "Bron", for_curator: bool = False) -> None:
    """The record's own text inside its source, and where else it was presented (merged records).

    Readers see the event and date; curators, who check the extraction, also the file and character span.
    """
    st.subheader(heading, anchor="bron")
    line = ui.escape(ui.source_line(record) + (f" · {ui.source_label(record)}" if for_curator else ""))
    url = kb.source_url(record.source)
    if url:
        line += f" · oorspronkelijke pagina: {ui.link_html(url)}"
    st.markdown(f'<div class="pb-meta pb-source-line">{line}</div>', unsafe_allow_html=True)
    try:
        before, own, after = kb.source_context(record, margin=CONTEXT_CHARS)
    except KBError as exc:
        st.warning(f"De brontekst is niet beschikbaar: {ui.md(ui.error_text(exc))}")
    else:
        cut_before = record.start - len(before) > 0
        cut_after = len(after) >= CONTEXT_CHARS
        st.markdown(ui.provenance_html(before, own, after, cut_before, cut_after), unsafe_allow_html=True)
    if record.origins:
        st.markdown("**Ook voorgesteld op**")
        st.markdown("\n".join(f"- {ui.md(ui.origin_label(origin, for_curator))}" for origin in record.origins))
