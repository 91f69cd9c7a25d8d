"""The trace: every quantity of a run, one row per step, in preallocated arrays.

Row ``t`` holds the state *after* consuming ``x[t]``; the state entering step
``t`` is row ``t - 1`` (or the initial state for ``t = 0``). Gates live in one
``(capacity, G·H)`` block so a run writes them in place with no Python object
per step; ``trace.gates["f"]`` is a view of the forget-gate columns.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Trace"]


class Trace:
    """Inputs, states and gates of one cell over a sequence.

    Parameters
    ----------
    kind : {"rnn", "lstm", "gru"}
    input_size, hidden_size : int
        D and H.
    gate_order : tuple of str
        The gate letters in the order of the columns of the gate block
        (an engine-internal order, e.g. ``("i", "f", "o", "g")`` for the LSTM).
    gate_names : tuple of str
        The same letters in PyTorch's order, the order of ``gates`` and ``row``.
    has_cell : bool
        True for the LSTM, which also carries a cell state ``c``.
    dtype : numpy dtype
    capacity : int
        Rows allocated up front; :meth:`reserve` grows them.

    Attributes
    ----------
    x : ndarray, shape (T, D)
    h : ndarray, shape (T, H)
    c : ndarray, shape (T, H) or None
    gates : dict of str to ndarray, each shape (T, H)
    h0, c0 : ndarray, shape (H,)
        The initial state (``c0`` is None for RNN and GRU).
    """

    def __init__(self, kind: str, input_size: int, hidden_size: int, gate_order: tuple[str, ...],
                 gate_names: tuple[str, ...], has_cell: bool, dtype: np.dtype, capacity: int = 0) -> None:
        self.kind = kind
        self.input_size = int(input_size)
        self.hidden_size = int(hidden_size)
        self.gate_order = tuple(gate_order)
        self.gate_names = tuple(gate_names)
        self._col = {name: self.gate_order.index(name) * self.hidden_size for name in self.gate_names}
        self.dtype = np.dtype(dtype)
        self.length = 0
        self.h0 = np.zeros(self.hidden_size, self.dtype)
        self.c0 = np.zeros(self.hidden_size, self.dtype) if has_cell else None
        self._x = np.empty((capacity, self.input_size), self.dtype)
        self._h = np.empty((capacity, self.hidden_size), self.dtype)
        self._c = np.empty((capacity, self.hidden_size), self.dtype) if has_cell else None
        self._g = np.empty((capacity, len(self.gate_order) * self.hidden_size), self.dtype)

    # -- views -----------------------------------------------------------------
    @property
    def capacity(self) -> int:
        """Rows allocated (≥ ``length``)."""
        return self._x.shape[0]

    @property
    def x(self) -> np.ndarray:
        """Inputs, shape (T, D)."""
        return self._x[: self.length]

    @property
    def h(self) -> np.ndarray:
        """Hidden state after each step, shape (T, H)."""
        return self._h[: self.length]

    @property
    def c(self) -> np.ndarray | None:
        """LSTM cell state after each step, shape (T, H); None for RNN and GRU."""
        return None if self._c is None else self._c[: self.length]

    @property
    def gates(self) -> dict[str, np.ndarray]:
        """Gate values by PyTorch letter, each shape (T, H)."""
        H, T = self.hidden_size, self.length
        return {name: self._g[:T, k:k + H] for name, k in self._col.items()}

    @property
    def nbytes(self) -> int:
        """Bytes held by the trace's arrays (allocated capacity included)."""
        arrays = [self._x, self._h, self._g, self.h0]
        arrays += [] if self._c is None else [self._c, self.c0]
        return sum(a.nbytes for a in arrays)

    def __len__(self) -> int:
        return self.length

    # -- state access ------------------------------------------------------------
    def state_before(self, t: int) -> tuple[np.ndarray, np.ndarray | None]:
        """The (h, c) entering step ``t`` (the initial state for t = 0), shape (H,) each."""
        if not 0 <= t <= self.length:
            raise IndexError(f"step {t} outside 0..{self.length}")
        if t == 0:
            return self.h0, self.c0
        return self._h[t - 1], None if self._c is None else self._c[t - 1]

    def row(self, t: int) -> dict[str, np.ndarray]:
        """Everything at step ``t`` by name: ``x``, ``h``, ``c`` and each gate, shape (D,) or (H,)."""
        if not 0 <= t < self.length:
            raise IndexError(f"step {t} outside 0..{self.length - 1}")
        out = {"x": self._x[t], "h": self._h[t]}
        if self._c is not None:
            out["c"] = self._c[t]
        H = self.hidden_size
        for name, k in self._col.items():
            out[name] = self._g[t, k:k + H]
        return out

    # -- size ------------------------------------------------------------------------
    def reserve(self, rows: int) -> None:
        """Make room for at least ``rows`` rows, growing by doubling (amortised O(1) appends)."""
        if rows <= self.capacity:
            return
        new = max(rows, 2 * self.capacity)
        for name in ("_x", "_h", "_c", "_g"):
            old = getattr(self, name)
            if old is None:
                continue
            grown = np.empty((new, old.shape[1]), self.dtype)
            grown[: self.length] = old[: self.length]
            setattr(self, name, grown)

    def shrink_to_fit(self) -> None:
        """Release capacity beyond ``length``."""
        for name in ("_x", "_h", "_c", "_g"):
            old = getattr(self, name)
            if old is not None and old.shape[0] != self.length:
                setattr(self, name, old[: self.length].copy())

    def copy(self) -> Trace:
        """A deep copy with capacity equal to the length."""
        new = Trace.__new__(Trace)
        new.__dict__.update(self.__dict__)
        new.h0 = self.h0.copy()
        new.c0 = None if self.c0 is None else self.c0.copy()
        for name in ("_x", "_h", "_c", "_g"):
            old = getattr(self, name)
            setattr(new, name, None if old is None else old[: self.length].copy())
        return new

    def arrays(self) -> dict[str, np.ndarray]:
        """The trace as named arrays, the NPZ contract: ``x h h0`` (+ ``c c0``) and each gate."""
        out = {"x": self.x, "h": self.h, "h0": self.h0}
        if self._c is not None:
            out["c"] = self.c
            out["c0"] = self.c0
        out.update(self.gates)
        return out
