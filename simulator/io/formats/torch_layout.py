"""PyTorch-named weights (state dicts): find the recurrent module, pick a layer, build the cell.

Names handled: cell names ``weight_ih`` … ``bias_hh`` (``nn.LSTMCell`` …), layer
names ``weight_ih_l{k}`` with an optional ``_reverse`` suffix (``nn.LSTM`` …),
each possibly behind a module prefix such as ``encoder.lstm.``.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.io.formats._build import (
    KIND_BY_BLOCKS,
    NAMES,
    LoadDetails,
    LoadInfo,
    ModuleChoiceError,
    assumed_settings,
    block_count,
    build_cell,
    check_input_size,
    expect,
    info_line,
)
from simulator.io.formats._guard import LazyArray

__all__ = ["is_torch_naming", "torch_arrays", "torch_cell"]

_PARAM = re.compile(r"^(?P<prefix>(?:.*\.)?)(?P<param>weight_ih|weight_hh|bias_ih|bias_hh|weight_hr"
                    r"|weight_peephole)(?:_l(?P<layer>\d+))?(?P<rev>_reverse)?$")

Groups = dict[str, dict[tuple[int | None, bool], dict[str, LazyArray]]]


def _modules(arrays: dict[str, LazyArray]) -> Groups:
    """Parameters grouped by module prefix (in file order), then by (layer, reverse)."""
    groups: Groups = {}
    for name, arr in arrays.items():
        m = _PARAM.match(name)
        if m is None:
            continue
        layer = None if m["layer"] is None else int(m["layer"])
        key = (layer, m["rev"] is not None)
        groups.setdefault(m["prefix"], {}).setdefault(key, {})[m["param"]] = arr
    return {p: g for p, g in groups.items() if any("weight_hh" in params for params in g.values())}


def is_torch_naming(names: list[str] | dict[str, Any]) -> bool:
    """True when some name is a PyTorch recurrent ``weight_hh`` (cell or layer form)."""
    return any((m := _PARAM.match(n)) is not None and m["param"] == "weight_hh" for n in names)


def torch_cell(arrays: dict[str, LazyArray], *, layer: int, direction: str, options: dict[str, Any],
               source: str, defaults: dict[str, Any] | None = None,
               ordered: bool = True) -> tuple[Cell, LoadInfo]:
    """The cell for one layer and direction of the first (or the named) recurrent module.

    Parameters
    ----------
    arrays : dict of str to LazyArray
        The state dict; shapes ``weight_ih`` (G·H, D), ``weight_hh`` (G·H, H), biases (G·H,).
    layer : int
        k in ``_l{k}``; must be 0 for cell-named weights.
    direction : {"forward", "reverse"}
    options : dict
        Load options (``module``, ``nonlinearity``, ``dtype``, ...).
    source : str
        Shown in the info line, e.g. ``"PyTorch safetensors"``.
    defaults : dict, optional
        Options the file's metadata stores.
    ordered : bool
        False when the file's names are not in the model's order (a safetensors header is
        alphabetical): with several modules and no ``module`` option the load is refused.

    Returns
    -------
    cell : Cell
    info : LoadInfo
    """
    modules = _modules(arrays)
    if not modules:
        raise InputError(f"no PyTorch recurrent weights (weight_hh…) found; names: {_some(arrays)}")
    names = [p[:-1] or "(top level)" for p in modules]
    if not ordered and len(modules) > 1 and options.get("module") is None:
        raise ModuleChoiceError(f"the file holds {len(modules)} recurrent modules ({', '.join(names)}) "
                                "listed alphabetically, not in the model's order; choose one with "
                                "--module NAME", names)
    prefix = _pick_module(modules, options.get("module"))
    group = modules[prefix]
    layers = sorted({k for k, _ in group if k is not None})
    if None in {k for k, _ in group}:
        if layer != 0:
            raise InputError(f"layer {layer} requested but {_label(prefix)} is a single cell (layer 0 only)")
        key: tuple[int | None, bool] = (None, False)
    else:
        if layer not in layers:
            raise InputError(f"layer {layer} not found in {_label(prefix)}; available layers: "
                             f"{', '.join(map(str, layers))}")
        key = (layer, False)
    if direction == "reverse":
        if (key[0], True) not in group:
            raise InputError(f"{_label(prefix)} has no reverse direction (not bidirectional)")
        key = (key[0], True)
    params = group[key]
    if "weight_hr" in params:
        raise InputError(f"{_label(prefix)} uses proj_size ({params['weight_hr'].name}); LSTM projections "
                         "are not supported by the simulator")
    cell = _cell_from(params, options, defaults or {})
    if key[1]:
        cell.direction = "reverse"
    where = []
    if key[0] is not None:
        where.append(f"layer {layer} of {len(layers)}")
    if key[1]:
        where.append("reverse direction (consumes the sequence last step first)")
    notes = []
    if prefix:
        notes.append(f"module '{prefix[:-1]}'")
    others = [p[:-1] or "(top level)" for p in modules if p != prefix]
    if others:
        notes.append(f"other recurrent modules: {', '.join(others)}")
    stored = dict(defaults or {})
    if cell.kind == "gru":  # PyTorch has one GRU convention: the reset after the matmul
        stored.setdefault("reset_after", True)
    details = LoadDetails(module=prefix[:-1] or None, modules=names, layer=key[0],
                          assumptions=assumed_settings(cell, options, stored, "PyTorch", "a state dict"))
    return cell, info_line(cell, source, ", ".join(where), tuple(notes), details)


def _cell_from(params: dict[str, LazyArray], options: dict[str, Any], defaults: dict[str, Any]) -> Cell:
    w_hh, w_ih = params["weight_hh"], params.get("weight_ih")
    if w_ih is None:
        raise InputError(f"{w_hh.name} has no matching weight_ih")
    if len(w_hh.shape) != 2 or len(w_ih.shape) != 2:
        raise InputError(f"{w_hh.name} {w_hh.shape} and {w_ih.name} {w_ih.shape} must both be matrices")
    GH, H = w_hh.shape
    G = block_count(GH, H, w_hh.name)
    check_input_size(w_ih.shape[1], w_ih.name)
    D = w_ih.shape[1]
    arrays = {"weight_ih": expect(w_ih, (GH, D), "input weight"),
              "weight_hh": expect(w_hh, (GH, H), "recurrent weight"),
              "bias_ih": expect(params.get("bias_ih"), (GH,), "input bias"),
              "bias_hh": expect(params.get("bias_hh"), (GH,), "recurrent bias")}
    kind = KIND_BY_BLOCKS[G]
    peep = params.get("weight_peephole")
    if peep is not None:
        if kind != "lstm":
            raise InputError(f"{peep.name}: peepholes belong to an LSTM, not a {NAMES[kind]}")
        arrays["weight_peephole"] = expect(peep, (3, H), "peephole weight")
    return build_cell(kind, arrays, options, defaults)


def _pick_module(modules: Groups, wanted: str | None) -> str:
    if wanted is None:
        return next(iter(modules))
    prefix = wanted.rstrip(".") + "." if wanted and wanted != "(top level)" else ""
    if prefix not in modules:
        names = ", ".join(p[:-1] or "(top level)" for p in modules)
        raise InputError(f"no recurrent module {wanted!r}; the file's recurrent modules: {names}")
    return prefix


def _label(prefix: str) -> str:
    return f"module '{prefix[:-1]}'" if prefix else "the weights"


def _some(arrays: dict[str, Any], count: int = 6) -> str:
    names = list(arrays)
    return ", ".join(names[:count]) + (f" … ({len(names)} in all)" if len(names) > count else "")


def torch_arrays(cell: Cell) -> dict[str, np.ndarray]:
    """The cell's parameters under ``nn.*Cell`` names (plus ``weight_peephole`` (3, H) if any)."""
    return {name: np.array(arr) for name, arr in cell.parameters().items() if arr is not None}
