"""Optimisers that match ``torch.optim`` step for step, and gradient-norm clipping.

Each optimiser updates a dict of float64 parameter arrays *in place*, given a dict of
gradients with the same keys; its state (momentum buffers, Adam moments, the step count)
is a dict of arrays too, so :meth:`Optimizer.state_dict` can be copied to another thread
or saved.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from simulator import InputError

__all__ = ["OPTIMIZERS", "SGD", "Adam", "Optimizer", "clip_grad_norm", "make_optimizer"]

OPTIMIZERS = ("sgd", "adam")


def _rate(name: str, value: float, low: float = 0.0, high: float = math.inf, *,
          open_low: bool = False) -> float:
    value = float(value)
    if not math.isfinite(value) or value < low or (open_low and value == low) or value > high:
        raise InputError(f"{name} must be {'>' if open_low else '≥'} {low:g}"
                         + (f" and ≤ {high:g}" if math.isfinite(high) else "") + f", not {value!r}")
    return value


class Optimizer:
    """Base class: ``step(params, grads)`` updates ``params`` in place."""

    def __init__(self, lr: float, weight_decay: float = 0.0) -> None:
        self.lr = _rate("learning rate", lr, open_low=True)
        self.weight_decay = _rate("weight decay", weight_decay)
        self.state: dict[str, dict[str, np.ndarray]] = {}
        self.steps = 0

    def step(self, params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """One update of every parameter in ``params`` (float64 arrays, changed in place).

        Parameters
        ----------
        params : mapping of str to ndarray
        grads : mapping of str to ndarray
            The same keys and shapes; not changed.
        """
        missing = set(params) - set(grads)
        if missing:
            raise InputError(f"no gradient for {sorted(missing)[0]!r}")
        self.steps += 1
        for name, p in params.items():
            g = grads[name]
            if self.weight_decay:
                g = g + self.weight_decay * p
            self._update(name, p, g, self.state.setdefault(name, {}))

    def _update(self, name: str, p: np.ndarray, g: np.ndarray,
                state: dict[str, np.ndarray]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def state_dict(self) -> dict[str, np.ndarray]:
        """A copy of the state as flat ``"param/buffer"`` arrays plus ``"steps"``."""
        flat = {f"{name}/{key}": value.copy()
                for name, bufs in self.state.items() for key, value in bufs.items()}
        flat["steps"] = np.array(self.steps)
        return flat


class SGD(Optimizer):
    """Stochastic gradient descent, as ``torch.optim.SGD`` (dampening 0).

    ``b ← μ b + g`` (``b = g`` on the first step); ``p ← p − lr · (g + μ b if nesterov else b)``.
    """

    def __init__(self, lr: float, momentum: float = 0.0, *, nesterov: bool = False,
                 weight_decay: float = 0.0) -> None:
        super().__init__(lr, weight_decay)
        self.momentum = _rate("momentum", momentum, high=1.0)
        if nesterov and self.momentum == 0.0:
            raise InputError("Nesterov momentum needs a momentum above 0")
        self.nesterov = bool(nesterov)

    def _update(self, name: str, p: np.ndarray, g: np.ndarray, state: dict[str, np.ndarray]) -> None:
        if self.momentum:
            buf = state.get("momentum_buffer")
            if buf is None:
                buf = state["momentum_buffer"] = np.array(g, dtype=np.float64)
            else:
                buf *= self.momentum
                buf += g
            g = g + self.momentum * buf if self.nesterov else buf
        p -= self.lr * g


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015), as ``torch.optim.Adam`` without amsgrad.

    ``m ← β1 m + (1 − β1) g``, ``v ← β2 v + (1 − β2) g²``,
    ``p ← p − lr / (1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)``.
    """

    def __init__(self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8, *,
                 weight_decay: float = 0.0) -> None:
        super().__init__(lr, weight_decay)
        self.beta1 = _rate("beta1", betas[0], high=1.0)
        self.beta2 = _rate("beta2", betas[1], high=1.0)
        if self.beta1 >= 1.0 or self.beta2 >= 1.0:
            raise InputError("Adam's betas must be below 1")
        self.eps = _rate("eps", eps)

    def _update(self, name: str, p: np.ndarray, g: np.ndarray, state: dict[str, np.ndarray]) -> None:
        if not state:
            state["exp_avg"] = np.zeros_like(p, dtype=np.float64)
            state["exp_avg_sq"] = np.zeros_like(p, dtype=np.float64)
        m, v, t = state["exp_avg"], state["exp_avg_sq"], self.steps
        m += (g - m) * (1.0 - self.beta1)  # torch: exp_avg.lerp_(grad, 1 − β1)
        v *= self.beta2
        v += (1.0 - self.beta2) * g * g
        step_size = self.lr / (1.0 - self.beta1 ** t)
        denom = np.sqrt(v) / math.sqrt(1.0 - self.beta2 ** t)
        denom += self.eps
        p -= step_size * (m / denom)


def make_optimizer(name: str, lr: float, *, momentum: float = 0.0, nesterov: bool = False,
                   weight_decay: float = 0.0) -> Optimizer:
    """``"sgd"`` or ``"adam"`` by name; ``momentum`` and ``nesterov`` apply to SGD only."""
    key = str(name).lower()
    if key == "sgd":
        return SGD(lr, momentum, nesterov=nesterov, weight_decay=weight_decay)
    if key == "adam":
        if momentum or nesterov:
            raise InputError("momentum applies to SGD only (Adam has its betas)")
        return Adam(lr, weight_decay=weight_decay)
    raise InputError(f"unknown optimiser {name!r}; choose sgd or adam")


def clip_grad_norm(grads: Mapping[str, np.ndarray], max_norm: float) -> float:
    """Scale every gradient in place so their joint 2-norm is at most ``max_norm``.

    As ``torch.nn.utils.clip_grad_norm_``: the scale is ``min(1, max_norm / (norm + 1e-6))``.

    Parameters
    ----------
    grads : mapping of str to ndarray
        Changed in place.
    max_norm : float
        > 0.

    Returns
    -------
    float
        The total norm before clipping (inf or NaN when a gradient is; nothing is scaled then).
    """
    max_norm = _rate("clip", max_norm, open_low=True)
    total = math.sqrt(sum(float(np.dot(g.ravel(), g.ravel())) for g in grads.values()))
    if math.isfinite(total):
        coef = min(1.0, max_norm / (total + 1e-6))
        if coef < 1.0:
            for g in grads.values():
                g *= coef
    return total
