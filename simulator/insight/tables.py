"""Write a table of aligned columns (compare runs, memory curves) as CSV, JSON or NPZ, atomically.

The same conventions as :mod:`simulator.io.export`: floats as ``repr`` (exact round trip),
``# key: value`` metadata lines atop a CSV, ``{"metadata", "arrays"}`` in JSON, and a 0-d
``metadata`` string array in the NPZ (``np.load(path, allow_pickle=False)``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from simulator.core.errors import InputError
from simulator.io.atomic import atomic_write

__all__ = ["TABLE_FORMATS", "table_format", "write_table"]

TABLE_FORMATS = {".csv": "csv", ".json": "json", ".npz": "npz"}


def table_format(path: str | os.PathLike[str]) -> str:
    """``"csv"``, ``"json"`` or ``"npz"`` from the extension; :class:`InputError` otherwise."""
    fmt = TABLE_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(f"cannot write {Path(path).name}: use a .csv, .json or .npz file name")
    return fmt


def write_table(path: str | os.PathLike[str], columns: dict[str, np.ndarray], metadata: dict[str, Any],
                index: str = "step") -> Path:
    """Write ``columns`` (each (T,) or (T, n), the same T) with ``metadata``.

    Parameters
    ----------
    path : str or os.PathLike
        ``.csv`` (one row per index value; a (T, n) column becomes ``name_0 … name_{n−1}``),
        ``.json`` or ``.npz`` (arrays by name).
    columns : dict of str to ndarray
    metadata : dict
        JSON-ready values.
    index : str
        The name of the CSV's first column (0 … T − 1).

    Returns
    -------
    Path
    """
    path = Path(path)
    fmt = table_format(path)
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise InputError(f"cannot write {path.name}: columns of different lengths {sorted(lengths)}")
    if fmt == "npz":
        arrays = {k: np.ascontiguousarray(v) for k, v in columns.items()}
        with atomic_write(path, binary=True) as f:
            np.savez(f, **arrays, metadata=np.array(json.dumps(metadata, ensure_ascii=False)))
    elif fmt == "json":
        doc = {"metadata": metadata, "arrays": {k: np.asarray(v).tolist() for k, v in columns.items()}}
        with atomic_write(path, binary=False) as f:
            json.dump(doc, f, ensure_ascii=False)
    else:
        with atomic_write(path, binary=False, newline="") as f:
            for key, value in metadata.items():
                f.write(f"# {key}: {value if isinstance(value, str) else json.dumps(value)}\n")
            cols = [(k, np.asarray(v, dtype=np.float64).reshape(len(v), -1)) for k, v in columns.items()]
            names = [k if v.shape[1] == 1 and np.ndim(columns[k]) == 1 else f"{k}_{j}"
                     for k, v in cols for j in range(v.shape[1])]
            f.write(",".join([index, *names]) + "\n")
            table = np.concatenate([v for _, v in cols], axis=1) if cols else np.zeros((0, 0))
            for t, row in enumerate(table.tolist()):
                f.write(f"{t}," + ",".join(map(repr, row)) + "\n")
    return path
