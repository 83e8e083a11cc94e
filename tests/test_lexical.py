"""The Dutch analyser (lemmas, compounds, synonyms) and the BM25 index that matches with it."""
from __future__ import annotations

from kb.analysis import lemma, split_compound, terms, word_terms
from kb.lexical import LexicalIndex, QueryTerms, Synonyms, coordination_candidates, fold


def main_terms(text: str) -> set[str]:
    return {t.term for t in terms(text) if t.weight == 1.0}


def all_terms(text: str) -> set[str]:
    return {t.term for t in terms(text)}


def test_fold_strips_accents_and_case():
    assert fold("Coördinatie CAFÉ") == "coordinatie cafe"


def test_parents_and_the_elderly_stay_apart():
    assert lemma("ouders") != lemma("ouderen")
    assert not all_terms("ouders") & all_terms("ouderen")


def test_inflections_meet_their_lemma():
    assert lemma("woonzorgcentra") == lemma("woonzorgcentrum")
    assert lemma("wijkgezondheidscentra") == lemma("wijkgezondheidscentrum")
    assert lemma("sociale") == lemma("sociaal")
    assert lemma("fiets") == lemma("fietsen")  # simplemma swaps these two; the shorter wins


def test_compound_parts_are_extra_lower_weighted_terms():
    found = {t.term: t.weight for t in word_terms("fietstochten")}
    assert found["fietstocht"] == 1.0 and found["fiets"] < 1.0
    assert all_terms("fietstochten") & main_terms("fietsen")


def test_suffixes_and_stopwords_never_become_parts():
    assert split_compound("eenzaamheid") == ("eenzaamheid",)
    assert split_compound("samenwerking")[0] != "sam"
    assert len(split_compound("dienst")) == 1


def test_coordination_candidates_cover_both_compounds():
    (head, candidates), = coordination_candidates("aanpak van dak- en thuisloosheid")
    assert head == "dak" and "dakloosheid" in candidates


def test_bm25_finds_expanded_compound():
    index = LexicalIndex([1, 2], ["Nachtopvang bij dakloosheid in de stad", "Sociale kruidenier in Mechelen"])
    scores = index.scores(index.parse("dak- en thuisloosheid"))
    assert scores[0] > 0 and scores[1] == 0


def test_query_of_only_stopwords_has_no_units_and_matches_nothing():
    index = LexicalIndex([1], ["Sociale kruidenier"])
    parsed = index.parse("de het een")
    assert parsed.units == [] and index.scores(parsed).tolist() == [0.0] and len(index.matches(parsed)) == 0


def test_fietstochten_finds_a_text_about_fietsen():
    index = LexicalIndex([1, 2], ["Samen fietsen met ouderen door het dorp", "Een sociale kruidenier"])
    assert index.matches(index.parse("fietstochten")).tolist() == [0]


def test_plural_query_finds_singular_text():
    index = LexicalIndex([1, 2], ["Het woonzorgcentrum opent de deuren", "Een buurtrestaurant"])
    assert index.matches(index.parse("woonzorgcentra")).tolist() == [0]


def test_rusthuis_meets_woonzorgcentrum_through_the_synonym_file():
    index = LexicalIndex([1, 2], ["Vrijwilligers in het woonzorgcentrum", "Een buurtrestaurant"])
    parsed = index.parse("rusthuis")
    assert index.matches(parsed).tolist() == [0]
    assert index.matched(1, parsed) == ["woonzorgcentrum"]
    back = LexicalIndex([1], ["Bezoek aan het rusthuis"])
    assert back.matches(back.parse("woonzorgcentrum")).tolist() == [0]


def test_synonym_weighs_less_than_the_word_typed():
    index = LexicalIndex([1, 2], ["Het rusthuis in de wijk", "Het woonzorgcentrum in de wijk"])
    scores = index.scores(index.parse("rusthuis"))
    assert scores[0] > scores[1] > 0


def test_synonym_sets_are_read_from_a_file(tmp_path):
    path = tmp_path / "synonyms.txt"
    path.write_text("# comment\nsociaal huis | ocmw\n", encoding="utf-8")
    synonyms = Synonyms.from_file(path)
    parsed = QueryTerms.parse("sociaal huis Gent", synonyms)
    assert [u.label for u in parsed.units] == ["sociaal huis", "gent"]
    assert ("ocmw",) in parsed.units[0].options


def test_long_queries_match_on_most_words_short_ones_on_all():
    index = LexicalIndex([1, 2], ["Dakloosheid in Kortrijk", "Dakloosheid en armoede in de regio"])
    assert index.matches(index.parse("dakloosheid Kortrijk")).tolist() == [0]
    assert index.matches(index.parse("dakloosheid armoede regio Kortrijk")).tolist() == [1]
