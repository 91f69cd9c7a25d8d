"""The Elman RNN cell: ``h' = φ(W_ih x + b_ih + W_hh h + b_hh)``."""

from __future__ import annotations

from typing import Any

import numpy as np

from simulator.core.activations import ACTIVATIONS
from simulator.core.cells.base import Cell, Forcer, project_inputs
from simulator.core.errors import InputError
from simulator.core.trace import Trace

__all__ = ["RNNCell"]


class RNNCell(Cell):
    r"""An Elman RNN cell with tanh or relu nonlinearity (PyTorch ``nn.RNNCell``).

    .. math:: h' = \phi(W_{ih} x + b_{ih} + W_{hh} h + b_{hh})

    Parameters
    ----------
    weight_ih : array_like, shape (H, D)
    weight_hh : array_like, shape (H, H)
    bias_ih, bias_hh : array_like, shape (H,), optional
    nonlinearity : {"tanh", "relu"}
    dtype : {"float64", "float32"}

    Notes
    -----
    It has no gates; its trace holds ``x`` and ``h`` only. Its one-step
    Jacobian ``diag(φ'(a)) W_hh`` is what vanishes or explodes through time.
    """

    kind = "rnn"
    blocks = 1

    def __init__(self, weight_ih: Any, weight_hh: Any, bias_ih: Any = None, bias_hh: Any = None,
                 *, nonlinearity: str = "tanh", dtype: Any = np.float64) -> None:
        if nonlinearity not in ("tanh", "relu"):
            raise InputError(f"rnn: nonlinearity must be 'tanh' or 'relu', not {nonlinearity!r}")
        self.nonlinearity = nonlinearity
        super().__init__(weight_ih, weight_hh, bias_ih, bias_hh, dtype=dtype)

    def options(self) -> dict[str, Any]:
        return {"nonlinearity": self.nonlinearity}

    def label(self) -> str:
        return f"RNN ({self.nonlinearity})"

    def step(self, x: Any, state: dict[str, Any] | None = None) -> tuple[dict[str, np.ndarray],
                                                                        dict[str, np.ndarray]]:
        x, s = self._step_inputs(x, state)
        h = ACTIVATIONS[self.nonlinearity][0](self.weight_ih @ x + self.bias_ih
                                              + self.weight_hh @ s["h"] + self.bias_hh)
        return {"h": h}, {}

    def kernel(self, trace: Trace, start: int, stop: int, force: Forcer | None = None) -> None:
        trace.mark_changed(start)
        # an RNN has no gates, so there is nothing for ``force`` to overwrite
        hs = trace._h[start:stop]  # pre-activations are written straight into h, then squashed
        project_inputs(trace.x, self.weight_ih, self.bias_ih + self.bias_hh, hs, start, stop)
        w_t = np.ascontiguousarray(self.weight_hh.T)  # h @ w_t: one gemv per step into a buffer
        h = trace.state_before(start)[0]
        tmp = np.empty(self.hidden_size, self.dtype)
        dot, add = np.dot, np.add
        if self.nonlinearity == "tanh":
            tanh = np.tanh
            for row in hs:
                dot(h, w_t, out=tmp)
                add(row, tmp, out=row)
                tanh(row, out=row)
                h = row
        else:
            maximum = np.maximum
            for row in hs:
                dot(h, w_t, out=tmp)
                add(row, tmp, out=row)
                maximum(row, 0.0, out=row)
                h = row

    def jacobians(self, trace: Trace, start: int, stop: int) -> np.ndarray:
        """``∂h[t]/∂h_t = diag(φ'(a_t)) W_hh`` for t = start … stop − 1, shape (n, H, H)."""
        deriv = ACTIVATIONS[self.nonlinearity][1](trace._h[start:stop])
        return deriv[:, :, None] * self.weight_hh
