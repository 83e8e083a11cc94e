"""Workshops page: moderators shortlist practices, seat them at tables, check coverage and print (UI in Dutch).

Streamlit shows this file as a second page next to app.py. It only calls the
library (kb.workshop, kb.export, kb.search). Every change goes through a
callback that writes to the store; widgets that show stored values carry a
generation number in their key, so after a change they are rebuilt from the
store instead of keeping a stale value.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date

import altair as alt
import pandas as pd
import streamlit as st

from kb import Filters, KBError, KnowledgeBase, export, labels
from kb import workshop as ws
from kb.accounts import require
from web import ui
from web.state import account_names, current_session, open_kb, public_statuses

SELECTED_KEY = "ws_selected"
GENERATION_KEY = "ws_generation"
FLASH_KEY = "ws_flash"
QUERY_KEY = "ws_query"
NOTE_KEY = "ws_note"
URL_PARAM = "workshop"
RESULTS_SHOWN = 20
SEARCH_FILTERS = ("municipality", "province", "region", "theme", "target_group", "kind")
COVERAGE_LABELS = {"themes": "Thema's", "target_groups": "Doelgroepen", "provinces": "Provincies",
                   "region": "Regio's"}
UNSEATED = 0  # the "Geen tafel" choice in the move selectbox


def filter_options() -> dict[str, list[str]]:
    facets = open_kb().search("", Filters(status=public_statuses(current_session())), k=0).facets
    return {name: [value for value, _ in facets.get(name, [])] for name in SEARCH_FILTERS}


# ---------------------------------------------------------------- callbacks
def bump() -> None:
    """Stored tables changed: rebuild the widgets that show them."""
    st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1


def act(message: str, action: Callable[..., object], workshop_id: int, *args: object) -> bool:
    """Run a library call on a workshop from a callback, if this account may change it; True when it did.

    The check runs here, at the moment of the change, not only when the page was drawn: a page
    left open after logging out, or a crafted request, changes nothing. The library's error or
    `message` is shown on the next run.
    """
    kb = open_kb()
    try:
        ws.editable(kb, workshop_id, current_session())
        action(kb, workshop_id, *args)
    except KBError as exc:
        st.session_state[FLASH_KEY] = ("error", ui.error_text(exc))
        return False
    st.session_state[FLASH_KEY] = ("success", message)
    bump()
    return True


def create(form_key: str) -> None:
    values = st.session_state
    title = values.get(f"{form_key}_title", "").strip()
    if not title:
        st.session_state[FLASH_KEY] = ("error", "Geef de workshop een titel.")
        return
    day: Date | None = values.get(f"{form_key}_date")
    try:
        session = current_session()
        require(session, "moderator")
        assert session is not None
        created = ws.create_workshop(open_kb(), title, day.isoformat() if day else None,
                                     values.get(f"{form_key}_place", ""), int(values[f"{form_key}_tables"]),
                                     int(values[f"{form_key}_per_table"]), owner=session.username)
    except KBError as exc:
        st.session_state[FLASH_KEY] = ("error", ui.error_text(exc))
        return
    st.session_state[SELECTED_KEY] = created.id
    st.session_state[FLASH_KEY] = ("success", f"Workshop „{created.title}” aangemaakt.")
    bump()


def save_settings(workshop_id: int, prefix: str) -> None:
    values = st.session_state
    day: Date | None = values.get(f"{prefix}_date")
    act("Workshop opgeslagen.", lambda kb, wid: ws.update_workshop(
        kb, wid, title=values[f"{prefix}_title"], date=day.isoformat() if day else "",
        place=values[f"{prefix}_place"], n_tables=int(values[f"{prefix}_tables"]),
        per_table=int(values[f"{prefix}_per_table"])), workshop_id)


def save_sharing(workshop_id: int, prefix: str) -> None:
    values = st.session_state
    act("Delen bewaard.", ws.share_workshop, workshop_id, values[f"{prefix}_members"], values[f"{prefix}_public"])


def delete(workshop_id: int) -> None:
    if act("Workshop verwijderd.", ws.delete_workshop, workshop_id):
        st.session_state[SELECTED_KEY] = None


def move(workshop_id: int, record_id: str, key: str) -> None:
    position = st.session_state[key]
    act("Praktijk verplaatst.", ws.move_item, workshop_id, record_id, position or None)


def save_note(workshop_id: int, record_id: str, key: str) -> None:
    act("Notitie bewaard.", ws.set_note, workshop_id, record_id, st.session_state[key])


def save_table_name(workshop_id: int, position: int, key: str) -> None:
    act("Tafelnaam bewaard.", ws.rename_table, workshop_id, position, st.session_state[key])


def add(workshop_id: int, record_ids: list[str]) -> None:
    note = st.session_state.get(NOTE_KEY, "")
    noun = "praktijk" if len(record_ids) == 1 else "praktijken"
    act(f"{len(record_ids)} {noun} op de shortlist gezet.", ws.add_items, workshop_id, record_ids, note)


def propose(workshop_id: int, seed_key: str) -> None:
    if not act("Tafels voorgesteld. Vergrendelde tafels bleven zoals ze waren.", ws.propose_tables, workshop_id,
               int(st.session_state.get(seed_key, 0))):
        return
    waiting = ws.unseated(open_kb(), workshop_id)
    if waiting:
        workshop = ws.get_workshop(open_kb(), workshop_id)
        left_out = ui.count_label(len(waiting), "praktijk kreeg", "praktijken kregen")
        st.session_state[FLASH_KEY] = (
            "warning", f"Tafels voorgesteld, maar {left_out} geen plaats: elke tafel telt al {workshop.per_table} "
                       "praktijken. Voeg een tafel toe of verhoog 'Praktijken per tafel' en stel opnieuw voor; wat het "
                       "laatst op de shortlist kwam, wacht.")


# ---------------------------------------------------------------- views
def flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        kind, text = message
        {"error": st.error, "warning": st.warning}.get(kind, st.success)(ui.md(text))


def workshop_fields(prefix: str, current: ws.Workshop | None) -> None:
    """The workshop's fields as inputs (inside a form)."""
    st.text_input("Titel", value=current.title if current else "", key=f"{prefix}_title",
                  placeholder="Bijvoorbeeld: Inspiratiedag armoede – thematafels")
    st.date_input("Datum (dag/maand/jaar)", value=_date(current.date) if current else None, key=f"{prefix}_date",
                  format="DD/MM/YYYY")
    st.text_input("Plaats", value=(current.place or "") if current else "", key=f"{prefix}_place")
    left, right = st.columns(2)
    left.number_input("Aantal tafels", 1, ws.MAX_TABLES, current.n_tables if current else 4, key=f"{prefix}_tables")
    right.number_input("Praktijken per tafel", 1, ws.MAX_PER_TABLE, current.per_table if current else 4,
                       key=f"{prefix}_per_table")


