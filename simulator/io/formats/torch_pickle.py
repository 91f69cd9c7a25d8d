"""PyTorch ``.pt`` zip checkpoints read without torch, through a restricted unpickler.

``torch.save(state_dict, path)`` writes a zip holding ``<root>/data.pkl`` (the pickled
containers) and one ``<root>/data/<key>`` record per storage. Only the globals that rebuild
tensors and plain containers may be named by the pickle (the "restricting globals" pattern of
Python's :mod:`pickle` documentation); anything else, a pickled whole ``nn.Module`` for
instance, is refused in one line. Storages become numpy arrays, bounds-checked against their
records before any view is taken.
"""

from __future__ import annotations

import collections
import io
import pickle
import zipfile
from typing import Any

import numpy as np

from simulator.core.errors import InputError
from simulator.io.formats._guard import MAX_ARRAY_BYTES, check_sizes, open_zip

__all__ = ["read_torch_zip"]

_STORAGES = {"FloatStorage": "<f4", "DoubleStorage": "<f8", "HalfStorage": "<f2", "BFloat16Storage": "<u2",
             "LongStorage": "<i8", "IntStorage": "<i4", "ShortStorage": "<i2", "CharStorage": "i1",
             "ByteStorage": "u1", "BoolStorage": "?"}
_MAX_PICKLE = 64 << 20  # the containers of a state dict: names and small tuples


class _Storage:
    """A storage type named by the pickle (a marker: its data come from the zip's record)."""

    def __init__(self, name: str) -> None:
        self.name = name


def _rebuild_tensor(storage: np.ndarray, offset: int, size: tuple[int, ...], stride: tuple[int, ...],
                    *_rest: Any) -> np.ndarray:
    """``torch._utils._rebuild_tensor_v2``: a copy of the strided view, every index checked in bounds."""
    if not (isinstance(offset, int) and isinstance(size, tuple) and isinstance(stride, tuple)
            and len(size) == len(stride) and all(isinstance(v, int) for v in (*size, *stride))):
        raise InputError("a tensor record has a malformed size or stride")
    check_sizes("tensor", size, storage.itemsize)
    if any(s < 0 for s in stride) or offset < 0:
        raise InputError("a tensor record has a negative stride or offset")
    if 0 not in size and offset + sum((n - 1) * s for n, s in zip(size, stride, strict=True)) >= storage.size:
        raise InputError(f"a tensor of size {size} runs past its storage of {storage.size} values")
    if 0 in size:
        return np.zeros(size, storage.dtype)
    count = int(np.prod(size))
    if list(stride) == [int(np.prod(size[k + 1:])) for k in range(len(size))]:  # contiguous: one block copy
        return storage[offset:offset + count].reshape(size).copy()
    view = np.lib.stride_tricks.as_strided(storage[offset:], size, [s * storage.itemsize for s in stride],
                                           writeable=False)
    return np.array(view)


def _rebuild_parameter(data: np.ndarray, *_rest: Any) -> np.ndarray:
    return data


_ALLOWED: dict[tuple[str, str], Any] = {
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor,
    ("torch._utils", "_rebuild_parameter"): _rebuild_parameter,
    ("collections", "OrderedDict"): collections.OrderedDict,
    **{("torch", name): _Storage(name) for name in _STORAGES},
}


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, archive: zipfile.ZipFile, root: str, path: str) -> None:
        super().__init__(io.BytesIO(data))
        self.archive, self.root, self.path = archive, root, path
        self.loaded: dict[str, np.ndarray] = {}

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is not None:
            return found
        if module.startswith("torch.nn") or module.startswith("__main__"):
            raise InputError(f"{self.path} holds a pickled whole model ({module}.{name}), not a state dict; "
                             "save the weights with torch.save(model.state_dict(), PATH)")
        raise InputError(f"{self.path}: the pickle names {module}.{name}, which a state dict does not need; "
                         "refusing to run it")

    def persistent_load(self, pid: Any) -> np.ndarray:
        if not (isinstance(pid, tuple) and len(pid) >= 5 and pid[0] == "storage"
                and isinstance(pid[1], _Storage) and isinstance(pid[2], str) and isinstance(pid[4], int)):
            raise InputError(f"{self.path}: unexpected storage record {str(pid)[:80]!r}")
        kind, key, numel = pid[1], pid[2], pid[4]
        if key in self.loaded:
            return self.loaded[key]
        dtype = np.dtype(_STORAGES[kind.name])
        check_sizes(f"storage {key}", (numel,), dtype.itemsize)
        try:
            info = self.archive.getinfo(f"{self.root}/data/{key}")
        except KeyError:
            raise InputError(f"{self.path}: storage {key} has no data record") from None
        if info.file_size != numel * dtype.itemsize:
            raise InputError(f"{self.path}: storage {key} declares {numel} values but its record holds "
                             f"{info.file_size} bytes")
        raw = np.frombuffer(self.archive.read(info), dtype)
        if kind.name == "BFloat16Storage":  # the top half of a float32
            raw = (raw.astype(np.uint32) << 16).view(np.float32)
        self.loaded[key] = raw
        return raw


def read_torch_zip(path: str) -> Any:
    """The object a ``torch.save`` zip checkpoint holds, tensors as numpy arrays.

    Raises
    ------
    InputError
        Not a zip checkpoint, a big-endian one, a pickle naming anything but tensor-rebuilding
        globals and containers (a whole pickled module says how to save a state dict), a
        storage whose record is missing or of the wrong size, a view past its storage.
    """
    with open(path, "rb") as fh:
        if fh.read(4) != b"PK\x03\x04":
            raise InputError(f"{path}: a legacy (non-zip) PyTorch file; load it with torch and save it "
                             "again with torch.save(model.state_dict(), PATH)")
    with open_zip(path, "PyTorch file") as archive:
        pickles = [n for n in archive.namelist() if n.endswith("/data.pkl") and n.count("/") == 1]
        if len(pickles) != 1:
            raise InputError(f"{path}: not a PyTorch checkpoint (no single <name>/data.pkl)")
        root = pickles[0].split("/")[0]
        order = f"{root}/byteorder"
        if order in archive.namelist() and archive.read(order).strip() not in (b"little", b""):
            raise InputError(f"{path}: a big-endian PyTorch checkpoint; refusing")
        info = archive.getinfo(pickles[0])
        if info.file_size > min(_MAX_PICKLE, MAX_ARRAY_BYTES):
            raise InputError(f"{path}: data.pkl of {info.file_size} bytes is too large for a state dict")
        try:
            return _Unpickler(archive.read(info), archive, root, path).load()
        except InputError:
            raise
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError, KeyError,
                AttributeError) as err:
            raise InputError(f"{path}: damaged PyTorch pickle ({type(err).__name__})") from None
