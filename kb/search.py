"""Hybrid search: dense (FAISS) and lexical (BM25) rankers fused, with filters applied inside retrieval.

Filters first select the candidate records (through per-field inverted lists);
both rankers then score only those, so a filtered query still returns up to k
results. Facet counts are computed over every matching record, not over the
top k shown, with one sparse matrix product per field.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from scipy import sparse

from kb.errors import InvalidQuery
from kb.fields import BY_FILTER, FACET_ORDER, FILTER_ORDER, filter_aliases
from kb.fields import values as field_values
from kb.index import VectorIndex
from kb.lexical import LexicalIndex, QueryTerms, field_text, fold, words
from kb.record import KINDS, Record

FILTER_FIELDS = FILTER_ORDER
FACET_FIELDS = FACET_ORDER
MODES = ("hybrid", "dense", "lexical")
ORDERS = ("relevance", "date", "added")  # best first; newest event first; most recently added first
MAX_QUERY_CHARS = 2000

# Fusion, tuned on the development queries (bench/search.py prints the comparison).
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 0.10    # times the BM25 score divided by the best BM25 score of the query
PLACE_BOOST = 0.02       # a place named in the query prefers records from that place ...
THEME_BOOST = 0.02       # ... and a theme word prefers records with that theme: boosts, never filters
DENSE_POOL = 200         # dense candidates taken from FAISS per query
LEXICAL_POOL = 200       # lexical candidates taken from BM25 per query
DENSE_MATCH = 0.86       # a record "matches" in meaning from this cosine on (tools/calibrate_match.py)
DUPLICATE_COSINE = 0.97  # hits this similar to a higher hit are grouped under it


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
    year: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)

    ALIASES = filter_aliases()

    @classmethod
    def from_mapping(cls, data: dict | None) -> Filters:
        values: dict[str, list[str]] = {}
        for key, value in dict(data or {}).items():
            name = cls.ALIASES.get(key, key)
            if name not in FILTER_FIELDS:
                raise InvalidQuery(f"unknown filter {key!r}; allowed: {', '.join(FILTER_FIELDS)}",
                                   code="query.unknown_filter", name=key)
            items = [value] if isinstance(value, str) else list(value or [])
            values.setdefault(name, []).extend(str(v) for v in items if str(v).strip())
        filters = cls(**values)
        for kind in filters.kind:
            if kind not in KINDS:
                raise InvalidQuery(f"unknown kind {kind!r}; allowed: {', '.join(KINDS)}",
                                   code="query.unknown_kind", value=kind)
        return filters

    def active(self) -> dict[str, list[str]]:
        return {name: getattr(self, name) for name in FILTER_FIELDS if getattr(self, name)}


@dataclass(frozen=True)
class SearchRequest:
    """One validated query: what the CLI's batch lines and the app turn into before searching."""

    query: str
    filters: Filters
    k: int
    qid: str | None = None

    @classmethod
    def from_mapping(cls, data: object, default_k: int = 10) -> SearchRequest:
        """A batch line ``{"qid", "query", "filters", "k"}``, refused with InvalidQuery before anything runs."""
        if not isinstance(data, dict):
            raise InvalidQuery(f"a request must be a JSON object, not {type(data).__name__}",
                               code="query.not_an_object")
        query, filters, k = data.get("query", ""), data.get("filters") or {}, data.get("k", default_k)
        qid = data.get("qid")
        if not isinstance(query, str):
            raise InvalidQuery(f"query must be a string, not {type(query).__name__}", code="query.not_text")
        if not isinstance(filters, dict):
            raise InvalidQuery(f"filters must be an object such as {{\"municipality\": [\"Gent\"]}}, got {filters!r}",
                               code="query.bad_filters")
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise InvalidQuery(f"k must be a whole number of at least 1, got {k!r}", code="query.bad_k", value=k)
        return cls(check_query(query), Filters.from_mapping(filters), k, None if qid is None else str(qid))