def _date(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value) if value else None
    except ValueError:
        return None


def sidebar(workshops: list[ws.Workshop], may_create: bool) -> int | None:
    """Pick a workshop, or create one (logged-in moderators); returns the chosen workshop's id."""
    with st.sidebar:
        st.header("Workshops")
        ids = [w.id for w in workshops]
        titles = {w.id: w.title for w in workshops}
        if st.session_state.get(SELECTED_KEY) not in ids:
            wanted = st.query_params.get(URL_PARAM, "")
            st.session_state[SELECTED_KEY] = int(wanted) if wanted.isdigit() and int(wanted) in ids else (
                ids[0] if ids else None)
        if ids:
            st.selectbox("Workshop", ids, key=SELECTED_KEY, format_func=lambda i: titles.get(i, str(i)))
        if may_create:
            with st.expander("Nieuwe workshop", expanded=not ids):
                with st.form("new-workshop", clear_on_submit=True, border=False):
                    workshop_fields("new", None)
                    st.form_submit_button("Workshop aanmaken", on_click=create, args=("new",), type="primary")
        else:
            st.caption("Log in als moderator om zelf een workshop voor te bereiden.")
    selected = st.session_state.get(SELECTED_KEY)
    if selected is not None and st.query_params.get(URL_PARAM) != str(selected):
        st.query_params[URL_PARAM] = str(selected)
    return selected


