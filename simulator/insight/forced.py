"""Forced gates: the cells' own kernels, with chosen gate values overwritten each step.

The kernels take an optional ``force`` hook (:data:`simulator.core.cells.base.Forcer`), so a
forced run is the very loop :func:`simulator.run` uses; with nothing forced it reproduces
it bit for bit (a test checks it). A forced value replaces the gate's activation before
anything downstream reads it:

* LSTM: i, f, g, o right after the activations (with peepholes: i, f, g before ``c'``,
  o after the peephole term it receives from ``c'``);
* GRU: r and z right after their sigmoid, before the candidate reads r; n after its tanh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.trace import Trace

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
    if not cell.gate_names:
        raise InputError(f"a {cell.kind.upper()} has no gates to force")
    cell.kernel(trace, start, stop, force=_forcer(forces))
