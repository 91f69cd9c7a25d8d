"""``make_cell``: a fresh, seeded cell of any kind."""

from __future__ import annotations

from typing import Any

import numpy as np

from simulator.core.cells import CELL_CLASSES, Cell
from simulator.core.errors import InputError
from simulator.core.initializers import initial_parameters

__all__ = ["MAX_UNITS", "make_cell"]

MAX_UNITS = 4096  # beyond this a (4H, H) weight alone passes a gigabyte at float64


def make_cell(kind: str, input_size: int, hidden_size: int, *, seed: int = 0, init: str = "pytorch",
              dtype: Any = np.float64, forget_bias: float | None = None, **options: Any) -> Cell:
    """A new cell with seeded initial weights.

    Parameters
    ----------
    kind : {"rnn", "lstm", "gru"}
    input_size, hidden_size : int
        D and H, each in 1 … 4096.
    seed : int
    init : {"pytorch", "glorot", "orthogonal", "keras", "zeros"}
        See :func:`simulator.core.initializers.initial_parameters`. ``keras`` also sets the
        LSTM forget-gate bias to 1 unless ``forget_bias`` says otherwise.
    dtype : {"float64", "float32"}
    forget_bias : float, optional
        LSTM only: the forget-gate bias (``b_if``; ``b_hf`` is set to 0).
    **options
        ``nonlinearity`` ("tanh" | "relu") for the RNN, ``reset_after`` (bool) for the GRU.

    Returns
    -------
    Cell
    """
    kind = str(kind).lower()
    if kind not in CELL_CLASSES:
        raise InputError(f"unknown cell kind {kind!r}; choose rnn, lstm or gru")
    for name, size in (("input_size", input_size), ("hidden_size", hidden_size)):
        if not isinstance(size, (int, np.integer)) or not 1 <= size <= MAX_UNITS:
            raise InputError(f"{name} must be an integer from 1 to {MAX_UNITS}, not {size!r}")
    cls = CELL_CLASSES[kind]
    params = initial_parameters(cls.blocks, int(input_size), int(hidden_size), init, seed)
    if init == "keras" and kind == "lstm" and forget_bias is None:
        forget_bias = 1.0  # Keras' unit_forget_bias
    if forget_bias is not None:
        if kind != "lstm":
            raise InputError("forget_bias applies to the LSTM only")
        if not np.isfinite(forget_bias):
            raise InputError(f"forget_bias must be finite, not {forget_bias}")
        H = int(hidden_size)
        params["bias_ih"][H:2 * H] = forget_bias
        params["bias_hh"][H:2 * H] = 0.0
    try:
        return cls(**params, dtype=dtype, **options)
    except TypeError as err:
        raise InputError(f"{kind}: unsupported option ({err})") from None
