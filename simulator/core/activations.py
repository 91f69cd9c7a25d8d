"""Numerically stable activations and their derivatives.

Every function accepts an ``out`` array so the simulation kernels can work in
place on preallocated trace rows. None of them warns or returns NaN for finite
inputs of any magnitude (±1e6 and beyond).
"""

from __future__ import annotations

import numpy as np

__all__ = ["ACTIVATIONS", "drelu", "dsigmoid", "dtanh", "relu", "sigmoid", "tanh"]


def sigmoid(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Logistic sigmoid ``1 / (1 + exp(-x))``, computed without overflow.

    The textbook formula PyTorch uses, so values agree with the framework in
    the ordinary range; where ``exp(-x)`` overflows to inf the result is
    exactly 0, with the overflow warning silenced because 0 is right.

    Parameters
    ----------
    x : ndarray, any shape
    out : ndarray, same shape, optional
        May be ``x`` itself.
    """
    if out is None:
        out = np.empty_like(x)
    with np.errstate(over="ignore"):  # exp(-x) -> inf gives exactly 0, which is right
        np.negative(x, out=out)
        np.exp(out, out=out)
        out += 1.0
        np.reciprocal(out, out=out)
    return out


def tanh(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Hyperbolic tangent (numpy's is already stable for any finite input)."""
    return np.tanh(x, out=out)


def relu(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Rectified linear unit ``max(x, 0)``."""
    return np.maximum(x, 0.0, out=out)


def dsigmoid(y: np.ndarray) -> np.ndarray:
    """Derivative of the sigmoid from its output ``y = σ(x)``: ``y (1 − y)``."""
    return y * (1.0 - y)


def dtanh(y: np.ndarray) -> np.ndarray:
    """Derivative of tanh from its output ``y = tanh(x)``: ``1 − y²``."""
    return 1.0 - y * y


def drelu(y: np.ndarray) -> np.ndarray:
    """Derivative of relu from its output ``y``: 1 where ``y > 0``, else 0."""
    return (y > 0).astype(y.dtype)


#: name -> (function, derivative-from-output)
ACTIVATIONS = {"tanh": (tanh, dtanh), "relu": (relu, drelu), "sigmoid": (sigmoid, dsigmoid)}
