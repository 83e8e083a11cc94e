"""The balanced table algorithm on synthetic vectors (pure numpy, no knowledge base)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb import tables


def clusters(sizes: list[int], dim: int = 16, noise: float = 0.05, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Points around well-separated directions; returns (vectors, true cluster per point)."""
    rng = np.random.default_rng(seed)
    centres = np.eye(dim)[: len(sizes)]
    labels = np.repeat(np.arange(len(sizes)), sizes)
    x = centres[labels] + noise * rng.standard_normal((len(labels), dim))
    return x / np.linalg.norm(x, axis=1, keepdims=True), labels


def test_balanced_sizes() -> None:
    assert tables.balanced_sizes(10, 4) == [3, 3, 2, 2]
    assert tables.balanced_sizes(3, 4) == [1, 1, 1, 0]
    with pytest.raises(ValueError):
        tables.balanced_sizes(3, 0)


def test_clean_clusters_are_found() -> None:
    x, truth = clusters([4, 4, 4])
    result = tables.propose(x, 3, seed=0)
    for t in range(3):
        assert len(set(truth[result.assignment == t].tolist())) == 1


def test_unequal_clusters_still_give_balanced_tables() -> None:
    """Seven practices about one subject and two about another: tables stay 3-3-3, neighbours stay together."""
    x, truth = clusters([7, 2])
    result = tables.propose(x, 3, seed=0)
    assert sorted(np.bincount(result.assignment, minlength=3).tolist()) == [3, 3, 3]
    small = set(result.assignment[truth == 1].tolist())
    assert len(small) == 1


def test_same_seed_same_tables_and_other_seeds_still_valid() -> None:
    x, _ = clusters([5, 3, 4], noise=0.4, seed=5)
    first = tables.propose(x, 4, seed=11).assignment
    assert np.array_equal(first, tables.propose(x, 4, seed=11).assignment)
    for seed in range(5):
        sizes = np.bincount(tables.propose(x, 4, seed=seed).assignment, minlength=4)
        assert sizes.max() - sizes.min() <= 1


def test_spread_penalty_separates_one_town() -> None:
    """Three identical practices of Aalst: content alone seats them together, the penalty seats them apart."""
    x, truth = clusters([3, 3, 3], noise=0.01)
    places = [{"gemeente:Aalst": 1.0} if label == 0 else {f"gemeente:G{i}": 1.0} for i, label in enumerate(truth)]
    naive = tables.propose(x, 3, places, seed=0, spread=0.0).assignment
    assert len(set(naive[truth == 0].tolist())) == 1
    spread = tables.propose(x, 3, places, seed=0).assignment
    assert max(np.bincount(spread[truth == 0])) <= 2  # perfectly separated subjects: one pair is the price
    stronger = tables.propose(x, 3, places, seed=0, spread=4.0).assignment
    assert sorted(stronger[truth == 0].tolist()) == [0, 1, 2]
    assert sorted(np.bincount(stronger).tolist()) == [3, 3, 3]


def test_fewer_items_than_tables_and_empty() -> None:
    x, _ = clusters([1, 1])
    assert sorted(tables.propose(x, 4).assignment.tolist()) == [0, 1]
    assert tables.propose(np.zeros((0, 8)), 3).assignment.tolist() == []


def test_explicit_sizes_are_respected() -> None:
    x, _ = clusters([4, 4])
    result = tables.propose(x, 2, sizes=[5, 3])
    assert np.bincount(result.assignment).tolist() == [5, 3]
    with pytest.raises(ValueError):
        tables.propose(x, 2, sizes=[4, 3])


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 30), k=st.integers(1, 8), seed=st.integers(0, 1000), towns=st.integers(1, 5))
def test_every_item_on_exactly_one_table_of_balanced_size(n: int, k: int, seed: int, towns: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 12))
    places = [{f"gemeente:{i % towns}": 1.0} for i in range(n)]
    result = tables.propose(x, k, places, seed=seed)
    assert result.assignment.shape == (n,)
    assert set(result.assignment.tolist()) <= set(range(k))
    sizes = np.bincount(result.assignment, minlength=k)
    assert sizes.max() - sizes.min() <= 1
