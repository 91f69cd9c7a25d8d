"""How far a gradient travels back through time: norms of products of one-step Jacobians.

With every input fixed, the state leaving step ``E`` depends on the state entering an
earlier step ``t`` through the product ``M_E · M_{E−1} ⋯ M_t`` of the one-step
Jacobians ``M_k = ∂state[k]/∂state_k`` (``cell.jacobian(trace, k)``, S × S with S = H,
or 2H as ``[h; c]`` for the LSTM). Its h-block is ``∂h[E]/∂h_t`` (the entering cell
state held fixed) and, for the LSTM, its c-block is ``∂c[E]/∂c_t`` (the entering h
held fixed).

The product is accumulated backward from ``E`` in float64 as ``P · 2**e``: whenever
the largest |entry| of ``P`` leaves [2**-400, 2**400] it is rescaled by a power of two (exact) and
the exponent ``e`` carried as an integer. The returned norms are therefore exact
float64 values up to rounding: ``inf`` only when the true norm exceeds the float64
range, 0 only when it is below the smallest subnormal, and never a warning.
"""

from __future__ import annotations

import numpy as np

from simulator.core.cells import Cell
from simulator.core.trace import Trace

__all__ = ["gradient_norms", "gradient_window", "jacobian_product", "one_step_jacobian_norms"]

_SMALL, _LARGE = 2.0 ** -400, 2.0 ** 400


def _check_end(trace: Trace, end: int | None, start: int) -> int:
    T = trace.length
    E = T - 1 if end is None else int(end)
    if T == 0 and end is None:
        return -1
    if not 0 <= E < T:
        raise IndexError(f"end step {E} outside 0..{T - 1}")
    if not 0 <= start <= E:
        raise IndexError(f"start step {start} outside 0..{E}")
    return E


def _norm(block: np.ndarray) -> tuple[float, int]:
    """Frobenius norm of ``block`` as ``(m, e)`` with norm = m · 2**e, immune to over/underflow."""
    peak = float(np.max(np.abs(block))) if block.size else 0.0
    if peak == 0.0 or not np.isfinite(peak):
        return peak, 0
    e = int(np.frexp(peak)[1])
    return float(np.linalg.norm(np.ldexp(block, -e))), e


def _value(m: float, e: int) -> float:
    """``m · 2**e`` rounded to float64: inf beyond the range, 0 (or subnormal) below it."""
    with np.errstate(over="ignore", under="ignore"):
        return float(np.ldexp(m, e)) if m != 0.0 else 0.0


def _scaled(a: np.ndarray) -> tuple[np.ndarray, int]:
    """``a`` divided by ``2**e`` (exact) when its largest |entry| is outside [2**-400, 2**400].

    One reduction when no rescaling is needed. Inside that range a Frobenius norm of any block
    of up to 2**200 entries neither overflows nor loses its largest terms to underflow.
    """
    peak = float(np.abs(a).max()) if a.size else 0.0
    if peak == 0.0 or not np.isfinite(peak) or _SMALL <= peak <= _LARGE:
        return a, 0
    e = int(np.frexp(peak)[1])
    return np.ldexp(a, -e), e


def _block_norms(blocks: np.ndarray, exps: np.ndarray) -> np.ndarray:
    """Frobenius norms of ``blocks`` (k, r, c), each times ``2**exps``, as float64 (inf / 0 past the range).

    Each block is scaled by a power of two of its own peak first (a block can be far smaller
    than the product it sits in), so the squares neither overflow nor underflow.
    """
    peaks = np.abs(blocks).max(axis=(1, 2))
    with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
        e = np.where(peaks > 0, np.frexp(peaks)[1], 0)
        scaled = np.ldexp(blocks, -e[:, None, None])
        norms = np.sqrt(np.einsum("kij,kij->k", scaled, scaled))
        return np.where(peaks > 0, np.ldexp(norms, e + exps), peaks)


def gradient_norms(cell: Cell, trace: Trace, end: int | None = None, *,
                   start: int = 0) -> dict[str, np.ndarray]:
    """Frobenius norms of ``∂h[E]/∂h_t`` (and ``∂c[E]/∂c_t`` for the LSTM) for t = start … E.

    ``h_t`` is the hidden state *entering* step t (``h0`` for t = 0), so entry ``E``
    is the one-step Jacobian ``∂h[E]/∂h_E``.

    Parameters
    ----------
    cell : Cell
        The cell that produced ``trace``.
    trace : Trace
        A computed trace of length T ≥ 1.
    end : int, optional
        E, the step whose output is differentiated; T − 1 by default.
    start : int, optional
        The earliest step wanted; entries before it are NaN. The cost is
        O((E − start + 1) · S³), S = H (2H for the LSTM), so an interactive view
        asks for a recent window, e.g. ``start=max(0, E - 500)``.

    Returns
    -------
    dict of str to ndarray of float64, each shape (E + 1,)
        ``"dhT_dh"``: entry t is ‖∂h[E]/∂h_t‖_F, the h-block of ``M_E ⋯ M_t`` (for the
        LSTM with the entering cell state held fixed). LSTM only, ``"dcT_dc"``:
        ‖∂c[E]/∂c_t‖_F, the c-block of the same product (entering h held fixed).
        NaN before ``start``; an empty trace with ``end=None`` gives shape (0,).

    Raises
    ------
    IndexError
        ``end`` outside 0 … T − 1 or ``start`` outside 0 … E.
    """
    E = _check_end(trace, end, start)
    window = gradient_window(cell, trace, end, start=start)
    out = {}
    for key, values in window.items():
        out[key] = np.full(E + 1, np.nan)
        out[key][start:] = values
    return out


