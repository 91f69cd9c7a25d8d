"""Strategies for weight arrays that are well-formed files but wrong content, and writers that can lie.

:func:`weight_sets` draws PyTorch- or Keras-named arrays for a random kind and size: most
of the right shape, some missing, some of the wrong shape or dtype, some holding NaN / inf.
The writers put any such dict into a safetensors, ``.npz`` or ``.npy`` file, optionally
with a header that declares another shape or other offsets than the data holds.
"""

from __future__ import annotations

import io
import json
import struct
from typing import Any

import numpy as np
from hostile_files import KINDS, arrays, zip_bytes
from hypothesis import strategies as st

__all__ = ["SAFETENSORS_CODES", "lying_npy", "npz_file", "safetensors_file", "weight_sets"]

BLOCKS = {"rnn": 1, "gru": 3, "lstm": 4}
SAFETENSORS_CODES = {"<f8": "F64", "<f4": "F32", "<f2": "F16", "<i8": "I64", "<i4": "I32", "|u1": "U8",
                     "|b1": "BOOL", "<c16": "C64"}
HUGE = (10**12, 2**31, 2**32 + 1, 2**62, -1, 0)
_ODD_CODE = st.sampled_from(["Q7", "F8_E4M3", "U64", 3])
_ODD_SHAPE = st.sampled_from(["3", [1.5], [True], None, [[2]]])
_OFFSET = st.sampled_from((*HUGE, 8))
_LIE = st.integers(0, 19)
_METADATA = st.sampled_from([{"__gatescope__": json.dumps({"nonlinearity": "relu"})}, {"__gatescope__": "{"},
                             {"__gatescope__": json.dumps({"reset_after": "yes"})}, {"format": 3}, [], "x"])


_PREFIX = {"torch": st.sampled_from(["", "lstm.", "encoder.rnn.", "two\nlines.", "x\u2028y."]),
           "keras": st.sampled_from(["", "lstm/", "model/layer_1/cell/", "kernel", "two\nlines/"])}
_TORCH_SUFFIX = st.sampled_from(["", "", "_l0", "_l1", "_l0_reverse"])
_COLON = st.sampled_from(["", ":0"])
_BOOL = st.booleans()
_NAMING = st.sampled_from(("torch", "keras"))
_KIND = st.sampled_from(KINDS)
_SIZE = st.integers(1, 3)
_TEN = st.integers(0, 9)
_NAME = st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF) | st.sampled_from("\n\r\x85"),
                min_size=1, max_size=12)
_EXTRA = st.dictionaries(_NAME, arrays(), max_size=2)
_GOOD_DTYPES = ("<f8", "<f4", "<i4", "<f2")


def _names(draw: Any, naming: str, kind: str, D: int, H: int) -> dict[str, tuple[int, ...]]:
    GH = BLOCKS[kind] * H
    prefix = draw(_PREFIX[naming])
    if naming == "torch":
        suffix = draw(_TORCH_SUFFIX)
        base = {"weight_ih": (GH, D), "weight_hh": (GH, H), "bias_ih": (GH,), "bias_hh": (GH,)}
        if kind == "lstm" and draw(_BOOL):
            base["weight_peephole"] = (3, H)
        return {prefix + k + suffix: s for k, s in base.items()}
    bias = (2, GH) if kind == "gru" and draw(_BOOL) else (GH,)
    colon = draw(_COLON)
    return {f"{prefix}kernel{colon}": (D, GH), f"{prefix}recurrent_kernel{colon}": (H, GH),
            f"{prefix}bias{colon}": bias}


@st.composite
def weight_sets(draw: Any, naming: str | None = None) -> dict[str, np.ndarray]:
    """Named arrays for one recurrent layer; each right, missing, misshapen, mistyped or non-finite.

    A third of the sets are entirely right (finite floats of the right shapes), so the
    loaders' success paths are exercised as well as their refusals.
    """
    naming = naming or draw(_NAMING)
    kind = draw(_KIND)
    D, H = draw(_SIZE), draw(_SIZE)
    clean = draw(_TEN) < 3
    out: dict[str, np.ndarray] = {}
    for name, shape in _names(draw, naming, kind, D, H).items():
        choice = 5 if clean else draw(_TEN)
        if choice == 0:
            continue
        if choice <= 6:
            out[name] = draw(arrays(shape=st.just(shape), dtypes=_GOOD_DTYPES, finite=clean or choice < 4))
        else:
            out[name] = draw(arrays())
    if not clean:
        out.update({k: v for k, v in draw(_EXTRA).items() if k not in out})
    return out


def _npy_header(arr: np.ndarray, shape: tuple[int, ...] | None) -> bytes:
    d = np.lib.format.header_data_from_array_1_0(arr)
    if shape is not None:
        d["shape"] = shape
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, d)
    return np.lib.format.magic(1, 0) + buffer.getvalue()


def lying_npy(arr: np.ndarray, shape: tuple[int, ...] | None = None) -> bytes:
    """``.npy`` bytes whose header declares ``shape`` (default: the truth); object arrays pickled."""
    if arr.dtype.hasobject or shape is None:
        buffer = io.BytesIO()
        np.save(buffer, arr, allow_pickle=True)
        if shape is None:
            return buffer.getvalue()
        data = buffer.getvalue()[len(_npy_header(arr, None)):]
    else:
        data = np.ascontiguousarray(arr).tobytes()
    return _npy_header(arr, shape) + data


_LIE_SHAPE = st.lists(st.sampled_from((*HUGE, 1, 2, 3, 7)), min_size=0, max_size=3).map(tuple)


@st.composite
def lies(draw: Any) -> tuple[int, ...] | None:
    """A declared shape that may differ from the data: None (truthful), huge, negative or off by one."""
    return draw(_LIE_SHAPE) if draw(_TEN) == 0 else None


@st.composite
def npz_file(draw: Any, members: dict[str, np.ndarray]) -> bytes:
    """An ``.npz`` of ``members``: headers possibly lying, deflated or stored, names possibly odd."""
    files = {}
    for name, arr in members.items():
        member = name if draw(_TEN) == 0 else f"{name}.npy"
        files[member] = lying_npy(arr, draw(lies()))
    return zip_bytes(files, compressed=draw(_BOOL))


@st.composite
def safetensors_file(draw: Any, members: dict[str, np.ndarray]) -> bytes:
    """A safetensors file of ``members``: dtype codes, shapes, offsets and the length may lie."""
    header: dict[str, Any] = {}
    blobs, offset = [], 0
    for name, arr in members.items():
        code = SAFETENSORS_CODES.get(arr.dtype.str) or draw(_ODD_CODE)
        blob = arr.tobytes() if not arr.dtype.hasobject else b"\0" * 8
        shape: Any = list(arr.shape)
        offsets: Any = [offset, offset + len(blob)]
        lie = draw(_LIE)
        if lie == 1:
            shape = list(draw(_LIE_SHAPE))
        elif lie == 2:
            offsets = [draw(st.sampled_from((0, offset, -8, 2**40))), draw(_OFFSET)]
        elif lie == 3:
            shape = draw(_ODD_SHAPE)
        header[name] = {"dtype": code, "shape": shape, "data_offsets": offsets}
        blobs.append(blob)
        offset += len(blob)
    if draw(_BOOL):
        header["__metadata__"] = draw(_METADATA)
    text = json.dumps(header).encode()
    length = [len(text), 0, 1, len(text) + 1, len(text) - 1, 2**63, 100 << 20][max(draw(_TEN) - 6, 0)]
    return struct.pack("<Q", length) + text + b"".join(blobs)
