"""Hypothesis strategies for hostile files: byte mutations of valid files and wrong-but-well-formed arrays.

Seeds are real files written by the engine's own writers; :func:`mutated` damages them
(truncation, flipped, inserted and deleted bytes, splices, "interesting" integers);
:func:`arrays` draws arrays of every awkward dtype and shape, with NaN / inf at random places.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import strategies as st

import simulator
from simulator.io.formats import save_weights

__all__ = ["DTYPES", "KINDS", "arrays", "mutated", "npy_bytes", "seed_weight_files", "with_lying_zip_sizes",
           "zip_bytes"]

KINDS = ("rnn", "lstm", "gru")
INTERESTING = (b"\x00", b"\xff", b"\x7f", b"\x80", b"\xff\xff\xff\x7f", b"\x00\x00\x00\x80",
               struct.pack("<q", -1), struct.pack("<Q", 10**12), struct.pack("<Q", 2**63), b"[", b"{", b'"',
               b"NaN", b"1e999", b"-", b"9" * 20, b"\n", b"\\u0000")
DTYPES = ("<f8", "<f4", ">f8", "<f2", "<i8", "<i4", "|u1", "|b1", "<c16", "<U3", "|S2", "|O", "<M8[s]",
          "[('a', '<f8'), ('b', '<i4')]")


def seed_weight_files(suffix: str, naming: str = "torch") -> list[bytes]:
    """Valid weight files of every kind (float64 and float32), written by ``save_weights``."""
    import tempfile
    from pathlib import Path

    blobs = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, kind in enumerate(KINDS):
            for dtype in ("float64", "float32"):
                cell = simulator.make_cell(kind, 1 + k, 2 + k, seed=k, dtype=dtype)
                path = Path(tmp) / f"w{suffix}"
                if suffix in (".npz", ".safetensors"):
                    save_weights(cell, path, naming=naming)
                else:
                    save_weights(cell, path)
                blobs.append(path.read_bytes())
    return blobs


_OPS = st.sampled_from(("truncate", "flip", "insert", "delete", "splice", "interesting", "set"))
_BYTE = st.integers(0, 255)
_INSERT = st.binary(min_size=1, max_size=64)
_LENGTH = st.integers(1, 256)
_INTERESTING = st.sampled_from(INTERESTING)


@st.composite
def _mutation(draw: Any, size: int) -> tuple[str, int, Any]:
    op = draw(_OPS)
    at = draw(st.integers(0, max(size - 1, 0)))
    if op == "flip":
        return op, at, draw(_BYTE) or 1
    if op == "insert":
        return op, at, draw(_INSERT)
    if op in ("delete", "splice"):
        return op, at, (draw(_LENGTH), draw(st.integers(0, max(size - 1, 0))))
    if op == "interesting":
        return op, at, draw(_INTERESTING)
    if op == "set":
        return op, at, draw(_BYTE)
    return op, at, None


def _apply(blob: bytearray, op: str, at: int, arg: Any) -> bytearray:
    at = min(at, len(blob))
    if op == "truncate":
        return blob[:at]
    if op == "flip" and at < len(blob):
        blob[at] ^= arg
    elif op == "set" and at < len(blob):
        blob[at] = arg
    elif op == "insert":
        blob[at:at] = arg
    elif op == "delete":
        del blob[at:at + arg[0]]
    elif op == "splice":
        length, src = arg
        blob[at:at + length] = blob[src:src + length]
    elif op == "interesting":
        blob[at:at + len(arg)] = arg
    return blob


@st.composite
def mutated(draw: Any, seeds: list[bytes], max_ops: int = 4) -> bytes:
    """One of ``seeds`` damaged by 1 … ``max_ops`` random mutations."""
    blob = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, max_ops))):
        blob = _apply(blob, *draw(_mutation(len(blob))))
    return bytes(blob)


SHAPES = st.lists(st.integers(0, 9), min_size=0, max_size=3).map(tuple)
_BAD = st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from([np.nan, np.inf, -np.inf])), max_size=2)
_SEED = st.integers(0, 2**16)
_DTYPE_CHOICES: dict[tuple[tuple[str, ...], int], st.SearchStrategy[str]] = {}


def _fill(dtype: np.dtype, shape: tuple[int, ...], seed: int, bad: list[tuple[int, float]],
          finite: bool) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = rng.normal(size=shape) * rng.choice([1.0, 1e-300, 1e6, 1e300])
    if dtype.kind in "fc" and values.size:
        flat = values.reshape(-1)
        for where, value in bad:  # NaN / inf at drawn positions
            flat[where % flat.size] = value
    if dtype.hasobject:
        out = np.empty(shape, dtype=object)
        out.reshape(-1)[:] = [{"x": float(v)} for v in values.reshape(-1)]
        return out
    if dtype.kind in "USMV":
        return np.zeros(shape, dtype=dtype)
    with np.errstate(all="ignore"):
        out = values.astype(dtype)
    if finite and dtype.kind == "f":
        out[~np.isfinite(out)] = 0  # beyond float16 / float32 range
    return out


@st.composite
def arrays(draw: Any, shape: st.SearchStrategy[tuple[int, ...]] = SHAPES,
           dtypes: tuple[str, ...] = DTYPES, float_weight: int = 3, finite: bool = False) -> np.ndarray:
    """An array of a drawn dtype (mostly float) and shape, possibly holding NaN / inf (unless ``finite``)."""
    key = (dtypes, float_weight)
    if key not in _DTYPE_CHOICES:  # strategies are built once: building them costs more than drawing
        _DTYPE_CHOICES[key] = st.sampled_from(("<f8",) * float_weight + ("<f4",) * float_weight + dtypes)
    name = draw(_DTYPE_CHOICES[key])
    dtype = np.dtype([("a", "<f8"), ("b", "<i4")]) if name.startswith("[") else np.dtype(name)
    return _fill(dtype, draw(shape), draw(_SEED), [] if finite else draw(_BAD), finite)


def npy_bytes(arr: np.ndarray, fortran: bool = False) -> bytes:
    """``arr`` as ``.npy`` bytes (object arrays pickled, as ``np.save(allow_pickle=True)`` does)."""
    buffer = io.BytesIO()
    np.save(buffer, np.asfortranarray(arr) if fortran and arr.ndim > 1 else arr, allow_pickle=True)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes], compressed: bool = False) -> bytes:
    """A zip archive of ``members`` (deflated when ``compressed``)."""
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def with_lying_zip_sizes(blob: bytes, lie: Callable[[int], int]) -> bytes:
    """Rewrite every declared uncompressed size (local headers and central directory) through ``lie``."""
    out = bytearray(blob)
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = out.find(sig)
        while start != -1:
            size = struct.unpack_from("<I", out, start + offset)[0]
            struct.pack_into("<I", out, start + offset, lie(size) & 0xFFFFFFFF)
            start = out.find(sig, start + 4)
    return bytes(out)
