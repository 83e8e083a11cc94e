"""FAISS index over normalised vectors, ids tied to store row ids, saved as one unit with a manifest.

On disk: `manifest.json` names the FAISS file it belongs to (`vectors-<n>.faiss`).
A save writes a new FAISS file, then atomically replaces the manifest, then
removes the old file, so a crash leaves either the old or the new index, never
a mix.
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from kb.errors import IndexMismatch

EXACT_UP_TO = 50_000  # above this many vectors an HNSW graph replaces exact search
HNSW_EF_SEARCH = 256


@dataclass
class Manifest:
    backend: str
    family: str
    dim: int
    count: int
    index_type: str
    built_at: str
    file: str
    generation: int = -1  # the store generation (kb.store.Store.generation) the vectors reflect

    def describe(self) -> str:
        return f"{self.count} vectors, {self.family} via {self.backend}, {self.index_type}, built {self.built_at}"


def _faiss():  # heavy import kept out of module import time
    import faiss

    return faiss


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def writer_lock(folder: Path) -> Iterator[None]:
    """Only one process at a time brings the saved index up to date (an advisory lock on a file).

    Held while a writer re-reads the saved index, catches up with the store and saves, so no
    process can save an index that misses another's change.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class VectorIndex:
    """Inner-product search over L2-normalised vectors keyed by int64 ids."""

    def __init__(self, dim: int, family: str, backend: str, index_type: str = "flat") -> None:
        faiss = _faiss()
        self.dim, self.family, self.backend, self.index_type = dim, family, backend, index_type
        if index_type == "flat":
            inner = faiss.IndexFlatIP(dim)
        elif index_type == "hnsw":
            inner = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = 200  # recall@10 0.99 on 100k (bench/search.py)
            inner.hnsw.efSearch = HNSW_EF_SEARCH
        else:
            raise ValueError(f"unknown index type {index_type!r} (flat or hnsw)")
        self.index = faiss.IndexIDMap2(inner)
        self.generation = -1

    @classmethod
    def for_size(cls, n: int, dim: int, family: str, backend: str) -> VectorIndex:
        return cls(dim, family, backend, "flat" if n <= EXACT_UP_TO else "hnsw")

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids) == 0:
            return
        self.remove(ids)
        self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32),
                                np.asarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray | list[int]) -> None:
        if len(ids) == 0 or len(self) == 0:
            return
        faiss = _faiss()
        if self.index_type == "hnsw":  # HNSW graphs cannot drop nodes: rebuild without them
            keep = np.setdiff1d(self.ids(), np.asarray(ids, dtype=np.int64))
            vectors = np.stack([self.vector(i) for i in keep]) if len(keep) else np.zeros((0, self.dim), np.float32)
            self.index = VectorIndex(self.dim, self.family, self.backend, "hnsw").index
            if len(keep):
                self.index.add_with_ids(vectors, keep)
            return
        self.index.remove_ids(faiss.IDSelectorBatch(np.asarray(ids, dtype=np.int64)))

    def ids(self) -> np.ndarray:
        faiss = _faiss()
        return faiss.vector_to_array(self.index.id_map).astype(np.int64)

    def vector(self, rowid: int) -> np.ndarray:
        return self.index.reconstruct(int(rowid))

    def vectors(self, rowids: np.ndarray) -> np.ndarray:
        """The stored vectors of many ids at once, one row each."""
        if len(rowids) == 0:
            return np.zeros((0, self.dim), np.float32)
        return self.index.reconstruct_batch(np.asarray(rowids, dtype=np.int64))

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids); `allowed` restricts the candidates inside FAISS, not after."""
        faiss = _faiss()
        if len(self) == 0 or k <= 0:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        params = None
        if allowed is not None:
            if len(allowed) == 0:
                return np.zeros(0, np.float32), np.zeros(0, np.int64)
            selector = faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
            params = (faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
                      if self.index_type == "hnsw" else faiss.SearchParameters(sel=selector))
            k = min(k, len(allowed))
        k = min(k, len(self))
        scores, ids = self.index.search(q, k, params=params)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]

    def above(self, query: np.ndarray, threshold: float, allowed: np.ndarray | None = None) -> np.ndarray:
        """Ids of every vector whose inner product with `query` is at least `threshold` (a FAISS range search).

        Flat indexes only: an HNSW graph cannot range-search (kb.search tests its candidate pool instead).
        """
        if self.index_type != "flat":
            raise ValueError("a range search needs a flat index")
        if len(self) == 0 or (allowed is not None and len(allowed) == 0):
            return np.zeros(0, np.int64)
        faiss = _faiss()
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        params = None if allowed is None else faiss.SearchParameters(
            sel=faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64)))
        _lims, _scores, ids = self.index.range_search(q, float(threshold), params=params)
        return ids.astype(np.int64)

    # ------------------------------------------------------------------ persistence
    def save(self, folder: Path, generation: int | None = None) -> Manifest:
        faiss = _faiss()
        folder.mkdir(parents=True, exist_ok=True)
        try:
            old = read_manifest(folder)
        except IndexMismatch:  # an unreadable manifest is replaced below; its file cannot be named
            old = None
        name = f"vectors-{time.time_ns()}.faiss"
        data = faiss.serialize_index(self.index).tobytes()
        atomic_write_bytes(folder / name, data)
        manifest = Manifest(backend=self.backend, family=self.family, dim=self.dim, count=len(self),
                            index_type=self.index_type,
                            built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), file=name,
                            generation=self.generation if generation is None else generation)
        self.generation = manifest.generation
        atomic_write_bytes(folder / "manifest.json",
                           json.dumps(asdict(manifest), indent=1).encode("utf-8"))
        if old and old.file != name:
            (folder / old.file).unlink(missing_ok=True)
        return manifest

    @classmethod
    def load(cls, folder: Path, family: str) -> VectorIndex:
        """Load the saved index; refuse one built in another vector space."""
        faiss = _faiss()
        manifest = read_manifest(folder)
        if manifest is None:
            raise IndexMismatch(f"no index in {folder}; run `kb reindex`", code="index.missing")
        if manifest.family != family:
            raise IndexMismatch(f"the index in {folder} was built with {manifest.family}, "
                                f"but the configured model is {family}; run `kb reindex`",
                                code="index.other_model")
        path = folder / manifest.file
        if not path.exists():
            raise IndexMismatch(f"the index file {path} named by the manifest is missing; run `kb reindex`",
                                code="index.file_missing")
        raw = np.frombuffer(path.read_bytes(), dtype=np.uint8)
        self = cls.__new__(cls)
        self.dim, self.family, self.backend = manifest.dim, manifest.family, manifest.backend
        self.index_type = manifest.index_type
        self.generation = manifest.generation
        try:
            self.index = faiss.deserialize_index(raw)
        except RuntimeError as exc:  # truncated or garbled: FAISS says so in C++ terms
            raise IndexMismatch(f"the index file {path} is unreadable (truncated or damaged); run `kb reindex`",
                                code="index.unreadable") \
                from exc
        if int(self.index.ntotal) != manifest.count:
            raise IndexMismatch(f"the index in {folder} holds {self.index.ntotal} vectors but its manifest "
                                f"says {manifest.count}; run `kb reindex`",
                                code="index.count_mismatch")
        return self


def read_manifest(folder: Path) -> Manifest | None:
    path = folder / "manifest.json"
    if not path.exists():
        return None
    try:
        return Manifest(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as exc:
        raise IndexMismatch(f"the index manifest {path} is unreadable ({exc}); run `kb reindex`",
                            code="index.manifest_unreadable") from exc
