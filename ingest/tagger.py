"""The learned block tagger: each block begins a record (B), continues one (I) or is furniture (O).

The rule-based reader proposes a label for every block (where its records start,
continue, or nothing); the tagger overrides that proposal only where it is at least
``threshold`` sure, so conventions the rules know keep working on texts the small
training set never showed. The model is a multinomial logistic regression over
``ingest.blocks.features``,
trained by ``tools/train_tagger.py`` on the annotated development set
(``devset/``, tune split only) and stored as plain JSON (``ingest/data/tagger.json``):
feature names, scaling, weights and the list of texts it was trained on. Being
linear, every decision can be explained by its largest feature contributions,
which ``kb inspect`` prints.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "data" / "tagger.json"
LABELS = ("B", "I", "O")


@dataclass(frozen=True)
class Decision:
    label: str           # the decision
    proposed: str        # the rule-based reader's label for the block
    best: str            # the tagger's own most likely label
    probability: float   # the tagger's probability for ``best``
    reasons: tuple[tuple[str, float], ...]  # (feature, contribution to the tagger's label), strongest first

    @property
    def overridden(self) -> bool:
        return self.label != self.proposed


@dataclass(frozen=True)
class Tagger:
    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (labels, features)
    bias: np.ndarray
    labels: tuple[str, ...]
    threshold: float

    @classmethod
    def from_dict(cls, d: dict) -> "Tagger":
        return cls(tuple(d["features"]), np.array(d["mean"]), np.array(d["scale"]), np.array(d["weights"]),
                   np.array(d["bias"]), tuple(d["labels"]), float(d["threshold"]))

    def matrix(self, rows: list[dict[str, float]]) -> np.ndarray:
        x = np.array([[row.get(n, 0.0) for n in self.names] for row in rows], dtype=float).reshape(len(rows), -1)
        return (x - self.mean) / self.scale

    def probabilities(self, rows: list[dict[str, float]]) -> np.ndarray:
        z = self.matrix(rows) @ self.weights.T + self.bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def decide(self, rows: list[dict[str, float]], proposed: list[str]) -> list[Decision]:
        """Each block's label: the proposal, unless the tagger is at least ``threshold`` sure of another."""
        if not rows:
            return []
        x = self.matrix(rows)
        probs = self.probabilities(rows)
        out = []
        for k, p in enumerate(probs):
            j = int(p.argmax())
            contrib = x[k] * self.weights[j]
            top = np.argsort(-contrib)[:3]
            label = self.labels[j] if p[j] >= self.threshold else proposed[k]
            out.append(Decision(label, proposed[k], self.labels[j], float(p[j]),
                                tuple((self.names[i], round(float(contrib[i]), 2)) for i in top)))
        return out


@cache
def default_tagger() -> Tagger | None:
    """The shipped model, or None before one was trained (the rule-based reader then decides alone)."""
    if not MODEL_PATH.exists():
        return None
    return Tagger.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
