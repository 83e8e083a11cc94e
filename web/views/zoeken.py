"""The search page: semantic search with filters, a detail view with the source passage.

The search and filters live in the URL so a search can be shared. Viewers see
approved records; a logged-in curator may include drafts (sidebar toggle).
"""
from __future__ import annotations

import streamlit as st

from kb import Filters, Hit, KBError, KnowledgeBase, Record, SearchResult
from web import ui
from web.state import current_session, open_kb, public_statuses
from web.widgets import source_passage

PAGE_SIZE = 10
QUERY_KEY = "q"
RECORD_KEY = "record_id"
LIMIT_KEY = "limit"
SEARCH_KEY = "_search_signature"


def filter_key(name: str) -> str:
    return f"filter_{name}"


def all_facets(statuses: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Every filter value among the visible records, with its count: the sidebar's options."""
    return open_kb().search("", Filters(status=statuses), k=0).facets


# ---------------------------------------------------------------- state
def seed_from_url() -> None:
    """On a session's first run, restore the search from the URL (a shared link)."""
    if st.session_state.get("_seeded"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    state = ui.SearchState.from_params(params)
    st.session_state[QUERY_KEY] = state.query
    for name in ui.FILTERS:
        st.session_state[filter_key(name)] = state.filters.get(name, [])
    st.session_state[RECORD_KEY] = state.record_id
    st.session_state["_seeded"] = True


def current_state(options: dict[str, list[str]]) -> ui.SearchState:
    filters = {name: ui.clean_selection(st.session_state.get(filter_key(name), []), options[name])
               for name in ui.FILTERS}
    return ui.SearchState(st.session_state.get(QUERY_KEY, ""), {k: v for k, v in filters.items() if v},
                          st.session_state.get(RECORD_KEY))


def write_url(state: ui.SearchState) -> None:
    """Mirror the state into the URL, only when it changed (each write is a message to the browser)."""
    wanted = {key: value if isinstance(value, list) else [value] for key, value in state.to_params().items()}
    present = {key: st.query_params.get_all(key) for key in st.query_params}
    if wanted != present:
        st.query_params.from_dict(state.to_params())


def page_limit(state: ui.SearchState) -> int:
    """How many results to show; back to one page whenever the search changes."""
    signature = (state.query, tuple(sorted((k, tuple(v)) for k, v in state.filters.items())))
    if st.session_state.get(SEARCH_KEY) != signature:
        st.session_state[SEARCH_KEY] = signature
        st.session_state[LIMIT_KEY] = PAGE_SIZE
    return int(st.session_state.get(LIMIT_KEY, PAGE_SIZE))


# ---------------------------------------------------------------- callbacks
def set_query(query: str) -> None:
    st.session_state[QUERY_KEY] = query
    st.session_state[RECORD_KEY] = None


def open_record(record_id: str) -> None:
    st.session_state[RECORD_KEY] = record_id


def close_record() -> None:
    st.session_state[RECORD_KEY] = None


def clear_filters() -> None:
    for name in ui.FILTERS:
        st.session_state[filter_key(name)] = []


def show_more() -> None:
    st.session_state[LIMIT_KEY] = int(st.session_state.get(LIMIT_KEY, PAGE_SIZE)) + PAGE_SIZE


# ---------------------------------------------------------------- views
def sidebar(state: ui.SearchState, options: dict[str, list[str]], counts: dict[str, dict[str, int]]) -> None:
    """One multiselect per filter; labels carry the count in the current result set."""
    with st.sidebar:
        st.header("Filters")
        for name, (_, label) in ui.FILTERS.items():
            if not options[name]:
                continue
            key = filter_key(name)
            # re-store the cleaned values so a label whose count changed does not orphan the selection
            st.session_state[key] = state.filters.get(name, [])
            st.multiselect(label, options[name], key=key, placeholder="Alle", select_all=False,
                           format_func=lambda value, n=name: ui.option_label(n, value, counts[n]))
        if any(state.filters.values()):
            st.button("Filters wissen", on_click=clear_filters, width="stretch")


def empty_state(kb: KnowledgeBase, facets: dict[str, list[tuple[str, int]]]) -> None:
    total = sum(count for _, count in facets.get("kind", []))
    if total == 0:
        waiting = kb.store.count()
        if waiting:
            st.info(f"Er zijn nog geen goedgekeurde praktijken. {waiting} beschrijvingen wachten op nakijken "
                    "door de redactie; redacteurs loggen in via de zijbalk.")
        else:
            st.info("De praktijkenbank is nog leeg. Voeg programmateksten toe met `python -m kb ingest corpus/` "
                    "en herstart de app.")
        return
    st.markdown(
        "Beschrijf wat u zoekt in gewone woorden: de zoekfunctie vindt ook praktijken die het met andere "
        "woorden zeggen. Of kies links filters op gemeente, provincie, regio, thema, doelgroep of evenement. "
        "Elke zoekopdracht staat in de adresbalk, zodat u ze kunt delen.")
    st.caption(f"De praktijkenbank bevat {total} beschrijvingen.")
    st.markdown("**Probeer bijvoorbeeld:**")
    columns = st.columns(len(ui.EXAMPLE_QUERIES))
    for column, example in zip(columns, ui.EXAMPLE_QUERIES, strict=True):
        column.button(example, on_click=set_query, args=(example,), key=f"example-{example}",
                      width="stretch")


def results(state: ui.SearchState, result: SearchResult, limit: int) -> None:
    """The matches, counted; then, when there are few, the nearest records under their own heading."""
    matches, related = result.matches, result.related
    if result.total == 0 and not related:
        what = f"voor „{ui.md(state.query.strip())}”" if state.query.strip() else "met deze filters"
        st.warning(f"Geen praktijken gevonden {what}; probeer minder filters of andere woorden.")
        if any(state.filters.values()):
            st.button("Alle filters wissen", on_click=clear_filters, key="clear-filters-main")
        return
    if result.total == 0:
        st.warning(f"Geen praktijk vermeldt „{ui.md(state.query.strip())}” of gaat er rechtstreeks over.")
    else:
        shown = f" · {len(matches)} getoond" if result.total > len(matches) else ""
        st.markdown(f"**{ui.count_label(result.total, 'praktijk', 'praktijken')}**{shown}")
    for hit in matches:
        card(hit, state.query)
    if result.total > len(matches):
        st.button("Meer resultaten tonen", on_click=show_more)
    if related and len(matches) < ui.RELATED_WHEN_FEWER:
        st.subheader("Verwant, maar geen rechtstreekse treffer")
        for hit in related[:ui.RELATED_WHEN_FEWER]:
            card(hit, state.query)


def card(hit: Hit, query: str) -> None:
    with st.container(border=True):
        st.markdown(ui.card_html(hit, query), unsafe_allow_html=True)
        st.button("Details en bron", key=f"open-{hit.record.id}", on_click=open_record, args=(hit.record.id,))


def detail(kb: KnowledgeBase, record_id: str, searching: bool, statuses: list[str]) -> None:
    """The full record and the source passage it came from, so a reader can check the extraction."""
    st.button("← Terug naar de resultaten" if searching else "← Terug naar het overzicht", on_click=close_record)
    try:
        record = kb.get(record_id)
    except KBError as exc:
        st.error(ui.md(str(exc)))
        return
    if record.status not in statuses:
        st.warning("Deze praktijk is (nog) niet openbaar: de redactie heeft ze niet goedgekeurd.")
        return
    if current_session() is not None:
        st.button("Bewerken", key="edit-record", on_click=edit_record, args=(record.id,))
    st.markdown(f'<h2 class="pb-detail-title">{ui.escape(record.title)}</h2>', unsafe_allow_html=True)
    st.markdown(ui.details_html(record), unsafe_allow_html=True)
    if record.parent_id:
        parent_link(kb, record.parent_id, statuses)
    st.subheader("Tekst")
    st.markdown(ui.text_html(record.text), unsafe_allow_html=True)
    source_passage(kb, record)
    similar(kb, record, statuses)


def edit_record(record_id: str) -> None:
    st.session_state["edit_record_id"] = record_id
    st.session_state["_switch_to_edit"] = True


def similar(kb: KnowledgeBase, record: Record, statuses: list[str]) -> None:
    """Practices closest in meaning, so a reader can hop to related work elsewhere."""
    st.subheader("Vergelijkbare praktijken")
    for hit in kb.similar(record.id, k=5, filters={"status": statuses}).hits:
        place = ui.place_label(hit.record)
        label = f"{hit.record.title} ({place})" if place else hit.record.title
        st.button(ui.md(label), key=f"similar-{hit.record.id}", on_click=open_record, args=(hit.record.id,))


def parent_link(kb: KnowledgeBase, parent_id: str, statuses: list[str]) -> None:
    """A link to the record this one is part of, only when the visitor may see that record."""
    try:
        parent = kb.get(parent_id)
    except KBError:
        return
    if parent.status not in statuses:
        return
    st.button(f"Deel van: {ui.md(parent.title)}", key=f"parent-{parent_id}", on_click=open_record, args=(parent_id,))


def run_search(kb: KnowledgeBase, state: ui.SearchState, limit: int, statuses: list[str]) -> SearchResult | None:
    """The current search, or None after showing the library's error (e.g. a query that is too odd)."""
    filters = state.to_filters()
    filters.status = statuses
    try:
        return kb.search(state.query, filters, k=limit)
    except KBError as exc:
        st.error(ui.md(str(exc)))
        return None


def main() -> None:
    if st.session_state.pop("_switch_to_edit", False):
        st.switch_page("web/views/redactie.py")
    st.title("Praktijkenbank lokaal sociaal beleid")
    st.caption("Praktijken, sessies en thematafels uit Vlaamse programmateksten over lokaal sociaal beleid")
    try:
        kb = open_kb()
        statuses = public_statuses(current_session())
        facets = all_facets(statuses)
    except KBError as exc:
        st.error(ui.md(str(exc)))
        st.stop()
    options = {name: [value for value, _ in facets.get(name, [])] for name in ui.FILTERS}
    seed_from_url()
    state = current_state(options)
    limit = page_limit(state)
    result = run_search(kb, state, limit, statuses)
    counts = {name: dict((result.facets if result else facets).get(name, [])) for name in ui.FILTERS}
    sidebar(state, options, counts)
    st.text_input("Zoek in de praktijkenbank", key=QUERY_KEY,
                  placeholder="Bijvoorbeeld: sociale kruidenier, Housing First, jongeren en armoede …")
    write_url(state)
    if state.record_id:
        detail(kb, state.record_id, not state.is_empty(), statuses)
    elif state.is_empty():
        empty_state(kb, facets)
    elif result is not None:
        results(state, result, limit)


main()
