"""Input sequences from files: ``.npy``, ``.csv`` and ``.json``, each read as untrusted.

Every reader returns a finite float64 array of shape (T, D), T ≥ 1, and raises
:class:`~simulator.core.errors.InputError` with one line naming the file and the
place (line and column, step and dimension) of the first problem.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import zipfile
from array import array
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from simulator.core.errors import InputError
from simulator.io.inputs.numeric_text import numeric_csv, numeric_json
from simulator.io.limits import read_limited, regular_file

__all__ = ["MAX_FILE_BYTES", "MAX_VALUES", "check_sequence", "load_inputs", "load_npz_arrays"]

MAX_FILE_BYTES = 512 * 2**20   # an .npy / .npz larger than this is refused before reading
MAX_TEXT_BYTES = 128 * 2**20   # .csv and .json: plain numbers by numpy (a few copies of the text at peak)
MAX_VALUES = 20_000_000        # T·D of one sequence (160 MB at float64)
MAX_JSON_DEPTH = 2             # a list of lists
MAX_JSON_OBJECTS_BYTES = 4 * 2**20  # JSON that is not plain numbers is parsed into Python objects
_NPZ_MAX_MEMBERS = 64
_NPZ_RATIO_FLOOR = 64 * 2**20  # below this many unpacked bytes any compression ratio is harmless
_NPZ_MAX_RATIO = 200           # arrays compress a few times at most; zeros ~1000×


def check_sequence(arr: np.ndarray, source: str, input_size: int | None = None) -> np.ndarray:
    """Validate a sequence and return it as a C-contiguous float64 (T, D) array.

    Parameters
    ----------
    arr : ndarray, shape (T,) or (T, D)
        A 1-D array is taken as T steps of one input.
    source : str
        Named in error messages (usually the file name).
    input_size : int, optional
        The D the cell expects.

    Raises
    ------
    InputError
        Wrong rank, T = 0, D ≠ ``input_size``, a non-numeric dtype, too many values,
        or a NaN / inf (its step and dimension are named, both counted from 0).
    """
    if arr.dtype.kind not in "fiub":
        raise InputError(f"{source}: expected real numbers, got dtype {arr.dtype}")
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2:
        raise InputError(f"{source}: expected a (steps, inputs) table, got an array of shape {arr.shape}")
    if arr.shape[0] < 1 or arr.shape[1] < 1:
        raise InputError(f"{source}: no input steps (shape {arr.shape})")
    if arr.size > MAX_VALUES:
        raise InputError(f"{source}: {arr.size} values is more than the {MAX_VALUES} allowed")
    if input_size is not None and arr.shape[1] != input_size:
        raise InputError(f"{source}: each step has {arr.shape[1]} values but the cell takes {input_size}")
    with np.errstate(over="ignore"):  # huge ints become inf, which is refused just below
        out = np.array(arr, dtype=np.float64, order="C")
    bad = ~np.isfinite(out)
    if bad.any():
        step, dim = (int(i) for i in np.argwhere(bad)[0])
        raise InputError(f"{source}: non-finite value {out[step, dim]} at step {step}, dim {dim}")
    return out


def load_inputs(path: str | os.PathLike[str], input_size: int | None = None) -> np.ndarray:
    """Read an input sequence from ``.npy``, ``.csv`` (or ``.tsv``) or ``.json``.

    Parameters
    ----------
    path : str or os.PathLike
    input_size : int, optional
        D; when given, a file with another number of values per step is refused.

    Returns
    -------
    ndarray, shape (T, D), float64
    """
    path = Path(path)
    name = path.name
    readers = {".npy": _read_npy, ".csv": _read_csv, ".tsv": _read_csv,
               ".json": _read_json}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"{name}: unknown input format {path.suffix!r}; use .npy, .csv or .json")
    regular_file(path, "input file")
    try:
        arr = reader(path)
    except OSError as err:
        raise InputError(f"{name}: cannot read: {err.strerror or err}") from None
    return check_sequence(arr, name, input_size)


# -- .npy and .npz ---------------------------------------------------------------------------------------
def _npy_header(stream: BinaryIO, available: int, source: str) -> None:
    """Check an .npy header against the bytes that follow it: no objects, no oversized shape."""
    try:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, _, dtype = np.lib.format.read_array_header_1_0(stream, max_header_size=10_000)
        else:
            shape, _, dtype = np.lib.format.read_array_header_2_0(stream, max_header_size=10_000)
    except Exception as err:  # numpy parses the header with ast/tokenize: ValueError, TokenError, ...
        raise InputError(f"{source}: not a valid .npy file ({_one_line(err)})") from None
    if dtype.hasobject:
        raise InputError(f"{source}: holds Python objects (needs pickle), which GateScope refuses to load")
    declared = math.prod(shape) * dtype.itemsize
    if declared > available - stream.tell():
        raise InputError(f"{source}: truncated or corrupt: the header declares shape {shape} "
                         f"({declared} bytes) but the file is shorter")


def _read_npy(path: Path) -> np.ndarray:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path.name}: {size} bytes is larger than the {MAX_FILE_BYTES} allowed")
    with open(path, "rb") as f:
        _npy_header(f, size, path.name)
        f.seek(0)
        try:
            return np.load(f, allow_pickle=False)
        except Exception as err:  # the header passed; anything else is still the file's fault
            raise InputError(f"{path.name}: cannot read ({_one_line(err)})") from None


def load_npz_arrays(path: str | os.PathLike[str], max_bytes: int = MAX_FILE_BYTES) -> dict[str, np.ndarray]:
    """Every array of an ``.npz`` archive, without pickles and with each header checked first.

    A member whose header declares more data than it holds (a memory bomb) or
    Python objects is refused before anything is allocated.

    Returns
    -------
    dict of str to ndarray
        By member name without the ``.npy`` suffix.
    """
    path = Path(path)
    size = regular_file(path, ".npz file")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > _NPZ_MAX_MEMBERS:
                raise InputError(f"{path.name}: {len(infos)} arrays (at most {_NPZ_MAX_MEMBERS})")
            total = sum(i.file_size for i in infos)
            if total > max_bytes:
                raise InputError(f"{path.name}: its arrays unpack to more than {max_bytes} bytes")
            if total > _NPZ_RATIO_FLOOR and total > _NPZ_MAX_RATIO * size:
                raise InputError(f"{path.name}: would unpack to {total / 2**20:.0f} MiB from "
                                 f"{size / 2**20:.1f} MiB (a zip bomb?); refusing")
            out = {}
            for info in infos:
                key = info.filename.removesuffix(".npy")
                source = f"{path.name}[{key}]"
                with zf.open(info) as member:
                    _npy_header(member, info.file_size, source)
                with zf.open(info) as member:  # streamed: no second copy of the member's bytes
                    out[key] = np.lib.format.read_array(member, allow_pickle=False)
            return out
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{path.name}: no such file") from None
    except PermissionError as err:
        raise InputError(f"{path.name}: cannot read: {err.strerror or _one_line(err)}") from None
    except Exception as err:  # BadZipFile, zlib.error, RuntimeError (encrypted), EOFError, ValueError ...
        raise InputError(f"{path.name}: not a valid .npz archive ({_one_line(err)})") from None


# -- text formats ------------------------------------------------------------------------------------------
def _read_bytes(path: Path) -> bytes:
    data = read_limited(path, MAX_TEXT_BYTES, "text input file")
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path.name}: not UTF-8 text (byte {err.start})") from None


def _first_line(data: bytes) -> tuple[int, bytes]:
    """Where the first line that is neither blank nor a ``#`` comment ends, and that line."""
    start = 0
    while start < len(data):
        ends = (data.find(b"\n", start), data.find(b"\r", start))
        end = min((i for i in ends if i >= 0), default=len(data))
        line = data[start:end]
        if line.strip() and not line.lstrip().startswith(b"#"):
            return end, line
        start = end + 1
    return len(data), b""


