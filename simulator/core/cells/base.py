"""What every cell shares: the PyTorch-named parameters, validation, and ``step``."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np

from simulator.core.errors import InputError
from simulator.core.trace import Trace

__all__ = ["PARAMETER_NAMES", "PROJECTION_BLOCK", "Cell", "as_float_array", "check_finite", "check_real",
           "project_inputs", "Forcer"]

#: ``force(row, t, letters)``: overwrite gate values of ``row`` (the engine-order gate block
#: at step t) for the gates named in ``letters``, right after they are computed (what-if runs).
Forcer = Callable[[np.ndarray, int, str], None]

PARAMETER_NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
FLOAT_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))


def check_finite(arr: np.ndarray, name: str, chunk: int = 1 << 16) -> None:
    """Raise :class:`InputError` naming the first NaN / inf in ``arr``.

    Checks ``chunk`` elements at a time so a long sequence needs no full-size mask.
    """
    flat = arr.reshape(-1)
    for lo in range(0, flat.size, chunk):
        ok = np.isfinite(flat[lo:lo + chunk])
        if not ok.all():
            where = tuple(int(i) for i in np.unravel_index(lo + int(np.argmin(ok)), arr.shape))
            raise InputError(f"{name}: non-finite value {arr[where]} at index {where}")


def check_real(arr: np.ndarray, name: str, shape: tuple[int, ...]) -> None:
    """Raise :class:`InputError` unless ``arr`` holds real numbers in ``shape``."""
    if arr.dtype.kind not in "fiub":
        raise InputError(f"{name}: expected real numbers, got dtype {arr.dtype}")
    if arr.shape != shape:
        raise InputError(f"{name}: expected shape {shape}, got {arr.shape}")


def as_float_array(value: Any, name: str, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """Validate ``value`` as a finite real array of ``shape`` and return a C-contiguous copy.

    Raises
    ------
    InputError
        Wrong shape, a non-numeric dtype, or a NaN / inf (its position is named).
    """
    arr = np.asarray(value)
    check_real(arr, name, shape)
    with np.errstate(over="ignore"):  # beyond float32's range becomes inf, refused below
        arr = np.array(arr, dtype=dtype, order="C", copy=True)
    check_finite(arr, name)
    return arr


PROJECTION_BLOCK = 64


def project_inputs(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, out: np.ndarray,
                   start: int, stop: int) -> None:
    """``out[t − start] = weight @ x[t] + bias`` for steps ``start ≤ t < stop``, bit-identical for any range.

    A BLAS matmul may round a row differently depending on how many rows it is given
    (a single row goes to gemv), so a rerun from step t would drift from a full run in
    the last bit. Rows are therefore always projected in blocks of ``PROJECTION_BLOCK``
    aligned to step 0, each through the same (64, D) @ (D, G·H) call.

    Parameters
    ----------
    x : ndarray, shape (≥ stop, D)
        The trace's inputs.
    weight : ndarray, shape (G·H, D)
    bias : ndarray, shape (G·H,)
    out : ndarray, shape (stop − start, G·H)
    """
    B = PROJECTION_BLOCK
    x_block = np.zeros((B, x.shape[1]), x.dtype)
    p_block = np.empty((B, weight.shape[0]), x.dtype)
    w_t = weight.T
    for lo in range(start - start % B, stop, B):
        hi = min(lo + B, stop)
        x_block[: hi - lo] = x[lo:hi]
        np.matmul(x_block, w_t, out=p_block)
        first = max(lo, start)
        np.add(p_block[first - lo: hi - lo], bias, out=out[first - start: hi - start])


class Cell:
    """Base class of the cells: parameters in PyTorch's canonical layout.

    Subclasses set ``kind``, ``gate_names`` (PyTorch block order), ``internal_order``
    (the order of the trace's gate block) and implement ``step``, ``kernel`` and ``jacobians``.

    Parameters
    ----------
    weight_ih : array_like, shape (G·H, D)
    weight_hh : array_like, shape (G·H, H)
    bias_ih, bias_hh : array_like, shape (G·H,), optional
        Zeros when omitted (a cell without bias).
    dtype : {"float64", "float32"}, optional
        Defaults to float64.

    Attributes
    ----------
    direction : {"forward", "reverse"}
        How :func:`~simulator.core.simulation.run` consumes a sequence: "reverse" (PyTorch
        ``*_reverse``, Keras ``go_backwards`` or a Bidirectional's backward half, ONNX
        ``direction="reverse"``) reads x[T-1] first; the trace rows are in the order consumed.
    """

    kind: ClassVar[str] = ""
    gate_names: ClassVar[tuple[str, ...]] = ()
    internal_order: ClassVar[tuple[str, ...]] = ()
    blocks: ClassVar[int] = 1
    has_cell: ClassVar[bool] = False

    def __init__(self, weight_ih: Any, weight_hh: Any, bias_ih: Any = None, bias_hh: Any = None,
                 *, dtype: Any = np.float64) -> None:
        self.dtype = np.dtype(dtype)
        self.direction = "forward"
        if self.dtype not in FLOAT_DTYPES:
            raise InputError(f"dtype must be float32 or float64, not {self.dtype}")
        w_hh = np.asarray(weight_hh)
        w_ih = np.asarray(weight_ih)
        if w_hh.ndim != 2 or w_ih.ndim != 2:
            raise InputError(f"{self.kind}: weights must be matrices, got weight_ih {w_ih.shape}, "
                             f"weight_hh {w_hh.shape}")
        H = w_hh.shape[1]
        if H < 1 or w_ih.shape[1] < 1:
            raise InputError(f"{self.kind}: sizes must be at least 1 (hidden {H}, input {w_ih.shape[1]})")
        GH = self.blocks * H
        D = w_ih.shape[1]
        self.weight_ih = as_float_array(w_ih, "weight_ih", (GH, D), self.dtype)
        self.weight_hh = as_float_array(w_hh, "weight_hh", (GH, H), self.dtype)
        zeros = np.zeros(GH)
        self.bias_ih = as_float_array(zeros if bias_ih is None else bias_ih, "bias_ih", (GH,), self.dtype)
        self.bias_hh = as_float_array(zeros if bias_hh is None else bias_hh, "bias_hh", (GH,), self.dtype)

    # -- description -------------------------------------------------------------
    @property
    def input_size(self) -> int:
        """D, the size of one input vector."""
        return self.weight_ih.shape[1]

    @property
    def hidden_size(self) -> int:
        """H, the number of units."""
        return self.weight_hh.shape[1]

    @property
    def state_names(self) -> tuple[str, ...]:
        """``("h", "c")`` for the LSTM, ``("h",)`` otherwise."""
        return ("h", "c") if self.has_cell else ("h",)

    def options(self) -> dict[str, Any]:
        """Kind-specific settings (nonlinearity, reset_after, ...) as plain values."""
        return {}

    def config(self) -> dict[str, Any]:
        """Everything but the numbers: kind, sizes, dtype, options and a reverse direction (JSON-ready)."""
        reverse = {"direction": "reverse"} if self.direction == "reverse" else {}
        return {"kind": self.kind, "input_size": self.input_size, "hidden_size": self.hidden_size,
                "dtype": self.dtype.name, **self.options(), **reverse}

    def parameters(self) -> dict[str, np.ndarray]:
        """The parameter arrays by PyTorch name (the arrays themselves, not copies)."""
        return {name: getattr(self, name) for name in PARAMETER_NAMES}

    def label(self) -> str:
        """The kind with its convention, e.g. ``"GRU (reset after matmul)"``."""
        return self.kind.upper()

    def describe(self) -> str:
        """One line for people, e.g. ``"LSTM, 8 inputs, 32 units"``."""
        D, H = self.input_size, self.hidden_size
        return f"{self.label()}, {D} input{'s' * (D != 1)}, {H} unit{'s' * (H != 1)}"

    def block(self, name: str, gate: str) -> np.ndarray:
        """The rows of parameter ``name`` that belong to ``gate`` (a view), shape (H, ·) or (H,)."""
        k = self.gate_names.index(gate) if self.gate_names else 0
        H = self.hidden_size
        return getattr(self, name)[k * H:(k + 1) * H]

    def sha256(self) -> str:
        """SHA-256 over the kind, options and parameter bytes (little-endian float64)."""
        digest = hashlib.sha256(repr(sorted(self.config().items())).encode())
        for arr in self.parameters().values():
            if arr is not None:
                digest.update(np.ascontiguousarray(arr, dtype="<f8").tobytes())
        return digest.hexdigest()

    def copy(self, dtype: Any = None) -> Cell:
        """A deep copy, optionally converted to another dtype."""
        params = {k: v for k, v in self.parameters().items() if v is not None}
        twin = type(self)(**params, dtype=self.dtype if dtype is None else dtype, **self.options())
        twin.direction = self.direction
        return twin

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or self.config() != other.config():
            return False
        mine, theirs = self.parameters(), other.parameters()
        return all((mine[k] is None and theirs[k] is None) or
                   (mine[k] is not None and theirs[k] is not None and np.array_equal(mine[k], theirs[k]))
                   for k in mine)

    __hash__ = None  # mutable arrays

    def __repr__(self) -> str:
        opts = "".join(f", {k}={v!r}" for k, v in self.options().items())
        return f"{type(self).__name__}(input_size={self.input_size}, hidden_size={self.hidden_size}{opts})"

    # -- running ---------------------------------------------------------------------
    def new_trace(self, capacity: int) -> Trace:
        """An empty trace shaped for this cell."""
        return Trace(self.kind, self.input_size, self.hidden_size, self.internal_order, self.gate_names,
                     self.has_cell, self.dtype, capacity)

    def zero_state(self) -> dict[str, np.ndarray]:
        """The all-zero state by name, each shape (H,)."""
        return {name: np.zeros(self.hidden_size, self.dtype) for name in self.state_names}

    def _step_inputs(self, x: Any, state: dict[str, Any] | None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """``x`` as a checked (D,) array and the entering state by name (zeros where omitted)."""
        x = as_float_array(x, "x", (self.input_size,), self.dtype)
        given = state or {}
        return x, {k: as_float_array(given[k], k, (self.hidden_size,), self.dtype) if k in given
                   else np.zeros(self.hidden_size, self.dtype) for k in self.state_names}

    def step(self, x: Any, state: dict[str, Any] | None = None) -> tuple[dict[str, np.ndarray],
                                                                        dict[str, np.ndarray]]:
        """One step written as the plain equations: the new state and the gate values, each by name.

        The reference the fast :meth:`kernel` is tested against (it does not call the kernel).

        Parameters
        ----------
        x : array_like, shape (D,)
        state : dict, optional
            ``{"h": (H,)}`` and for the LSTM ``"c": (H,)``; zeros when omitted.

        Returns
        -------
        state : dict of str to ndarray, shape (H,)
        gates : dict of str to ndarray, shape (H,), by PyTorch letter
        """
        raise NotImplementedError  # pragma: no cover - every kind writes its equations

    def kernel(self, trace: Trace, start: int, stop: int, force: Forcer | None = None) -> None:
        """Compute rows ``start`` … ``stop − 1`` of ``trace`` in place from the row before.

        Any split of a range into consecutive calls gives the same bits as one call.

        Parameters
        ----------
        trace : Trace
            Holds the inputs ``x`` (≥ stop, D); rows ``start`` … ``stop − 1`` of ``h`` (n, H),
            ``c`` (n, H) and the gate block (n, G·H) are overwritten.
        start, stop : int
        force : Forcer, optional
            Overwrites gate values right after they are computed (what-if runs).
        """
        raise NotImplementedError  # pragma: no cover - abstract

    def jacobian(self, trace: Trace, t: int) -> np.ndarray:
        """One-step Jacobian ∂state[t]/∂state entering t, shape (S, S); S = H, or 2H as [h; c]."""
        if not 0 <= t < trace.length:
            raise IndexError(f"step {t} outside 0..{trace.length - 1}")
        return self.jacobians(trace, t, t + 1)[0]

    def jacobians(self, trace: Trace, start: int, stop: int) -> np.ndarray:  # pragma: no cover - abstract
        """The one-step Jacobians of steps ``start`` … ``stop − 1`` at once, shape (stop − start, S, S)."""
        raise NotImplementedError


def entering(trace: Trace, name: str, start: int, stop: int) -> np.ndarray:
    """The state ``name`` (``"h"`` or ``"c"``) entering steps ``start`` … ``stop − 1``, shape (n, H)."""
    rows = trace._h if name == "h" else trace._c
    first = trace.h0 if name == "h" else trace.c0
    if start > 0:
        return rows[start - 1:stop - 1]
    return np.concatenate([first[None, :], rows[:max(stop - 1, 0)]])[: stop - start]