def header(workshop: ws.Workshop, items: list[ws.ShortlistItem], editable: bool) -> None:
    st.title(ui.md(workshop.title))
    seated = sum(1 for i in items if i.table is not None)
    parts = [labels.date_label(workshop.date), workshop.place,
             f"{ui.count_label(workshop.n_tables, 'tafel', 'tafels')} van {workshop.per_table}",
             f"{len(items)} op de shortlist, {seated} aan een tafel"]
    st.caption(ui.md(" · ".join(p for p in parts if p)))
    if not editable:
        st.info("U bekijkt deze workshop. Alleen wie hem voorbereidt, kan hem wijzigen.")
        return
    generation = st.session_state.get(GENERATION_KEY, 0)
    with st.expander("Workshop bewerken of verwijderen"):
        prefix = f"edit{workshop.id}-{generation}"
        with st.form(f"edit-{workshop.id}", border=False):
            workshop_fields(prefix, workshop)
            st.form_submit_button("Opslaan", on_click=save_settings, args=(workshop.id, prefix))
        sure = st.checkbox("Ja, verwijder deze workshop met zijn tafels en shortlist", key=f"sure-{workshop.id}")
        st.button("Workshop verwijderen", disabled=not sure, on_click=delete, args=(workshop.id,))
    with st.expander("Delen"):
        prefix = f"share{workshop.id}-{generation}"
        owner = workshop.owner or "de beheerders"
        st.caption(ui.md(f"Eigenaar: {owner}. Wie u hier kiest, kan de workshop ook wijzigen."))
        with st.form(f"share-{workshop.id}", border=False):
            others = [name for name in account_names() if name != workshop.owner]
            st.multiselect("Samen voorbereiden met", sorted(set(others) | set(workshop.members)),
                           default=list(workshop.members), key=f"{prefix}_members", placeholder="Niemand")
            st.checkbox("Bezoekers mogen deze workshop bekijken (alleen lezen)", value=workshop.public,
                        key=f"{prefix}_public")
            st.form_submit_button("Delen bewaren", on_click=save_sharing, args=(workshop.id, prefix))


def read_only_tables(kb: KnowledgeBase, workshop: ws.Workshop) -> None:
    """The tables as a visitor sees them: names, approved practices and places, nothing to change."""
    current = [t for t in ws.tables(kb, workshop.id, public_statuses(None)) if t.items]
    if not current:
        st.info("Er zitten nog geen praktijken aan tafel.")
        return
    columns = st.columns(2)
    for n, table in enumerate(current):
        with columns[n % 2], st.container(border=True):
            st.markdown(f"#### {ui.md(table.label)}")
            for item in table.items:
                st.markdown(practice_html(item), unsafe_allow_html=True)