def check_query(query: str) -> str:
    """The query itself, or InvalidQuery when it is no valid text (bytes that were not UTF-8)."""
    try:
        query.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidQuery("the query is not valid UTF-8 text", code="query.not_utf8") from exc
    return query


@dataclass
class Hit:
    record: Record
    score: float
    rank: int
    dense: float
    lexical: float
    matched_terms: list[str]
    why: list[str]
    match: bool = True  # False: shown as related ("verwant"), not counted as a result
    duplicates: list[Record] = field(default_factory=list)  # the same practice elsewhere, grouped here

    def snippet(self, query: str, width: int = 260) -> list[tuple[str, bool]]:
        return snippet(self.record.text, query, width)


@dataclass
class SearchResult:
    """`total` counts the matches (facets count the same set); `hits` are the top k, related ones flagged."""

    query: str
    hits: list[Hit]
    total: int
    facets: dict[str, list[tuple[str, int]]]
    matched: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # row ids of all `total`

    @property
    def matches(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.match]

    @property
    def related(self) -> list[Hit]:
        return [hit for hit in self.hits if not hit.match]


class Places(Protocol):
    """What search needs to know about places (kb.gazetteer.Gazetteer provides it)."""

    def covering(self, municipality: str) -> list[str]: ...

    def area(self, region: str) -> tuple[list[str], list[str]]: ...

    def abroad(self, name: str) -> bool: ...


class NoPlaces:
    """No regions known: a record counts only for the places it names."""

    def covering(self, municipality: str) -> list[str]:
        return []

    def area(self, region: str) -> tuple[list[str], list[str]]:
        return [], []

    def abroad(self, name: str) -> bool:
        return False


def place_values(record: Record, name: str, places: Places) -> list[str]:
    """The values a record offers to a filter or facet, a regional practice counting for its whole area; a city
    abroad is kept out of the municipalities (the record shows it apart, under 'Buitenland').

    Filters and facets read the same values, so the count beside a value is what selecting it gives.
    """
    values = record_values(record, name)
    if name == "municipality":
        values = [v for v in values if not places.abroad(v)]
    if record.region and name in ("municipality", "province"):
        municipalities, provinces = places.area(record.region)
        values = values + (municipalities if name == "municipality" else provinces)
    return list(dict.fromkeys(values))


def record_values(record: Record, name: str) -> list[str]:
    """The values a record itself holds for a filter or facet."""
    field = BY_FILTER.get(name)
    if field is None:
        raise InvalidQuery(f"unknown filter {name!r}", code="query.unknown_filter", name=name)
    return field_values(record, field)


class FieldIndex:
    """For one field: value → record positions (for filters) and a positions × values matrix (for facets)."""

    def __init__(self, records: list[Record], name: str, places: Places | None = None) -> None:
        labels: dict[str, int] = {}
        display: list[str] = []
        rows, cols = [], []
        places = places or NoPlaces()
        for position, record in enumerate(records):
            for value in place_values(record, name, places):
                key = fold(value)
                if key not in labels:
                    labels[key] = len(display)
                    display.append(value)
                rows.append(position)
                cols.append(labels[key])
        self.labels, self.display = labels, display
        self.matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                                        shape=(len(records), len(display)))
        self.columns = self.matrix.tocsc()

    def positions(self, value: str) -> np.ndarray:
        column = self.labels.get(fold(value))
        if column is None:
            return np.zeros(0, dtype=np.int64)
        return self.columns[:, column].indices.astype(np.int64)

    def counts(self, mask: np.ndarray) -> list[tuple[str, int]]:
        totals = np.asarray(self.matrix.T @ mask.astype(np.int32)).ravel()
        pairs = [(self.display[i], int(c)) for i, c in enumerate(totals) if c > 0]
        return sorted(pairs, key=lambda kv: (-kv[1], kv[0]))