def _delimiter(line: str) -> str:
    """Tab, then semicolon, then comma: the first one the line contains (else one column)."""
    return next((d for d in ("\t", ";", ",") if d in line), ",")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _read_csv(path: Path) -> np.ndarray:
    """Rows of numbers; blank lines and ``#`` comments skipped; a non-numeric first row is a header.

    Values go into one flat ``array('d')`` (8 bytes each) as the lines are read, and are
    counted as they come: a file of many tiny rows never holds a Python object per value.
    Plain numbers go through numpy's C parser first (:func:`numeric_csv`).
    """
    data = _read_bytes(path)
    end, first = _first_line(data)
    delim = _delimiter(first.decode("utf-8", "replace"))
    header = not any(_is_number(c.strip()) for c in first.decode("utf-8", "replace").split(delim))
    fast = numeric_csv(data[end:] if header else data, delim)
    if fast is not None:
        return fast  # check_sequence refuses more than MAX_VALUES
    text = _decode(path, data)
    values = array("d")
    delim, width, rows, seen = ",", 0, 0, False
    for lineno, line in enumerate(io.StringIO(text, newline=None), 1):  # \n, \r\n and \r end lines
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not seen:
            delim = _delimiter(line)
        try:
            cells = [c.strip() for c in next(csv.reader([line], delimiter=delim))]
        except csv.Error as err:  # e.g. a field longer than the csv module's limit
            raise InputError(f"{path.name}: line {lineno}: {_one_line(err)}") from None
        if not seen and not any(_is_number(c) for c in cells):
            seen = True
            continue  # a header row
        seen = True
        for col, cell in enumerate(cells, 1):
            try:
                values.append(float(cell))
            except ValueError:
                what = "an empty value" if not cell else f"{cell[:40]!r} is not a number"
                if "," in cell and _is_number(cell.replace(",", ".")):
                    what += " (write decimals with a point)"
                raise InputError(f"{path.name}: line {lineno}, column {col}: {what}") from None
        if rows and len(cells) != width:
            raise InputError(f"{path.name}: line {lineno} has {len(cells)} values, "
                             f"the rows before it have {width}")
        width, rows = len(cells), rows + 1
        if len(values) > MAX_VALUES:
            raise InputError(f"{path.name}: more than the {MAX_VALUES} values allowed (line {lineno})")
    if not rows:
        what = "only a header row" if seen else "the file has no rows"
        raise InputError(f"{path.name}: no input steps ({what})")
    return np.frombuffer(values, dtype=np.float64).reshape(rows, width)