def search_tab(kb: KnowledgeBase, workshop: ws.Workshop, listed: set[str]) -> None:
    """Search the base like on the main page and put results on the shortlist."""
    st.text_input("Zoek praktijken", key=QUERY_KEY,
                  placeholder="Bijvoorbeeld: sociale kruidenier, eenzaamheid bij ouderen …")
    options = filter_options()
    columns = st.columns(3)
    chosen: dict[str, list[str]] = {}
    for n, name in enumerate(name for name in SEARCH_FILTERS if options[name]):
        label = ui.FILTERS[name][1]
        chosen[name] = columns[n % 3].multiselect(label, options[name], key=f"ws_filter_{name}", placeholder="Alle",
                                                  format_func=ui.kind_label if name == "kind" else str)
    st.text_input("Notitie bij het toevoegen (optioneel)", key=NOTE_KEY,
                  placeholder="Waarom deze praktijk? Bijvoorbeeld: spreker al bevestigd")
    query = st.session_state.get(QUERY_KEY, "")
    if not query.strip() and not any(chosen.values()):
        st.caption("Zoek of kies filters om praktijken voor deze workshop te vinden.")
        return
    try:
        filters = Filters(**{k: v for k, v in chosen.items() if v}, status=public_statuses(current_session()))
        result = kb.search(query, filters, k=RESULTS_SHOWN)
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        return
    if not result.hits:
        st.warning("Geen praktijken gevonden; probeer andere woorden of minder filters.")
        return
    new = [hit.record.id for hit in result.hits if hit.record.id not in listed]
    top, button = st.columns([3, 1])
    top.markdown(f"**{result.total} resultaten** · {len(result.hits)} getoond")
    button.button(f"Alle {len(new)} nieuwe toevoegen", disabled=not new, on_click=add, args=(workshop.id, new),
                  key="add-all")
    for hit in result.hits:
        with st.container(border=True):
            st.markdown(ui.card_html(hit, query), unsafe_allow_html=True)
            if hit.record.id in listed:
                st.caption("✓ Staat op de shortlist")
            else:
                st.button("Toevoegen aan workshop", key=f"add-{hit.record.id}", on_click=add,
                          args=(workshop.id, [hit.record.id]))


def shortlist_tab(workshop: ws.Workshop, items: list[ws.ShortlistItem]) -> None:
    if not items:
        st.info("De shortlist is nog leeg. Zoek praktijken in het eerste tabblad.")
        return
    generation = st.session_state.get(GENERATION_KEY, 0)
    for item in items:
        record = item.record
        with st.container(border=True):
            where = ui.place_label(record) or "—"
            seat = f"tafel {item.table}" if item.table else "nog geen tafel"
            st.markdown(f"**{ui.md(record.title)}**  \n{ui.md(where)} · {ui.md(', '.join(record.themes))} · {seat}")
            key = f"note-{workshop.id}-{record.id}-{generation}"
            left, right = st.columns([4, 1])
            left.text_input("Notitie", value=item.note, key=key, on_change=save_note,
                            args=(workshop.id, record.id, key),
                            placeholder="Waarom staat deze praktijk op de shortlist?")
            right.button("Verwijderen", key=f"remove-{record.id}", on_click=act,
                         args=("Van de shortlist gehaald.", ws.remove_items, workshop.id, [record.id]))


def move_box(workshop: ws.Workshop, item: ws.ShortlistItem, positions: list[int], container) -> None:  # noqa: ANN001
    generation = st.session_state.get(GENERATION_KEY, 0)
    key = f"move-{workshop.id}-{item.record_id}-{generation}"
    choices = [UNSEATED] + positions
    container.selectbox("Verplaats naar", choices, index=choices.index(item.table or UNSEATED), key=key,
                        format_func=lambda p: f"Tafel {p}" if p else "Geen tafel", on_change=move,
                        args=(workshop.id, item.record_id, key), label_visibility="collapsed")


def practice_html(item: ws.ShortlistItem) -> str:
    """A seated practice: its title and where it runs."""
    where = ui.place_label(item.record) or "—"
    return (f'<div class="ws-practice"><b>{ui.escape(item.record.title)}</b><br>'
            f'<span class="pb-meta">{ui.escape(where)}</span></div>')


def practice_line(item: ws.ShortlistItem, positions: list[int], workshop: ws.Workshop) -> None:
    text, box = st.columns([3, 2])
    text.markdown(practice_html(item), unsafe_allow_html=True)
    move_box(workshop, item, positions, box)


