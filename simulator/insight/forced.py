"""Kernels with forced gates: the cells' own loops, with chosen gate values overwritten each step.

Each loop mirrors the cell's kernel operation for operation (the same prepared, halved
weights, the same block-aligned input projection, the same in-place ufunc order), so
with nothing forced it reproduces :func:`simulator.run` bit for bit; a test checks it.
A forced value replaces the gate's activation before anything downstream reads it:

* LSTM: i, f, g, o right after the activations (with peepholes: i, f, g before ``c'``,
  o after the peephole term it receives from ``c'``);
* GRU: r and z right after their sigmoid, before the candidate reads r; n after its tanh.

The cells' own kernels are untouched, so their speed is too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from simulator.cells import Cell
from simulator.cells.base import project_inputs
from simulator.errors import InputError
from simulator.trace import Trace

__all__ = ["ActiveForce", "run_forced"]


@dataclass(frozen=True)
class ActiveForce:
    """One forced gate resolved to trace columns.

    Attributes
    ----------
    gate : str
        PyTorch letter (``"f"``, ``"z"`` …).
    columns : ndarray of int, shape (k,)
        Columns of the trace's gate block (engine order) to overwrite.
    value : float
    start, stop : int
        Steps ``start ≤ t < stop`` are forced.
    """

    gate: str
    columns: np.ndarray
    value: float
    start: int
    stop: int


def _forcer(forces: Sequence[ActiveForce]):
    """``apply(row, t, letters)``: overwrite the forced columns of ``letters`` in ``row`` at step t."""
    def apply(row: np.ndarray, t: int, letters: str) -> None:
        for f in forces:
            if f.gate in letters and f.start <= t < f.stop:
                row[f.columns] = f.value
    return apply


def run_forced(cell: Cell, trace: Trace, start: int, forces: Sequence[ActiveForce]) -> None:
    """Recompute rows ``start`` … T − 1 of ``trace`` in place with ``forces`` applied.

    Parameters
    ----------
    cell : LSTMCell or GRUCell
        The cell whose parameters drive the steps (any weight edits already applied).
    trace : Trace
        Inputs filled for all T steps and rows before ``start`` computed.
    start : int
    forces : sequence of ActiveForce
    """
    stop = trace.length
    if start >= stop:
        return
    apply = _forcer(forces)
    if cell.kind == "lstm":
        _lstm(cell, trace, start, stop, apply)
    elif cell.kind == "gru":
        _gru(cell, trace, start, stop, apply)
    else:
        raise InputError(f"a {cell.kind.upper()} has no gates to force")


def _lstm(cell: Cell, trace: Trace, start: int, stop: int, apply) -> None:
    H = cell.hidden_size
    gs = trace._g[start:stop]
    w_ih, bias, w_t = cell._prepared()
    project_inputs(trace._x, w_ih, bias, gs, start, stop)
    h, c = trace.state_before(start)
    tmp, ig = np.empty(4 * H, cell.dtype), np.empty(H, cell.dtype)
    peep = cell.weight_peephole
    if peep is not None:
        p_if, p_o = 0.5 * peep[:2], 0.5 * peep[2]
        pc, po = np.empty((2, H), cell.dtype), np.empty(H, cell.dtype)
    dot, tanh, mul, add = np.dot, np.tanh, np.multiply, np.add
    for k, t in enumerate(range(start, stop)):
        row, h_out, c_out = gs[k], trace._h[t], trace._c[t]
        i, f, o, g = row[:H], row[H:2 * H], row[2 * H:3 * H], row[3 * H:]
        dot(h, w_t, out=tmp)
        add(row, tmp, out=row)
        if peep is None:
            tanh(row, out=row)
            sig = row[: 3 * H]
            mul(sig, 0.5, out=sig)
            add(sig, 0.5, out=sig)
            apply(row, t, "ifgo")
        else:  # the order of LSTMCell._peephole_loop
            if_ = row[: 2 * H]
            mul(p_if, c, out=pc)
            add(if_, pc.reshape(-1), out=if_)
            tanh(if_, out=if_)
            mul(if_, 0.5, out=if_)
            add(if_, 0.5, out=if_)
            tanh(g, out=g)
            apply(row, t, "ifg")
        mul(f, c, out=c_out)
        mul(i, g, out=ig)
        add(c_out, ig, out=c_out)
        if peep is not None:
            mul(p_o, c_out, out=po)
            add(o, po, out=o)
            tanh(o, out=o)
            mul(o, 0.5, out=o)
            add(o, 0.5, out=o)
            apply(row, t, "o")
        tanh(c_out, out=h_out)
        mul(h_out, o, out=h_out)
        h, c = h_out, c_out


def _gru(cell: Cell, trace: Trace, start: int, stop: int, apply) -> None:
    H = cell.hidden_size
    gs = trace._g[start:stop]
    w_ih, bias, w_t = cell._prepared()
    project_inputs(trace._x, w_ih, bias, gs, start, stop)
    h = trace.state_before(start)[0]
    b_hn = cell.bias_hh[2 * H:]
    tmp, rh = np.empty(3 * H, cell.dtype), np.empty(H, cell.dtype)
    t_rz, t_n = tmp[: 2 * H], tmp[2 * H:]
    w_rz, w_n = np.ascontiguousarray(w_t[:, : 2 * H]), np.ascontiguousarray(w_t[:, 2 * H:])
    dot, tanh, mul, add, sub = np.dot, np.tanh, np.multiply, np.add, np.subtract
    for k, t in enumerate(range(start, stop)):
        row, out = gs[k], trace._h[t]
        rz, r, z, n = row[: 2 * H], row[:H], row[H:2 * H], row[2 * H:]
        if cell.reset_after:
            dot(h, w_t, out=tmp)
        else:
            dot(h, w_rz, out=t_rz)
        add(rz, t_rz, out=rz)
        tanh(rz, out=rz)
        mul(rz, 0.5, out=rz)
        add(rz, 0.5, out=rz)
        apply(row, t, "rz")
        if cell.reset_after:
            add(t_n, b_hn, out=t_n)
            mul(t_n, r, out=t_n)
        else:
            mul(r, h, out=rh)
            dot(rh, w_n, out=t_n)
        add(n, t_n, out=n)
        tanh(n, out=n)
        apply(row, t, "n")
        sub(h, n, out=out)
        mul(out, z, out=out)
        add(out, n, out=out)
        h = out
