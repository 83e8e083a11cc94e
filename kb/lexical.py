"""Lexical ranking and matching: BM25 (bm25s) over the terms of kb.analysis, plus reviewed synonyms.

A query is read as *units*: each content word (its lemma, or one of its compound
parts) and each synonym phrase from kb/data/synonyms.txt it contains. A record
*matches* when it holds enough of the units (all of one or two, all but a third of
more); that decides the honest result count, while BM25 decides the order.

Dutch writes coordinated compounds with a hyphen ("dak- en thuisloosheid" =
dakloosheid + thuisloosheid); both are expanded so either word finds the text.
Title and field words are repeated so a match there weighs more than body text.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from kb.analysis import SYNONYM_WEIGHT, content_words, fold, lemma, terms, word_terms, words

__all__ = ["LexicalIndex", "QueryTerms", "Synonyms", "coordination_candidates", "field_text", "fold", "words"]

SYNONYMS_PATH = Path(__file__).parent / "data" / "synonyms.txt"
# "dak- en thuisloosheid", "studie- en opvoedingsondersteuning", "budget –en schuldhulp"
COORDINATION = re.compile(r"\b([^\W\d_]{2,})\s?[-–]\s*(en|of|tot)\s+([^\W\d_]{4,})", re.UNICODE)
MIN_HEAD = 3
MIN_TAIL = 4
MATCH_SHARE = 2 / 3  # a query of three or more units matches a record holding this share of them


def coordination_candidates(text: str) -> list[tuple[str, list[str]]]:
    """For each "X- en Y" the head X with every compound X+tail(Y) it may stand for."""
    return [(m.group(1), compounds(m.group(1), m.group(3))) for m in COORDINATION.finditer(fold(text))]


def compounds(head: str, second: str) -> list[str]:
    """Every compound head+tail(second) that "head- en second" may stand for."""
    return [head + second[i:] for i in range(MIN_HEAD, len(second) - MIN_TAIL + 1)]


def phrase_terms(text: str) -> tuple[str, ...]:
    """The lemmas of a phrase's content words: how a synonym and a query are compared."""
    return tuple(lemma(w) for w in content_words(text))


class Synonyms:
    """Reviewed synonym sets (kb/data/synonyms.txt): each set is a list of phrases, each phrase its lemmas."""

    def __init__(self, sets: list[list[tuple[str, ...]]]) -> None:
        self.sets = [[p for p in dict.fromkeys(s) if p] for s in sets]
        self._longest_first = sorted(((len(p), n, p) for n, s in enumerate(self.sets) for p in s), reverse=True)

    @classmethod
    def from_file(cls, path: Path) -> Synonyms:
        sets = []
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                sets.append([phrase_terms(term) for term in line.split("|")])
        return cls(sets)

    @classmethod
    def default(cls) -> Synonyms:
        return _default_synonyms()

    def found_in(self, lemmas: Sequence[str]) -> list[tuple[int, int, list[tuple[str, ...]]]]:
        """(start, end, the set's phrases) for each synonym phrase occurring in a lemma sequence, longest first."""
        out, taken = [], set()
        present = set(lemmas)
        for size, s_i, phrase in self._longest_first:
            if phrase[0] not in present:
                continue
            for start in range(len(lemmas) - size + 1):
                span = set(range(start, start + size))
                if tuple(lemmas[start:start + size]) == phrase and not span & taken:
                    taken |= span
                    out.append((start, start + size, self.sets[s_i]))
        return sorted(out, key=lambda item: item[0])


@lru_cache(maxsize=1)
def _default_synonyms() -> Synonyms:
    return Synonyms.from_file(SYNONYMS_PATH)


@dataclass
class Unit:
    """One thing a query asks for: a word (its lemma or a compound part) or a synonym phrase."""

    label: str                                   # the words as typed, for the "why" line
    options: list[tuple[str, ...]]               # any one of these term groups, all of its terms, satisfies it
    weights: dict[str, float] = field(default_factory=dict)  # term → weight for BM25