def table_card(workshop: ws.Workshop, table: ws.Table, positions: list[int]) -> None:
    generation = st.session_state.get(GENERATION_KEY, 0)
    with st.container(border=True, key=f"table-{table.position}"):
        lock = " 🔒" if table.locked else ""
        st.markdown(f"#### {ui.md(table.label)}{lock}")
        themes = ", ".join(table.themes()) or "nog geen thema's"
        st.caption(ui.md(f"{len(table.items)} praktijken · {themes}"))
        key = f"name-{workshop.id}-{table.position}-{generation}"
        left, right = st.columns([3, 2])
        left.text_input("Naam van de tafel", value=table.name, key=key, on_change=save_table_name,
                        args=(workshop.id, table.position, key))
        right.button("Ontgrendelen" if table.locked else "Vergrendelen", key=f"lock-{table.position}",
                     on_click=act, args=("Tafel ontgrendeld." if table.locked else "Tafel vergrendeld.",
                                         ws.lock_table, workshop.id, table.position, not table.locked))
        for item in table.items:
            practice_line(item, positions, workshop)


def tables_tab(kb: KnowledgeBase, workshop: ws.Workshop) -> None:
    current = ws.tables(kb, workshop.id)
    waiting = ws.unseated(kb, workshop.id)
    seed_key = f"seed-{workshop.id}"
    left, middle, _ = st.columns([2, 1, 2], vertical_alignment="bottom")
    left.button("Tafels voorstellen", type="primary", on_click=propose, args=(workshop.id, seed_key),
                disabled=not (waiting or any(t.items for t in current if not t.locked)))
    middle.number_input("Variant", 0, 9999, 0, key=seed_key,
                        help="Een andere variant geeft een andere, even evenwichtige indeling")
    st.caption("Het voorstel verdeelt de shortlist over de niet-vergrendelde tafels: even groot, per onderwerp, "
               "en zo weinig mogelijk praktijken uit dezelfde gemeente of regio aan één tafel.")
    positions = [t.position for t in current]
    if waiting:
        with st.container(border=True, key="unseated"):
            st.markdown(f"#### Nog niet aan een tafel ({len(waiting)})")
            for item in waiting:
                practice_line(item, positions, workshop)
    columns = st.columns(2)
    for n, table in enumerate(current):
        with columns[n % 2]:
            table_card(workshop, table, positions)


