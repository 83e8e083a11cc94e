"""Curator page: merge records that describe the same practice presented more than once.

The library suggests pairs (close in meaning, similar title or place); a curator
compares them side by side and merges them, or marks a pair as no duplicate for
this session. Any two records can also be picked and merged by hand.
"""
from __future__ import annotations

import streamlit as st

from kb import KBError, Record, labels
from kb.errors import VersionConflict
from web import ui
from web.state import open_kb
from web.widgets import curator_page, flash

DISMISSED_KEY = "_merge_dismissed"
LEFT_KEY = "manual_merge_left"
RIGHT_KEY = "manual_merge_right"
TEXT_CHARS = 400
SUGGESTIONS = 20


def pair_key(left: str, right: str) -> tuple[str, str]:
    return tuple(sorted((left, right)))  # type: ignore[return-value]


def dismissed() -> set[tuple[str, str]]:
    return st.session_state.setdefault(DISMISSED_KEY, set())


def dismiss(left: str, right: str) -> None:
    dismissed().add(pair_key(left, right))


def merge(ids: list[str], versions: dict[str, int], user: str) -> None:
    """Button callback: the versions are those shown when the button was drawn (optimistic locking);
    the fields are what the curator chose in `merge_choices`."""
    try:
        merged = open_kb().curation.merge(ids, user, versions, choices=chosen(ids[0], ids[1]))
    except VersionConflict as exc:
        who = exc.user or "een andere redacteur"
        flash("error", f"Niet samengevoegd: een van de praktijken werd intussen gewijzigd "
                                                f"door {ui.md(who)}. Bekijk ze opnieuw en probeer nog eens.")
        return
    except KBError as exc:
        flash("error", f"Niet samengevoegd: {ui.md(ui.error_text(exc))}")
        return
    sources = len(merged.spans())
    flash("success", f"Samengevoegd: „{ui.md(merged.title)}” heeft nu {sources} bronnen.")
    for key in (LEFT_KEY, RIGHT_KEY):
        if st.session_state.get(key) in ids[1:]:
            st.session_state.pop(key, None)


def record_html(record: Record) -> str:
    """One side of a comparison: every field that helps decide, escaped."""
    rows = [
        ("Soort", ui.kind_label(record.kind)),
        ("Plaats", ui.place_label(record)),
        ("Evenement", record.event or ""),
        ("Datum", labels.date_label(record.event_date)),
        ("Thema's", ", ".join(record.themes)),
        ("Status", labels.status_label(record.status)),
    ]
    items = "".join(f"<dt>{ui.escape(label)}</dt><dd>{ui.escape(value)}</dd>" for label, value in rows if value)
    text = record.text.strip()
    lead = text[:TEXT_CHARS] + (" …" if len(text) > TEXT_CHARS else "")
    return (f'<div class="pb-title">{ui.escape(record.title)}</div>'
            f'<dl class="pb-fields">{items}</dl>'
            f"{ui.text_html(lead)}"
            f'<div class="pb-meta">{ui.escape(ui.source_label(record))}</div>')


def side_by_side(left: Record, right: Record) -> None:
    columns = st.columns(2)
    for column, record, side in zip(columns, (left, right), ("Links (blijft)", "Rechts"), strict=True):
        with column:
            st.caption(side)
            st.markdown(record_html(record), unsafe_allow_html=True)


def suggestion_list(user: str) -> None:
    st.subheader("Voorgestelde dubbels")
    try:
        suggestions = open_kb().curation.suggestions(limit=SUGGESTIONS)
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        return
    hidden = dismissed()
    shown = [s for s in suggestions if pair_key(s.left.id, s.right.id) not in hidden]
    if not shown:
        st.info("Geen voorgestelde dubbels." if not suggestions
                else "Geen voorgestelde dubbels meer: de overige paren zijn als 'geen dubbel' gemarkeerd.")
        return
    st.caption(f"{ui.count_label(len(shown), 'paar', 'paren')} die op dezelfde praktijk lijken, "
               "meest waarschijnlijke eerst.")
    for suggestion in shown:
        left, right = suggestion.left, suggestion.right
        with st.container(border=True):
            scores = (f"Betekenis {suggestion.cosine:.2f} · titel {suggestion.title_similarity:.2f} · "
                      f"samen {suggestion.score:.2f}")
            if suggestion.shared_municipalities:
                scores += " · zelfde gemeente: " + ", ".join(suggestion.shared_municipalities)
            st.caption(ui.md(scores))
            side_by_side(left, right)
            merge_preview(left, right)
            buttons = st.columns(2)
            buttons[0].button("Samenvoegen (links blijft)", key=f"merge-{left.id}-{right.id}", type="primary",
                              on_click=merge, args=([left.id, right.id],
                                                    {left.id: left.version, right.id: right.version}, user))
            buttons[1].button("Geen dubbel", key=f"dismiss-{left.id}-{right.id}", on_click=dismiss,
                              args=(left.id, right.id))


