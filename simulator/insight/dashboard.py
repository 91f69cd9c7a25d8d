"""The saturation and memory dashboard: gate saturation, memory timescales, W_hh's spectrum, Jacobians.

Every function reads a computed trace (or only the cell); none changes anything, and
all are recomputed when the trace changes, not on every frame.
"""

from __future__ import annotations

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.gradients import one_step_jacobian_norms
from simulator.core.trace import Trace

__all__ = ["EXPLANATIONS", "SIGMOID_GATES", "jacobian_norms", "recurrent_spectrum", "saturation",
           "timescales"]

SIGMOID_GATES = ("i", "f", "o", "r", "z")

EXPLANATIONS = {
    "saturation": (
        "For each gate, the fraction of units that are saturated at each step: a sigmoid gate "
        "(i, f, o, r, z) below 0.1 or above 0.9, a tanh quantity (g, n, and h when it is a tanh) "
        "with |value| above 0.9. A saturated gate acts as a switch, fully open or fully shut, and "
        "its gradient is nearly zero, so it is hard to train out of that state. Karpathy, Johnson "
        "and Fei-Fei (2015, 'Visualizing and understanding recurrent networks') found trained LSTMs "
        "keep many forget gates right-saturated (near 1): units that remember for long stretches. "
        "Read a curve near 1 as 'this gate has made up its mind', near 0 as 'it is still weighing'."),
    "timescales": (
        "Per unit, the number of steps over which its memory decays by a factor e: −1 / ln f̄, with f̄ "
        "the unit's mean forget gate over the run (LSTM) or its mean update gate z̄ (GRU, where z = 1 "
        "keeps the old state). A gate held at f multiplies what is stored by f at every step, so "
        "after n steps f^n = e^(−n/τ) is left. f̄ = 0.5 gives 1.4 steps, 0.9 gives 9.5, 0.99 gives "
        "99.5; f̄ = 1 never forgets (infinite). It is an average: input-driven gates forget at "
        "different speeds at different steps. A plain RNN has no gate to read it from (None)."),
    "spectrum": (
        "The spectral radius (largest |eigenvalue|) and singular values of the recurrent weights "
        "W_hh, per gate block for the LSTM and GRU. For a tanh RNN, a radius below 1 means the state "
        "and the gradient shrink at every step whatever the input (it forgets; gradients vanish); "
        "a largest singular value above 1 is needed for them to grow (explode). The gated cells' "
        "blocks feed gates rather than the state directly, so read them as how strongly each gate "
        "listens to the previous h."),
    "jacobian": (
        "The norm of the one-step Jacobian ∂h[t]/∂h_t at each step (for the LSTM with c held fixed): "
        "how much one step stretches (> 1) or shrinks (< 1) a gradient passing back through it. "
        "The gradient over many steps is the product of these; a run of values below 1 is the "
        "vanishing gradient, above 1 the exploding one. Saturated units contribute almost nothing "
        "(tanh′ ≈ 0), so the curve dips where the saturation curve peaks."),
}


def saturation(trace: Trace, low: float = 0.1, high: float = 0.9,
               cell: Cell | None = None) -> dict[str, np.ndarray]:
    """Fraction of units saturated at each step, per gate.

    Parameters
    ----------
    trace : Trace
    low, high : float
        Sigmoid gates (i f o r z) count as saturated below ``low`` or above ``high``;
        tanh quantities (g, n, and h of a tanh RNN, LSTM and GRU) when ``|value| > high``.
    cell : Cell, optional
        The cell of the trace; a relu RNN's h is unbounded and left out.

    Returns
    -------
    dict of str to ndarray of float64, each shape (T,)
        Keyed by the trace's gate letters plus ``"h"`` (not for a relu RNN).
    """
    out = {}
    for name, values in trace.gates.items():
        hit = (values < low) | (values > high) if name in SIGMOID_GATES else np.abs(values) > high
        out[name] = hit.mean(axis=1) if values.shape[1] else np.zeros(len(values))
    if cell is None or cell.options().get("nonlinearity", "tanh") == "tanh":
        out["h"] = (np.abs(trace.h) > high).mean(axis=1)
    return out


def timescales(cell: Cell, trace: Trace) -> np.ndarray | None:
    """The memory timescale of each unit, ``τ = −1 / ln ḡ`` in steps.

    ``ḡ`` is the mean over the trace of the forget gate f (LSTM) or the update gate z (GRU).

    Returns
    -------
    ndarray of float64, shape (H,), or None
        ``inf`` where ḡ = 1 and 0 where ḡ = 0; None for the RNN (no gate) or an empty trace.
    """
    gate = {"lstm": "f", "gru": "z"}.get(cell.kind)
    if gate is None or trace.length == 0:
        return None
    mean = trace.gates[gate].astype(np.float64).mean(axis=0)
    with np.errstate(divide="ignore"):
        tau = -1.0 / np.log(mean)
    tau[mean >= 1.0] = np.inf  # ln 1 = +0.0 would give −inf
    return tau


def recurrent_spectrum(cell: Cell) -> dict[str, tuple[float, np.ndarray]]:
    """Spectral radius and singular values of the recurrent weights.

    Returns
    -------
    dict of str to (float, ndarray of float64, shape (H,))
        ``"h"`` for the RNN's W_hh; per gate block (``"i"``, ``"f"`` … or ``"r"``, ``"z"``,
        ``"n"``) of the (H, H) blocks of W_hh for the gated cells. Singular values descending.
    """
    names = cell.gate_names or ("h",)
    out = {}
    for name in names:
        block = np.asarray(cell.block("weight_hh", name) if cell.gate_names else cell.weight_hh, np.float64)
        radius = float(np.max(np.abs(np.linalg.eigvals(block))))
        out[name] = (radius, np.linalg.svd(block, compute_uv=False))
    return out


def jacobian_norms(cell: Cell, trace: Trace, ord: str = "fro", start: int = 0,  # noqa: A002
                   stop: int | None = None) -> np.ndarray:
    """Norm of the one-step Jacobian ``∂h[t]/∂h_t`` at each step (LSTM: c held fixed).

    Parameters
    ----------
    cell, trace : Cell, Trace
    ord : {"fro", "spectral"}
        Frobenius (via :func:`simulator.core.gradients.one_step_jacobian_norms`) or the largest
        singular value.
    start, stop : int, optional
        The steps to compute; others are NaN.

    Returns
    -------
    ndarray of float64, shape (T,)
    """
    if ord == "fro":
        return one_step_jacobian_norms(cell, trace, start, stop)
    if ord != "spectral":
        raise InputError(f"jacobian_norms: ord must be 'fro' or 'spectral', not {ord!r}")
    T = trace.length
    stop = T if stop is None else stop
    if not 0 <= start <= stop <= T:
        raise IndexError(f"steps {start}..{stop} outside 0..{T}")
    H, out = cell.hidden_size, np.full(T, np.nan)
    for t in range(start, stop):
        block = np.asarray(cell.jacobian(trace, t)[:H, :H], dtype=np.float64)
        out[t] = np.linalg.norm(block, 2) if np.isfinite(block).all() else np.inf
    return out
