"""The safetensors format, read and written with the standard library and numpy.

Layout: an 8-byte little-endian header length N, N bytes of JSON
``{name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {str: str}}``,
then the raw little-endian tensor bytes (offsets count from the end of the header).
"""

from __future__ import annotations

import json
import os
import struct
from typing import Any

import numpy as np

from simulator.core.errors import InputError
from simulator.io.atomic import atomic_write
from simulator.io.formats._guard import LazyArray, check_sizes, file_size

__all__ = ["read_safetensors", "write_safetensors"]

MAX_HEADER = 16 << 20  # the reference allows 100 MiB; a state dict of 100,000 tensors needs ~15
MAX_TENSORS = 65_536  # counted in the raw header before json builds an object per tensor
_DTYPES = {"F64": np.dtype("<f8"), "F32": np.dtype("<f4"), "F16": np.dtype("<f2"), "BF16": np.dtype("<u2")}
_ITEMSIZE = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1,
             "U16": 2, "U32": 4, "U64": 8, "BOOL": 1, "F8_E4M3": 1, "F8_E5M2": 1}


def read_safetensors(path: str) -> tuple[dict[str, LazyArray], dict[str, str]]:
    """Parse the header of a safetensors file and return its tensors, unread.

    Parameters
    ----------
    path : str

    Returns
    -------
    arrays : dict of str to LazyArray
        In file order; ``read()`` loads one tensor as float64 (F64, F32, F16 or BF16).
    metadata : dict of str to str
        The ``__metadata__`` entry, empty when absent.

    Raises
    ------
    InputError
        Truncated file, header length or offsets outside the file, invalid JSON,
        a tensor whose byte range disagrees with its shape and dtype.
    """
    size = file_size(path)  # a regular file: a pipe or device is refused before it is opened
    try:
        with open(path, "rb") as fh:
            raw = fh.read(8)
            if len(raw) < 8:
                raise InputError(f"{path}: truncated safetensors file ({size} bytes, no header length)")
            (n,) = struct.unpack("<Q", raw)
            if n < 2 or n > MAX_HEADER or n > size - 8:
                raise InputError(f"{path}: safetensors header claims {n} bytes but the file has {size - 8} "
                                 f"after the length (limit {MAX_HEADER}); truncated or not safetensors")
            text = fh.read(n)
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    tensors = text.count(b'"data_offsets"')
    if tensors > MAX_TENSORS:
        raise InputError(f"{path}: the safetensors header lists {tensors} tensors; refusing more than "
                         f"{MAX_TENSORS}")
    try:
        header = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: safetensors header is not valid JSON ({err})") from None
    if not isinstance(header, dict):
        raise InputError(f"{path}: safetensors header must be a JSON object")
    metadata = header.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise InputError(f"{path}: safetensors __metadata__ must map strings to strings")
    start, buffer_len = 8 + n, size - 8 - n
    arrays = {name: _entry(path, name, spec, start, buffer_len) for name, spec in header.items()}
    return arrays, metadata


def _entry(path: str, name: str, spec: Any, start: int, buffer_len: int) -> LazyArray:
    """Validate one header entry and return a reader for it."""
    if not isinstance(spec, dict) or not {"dtype", "shape", "data_offsets"} <= spec.keys():
        raise InputError(f"{path}: tensor {name!r} lacks dtype, shape or data_offsets in the header")
    dtype, shape, offsets = spec["dtype"], spec["shape"], spec["data_offsets"]
    if dtype not in _ITEMSIZE:
        raise InputError(f"{path}: tensor {name!r} has unknown dtype {dtype!r}")
    if not isinstance(shape, list) or not all(type(d) is int for d in shape):
        raise InputError(f"{path}: tensor {name!r} has an invalid shape {shape!r}")
    if (not isinstance(offsets, list) or len(offsets) != 2 or not all(type(o) is int for o in offsets)
            or not 0 <= offsets[0] <= offsets[1] <= buffer_len):
        raise InputError(f"{path}: tensor {name!r} data_offsets {offsets!r} lie outside the "
                         f"{buffer_len}-byte data section (truncated file?)")
    shape = tuple(shape)
    check_sizes(name, shape, _ITEMSIZE[dtype])
    nbytes = int(np.prod(shape, dtype=object)) * _ITEMSIZE[dtype]
    if offsets[1] - offsets[0] != nbytes:
        raise InputError(f"{path}: tensor {name!r} spans {offsets[1] - offsets[0]} bytes but "
                         f"{dtype} {list(shape)} needs {nbytes}")

    def load() -> np.ndarray:
        if dtype not in _DTYPES:
            raise InputError(f"{name}: dtype {dtype} is not a float type (F64, F32, F16, BF16)")
        try:
            with open(path, "rb") as fh:
                fh.seek(start + offsets[0])
                data = fh.read(nbytes)
        except OSError as err:
            raise InputError(f"cannot read {path}: {err.strerror or err}") from None
        if len(data) != nbytes:
            raise InputError(f"{path}: tensor {name!r} is truncated")
        arr = np.frombuffer(data, dtype=_DTYPES[dtype]).reshape(shape)
        if dtype == "BF16":  # bfloat16 is the top half of a float32
            arr = (arr.astype(np.uint32) << 16).view(np.float32)
        return arr

    return LazyArray(name, shape, load)


def write_safetensors(path: str | os.PathLike[str], arrays: dict[str, np.ndarray],
                      metadata: dict[str, str] | None = None) -> None:
    """Write float arrays as safetensors (F64 or F32 per array), atomically.

    Parameters
    ----------
    path : str or os.PathLike
    arrays : dict of str to ndarray
        float64 arrays are stored as F64, float32 as F32.
    metadata : dict of str to str, optional
    """
    header: dict[str, Any] = {"__metadata__": dict(metadata)} if metadata else {}
    blobs, offset = [], 0
    for name, arr in arrays.items():
        arr = np.asarray(arr)
        code = {np.dtype(np.float64): "F64", np.dtype(np.float32): "F32"}.get(arr.dtype)
        if code is None:
            raise InputError(f"{name}: cannot store dtype {arr.dtype} (float32 or float64 only)")
        blob = np.ascontiguousarray(arr, dtype=arr.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": code, "shape": list(arr.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # keep the data section 8-byte aligned, as the reference does
    with atomic_write(path) as fh:
        fh.write(struct.pack("<Q", len(text)))
        fh.write(text)
        for blob in blobs:
            fh.write(blob)
