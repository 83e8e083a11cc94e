"""Derived tables kept next to the model (kb.derived): built once, read back by later processes, never in the way."""
from pathlib import Path

import numpy as np
import pytest

from kb import derived


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KB_MODELS_DIR", str(tmp_path))
    return tmp_path


def test_a_table_is_built_once_and_read_back(models: Path) -> None:
    calls = []

    def build() -> dict[str, float]:
        calls.append(1)
        return {"huis": 5.73, "coördinator": 3.1}
    assert derived.cached("zipf-test", "wordfreq 3.1", build) == {"huis": 5.73, "coördinator": 3.1}
    assert derived.cached("zipf-test", "wordfreq 3.1", build) == {"huis": 5.73, "coördinator": 3.1}
    assert len(calls) == 1 and len(list((models / "derived").glob("zipf-test-*.json"))) == 1


def test_a_new_key_derives_again_and_drops_the_stale_table(models: Path) -> None:
    derived.cached("t", "version 1", lambda: [1])
    assert derived.cached("t", "version 2", lambda: [2]) == [2]
    assert [p.read_text(encoding="utf-8") for p in (models / "derived").glob("t-*.json")] == ["[2]"]


def test_an_unreadable_table_is_derived_again(models: Path) -> None:
    derived.cached("t", "k", lambda: [1])
    (path,) = (models / "derived").glob("t-*.json")
    path.write_text('{"half', encoding="utf-8")
    assert derived.cached("t", "k", lambda: [2]) == [2]
    assert derived.cached("t", "k", lambda: [3]) == [2]


def test_a_folder_that_cannot_be_written_still_gives_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("KB_MODELS_DIR", str(blocked))
    assert derived.cached("t", "k", lambda: {"a": 1}) == {"a": 1}


def test_label_vectors_come_back_the_same_from_the_derived_table(models: Path, fake_embedder) -> None:
    from kb import taxonomy

    first = taxonomy.label_vectors(fake_embedder)
    taxonomy._VECTOR_CACHE.clear()  # as in a new process
    again = taxonomy.label_vectors(fake_embedder)
    assert again is not first and first.keys() == again.keys()
    assert all(np.array_equal(first[k], again[k]) and again[k].dtype == np.float32 for k in first)
    assert len(list((models / "derived").glob("label-vectors-fake-hash-64-fake-*.json"))) == 1