class Searcher:
    """The in-memory view of the store needed to search: records, field indexes, BM25; vectors stay in FAISS."""

    def __init__(self, rows: list[tuple[int, Record]], index: VectorIndex, embed_query: Callable[[str], np.ndarray],
                 places: Places | None = None,
                 query_places: Callable[[str], list[str]] | None = None,
                 query_themes: Callable[[str], list[str]] | None = None,
                 lexical: LexicalIndex | None = None, fields: dict[str, FieldIndex] | None = None) -> None:
        self.records = [record for _, record in rows]
        self.rowids = np.asarray([rowid for rowid, _ in rows], dtype=np.int64)
        self.position = {int(r): n for n, r in enumerate(self.rowids)}
        self._by_rowid = np.argsort(self.rowids, kind="stable")  # rowids → positions, vectorised
        self.index = index
        self.embed_query = embed_query
        self.places = places or NoPlaces()
        self.query_places = query_places or (lambda query: [])
        self.query_themes = query_themes or (lambda query: [])
        self.fields = fields if fields is not None else {name: FieldIndex(self.records, name, self.places)
                                                         for name in FILTER_FIELDS}
        self.lexical = lexical if lexical is not None else LexicalIndex(
            self.rowids, [self._lexical_text(r) for r in self.records])

    def updated(self, upserts: list[tuple[int, Record]], removed: Iterable[int]) -> Searcher:
        """A new view with some records changed, added or removed; only what changed is recomputed.

        Changed records keep their position, so a field index (or BM25) whose values did not
        change is shared with the old view. A new object rather than a change in place, so a
        search running in another thread keeps a consistent view.
        """
        changed = {int(rowid): record for rowid, record in upserts}
        gone = {int(rowid) for rowid in removed} - set(changed)
        old = {int(r): rec for r, rec in zip(self.rowids, self.records)}
        rows = [(int(r), changed.get(int(r), rec)) for r, rec in zip(self.rowids, self.records) if int(r) not in gone]
        rows += [(r, rec) for r, rec in changed.items() if r not in old]
        same_rows = not gone and all(r in old for r in changed)
        lexical = self.lexical.updated({r: self._lexical_text(rec) for r, rec in changed.items()}, gone)
        records = [record for _, record in rows]
        fields = {name: self.fields[name] if same_rows and all(
            place_values(old[r], name, self.places) == place_values(rec, name, self.places)
            for r, rec in changed.items())
            else FieldIndex(records, name, self.places) for name in FILTER_FIELDS}
        return Searcher(rows, self.index, self.embed_query, self.places, self.query_places, self.query_themes,
                        lexical, fields)

    @staticmethod
    def _lexical_text(record: Record) -> str:
        extra = record.municipalities + record.themes + record.target_groups + record.partners
        return field_text(record.title, record.text, extra + ([record.region] if record.region else []))

    # ------------------------------------------------------------------ filtering
    def _field_positions(self, name: str, values: list[str]) -> np.ndarray:
        mask = np.zeros(len(self.records), dtype=bool)  # a mask, not np.unique: sorting 100k ids is slower
        for value in values:
            mask[self.fields[name].positions(value)] = True
        return np.flatnonzero(mask).astype(np.int64)

    def candidates(self, filters: Filters) -> np.ndarray:
        """Positions of the records passing every active filter (all positions when none is active)."""
        allowed: np.ndarray | None = None
        for name, values in filters.active().items():
            found = self._field_positions(name, values)
            allowed = found if allowed is None else np.intersect1d(allowed, found, assume_unique=True)
        return np.arange(len(self.records)) if allowed is None else allowed

    def facets(self, positions: np.ndarray) -> dict[str, list[tuple[str, int]]]:
        mask = np.zeros(len(self.records), dtype=bool)
        mask[positions] = True
        return {name: self.fields[name].counts(mask) for name in FACET_FIELDS}

    # ------------------------------------------------------------------ search
    def search(self, query: str, filters: Filters | None = None, k: int = 10, mode: str = "hybrid",
               order: str = "relevance") -> SearchResult:
        """The top k records for a query within the filters.

        ``order`` "date" (newest event first) or "added" (most recently added first) sorts
        the matches themselves; the related records that follow a short list stay by relevance.
        """
        filters = filters or Filters()
        if k < 0:
            raise InvalidQuery(f"k must be positive, got {k}", code="query.bad_k", value=k)
        if mode not in MODES:
            raise InvalidQuery(f"unknown ranking mode {mode!r}; allowed: {', '.join(MODES)}",
                               code="query.unknown_mode", value=mode)
        if order not in ORDERS:
            raise InvalidQuery(f"unknown order {order!r}; allowed: {', '.join(ORDERS)}",
                               code="query.unknown_order", value=order)
        query = " ".join((query or "").split())[:MAX_QUERY_CHARS]
        allowed = self.candidates(filters)
        if not words(query):
            if order != "relevance":
                allowed = np.asarray(sorted(allowed.tolist(), key=self._order_key(order)), dtype=np.int64)
            hits = [Hit(self.records[p], 0.0, n + 1, 0.0, 0.0, [], ["past bij de filters"])
                    for n, p in enumerate(allowed[:k])]
            return SearchResult(query, hits, len(allowed), self.facets(allowed), self.rowids[allowed])
        parsed = self.lexical.parse(query)
        scored, matching = self._score(query, parsed, allowed, mode)
        ranked = sorted(scored, key=lambda item: (-item[1], item[0]))
        matched = set(matching.tolist())
        if order != "relevance":
            ranked = self._in_order(ranked, matching, order, query, mode)
        hits = [self._hit(p, score, dense, lex, parsed, n + 1, p in matched)
                for n, (p, score, dense, lex) in enumerate(ranked[:k])]
        self._group(hits, [p for p, *_ in ranked[:k]])
        return SearchResult(query, hits, len(matching), self.facets(matching), self.rowids[matching])

    def _order_key(self, order: str) -> Callable[[int], tuple]:
        """Sort key for positions: newest event date (or newest addition) first, undated last.

        Python's sort is stable, so positions that tie keep the order they came in.
        """
        if order == "date":
            return lambda p: (not self.records[p].event_date, _descending(self.records[p].event_date or ""))
        return lambda p: (not self.records[p].created_at, _descending(self.records[p].created_at or ""))

    def _in_order(self, ranked: list[tuple[int, float, float, float]], matching: np.ndarray, order: str,
                  query: str, mode: str) -> list[tuple[int, float, float, float]]:
        """Every match sorted by ``order``, then the unmatched candidates by relevance.

        Matches outside the scored pool (many records mention a common word) get their
        dense score here, so each card's "why" line stays right.
        """
        by_position = {item[0]: item for item in ranked}
        missing = [int(p) for p in matching if int(p) not in by_position]
        if missing:
            sims = (self.index.vectors(self.rowids[np.asarray(missing, dtype=np.int64)]) @ self.embed_query(query)
                    if mode != "lexical" else np.zeros(len(missing)))
            by_position.update({p: (p, float(s), float(s), 0.0) for p, s in zip(missing, sims.tolist())})
        key = self._order_key(order)
        matched = sorted((int(p) for p in matching), key=lambda p: (*key(p), -by_position[p][1]))
        in_match = set(matched)
        return [by_position[p] for p in matched] + [item for item in ranked if item[0] not in in_match]

    def _score(self, query: str, parsed: QueryTerms, allowed: np.ndarray, mode: str):  # noqa: ANN202
        """(position, fused, dense, lexical) for the candidate pool, and the matching positions.

        A record matches when it holds the query's words (kb.lexical) or its meaning is close
        (dense score ≥ DENSE_MATCH); both tests ignore the filters, so a facet's count is what
        selecting it gives.
        """
        if len(allowed) == 0:
            return [], allowed
        lex_all = self.lexical.scores(parsed)
        lex_allowed = lex_all[allowed]
        in_allowed = np.zeros(len(self.records), dtype=bool)
        in_allowed[allowed] = True
        lexical_hits = self.lexical.matches(parsed)
        lexical_hits = lexical_hits[in_allowed[lexical_hits]]
        pool = min(LEXICAL_POOL, len(allowed))
        top = np.argpartition(-lex_allowed, pool - 1)[:pool] if pool < len(allowed) else np.arange(len(allowed))
        lexical = {int(allowed[i]): float(lex_allowed[i]) for i in top if lex_allowed[i] > 0}
        dense: dict[int, float] = {}
        qvec = None
        if mode != "lexical":
            qvec = self.embed_query(query)
            subset = None if len(allowed) == len(self.records) else self.rowids[allowed]
            scores, ids = self.index.search(qvec, DENSE_POOL, subset)
            dense = {self.position[int(i)]: float(s) for s, i in zip(scores, ids)}
            only_lexical = np.fromiter(set(lexical) - set(dense), dtype=np.int64)  # their dense score, in one go
            if len(only_lexical):
                sims = self.index.vectors(self.rowids[only_lexical]) @ qvec
                dense.update(zip(only_lexical.tolist(), sims.astype(float).tolist()))
        top_lex = max(lexical.values(), default=0.0) or 1.0
        places = {fold(p) for p in self.query_places(query)}
        themes = {fold(t) for t in self.query_themes(query)}
        out = []
        for p in set(dense) | set(lexical):
            d, lex = dense.get(p, 0.0), lexical.get(p, 0.0)
            if mode == "dense":
                fused = d
            elif mode == "lexical":
                fused = lex
            else:
                fused = DENSE_WEIGHT * d + LEXICAL_WEIGHT * lex / top_lex + self._boost(p, places, themes)
            out.append((p, fused, d, lex))
        if mode == "lexical":
            return out, lexical_hits
        pool_full = len(scores) == DENSE_POOL and float(scores.min()) >= DENSE_MATCH
        if pool_full and self.index.index_type == "flat":  # more may lie above the threshold than the pool holds
            near = self._positions_of(self.index.above(qvec, DENSE_MATCH, subset))
        else:  # the pool holds every record above it (exactly on a flat index; HNSW approximates at scale)
            near = np.asarray([p for p, d in dense.items() if d >= DENSE_MATCH], dtype=np.int64)
        matching = np.zeros(len(self.records), dtype=bool)
        matching[lexical_hits] = True
        matching[near] = True
        return out, np.flatnonzero(matching)

    def records_of(self, rowids: np.ndarray) -> list[Record]:
        """The records with these row ids that this view holds (a search result's `matched`)."""
        return [self.records[p] for p in self._positions_of(np.asarray(rowids, dtype=np.int64))]

    def _positions_of(self, rowids: np.ndarray) -> np.ndarray:
        """Positions of the given row ids (ids not in this view are skipped)."""
        if len(rowids) == 0 or len(self.rowids) == 0:
            return np.zeros(0, dtype=np.int64)
        ordered = self.rowids[self._by_rowid]
        at = np.clip(np.searchsorted(ordered, rowids), 0, len(ordered) - 1)
        known = ordered[at] == rowids
        return self._by_rowid[at[known]].astype(np.int64)

    def _boost(self, position: int, places: set[str], themes: set[str]) -> float:
        if not places and not themes:
            return 0.0
        record = self.records[position]
        boost = 0.0
        if places:
            own = {fold(m) for m in record.municipalities} | ({fold(record.region)} if record.region else set())
            covered = {fold(label) for p in places for label in self.places.covering(p)}
            if own & (places | covered):
                boost += PLACE_BOOST
        if themes and themes & {fold(t) for t in record.themes}:
            boost += THEME_BOOST
        return boost

    def _hit(self, position: int, score: float, dense: float, lex: float, parsed: QueryTerms, rank: int,
             match: bool) -> Hit:
        terms = self.lexical.matched(int(self.rowids[position]), parsed)
        why = []
        if terms:
            why.append("vermeldt: " + ", ".join(terms))
        if dense >= DENSE_MATCH:
            why.append("inhoudelijk verwant")
        elif not terms:
            why.append("verwant, maar geen rechtstreekse treffer")
        return Hit(self.records[position], round(score, 6), rank, dense, lex, terms, why, match)

    def _group(self, hits: list[Hit], positions: list[int]) -> None:
        """Attach near-duplicates (the same practice at another event) to the higher-ranked hit."""
        if len(hits) < 2:
            return
        vectors = np.stack([self.index.vector(int(self.rowids[p])) for p in positions])
        sims = vectors @ vectors.T
        for j in range(1, len(hits)):
            for i in range(j):
                if sims[i, j] >= DUPLICATE_COSINE and hits[i].record.source != hits[j].record.source:
                    hits[i].duplicates.append(hits[j].record)
                    break

    def similar(self, rowid: int, filters: Filters, k: int) -> SearchResult:
        """Nearest records in meaning to one record, itself excluded."""
        allowed = self.candidates(filters)
        allowed_rowids = self.rowids[allowed]
        allowed_rowids = allowed_rowids[allowed_rowids != rowid]
        scores, ids = self.index.search(self.index.vector(rowid), k, allowed_rowids)
        hits = [Hit(self.records[self.position[int(i)]], round(float(s), 6), n + 1, float(s), 0.0, [],
                    [f"lijkt op: {s:.2f}"]) for n, (s, i) in enumerate(zip(scores, ids))]
        return SearchResult("", hits, len(hits), self.facets(np.asarray([self.position[int(i)] for i in ids],
                                                                         dtype=np.int64)))


