"""The LSTM cell, optionally with peephole connections (ONNX ``P``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from simulator.activations import dsigmoid, dtanh, sigmoid
from simulator.cells.base import Cell, as_float_array
from simulator.trace import Trace

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

    def describe(self) -> str:
        peep = " with peepholes" if self.weight_peephole is not None else ""
        return f"LSTM{peep}, {self.input_size} inputs, {self.hidden_size} units"

    def _reordered(self, arr: np.ndarray) -> np.ndarray:
        H = self.hidden_size
        return arr.reshape(4, H, *arr.shape[1:])[_ORDER].reshape(arr.shape)

    def _kernel(self, trace: Trace, start: int, stop: int) -> None:
        H = self.hidden_size
        gs = trace._g[start:stop]
        np.matmul(trace._x[start:stop], self._reordered(self.weight_ih).T, out=gs)
        gs += self._reordered(self.bias_ih + self.bias_hh)
        w_t = np.ascontiguousarray(self._reordered(self.weight_hh).T)  # (H, 4H)
        h, c = trace.state_before(start)
        tmp = np.empty(4 * H, self.dtype)
        ig = np.empty(H, self.dtype)
        dot, tanh, mul = np.dot, np.tanh, np.multiply
        peep = self.weight_peephole
        rows = zip(gs, trace._h[start:stop], trace._c[start:stop])
        with np.errstate(over="ignore"):
            for row, h_out, c_out in rows:
                dot(h, w_t, out=tmp)
                row += tmp
                i, f, o, g = row[:H], row[H:2 * H], row[2 * H:3 * H], row[3 * H:]
                if peep is None:
                    sigmoid(row[: 3 * H], out=row[: 3 * H])
                else:  # i and f see the old cell, o sees the new one
                    i += peep[0] * c
                    f += peep[1] * c
                    sigmoid(row[: 2 * H], out=row[: 2 * H])
                tanh(g, out=g)
                mul(f, c, out=c_out)
                mul(i, g, out=ig)
                c_out += ig
                if peep is not None:
                    o += peep[2] * c_out
                    sigmoid(o, out=o)
                tanh(c_out, out=h_out)
                h_out *= o
                h, c = h_out, c_out

    def jacobian(self, trace: Trace, t: int) -> np.ndarray:
        """``∂[h; c][t] / ∂[h; c]_t``, shape (2H, 2H), state stacked as [h; c]."""
        H = self.hidden_size
        c_prev = trace.state_before(t)[1]
        row = trace.row(t)
        i, f, g, o, c_new = row["i"], row["f"], row["g"], row["o"], row["c"]
        w_i, w_f, w_g, w_o = (self.weight_hh[k * H:(k + 1) * H] for k in range(4))
        tc = np.tanh(c_new)
        di, df, do = dsigmoid(i), dsigmoid(f), dsigmoid(o)
        dc_dh = (c_prev * df)[:, None] * w_f + (g * di)[:, None] * w_i + (i * dtanh(g))[:, None] * w_g
        dc_dc = f.copy()
        dh_dcnew = o * dtanh(tc)
        if self.weight_peephole is not None:
            p_i, p_f, p_o = self.weight_peephole
            dc_dc += c_prev * df * p_f + g * di * p_i
            dh_dcnew += tc * do * p_o
        dh_dh = (tc * do)[:, None] * w_o + dh_dcnew[:, None] * dc_dh
        jac = np.empty((2 * H, 2 * H), self.dtype)
        jac[:H, :H] = dh_dh
        jac[:H, H:] = np.diag(dh_dcnew * dc_dc)
        jac[H:, :H] = dc_dh
        jac[H:, H:] = np.diag(dc_dc)
        return jac
