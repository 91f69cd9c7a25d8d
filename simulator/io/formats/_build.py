"""From canonical arrays to a Cell: the kind from the block count, options, limits, the info line."""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from simulator.core.cells import CELL_CLASSES, Cell
from simulator.core.errors import InputError
from simulator.io.formats._guard import MAX_INPUTS, MAX_UNITS, LazyArray

__all__ = ["KIND_BY_BLOCKS", "LOAD_OPTIONS", "NAMES", "block_count", "build_cell", "check_input_size",
           "check_options", "expect", "info_line", "permute_blocks", "read_metadata"]

KIND_BY_BLOCKS = {1: "rnn", 3: "gru", 4: "lstm"}
LOAD_OPTIONS = {"nonlinearity", "reset_after", "dtype", "module"}
NAMES = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}


def check_options(options: dict[str, Any]) -> None:
    """Refuse load options this package does not know."""
    unknown = sorted(set(options) - LOAD_OPTIONS)
    if unknown:
        known = ", ".join(sorted(LOAD_OPTIONS))
        raise InputError(f"unknown load option(s) {', '.join(unknown)}; known: {known}")


def block_count(rows: int, hidden: int, what: str) -> int:
    """G from a (G·H, ·) weight: 1 (RNN), 3 (GRU) or 4 (LSTM); InputError otherwise."""
    if hidden < 1 or hidden > MAX_UNITS:
        raise InputError(f"{what}: {hidden} hidden units; the simulator takes 1 to {MAX_UNITS}")
    blocks, rest = divmod(rows, hidden)
    if rest or blocks not in KIND_BY_BLOCKS:
        raise InputError(f"{what}: {rows} gate rows for {hidden} units is not H (RNN), 3H (GRU) or 4H (LSTM)")
    return blocks


def check_input_size(size: int, what: str) -> None:
    """Refuse an input size of 0 or above the limit before reading any data."""
    if not 1 <= size <= MAX_INPUTS:
        raise InputError(f"{what}: input size {size}; the simulator takes 1 to {MAX_INPUTS}")


def expect(arr: LazyArray | None, shape: tuple[int, ...], what: str) -> np.ndarray | None:
    """Read ``arr`` after checking its declared shape; None passes through."""
    if arr is None:
        return None
    if arr.shape != shape:
        raise InputError(f"{what} {arr.name!r}: expected shape {shape}, got {arr.shape}")
    return arr.read()


def permute_blocks(arr: np.ndarray, order: list[int]) -> np.ndarray:
    """Reorder the gate blocks stacked along axis 0 of a (G·H, ...) array."""
    blocks = len(order)
    hidden = arr.shape[0] // blocks
    return arr.reshape(blocks, hidden, *arr.shape[1:])[order].reshape(arr.shape)


def read_metadata(text: str | None) -> dict[str, Any]:
    """Cell options this package stored in a file (JSON), or {} when absent or unusable."""
    if not text:
        return {}
    try:
        meta = json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return {}
    if not isinstance(meta, dict):
        return {}
    keep: dict[str, Any] = {}
    if meta.get("nonlinearity") in ("tanh", "relu"):
        keep["nonlinearity"] = meta["nonlinearity"]
    if isinstance(meta.get("reset_after"), bool):
        keep["reset_after"] = meta["reset_after"]
    return keep


def build_cell(kind: str, params: dict[str, np.ndarray | None], options: dict[str, Any],
               defaults: dict[str, Any] | None = None) -> Cell:
    """A cell of ``kind`` from canonical (PyTorch-layout) arrays.

    Parameters
    ----------
    kind : {"rnn", "lstm", "gru"}
    params : dict
        ``weight_ih`` (G·H, D), ``weight_hh`` (G·H, H), ``bias_ih`` / ``bias_hh`` (G·H,) or None,
        and for the LSTM optionally ``weight_peephole`` (3, H).
    options : dict
        The caller's load options; ``nonlinearity`` / ``reset_after`` win over ``defaults``.
    defaults : dict, optional
        What the file says (or implies) about ``nonlinearity`` and ``reset_after``.
    """
    settings = dict(defaults or {})
    settings.update({k: options[k] for k in ("nonlinearity", "reset_after") if k in options})
    extra: dict[str, Any] = {}
    if kind == "rnn":
        extra["nonlinearity"] = settings.get("nonlinearity", "tanh")
    elif "nonlinearity" in options:
        raise InputError(f"the nonlinearity option applies to an RNN, but this file holds a {NAMES[kind]}")
    if kind == "gru":
        extra["reset_after"] = bool(settings.get("reset_after", True))
    elif "reset_after" in options:
        raise InputError(f"the reset_after option applies to a GRU, but this file holds a {NAMES[kind]}")
    peephole = params.pop("weight_peephole", None)
    if peephole is not None:
        extra["weight_peephole"] = peephole
    try:
        dtype = np.dtype(options.get("dtype", np.float64))
    except TypeError:
        raise InputError(f"dtype must be float32 or float64, not {options.get('dtype')!r}") from None
    return CELL_CLASSES[kind](**params, dtype=dtype, **extra)


def info_line(cell: Cell, source: str, where: str = "", notes: tuple[str, ...] = ()) -> str:
    """One line for people: ``"LSTM, 8 inputs, 32 units, layer 0 of 2 (PyTorch)"`` plus notes."""
    text = cell.describe() + (f", {where}" if where else "") + f" ({source})"
    return "; ".join((text, *[n for n in notes if n]))
