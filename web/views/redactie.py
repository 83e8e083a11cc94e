"""Curator page: review drafts, edit a record's fields, change its status, undo and split.

Saves are optimistic: the page remembers the version a curator opened and the
library refuses a save when someone else changed the record meanwhile, so no
change is silently overwritten.
"""
from __future__ import annotations

import re
from functools import partial
from typing import Any

import streamlit as st

from ingest.pipeline import refresh_fields
from kb import KBError, KnowledgeBase, Record, labels
from kb.curation import split_points
from kb.errors import NotFound, VersionConflict
from kb.fields import FIELDS
from kb.record import STATUSES
from web import ui
from web.record_form import record_fields
from web.state import open_kb, require_role
from web.widgets import EDIT_RECORD_KEY, flash, show_flash, source_passage

RECORD_KEY = EDIT_RECORD_KEY       # set by the search and Controle pages to jump here
STATUS_KEY = "review_status"
FILTER_KEY = "review_filter"
SELECT_KEY = "review_record"
LAST_KEY = "_edit_last_record"     # the record shown on the previous run of this page
PREVIEW_CHARS = 200
HISTORY_VALUE_CHARS = 80

STATUS_LABELS = {status: label.capitalize() for status, label in labels.STATUS_LABELS.items()}
ACTION_LABELS = {
    "edit": "bewerkt", "draft": "terug naar concept", "approved": "goedgekeurd", "hidden": "verborgen",
    "merge": "samengevoegd", "split": "gesplitst", "add": "toegevoegd", "undo": "ongedaan gemaakt",
    "upload": "opgeladen", "ingest": "ingelezen",
}
FIELD_LABELS = {f.name: f.label.lower() for f in FIELDS} | {  # the registry's fields, then bookkeeping
    "origins": "bronnen", "curated": "door redactie gezet", "start": "begin", "end": "einde",
    "source": "bron", "id": "nummer", "parent_id": "deel van", "confidence": "zekerheid",
}
STATUS_ACTIONS = (("approved", "Goedkeuren"), ("hidden", "Verbergen"), ("draft", "Terug naar concept"))


# ---------------------------------------------------------------- state helpers
def version_key(rid: str) -> str:
    return f"opened_version_{rid}"


def conflict_key(rid: str) -> str:
    return f"_edit_conflict_{rid}"


def opened_version(record: Record) -> int:
    """The version this curator opened; set on first opening and after own saves or a reload."""
    key = version_key(record.id)
    if key not in st.session_state:
        st.session_state[key] = record.version
    return int(st.session_state[key])


def remember_conflict(rid: str, exc: VersionConflict) -> None:
    st.session_state[conflict_key(rid)] = {"user": exc.user, "at": exc.at, "fields": list(exc.fields)}


def reload_record(rid: str) -> None:
    """"Nieuwe versie laden": drop the stale version (and with it the form's widget keys)."""
    st.session_state.pop(conflict_key(rid), None)
    st.session_state.pop(version_key(rid), None)


def select_record() -> None:
    rid = st.session_state.get(SELECT_KEY)
    st.session_state[RECORD_KEY] = rid
    if rid:
        st.session_state.pop(version_key(rid), None)  # (re)opening a record opens its current version


def refresh_selection() -> None:
    """After a status or filter change, keep the open record only if it is still in the list."""
    rid = st.session_state.get(RECORD_KEY)
    if not rid:
        return
    record = open_kb().find(rid)
    needle = str(st.session_state.get(FILTER_KEY) or "").strip().casefold()
    if (record is None or record.status != st.session_state.get(STATUS_KEY)
            or needle not in record.title.casefold()):
        st.session_state.pop(RECORD_KEY, None)


def field_names(fields: list[str]) -> str:
    return ", ".join(FIELD_LABELS.get(name, name) for name in fields) or "onbekend"


def record_label(record: Record) -> str:
    parts = [record.title, ui.place_label(record), record.source]
    return " · ".join(part for part in parts if part)


