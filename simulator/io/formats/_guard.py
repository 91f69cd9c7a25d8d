"""Limits and checks shared by the readers: every file is untrusted.

Nothing here reads array data; these checks run first, on sizes the file
declares, so that a lying header fails before anything large is allocated.
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator.core.errors import InputError
from simulator.core.factory import MAX_UNITS
from simulator.io.limits import regular_file

__all__ = ["MAX_ARRAY_BYTES", "MAX_INPUTS", "MAX_UNITS", "LazyArray", "check_sizes", "check_zip", "eager",
           "file_size", "float_array", "needs_extra", "open_zip", "reading", "short_name"]

MAX_ARRAY_BYTES = 2 << 30  # 2 GiB: no weight of one cell comes near this
MAX_TOTAL_UNZIPPED = 4 << 30  # all members of an archive together
MAX_ZIP_RATIO = 20  # float weights compress a few times at most; zeros compress ~1000×
RATIO_FLOOR = 64 << 20  # below this many unzipped bytes any ratio is harmless
MAX_ZIP_MEMBERS = 10_000  # a state dict of thousands of tensors; read from the end record, before parsing
MAX_ZIP_DIRECTORY = 16 << 20  # the central directory: about 100 bytes per member
MAX_JSON_MEMBER = 4 << 20  # config.json / metadata.json of an archive: parsed into Python objects
MAX_INPUTS = 1 << 16  # D: a one-hot vocabulary may be large, but not unbounded


def file_size(path: str) -> int:
    """Size of ``path`` in bytes; InputError when missing, empty, or a directory, pipe or device."""
    size = regular_file(path, "weight file")
    if size == 0:
        raise InputError(f"{path} is empty")
    return size


@contextlib.contextmanager
def reading(path: str, what: str) -> Iterator[None]:
    """Turn any exception of a third-party reader into one-line InputError about ``path``."""
    try:
        yield
    except InputError:
        raise
    except MemoryError:
        raise InputError(f"{path}: not enough memory to read this {what}") from None
    except Exception as err:  # h5py, onnx, protobuf, zipfile, json ... each have their own types
        text = " ".join(str(err).split()) or type(err).__name__
        raise InputError(f"{path}: not a readable {what} ({text[:200]})") from None


def needs_extra(package: str, what: str) -> Any:
    """Import ``package`` lazily, or explain which extra installs it."""
    import importlib

    try:
        return importlib.import_module(package)
    except ImportError:
        if package == "torch":
            raise InputError(f"{what} needs torch: pip install torch") from None
        raise InputError(f"{what} needs the 'formats' extra: pip install 'gatescope[formats]'") from None


def _zip_directory(path: str) -> tuple[int, int] | None:
    """(members, central directory bytes) from a zip's end record (zip64 too); None when there is none."""
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - (1 << 16) - 22))
        tail = fh.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            return None
        _, _, _, _, count, directory, _, _ = struct.unpack("<4s4H2LH", tail[at:at + 22])
        z64 = tail.rfind(b"PK\x06\x07", 0, at)
        if (count == 0xFFFF or directory == 0xFFFFFFFF) and z64 >= 0 and at - z64 == 20:
            (offset,) = struct.unpack("<Q", tail[z64 + 8:z64 + 16])
            fh.seek(offset)
            record = fh.read(56)
            if len(record) == 56 and record[:4] == b"PK\x06\x06":
                count, directory = struct.unpack("<2Q", record[32:48])
        return count, directory


