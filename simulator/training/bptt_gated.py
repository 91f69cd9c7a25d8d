"""Forward and backward passes of the gated cells (LSTM, GRU) over a batch, time-major.

LSTM gates are kept in the order ``o, i, f, g`` inside these functions (PyTorch stores
``i, f, g, o``): the three sigmoids are then one contiguous block, and the three gates the
cell-state gradient flows into (i, f, g) another. Gradients go back in PyTorch's order.
"""

from __future__ import annotations

import numpy as np

from simulator.training.tape import Tape, input_projection, weight_gradients

__all__ = ["gru_backward", "gru_forward", "lstm_backward", "lstm_forward"]

_LSTM_ORDER = (3, 0, 1, 2)  # engine block k is PyTorch block _LSTM_ORDER[k]: o, i, f, g


def _blocks(arr: np.ndarray, order: tuple[int, ...]) -> np.ndarray:
    """Reorder the gate blocks stacked along the first axis of ``arr``."""
    n = len(order)
    return arr.reshape(n, -1, *arr.shape[1:])[list(order)].reshape(arr.shape)


def _unblocks(arr: np.ndarray, order: tuple[int, ...]) -> np.ndarray:
    return _blocks(arr, tuple(int(k) for k in np.argsort(order)))


def _sigmoid_rows(arr: np.ndarray, rows: int) -> np.ndarray:
    """``arr`` with its first ``rows`` rows halved (for ``σ(a) = 0.5 tanh(a/2) + 0.5``)."""
    out = np.array(arr, dtype=np.float64)
    out[:rows] *= 0.5
    return out


def lstm_forward(tape: Tape) -> None:
    """Fill ``tape.hs``, ``tape.cs`` and ``tape.saved`` (gates (T, B, 4H) as o, i, f, g; tanh(c))."""
    p, hs, cs = tape.params, tape.hs, tape.cs
    T, B, H = hs.shape[0] - 1, hs.shape[1], hs.shape[2]
    w_ih = _sigmoid_rows(_blocks(p["weight_ih"], _LSTM_ORDER), 3 * H)
    bias = _sigmoid_rows(_blocks(p["bias_ih"] + p["bias_hh"], _LSTM_ORDER), 3 * H)
    w_t = np.ascontiguousarray(_sigmoid_rows(_blocks(p["weight_hh"], _LSTM_ORDER), 3 * H).T)
    gates = input_projection(tape.x, w_ih, bias)
    tc = np.empty((T, B, H))
    tmp, ig = np.empty((B, 4 * H)), np.empty((B, H))
    peep = p.get("weight_peephole")
    if peep is not None:
        half_if, half_o = 0.5 * peep[:2], 0.5 * peep[2]  # (2, H) for i, f; (H,) for o
        pc = np.empty((B, 2, H))
    dot, add, mul, tanh = np.dot, np.add, np.multiply, np.tanh
    for t in range(T):
        row = gates[t]
        dot(hs[t], w_t, out=tmp)
        add(row, tmp, out=row)
        o, i, f, g, c = row[:, :H], row[:, H:2 * H], row[:, 2 * H:3 * H], row[:, 3 * H:], cs[t + 1]
        if peep is None:
            tanh(row, out=row)
            sig = row[:, :3 * H]
            mul(sig, 0.5, out=sig)
            add(sig, 0.5, out=sig)
        else:  # i and f see the old cell, o the new one
            ifg = row[:, H:]
            mul(half_if, cs[t][:, None, :], out=pc)
            add(ifg[:, :2 * H], pc.reshape(B, 2 * H), out=ifg[:, :2 * H])
            tanh(ifg, out=ifg)
            mul(ifg[:, :2 * H], 0.5, out=ifg[:, :2 * H])
            add(ifg[:, :2 * H], 0.5, out=ifg[:, :2 * H])
        mul(f, cs[t], out=c)
        mul(i, g, out=ig)
        add(c, ig, out=c)
        if peep is not None:
            add(o, half_o * c, out=o)
            tanh(o, out=o)
            mul(o, 0.5, out=o)
            add(o, 0.5, out=o)
        tanh(c, out=tc[t])
        mul(tc[t], o, out=hs[t + 1])
    tape.saved = {"gates": gates, "tc": tc}


