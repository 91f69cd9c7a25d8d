"""Backpropagation through time for one cell over a batch of sequences, by hand, in float64.

:func:`forward` runs the cell over ``x`` (T, B, D), time-major, and keeps what the backward
pass needs on a :class:`Tape`; :func:`backward` takes ∂L/∂h[t] for every step (T, B, H) and
returns the gradients of the cell's own parameters by PyTorch name, plus ∂L/∂h entering
every step. The batch is one matrix per step; ``x @ W_ihᵀ`` is one matmul for all steps;
everything that does not depend on the recurrence (gate derivatives, the products that
multiply the incoming gradient) is computed for all steps at once, so the loops do only
the few operations the recurrence forces.

The sigmoid gates are computed as ``σ(a) = 0.5 · tanh(a/2) + 0.5`` from weights whose
sigmoid rows are halved (exact in binary floating point), like the simulation kernels:
one ``tanh`` over the whole gate row, and no overflow to guard against.
"""

from __future__ import annotations

import numpy as np

from simulator import Cell
from simulator.training.bptt_gated import gru_backward, gru_forward, lstm_backward, lstm_forward
from simulator.training.tape import Tape, cell_parameters, input_projection, weight_gradients

__all__ = ["backward", "forward", "state_gradient_norms"]


def forward(cell: Cell, x: np.ndarray, h0: np.ndarray, c0: np.ndarray | None = None) -> Tape:
    """Run ``cell`` over a batch and keep the tape.

    Parameters
    ----------
    cell : Cell
    x : ndarray, shape (T, B, D), float64, C-contiguous
    h0 : ndarray, shape (B, H)
    c0 : ndarray, shape (B, H), optional
        LSTM only; zeros when omitted.

    Returns
    -------
    Tape
    """
    params = cell_parameters(cell)
    T, B, _ = x.shape
    H = cell.hidden_size
    hs = np.empty((T + 1, B, H))
    hs[0] = h0
    tape = Tape(cell.kind, params, x, hs, options=dict(cell.options()))
    if cell.kind == "rnn":
        _rnn_forward(tape)
    elif cell.kind == "lstm":
        tape.cs = np.empty((T + 1, B, H))
        tape.cs[0] = 0.0 if c0 is None else c0
        lstm_forward(tape)
    else:
        gru_forward(tape)
    return tape


def backward(tape: Tape, d_out: np.ndarray, dh_last: np.ndarray | None = None,
             dc_last: np.ndarray | None = None) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Gradients of the parameters from ∂L/∂h[t] for every step.

    Parameters
    ----------
    tape : Tape
        From :func:`forward`.
    d_out : ndarray, shape (T, B, H)
        ∂L/∂h[t] from what reads the states (a readout), per step.
    dh_last, dc_last : ndarray, shape (B, H), optional
        Extra gradient arriving at the last state (e.g. a seed for ∂h_T/∂h_t).

    Returns
    -------
    grads : dict of str to ndarray
        By the cell's parameter names, each the shape of its parameter.
    dh_in : ndarray, shape (T, B, H)
        ∂L/∂h entering step t (the state h_{t−1}; for the LSTM with c_{t−1} held apart).
    """
    _, B, H = tape.outputs.shape
    dh = np.zeros((B, H)) if dh_last is None else np.array(dh_last, dtype=np.float64)
    if tape.kind == "rnn":
        return _rnn_backward(tape, d_out, dh)
    if tape.kind == "lstm":
        dc = np.zeros((B, H)) if dc_last is None else np.array(dc_last, dtype=np.float64)
        return lstm_backward(tape, d_out, dh, dc)
    return gru_backward(tape, d_out, dh)


def state_gradient_norms(cell: Cell, inputs: np.ndarray, h0: np.ndarray | None = None) -> np.ndarray:
    """‖∂h_T/∂h_t‖_F for every step t of one sequence, by backpropagation from each unit of h_T.

    Entry t differentiates the last state with respect to the state *entering* step t
    (for the LSTM with the entering cell state held apart): the quantity of
    ``gradient_norms(cell, trace)["dhT_dh"]`` in the engine's gradients module, here from
    H backward passes run as one batch.

    Parameters
    ----------
    cell : Cell
    inputs : ndarray, shape (T, D)
    h0 : ndarray, shape (H,), optional

    Returns
    -------
    ndarray of float64, shape (T,)
    """
    H = cell.hidden_size
    x = np.asarray(inputs, dtype=np.float64)
    x = np.ascontiguousarray(np.broadcast_to(x[:, None], (x.shape[0], H, x.shape[1])))
    start = np.zeros((H, H)) if h0 is None else np.broadcast_to(np.asarray(h0, dtype=np.float64), (H, H))
    tape = forward(cell, x, start)
    _, dh_in = backward(tape, np.zeros_like(tape.outputs), dh_last=np.eye(H))
    return np.sqrt(np.einsum("tbh,tbh->t", dh_in, dh_in))


def _rnn_forward(tape: Tape) -> None:
    p, hs = tape.params, tape.hs
    a = hs[1:]  # the pre-activations are written into the states, then squashed in place
    a[...] = input_projection(tape.x, p["weight_ih"], p["bias_ih"] + p["bias_hh"])
    w_t = np.ascontiguousarray(p["weight_hh"].T)
    tmp = np.empty(hs.shape[1:])
    squash = np.tanh if tape.options.get("nonlinearity", "tanh") == "tanh" else _relu
    dot, add = np.dot, np.add
    for t in range(a.shape[0]):
        dot(hs[t], w_t, out=tmp)
        add(a[t], tmp, out=a[t])
        squash(a[t], out=a[t])


def _relu(a: np.ndarray, out: np.ndarray) -> np.ndarray:
    return np.maximum(a, 0.0, out=out)


def _rnn_backward(tape: Tape, d_out: np.ndarray, dh: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    h = tape.outputs
    tanh = tape.options.get("nonlinearity", "tanh") == "tanh"
    deriv = 1.0 - h * h if tanh else (h > 0).astype(np.float64)  # relu'(0) = 0, as in PyTorch
    da = np.empty_like(h)
    dh_in = np.empty_like(h)
    w_hh = tape.params["weight_hh"]
    dot, add, mul = np.dot, np.add, np.multiply
    for t in range(h.shape[0] - 1, -1, -1):
        add(d_out[t], dh, out=da[t])
        mul(da[t], deriv[t], out=da[t])
        dot(da[t], w_hh, out=dh_in[t])
        dh = dh_in[t]
    db = da.sum(axis=(0, 1))
    grads = {"weight_ih": weight_gradients(da, tape.x), "weight_hh": weight_gradients(da, tape.hs[:-1]),
             "bias_ih": db, "bias_hh": db.copy()}
    return grads, dh_in