def check_zip(path: str, archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs before any member is read.

    Each member's declared uncompressed size must stay under 2 GiB (a JSON member
    under 4 MiB), the sum under 4 GiB, and past 64 MiB the sum may not exceed 20×
    the file size. ``zipfile`` stops decompressing at the declared size, so the check holds.
    """
    total = 0
    for info in archive.infolist():
        if info.file_size > MAX_ARRAY_BYTES:
            raise InputError(f"{path}: archive member {info.filename!r} declares "
                             f"{info.file_size / 2**30:.1f} GiB uncompressed; refusing (limit 2 GiB)")
        if info.filename.lower().endswith(".json") and info.file_size > MAX_JSON_MEMBER:
            raise InputError(f"{path}: {info.filename} declares {info.file_size / 2**20:.0f} MiB; a model's "
                             f"configuration is far smaller (limit {MAX_JSON_MEMBER >> 20} MiB)")
        total += info.file_size
    size = max(os.path.getsize(path), 1)
    if total > MAX_TOTAL_UNZIPPED or (total > RATIO_FLOOR and total > MAX_ZIP_RATIO * size):
        raise InputError(f"{path}: archive would unpack to {total / 2**20:.0f} MiB from "
                         f"{size / 2**20:.1f} MiB (a zip bomb?); refusing")


def open_zip(path: str, what: str) -> zipfile.ZipFile:
    """Open and bomb-check a zip archive; InputError when it is not one.

    The member count and directory size are read from the end record first, so an archive
    of a million members is refused before ``zipfile`` builds an object per member.
    """
    regular_file(path, what)
    try:
        directory = _zip_directory(path)
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    if directory is not None and (directory[0] > MAX_ZIP_MEMBERS or directory[1] > MAX_ZIP_DIRECTORY):
        raise InputError(f"{path}: the archive lists {directory[0]} members in {directory[1] >> 20} MiB; "
                         f"refusing more than {MAX_ZIP_MEMBERS} members or {MAX_ZIP_DIRECTORY >> 20} MiB")
    try:
        archive = zipfile.ZipFile(path)
    except Exception as err:  # BadZipFile, NotImplementedError (odd versions), OSError, ...
        raise InputError(f"{path}: not a valid {what} (not a zip archive: {err})") from None
    try:
        check_zip(path, archive)
    except InputError:
        archive.close()
        raise
    return archive


def check_sizes(name: str, shape: tuple[int, ...], itemsize: int) -> None:
    """Refuse an array whose declared shape is negative or larger than 2 GiB."""
    count = 1
    for dim in shape:
        if not isinstance(dim, int) or dim < 0:
            raise InputError(f"{name}: invalid shape {shape}")
        count *= dim
    if count * itemsize > MAX_ARRAY_BYTES:
        raise InputError(f"{name}: shape {shape} declares {count * itemsize / 2**30:.1f} GiB; "
                         "refusing (limit 2 GiB)")


def float_array(name: str, arr: Any) -> np.ndarray:
    """``arr`` as a real float64 array, or InputError naming the array and the first NaN / inf."""
    arr = np.asarray(arr)
    if arr.dtype.kind not in "fiu":
        raise InputError(f"{name}: expected real numbers, got dtype {arr.dtype}")
    out = arr.astype(np.float64)
    bad = ~np.isfinite(out)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise InputError(f"{name}: non-finite value {out[where]} at index {where}")
    return out


@dataclass(frozen=True)
class LazyArray:
    """An array a file declares: its shape is known, its data read only on demand.

    Attributes
    ----------
    name : str
        The name in the file (used in messages).
    shape : tuple of int
    load : callable returning ndarray of ``shape``
    """

    name: str
    shape: tuple[int, ...]
    load: Callable[[], np.ndarray]

    def read(self) -> np.ndarray:
        """The data as a finite float64 array of ``shape``."""
        arr = float_array(self.name, self.load())
        if arr.shape != self.shape:
            raise InputError(f"{self.name}: declared shape {self.shape} but holds {arr.shape}")
        return arr


def eager(name: str, arr: np.ndarray) -> LazyArray:
    """A LazyArray over an array already in memory."""
    return LazyArray(name, tuple(int(d) for d in np.shape(arr)), lambda: arr)


_LEGACY_SUFFIX = re.compile(r":\d+$")


def short_name(name: str) -> str:
    """``"lstm/lstm_cell/kernel:0"`` → ``"lstm/lstm_cell/kernel"`` (TF variable suffixes)."""
    return _LEGACY_SUFFIX.sub("", name)
