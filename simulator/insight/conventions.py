"""The conventions explorer: the cells a porting mistake would give, and how far their traces move.

Each variant is an ordinary cell built from the imported one's parameters, so it runs
through the normal kernels. The mistakes (see ``/shared/reference/cells.md``):

``as-imported``
    The cell itself: the right convention, error exactly zero.
``gru-reset-toggled``
    Reset before ↔ after the recurrent matmul (Keras ``reset_after``, ONNX
    ``linear_before_reset``, Cho v3 vs PyTorch).
``gru-rz-swapped``
    Keras / ONNX gate order z, r, h read as PyTorch's r, z, n (first two blocks swapped).
``gru-update-sign``
    ``h' = z ⊙ n + (1 − z) ⊙ h`` (some diagrams) instead of ``(1 − z) ⊙ n + z ⊙ h``.
    Since ``1 − σ(a) = σ(−a)`` exactly, that equation equals the canonical one with the
    z block's weights and biases negated, which is the cell run here.
``gru-bias-rows-swapped``
    Keras' (2, 3H) GRU bias read with the input and recurrent rows exchanged; it only
    matters through ``b_hn`` (reset after the matmul, ``b_in ≠ b_hn``).
``lstm-onnx-order``
    ONNX blocks i, o, f, c read as PyTorch's i, f, g, o.
``lstm-tf1-order``
    TF1 blocks i, j, f, o (j the candidate) read as i, f, g, o.
``lstm-forget-bias-missing`` / ``lstm-forget-bias-doubled``
    TF1's ``forget_bias = 1.0`` is added at run time and not stored: forgetting it gives
    ``b_f − 1``; adding it to weights that already hold it gives ``b_f + 1``.
``recurrent-not-transposed``
    Each (H, H) gate block of W_hh transposed (a Keras recurrent kernel used without ``.T``):
    square blocks keep their shape, so nothing complains. Always applicable.
``input-not-transposed``
    The same for the (H, D) blocks of W_ih: only possible when D = H.
``kernel-reshaped``
    Gated cells: the Keras (·, G·H) kernels reshaped to (G·H, ·) instead of transposed.
``rnn-nonlinearity-swapped``
    tanh ↔ relu (a state dict does not record it).

Keras' LSTM order i, f, c, o is PyTorch's i, f, g, o, so it has no order mistake; its
single bias is ``b_ih + b_hh``, which the trace cannot tell apart either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.simulation import run
from simulator.core.trace import Trace
from simulator.insight.branch import divergence

__all__ = ["SOURCES", "ConventionResult", "Variant", "convention_errors", "convention_variants"]

SOURCES = ("torch", "keras", "onnx", "tf1")


@dataclass
class Variant:
    """A porting mistake applied to a cell: ``name``, one-line ``description`` and the resulting ``cell``."""

    name: str
    description: str
    cell: Cell


@dataclass
class ConventionResult:
    """How far a variant's run is from the original's.

    Attributes
    ----------
    name, description : str
    max_abs_error : float
        ``max_t per_step[t]`` (0.0 for the right convention).
    per_step : ndarray of float64, shape (T,)
        ``max_j |h_variant[t, j] − h[t, j]|``.
    cell : Cell
        The variant cell.
    trace : Trace
        Its run, for overlaying on the original.
    """

    name: str
    description: str
    max_abs_error: float
    per_step: np.ndarray
    cell: Cell
    trace: Trace


def _rebuild(cell: Cell, **changes: Any) -> Cell:
    """A new cell of the same kind with parameters or options replaced."""
    params = {k: v.copy() for k, v in cell.parameters().items() if v is not None}
    options = cell.options()
    for key, value in changes.items():
        (options if key in options else params)[key] = value
    return type(cell)(**params, dtype=cell.dtype, **options)


def _blocks(cell: Cell, order: list[int]) -> Cell:
    """The gate blocks of every parameter rearranged: new block k is old block ``order[k]``."""
    H, G = cell.hidden_size, cell.blocks
    return _rebuild(cell, **{k: getattr(cell, k).reshape(G, H, -1)[order].reshape(getattr(cell, k).shape)
                             for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")})


def _per_block_t(arr: np.ndarray, G: int) -> np.ndarray:
    """Each (H, H) block of a (G·H, H) matrix transposed."""
    H = arr.shape[1]
    return arr.reshape(G, H, H).transpose(0, 2, 1).reshape(G * H, H)


def _negate_z(cell: Cell) -> Cell:
    H = cell.hidden_size
    changes = {}
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        arr = getattr(cell, name).copy()
        arr[H:2 * H] *= -1.0
        changes[name] = arr
    return _rebuild(cell, **changes)


def _forget_shift(cell: Cell, delta: float) -> Cell:
    H, b = cell.hidden_size, cell.bias_ih.copy()
    b[H:2 * H] += delta
    return _rebuild(cell, bias_ih=b)


# name -> (kinds, sources, applies(cell), build(cell), description)
_CATALOGUE: dict[str, tuple[str, tuple[str, ...], Callable[[Cell], bool], Callable[[Cell], Cell], str]] = {
    "as-imported": ("rnn lstm gru", SOURCES, lambda c: True, lambda c: c.copy(),
                    "the imported cell itself: the right convention"),
    "gru-reset-toggled": ("gru", SOURCES, lambda c: True,
                          lambda c: _rebuild(c, reset_after=not c.reset_after),
                          "reset applied on the other side of the recurrent matmul"),
    "gru-rz-swapped": ("gru", ("keras", "onnx"), lambda c: True, lambda c: _blocks(c, [1, 0, 2]),
                       "Keras/ONNX order z, r, h read as PyTorch's r, z, n"),
    "gru-update-sign": ("gru", SOURCES, lambda c: True, _negate_z,
                        "h' = z ⊙ n + (1 − z) ⊙ h, the sign some diagrams draw"),
    "gru-bias-rows-swapped": ("gru", ("keras",),
                              lambda c: c.reset_after and not np.array_equal(c.bias_ih, c.bias_hh),
                              lambda c: _rebuild(c, bias_ih=c.bias_hh.copy(), bias_hh=c.bias_ih.copy()),
                              "Keras (2, 3H) bias rows read as recurrent, input"),
    "lstm-onnx-order": ("lstm", ("onnx",), lambda c: True, lambda c: _blocks(c, [0, 3, 1, 2]),
                        "ONNX order i, o, f, c read as PyTorch's i, f, g, o"),
    "lstm-tf1-order": ("lstm", ("tf1",), lambda c: True, lambda c: _blocks(c, [0, 2, 1, 3]),
                       "TF1 order i, j, f, o read as PyTorch's i, f, g, o"),
    "lstm-forget-bias-missing": ("lstm", ("tf1",), lambda c: True, lambda c: _forget_shift(c, -1.0),
                                 "TF1's run-time forget_bias 1.0 not added (b_f − 1)"),
    "lstm-forget-bias-doubled": ("lstm", ("tf1", "keras"), lambda c: True, lambda c: _forget_shift(c, 1.0),
                                 "forget bias 1.0 added to weights that already hold it (b_f + 1)"),
    "recurrent-not-transposed": ("rnn lstm gru", ("keras", "tf1"), lambda c: True,
                                 lambda c: _rebuild(c, weight_hh=_per_block_t(c.weight_hh, c.blocks)),
                                 "each (H, H) block of the recurrent kernel used without transposing"),
    "input-not-transposed": ("rnn lstm gru", ("keras", "tf1"), lambda c: c.input_size == c.hidden_size,
                             lambda c: _rebuild(c, weight_ih=_per_block_t(c.weight_ih, c.blocks)),
                             "each (H, D) block of the input kernel used without transposing (D = H)"),
    "kernel-reshaped": ("lstm gru", ("keras", "tf1"), lambda c: True,
                        lambda c: _rebuild(c, weight_ih=c.weight_ih.T.reshape(c.weight_ih.shape),
                                           weight_hh=c.weight_hh.T.reshape(c.weight_hh.shape)),
                        "(·, G·H) Keras kernels reshaped to (G·H, ·) instead of transposed"),
    "rnn-nonlinearity-swapped": ("rnn", SOURCES, lambda c: True,
                                 lambda c: _rebuild(c, nonlinearity="relu" if c.nonlinearity == "tanh"
                                                    else "tanh"),
                                 "tanh and relu exchanged (a state dict does not record it)"),
}


def convention_variants(cell: Cell, source: str | None = None) -> list[Variant]:
    """The cells the porting mistakes that apply to ``cell`` would give, ``as-imported`` first.

    Parameters
    ----------
    cell : Cell
        The imported cell, in the canonical layout.
    source : {None, "torch", "keras", "onnx", "tf1"}
        Where the weights came from; None lists every mistake possible for the kind.

    Returns
    -------
    list of Variant
    """
    if source is not None and source not in SOURCES:
        raise InputError(f"source must be one of {', '.join(SOURCES)} or None, not {source!r}")
    return [Variant(name, text, build(cell))
            for name, (kinds, sources, applies, build, text) in _CATALOGUE.items()
            if cell.kind in kinds.split() and (source is None or source in sources) and applies(cell)]


def convention_errors(cell: Cell, inputs: Any, state: dict[str, Any] | None = None,
                      source: str | None = None) -> list[ConventionResult]:
    """Run every variant on ``inputs`` and measure its distance from the original run.

    Parameters
    ----------
    cell : Cell
    inputs : array_like, shape (T, D)
    state : dict, optional
    source : str, optional
        See :func:`convention_variants`.

    Returns
    -------
    list of ConventionResult
        ``as-imported`` first, with error exactly 0.
    """
    original = run(cell, inputs, state)
    caller = original.x[::-1] if cell.direction == "reverse" else original.x  # validated, caller's order
    out = []
    for variant in convention_variants(cell, source):
        trace = run(variant.cell, caller, state)
        with np.errstate(invalid="ignore", over="ignore"):
            per_step = divergence(original, trace)[1]
        worst = float(np.max(per_step)) if per_step.size else 0.0
        out.append(ConventionResult(variant.name, variant.description, worst, per_step, variant.cell, trace))
    return out