def gradient_window(cell: Cell, trace: Trace, end: int | None, *, start: int = 0) -> dict[str, np.ndarray]:
    """:func:`gradient_norms` for t = start … end only: each array has shape (end − start + 1,).

    Entry k is step ``start + k``. A view of a recent window at step 900,000 of a long trace
    gets 400 numbers, not two arrays of 900,001 mostly NaN.
    """
    E = _check_end(trace, end, start)
    H, n = cell.hidden_size, E + 1 - start
    blocks = {"dhT_dh": (slice(0, H), slice(0, H))}
    if cell.has_cell:
        blocks["dcT_dc"] = (slice(H, 2 * H), slice(H, 2 * H))
    out = {key: np.full(n, np.nan) for key in blocks}
    if n <= 0:
        return out
    # the products P_t · 2**exp_t, kept a chunk of steps at a time; their block norms are taken
    # together per chunk (a few numpy calls), so the loop does one matmul and one peak per step
    S = 2 * H if cell.has_cell else H
    chunk = max(1, min(n, (1 << 22) // (S * S)))  # ≤ 32 MB of products at a time
    products, exps = np.empty((chunk, S, S)), np.zeros(chunk, dtype=np.int64)
    P, exp, k, zero_from = None, 0, 0, None  # P · 2**exp; None stands for the identity
    jacobians, low = None, E + 1  # the one-step Jacobians of steps low … low + chunk − 1, batched
    for t in range(E, start - 1, -1):
        if t < low:
            low = max(start, t + 1 - chunk)
            jacobians = np.asarray(cell.jacobians(trace, low, t + 1), dtype=np.float64)
        M, m_exp = _scaled(jacobians[t - low])
        P = M if P is None else P @ M
        P, p_exp = _scaled(P)
        exp += m_exp + p_exp
        products[k], exps[k] = P, exp
        k += 1
        if k == chunk or t == start:
            for key, (rows, cols) in blocks.items():
                out[key][t - start:t - start + k] = _block_norms(products[:k, rows, cols], exps[:k])[::-1]
            k = 0
        if not P.any():  # exactly zero: every earlier product is zero too
            zero_from = t
            break
    if zero_from is not None:
        for key, (rows, cols) in blocks.items():
            if k:
                out[key][zero_from - start:zero_from - start + k] = \
                    _block_norms(products[:k, rows, cols], exps[:k])[::-1]
            out[key][:zero_from - start] = 0.0
    return out


def jacobian_product(cell: Cell, trace: Trace, end: int, t: int) -> np.ndarray:
    """The full product ``M_end ⋯ M_t = ∂state[end]/∂state_t`` in float64, shape (S, S).

    S = H, or 2H for the LSTM with the state stacked as ``[h; c]``. Plain float64
    arithmetic (it may overflow for long spans; :func:`gradient_norms` does not).
    ``t = end + 1`` gives the identity.
    """
    _check_end(trace, end, min(t, end))
    if not 0 <= t <= end + 1:
        raise IndexError(f"step {t} outside 0..{end + 1}")
    S = 2 * cell.hidden_size if cell.has_cell else cell.hidden_size
    P = np.eye(S)
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(end, t - 1, -1):
            P = P @ np.asarray(cell.jacobian(trace, k), dtype=np.float64)
    return P


def one_step_jacobian_norms(cell: Cell, trace: Trace, start: int = 0,
                            stop: int | None = None) -> np.ndarray:
    """‖∂h[t]/∂h_t‖_F for each step: how much one step stretches or shrinks the gradient.

    For the LSTM it is the h-block of the one-step Jacobian (entering c held fixed).

    Parameters
    ----------
    cell : Cell
    trace : Trace
    start, stop : int, optional
        The steps to compute (default all); the others are NaN.

    Returns
    -------
    ndarray of float64, shape (T,)
    """
    T = trace.length
    stop = T if stop is None else stop
    if not 0 <= start <= stop <= T:
        raise IndexError(f"steps {start}..{stop} outside 0..{T}")
    H = cell.hidden_size
    out = np.full(T, np.nan)
    for t in range(start, stop):
        out[t] = _value(*_norm(np.asarray(cell.jacobian(trace, t)[:H, :H], dtype=np.float64)))
    return out