def _descending(text: str) -> tuple[int, ...]:
    """A key that sorts ISO dates and timestamps newest first."""
    return tuple(-ord(c) for c in text)


def snippet(text: str, query: str, width: int = 260) -> list[tuple[str, bool]]:
    """A window of `text` around the first query word, split into (piece, highlighted) parts."""
    terms = {fold(w) for w in words(query) if len(w) > 2}
    flat = re.sub(r"\s+", " ", text).strip()
    if not flat:
        return []
    tokens = list(re.finditer(r"[^\W_]+", flat))
    first = next((m.start() for m in tokens if _hits_term(m.group(), terms)), 0)
    start, end = _window(flat, first, width)
    window = flat[start:end]
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("… ", False))
    pos = 0
    for m in re.finditer(r"[^\W_]+", window):
        if _hits_term(m.group(), terms):
            if m.start() > pos:
                pieces.append((window[pos:m.start()], False))
            pieces.append((m.group(), True))
            pos = m.end()
    pieces.append((window[pos:], False))
    if end < len(flat):
        pieces.append((" …", False))
    return [p for p in pieces if p[0]]


def _window(flat: str, first: int, width: int) -> tuple[int, int]:
    """Start and end of a snippet around ``first`` that begin and end on whole words.

    A sentence that starts shortly before the hit is shown from its start; otherwise
    the window opens at the next word, never inside one.
    """
    if first <= width // 3:
        start = 0
    else:
        start = first - width // 3
        sentence = max(flat.rfind(". ", 0, first), flat.rfind("? ", 0, first), flat.rfind("! ", 0, first))
        if sentence >= 0 and first - sentence <= width // 2:
            start = sentence + 2
        elif not flat[start - 1].isspace():
            space = flat.find(" ", start, first)
            start = space + 1 if space >= 0 else start
    end = min(len(flat), start + width)
    if end < len(flat) and not flat[end].isspace():
        space = flat.rfind(" ", start + width // 2, end)
        end = space if space >= 0 else end
    return start, end


def _hits_term(word: str, terms: Iterable[str]) -> bool:
    w = fold(word)
    return any(w.startswith(t[:max(4, len(t) - 2)]) for t in terms)
