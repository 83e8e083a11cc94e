"""Hybrid search: dense (FAISS) and lexical (BM25) rankers fused, with filters applied inside retrieval.

Filters first select the candidate row ids; both rankers then search only
those, so a filtered query still returns up to k results. Facet counts are
computed over every record that matches, not over the top k shown.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from kb.errors import InvalidQuery
from kb.index import VectorIndex
from kb.lexical import LexicalIndex, field_text, fold, words
from kb.record import KINDS, Record

FILTER_FIELDS = ("municipality", "province", "region", "theme", "target_group", "kind", "event", "status")
FACET_FIELDS = ("municipality", "province", "region", "theme", "target_group", "kind", "event")
MAX_QUERY_CHARS = 2000

# Fusion weights, tuned on the development queries (see bench/search.py).
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 0.12
DENSE_POOL = 200      # dense candidates taken from FAISS per query
LEXICAL_POOL = 200    # lexical candidates taken from BM25 per query
RELEVANT_MARGIN = 0.06  # a record counts as matching when its dense score is this close to the best


@dataclass
class Filters:
    """Each field holds allowed values; a record passes when it matches one value of every non-empty field."""

    municipality: list[str] = field(default_factory=list)
    province: list[str] = field(default_factory=list)
    region: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    target_group: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    event: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)

    @classmethod
    def from_mapping(cls, data: dict | None) -> Filters:
        data = dict(data or {})
        unknown = set(data) - set(FILTER_FIELDS) - {"target-group", "target_groups", "themes",
                                                    "municipalities", "provinces"}
        if unknown:
            raise InvalidQuery(f"unknown filter(s) {', '.join(sorted(unknown))}; allowed: {', '.join(FILTER_FIELDS)}")
        aliases = {"target-group": "target_group", "target_groups": "target_group", "themes": "theme",
                   "municipalities": "municipality", "provinces": "province"}
        values: dict[str, list[str]] = {}
        for key, value in data.items():
            name = aliases.get(key, key)
            items = [value] if isinstance(value, str) else list(value or [])
            values.setdefault(name, []).extend(str(v) for v in items if str(v).strip())
        filters = cls(**values)
        for kind in filters.kind:
            if kind not in KINDS:
                raise InvalidQuery(f"unknown kind {kind!r}; allowed: {', '.join(KINDS)}")
        return filters

    def active(self) -> dict[str, list[str]]:
        return {name: getattr(self, name) for name in FILTER_FIELDS if getattr(self, name)}


@dataclass
class Hit:
    record: Record
    score: float
    rank: int
    dense: float
    lexical: float
    matched_terms: list[str]
    why: list[str]

    def snippet(self, query: str, width: int = 260) -> list[tuple[str, bool]]:
        return snippet(self.record.text, query, width)


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    total: int
    facets: dict[str, list[tuple[str, int]]]


def record_values(record: Record, name: str, covering: Callable[[str], list[str]] | None = None) -> set[str]:
    """The values a record offers to a filter (regions also come from the municipalities they cover)."""
    if name == "municipality":
        return set(record.municipalities)
    if name == "province":
        return set(record.provinces)
    if name == "region":
        return {record.region} if record.region else set()
    if name == "theme":
        return set(record.themes)
    if name == "target_group":
        return set(record.target_groups)
    if name == "kind":
        return {record.kind}
    if name == "event":
        return {record.event} if record.event else set()
    if name == "status":
        return {record.status}
    raise InvalidQuery(f"unknown filter {name!r}")


class Searcher:
    """Holds the in-memory view of the store needed to search: records, vectors, BM25."""

    def __init__(self, rows: list[tuple[int, Record]], index: VectorIndex, embed_query: Callable[[str], np.ndarray],
                 region_members: Callable[[str], set[str]] | None = None) -> None:
        self.rows = {rowid: record for rowid, record in rows}
        self.order = [rowid for rowid, _ in rows]
        self.index = index
        self.embed_query = embed_query
        self.region_members = region_members or (lambda label: set())
        self.lexical = LexicalIndex(self.order, [self._lexical_text(r) for _, r in rows])

    @staticmethod
    def _lexical_text(record: Record) -> str:
        fields_ = record.municipalities + record.themes + record.target_groups + record.partners
        if record.region:
            fields_.append(record.region)
        return field_text(record.title, record.text, fields_)

    # ------------------------------------------------------------------ filtering
    def _passes(self, record: Record, filters: Filters) -> bool:
        for name, wanted in filters.active().items():
            wanted_folded = {fold(w) for w in wanted}
            values = {fold(v) for v in record_values(record, name)}
            if name == "municipality" and record.region:
                # a regional practice covers every municipality of its region
                values |= {fold(m) for m in self.region_members(record.region)}
            if not values & wanted_folded:
                return False
        return True

    def candidates(self, filters: Filters) -> list[int]:
        if not filters.active():
            return list(self.order)
        return [rowid for rowid in self.order if self._passes(self.rows[rowid], filters)]

    # ------------------------------------------------------------------ search
    def search(self, query: str, filters: Filters | None = None, k: int = 10) -> SearchResult:
        filters = filters or Filters()
        if k < 0:
            raise InvalidQuery(f"k must be positive, got {k}")
        query = (query or "").strip()[:MAX_QUERY_CHARS]
        allowed = self.candidates(filters)
        if not words(query):
            hits = [Hit(self.rows[r], 0.0, n + 1, 0.0, 0.0, [], ["past bij de filters"])
                    for n, r in enumerate(allowed[:k])]
            return SearchResult(query, hits, len(allowed), self.facets(allowed))
        scored = self._score(query, allowed)
        ranked = sorted(scored, key=lambda item: (-item[1], item[0]))
        matching = self._matching(scored)
        hits = [self._hit(rowid, score, dense, lex, terms, n + 1)
                for n, (rowid, score, dense, lex, terms) in enumerate(ranked[:k])]
        return SearchResult(query, hits, len(matching), self.facets(matching))

    def similar(self, rowid: int, filters: Filters, k: int) -> SearchResult:
        allowed = [r for r in self.candidates(filters) if r != rowid]
        vector = self.index.vector(rowid)
        scores, ids = self.index.search(vector, k, np.asarray(allowed))
        hits = [Hit(self.rows[int(i)], round(float(s), 6), n + 1, float(s), 0.0, [], [f"lijkt op: {s:.2f}"])
                for n, (s, i) in enumerate(zip(scores, ids))]
        return SearchResult("", hits, len(hits), self.facets(int(i) for i in ids))

    def _score(self, query: str, allowed: list[int]) -> list[tuple[int, float, float, float, list[str]]]:
        if not allowed:
            return []
        qvec = self.embed_query(query)
        everything = len(allowed) == len(self.order)
        dense_scores, dense_ids = self.index.search(qvec, DENSE_POOL, None if everything else np.asarray(allowed))
        dense = {int(i): float(s) for s, i in zip(dense_scores, dense_ids)}
        lex_all, stems = self.lexical.scores(query)
        allowed_pos = np.asarray([self.lexical.position(r) for r in allowed], dtype=np.int64)
        lex_allowed = lex_all[allowed_pos] if len(allowed_pos) else np.zeros(0)
        top = np.argsort(-lex_allowed)[:LEXICAL_POOL]
        lexical = {allowed[int(i)]: float(lex_allowed[int(i)]) for i in top if lex_allowed[int(i)] > 0}
        for rowid in set(lexical) - set(dense):  # dense score for lexical-only candidates
            dense[rowid] = float(np.dot(self.index.vector(rowid), qvec))
        top_lex = max(lexical.values(), default=0.0) or 1.0
        out = []
        for rowid, d in dense.items():
            lex = lexical.get(rowid, 0.0)
            fused = DENSE_WEIGHT * d + LEXICAL_WEIGHT * (lex / top_lex)
            out.append((rowid, fused, d, lex, stems if lex else []))
        return out

    @staticmethod
    def _matching(scored: list[tuple[int, float, float, float, list[str]]]) -> list[int]:
        if not scored:
            return []
        best = max(d for _, _, d, _, _ in scored)
        return [rowid for rowid, _, d, lex, _ in scored if lex > 0 or d >= best - RELEVANT_MARGIN]

    def _hit(self, rowid: int, score: float, dense: float, lex: float, stems: list[str], rank: int) -> Hit:
        terms = self.lexical.matched(rowid, stems)
        why = []
        if terms:
            why.append("woorden: " + ", ".join(terms))
        why.append(f"betekenis: {dense:.2f}")
        return Hit(self.rows[rowid], round(score, 6), rank, dense, lex, terms, why)

    def facets(self, rowids: Iterable[int]) -> dict[str, list[tuple[str, int]]]:
        counts: dict[str, Counter[str]] = {name: Counter() for name in FACET_FIELDS}
        for rowid in rowids:
            record = self.rows[rowid]
            for name in FACET_FIELDS:
                counts[name].update(record_values(record, name))
        return {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for name, c in counts.items()}


def snippet(text: str, query: str, width: int = 260) -> list[tuple[str, bool]]:
    """A window of `text` around the first query word, split into (piece, highlighted) parts."""
    terms = {fold(w) for w in words(query) if len(w) > 2}
    flat = re.sub(r"\s+", " ", text).strip()
    if not flat:
        return []
    tokens = list(re.finditer(r"[^\W_]+", flat))
    first = next((m.start() for m in tokens if _hits_term(m.group(), terms)), 0)
    start = max(0, first - width // 3)
    window = flat[start:start + width]
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("…", False))
    pos = 0
    for m in re.finditer(r"[^\W_]+", window):
        if _hits_term(m.group(), terms):
            if m.start() > pos:
                pieces.append((window[pos:m.start()], False))
            pieces.append((m.group(), True))
            pos = m.end()
    pieces.append((window[pos:], False))
    if start + width < len(flat):
        pieces.append(("…", False))
    return [p for p in pieces if p[0]]


def _hits_term(word: str, terms: set[str]) -> bool:
    w = fold(word)
    return any(w.startswith(t[:max(4, len(t) - 2)]) for t in terms)
