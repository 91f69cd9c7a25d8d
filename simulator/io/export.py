"""Trace writers: CSV (wide and long), NPZ and JSON, each with the run's metadata.

Every file is written atomically (a temporary file beside the target, then
``os.replace``) and every float is written so it reads back bit for bit
(``repr``, the shortest string that round-trips).

NPZ contract (scripts depend on it): ``x`` (T, D), ``h`` (T, H), ``h0`` (H,);
LSTM also ``c`` (T, H), ``c0`` (H,) and ``i f g o`` (T, H); GRU ``r z n`` (T, H);
with gradients ``dhT_dh`` (T,) and, for the LSTM, ``dcT_dc`` (T,); and
``metadata``, a 0-d unicode array holding a JSON object. Row ``t`` is the
state after consuming ``x[t]``; a reverse cell (``metadata["direction"]``) consumes the
inputs last step first, so its ``x`` is the inputs reversed (the order consumed).
It loads with ``np.load(path, allow_pickle=False)``.

A run that overflowed (a relu RNN) holds inf or NaN: CSV writes ``inf`` / ``nan``
and JSON ``Infinity`` / ``NaN`` (Python's and JavaScript's spelling, not strict JSON).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import numpy as np

import simulator
from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.trace import Trace
from simulator.io.atomic import atomic_write
from simulator.io.inputs.readers import load_npz_arrays

__all__ = ["FORMATS", "export_trace", "output_format", "read_trace_npz", "trace_metadata"]

FORMATS = ("npz", "csv", "csv-long", "json")
GRADIENT_NAMES = ("dhT_dh", "dcT_dc")
_SUFFIXES = {".npz": "npz", ".csv": "csv", ".json": "json"}


def _convention(cell: Cell) -> str:
    opts = cell.options()
    if cell.kind == "rnn":
        return f"h' = {opts['nonlinearity']}(W_ih x + b_ih + W_hh h + b_hh)"
    if cell.kind == "lstm":
        has_peep = getattr(cell, "weight_peephole", None) is not None
        peep = " (peepholes: i, f see c; o sees c')" if has_peep else ""
        return f"gate blocks i, f, g, o{peep}; c' = f ⊙ c + i ⊙ g; h' = o ⊙ tanh(c')"
    where = "after" if opts["reset_after"] else "before"
    return f"gate blocks r, z, n; reset applied {where} the recurrent matmul; h' = (1 − z) ⊙ n + z ⊙ h"


def trace_metadata(cell: Cell, trace: Trace, gradients: Iterable[str] = ()) -> dict[str, Any]:
    """What every export carries: kind, convention, sizes, dtype, steps, weights SHA-256, version, time.

    ``gradients`` names the gradient arrays written beside the trace.
    """
    return {
        "format": "gatescope-trace", "format_version": 1, "gatescope_version": simulator.__version__,
        "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "kind": cell.kind, "layout": "pytorch", "convention": _convention(cell), **cell.options(),
        "input_size": cell.input_size, "hidden_size": cell.hidden_size, "dtype": cell.dtype.name,
        "steps": trace.length, "gates": list(trace.gate_names), "weights_sha256": cell.sha256(),
        "direction": cell.direction, "gradients": list(gradients),
        "rows": "row t is the state after consuming x[t]" + (
            "; a reverse cell consumes the inputs last step first, so x is in that order"
            if cell.direction == "reverse" else ""),
    }


def _arrays(cell: Cell, trace: Trace, gradients: dict[str, Any] | None) -> dict[str, np.ndarray]:
    """The NPZ contract's arrays, checked against the cell."""
    if (trace.kind, trace.input_size, trace.hidden_size) != (cell.kind, cell.input_size, cell.hidden_size):
        raise InputError(f"export: the trace ({trace.kind}, D={trace.input_size}, H={trace.hidden_size}) "
                         f"does not belong to the cell ({cell.describe()})")
    out = {k: np.ascontiguousarray(v) for k, v in trace.arrays().items()}
    for name, value in (gradients or {}).items():
        if name not in GRADIENT_NAMES or (name == "dcT_dc" and not cell.has_cell):
            continue  # only the contract's names are written
        arr = np.asarray(value, dtype=np.float64)
        if arr.shape != (trace.length,):
            raise InputError(f"export: gradient {name} has shape {arr.shape}, expected ({trace.length},)")
        out[name] = arr
    return out


