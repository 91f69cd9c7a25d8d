"""Compare cells side by side: the same inputs through two or three cells, aligned by step.

Row t of every trace is the state after consuming ``x[t]``, so one step index (one
shared transport) addresses all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.factory import make_cell
from simulator.core.simulation import run
from simulator.core.trace import Trace

__all__ = ["aligned_arrays", "compare_cells", "default_trio", "unique_labels"]

TRIO = ("rnn", "lstm", "gru")


def default_trio(input_size: int, hidden_size: int, seed: int = 0, **options: Any) -> list[Cell]:
    """An RNN, an LSTM and a GRU of the same sizes, each seeded with ``seed``.

    Parameters
    ----------
    input_size, hidden_size : int
        D and H of all three.
    seed : int
    **options
        Passed to :func:`simulator.make_cell` (``init``, ``dtype``).

    Returns
    -------
    list of Cell
        ``[RNNCell, LSTMCell, GRUCell]``.
    """
    return [make_cell(kind, input_size, hidden_size, seed=seed, **options) for kind in TRIO]


def compare_cells(cells: Sequence[Cell], inputs: Any,
                  states: Sequence[dict[str, Any] | None] | None = None) -> list[Trace]:
    """Run every cell over the same ``inputs``.

    Parameters
    ----------
    cells : sequence of Cell
        All with the same input size D.
    inputs : array_like, shape (T, D)
    states : sequence of dict or None, optional
        One initial state per cell (zeros where None).

    Returns
    -------
    list of Trace
        One per cell, T steps each.
    """
    if not cells:
        raise InputError("compare: no cells given")
    sizes = {c.input_size for c in cells}
    if len(sizes) != 1:
        raise InputError(f"compare: the cells take different input sizes {sorted(sizes)}")
    states = [None] * len(cells) if states is None else list(states)
    if len(states) != len(cells):
        raise InputError(f"compare: {len(states)} initial states for {len(cells)} cells")
    return [run(cell, inputs, state) for cell, state in zip(cells, states, strict=True)]


def unique_labels(labels: Sequence[str]) -> list[str]:
    """``labels`` with repeats numbered (``lstm``, ``lstm-2`` …) and ``/`` replaced."""
    out, seen = [], {}
    for label in labels:
        base = str(label).replace("/", "-") or "cell"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def aligned_arrays(labels: Sequence[str], traces: Sequence[Trace],
                   gradients: Sequence[dict[str, np.ndarray] | None] | None = None) -> dict[str, np.ndarray]:
    """The traces as one table: ``"<label>/<quantity>"`` -> (T,) or (T, n), all of the same T.

    Quantities are each trace's NPZ contract arrays but the initial state (``x``, ``h``,
    ``c``, the gates) plus the gradient norms given (``dhT_dh``, ``dcT_dc``). Shared inputs
    are written once, as ``"x"``; runs on different inputs get ``"<label>/x"`` each.
    """
    lengths = {t.length for t in traces}
    if len(lengths) != 1:
        raise InputError(f"compare: the runs have different lengths {sorted(lengths)}")
    shared = all(t.x.shape == traces[0].x.shape and np.array_equal(t.x, traces[0].x) for t in traces)
    out: dict[str, np.ndarray] = {"x": traces[0].x} if shared else {}
    gradients = gradients or [None] * len(traces)
    for label, trace, grads in zip(labels, traces, gradients, strict=True):
        for key, value in trace.arrays().items():
            if key not in ("h0", "c0") and not (shared and key == "x"):
                out[f"{label}/{key}"] = value
        for key, value in (grads or {}).items():
            out[f"{label}/{key}"] = np.asarray(value, dtype=np.float64)
    return out