# ---------------------------------------------------------------- review list
def review_list(kb: KnowledgeBase) -> str | None:
    """Status, title filter and the record picker; returns the open record's id."""
    top = st.columns([1.2, 1.5, 3])
    status = top[0].selectbox("Status", list(STATUSES), key=STATUS_KEY, format_func=STATUS_LABELS.get,
                              on_change=refresh_selection)
    needle = top[1].text_input("Filter op titel", key=FILTER_KEY, placeholder="woord uit de titel",
                                 on_change=refresh_selection)
    records = kb.curation.queue(statuses=(status,))
    if needle.strip():
        records = [r for r in records if needle.strip().casefold() in r.title.casefold()]
    wanted = st.session_state.get(RECORD_KEY)
    ids = [r.id for r in records]
    labels = {r.id: record_label(r) for r in records}
    if wanted and wanted not in labels:
        extra = kb.find(wanted)
        if extra is not None:  # opened from the search page or kept open after a status change
            ids.insert(0, extra.id)
            labels[extra.id] = record_label(extra)
        else:
            st.session_state.pop(RECORD_KEY, None)
            wanted = None
    if not ids:
        top[2].selectbox("Praktijk", ["(geen)"], disabled=True, key="review_record_empty")
        st.info(f"Geen praktijken met status {STATUS_LABELS[status].lower()}"
                + (" die aan de filter voldoen." if needle.strip() else "."))
        return None
    if wanted is None or wanted not in labels:
        wanted = ids[0]
        st.session_state[RECORD_KEY] = wanted
    st.session_state[SELECT_KEY] = wanted
    top[2].selectbox(f"Praktijk ({len(records)})", ids, key=SELECT_KEY, format_func=labels.get,
                     on_change=select_record)
    return wanted


# ---------------------------------------------------------------- the form
def edit_form(kb: KnowledgeBase, record: Record, version: int, user: str, messages: Any) -> None:
    rid = record.id
    suffix = f"{rid}-{version}"
    with st.form(f"edit-{rid}"):
        values = record_fields(record, lambda name: f"{name}-{suffix}")
        submitted = st.form_submit_button("Opslaan", type="primary")
    if not submitted:
        return
    changes = {name: value for name, value in values.items() if value != getattr(record, name)}
    if not changes and version == record.version:
        messages.info("Geen wijzigingen om op te slaan.")
        return
    try:
        saved = kb.curation.edit(rid, changes, version, user)
    except VersionConflict as exc:
        remember_conflict(rid, exc)
        st.rerun()
    except KBError as exc:  # InvalidRecord: the problems, listed
        messages.error(f"Niet opgeslagen: {ui.md(ui.error_text(exc))}")
        return
    st.session_state[version_key(rid)] = saved.version
    flash("success", f"Opgeslagen (versie {saved.version}).")
    st.rerun()


def status_buttons(kb: KnowledgeBase, record: Record, version: int, user: str) -> None:
    actions = [(status, label) for status, label in STATUS_ACTIONS if status != record.status]
    columns = st.columns(len(actions))
    for column, (status, label) in zip(columns, actions, strict=True):
        if column.button(label, key=f"status-{status}-{record.id}"):
            try:
                saved = kb.curation.set_status(record.id, status, version, user)
            except VersionConflict as exc:
                remember_conflict(record.id, exc)
                st.rerun()
            except KBError as exc:
                st.error(ui.md(ui.error_text(exc)))
                return
            st.session_state[version_key(record.id)] = saved.version
            flash("success", f"Status gewijzigd naar {STATUS_LABELS[status].lower()} (versie {saved.version}).")
            st.rerun()


# ---------------------------------------------------------------- source, history, split
def source_panel(kb: KnowledgeBase, record: Record) -> None:
    source_passage(kb, record, for_curator=True)


