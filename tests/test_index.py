"""FAISS index: ids are store row ids, filtered search inside FAISS, atomic save with a manifest."""
from __future__ import annotations

import json

import numpy as np
import pytest

from kb.embed import normalise
from kb.errors import IndexMismatch
from kb.index import VectorIndex, read_manifest


def vectors(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    return normalise(np.random.default_rng(seed).normal(size=(n, dim)))


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_search_returns_row_ids_and_respects_allowed(kind):
    index = VectorIndex(16, "fam", "test", kind)
    vecs = vectors(50)
    ids = np.arange(100, 150)
    index.add(ids, vecs)
    scores, found = index.search(vecs[7], 5)
    assert found[0] == 107 and scores[0] == pytest.approx(1.0, abs=1e-4)
    allowed = np.array([120, 121, 122])
    _, found = index.search(vecs[7], 10, allowed)
    assert set(found) == set(allowed)


def test_add_replaces_and_remove_drops():
    index = VectorIndex(16, "fam", "test")
    vecs = vectors(3)
    index.add(np.array([1, 2, 3]), vecs)
    index.add(np.array([2]), vecs[:1])
    assert len(index) == 3
    index.remove([1])
    assert sorted(index.ids().tolist()) == [2, 3]


def test_save_load_round_trip_and_manifest(tmp_path):
    index = VectorIndex(16, "fam", "test")
    index.add(np.array([5, 6]), vectors(2))
    manifest = index.save(tmp_path)
    assert manifest.count == 2 and manifest.family == "fam"
    again = VectorIndex.load(tmp_path, "fam")
    assert sorted(again.ids().tolist()) == [5, 6]
    index.save(tmp_path)
    assert len(list(tmp_path.glob("*.faiss"))) == 1, "the old index file is removed after a save"


def test_load_refuses_other_model_family(tmp_path):
    index = VectorIndex(16, "fam", "test")
    index.add(np.array([1]), vectors(1))
    index.save(tmp_path)
    with pytest.raises(IndexMismatch, match="reindex"):
        VectorIndex.load(tmp_path, "other-model")


def test_corrupt_manifest_is_a_clear_mismatch(tmp_path):
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexMismatch, match="unreadable"):
        read_manifest(tmp_path)


def test_manifest_count_must_match(tmp_path):
    index = VectorIndex(16, "fam", "test")
    index.add(np.array([1]), vectors(1))
    index.save(tmp_path)
    data = json.loads((tmp_path / "manifest.json").read_text())
    data["count"] = 9
    (tmp_path / "manifest.json").write_text(json.dumps(data))
    with pytest.raises(IndexMismatch, match="manifest"):
        VectorIndex.load(tmp_path, "fam")