def export_trace(cell: Cell, trace: Trace, path: str | os.PathLike[str], format: str | None = None,  # noqa: A002
                 *, gradients: dict[str, Any] | None = None, long: bool = False,
                 metadata: dict[str, Any] | None = None) -> Path:
    """Write ``trace`` with its metadata to ``path``, atomically.

    Parameters
    ----------
    cell : Cell
        The cell that produced the trace (for the metadata).
    trace : Trace
        T steps.
    path : str or os.PathLike
    format : {"npz", "csv", "csv-long", "json"}, optional
        Inferred from the extension (``.npz``, ``.csv``, ``.json``) when omitted.
    gradients : dict, optional
        ``dhT_dh`` (T,) and, for the LSTM, ``dcT_dc`` (T,).
    long : bool
        For CSV: one ``step, quantity, unit, value`` row per number instead of one row per step.
    metadata : dict, optional
        Extra JSON-ready entries added to the metadata (e.g. a branch's ``divergence_step``).

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InputError
        Unknown format or extension, a trace that does not match the cell, or a failed write
        (the previous file, if any, is left untouched).
    """
    path = Path(path)
    fmt = output_format(path, format, long=long)
    arrays = _arrays(cell, trace, gradients)
    meta = trace_metadata(cell, trace, [k for k in arrays if k in GRADIENT_NAMES])
    meta.update(metadata or {})
    if fmt == "npz":
        with atomic_write(path, binary=True) as f:
            np.savez(f, **arrays, metadata=np.array(json.dumps(meta, ensure_ascii=False)))
    elif fmt == "json":
        doc = {"metadata": meta, "arrays": {k: v.tolist() for k, v in arrays.items()}}
        with atomic_write(path, binary=False) as f:
            json.dump(doc, f, ensure_ascii=False)
    else:
        with atomic_write(path, binary=False, newline="") as f:
            _write_comments(f, meta, arrays)
            (_write_csv_long if fmt == "csv-long" else _write_csv_wide)(f, arrays)
    return path


def output_format(path: str | os.PathLike[str], format: str | None = None, *,  # noqa: A002
                  long: bool = False) -> str:
    """The format :func:`export_trace` would write: one of :data:`FORMATS`.

    Raises
    ------
    InputError
        An unknown format, or no format given and an extension other than .npz, .csv, .json.
    """
    fmt = format or _SUFFIXES.get(Path(path).suffix.lower())
    if fmt not in FORMATS:
        shown = f"format {format!r}" if format else Path(path).name
        raise InputError(f"cannot export to {shown}: use a .npz, .csv or .json file name")
    if long and fmt not in ("csv", "csv-long"):
        raise InputError(f"the long layout is for CSV only, not {Path(path).name}")
    return "csv-long" if long else fmt


def _fmt(values: list[float]) -> str:
    return ",".join(map(repr, values))


def _write_comments(f: IO[str], meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """``# key: value`` lines: strings as they are, anything else as JSON; then h0 (and c0)."""
    for key, value in meta.items():
        f.write(f"# {key}: {value if isinstance(value, str) else json.dumps(value)}\n")
    for key in ("h0", "c0"):
        if key in arrays:
            f.write(f"# {key}: [{_fmt(arrays[key].tolist())}]\n")


def _columns(arrays: dict[str, np.ndarray]) -> list[tuple[str, np.ndarray]]:
    """(quantity, (T, n) array) in file order: x, h, c, the gates, then gradients."""
    return [(k, v.reshape(len(v), -1)) for k, v in arrays.items() if k not in ("h0", "c0")]


def _write_csv_wide(f: IO[str], arrays: dict[str, np.ndarray]) -> None:
    cols = _columns(arrays)
    names = [k if v.shape[1] == 1 and k in GRADIENT_NAMES else f"{k}_{j}" for k, v in cols
             for j in range(v.shape[1])]
    f.write("step," + ",".join(names) + "\n")
    table = np.concatenate([v.astype(np.float64) for _, v in cols], axis=1)
    for t, row in enumerate(table.tolist()):
        f.write(f"{t},{_fmt(row)}\n")


def _write_csv_long(f: IO[str], arrays: dict[str, np.ndarray]) -> None:
    cols = _columns(arrays)
    f.write("step,quantity,unit,value\n")
    rows = [(k, v.astype(np.float64).tolist()) for k, v in cols]
    for t in range(len(cols[0][1])):
        f.write("".join(f"{t},{k},{j},{val!r}\n" for k, vals in rows for j, val in enumerate(vals[t])))


def read_trace_npz(path: str | os.PathLike[str]) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Load a trace written by :func:`export_trace` (no pickles; every array checked).

    Returns
    -------
    arrays : dict of str to ndarray
        The NPZ contract's arrays (``x`` (T, D), ``h`` (T, H), ``h0`` (H,), ...).
    metadata : dict
    """
    name = Path(path).name
    arrays = load_npz_arrays(path)
    raw = arrays.pop("metadata", None)
    if raw is None or raw.shape != () or raw.dtype.kind != "U":
        raise InputError(f"{name}: not a GateScope trace (no metadata)")
    try:
        meta = json.loads(str(raw))
    except ValueError:
        raise InputError(f"{name}: its metadata is not valid JSON") from None
    if not isinstance(meta, dict) or meta.get("kind") not in ("rnn", "lstm", "gru"):
        raise InputError(f"{name}: not a GateScope trace (unknown cell kind)")
    T, D, H = meta.get("steps"), meta.get("input_size"), meta.get("hidden_size")
    expected = {"x": (T, D), "h": (T, H), "h0": (H,)}
    expected.update(dict.fromkeys(meta.get("gates", []), (T, H)))
    if meta["kind"] == "lstm":
        expected.update(c=(T, H), c0=(H,))
    expected.update(dict.fromkeys(meta.get("gradients", []), (T,)))
    for key, shape in expected.items():
        if key not in arrays:
            raise InputError(f"{name}: array {key!r} is missing")
        if arrays[key].shape != shape or arrays[key].dtype.kind != "f":
            raise InputError(f"{name}: array {key!r} has shape {arrays[key].shape}, expected {shape}")
    return arrays, meta