def _read_json(path: Path) -> np.ndarray:
    """A list of numbers (T steps of one input) or a list of lists (T steps of D inputs).

    Plain numbers go through numpy's C parser (:func:`numeric_json`); anything else is parsed into
    Python objects, so it is refused past :data:`MAX_JSON_OBJECTS_BYTES`.
    """
    data = _read_bytes(path)
    fast = numeric_json(data)
    if fast is not None:
        return fast
    if len(data) > MAX_JSON_OBJECTS_BYTES:
        raise InputError(f"{path.name}: a JSON input larger than {MAX_JSON_OBJECTS_BYTES // 2**20} MiB must "
                         "hold only numbers: a list of numbers or a list of equal-length lists of numbers")
    text = _decode(path, data)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path.name}: not valid JSON (line {err.lineno}, column {err.colno}: "
                         f"{err.msg})") from None
    except RecursionError:
        raise InputError(f"{path.name}: nested more than {MAX_JSON_DEPTH} lists deep") from None
    except ValueError as err:  # e.g. an integer literal with thousands of digits
        raise InputError(f"{path.name}: not usable JSON ({_one_line(err)})") from None
    if not isinstance(data, list):
        raise InputError(f"{path.name}: expected a list of steps, got a JSON {type(data).__name__}")
    if not data:
        raise InputError(f"{path.name}: no input steps (an empty list)")
    nested = isinstance(data[0], list)
    width = len(data[0]) if nested else None
    if len(data) * (width or 1) > MAX_VALUES:  # before a Python float per value is made
        raise InputError(f"{path.name}: more than the {MAX_VALUES} values allowed")
    rows = []
    for step, item in enumerate(data):
        if nested != isinstance(item, list):
            raise InputError(f"{path.name}: step {step}: mixes lists and numbers at the top level")
        values = item if nested else [item]
        if nested and len(values) != width:
            raise InputError(f"{path.name}: step {step} has {len(values)} values, step 0 has {width}")
        rows.append([_json_number(v, path.name, step, dim) for dim, v in enumerate(values)])
    return np.array(rows, dtype=np.float64)


def _json_number(value: Any, source: str, step: int, dim: int) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        shown = "a list (nested too deep)" if isinstance(value, list) else json.dumps(value)[:40]
        raise InputError(f"{source}: step {step}, dim {dim}: expected a number, got {shown}")
    try:
        return float(value)
    except OverflowError:
        raise InputError(f"{source}: step {step}, dim {dim}: number too large") from None


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__
