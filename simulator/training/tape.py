"""The record a forward pass keeps for backpropagation, and the matmuls shared by every kind."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from simulator import Cell

__all__ = ["Tape", "cell_parameters", "input_projection", "weight_gradients"]


@dataclass
class Tape:
    """What the forward pass leaves for the backward pass (time-major arrays).

    Attributes
    ----------
    kind : str
        ``"rnn"``, ``"lstm"`` or ``"gru"``.
    params : dict of str to ndarray
        The cell's parameters in float64 (PyTorch names and order).
    x : ndarray, shape (T, B, D)
    hs : ndarray, shape (T + 1, B, H)
        ``hs[0]`` is h0, ``hs[t + 1]`` the state after step t.
    cs : ndarray, shape (T + 1, B, H), or None
        The LSTM's cell states, likewise.
    saved : dict of str to ndarray
        Kind-specific activations (gates, candidates, prepared weights).
    """

    kind: str
    params: dict[str, np.ndarray]
    x: np.ndarray
    hs: np.ndarray
    cs: np.ndarray | None = None
    saved: dict[str, np.ndarray] = field(default_factory=dict)
    options: dict[str, object] = field(default_factory=dict)

    @property
    def outputs(self) -> np.ndarray:
        """The hidden states after each step, shape (T, B, H) (a view)."""
        return self.hs[1:]


def cell_parameters(cell: Cell) -> dict[str, np.ndarray]:
    """The cell's parameters as float64 arrays by PyTorch name (copies only when converted)."""
    return {name: np.asarray(value, dtype=np.float64) for name, value in cell.parameters().items()
            if value is not None}


def input_projection(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """``x @ weightᵀ + bias`` for every step in one matmul, shape (T, B, G)."""
    T, B, D = x.shape
    out = np.matmul(x.reshape(T * B, D), weight.T).reshape(T, B, -1)
    out += bias
    return out


def weight_gradients(da: np.ndarray, inputs: np.ndarray) -> np.ndarray:
    """``Σ_t Σ_b da[t, b]ᵀ inputs[t, b]`` in one matmul: (T, B, G), (T, B, K) → (G, K)."""
    G, K = da.shape[-1], inputs.shape[-1]
    return da.reshape(-1, G).T @ inputs.reshape(-1, K)