def lstm_backward(tape: Tape, d_out: np.ndarray, dh: np.ndarray,
                  dc: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The LSTM's parameter gradients and ∂L/∂h entering each step; see :func:`backward`."""
    gates, tc, cs, p = tape.saved["gates"], tape.saved["tc"], tape.cs, tape.params
    T, B, H = tc.shape
    sig = gates[..., :3 * H]
    dsig = sig * (1.0 - sig)  # σ' of o, i, f
    o, i, f, g = (gates[..., k * H:(k + 1) * H] for k in range(4))
    to_o = tc * dsig[..., :H]  # dh → da_o
    to_c = o * (1.0 - tc * tc)  # dh → dc
    to_ifg = np.empty((T, B, 3, H))  # dc → da_i, da_f, da_g
    np.multiply(g, dsig[..., H:2 * H], out=to_ifg[:, :, 0])
    np.multiply(cs[:-1], dsig[..., 2 * H:], out=to_ifg[:, :, 1])
    np.multiply(i, 1.0 - g * g, out=to_ifg[:, :, 2])
    f = np.ascontiguousarray(f)
    da = np.empty((T, B, 4 * H))
    da_ifg = da.reshape(T, B, 4, H)[:, :, 1:]
    dh_in = np.empty((T, B, H))
    dh_tot, dc_tot = np.empty((B, H)), np.empty((B, H))
    w_hh = _blocks(p["weight_hh"], _LSTM_ORDER)  # unhalved: da is ∂L/∂(true pre-activation)
    peep = p.get("weight_peephole")
    dot, add, mul = np.dot, np.add, np.multiply
    for t in range(T - 1, -1, -1):
        add(d_out[t], dh, out=dh_tot)
        da_o = da[t, :, :H]
        mul(dh_tot, to_o[t], out=da_o)
        mul(dh_tot, to_c[t], out=dc_tot)
        add(dc_tot, dc, out=dc_tot)
        if peep is not None:
            add(dc_tot, da_o * peep[2], out=dc_tot)
        mul(dc_tot[:, None, :], to_ifg[t], out=da_ifg[t])
        mul(dc_tot, f[t], out=dc)
        if peep is not None:
            add(dc, da[t, :, H:2 * H] * peep[0] + da[t, :, 2 * H:3 * H] * peep[1], out=dc)
        dot(da[t], w_hh, out=dh_in[t])
        dh = dh_in[t]
    db = _unblocks(da.sum(axis=(0, 1)), _LSTM_ORDER)
    grads = {"weight_ih": _unblocks(weight_gradients(da, tape.x), _LSTM_ORDER),
             "weight_hh": _unblocks(weight_gradients(da, tape.hs[:-1]), _LSTM_ORDER),
             "bias_ih": db, "bias_hh": db.copy()}
    if peep is not None:
        grads["weight_peephole"] = np.stack([
            np.einsum("tbh,tbh->h", da[..., H:2 * H], cs[:-1]),
            np.einsum("tbh,tbh->h", da[..., 2 * H:3 * H], cs[:-1]),
            np.einsum("tbh,tbh->h", da[..., :H], cs[1:])])
    return grads, dh_in


def gru_forward(tape: Tape) -> None:
    """Fill ``tape.hs`` and ``tape.saved`` (gates r, z, n (T, B, 3H) and the recurrent n term)."""
    p, hs = tape.params, tape.hs
    T, B, H = hs.shape[0] - 1, hs.shape[1], hs.shape[2]
    after = bool(tape.options.get("reset_after", True))
    b_x = p["bias_ih"].copy()
    b_x[:2 * H] += p["bias_hh"][:2 * H]
    if not after:  # b_hn sits outside r ⊙ (·) when the reset comes first
        b_x[2 * H:] += p["bias_hh"][2 * H:]
    gates = input_projection(tape.x, _sigmoid_rows(p["weight_ih"], 2 * H), _sigmoid_rows(b_x, 2 * H))
    w_t = np.ascontiguousarray(_sigmoid_rows(p["weight_hh"], 2 * H).T)  # (H, 3H)
    hn = np.empty((T, B, H))  # reset after: W_hn h + b_hn; before: r ⊙ h
    tmp, tmp_rz, buf = np.empty((B, 3 * H)), np.empty((B, 2 * H)), np.empty((B, H))
    b_hn = p["bias_hh"][2 * H:]
    w_rz_t, w_n_t = np.ascontiguousarray(w_t[:, :2 * H]), np.ascontiguousarray(w_t[:, 2 * H:])
    dot, add, mul, sub, tanh = np.dot, np.add, np.multiply, np.subtract, np.tanh
    for t in range(T):
        row, h = gates[t], hs[t]
        rz, r, z, n = row[:, :2 * H], row[:, :H], row[:, H:2 * H], row[:, 2 * H:]
        if after:
            dot(h, w_t, out=tmp)
            add(rz, tmp[:, :2 * H], out=rz)
        else:
            dot(h, w_rz_t, out=tmp_rz)
            add(rz, tmp_rz, out=rz)
        tanh(rz, out=rz)
        mul(rz, 0.5, out=rz)
        add(rz, 0.5, out=rz)
        if after:
            add(tmp[:, 2 * H:], b_hn, out=hn[t])
            mul(r, hn[t], out=buf)
        else:
            mul(r, h, out=hn[t])
            dot(hn[t], w_n_t, out=buf)
        add(n, buf, out=n)
        tanh(n, out=n)
        sub(h, n, out=buf)  # h' = n + z ⊙ (h − n)
        mul(z, buf, out=buf)
        add(n, buf, out=hs[t + 1])
    tape.saved = {"gates": gates, "hn": hn}


def gru_backward(tape: Tape, d_out: np.ndarray, dh: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The GRU's parameter gradients and ∂L/∂h entering each step; see :func:`backward`."""
    gates, hn, p, h_prev = tape.saved["gates"], tape.saved["hn"], tape.params, tape.hs[:-1]
    T, B, H = hn.shape
    after = bool(tape.options.get("reset_after", True))
    r, z, n = (np.ascontiguousarray(gates[..., k * H:(k + 1) * H]) for k in range(3))
    to_z = (h_prev - n) * z * (1.0 - z)  # dh → da_z
    to_n = (1.0 - z) * (1.0 - n * n)  # dh → da_n
    to_r = (hn if after else h_prev) * r * (1.0 - r)  # da_n (after) or ∂L/∂(r ⊙ h) (before) → da_r
    dgx = np.empty((T, B, 3 * H))  # ∂L/∂(input pre-activations)
    dgh = np.empty((T, B, 3 * H)) if after else dgx  # ∂L/∂(recurrent pre-activations)
    dh_in = np.empty((T, B, H))
    dh_tot, tmp, drh = np.empty((B, H)), np.empty((B, H)), np.empty((B, H))
    w_hh = p["weight_hh"]
    w_rz, w_n = np.ascontiguousarray(w_hh[:2 * H]), np.ascontiguousarray(w_hh[2 * H:])
    dot, add, mul = np.dot, np.add, np.multiply
    for t in range(T - 1, -1, -1):
        add(d_out[t], dh, out=dh_tot)
        mul(dh_tot, to_z[t], out=dgh[t, :, H:2 * H])
        da_n = dgx[t, :, 2 * H:]
        mul(dh_tot, to_n[t], out=da_n)
        if after:
            mul(da_n, to_r[t], out=dgh[t, :, :H])
            mul(da_n, r[t], out=dgh[t, :, 2 * H:])
            dot(dgh[t], w_hh, out=tmp)
        else:
            dot(da_n, w_n, out=drh)
            mul(drh, to_r[t], out=dgh[t, :, :H])
            dot(dgh[t, :, :2 * H], w_rz, out=tmp)
            mul(drh, r[t], out=drh)
            add(tmp, drh, out=tmp)
        mul(dh_tot, z[t], out=dh_in[t])
        add(dh_in[t], tmp, out=dh_in[t])
        dh = dh_in[t]
    if after:
        dgx[..., :2 * H] = dgh[..., :2 * H]
        w_hh_grad = weight_gradients(dgh, h_prev)
    else:
        w_hh_grad = np.concatenate([weight_gradients(dgx[..., :2 * H], h_prev),
                                    weight_gradients(dgx[..., 2 * H:], hn)])
    grads = {"weight_ih": weight_gradients(dgx, tape.x), "weight_hh": w_hh_grad,
             "bias_ih": dgx.sum(axis=(0, 1)), "bias_hh": dgh.sum(axis=(0, 1))}
    return grads, dh_in
