"""End to end on the whole bundled corpus with the real model (ingested once per session)."""
from __future__ import annotations

import pytest

from kb import Filters

pytestmark = [pytest.mark.model, pytest.mark.slow]  # the corpus ingested with the real model: ~20 s


def titles(result) -> list[str]:
    return [h.record.title for h in result.hits]


def test_corpus_yields_records_of_every_kind(real_kb):
    kinds = {r.kind for r in real_kb.records()}
    assert kinds == {"practice", "session", "theme-table"}


def test_regional_homelessness_query_finds_the_regional_practices(real_kb):
    top = " | ".join(titles(real_kb.search("dak- en thuisloosheid regionaal", k=3)))
    assert "Kracht.wonen" in top and "dak- en thuisloosheid" in top.lower()


def test_english_query_finds_a_dutch_practice(real_kb):
    top = real_kb.search("domestic violence one-stop centre", k=3).hits
    assert any("Family Justice Center" in h.record.title for h in top)


def test_municipality_filter_includes_regional_practices_covering_it(real_kb):
    result = real_kb.search("", Filters(municipality=["Kortrijk"]), k=50)
    assert any(h.record.region == "W13" for h in result.hits)


def test_filtered_query_still_fills_k(real_kb):
    result = real_kb.search("samenwerking", Filters(kind=["practice"]), k=10)
    assert len(result.hits) == 10 and all(h.record.kind == "practice" for h in result.hits)


def test_place_in_query_prefers_that_place(real_kb):
    top = real_kb.search("armoede in Mechelen", k=3).hits
    assert "Mechelen" in top[0].record.municipalities


def test_similar_practices_of_a_record(real_kb):
    record = next(r for r in real_kb.records() if "Kracht.wonen" in r.title)
    similar = real_kb.similar(record.id, k=5).hits
    assert len(similar) == 5 and record.id not in {h.record.id for h in similar}


def test_typo_still_finds_the_practice(real_kb):
    top = real_kb.search("dakloosheit", k=3).hits
    assert any("dak" in (h.record.title + h.record.text).lower() for h in top)


@pytest.mark.parametrize("query", ["de", "xqzvbn wuggel"])
def test_stopword_and_nonsense_queries_match_nothing_but_show_related(real_kb, query):
    result = real_kb.search(query, k=5)
    assert result.total == 0 and result.facets["kind"] == []
    assert len(result.hits) == 5 and not any(h.match for h in result.hits)


def test_eenzaamheid_counts_the_records_about_it_not_the_whole_base(real_kb):
    result = real_kb.search("eenzaamheid", k=10)
    assert 0 < result.total < len(real_kb.records()) // 4


def test_elderly_query_does_not_rank_a_parents_project_first(real_kb):
    top = real_kb.search("eenzaamheid bij ouderen", k=3).hits
    assert all("ouders" not in h.record.title.lower() for h in top)


QUERIES = ["dak- en thuisloosheid regionaal", "armoede", "kinderopvang", "jongeren", "samenwerking tussen gemeenten",
           "woonzorgcentrum", "vrijwilligers", "Kortrijk", "", "sociale kruidenier"]


@pytest.mark.parametrize("query", QUERIES)
def test_every_facet_count_is_what_selecting_it_gives(real_kb, query):
    result = real_kb.search(query, k=1)
    for name, values in result.facets.items():
        for value, count in values:
            assert real_kb.search(query, {name: [value]}, k=1).total == count, (name, value)


def test_a_regional_practice_counts_for_the_province_of_its_area(real_kb):
    result = real_kb.search("dak- en thuisloosheid regionaal", {"province": ["West-Vlaanderen"]}, k=10)
    assert any("Kracht.wonen" in h.record.title for h in result.hits if h.match)
