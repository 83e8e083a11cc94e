"""Dutch lexical analysis: accent folding, stemming, hyphenated coordination."""
from __future__ import annotations

from kb.lexical import Analyzer, LexicalIndex, coordination_candidates, fold


def test_fold_strips_accents_and_case():
    assert fold("Coördinatie CAFÉ") == "coordinatie cafe"


def test_coordination_candidates_cover_both_compounds():
    (head, candidates), = coordination_candidates("aanpak van dak- en thuisloosheid")
    assert head == "dak" and "dakloosheid" in candidates


def test_coordination_expansion_uses_vocabulary():
    analyzer = Analyzer(vocabulary=set(Analyzer().stems("dakloosheid")))
    assert set(Analyzer().stems("dakloosheid")) <= set(analyzer.stems("dak- en thuisloosheid"))


def test_bm25_finds_expanded_compound():
    index = LexicalIndex([1, 2], ["Nachtopvang bij dakloosheid in de stad", "Sociale kruidenier in Mechelen"])
    scores, stems = index.scores("dak- en thuisloosheid")
    assert scores[0] > 0 and scores[1] == 0


def test_query_of_only_stopwords_scores_nothing():
    index = LexicalIndex([1], ["Sociale kruidenier"])
    scores, stems = index.scores("de het een")
    assert stems == [] and scores.tolist() == [0.0]
