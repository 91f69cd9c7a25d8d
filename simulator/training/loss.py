"""The loss of a cell with a linear readout on its states, and the gradient of every parameter.

``y_hat[t] = readout_weight @ h[t] + readout_bias`` at every step; the loss compares it
with the targets where there are targets:

- ``"mse"``: float targets, NaN where a step (or one output) has no target; the mean of the
  squared errors over the targeted entries, exactly
  ``torch.nn.functional.mse_loss(y_hat[mask], y[mask])``.
- ``"cross_entropy"``: integer class targets, −1 where a step has none; the mean over the
  targeted steps, exactly ``torch.nn.functional.cross_entropy(logits, y, ignore_index=-1)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator import Cell, InputError
from simulator.training.bptt import backward, forward
from simulator.training.tape import Tape

__all__ = ["LOSSES", "Evaluation", "evaluate", "loss_and_gradients"]

LOSSES = ("mse", "cross_entropy")


@dataclass
class Evaluation:
    """One forward and backward pass over a batch.

    Attributes
    ----------
    loss : float
    grads : dict of str to ndarray
        The cell's parameter names plus ``readout.weight`` (O, H) and ``readout.bias`` (O,).
    outputs : ndarray, shape (T, B, O)
        ``y_hat`` (logits for cross-entropy), time-major.
    correct, targeted : int
        Cross-entropy only: targeted steps whose arg-max is the target, and targeted steps.
    tape : Tape
        The forward pass (states in ``tape.hs``).
    dh_in : ndarray, shape (T, B, H)
        ∂L/∂h entering each step.
    """

    loss: float
    grads: dict[str, np.ndarray]
    outputs: np.ndarray
    correct: int
    targeted: int
    tape: Tape
    dh_in: np.ndarray

    @property
    def accuracy(self) -> float:
        """Share of targeted steps classified right (NaN for MSE)."""
        return self.correct / self.targeted if self.targeted else float("nan")


def _time_major(arr: np.ndarray, batched: bool) -> np.ndarray:
    return np.ascontiguousarray(arr.swapaxes(0, 1) if batched else arr[:, None])


def _state(value: Any, name: str, B: int, H: int) -> np.ndarray:
    if value is None:
        return np.zeros((B, H))
    arr = np.asarray(value, dtype=np.float64)
    if arr.shape not in ((H,), (B, H)) or not np.isfinite(arr).all():
        raise InputError(f"{name}: expected finite values of shape ({H},) or ({B}, {H}), got {arr.shape}")
    return np.broadcast_to(arr, (B, H))


def _mse(y_hat: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    mask = ~np.isnan(targets)
    n = int(mask.sum())
    if n == 0:
        raise InputError("targets: every entry is NaN, so there is nothing to learn")
    diff = np.where(mask, y_hat - np.where(mask, targets, 0.0), 0.0)
    loss = float(np.sum(diff * diff) / n)
    return loss, diff * (2.0 / n)


def _cross_entropy(logits: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray, int, int]:
    O = logits.shape[-1]
    mask = targets != -1
    n = int(mask.sum())
    if n == 0:
        raise InputError("targets: every step is −1, so there is nothing to learn")
    if targets.min() < -1 or targets.max() >= O:
        raise InputError(f"targets: classes must be −1 (no target) or 0 … {O - 1}")
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    total = exp.sum(axis=-1, keepdims=True)
    safe = np.where(mask, targets, 0)
    picked = np.take_along_axis(shifted, safe[..., None], axis=-1)[..., 0]
    loss = float(np.sum(np.where(mask, np.log(total[..., 0]) - picked, 0.0)) / n)
    grad = exp / total
    np.put_along_axis(grad, safe[..., None], np.take_along_axis(grad, safe[..., None], -1) - 1.0, -1)
    grad *= (mask / n)[..., None]
    correct = int(np.sum(mask & (logits.argmax(axis=-1) == targets)))
    return loss, grad, correct, n


def evaluate(cell: Cell, inputs: Any, targets: Any, readout_weight: Any, readout_bias: Any, *,
             loss: str = "mse", h0: Any = None, c0: Any = None) -> Evaluation:
    """:func:`loss_and_gradients` with everything it computed on the way (outputs, accuracy, tape)."""
    if loss not in LOSSES:
        raise InputError(f"unknown loss {loss!r}; choose mse or cross_entropy")
    x = np.asarray(inputs)
    if x.dtype.kind not in "fiu" or x.ndim not in (2, 3) or x.shape[-1] != cell.input_size or 0 in x.shape:
        raise InputError(f"inputs: expected real numbers of shape (T, {cell.input_size}) or "
                         f"(B, T, {cell.input_size}), got {x.shape}")
    x = x.astype(np.float64, copy=False)
    if not np.isfinite(x).all():
        raise InputError("inputs: NaN or infinite values")
    batched = x.ndim == 3
    B, T = (x.shape[0], x.shape[1]) if batched else (1, x.shape[0])
    H = cell.hidden_size
    w = np.asarray(readout_weight, dtype=np.float64)
    b = np.asarray(readout_bias, dtype=np.float64)
    if w.ndim != 2 or w.shape[1] != H or b.shape != (w.shape[0],):
        raise InputError(f"readout: expected weight (O, {H}) and bias (O,), got {w.shape} and {b.shape}")
    y = np.asarray(targets)
    O = w.shape[0]
    lead = x.shape[:-1]
    if loss == "mse" and (y.shape != (*lead, O) or y.dtype.kind not in "fiu"):
        raise InputError(f"targets: expected real numbers of shape {(*lead, O)}, got {y.shape}")
    if loss == "cross_entropy" and (y.shape != lead or y.dtype.kind not in "iu"):
        raise InputError(f"targets: expected integer classes of shape {lead}, got {y.shape} {y.dtype}")
    if c0 is not None and cell.kind != "lstm":
        raise InputError(f"c0 applies to the LSTM only, not the {cell.kind.upper()}")
    tape = forward(cell, _time_major(x, batched), _state(h0, "h0", B, H),
                   _state(c0, "c0", B, H) if cell.kind == "lstm" else None)
    hs = tape.outputs
    y_hat = (hs.reshape(T * B, H) @ w.T).reshape(T, B, O) + b
    y = _time_major(y, batched)
    correct = targeted = 0
    if loss == "mse":
        value, d_y = _mse(y_hat, y.astype(np.float64, copy=False))
    else:
        value, d_y, correct, targeted = _cross_entropy(y_hat, y.astype(np.int64, copy=False))
    d_y2 = d_y.reshape(T * B, O)
    d_out = (d_y2 @ w).reshape(T, B, H)
    grads, dh_in = backward(tape, d_out)
    grads["readout.weight"] = d_y2.T @ hs.reshape(T * B, H)
    grads["readout.bias"] = d_y2.sum(axis=0)
    return Evaluation(value, grads, y_hat, correct, targeted, tape, dh_in)


def loss_and_gradients(cell: Cell, inputs: Any, targets: Any, readout_weight: Any, readout_bias: Any, *,
                       loss: str = "mse", h0: Any = None,
                       c0: Any = None) -> tuple[float, dict[str, np.ndarray]]:
    """The loss of ``cell`` plus a linear readout over ``inputs``, and its gradients (BPTT).

    Parameters
    ----------
    cell : Cell
        Any kind; its parameters are read, never changed. Computed in float64.
    inputs : array_like, shape (T, D) or (B, T, D)
    targets : array_like
        ``"mse"``: float, shape (T, O) or (B, T, O), NaN = no target for that entry.
        ``"cross_entropy"``: int, shape (T,) or (B, T), −1 = no target at that step.
    readout_weight : array_like, shape (O, H)
    readout_bias : array_like, shape (O,)
    loss : {"mse", "cross_entropy"}
    h0, c0 : array_like, shape (H,) or (B, H), optional
        Initial states (zeros by default; ``c0`` for the LSTM only).

    Returns
    -------
    loss : float
        Mean over the targeted entries (MSE) or targeted steps (cross-entropy).
    grads : dict of str to ndarray
        ``weight_ih``, ``weight_hh``, ``bias_ih``, ``bias_hh`` (and ``weight_peephole`` when
        the cell has it), ``readout.weight`` and ``readout.bias``, each shaped like its
        parameter, float64.

    Raises
    ------
    InputError
        Shapes that do not fit the cell, non-finite inputs, classes out of range, or no
        target at all.
    """
    result = evaluate(cell, inputs, targets, readout_weight, readout_bias, loss=loss, h0=h0, c0=c0)
    return result.loss, result.grads