def short(value: Any) -> str:
    """A field value on one short line, for the history list."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list):
        value = ", ".join(str(v) if not isinstance(v, dict) else ui.origin_label(v, with_file=True) for v in value)
    elif isinstance(value, dict):
        value = ", ".join(f"{k}: {v}" for k, v in value.items())
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text if len(text) <= HISTORY_VALUE_CHARS else text[:HISTORY_VALUE_CHARS - 1] + "…"


def shown_value(name: str, value: Any) -> Any:
    """A field's value as a curator reads it: statuses, kinds and dates in Dutch words."""
    if value is None:
        return None
    if name == "status":
        return labels.status_label(value)
    if name == "kind":
        return labels.kind_label(value)
    if name == "event_date":
        return labels.date_label(value)
    return value


def history_panel(kb: KnowledgeBase, record: Record, version: int, user: str) -> None:
    st.subheader("Geschiedenis")
    changes = kb.curation.history(record.id)
    if not changes:
        st.caption("Nog geen wijzigingen door de redactie.")
        return
    items = []
    for change in changes:
        head = (f"<b>{ui.escape(labels.time_label(change.at))}</b> · {ui.escape(change.user)} · "
                f"{ui.escape(ACTION_LABELS.get(change.action, change.action))}")
        rows = []
        for name in change.fields():
            if name in ("curated", "confidence"):
                continue
            before = shown_value(name, getattr(change.before, name, None) if change.before else None)
            after = shown_value(name, getattr(change.after, name, None) if change.after else None)
            rows.append(f"<li>{ui.escape(FIELD_LABELS.get(name, name))}: {ui.escape(short(before))} → "
                        f"{ui.escape(short(after))}</li>")
        items.append(f'<div class="pb-history">{head}<ul>{"".join(rows)}</ul></div>')
    st.markdown("".join(items), unsafe_allow_html=True)
    if st.button("Laatste wijziging ongedaan maken", key=f"undo-{record.id}"):
        undo(kb, record, version, user)


def undo(kb: KnowledgeBase, record: Record, version: int, user: str) -> None:
    if version != record.version:
        # the last change is someone else's, made after this curator opened the record
        last = kb.curation.history(record.id)[:1]
        remember_conflict(record.id, VersionConflict(
            "changed since opened", current=record, user=last[0].user if last else None,
            at=last[0].at if last else record.updated_at, fields=last[0].fields() if last else []))
        st.rerun()
    try:
        restored = kb.curation.undo(record.id, user)
    except VersionConflict as exc:
        st.error(ui.md(ui.error_text(exc)))
        return
    except NotFound:
        st.info("Er is geen wijziging om ongedaan te maken.")
        return
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        return
    current = next((r for r in restored if r.id == record.id), None)
    if current is None:
        st.session_state.pop(RECORD_KEY, None)
        st.session_state.pop(version_key(record.id), None)
        flash("success", "Laatste wijziging ongedaan gemaakt; deze praktijk bestaat daardoor niet meer.")
    else:
        st.session_state[version_key(record.id)] = current.version
        flash("success", f"Laatste wijziging ongedaan gemaakt (versie {current.version}).")
    st.rerun()


