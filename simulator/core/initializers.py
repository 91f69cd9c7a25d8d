"""Seeded weight initialisers people expect from PyTorch and Keras.

Every function takes a :class:`numpy.random.Generator` and returns arrays in
PyTorch's canonical layout: ``weight_ih`` (G·H, D), ``weight_hh`` (G·H, H),
``bias_ih`` and ``bias_hh`` (G·H,).
"""

from __future__ import annotations

import numpy as np

from simulator.core.errors import InputError

__all__ = ["INITIALIZERS", "initial_parameters", "orthogonal"]

INITIALIZERS = ("pytorch", "glorot", "orthogonal", "keras", "zeros")


def orthogonal(rng: np.random.Generator, rows: int, cols: int) -> np.ndarray:
    """A (rows, cols) matrix with orthonormal rows or columns (QR of a Gaussian, sign-fixed)."""
    a = rng.standard_normal((max(rows, cols), min(rows, cols)))
    q, r = np.linalg.qr(a)
    q *= np.sign(np.diag(r))  # make the distribution uniform (Mezzadri 2007)
    return q if rows >= cols else q.T


def _glorot(rng: np.random.Generator, fan_in: int, fan_out: int, shape: tuple[int, int]) -> np.ndarray:
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, shape)


def initial_parameters(blocks: int, input_size: int, hidden_size: int, init: str = "pytorch",
                       seed: int = 0) -> dict[str, np.ndarray]:
    """Fresh parameters for a cell with ``blocks`` gate blocks (1 RNN, 4 LSTM, 3 GRU).

    Parameters
    ----------
    blocks : int
        G, the number of stacked gate blocks.
    input_size, hidden_size : int
        D and H.
    init : {"pytorch", "glorot", "orthogonal", "keras", "zeros"}
        ``pytorch``: every weight and bias ~ U(−1/√H, 1/√H). ``glorot``: Glorot-uniform
        kernels, zero biases. ``orthogonal``: Glorot-uniform input kernel and an
        orthogonal H×H matrix per recurrent gate block. ``keras``: Keras 3's defaults
        (Glorot kernel, one orthogonal (H, G·H) recurrent kernel, zero bias).
        ``zeros``: all zero.
    seed : int

    Returns
    -------
    dict with ``weight_ih`` (G·H, D), ``weight_hh`` (G·H, H), ``bias_ih`` and ``bias_hh`` (G·H,)
    """
    if init not in INITIALIZERS:
        raise InputError(f"unknown initialiser {init!r}; choose one of {', '.join(INITIALIZERS)}")
    D, H, GH = input_size, hidden_size, blocks * hidden_size
    rng = np.random.default_rng(seed)
    zeros = np.zeros(GH)
    if init == "pytorch":
        k = 1.0 / np.sqrt(H)
        return {"weight_ih": rng.uniform(-k, k, (GH, D)), "weight_hh": rng.uniform(-k, k, (GH, H)),
                "bias_ih": rng.uniform(-k, k, GH), "bias_hh": rng.uniform(-k, k, GH)}
    if init == "zeros":
        return {"weight_ih": np.zeros((GH, D)), "weight_hh": np.zeros((GH, H)),
                "bias_ih": zeros, "bias_hh": zeros.copy()}
    # Keras kernels are (D, G·H); draw in that shape so a seed means the same matrix, then transpose.
    w_ih = _glorot(rng, D, GH, (D, GH)).T
    if init == "glorot":
        w_hh = _glorot(rng, H, GH, (H, GH)).T
    elif init == "orthogonal":
        w_hh = np.concatenate([orthogonal(rng, H, H) for _ in range(blocks)])
    else:  # keras
        w_hh = orthogonal(rng, H, GH).T
    return {"weight_ih": np.ascontiguousarray(w_ih), "weight_hh": np.ascontiguousarray(w_hh),
            "bias_ih": zeros, "bias_hh": zeros.copy()}