def manual_merge(user: str) -> None:
    st.subheader("Zelf twee praktijken samenvoegen")
    records = [r for r in open_kb().records() if r.status != "hidden"]
    if len(records) < 2:
        st.info("Er zijn minder dan twee praktijken om samen te voegen.")
        return
    by_id = {r.id: r for r in records}
    ids = list(by_id)

    def label(rid: str) -> str:
        record = by_id[rid]
        return " · ".join(p for p in (record.title, ui.place_label(record), record.source) if p)

    for key in (LEFT_KEY, RIGHT_KEY):
        if st.session_state.get(key) not in by_id:
            st.session_state[key] = None  # nothing preselected: two unrelated records must not sit ready to merge
    columns = st.columns(2)
    left_id = columns[0].selectbox("Links (blijft)", ids, key=LEFT_KEY, format_func=label, index=None,
                                   placeholder="Kies een praktijk")
    right_id = columns[1].selectbox("Rechts (gaat op in links)", ids, key=RIGHT_KEY, format_func=label, index=None,
                                    placeholder="Kies een praktijk")
    if left_id is None or right_id is None:
        st.caption("Kies links en rechts een praktijk; u ziet het resultaat voor u samenvoegt.")
        return
    if left_id == right_id:
        st.warning("Kies twee verschillende praktijken.")
        return
    left, right = by_id[left_id], by_id[right_id]
    side_by_side(left, right)
    merge_preview(left, right)
    st.button("Samenvoegen (links blijft)", key="manual-merge", on_click=merge,
              args=([left.id, right.id], {left.id: left.version, right.id: right.version}, user))


PREVIEW_FIELDS = (("municipalities", "Gemeenten"), ("provinces", "Provincies"), ("themes", "Thema's"),
                  ("target_groups", "Doelgroepen"), ("partners", "Partners"), ("speakers", "Sprekers"))


def choice_key(left_id: str, right_id: str, name: str) -> str:
    return f"merge-choice-{left_id}-{right_id}-{name}"


def chosen(left_id: str, right_id: str) -> dict[str, object]:
    """The fields the curator set for this pair (title, list fields); the rest comes from the preview."""
    names = ["title", *(name for name, _ in PREVIEW_FIELDS)]
    return {name: st.session_state[choice_key(left_id, right_id, name)] for name in names
            if choice_key(left_id, right_id, name) in st.session_state}


def merge_preview(left: Record, right: Record) -> None:
    """The merged record field by field, before anything is saved: the curator keeps or drops each value.

    Every value of either record is offered and kept by default; what only the right-hand
    record brings is named, so a wrong place or target group is noticed and dropped.
    """
    try:
        merged, _ = open_kb().curation.merge_preview([left.id, right.id])
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        return
    st.markdown("**Na samenvoegen:** soort en tekst van links; kies per veld wat blijft.")
    if left.title != right.title:
        st.radio("Titel", [left.title, right.title], key=choice_key(left.id, right.id, "title"))
    columns = st.columns(2)
    for n, (name, label) in enumerate((name, label) for name, label in PREVIEW_FIELDS if getattr(merged, name)):
        values = getattr(merged, name)
        gained = [v for v in values if v not in getattr(left, name)]
        columns[n % 2].multiselect(label, values, default=values, key=choice_key(left.id, right.id, name),
                                   placeholder="Geen")
        if gained:
            columns[n % 2].caption(ui.md(f"Nieuw van rechts: {', '.join(gained)}"))


def main() -> None:
    session = curator_page(
        "Dubbels samenvoegen",
        "Dezelfde praktijk, voorgesteld op verschillende evenementen, wordt één record dat al zijn bronnen "
        "bewaart. Een samenvoeging kan ongedaan gemaakt worden op de pagina Nakijken en bewerken.")
    suggestion_list(session.username)
    st.divider()
    manual_merge(session.username)


main()
