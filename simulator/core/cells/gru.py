"""The gated recurrent unit, with the reset gate after or before the matmul."""

from __future__ import annotations

from typing import Any

import numpy as np

from simulator.core import native
from simulator.core.activations import dsigmoid, dtanh, sigmoid
from simulator.core.cells.base import Cell, Forcer, entering, project_inputs
from simulator.core.trace import Trace

__all__ = ["GRUCell"]


class GRUCell(Cell):
    r"""A GRU cell (PyTorch ``nn.GRUCell``; Cho et al. with ``reset_after=False``).

    .. math::
        r &= \sigma(W_{ir} x + b_{ir} + W_{hr} h + b_{hr}) \\
        z &= \sigma(W_{iz} x + b_{iz} + W_{hz} h + b_{hz}) \\
        n &= \tanh(W_{in} x + b_{in} + r \odot (W_{hn} h + b_{hn}))
             \quad\text{(reset_after, PyTorch / cuDNN)} \\
        n &= \tanh(W_{in} x + b_{in} + W_{hn} (r \odot h) + b_{hn})
             \quad\text{(reset before: Cho v3, Keras reset_after=False, ONNX lbr=0)} \\
        h' &= (1 - z) \odot n + z \odot h

    Parameters
    ----------
    weight_ih : array_like, shape (3H, D)
        Blocks r, z, n.
    weight_hh : array_like, shape (3H, H)
    bias_ih, bias_hh : array_like, shape (3H,), optional
    reset_after : bool
        True (default) applies the reset gate after the recurrent matmul.
    dtype : {"float64", "float32"}
    """

    kind = "gru"
    gate_names = ("r", "z", "n")
    internal_order = ("r", "z", "n")
    blocks = 3

    def __init__(self, weight_ih: Any, weight_hh: Any, bias_ih: Any = None, bias_hh: Any = None,
                 *, reset_after: bool = True, dtype: Any = np.float64) -> None:
        self.reset_after = bool(reset_after)
        super().__init__(weight_ih, weight_hh, bias_ih, bias_hh, dtype=dtype)

    def options(self) -> dict[str, Any]:
        return {"reset_after": self.reset_after}

    def label(self) -> str:
        return f"GRU (reset {'after' if self.reset_after else 'before'} matmul)"

    def step(self, x: Any, state: dict[str, Any] | None = None) -> tuple[dict[str, np.ndarray],
                                                                        dict[str, np.ndarray]]:
        x, s = self._step_inputs(x, state)
        h = s["h"]
        x_r, x_z, x_n = np.split(self.weight_ih @ x + self.bias_ih, 3)
        w_r, w_z, w_n = np.split(self.weight_hh, 3)
        b_r, b_z, b_n = np.split(self.bias_hh, 3)
        r = sigmoid(x_r + w_r @ h + b_r)
        z = sigmoid(x_z + w_z @ h + b_z)
        recurrent = r * (w_n @ h + b_n) if self.reset_after else w_n @ (r * h) + b_n
        n = np.tanh(x_n + recurrent)
        return {"h": (1 - z) * n + z * h}, {"r": r, "z": z, "n": n}

    def _prepared(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Input weight (3H, D), bias (3H,) and transposed recurrent weight (H, 3H) for the kernel.

        The r and z rows are halved (exact in binary floating point) so the kernel
        computes ``σ(a) = 0.5 · tanh(a/2) + 0.5``. ``b_hn`` joins the input bias only
        when the reset comes first; otherwise it sits inside ``r ⊙ (·)``.
        """
        H = self.hidden_size
        half = np.ones(3 * H, self.dtype)
        half[: 2 * H] = 0.5
        b_x = self.bias_ih.copy()
        b_x[: 2 * H] += self.bias_hh[: 2 * H]
        if not self.reset_after:
            b_x[2 * H:] += self.bias_hh[2 * H:]
        w_t = np.ascontiguousarray((self.weight_hh * half[:, None]).T)
        return self.weight_ih * half[:, None], b_x * half, w_t

    def kernel(self, trace: Trace, start: int, stop: int, force: Forcer | None = None) -> None:
        trace.mark_changed(start)
        H = self.hidden_size
        gs = trace._g[start:stop]
        w_ih, bias, w_t = self._prepared()
        project_inputs(trace.x, w_ih, bias, gs, start, stop)
        h, h_rows = trace.state_before(start)[0], trace._h[start:stop]
        if native.gru(gs, w_t, self.bias_hh[2 * H:], h, h_rows, self.reset_after, force, start):
            return  # the compiled loop (same equations); the numpy loop below otherwise
        views = (range(start, stop), gs, gs[:, : 2 * H], gs[:, :H], gs[:, H:2 * H], gs[:, 2 * H:], h_rows)
        self._loop(views, h, w_t, force)

    def _loop(self, views: tuple, h: np.ndarray, w_t: np.ndarray, force: Forcer | None) -> None:
        H, after = self.hidden_size, self.reset_after
        b_hn = self.bias_hh[2 * H:]
        tmp, rh = np.empty(3 * H, self.dtype), np.empty(H, self.dtype)
        t_rz, t_n = tmp[: 2 * H], tmp[2 * H:]
        w_rz, w_n = np.ascontiguousarray(w_t[:, : 2 * H]), np.ascontiguousarray(w_t[:, 2 * H:])
        dot, tanh, mul, add, sub = np.dot, np.tanh, np.multiply, np.add, np.subtract
        for t, row, rz, r, z, n, out in zip(*views, strict=True):
            if after:
                dot(h, w_t, out=tmp)  # r, z and W_hn h in one product
            else:
                dot(h, w_rz, out=t_rz)
            add(rz, t_rz, out=rz)
            tanh(rz, out=rz)
            mul(rz, 0.5, out=rz)
            add(rz, 0.5, out=rz)
            if force is not None:
                force(row, t, "rz")
            if after:  # r ⊙ (W_hn h + b_hn)
                add(t_n, b_hn, out=t_n)
                mul(t_n, r, out=t_n)
            else:  # W_hn (r ⊙ h)
                mul(r, h, out=rh)
                dot(rh, w_n, out=t_n)
            add(n, t_n, out=n)
            tanh(n, out=n)
            if force is not None:
                force(row, t, "n")
            sub(h, n, out=out)  # h' = n + z ⊙ (h − n), PyTorch's own arrangement
            mul(out, z, out=out)
            add(out, n, out=out)
            h = out

    def jacobians(self, trace: Trace, start: int, stop: int) -> np.ndarray:
        """``∂h[t]/∂h_t`` for t = start … stop − 1, shape (n, H, H)."""
        H = self.hidden_size
        h = entering(trace, "h", start, stop)
        gates = trace.gates
        r, z, n = (gates[k][start:stop] for k in "rzn")
        w_r, w_z, w_n = (self.weight_hh[k * H:(k + 1) * H] for k in range(3))
        d_r = dsigmoid(r)[:, :, None] * w_r  # ∂r/∂h
        d_z = dsigmoid(z)[:, :, None] * w_z
        if self.reset_after:
            hn = h @ w_n.T + self.bias_hh[2 * H:]
            d_n = dtanh(n)[:, :, None] * (hn[:, :, None] * d_r + r[:, :, None] * w_n)
        else:
            d_n = dtanh(n)[:, :, None] * (w_n * r[:, None, :] + np.matmul(w_n, h[:, :, None] * d_r))
        jac = (1.0 - z)[:, :, None] * d_n + (h - n)[:, :, None] * d_z
        k = np.arange(H)
        jac[:, k, k] += z
        return jac
