"""The numbers the diagram shows: every gate, state and pointwise product at one step.

Values are read from the trace (never recomputed) except the intermediate
products the trace does not store (``f ⊙ c``, ``i ⊙ g``, ``1 − z`` …) and the
pre-activations the equations show, which are computed from the cell's weights
for one unit.
"""

from __future__ import annotations

import numpy as np

from simulator import Cell, Trace

__all__ = ["KEYS", "activate", "input_summary", "pre_terms", "step_values"]

#: The value keys each kind's diagram shows (gates, states and the products between them).
KEYS = {
    "lstm": ("x", "h_prev", "c_prev", "f", "i", "g", "o", "fc", "ig", "c", "tc", "h"),
    "gru": ("x", "h_prev", "r", "z", "n", "rh", "zh", "1-z", "zn", "h"),
    "rnn": ("x", "h_prev", "a", "h"),
}


def input_summary(x: np.ndarray) -> float:
    """The one number the x terminal shows: x itself when D = 1, else ‖x‖₂.

    Parameters
    ----------
    x : ndarray, shape (D,)
    """
    return float(x[0]) if x.shape[0] == 1 else float(np.sqrt(np.dot(x, x)))


def _hn(cell: Cell, h: np.ndarray, sel: slice) -> np.ndarray:
    """GRU ``W_hn h + b_hn`` for the selected units, shape (len(sel),)."""
    return cell.block("weight_hh", "n")[sel] @ h + cell.block("bias_hh", "n")[sel]


def _rnn_pre(cell: Cell, trace: Trace, step: int, sel: slice) -> np.ndarray:
    h = trace.state_before(step)[0]
    return (cell.weight_ih[sel] @ trace.x[step] + cell.bias_ih[sel]
            + cell.weight_hh[sel] @ h + cell.bias_hh[sel])


def step_values(cell: Cell, trace: Trace, step: int, unit: int | None) -> dict[str, float]:
    """Every key of :data:`KEYS` at ``step`` for one unit, or the mean over units when ``unit`` is None.

    Products are averaged after multiplying (the mean of ``f ⊙ c``, not mean f × mean c).
    """
    kind = cell.kind
    if trace.length == 0:
        return dict.fromkeys(KEYS[kind], 0.0)
    sel = slice(None) if unit is None else slice(unit, unit + 1)
    row = trace.row(step)
    h_prev, c_prev = trace.state_before(step)
    v = {"h_prev": h_prev[sel], "h": row["h"][sel]}
    if kind == "lstm":
        f, i, g, o, c = (row[k][sel] for k in ("f", "i", "g", "o", "c"))
        cp = c_prev[sel]
        v.update(f=f, i=i, g=g, o=o, c=c, c_prev=cp, fc=f * cp, ig=i * g, tc=np.tanh(c))
    elif kind == "gru":
        r, z, n = (row[k][sel] for k in ("r", "z", "n"))
        hp = v["h_prev"]
        rh = r * _hn(cell, h_prev, sel) if cell.reset_after else r * hp
        v.update({"r": r, "z": z, "n": n, "rh": rh, "zh": z * hp, "1-z": 1.0 - z, "zn": (1.0 - z) * n})
    else:
        v["a"] = _rnn_pre(cell, trace, step, sel)
    out = {k: float(a.mean()) for k, a in v.items()}
    out["x"] = input_summary(trace.x[step])
    return out


def activate(name: str, pre: float) -> float:
    """Apply ``"sigmoid"``, ``"tanh"`` or ``"relu"`` to a scalar the way the engine does."""
    if name == "sigmoid":
        return float(1.0 / (1.0 + np.exp(-pre)))
    if name == "relu":
        return max(pre, 0.0)
    return float(np.tanh(pre))


def pre_terms(cell: Cell, trace: Trace, step: int, gate: str, unit: int) -> dict[str, float]:
    """The parts of one unit's pre-activation of ``gate`` and their sum.

    Returns
    -------
    dict
        ``wx`` (W_i· x), ``bx`` (b_i·), ``wh`` (W_h· h or, for the GRU candidate with the reset
        before the matmul, W_hn (r ⊙ h)), ``bh`` (b_h·), optionally ``peep`` (LSTM peephole term)
        and ``r`` (GRU candidate: the reset gate), and ``pre``, the argument of the activation.
        For the RNN pass ``gate="a"``.
    """
    k = unit
    x = trace.x[step]
    h, c = trace.state_before(step)
    if cell.kind == "rnn":
        wi, wh, bi, bh = cell.weight_ih[k], cell.weight_hh[k], cell.bias_ih[k], cell.bias_hh[k]
    else:
        wi, wh = cell.block("weight_ih", gate)[k], cell.block("weight_hh", gate)[k]
        bi, bh = cell.block("bias_ih", gate)[k], cell.block("bias_hh", gate)[k]
    t = {"wx": float(wi @ x), "bx": float(bi), "bh": float(bh)}
    if cell.kind == "gru" and gate == "n":
        r = trace.gates["r"][step]
        t["r"] = float(r[k])
        if cell.reset_after:
            t["wh"] = float(wh @ h)
            t["pre"] = t["wx"] + t["bx"] + t["r"] * (t["wh"] + t["bh"])
        else:
            t["wh"] = float(wh @ (r * h))
            t["pre"] = t["wx"] + t["bx"] + t["wh"] + t["bh"]
        return t
    t["wh"] = float(wh @ h)
    pre = t["wx"] + t["bx"] + t["wh"] + t["bh"]
    peep = getattr(cell, "weight_peephole", None)
    if peep is not None and gate in ("i", "f", "o"):
        row, c_seen = {"i": 0, "f": 1, "o": 2}[gate], c if gate != "o" else trace.c[step]
        t["peep"] = float(peep[row, k] * c_seen[k])
        pre += t["peep"]
    t["pre"] = pre
    return t
