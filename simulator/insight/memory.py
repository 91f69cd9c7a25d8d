"""The memory test: feed a pulse, then blanks; how much of it is still in the state at each delay.

Two runs from the same initial state: the *pulse* run sees ``background + pulse`` at step
``t0 = pulse_at`` and the *baseline* run sees the background alone (blanks, zeros, unless a
background is given). Their difference isolates what the pulse left behind:

    curve[d] = ‖s_pulse(t0 + d) − s_base(t0 + d)‖₂ / ‖s_pulse(t0) − s_base(t0)‖₂,   d = 0 … L

with the state ``s = h`` for the RNN and GRU and ``s = [h; c]`` for the LSTM (the value an
LSTM stores lives in ``c``; ``h = o ⊙ tanh(c)`` is only what it shows). ``curve_h`` is the
same with ``s = h`` for every kind. A pulse that moves nothing (norm 0 at d = 0) gives a
curve of zeros: nothing was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.simulation import run, validate_inputs
from simulator.core.trace import Trace

__all__ = ["MemoryResult", "memory_curve"]


@dataclass
class MemoryResult:
    """The memory curve of one cell.

    Attributes
    ----------
    pulse_at : int
        t0, the step of the pulse.
    norms : ndarray of float64, shape (L + 1,)
        ``‖s_pulse − s_base‖₂`` at delays 0 … L, not normalised (s = [h; c] for the LSTM).
    curve : ndarray of float64, shape (L + 1,)
        ``norms / norms[0]``.
    curve_h : ndarray of float64, shape (L + 1,)
        The same from h alone.
    pulse_trace, base_trace : Trace
        The two runs, ``t0 + L + 1`` steps each.
    """

    pulse_at: int
    norms: np.ndarray
    curve: np.ndarray
    curve_h: np.ndarray
    pulse_trace: Trace
    base_trace: Trace

    @property
    def delays(self) -> np.ndarray:
        """0 … L, shape (L + 1,)."""
        return np.arange(len(self.curve))

    def delay_below(self, threshold: float = 0.1, h_only: bool = False) -> int | None:
        """The first delay at which the curve is below ``threshold`` (None: never within L)."""
        curve = self.curve_h if h_only else self.curve
        below = np.flatnonzero(curve < threshold)
        return int(below[0]) if below.size else None


def _normalised(norms: np.ndarray) -> np.ndarray:
    if norms[0] == 0.0 or not np.isfinite(norms[0]):
        return np.zeros_like(norms) if norms[0] == 0.0 else np.full_like(norms, np.nan)
    return norms / norms[0]


def memory_curve(cell: Cell, pulse_at: int = 5, length: int = 200, amplitude: float = 1.0,
                 input_dim: int = 0, state: dict[str, Any] | None = None, *,
                 pulse: Any = None, background: Any = None) -> MemoryResult:
    """Run the memory test on ``cell``.

    Parameters
    ----------
    cell : Cell
    pulse_at : int
        t0 ≥ 0: the step of the pulse (earlier steps let a biased state settle).
    length : int
        L ≥ 0: the delays measured after the pulse.
    amplitude : float
        The pulse's value on ``input_dim`` when no ``pulse`` vector is given.
    input_dim : int
        The input dimension that carries the pulse.
    state : dict, optional
        The initial state of both runs.
    pulse : array_like, shape (D,), optional
        The whole input vector added at t0, e.g. ``[0.8, 1.0]`` for a value plus a write cue.
    background : array_like, shape (t0 + L + 1, D), optional
        What both runs see (zeros by default); the pulse is added to it at t0.

    Returns
    -------
    MemoryResult
    """
    D = cell.input_size
    if not isinstance(pulse_at, int) or not isinstance(length, int) or pulse_at < 0 or length < 0:
        raise InputError(f"memory test: pulse_at and length must be whole numbers ≥ 0, "
                         f"not {pulse_at}, {length}")
    T = pulse_at + length + 1
    if pulse is None:
        if not 0 <= input_dim < D:
            raise InputError(f"memory test: input_dim {input_dim} outside 0..{D - 1}")
        vector = np.zeros(D)
        vector[input_dim] = amplitude
    else:
        vector = np.asarray(pulse, dtype=np.float64).reshape(-1)
        if vector.size != D:
            raise InputError(f"memory test: the pulse has {vector.size} values but the cell takes {D} inputs")
        vector = validate_inputs(vector[None], D)[0]
    base = np.zeros((T, D)) if background is None else validate_inputs(background, D)
    if len(base) != T:
        raise InputError(f"memory test: the background has {len(base)} steps, expected {T}")
    pulsed = base.copy()
    pulsed[pulse_at] += vector
    tp, tb = run(cell, pulsed, state), run(cell, base, state)
    dh = tp.h[pulse_at:].astype(np.float64) - tb.h[pulse_at:]
    norm_h = np.linalg.norm(dh, axis=1)
    if cell.has_cell:
        dc = tp.c[pulse_at:].astype(np.float64) - tb.c[pulse_at:]
        norms = np.sqrt(norm_h ** 2 + np.linalg.norm(dc, axis=1) ** 2)
    else:
        norms = norm_h
    return MemoryResult(pulse_at, norms, _normalised(norms), _normalised(norm_h), tp, tb)
