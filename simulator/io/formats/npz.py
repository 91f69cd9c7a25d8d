"""NumPy ``.npz`` archives, read member by member without ever unpickling.

Each member's ``.npy`` header is parsed first, so a declared shape is checked
against the member's size before any array is allocated.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable

import numpy as np

from simulator.core.errors import InputError
from simulator.io.atomic import atomic_write
from simulator.io.formats._guard import LazyArray, check_sizes, file_size, open_zip

__all__ = ["read_npz", "write_npz"]


def read_npz(path: str) -> dict[str, LazyArray]:
    """The arrays of an ``.npz`` file by name (without ``.npy``), unread.

    Parameters
    ----------
    path : str

    Returns
    -------
    dict of str to LazyArray

    Raises
    ------
    InputError
        Not a zip archive, a zip bomb, a member that is not ``.npy``, an object
        (pickled) array, or a header whose shape disagrees with the member size.
    """
    file_size(path)
    archive = open_zip(path, "NumPy .npz file")
    arrays: dict[str, LazyArray] = {}
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = info.filename.removesuffix(".npy")
            shape, dtype, offset, fortran = _header(path, archive, info, name)
            arrays[name] = LazyArray(name, shape, _loader(path, info.filename, name, shape, dtype,
                                                          offset, fortran))
    if not arrays:
        raise InputError(f"{path}: the .npz archive holds no arrays")
    return arrays


def _header(path: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo,
            name: str) -> tuple[tuple[int, ...], np.dtype, int, bool]:
    """Shape, dtype and data offset of one ``.npy`` member, checked against its size."""
    fmt = np.lib.format
    try:
        with archive.open(info) as fh:
            version = fmt.read_magic(fh)
            if version == (1, 0):
                shape, fortran, dtype = fmt.read_array_header_1_0(fh)
            else:
                shape, fortran, dtype = fmt.read_array_header_2_0(fh)
            offset = fh.tell()
    except Exception as err:  # zipfile and numpy raise many types on damaged data
        raise InputError(f"{path}: member {info.filename!r} is not a valid .npy array ({err})") from None
    if dtype.hasobject:
        raise InputError(f"{path}: array {name!r} holds Python objects (pickle); refusing to unpickle")
    if dtype.kind not in "fiu":
        raise InputError(f"{path}: array {name!r} has dtype {dtype}, not real numbers")
    check_sizes(name, shape, dtype.itemsize)
    needed = int(np.prod(shape, dtype=object)) * dtype.itemsize
    if offset + needed != info.file_size:
        raise InputError(f"{path}: array {name!r} declares shape {shape} ({needed} bytes) but its member "
                         f"holds {info.file_size - offset} bytes of data")
    return shape, dtype, offset, fortran


def _loader(path: str, member: str, name: str, shape: tuple[int, ...], dtype: np.dtype, start: int,
            fortran: bool) -> Callable[[], np.ndarray]:
    """A function that reads one member's data (the header was validated already)."""

    def load() -> np.ndarray:
        archive = open_zip(path, "NumPy .npz file")
        needed = int(np.prod(shape, dtype=object)) * dtype.itemsize
        try:
            with archive, archive.open(member) as fh:
                fh.read(start)
                data = fh.read(needed)
        except Exception as err:
            raise InputError(f"{path}: cannot read array {name!r} ({err})") from None
        if len(data) != needed:
            raise InputError(f"{path}: array {name!r} is truncated")
        flat = np.frombuffer(data, dtype=dtype)
        return flat.reshape(shape[::-1]).T if fortran else flat.reshape(shape)

    return load


def write_npz(path: str | os.PathLike[str], arrays: dict[str, np.ndarray]) -> None:
    """Write arrays uncompressed to an ``.npz`` file, atomically.

    Parameters
    ----------
    path : str or os.PathLike
    arrays : dict of str to ndarray
        Plain numeric or fixed-width string arrays (nothing needing pickle).
    """
    with atomic_write(path) as fh:
        np.savez(fh, **arrays)
