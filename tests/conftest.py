"""Shared fixtures: a deterministic fake embedder for fast unit tests, and the real model + corpus once per session."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from hypothesis import settings

from ingest.run import ingest_paths

if TYPE_CHECKING:  # Playwright is imported only where browser tests run
    from playwright.sync_api import Browser

# `make test` (and so CI) replays the same examples every run, with no time limit per example, so a landing
# never fails by chance or because the machine is busy; `HYPOTHESIS_PROFILE=explore` explores new examples.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("explore", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_SITE = Path(__file__).resolve().parent / "runtime_site"
CORPUS = ROOT / "corpus"


class FakeEmbedder:
    """Bag of hashed word trigrams: deterministic, fast, and similar texts get similar vectors."""

    backend = "fake"
    family = "fake-hash-64"
    dim = 64

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            for i in range(max(1, len(word) - 2)):
                h = int(hashlib.md5(word[i:i + 3].encode()).hexdigest(), 16)
                v[h % self.dim] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v + 1.0 / np.sqrt(self.dim)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def query(self, text: str) -> np.ndarray:
        return self._vec(text)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest test files first (tests/durations.json, made by tools/test_durations.py): `make test`'s two
    workers take whole files in this order, so neither waits at the end for the other's last long file."""
    seconds = json.loads((Path(__file__).parent / "durations.json").read_text(encoding="utf-8"))
    items.sort(key=lambda item: -seconds.get(item.nodeid.split("::")[0], 0.0))


@pytest.fixture(scope="session", autouse=True)
def runtime_subprocesses() -> Iterator[None]:
    """Python started by a test (the CLI, make demo, the app) runs without torch, as the runtime install has
    none (tests/runtime_site). Set here, in the process that runs the tests, and not at import: pytest-xdist
    starts its workers after reading this file, and they keep torch for the sentence-transformers tests."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPATH", str(RUNTIME_SITE), prepend=os.pathsep)
        yield


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def fake_kb(tmp_path):
    from kb import KnowledgeBase, Settings

    kb = KnowledgeBase(Settings.from_env(home=tmp_path / "home"), embedder=FakeEmbedder())
    yield kb
    kb.close()


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def two_sources_home(tmp_path_factory, corpus_files) -> Path:
    """A home with the first two corpus files ingested (fake embedder), built once per session."""
    from kb import KnowledgeBase, Settings

    home = tmp_path_factory.mktemp("two-sources")
    kb = KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())
    ingest_paths(kb, corpus_files[:2])
    kb.close()
    return home


@pytest.fixture
def two_sources_kb(two_sources_home, tmp_path):
    """A private copy of `two_sources_home`: each test may change it freely, nothing is re-ingested."""
    from kb import KnowledgeBase, Settings

    home = tmp_path / "home"
    shutil.copytree(two_sources_home, home)
    kb = KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())
    yield kb
    kb.close()


@pytest.fixture(scope="session")
def real_kb(tmp_path_factory, corpus_files):
    """The whole bundled corpus ingested once with the real default embedder (shared, read-only)."""
    from kb import KnowledgeBase, Settings

    home = tmp_path_factory.mktemp("real-kb")
    kb = KnowledgeBase(Settings.from_env(home=home))
    report = ingest_paths(kb, corpus_files)
    assert not report.errors, report.errors
    yield kb
    kb.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One chromium for a module's browser tests: launching one costs about two seconds, and every test still
    gets a fresh context (tests/test_browser.py: `new_page`)."""
    from test_browser import chromium

    with chromium() as launched:
        yield launched
