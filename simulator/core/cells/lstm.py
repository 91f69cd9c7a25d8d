"""The LSTM cell, optionally with peephole connections (ONNX ``P``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from simulator.core import native
from simulator.core.activations import dsigmoid, dtanh, sigmoid
from simulator.core.cells.base import Cell, Forcer, as_float_array, entering, project_inputs
from simulator.core.trace import Trace

__all__ = ["LSTMCell"]

_ORDER = np.array([0, 1, 3, 2])  # PyTorch blocks i f g o -> engine blocks i f o g (sigmoids together)


class LSTMCell(Cell):
    r"""A long short-term memory cell (PyTorch ``nn.LSTMCell``).

    .. math::
        i &= \sigma(W_{ii} x + b_{ii} + W_{hi} h + b_{hi} [+ p_i \odot c]) \\
        f &= \sigma(W_{if} x + b_{if} + W_{hf} h + b_{hf} [+ p_f \odot c]) \\
        g &= \tanh(W_{ig} x + b_{ig} + W_{hg} h + b_{hg}) \\
        c' &= f \odot c + i \odot g \\
        o &= \sigma(W_{io} x + b_{io} + W_{ho} h + b_{ho} [+ p_o \odot c']) \\
        h' &= o \odot \tanh(c')

    Parameters
    ----------
    weight_ih : array_like, shape (4H, D)
        Blocks i, f, g, o.
    weight_hh : array_like, shape (4H, H)
    bias_ih, bias_hh : array_like, shape (4H,), optional
    weight_peephole : array_like, shape (3, H), optional
        Peephole vectors in the order i, f, o (None: the plain LSTM).
    dtype : {"float64", "float32"}
    """

    kind = "lstm"
    gate_names = ("i", "f", "g", "o")
    internal_order = ("i", "f", "o", "g")
    blocks = 4
    has_cell = True

    def __init__(self, weight_ih: Any, weight_hh: Any, bias_ih: Any = None, bias_hh: Any = None,
                 *, weight_peephole: Any = None, dtype: Any = np.float64) -> None:
        super().__init__(weight_ih, weight_hh, bias_ih, bias_hh, dtype=dtype)
        self.weight_peephole = None if weight_peephole is None else as_float_array(
            weight_peephole, "weight_peephole", (3, self.hidden_size), self.dtype)

    def parameters(self) -> dict[str, np.ndarray]:
        params = super().parameters()
        if self.weight_peephole is not None:
            params["weight_peephole"] = self.weight_peephole
        return params

    def label(self) -> str:
        return "LSTM with peepholes" if self.weight_peephole is not None else "LSTM"

    def step(self, x: Any, state: dict[str, Any] | None = None) -> tuple[dict[str, np.ndarray],
                                                                        dict[str, np.ndarray]]:
        x, s = self._step_inputs(x, state)
        h, c = s["h"], s["c"]
        a = self.weight_ih @ x + self.bias_ih + self.weight_hh @ h + self.bias_hh
        a_i, a_f, a_g, a_o = np.split(a, 4)
        p_i, p_f, p_o = (0.0, 0.0, 0.0) if self.weight_peephole is None else self.weight_peephole
        i = sigmoid(a_i + p_i * c)
        f = sigmoid(a_f + p_f * c)
        g = np.tanh(a_g)
        c_new = f * c + i * g
        o = sigmoid(a_o + p_o * c_new)  # a peephole o sees the new cell
        return {"h": o * np.tanh(c_new), "c": c_new}, {"i": i, "f": f, "g": g, "o": o}

    def _reordered(self, arr: np.ndarray) -> np.ndarray:
        H = self.hidden_size
        return arr.reshape(4, H, *arr.shape[1:])[_ORDER].reshape(arr.shape)

    def _prepared(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Input weight (4H, D), bias (4H,) and transposed recurrent weight (H, 4H) in engine order.

        The sigmoid rows (i, f, o) are halved, which is exact in binary floating point:
        the kernel then gets ``a/2`` and computes ``σ(a) = 0.5 · tanh(a/2) + 0.5``, one
        tanh over the whole row with no overflow to guard against.
        """
        half = np.ones(4 * self.hidden_size, self.dtype)
        half[: 3 * self.hidden_size] = 0.5
        w_ih = self._reordered(self.weight_ih) * half[:, None]
        bias = self._reordered(self.bias_ih + self.bias_hh) * half
        w_t = np.ascontiguousarray((self._reordered(self.weight_hh) * half[:, None]).T)
        return w_ih, bias, w_t

    def kernel(self, trace: Trace, start: int, stop: int, force: Forcer | None = None) -> None:
        trace.mark_changed(start)
        H = self.hidden_size
        gs = trace._g[start:stop]
        w_ih, bias, w_t = self._prepared()
        project_inputs(trace.x, w_ih, bias, gs, start, stop)
        h, c = trace.state_before(start)
        h_rows, c_rows = trace._h[start:stop], trace._c[start:stop]
        if self.weight_peephole is None and native.lstm(gs, w_t, h, c, h_rows, c_rows, force, start):
            return  # the compiled loop (same equations); the numpy loop below otherwise
        tmp = np.empty(4 * H, self.dtype)
        ig = np.empty(H, self.dtype)
        dot, tanh, mul, add = np.dot, np.tanh, np.multiply, np.add
        # per-gate column views, iterated together: no slicing inside the loop
        views = (range(start, stop), gs, gs[:, : 3 * H], gs[:, :H], gs[:, H:2 * H],
                 gs[:, 2 * H:3 * H], gs[:, 3 * H:], h_rows, c_rows)
        if self.weight_peephole is not None:
            self._peephole_loop(views, h, c, w_t, tmp, ig, force)
            return
        for t, row, sig, i, f, o, g, h_out, c_out in zip(*views, strict=True):
            dot(h, w_t, out=tmp)
            add(row, tmp, out=row)
            tanh(row, out=row)  # g, and tanh(a/2) for i, f, o
            mul(sig, 0.5, out=sig)
            add(sig, 0.5, out=sig)
            if force is not None:
                force(row, t, "ifgo")
            mul(f, c, out=c_out)
            mul(i, g, out=ig)
            add(c_out, ig, out=c_out)
            tanh(c_out, out=h_out)
            mul(h_out, o, out=h_out)
            h, c = h_out, c_out

    def _peephole_loop(self, views: tuple, h: np.ndarray, c: np.ndarray, w_t: np.ndarray,
                       tmp: np.ndarray, ig: np.ndarray, force: Forcer | None) -> None:
        """The same steps with peepholes: i and f see the old cell, o sees the new one."""
        H = self.hidden_size
        p_if = 0.5 * self.weight_peephole[:2]  # halved like the gate rows, shape (2, H)
        p_o = 0.5 * self.weight_peephole[2]
        pc = np.empty((2, H), self.dtype)
        po = np.empty(H, self.dtype)
        dot, tanh, mul, add = np.dot, np.tanh, np.multiply, np.add
        for t, row, _, i, f, o, g, h_out, c_out in zip(*views, strict=True):
            dot(h, w_t, out=tmp)
            add(row, tmp, out=row)
            if_ = row[: 2 * H]
            mul(p_if, c, out=pc)
            add(if_, pc.reshape(-1), out=if_)
            tanh(if_, out=if_)
            mul(if_, 0.5, out=if_)
            add(if_, 0.5, out=if_)
            tanh(g, out=g)
            if force is not None:
                force(row, t, "ifg")
            mul(f, c, out=c_out)
            mul(i, g, out=ig)
            add(c_out, ig, out=c_out)
            mul(p_o, c_out, out=po)
            add(o, po, out=o)
            tanh(o, out=o)
            mul(o, 0.5, out=o)
            add(o, 0.5, out=o)
            if force is not None:
                force(row, t, "o")
            tanh(c_out, out=h_out)
            mul(h_out, o, out=h_out)
            h, c = h_out, c_out

    def jacobians(self, trace: Trace, start: int, stop: int) -> np.ndarray:
        """``∂[h; c][t] / ∂[h; c]_t`` for t = start … stop − 1, shape (n, 2H, 2H), state as [h; c]."""
        H = self.hidden_size
        c_prev = entering(trace, "c", start, stop)
        gates = trace.gates
        i, f, g, o = (gates[k][start:stop] for k in "ifgo")
        c_new = trace._c[start:stop]
        w_i, w_f, w_g, w_o = (self.weight_hh[k * H:(k + 1) * H] for k in range(4))
        tc = np.tanh(c_new)
        di, df, do = dsigmoid(i), dsigmoid(f), dsigmoid(o)
        dc_dh = ((c_prev * df)[:, :, None] * w_f + (g * di)[:, :, None] * w_i
                 + (i * dtanh(g))[:, :, None] * w_g)
        dc_dc = f.copy()
        dh_dcnew = o * dtanh(tc)
        if self.weight_peephole is not None:
            p_i, p_f, p_o = self.weight_peephole
            dc_dc += c_prev * df * p_f + g * di * p_i
            dh_dcnew += tc * do * p_o
        jac = np.zeros((len(i), 2 * H, 2 * H), self.dtype)
        jac[:, :H, :H] = (tc * do)[:, :, None] * w_o + dh_dcnew[:, :, None] * dc_dh
        jac[:, H:, :H] = dc_dh
        k = np.arange(H)
        jac[:, k, H + k] = dh_dcnew * dc_dc
        jac[:, H + k, H + k] = dc_dc
        return jac