def split_position(text: str) -> int:
    """The middle of the text, moved to a nearby paragraph (else line) break when there is one."""
    middle = len(text) // 2
    reach = max(1, len(text) // 4)
    for pattern in (r"\n\s*\n", r"\n"):
        breaks = [m.end() for m in re.finditer(pattern, text) if 0 < m.end() < len(text)]
        near = [b for b in breaks if abs(b - middle) <= reach]
        if near:
            return min(near, key=lambda b: abs(b - middle))
    return max(1, min(middle, len(text) - 1))


def split_panel(kb: KnowledgeBase, record: Record, version: int, user: str) -> None:
    text = record.text
    with st.expander("Splitsen"):
        if len(text) < 2:
            st.caption("Deze tekst is te kort om te splitsen.")
            return
        st.caption("Bevat deze beschrijving twee praktijken? Kies waar de tekst gesplitst wordt; het tweede deel "
                   "wordt een nieuwe praktijk (concept).")
        suffix = f"{record.id}-{version}"
        points = split_points(text)
        if not points:
            st.caption("Deze tekst heeft maar één zin; er is niets om te splitsen.")
            return
        middle = split_position(text)
        at = st.selectbox("Het tweede deel begint bij", points, key=f"split-at-{suffix}-{len(text)}",
                          index=min(range(len(points)), key=lambda k: abs(points[k] - middle)),
                          format_func=lambda p: f"„{' '.join(text[p:p + 80].split()[:10])} …”",
                          help="Een nieuwe zin of regel; de tekst wordt nooit midden in een zin gesplitst.")
        head, tail = text[:at].strip(), text[at:].strip()
        st.markdown("**Eerste deel** (behoudt titel en nummer)")
        st.text(head[:PREVIEW_CHARS] + ("…" if len(head) > PREVIEW_CHARS else ""))
        st.markdown("**Tweede deel**")
        st.text(tail[:PREVIEW_CHARS] + ("…" if len(tail) > PREVIEW_CHARS else ""))
        first_line = tail.split("\n", 1)[0].strip()[:120]
        with st.form(key=f"split-form-{suffix}", border=False):  # title and click reach the script in one run
            title = st.text_input("Titel van het tweede deel", value=first_line, key=f"split-title-{suffix}")
            submitted = st.form_submit_button("Splitsen")
        if submitted:
            try:
                first, second = kb.curation.split(record.id, at, title, version, user,
                                                  refresh=partial(refresh_fields, embedder=kb.embedder,
                                                                  cache=kb.cache))
            except VersionConflict as exc:
                remember_conflict(record.id, exc)
                st.rerun()
            except KBError as exc:
                st.error(f"Niet gesplitst: {ui.md(ui.error_text(exc))}")
                return
            st.session_state[version_key(record.id)] = first.version
            flash("success", f"Gesplitst: het tweede deel is nieuwe praktijk „{ui.md(second.title)}” "
                             f"({second.id}), als concept.")
            st.rerun()


# ---------------------------------------------------------------- page
def conflict_notice(record: Record, messages: Any) -> None:
    conflict = st.session_state.get(conflict_key(record.id))
    if not conflict:
        return
    who = conflict.get("user") or "een andere redacteur"
    when = labels.time_label(conflict.get("at")) or "onbekend tijdstip"
    messages.error(f"Deze praktijk werd intussen gewijzigd door {ui.md(who)} om {ui.md(when)} "
                   f"(velden: {ui.md(field_names(conflict.get('fields') or []))}). Uw wijziging is niet bewaard.")
    messages.button("Nieuwe versie laden", key=f"reload-{record.id}", on_click=reload_record, args=(record.id,))


def main() -> None:
    session = require_role("curator")
    st.title("Nakijken en bewerken")
    st.caption("Kijk concepten na, verbeter hun velden en keur ze goed. Elke wijziging wordt bijgehouden en kan "
               "ongedaan gemaakt worden.")
    try:
        kb = open_kb()
        rid = review_list(kb)
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        st.stop()
    show_flash()
    if rid is None:
        return
    try:
        record = kb.get(rid)
    except NotFound:
        st.warning("Deze praktijk bestaat niet meer (samengevoegd of ongedaan gemaakt).")
        st.session_state.pop(RECORD_KEY, None)
        return
    if st.session_state.get(LAST_KEY) != record.id:  # opened anew (picker, search page, after a split)
        st.session_state.pop(version_key(record.id), None)
        st.session_state.pop(conflict_key(record.id), None)
        st.session_state[LAST_KEY] = record.id
    version = opened_version(record)
    messages = st.container()
    conflict_notice(record, messages)
    st.caption(f"Status: {STATUS_LABELS.get(record.status, record.status)} · versie {record.version} · "
               f"nummer {record.id}")
    left, right = st.columns([3, 2])
    with left:
        edit_form(kb, record, version, session.username, messages)
        status_buttons(kb, record, version, session.username)
    with right:
        source_panel(kb, record)
    history_panel(kb, record, version, session.username)
    split_panel(kb, record, version, session.username)


main()