@dataclass
class QueryTerms:
    units: list[Unit]

    @classmethod
    def parse(cls, query: str, synonyms: Synonyms | None = None) -> QueryTerms:
        typed = content_words(query)
        lemmas = [lemma(w) for w in typed]
        synonyms = synonyms if synonyms is not None else Synonyms.default()
        units, covered = [], set()
        for start, end, phrases in synonyms.found_in(lemmas):
            own = tuple(lemmas[start:end])
            weights = {t: 1.0 for t in own}
            for phrase in phrases:
                for term in phrase:
                    weights.setdefault(term, SYNONYM_WEIGHT)
            units.append(Unit(" ".join(typed[start:end]), [own, *[p for p in phrases if p != own]], weights))
            covered |= set(range(start, end))
        for i, word in enumerate(typed):
            if i in covered:
                continue
            found = word_terms(word)
            weights = {t.term: t.weight for t in found}
            units.append(Unit(word, [(t.term,) for t in found if len(t.term) >= 4 or t.weight == 1.0], weights))
        return cls(_coordinated(units, query))

    def weights(self) -> dict[str, float]:
        """Every term with its highest weight over the units."""
        out: dict[str, float] = {}
        for unit in self.units:
            for term, weight in unit.weights.items():
                out[term] = max(out.get(term, 0.0), weight)
        return out

    def required(self) -> int:
        n = len(self.units)
        return n if n <= 2 else math.ceil(MATCH_SHARE * n)

    def matched_units(self, doc_terms: frozenset[str]) -> list[Unit]:
        return [u for u in self.units if any(all(t in doc_terms for t in option) for option in u.options)]

    def matched_words(self, doc_terms: frozenset[str]) -> list[str]:
        """Per matched unit the words a reader recognises: as typed, or the synonym or part the text holds."""
        out = []
        for unit in self.matched_units(doc_terms):
            held = next(o for o in unit.options if all(t in doc_terms for t in o))
            out.append(unit.label if held == unit.options[0] else " ".join(held))
        return out


def _coordinated(units: list[Unit], query: str) -> list[Unit]:
    """ "dak- en thuisloosheid" asks for one thing, met by either compound: the head "dak" is no unit
    of its own, and the second word's unit also accepts every compound the head may form."""
    for match in COORDINATION.finditer(fold(query)):
        head, tail = match.group(1), match.group(3)
        own = next((u for u in units if u.label == head), None)
        second = next((u for u in units if u.label.split()[-1] == tail), None)
        if own is None or second is None:
            continue
        units.remove(own)
        for compound in compounds(head, tail):
            term = lemma(compound)
            second.options.append((term,))
            second.weights.setdefault(term, 1.0)
        second.label = f"{head}- en {second.label}"
    return units


def _analyse(text: str) -> tuple[list[str], list[list[str]]]:
    """A document's terms (lemmas, compound parts once) and the lemmas each "X- en Y" may stand for."""
    found = terms(text)
    main = [t.term for t in found if t.weight == 1.0]
    parts = list(dict.fromkeys(t.term for t in found if t.weight < 1.0))
    coordinations = [[lemma(c) for c in candidates] for _head, candidates in coordination_candidates(text)]
    return main + parts, coordinations


def field_text(title: str, body: str, fields: Sequence[str]) -> str:
    """Title twice and the field values once more: cheap field boosts for BM25."""
    return "\n".join([title, title, " ".join(fields), body])


