"""Run a cell over a sequence, and keep a run up to date as inputs or weights change.

The whole known sequence is computed eagerly into a :class:`~simulator.core.trace.Trace`;
an edit at step ``t`` recomputes rows ``t`` onward only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.cells.base import as_float_array, check_finite, check_real
from simulator.core.errors import InputError
from simulator.core.trace import Trace

__all__ = ["CHUNK", "Simulation", "recompute", "run", "validate_inputs", "validate_state"]

CHUNK = 1024  # steps between progress reports (a multiple of the input-projection block)


def _input_array(inputs: Any, input_size: int) -> np.ndarray:
    arr = np.asarray(inputs)
    if arr.ndim == 1 and input_size == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2:
        raise InputError(f"inputs: expected a (steps, {input_size}) array, got shape {arr.shape}")
    if arr.shape[1] != input_size:
        raise InputError(f"inputs: each step has {arr.shape[1]} values but the cell takes {input_size}")
    check_real(arr, "inputs", arr.shape)
    return arr


def _check_inputs(x: np.ndarray) -> None:
    """Refuse NaN / inf in written inputs ``x`` (T, D), naming the step and the dimension."""
    try:
        check_finite(x, "inputs")
    except InputError as err:  # name the step and the dimension rather than an index tuple
        raise InputError(str(err).replace("at index (", "at (step, dim) (")) from None


def validate_inputs(inputs: Any, input_size: int, dtype: Any = np.float64) -> np.ndarray:
    """Check a sequence and return it as a (T, D) array of ``dtype``.

    A 1-D array is taken as T steps of a scalar input when D = 1.

    Raises
    ------
    InputError
        Not 2-D, the wrong D, or a NaN / inf (the step and dimension are named).
    """
    arr = _input_array(inputs, input_size)
    out = np.empty(arr.shape, np.dtype(dtype))
    with np.errstate(over="ignore"):  # a float64 beyond float32's range becomes inf, refused below
        out[...] = arr
    _check_inputs(out)
    return out


def validate_state(cell: Cell, state: dict[str, Any] | None) -> tuple[np.ndarray, np.ndarray | None]:
    """The initial (h0, c0) for ``cell`` from ``{"h": ..., "c": ...}``; zeros where absent."""
    state = state or {}
    unknown = set(state) - {"h", "c", "h0", "c0"}
    if unknown:
        raise InputError(f"initial state: unknown entries {sorted(unknown)}; expected h0 (and c0 for LSTM)")
    shape = (cell.hidden_size,)
    h = state.get("h", state.get("h0"))
    c = state.get("c", state.get("c0"))
    if c is not None and not cell.has_cell:
        raise InputError(f"initial state: a {cell.kind.upper()} has no cell state c0")
    h0 = np.zeros(shape, cell.dtype) if h is None else as_float_array(h, "h0", shape, cell.dtype)
    c0 = None
    if cell.has_cell:
        c0 = np.zeros(shape, cell.dtype) if c is None else as_float_array(c, "c0", shape, cell.dtype)
    return h0, c0


def recompute(cell: Cell, trace: Trace, start: int = 0,
              progress: Callable[[int, int], None] | None = None, stop: int | None = None) -> None:
    """Recompute rows ``start`` … ``stop − 1`` (to ``T − 1`` by default) of ``trace`` in place.

    Each row follows from the row before. ``progress(done, total)``, when given, is called after
    each chunk of :data:`CHUNK` steps (a long recompute can keep a window painting between
    chunks). Any split of the rows into consecutive calls or chunks is bit-identical to one
    uninterrupted run (the kernels project inputs in blocks aligned to step 0).
    """
    T = trace.length if stop is None else stop
    if not 0 <= start <= T <= trace.length:
        raise IndexError(f"rows {start}..{T} outside 0..{trace.length}")
    # Only a relu RNN can leave the float range (its true state grows without bound); it then
    # holds inf / NaN from that step on, as the exports document, without a warning.
    with np.errstate(over="ignore", invalid="ignore"):
        if progress is None:
            if start < T:
                cell.kernel(trace, start, T)
            if stop is not None:  # a slice of a longer settle: its summaries follow row by row
                trace.settle(T)
            return
        lo = start
        while lo < T:
            hi = min(T, (lo // CHUNK + 1) * CHUNK)
            cell.kernel(trace, lo, hi)
            trace.settle(hi)  # the running summaries follow, so the end leaves only a block to reduce
            lo = hi
            progress(lo - start, T - start)


def run(cell: Cell, inputs: Any, state: dict[str, Any] | None = None,
        progress: Callable[[int, int], None] | None = None) -> Trace:
    """Run ``cell`` over ``inputs`` (T, D) from ``state`` (zeros by default).

    ``progress(done, total)`` is reported as in :func:`recompute`. A cell whose
    ``direction`` is "reverse" consumes ``inputs`` last row first, as the framework's
    backward layer does: trace row t is then the state after consuming ``inputs[T-1-t]``,
    and ``trace.x`` holds the inputs in that consumed order.

    Returns
    -------
    Trace
        ``trace.h`` (T, H), ``trace.c`` (T, H) for the LSTM, ``trace.gates[letter]`` (T, H).
    """
    x = _input_array(inputs, cell.input_size)
    if getattr(cell, "direction", "forward") == "reverse":
        x = x[::-1]
    h0, c0 = validate_state(cell, state)
    trace = cell.new_trace(len(x))
    trace.write_inputs(0, x)  # straight into the trace: no second copy of a long sequence
    _check_inputs(trace.x)
    trace.h0[:] = h0
    if c0 is not None:
        trace.c0[:] = c0
    recompute(cell, trace, 0, progress)
    return trace


class Simulation:
    """A cell, its inputs and their trace, kept consistent under edits.

    Parameters
    ----------
    cell : Cell
    inputs : array_like, shape (T, D)
        In the caller's order; a reverse cell's trace (and every later edit's row index)
        is in the order consumed, see :func:`run`.
    state : dict, optional
        ``{"h": (H,), "c": (H,)}``.
    progress : callable, optional
        ``progress(done, total)`` during every recompute (see :func:`recompute`); an attribute,
        so a window can set it once for all later edits.
    """

    def __init__(self, cell: Cell, inputs: Any, state: dict[str, Any] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.cell = cell
        self.progress = progress
        self.trace = run(cell, inputs, state, progress)

    @property
    def length(self) -> int:
        """T, the number of steps."""
        return self.trace.length

    @property
    def inputs(self) -> np.ndarray:
        """The inputs (T, D) in the caller's order (``trace.x`` reversed for a reverse cell), a view."""
        x = self.trace.x
        return x[::-1] if self.cell.direction == "reverse" else x

    def set_inputs(self, start: int, rows: Any) -> None:
        """Overwrite inputs from step ``start`` with ``rows`` (n, D) and recompute from there."""
        rows = validate_inputs(rows, self.cell.input_size, self.cell.dtype)
        if start < 0 or start + len(rows) > self.length:
            raise IndexError(f"rows {start}..{start + len(rows) - 1} outside 0..{self.length - 1}")
        self.trace.write_inputs(start, rows)
        recompute(self.cell, self.trace, start, self.progress)

    def insert(self, start: int, rows: Any) -> None:
        """Insert ``rows`` (n, D) before step ``start`` (``start = T`` appends); recompute from there."""
        rows = validate_inputs(rows, self.cell.input_size, self.cell.dtype)
        if not 0 <= start <= self.length:
            raise IndexError(f"insert position {start} outside 0..{self.length}")
        self.trace.insert_inputs(start, rows)
        recompute(self.cell, self.trace, start, self.progress)

    def append(self, rows: Any) -> None:
        """Append ``rows`` (n, D) and compute only the new steps."""
        self.insert(self.length, rows)

    def delete(self, start: int, count: int = 1) -> None:
        """Delete ``count`` steps from ``start`` and recompute from there."""
        if start < 0 or count < 0 or start + count > self.length:
            raise IndexError(f"cannot delete {count} steps at {start} of {self.length}")
        self.trace.delete_inputs(start, count)
        recompute(self.cell, self.trace, start, self.progress)

    def set_state(self, state: dict[str, Any] | None) -> None:
        """Replace the initial state and recompute everything."""
        h0, c0 = validate_state(self.cell, state)
        self.trace.h0[:] = h0
        if c0 is not None:
            self.trace.c0[:] = c0
        recompute(self.cell, self.trace, 0, self.progress)

    def set_cell(self, cell: Cell) -> None:
        """Swap in new weights (same kind and sizes keep the trace arrays) and recompute."""
        same = (cell.kind == self.cell.kind and cell.input_size == self.cell.input_size
                and cell.hidden_size == self.cell.hidden_size and cell.dtype == self.cell.dtype)
        if not same:
            raise InputError("set_cell needs the same kind, sizes and dtype; build a new Simulation")
        if cell.direction != self.cell.direction:  # the trace keeps the inputs in the order consumed
            self.trace.write_inputs(0, self.trace.x[::-1].copy())
        self.cell = cell
        recompute(cell, self.trace, 0, self.progress)

    def set_parameter(self, name: str, index: Any, values: Any, recompute_now: bool = True) -> None:
        """Write ``cell.<name>[index] = values`` and recompute every step (a weight reaches all of them).

        ``recompute_now=False`` leaves the rows to the caller (a drag settles them in slices with
        :meth:`refresh`).
        """
        getattr(self.cell, name)[index] = values
        if recompute_now:
            recompute(self.cell, self.trace, 0, self.progress)

    def refresh(self, start: int = 0, stop: int | None = None) -> None:
        """Recompute from ``start`` after the cell's arrays were edited in place.

        With ``stop``, rows ``start`` … ``stop − 1`` only and no progress reports: a caller that
        settles a trace in slices (rows before ``start`` final) gets the rows of one full rerun.
        """
        recompute(self.cell, self.trace, start, self.progress if stop is None else None, stop)