def coverage_chart(counts: dict[str, dict[str, int]], tables: list[ws.Table]) -> alt.Chart:
    """A horizontal bar per value, stacked by table; every value labelled, most frequent first."""
    short = {t.label: f"Tafel {t.position}" for t in tables}
    rows = [{"waarde": value, "tafel": short.get(label, label), "praktijken": n}
            for value, per_table in counts.items() for label, n in per_table.items()]
    order = sorted(counts, key=lambda value: (-sum(counts[value].values()), value))
    return alt.Chart(pd.DataFrame(rows)).mark_bar().encode(
        y=alt.Y("waarde:N", sort=order, title=None, axis=alt.Axis(labelOverlap=False, labelLimit=220)),
        x=alt.X("sum(praktijken):Q", title="praktijken", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("tafel:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=list(short.values()))),  # same colour per table in every chart
        tooltip=["waarde", "tafel", "praktijken"],
    ).properties(height=alt.Step(22))


def coverage_tab(kb: KnowledgeBase, workshop: ws.Workshop, listed: set[str]) -> None:
    cover = ws.coverage(kb, workshop.id)
    current = ws.tables(kb, workshop.id)
    if not any(cover.counts[facet] for facet in COVERAGE_LABELS):
        st.info("Nog geen praktijken aan tafel: stel eerst tafels voor.")
    else:
        columns = st.columns(2)
        for n, (facet, label) in enumerate(COVERAGE_LABELS.items()):
            with columns[n % 2]:
                st.markdown(f"**{label}**")
                if cover.counts[facet]:
                    st.altair_chart(coverage_chart(cover.counts[facet], current), width="stretch",
                                    height=22 * len(cover.counts[facet]) + 150)
                else:
                    st.caption("—")
    if cover.missing_themes:
        st.markdown("**Thema's uit de praktijkenbank die aan geen tafel aan bod komen**")
        st.write(", ".join(f"{theme} ({n})" for theme, n in cover.missing_themes[:20]))
    st.subheader("Voorstellen: passende praktijken die nog niet op de shortlist staan")
    found = ws.suggestions(kb, workshop.id, k=6, statuses=public_statuses(current_session()))
    if not found:
        seated = any(t.items for t in current)
        st.caption("Geen andere passende praktijken in de praktijkenbank." if seated else
                   "Voorstellen verschijnen zodra er praktijken aan tafel zitten.")
    for suggestion in found:
        with st.container(border=True):
            hit = _as_hit(suggestion)
            st.markdown(ui.card_html(hit, ""), unsafe_allow_html=True)
            st.button("Toevoegen aan workshop", key=f"suggest-{suggestion.record.id}", on_click=add,
                      args=(workshop.id, [suggestion.record.id]), disabled=suggestion.record.id in listed)


def _as_hit(suggestion: ws.Suggestion):  # noqa: ANN202 - kb.search.Hit, for the shared card renderer
    from kb.search import Hit

    why = [f"past bij tafel {suggestion.table}: {suggestion.score:.2f}"]
    return Hit(suggestion.record, suggestion.score, 0, suggestion.score, 0.0, [], why)


def export_tab(kb: KnowledgeBase, workshop: ws.Workshop, statuses: list[str] | None = None) -> None:
    """Downloads of the tables; `statuses` limits them to what a visitor may see."""
    st.markdown("Een PDF met een pagina per tafel om uit te printen, of de indeling als Markdown, CSV of Excel.")
    labels = {"pdf": "PDF (een pagina per tafel)", "md": "Markdown", "csv": "CSV", "xlsx": "Excel (XLSX)"}
    columns = st.columns(len(labels))
    for column, (fmt, label) in zip(columns, labels.items(), strict=True):
        column.download_button(label, data=export.export(kb, workshop.id, fmt, statuses),
                               file_name=export.file_name(workshop, fmt), mime=export.MEDIA_TYPES[fmt],
                               on_click="ignore", key=f"download-{fmt}", width="stretch")


def main() -> None:
    session = current_session()
    try:
        kb = open_kb()
        workshops = ws.visible_workshops(kb, session)
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        st.stop()
    selected = sidebar(workshops, may_create=session is not None)
    flash()
    if selected is None:
        st.title("Workshops")
        if session is None:
            st.info("Hier verschijnen de workshops die hun moderatoren openbaar maakten. Moderatoren loggen in via "
                    "de zijbalk om een inspiratiedag, welzijnscafé of praktijkmarkt met thematafels voor te bereiden.")
        else:
            st.info("Maak links een workshop aan: een inspiratiedag, welzijnscafé of praktijkmarkt met thematafels. "
                    "Zoek daarna praktijken, zet ze op de shortlist en laat ze over de tafels verdelen.")
        return
    workshop = ws.get_workshop(kb, selected)
    editable = ws.can_edit(workshop, session)
    items = ws.shortlist(kb, workshop.id)
    listed = {item.record_id for item in items}
    header(workshop, items, editable)
    if not editable:
        tables, share = st.tabs(["Tafels", "Afdrukken"])
        with tables:
            read_only_tables(kb, workshop)
        with share:
            export_tab(kb, workshop, public_statuses(None))  # a visitor never sees a draft or hidden record
        return
    search, shortlist, tables, cover, share = st.tabs(
        ["Praktijken zoeken", "Shortlist", "Tafels", "Dekking", "Afdrukken en delen"])
    with search:
        search_tab(kb, workshop, listed)
    with shortlist:
        shortlist_tab(workshop, items)
    with tables:
        tables_tab(kb, workshop)
    with cover:
        coverage_tab(kb, workshop, listed)
    with share:
        export_tab(kb, workshop)


main()
