"""What if: branch a run at a step with forced gates, edited inputs or edited weights.

A branch leaves the original run at ``start``: rows before it are the original's, rows
from it on are recomputed with the branch's changes. With nothing forced the cells'
own kernels do the work; forced gates go through :mod:`simulator.insight.forced`,
which reproduces the kernels bit for bit when a force changes nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.simulation import validate_inputs, validate_state
from simulator.core.trace import Trace
from simulator.insight.forced import ActiveForce, run_forced

__all__ = ["Branch", "GateForce", "divergence", "run_branch"]

SIGMOID_GATES = frozenset("ifozr")  # values in [0, 1]; g and n are tanh, in [-1, 1]


@dataclass
class GateForce:
    """One gate held at a value for some units.

    Attributes
    ----------
    gate : str
        PyTorch letter: i f g o (LSTM) or r z n (GRU).
    value : float
        In [0, 1] for sigmoid gates, [−1, 1] for g and n.
    units : tuple of int or None
        None forces every unit.
    start, stop : int or None
        Forced for ``start ≤ t < stop``; ``start`` None means the branch's start,
        ``stop`` None the end of the run.
    """

    gate: str
    value: float
    units: tuple[int, ...] | None = None
    start: int | None = None
    stop: int | None = None


@dataclass
class Branch:
    """A named what-if: where it leaves the original run and what it changes.

    Attributes
    ----------
    name : str
    start : int
        The first step that may differ from the original.
    forced : list of GateForce
        A dict ``{gate: (units or None, value)}`` is accepted too and converted.
    inputs : dict of int to array_like, shape (D,)
        Replacement input rows by step (each ≥ ``start``).
    weights : dict of str to array_like
        Replacement parameters by PyTorch name (``weight_hh`` …), used from ``start`` on.
    """

    name: str = "branch"
    start: int = 0
    forced: list[GateForce] = field(default_factory=list)
    inputs: dict[int, Any] = field(default_factory=dict)
    weights: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if isinstance(self.forced, dict):
            self.forced = [GateForce(gate, float(value), None if units is None else tuple(units))
                           for gate, (units, value) in self.forced.items()]


def _resolve(cell: Cell, trace: Trace, branch: Branch, T: int) -> list[ActiveForce]:
    """Validate the forces against the cell and turn them into trace columns."""
    if branch.forced and not cell.gate_names:
        raise InputError(f"a {cell.kind.upper()} has no gates to force")
    H, out = cell.hidden_size, []
    for f in branch.forced:
        if f.gate not in cell.gate_names:
            gates = ", ".join(cell.gate_names)
            raise InputError(f"gate {f.gate!r}: the {cell.kind.upper()} has gates {gates}")
        lo, hi = (0.0, 1.0) if f.gate in SIGMOID_GATES else (-1.0, 1.0)
        if not (isinstance(f.value, (int, float)) and math.isfinite(f.value) and lo <= f.value <= hi):
            raise InputError(f"gate {f.gate}: value {f.value!r} outside [{lo:g}, {hi:g}]")
        units = np.arange(H) if f.units is None else np.asarray(f.units, dtype=np.int64)
        if units.size == 0 or units.min() < 0 or units.max() >= H or len(set(units.tolist())) != units.size:
            raise InputError(f"gate {f.gate}: units {list(f.units or [])} must be distinct, in 0..{H - 1}")
        start = branch.start if f.start is None else f.start
        stop = T if f.stop is None else f.stop
        if not branch.start <= start < stop <= T:
            raise InputError(f"gate {f.gate}: steps {start}..{stop - 1} outside the branch's "
                             f"{branch.start}..{T - 1}")
        columns = trace.gate_order.index(f.gate) * H + units
        out.append(ActiveForce(f.gate, columns, float(f.value), start, stop))
    return out


def _edited_cell(cell: Cell, weights: dict[str, Any]) -> Cell:
    """A copy of ``cell`` with parameters replaced (shapes and values checked by the cell)."""
    if not weights:
        return cell
    params = {k: v for k, v in cell.parameters().items() if v is not None}
    unknown = sorted(set(weights) - set(params))
    if unknown:
        raise InputError(f"weight edits: unknown parameters {unknown}; the cell has {sorted(params)}")
    params.update(weights)
    return type(cell)(**params, dtype=cell.dtype, **cell.options())


def _edited_inputs(cell: Cell, inputs: Any, branch: Branch) -> np.ndarray:
    x = validate_inputs(inputs, cell.input_size, cell.dtype)
    T = len(x)
    if not 0 <= branch.start < max(T, 1):
        raise InputError(f"branch start {branch.start} outside 0..{T - 1}")
    for step, row in branch.inputs.items():
        if not branch.start <= int(step) < T:
            raise InputError(f"input edit at step {step} outside the branch's {branch.start}..{T - 1}")
        x[int(step)] = validate_inputs(np.reshape(row, (1, -1)), cell.input_size, cell.dtype)[0]
    return x


def run_branch(cell: Cell, inputs: Any, state: dict[str, Any] | None, branch: Branch,
               original: Trace | None = None) -> Trace:
    """The branched run: the original up to ``branch.start``, then recomputed with the changes.

    Parameters
    ----------
    cell : Cell
        The original cell.
    inputs : array_like, shape (T, D)
        The original inputs (the branch's input edits are applied to a copy).
    state : dict, optional
        The initial state ``{"h": (H,), "c": (H,)}``.
    branch : Branch
    original : Trace, optional
        The original run, if at hand: its rows before ``start`` are copied, not recomputed.

    Returns
    -------
    Trace
        T steps; forced gates appear in ``trace.gates`` with their forced values.

    Raises
    ------
    InputError
        A gate the cell lacks, a value out of range, a unit or step out of range,
        an unknown parameter or a wrongly shaped edit.
    """
    x = _edited_inputs(cell, inputs, branch)
    T, start = len(x), branch.start
    edited = _edited_cell(cell, branch.weights)
    trace = cell.new_trace(T)
    trace.write_inputs(0, x)
    h0, c0 = validate_state(cell, state)
    trace.h0[:] = h0
    if c0 is not None:
        trace.c0[:] = c0
    forces = _resolve(cell, trace, branch, T)
    if original is not None and original.length == T and start > 0:
        for name in ("_h", "_c", "_g"):
            if getattr(trace, name) is not None:
                getattr(trace, name)[:start] = getattr(original, name)[:start]
    elif start > 0:
        cell.kernel(trace, 0, start)
    if forces:
        run_forced(edited, trace, start, forces)
    elif start < T:
        edited.kernel(trace, start, T)
    return trace


def divergence(trace_a: Trace, trace_b: Trace, atol: float = 0.0) -> tuple[int | None, np.ndarray]:
    """Where two runs of the same length part ways.

    Parameters
    ----------
    trace_a, trace_b : Trace
        T steps each, same H.
    atol : float
        Differences up to ``atol`` count as equal.

    Returns
    -------
    first : int or None
        The first step whose hidden state differs by more than ``atol`` (None: never).
    per_step : ndarray of float64, shape (T,)
        ``max_j |h_a[t, j] − h_b[t, j]|``.
    """
    if (trace_a.length, trace_a.hidden_size) != (trace_b.length, trace_b.hidden_size):
        raise InputError(f"cannot compare runs of {trace_a.length} and {trace_b.length} steps "
                         f"({trace_a.hidden_size} and {trace_b.hidden_size} units)")
    diff = np.abs(trace_a.h.astype(np.float64) - trace_b.h.astype(np.float64))
    per_step = diff.max(axis=1) if diff.size else np.zeros(trace_a.length)
    over = np.flatnonzero(per_step > atol)
    return (int(over[0]) if over.size else None), per_step