class LexicalIndex:
    """BM25 over documents given in a fixed order (position i ↔ ids[i])."""

    def __init__(self, ids: Sequence[int], texts: Sequence[str],
                 analysed: Sequence[tuple[list[str], list[list[str]]]] | None = None,
                 synonyms: Synonyms | None = None) -> None:
        import bm25s

        self.ids = np.asarray(ids, dtype=np.int64)
        self._position = {int(i): n for n, i in enumerate(self.ids)}
        self._texts = list(texts)
        self.synonyms = synonyms if synonyms is not None else Synonyms.default()
        # per document: its terms, and the lemmas of the compounds each "X- en Y" may stand for
        self._analysed = list(analysed) if analysed is not None else [_analyse(t) for t in self._texts]
        vocabulary = {t for found, _ in self._analysed for t in found}
        corpus = [(found + [next(c for c in options if c in vocabulary) for options in coordinations
                            if any(c in vocabulary for c in options)]) or ["_empty_"]
                  for found, coordinations in self._analysed]
        self.vocabulary = vocabulary
        self._doc_terms = [frozenset(found) for found in corpus]
        self._column = {term: n for n, term in enumerate(sorted({t for doc in self._doc_terms for t in doc}))}
        rows = [n for n, doc in enumerate(self._doc_terms) for _ in doc]
        cols = [self._column[t] for doc in self._doc_terms for t in doc]
        self._postings = sparse.csc_matrix((np.ones(len(rows), dtype=bool), (rows, cols)),
                                           shape=(len(corpus), len(self._column)))
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        self._bm25.index(corpus, show_progress=False) if corpus else None
        self._empty = not corpus

    def updated(self, changed: dict[int, str], removed: set[int]) -> LexicalIndex:
        """A new index with some documents replaced, added or dropped; only the changed texts are analysed.

        Replaced documents keep their position. BM25 weights depend on the whole collection,
        so the score matrix is rebuilt, but the costly part (analysing every document) is reused;
        when no text changed the index is reused as it is.
        """
        if not removed and all(rowid in self._position and self._texts[self._position[rowid]] == text
                               for rowid, text in changed.items()):
            return self
        ids, texts, analysed = [], [], []
        for n, rowid in enumerate(self.ids.tolist()):
            if rowid in removed:
                continue
            ids.append(rowid)
            if rowid in changed and changed[rowid] != self._texts[n]:
                texts.append(changed[rowid])
                analysed.append(_analyse(changed[rowid]))
            else:
                texts.append(self._texts[n])
                analysed.append(self._analysed[n])
        for rowid, text in changed.items():
            if rowid not in self._position:
                ids.append(rowid)
                texts.append(text)
                analysed.append(_analyse(text))
        return LexicalIndex(ids, texts, analysed, self.synonyms)

    def parse(self, query: str) -> QueryTerms:
        return QueryTerms.parse(query, self.synonyms)

    def scores(self, query: QueryTerms) -> np.ndarray:
        """Weighted BM25 score of every document (aligned with self.ids): typed words count fully,
        compound parts and synonyms at their lower weight."""
        total = np.zeros(len(self.ids), dtype=np.float32)
        if self._empty:
            return total
        by_weight: dict[float, list[str]] = {}
        for term, weight in query.weights().items():
            if term in self.vocabulary:
                by_weight.setdefault(weight, []).append(term)
        for weight, group in by_weight.items():
            total += weight * np.asarray(self._bm25.get_scores(group), dtype=np.float32)
        return total

    def matches(self, query: QueryTerms) -> np.ndarray:
        """Positions of the documents holding enough of the query's units (see the module docstring)."""
        if not query.units:
            return np.zeros(0, dtype=np.int64)
        held = np.zeros(len(self.ids), dtype=np.int32)
        for unit in query.units:
            found = np.zeros(len(self.ids), dtype=bool)  # a mask, not np.unique: sorting 100k ids is slower
            for option in unit.options:
                found[self._holding(option)] = True
            held += found
        return np.flatnonzero(held >= query.required()).astype(np.int64)

    def _holding(self, option: tuple[str, ...]) -> np.ndarray:
        """Positions of the documents holding every term of `option` (read straight off the postings)."""
        found: np.ndarray | None = None
        for term in option:
            column = self._column.get(term)
            if column is None:
                return np.zeros(0, dtype=np.int64)
            start, end = self._postings.indptr[column], self._postings.indptr[column + 1]
            docs = self._postings.indices[start:end]
            found = docs if found is None else np.intersect1d(found, docs, assume_unique=True)
        return np.zeros(0, dtype=np.int64) if found is None else found.astype(np.int64)

    def position(self, rowid: int) -> int | None:
        return self._position.get(int(rowid))

    def matched(self, rowid: int, query: QueryTerms) -> list[str]:
        """The query's words a document holds, as typed: the "why" of a lexical match."""
        position = self._position.get(int(rowid))
        if position is None:
            return []
        return query.matched_words(self._doc_terms[position])

