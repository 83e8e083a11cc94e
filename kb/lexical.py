"""Dutch lexical ranking: BM25 (bm25s) over stemmed, accent-folded text.

Dutch writes coordinated compounds with a hyphen ("dak- en thuisloosheid" =
dakloosheid + thuisloosheid); both are expanded so either word finds the text.
Title and field words are repeated so a match there weighs more than body text.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# "dak- en thuisloosheid", "studie- en opvoedingsondersteuning", "budget –en schuldhulp"
COORDINATION = re.compile(r"\b([^\W\d_]{2,})\s?[-–]\s*(en|of|tot)\s+([^\W\d_]{4,})", re.UNICODE)
MIN_HEAD = 3
MIN_TAIL = 4

ENGLISH_STOP = {"the", "of", "and", "a", "an", "in", "for", "to", "with", "on", "by", "at", "or", "is", "are"}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_DUTCH

    return frozenset(fold(w) for w in STOPWORDS_DUTCH) | ENGLISH_STOP


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("dutch")


COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case and strip accents, so "coördinator" matches "coordinator"."""
    return COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def coordination_candidates(text: str) -> list[tuple[str, list[str]]]:
    """For each "X- en Y" the head X with every compound X+tail(Y) it may stand for."""
    out = []
    for match in COORDINATION.finditer(fold(text)):
        head, second = match.group(1), match.group(3)
        tails = [second[i:] for i in range(MIN_HEAD, len(second) - MIN_TAIL + 1)]
        out.append((head, [head + tail for tail in tails]))
    return out


class Analyzer:
    """Text → stems. `vocabulary` (stems seen in the corpus) picks the right compound expansion."""

    def __init__(self, vocabulary: set[str] | None = None) -> None:
        self.vocabulary = vocabulary or set()

    def stems(self, text: str) -> list[str]:
        stop = _stopwords()
        tokens = [w for w in words(text) if w not in stop and (len(w) > 1 or w.isdigit())]
        stems = _stemmer().stemWords(tokens)
        return stems + self.expansions(text)

    def expansions(self, text: str) -> list[str]:
        extra = []
        for _head, candidates in coordination_candidates(text):
            stems = _stemmer().stemWords(candidates)
            known = [s for s in stems if s in self.vocabulary]
            extra.extend(known[:1])
        return extra


def _analyse(text: str) -> tuple[list[str], list[list[str]]]:
    """A document's stems and, for each coordination in it, the stems of the compounds it may mean."""
    stems = Analyzer().stems(text)
    coordinations = [_stemmer().stemWords(candidates) for _head, candidates in coordination_candidates(text)]
    return stems, coordinations


def field_text(title: str, body: str, fields: Sequence[str]) -> str:
    """Title twice and the field values once more: cheap field boosts for BM25."""
    return "\n".join([title, title, " ".join(fields), body])


class LexicalIndex:
    """BM25 over documents given in a fixed order (position i ↔ ids[i])."""

    def __init__(self, ids: Sequence[int], texts: Sequence[str],
                 analysed: Sequence[tuple[list[str], list[list[str]]]] | None = None) -> None:
        import bm25s

        self.ids = np.asarray(ids, dtype=np.int64)
        self._position = {int(i): n for n, i in enumerate(self.ids)}
        self._texts = list(texts)
        # per document: its stems, and the stemmed compounds each "X- en Y" may stand for
        self._analysed = list(analysed) if analysed is not None else [_analyse(t) for t in self._texts]
        self.analyzer = Analyzer({s for stems, _ in self._analysed for s in stems})
        vocabulary = self.analyzer.vocabulary
        corpus = [(stems + [next(c for c in options if c in vocabulary) for options in coordinations
                            if any(c in vocabulary for c in options)]) or ["_empty_"]
                  for stems, coordinations in self._analysed]
        self._doc_stems = [frozenset(stems) for stems in corpus]
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        self._bm25.index(corpus, show_progress=False) if corpus else None
        self._empty = not corpus

    def updated(self, changed: dict[int, str], removed: set[int]) -> LexicalIndex:
        """A new index with some documents replaced, added or dropped; only the changed texts are analysed.

        Replaced documents keep their position. BM25 weights depend on the whole collection,
        so the score matrix is rebuilt, but the costly part (stemming every document) is reused;
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
        return LexicalIndex(ids, texts, analysed)

    def scores(self, query: str) -> tuple[np.ndarray, list[str]]:
        """BM25 score of every document (aligned with self.ids) and the query stems used."""
        stems = [s for s in self.analyzer.stems(query) if s in self.analyzer.vocabulary]
        if self._empty or not stems:
            return np.zeros(len(self.ids), dtype=np.float32), stems
        return np.asarray(self._bm25.get_scores(stems), dtype=np.float32), stems

    def position(self, rowid: int) -> int | None:
        return self._position.get(int(rowid))

    def matched(self, rowid: int, stems: Sequence[str]) -> list[str]:
        """Which query stems occur in the document: the "why" of a lexical match."""
        position = self._position.get(int(rowid))
        if position is None:
            return []
        return [s for s in dict.fromkeys(stems) if s in self._doc_stems[position]]
