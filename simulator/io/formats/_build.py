"""From canonical arrays to a Cell: the kind from the block count, options, limits, the info line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from simulator.core.cells import CELL_CLASSES, Cell
from simulator.core.errors import InputError
from simulator.io.formats._guard import MAX_INPUTS, MAX_UNITS, LazyArray

__all__ = ["KIND_BY_BLOCKS", "LOAD_OPTIONS", "NAMES", "LoadDetails", "LoadInfo", "ModuleChoiceError",
           "assumed_settings",
           "block_count", "build_cell", "check_input_size", "check_options", "choose_module", "expect",
           "info_line", "permute_blocks", "read_metadata"]

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


@dataclass
class LoadDetails:
    """What a reader knows beyond the cell: where in the file it came from and what it assumed.

    Attributes
    ----------
    module : str or None
        The state-dict prefix, Keras layer or ONNX node name used (None: the file's only set).
    modules : list of str
        Every recurrent module in the file, by the model's own names, in the file's order.
    assumptions : list of str
        One plain sentence per setting that changes the numbers but the file does not record.
    layer : int or None
        The layer index used in a multi-layer module, else None.
    """

    module: str | None = None
    modules: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    layer: int | None = None


class LoadInfo(str):
    """The one-line description (a ``str``) with the load's facts as attributes.

    Attributes
    ----------
    kind : {"rnn", "lstm", "gru"}
    input_size, hidden_size : int
    source : str
        The framework and container, e.g. ``"PyTorch safetensors"``.
    module : str or None
    layer : int or None
    direction : {"forward", "reverse"}
        How the cell consumes a sequence (``cell.direction``).
    modules : tuple of str
        Every recurrent module found, by the model's names.
    assumptions : tuple of str
        Settings run with a framework default because the file does not record them.
    """

    kind: str
    input_size: int
    hidden_size: int
    source: str
    module: str | None
    layer: int | None
    direction: str
    modules: tuple[str, ...]
    assumptions: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The facts as JSON-ready data (for trace metadata and sessions)."""
        return {"kind": self.kind, "input_size": self.input_size, "hidden_size": self.hidden_size,
                "source": self.source, "module": self.module, "layer": self.layer,
                "direction": self.direction, "modules": list(self.modules),
                "assumptions": list(self.assumptions), "description": str(self)}


class ModuleChoiceError(InputError):
    """Several recurrent modules and no record of the model's order: the caller must name one.

    Attributes
    ----------
    modules : list of str
        The modules by the file's names (pass one as the ``module`` load option).
    """

    def __init__(self, message: str, modules: list[str]) -> None:
        super().__init__(message)
        self.modules = modules


def choose_module(names: list[str], layer: int, module: str | None, ordered: bool, what: str) -> int:
    """The index of the recurrent ``what`` (layer, node) named ``module``, else the ``layer``-th.

    ``ordered`` False (names not in the model's order) refuses a choice by index among several.
    """
    listed = ", ".join(names)
    if module is not None:
        if module not in names:
            raise InputError(f"no recurrent {what} {module!r}; the file's recurrent {what}s: {listed}")
        return names.index(module)
    if not ordered and len(names) > 1:
        raise ModuleChoiceError(f"the file holds {len(names)} recurrent {what}s ({listed}) but does not "
                                "record the model's order; choose one with --module NAME", names)
    if not 0 <= layer < len(names):
        raise InputError(f"layer {layer} not found; the file has {len(names)} recurrent {what}(s): {listed}")
    return layer


def assumed_settings(cell: Cell, options: dict[str, Any], stored: dict[str, Any], framework: str,
                     container: str) -> list[str]:
    """Sentences for the settings that change the numbers but neither the file nor the caller gave.

    ``stored`` holds what the file records or its shapes prove (``nonlinearity``, ``reset_after``).
    """
    known = options.keys() | stored.keys()
    out = []
    if cell.kind == "rnn" and "nonlinearity" not in known:
        out.append(f"nonlinearity not stored in {container}: assumed tanh ({framework}'s default); "
                   "pass --nonlinearity relu if the model used relu")
    if cell.kind == "gru" and "reset_after" not in known:
        out.append(f"reset_after not stored in {container} and its shapes cannot show it: assumed "
                   f"{'true' if cell.options()['reset_after'] else 'false'} ({framework}'s default); "
                   "pass --reset-after true|false to choose")
    return out


def info_line(cell: Cell, source: str, where: str = "", notes: tuple[str, ...] = (),
              details: LoadDetails | None = None) -> LoadInfo:
    """One line for people: ``"LSTM, 8 inputs, 32 units, layer 0 of 2 (PyTorch)"`` plus notes.

    The assumptions of ``details`` close the line; every fact is also an attribute of the result.
    """
    details = details or LoadDetails()
    text = cell.describe() + (f", {where}" if where else "") + f" ({source})"
    info = LoadInfo("; ".join((text, *[n for n in notes if n],
                               *(f"assumed: {a}" for a in details.assumptions))))
    info.kind, info.input_size, info.hidden_size = cell.kind, cell.input_size, cell.hidden_size
    info.source, info.module, info.layer = source, details.module, details.layer
    info.direction = cell.direction
    info.modules, info.assumptions = tuple(details.modules), tuple(details.assumptions)
    return info
