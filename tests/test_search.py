"""Search semantics on a small fixed set of records: filters inside retrieval, facets, odd queries."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.errors import InvalidQuery
from kb.index import VectorIndex
from kb.record import Record
from kb.search import Filters, Searcher, snippet

RECORDS = [
    Record(source="s.txt", start=0, end=10, kind="practice", title="Sociale kruidenier Mechelen",
           text="Een sociale kruidenier biedt betaalbare voeding voor mensen in armoede.",
           municipalities=["Mechelen"], provinces=["Antwerpen"], themes=["Armoedebestrijding"],
           target_groups=["Mensen in armoede"], event="Trefdag"),
    Record(source="s.txt", start=10, end=20, kind="practice", title="Kracht.wonen",
           text="Regionale aanpak van dak- en thuisloosheid.", region="W13",
           themes=["Dak- en thuisloosheid", "Regionale samenwerking"], target_groups=["Dak- en thuislozen"]),
    Record(source="s.txt", start=20, end=30, kind="session", title="De nieuwe gemeente",
           text="Integratie van OCMW en gemeente: wat betekent dat voor het personeel?",
           themes=["Organisatie lokaal bestuur"], event="Trefdag"),
    Record(source="s.txt", start=30, end=40, kind="practice", title="Nachtopvang De Biekorf",
           text="Nachtopvang voor chronisch thuislozen in Antwerpen.", municipalities=["Antwerpen"],
           provinces=["Antwerpen"], themes=["Dak- en thuisloosheid"], target_groups=["Dak- en thuislozen"]),
    Record(source="s.txt", start=40, end=50, kind="theme-table", title="Thema 1: werkgeverschap",
           text="Het lokale bestuur als moderne werkgever.", themes=["Organisatie lokaal bestuur"]),
]
W13 = {"Kortrijk", "Menen", "Wevelgem", "Harelbeke"}


class FakePlaces:
    def covering(self, municipality: str) -> list[str]:
        return ["W13"] if municipality in W13 else []

    def area(self, region: str) -> tuple[list[str], list[str]]:
        return (sorted(W13), ["West-Vlaanderen"]) if region == "W13" else ([], [])

    def abroad(self, name: str) -> bool:
        return name in ("Rotterdam", "Utrecht")


@pytest.fixture
def searcher(fake_embedder):
    index = VectorIndex(fake_embedder.dim, fake_embedder.family, fake_embedder.backend)
    rows = list(enumerate(RECORDS, start=1))
    index.add(np.array([r for r, _ in rows]), fake_embedder.passages([r.embedding_text() for _, r in rows]))
    return Searcher(rows, index, fake_embedder.query, places=FakePlaces(),
                    query_places=lambda q: ["Mechelen"] if "Mechelen" in q else [])


def titles(result) -> list[str]:
    return [h.record.title for h in result.hits]


def test_best_match_first(searcher):
    assert titles(searcher.search("sociale kruidenier", k=3))[0] == "Sociale kruidenier Mechelen"


def test_hyphenated_coordination_finds_both(searcher):
    top = titles(searcher.search("dak- en thuisloosheid", k=2))
    assert set(top) == {"Kracht.wonen", "Nachtopvang De Biekorf"}


def test_filter_restricts_candidates_and_still_fills_k(searcher):
    result = searcher.search("armoede", Filters(kind=["practice"]), k=10)
    assert len(result.hits) == 3 and all(h.record.kind == "practice" for h in result.hits)


def test_municipality_filter_includes_regional_practices_covering_it(searcher):
    result = searcher.search("", Filters(municipality=["Kortrijk"]), k=10)
    assert titles(result) == ["Kracht.wonen"]


def test_a_city_abroad_is_no_municipality_to_filter_or_count_on(fake_embedder):
    abroad = Record(source="s.txt", start=50, end=60, kind="practice", title="Vakmanstad",
                    text="Kinderen leren na school koken en timmeren.", municipalities=["Gent", "Rotterdam"],
                    provinces=["Oost-Vlaanderen"])
    index = VectorIndex(fake_embedder.dim, fake_embedder.family, fake_embedder.backend)
    index.add(np.array([1]), fake_embedder.passages([abroad.embedding_text()]))
    search = Searcher([(1, abroad)], index, fake_embedder.query, places=FakePlaces())
    assert search.search("", k=5).facets["municipality"] == [("Gent", 1)]
    assert search.search("", Filters(municipality=["Rotterdam"]), k=5).total == 0


def test_filters_combine_as_and_values_as_or(searcher):
    f = Filters(theme=["Dak- en thuisloosheid", "Armoedebestrijding"], province=["Antwerpen"])
    assert set(titles(searcher.search("", f, k=10))) == {"Sociale kruidenier Mechelen", "Nachtopvang De Biekorf"}


def test_empty_query_browses_and_facets_count_whole_set(searcher):
    result = searcher.search("", Filters(event=["Trefdag"]), k=1)
    assert len(result.hits) == 1 and result.total == 2
    assert dict(result.facets["kind"]) == {"practice": 1, "session": 1}


@pytest.mark.parametrize("query", ["", "   ", "?!...", "de het een", "x" * 50_000, "🙂 ✓", "\x00\x01"])
def test_odd_queries_do_not_crash(searcher, query):
    result = searcher.search(query, k=5)
    assert len(result.hits) <= 5


def test_unknown_filter_and_kind_are_clear_errors():
    with pytest.raises(InvalidQuery, match="unknown filter"):
        Filters.from_mapping({"colour": ["red"]})
    with pytest.raises(InvalidQuery, match="unknown kind 'talk'"):
        Filters.from_mapping({"kind": "talk"})


def test_filter_mapping_accepts_cli_spellings():
    f = Filters.from_mapping({"target-group": ["Jongeren"], "theme": "Wonen"})
    assert f.target_group == ["Jongeren"] and f.theme == ["Wonen"]


def test_snippet_highlights_query_words():
    pieces = snippet("Het OCMW van Mechelen werkt met zorgcoaches in de buurt.", "zorgcoach Mechelen")
    assert ("Mechelen", True) in pieces and ("zorgcoaches", True) in pieces
    assert "".join(p for p, _ in pieces).startswith("Het OCMW")


def test_place_in_query_is_a_boost_not_a_filter(searcher):
    result = searcher.search("armoede in Mechelen", k=5)
    assert result.hits[0].record.title == "Sociale kruidenier Mechelen"
    assert len(result.hits) == 5, "records from elsewhere are still returned"


@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_each_ranking_mode_runs(searcher, mode):
    assert searcher.search("thuisloosheid", k=3, mode=mode).hits


def test_similar_excludes_the_record_itself(searcher):
    result = searcher.similar(4, Filters(), k=3)
    assert result.hits and all(h.record.title != "Nachtopvang De Biekorf" for h in result.hits)


@pytest.mark.parametrize("line, problem", [
    ({"query": "x", "k": "abc"}, "k must be a whole number"),
    ({"query": "x", "k": None}, "k must be a whole number"),
    ({"query": "x", "k": 0}, "k must be a whole number"),
    ({"query": "x", "k": True}, "k must be a whole number"),
    (["a"], "must be a JSON object"),
    ({"query": "x", "filters": "Gent"}, "filters must be an object"),
    ({"query": 5}, "query must be a string"),
    ({"query": "x", "filters": {"town": ["Gent"]}}, "unknown filter"),
])
def test_a_search_request_is_refused_with_the_reason(line, problem) -> None:
    from kb.errors import InvalidQuery
    from kb.search import SearchRequest

    with pytest.raises(InvalidQuery, match=problem):
        SearchRequest.from_mapping(line)


def test_a_valid_search_request() -> None:
    from kb.search import SearchRequest

    request = SearchRequest.from_mapping({"qid": 7, "query": "armoede", "filters": {"municipality": "Gent"}, "k": 3})
    assert (request.qid, request.query, request.filters.municipality, request.k) == ("7", "armoede", ["Gent"], 3)


WORDS = ["armoede", "sociale", "kruidenier", "dak-", "en", "thuisloosheid", "regionaal", "Kortrijk", "gemeente",
         "werkgever", "de", "nachtopvang", "xqzvbn", "OCMW", "sociaal huis"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join),
       kinds=st.lists(st.sampled_from(["practice", "session", "theme-table"]), max_size=2, unique=True))
def test_facet_count_equals_what_selecting_the_value_gives(searcher, query, kinds):
    result = searcher.search(query, Filters(kind=kinds), k=3)
    for name, values in result.facets.items():
        for value, count in values:
            chosen = {"kind": kinds} | {name: [value]}
            assert searcher.search(query, Filters(**chosen), k=3).total == count, (query, name, value)


def test_regional_practice_counts_for_every_municipality_and_province_of_its_area(searcher):
    facets = dict(searcher.search("", Filters(), k=0).facets["municipality"])
    assert facets["Menen"] == 1 and facets["Kortrijk"] == 1
    west = searcher.search("", Filters(province=["West-Vlaanderen"]), k=10)
    assert titles(west) == ["Kracht.wonen"]


DATED = [
    Record(source="d.txt", start=0, end=10, kind="practice", title="Buurtrestaurant 2019",
           text="Buurtrestaurant tegen armoede.",
           event_date="2019-11-12", created_at="2024-01-01T10:00:00Z"),
    Record(source="d.txt", start=10, end=20, kind="practice", title="Sociale kruidenier 2023",
           text="Sociale kruidenier tegen armoede.", event_date="2023-06-02", created_at="2023-01-01T10:00:00Z"),
    Record(source="d.txt", start=20, end=30, kind="practice", title="Zonder datum", text="Armoede in de buurt.",
           created_at="2025-01-01T10:00:00Z"),
    Record(source="d.txt", start=30, end=40, kind="session", title="Over iets anders 2021",
           text="Fietsen en mobiliteit.",
           event_date="2021-03-01", created_at="2022-01-01T10:00:00Z"),
]


@pytest.fixture
def dated(fake_embedder):
    index = VectorIndex(fake_embedder.dim, fake_embedder.family, fake_embedder.backend)
    rows = list(enumerate(DATED, start=1))
    index.add(np.array([r for r, _ in rows]), fake_embedder.passages([r.embedding_text() for _, r in rows]))
    return Searcher(rows, index, fake_embedder.query)


def test_order_by_date_puts_newest_event_first_and_undated_last(dated):
    result = dated.search("armoede", k=10, order="date")
    assert [h.record.title for h in result.matches] == ["Sociale kruidenier 2023", "Buurtrestaurant 2019",
                                                        "Zonder datum"]
    assert result.total == 3 and all(h.why for h in result.matches)
    browse = dated.search("", k=10, order="date")
    assert [h.record.title for h in browse.hits] == ["Sociale kruidenier 2023", "Over iets anders 2021",
                                                     "Buurtrestaurant 2019", "Zonder datum"]


def test_order_added_puts_the_newest_addition_first(dated):
    assert [h.record.title for h in dated.search("", k=2, order="added").hits] == ["Zonder datum",
                                                                                  "Buurtrestaurant 2019"]


def test_order_keeps_the_same_matches_and_total(dated):
    by_relevance = dated.search("armoede", k=10)
    by_date = dated.search("armoede", k=10, order="date")
    assert {h.record.id for h in by_relevance.matches} == {h.record.id for h in by_date.matches}
    assert by_relevance.total == by_date.total and set(by_relevance.matched) == set(by_date.matched)


def test_year_filter_and_facet(dated):
    result = dated.search("", Filters(year=["2019", "2023"]), k=10)
    assert {h.record.title for h in result.hits} == {"Buurtrestaurant 2019", "Sociale kruidenier 2023"}
    assert dict(dated.search("", k=0).facets["year"]) == {"2019": 1, "2021": 1, "2023": 1}


def test_unknown_order_is_a_clear_error(dated):
    with pytest.raises(InvalidQuery, match="unknown order"):
        dated.search("armoede", order="alfabet")


def test_matched_holds_every_match_not_only_the_top_k(dated):
    result = dated.search("armoede", k=1)
    assert len(result.hits) == 1 and len(result.matched) == result.total == 3
    assert {r.title for r in dated.records_of(result.matched)} == {"Buurtrestaurant 2019", "Sociale kruidenier 2023",
                                                                   "Zonder datum"}
