"""Balanced grouping of practices into discussion tables (pure numpy).

A moderator wants N tables of (almost) equal size, each about one subject, and
no table filled from one town: people learn more from practices of other
places. So: spherical k-means on the record vectors finds the subjects, then a
capacity-constrained assignment puts every practice on exactly one table
(sizes differ by at most one), paying a penalty for each pair of practices on
a table that share a place. Distances are measured in units of the typical
(mean pairwise) distance of the practices, so the penalty means the same for
any embedding model, whose similarities may all sit in a narrow band. A greedy
pass (most decided practices first) is improved by pairwise swaps, which keep
the sizes fixed. Everything is deterministic for a fixed seed.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_SPREAD = 2.0   # penalty per pair of practices at one table sharing a place, in typical distances
KMEANS_ITERATIONS = 50
ROUNDS = 6             # centroid refits of the balanced assignment
RESTARTS = 4           # k-means++ initialisations tried; the lowest objective wins
MAX_SWAP_PASSES = 50


@dataclass
class Grouping:
    """Table index per item, the table centroids and the objective (lower is better)."""

    assignment: np.ndarray
    centroids: np.ndarray
    objective: float


def balanced_sizes(n: int, k: int) -> list[int]:
    """n items over k tables: the first n % k tables get one more."""
    if k <= 0:
        raise ValueError(f"need at least one table, got {k}")
    return [n // k + (1 if t < n % k else 0) for t in range(k)]


def _normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


def _kmeans_pp(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ seeding on cosine distance."""
    centres = [int(rng.integers(len(x)))]
    for _ in range(1, k):
        dist = np.clip(1.0 - x @ x[centres].T, 0.0, None).min(axis=1)
        total = float(dist.sum())
        if total <= 1e-12:
            centres.append(int(rng.integers(len(x))))
            continue
        centres.append(int(rng.choice(len(x), p=dist / total)))
    return x[centres].copy()


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means: the subjects the tables will be built around (unconstrained sizes)."""
    centroids = _kmeans_pp(x, k, rng)
    labels = np.full(len(x), -1)
    for _ in range(KMEANS_ITERATIONS):
        new = np.argmax(x @ centroids.T, axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
        centroids = _refit(x, labels, centroids)
    return centroids


def _refit(x: np.ndarray, labels: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """Mean direction per table; an empty table keeps its previous centroid."""
    out = previous.copy()
    for t in range(len(previous)):
        members = x[labels == t]
        if len(members):
            out[t] = members.sum(axis=0)
    return _normalise(out)


class _Penalty:
    """Weighted place counts per table, so the cost of a practice at a table is O(its places)."""

    def __init__(self, places: Sequence[Mapping[str, float]], k: int) -> None:
        self.places = places
        self.counts: list[Counter[str]] = [Counter() for _ in range(k)]

    def add(self, i: int, t: int, sign: int = 1) -> None:
        for key in self.places[i]:
            self.counts[t][key] += sign

    def cost(self, i: int, t: int, without: int | None = None) -> float:
        """Penalty for item i at table t, counting the others there (not i itself, nor `without`)."""
        total = 0.0
        other = self.places[without] if without is not None else {}
        for key, weight in self.places[i].items():
            n = self.counts[t][key] - (1 if key in other else 0)
            total += weight * n
        return total


def _greedy(dist: np.ndarray, sizes: list[int], penalty: _Penalty, spread: float) -> np.ndarray:
    """Most decided items first (largest gap between best and second-best table), each to its cheapest open table."""
    n, k = dist.shape
    ordered = np.sort(dist, axis=1)
    regret = ordered[:, 1] - ordered[:, 0] if k > 1 else np.zeros(n)
    order = sorted(range(n), key=lambda i: (-regret[i], i))
    room = list(sizes)
    assignment = np.full(n, -1)
    for i in order:
        costs = [(dist[i, t] + spread * penalty.cost(i, t), t) for t in range(k) if room[t] > 0]
        _, best = min(costs)
        assignment[i] = best
        room[best] -= 1
        penalty.add(i, best)
    return assignment


def _improve(dist: np.ndarray, assignment: np.ndarray, penalty: _Penalty, spread: float) -> None:
    """Swap pairs of items between tables while that lowers the objective; sizes never change."""
    n = len(assignment)
    for _ in range(MAX_SWAP_PASSES):
        improved = False
        for i in range(n):
            for j in range(i + 1, n):
                a, b = assignment[i], assignment[j]
                if a == b:
                    continue
                before = dist[i, a] + dist[j, b] + spread * (penalty.cost(i, a) - _self(penalty, i) +
                                                             penalty.cost(j, b) - _self(penalty, j))
                after = dist[i, b] + dist[j, a] + spread * (penalty.cost(i, b, without=j) +
                                                            penalty.cost(j, a, without=i))
                if after < before - 1e-9:
                    penalty.add(i, a, -1)
                    penalty.add(j, b, -1)
                    assignment[i], assignment[j] = b, a
                    penalty.add(i, b)
                    penalty.add(j, a)
                    improved = True
        if not improved:
            return


def _self(penalty: _Penalty, i: int) -> float:
    """The part of penalty.cost(i, own table) that is i counting itself."""
    return float(sum(penalty.places[i].values()))


def typical_distance(x: np.ndarray) -> float:
    """Mean cosine distance between distinct items: the unit content distances are measured in."""
    n = len(x)
    if n < 2:
        return 1.0
    dist = 1.0 - x @ x.T
    mean = float((dist.sum() - np.trace(dist)) / (n * (n - 1)))
    return mean if mean > 1e-6 else 1.0


def objective(x: np.ndarray, assignment: np.ndarray, centroids: np.ndarray,
              places: Sequence[Mapping[str, float]], spread: float, unit: float = 1.0) -> float:
    """Sum of distances to the table centroid (in `unit`s) plus the place penalty of every pair sharing a place."""
    total = float(sum(1.0 - x[i] @ centroids[t] for i, t in enumerate(assignment))) / unit
    for t in set(assignment.tolist()):
        members = [i for i in range(len(assignment)) if assignment[i] == t]
        for p, i in enumerate(members):
            for j in members[p + 1:]:
                total += spread * sum(w for key, w in places[i].items() if key in places[j])
    return total


def _balanced_run(x: np.ndarray, centroids: np.ndarray, sizes: list[int],
                  places: Sequence[Mapping[str, float]], spread: float, unit: float) -> Grouping:
    """Alternate capacity-constrained assignment and centroid refits until the tables stop changing."""
    assignment = np.full(len(x), -1)
    for _ in range(ROUNDS):
        dist = (1.0 - x @ centroids.T) / unit
        penalty = _Penalty(places, len(sizes))
        new = _greedy(dist, sizes, penalty, spread)
        _improve(dist, new, penalty, spread)
        if np.array_equal(new, assignment):
            break
        assignment = new
        centroids = _refit(x, assignment, centroids)
    return Grouping(assignment, centroids, objective(x, assignment, centroids, places, spread, unit))


def propose(vectors: np.ndarray, k: int, places: Sequence[Mapping[str, float]] | None = None, seed: int = 0,
            spread: float = DEFAULT_SPREAD, sizes: list[int] | None = None) -> Grouping:
    """Group n vectors into k tables of balanced size by content, spreading shared places over the tables.

    `places[i]` maps place keys of item i (e.g. "gemeente:Gent") to a weight; two items at one table
    pay `spread * weight` typical distances per key they share. `sizes` overrides the balanced table
    sizes (must sum to n).
    """
    x = _normalise(np.asarray(vectors, dtype=np.float64))
    n = len(x)
    places = list(places) if places is not None else [{} for _ in range(n)]
    if len(places) != n:
        raise ValueError(f"{n} vectors but {len(places)} place sets")
    sizes = list(sizes) if sizes is not None else balanced_sizes(n, k)
    if len(sizes) != k or sum(sizes) != n:
        raise ValueError(f"table sizes {sizes} do not fit {n} items over {k} tables")
    if n == 0:
        return Grouping(np.zeros(0, dtype=int), np.zeros((k, x.shape[1] if x.ndim == 2 else 0)), 0.0)
    rng = np.random.default_rng(seed)
    if n <= k:
        assignment = np.asarray([t for t, size in enumerate(sizes) for _ in range(size)])
        return Grouping(assignment, _refit(x, assignment, np.zeros((k, x.shape[1]))), 0.0)
    unit = typical_distance(x)
    best: Grouping | None = None
    for _ in range(RESTARTS):
        run = _balanced_run(x, kmeans(x, k, rng), sizes, places, spread, unit)
        if best is None or run.objective < best.objective - 1e-9:
            best = run
    assert best is not None
    return best
