"""Curator page: add a practice by hand, or upload a programme text and keep the records it proposes.

An upload is first read and cut into records as a preview; nothing is stored
until the curator keeps a selection ("Geselecteerde bewaren").
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from ingest.run import preview_upload
from kb import KBError, Record
from kb.curation import Preview, validate
from kb.errors import InvalidRecord
from web import ui
from web.record_form import record_fields
from web.state import open_kb
from web.widgets import EDIT_RECORD_KEY, curator_page, flash

PREVIEW_KEY = "_upload_preview"
EDITOR_GEN_KEY = "_upload_editor_gen"
FORM_GEN_KEY = "_add_form_gen"
UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]
# editor column → record field, for the comma-separated list columns
LIST_COLUMNS = {"Gemeenten": "municipalities", "Thema's": "themes", "Doelgroepen": "target_groups"}


def commas(text: Any) -> list[str]:
    return [part.strip() for part in str(text or "").split(",") if part.strip()]


# ---------------------------------------------------------------- by hand
def by_hand(user: str) -> None:
    gen = st.session_state.get(FORM_GEN_KEY, 0)
    with st.form(f"add-record-{gen}"):
        typed = record_fields(None, lambda name: f"add-{name}-{gen}")
        submitted = st.form_submit_button("Toevoegen", type="primary")
    if not submitted:
        return
    if not typed["title"].strip():
        st.error("Geef de praktijk een titel.")
        return
    values = {name: value for name, value in typed.items() if value or name in ("title", "text", "kind")}
    try:
        record = open_kb().curation.add(values, user)
    except KBError as exc:  # InvalidRecord: the problems, listed
        st.error(f"Niet toegevoegd: {ui.md(ui.error_text(exc))}")
        return
    st.session_state[FORM_GEN_KEY] = gen + 1  # an empty form for the next one
    st.session_state[EDIT_RECORD_KEY] = record.id  # the edit page opens it next
    flash("success", f"Toegevoegd als concept met nummer {record.id}: „{ui.md(record.title)}”. U vindt het op de "
                     "pagina Nakijken en bewerken.")
    st.rerun()


# ---------------------------------------------------------------- upload
def make_preview(uploaded: Any, url: str) -> None:
    try:
        preview = preview_upload(open_kb(), uploaded.name, uploaded.getvalue(), url)
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        return
    st.session_state[PREVIEW_KEY] = preview
    st.session_state[EDITOR_GEN_KEY] = st.session_state.get(EDITOR_GEN_KEY, 0) + 1


def clear_preview() -> None:
    st.session_state.pop(PREVIEW_KEY, None)
    st.session_state[EDITOR_GEN_KEY] = st.session_state.get(EDITOR_GEN_KEY, 0) + 1


def preview_frame(records: list[Record]) -> pd.DataFrame:
    return pd.DataFrame({
        "Bewaren": [True] * len(records),
        "Titel": [r.title for r in records],
        "Soort": [ui.kind_label(r.kind) for r in records],
        "Gemeenten": [", ".join(r.municipalities) for r in records],
        "Thema's": [", ".join(r.themes) for r in records],
        "Doelgroepen": [", ".join(r.target_groups) for r in records],
    })


def kept_records(preview: Preview, edited: pd.DataFrame) -> tuple[list[Record], list[str]]:
    """The rows marked Bewaren, with the curator's edits validated; and the problems, per row."""
    kept: list[Record] = []
    problems: list[str] = []
    for position, (record, row) in enumerate(zip(preview.records, edited.to_dict("records"), strict=True), 1):
        if not bool(row.get("Bewaren")):
            continue
        changes: dict[str, Any] = {}
        title = str(row.get("Titel") or "")
        if title != record.title:
            changes["title"] = title
        for column, name in LIST_COLUMNS.items():
            values = commas(row.get(column))
            if values != getattr(record, name):
                changes[name] = values
        if not changes:
            kept.append(record)
            continue
        try:
            kept.append(replace(record, **validate(changes, record)))
        except InvalidRecord as exc:
            problems.append(f"rij {position} ({record.title}): {ui.error_text(exc)}")
    return kept, problems


def upload(user: str) -> None:
    with st.form("upload", border=False):  # a typed address and the click reach the script in one run
        uploaded = st.file_uploader("Programmatekst", type=UPLOAD_TYPES, key="upload-file",
                                    help="Een programma of verslag van een studiedag, als tekst, HTML, PDF of Word.")
        url = st.text_input("Adres van de oorspronkelijke pagina (niet verplicht)", key="upload-url",
                            placeholder="https://…",
                            help="Lezers zien dan een link naar de pagina waar de tekst vandaan komt.")
        submitted = st.form_submit_button("Voorbeeld maken", key="make-preview")
    if submitted:
        if uploaded is None:
            st.warning("Kies eerst een bestand.")
        else:
            make_preview(uploaded, url)
    preview: Preview | None = st.session_state.get(PREVIEW_KEY)
    if preview is None:
        return
    records = preview.records
    st.markdown(f"**Voorbeeld van {ui.md(preview.document.name)}**: "
                f"{ui.count_label(len(records), 'voorgestelde praktijk', 'voorgestelde praktijken')}. "
                "Vink uit wat u niet wilt bewaren en verbeter titels, gemeenten, thema's of doelgroepen "
                "(gescheiden door komma's).")
    existing = open_kb().ids_from_source(preview.document.name)
    if existing:
        st.warning(f"De praktijkenbank bevat al {len(existing)} praktijken uit een bestand met deze naam. Bewaren "
                   "werkt de geselecteerde bij (velden die de redactie al aanpaste blijven staan); de andere blijven "
                   "ongewijzigd.")
    if not records:
        st.info("In dit bestand werden geen praktijken gevonden.")
        st.button("Weggooien", key="discard-preview", on_click=clear_preview)
        return
    gen = st.session_state.get(EDITOR_GEN_KEY, 0)
    edited = st.data_editor(
        preview_frame(records), key=f"preview-editor-{gen}", hide_index=True, width="stretch",
        num_rows="fixed", disabled=["Soort"],
        column_config={
            "Bewaren": st.column_config.CheckboxColumn("Bewaren", default=True),
            "Titel": st.column_config.TextColumn("Titel", required=True),
        })
    columns = st.columns(2)
    if columns[0].button("Geselecteerde bewaren", key="accept-preview", type="primary"):
        kept, problems = kept_records(preview, edited)
        if problems:
            st.error("Niets bewaard; verbeter eerst: " + ui.md("; ".join(problems)))
        elif not kept:
            st.warning("Er is geen praktijk geselecteerd om te bewaren.")
        else:
            try:
                stored = open_kb().curation.accept(preview, kept, user)
            except KBError as exc:
                st.error(f"Niet bewaard: {ui.md(ui.error_text(exc))}")
                return
            clear_preview()
            flash("success", f"{len(stored)} praktijken bewaard als concept. Kijk ze na op de pagina "
                             "Nakijken en bewerken.")
            st.rerun()
    if columns[1].button("Weggooien", key="discard-preview"):
        clear_preview()
        flash("info", "Voorbeeld weggegooid; er is niets bewaard.")
        st.rerun()


def main() -> None:
    session = curator_page("Toevoegen en opladen")
    by_hand_tab, upload_tab = st.tabs(["Met de hand", "Programmatekst opladen"])
    with by_hand_tab:
        by_hand(session.username)
    with upload_tab:
        upload(session.username)


main()
