"""The trace: every quantity of a run, one row per step, in preallocated arrays.

Row ``t`` holds the state *after* consuming ``x[t]``; the state entering step
``t`` is row ``t - 1`` (or the initial state for ``t = 0``). Gates live in one
``(capacity, G·H)`` block so a run writes them in place with no Python object
per step; ``trace.gates["f"]`` is a view of the forget-gate columns.
"""

from __future__ import annotations

import os

import numpy as np

from simulator.core.errors import InputError
from simulator.core.trace_stats import BlockAbsMax

__all__ = ["MEMORY_LIMIT_ENV", "Trace", "available_memory", "check_memory"]

MEMORY_LIMIT_ENV = "GATESCOPE_MEMORY_LIMIT"  # bytes (or with a K, M, G suffix) the engine may assume free
_ALWAYS_FITS = 64 << 20  # below this a request is not checked (unless the variable is set)


def _parse_bytes(text: str) -> int | None:
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}.get(text[-1:], 1)
    try:
        return int(float(text.rstrip("KMGT")) * scale)
    except ValueError:
        return None


def available_memory() -> int | None:
    """Bytes the machine can still give: ``GATESCOPE_MEMORY_LIMIT``, else MemAvailable, else RAM.

    None when none of them can be read.
    """
    override = os.environ.get(MEMORY_LIMIT_ENV)
    if override:
        return _parse_bytes(override)
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def _size(nbytes: float) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if nbytes >= scale:
            return f"{nbytes / scale:.1f} {unit}"
    return f"{int(nbytes)} bytes"


def check_memory(nbytes: int, what: str) -> None:
    """Refuse a request of ``nbytes`` that the machine cannot hold, before anything is allocated.

    Raises
    ------
    InputError
        ``"<what> needs 40.0 GiB but only 23.1 GiB is available; ..."``.
    """
    if nbytes <= _ALWAYS_FITS and MEMORY_LIMIT_ENV not in os.environ:
        return
    free = available_memory()
    if free is not None and nbytes > free:
        raise InputError(f"{what} needs {_size(nbytes)} but only {_size(free)} is available; "
                         "use fewer steps or fewer units")


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
        check_memory(self.row_bytes(has_cell) * capacity,
                     f"a trace of {capacity:,} steps ({kind.upper()}, D={input_size}, H={hidden_size})")
        self._x = np.empty((capacity, self.input_size), self.dtype)
        self._h = np.empty((capacity, self.hidden_size), self.dtype)
        self._c = np.empty((capacity, self.hidden_size), self.dtype) if has_cell else None
        self._g = np.empty((capacity, len(self.gate_order) * self.hidden_size), self.dtype)
        self._abs_max: dict[str, BlockAbsMax] = {}

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

    def row_bytes(self, has_cell: bool | None = None) -> int:
        """Bytes of one step: ``(D + H·(1 + G + has_cell)) × itemsize``."""
        cell = self.c0 is not None if has_cell is None else has_cell
        H = self.hidden_size
        return (self.input_size + H * (1 + len(self.gate_order) + int(cell))) * self.dtype.itemsize

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

    # -- summaries -------------------------------------------------------------------
    def mark_changed(self, start: int) -> None:
        """Rows ``start`` … T − 1 were rewritten (every kernel calls this before it writes)."""
        for cache in self._abs_max.values():
            cache.invalidate(start)

    def settle(self, stop: int) -> None:
        """Rows before ``stop`` are final (a chunked recompute): bring the kept summaries up to there."""
        for name, cache in self._abs_max.items():
            cache.advance(self._values(name), stop)

    def _values(self, name: str) -> np.ndarray | None:
        return self.h if name == "h" else self.c if name == "c" else self.gates[name]

    def abs_max(self, name: str) -> float:
        """The largest finite |value| of ``h``, ``c`` or a gate over all steps (0.0 when empty).

        Kept per block of rows, so after an edit at step t only rows from t on are reduced.
        """
        values = self._values(name)
        if values is None:
            raise KeyError(f"this {self.kind.upper()} trace has no {name!r}")
        return self._abs_max.setdefault(name, BlockAbsMax()).value(values)

    # -- inputs (the only writers of x; the caller validates, then recomputes) ---------------
    def write_inputs(self, start: int, rows: np.ndarray) -> None:
        """Overwrite inputs ``start`` … ``start + n − 1`` with ``rows`` (n, D); the length grows to fit.

        A float64 beyond float32's range becomes inf here, for the caller's finiteness check.
        """
        self.reserve(start + len(rows))
        with np.errstate(over="ignore"):
            self._x[start:start + len(rows)] = rows
        self.length = max(self.length, start + len(rows))

    def insert_inputs(self, start: int, rows: np.ndarray) -> None:
        """Insert ``rows`` (n, D) before step ``start``; later inputs move n steps on."""
        T, n = self.length, len(rows)
        self.reserve(T + n)
        self._x[start + n:T + n] = self._x[start:T].copy()
        self._x[start:start + n] = rows
        self.length = T + n

    def delete_inputs(self, start: int, count: int) -> None:
        """Remove ``count`` inputs from step ``start``; later inputs move back."""
        T = self.length
        self._x[start:T - count] = self._x[start + count:T].copy()
        self.length = T - count

    # -- size ------------------------------------------------------------------------
    def reserve(self, rows: int) -> None:
        """Make room for at least ``rows`` rows, growing by doubling (amortised O(1) appends)."""
        if rows <= self.capacity:
            return
        new = max(rows, 2 * self.capacity)
        check_memory(self.row_bytes() * new, f"a trace of {new:,} steps ({self.kind.upper()}, "
                     f"D={self.input_size}, H={self.hidden_size})")
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

    def copy(self, start: int = 0, stop: int | None = None) -> Trace:
        """A deep copy of rows ``start`` … ``stop − 1`` (all by default), capacity equal to its length.

        A window's initial state is the state entering ``start``: an immutable snapshot that work
        on another thread can read while this trace changes (its row k is step ``start + k``).
        """
        stop = self.length if stop is None else stop
        if not 0 <= start <= stop <= self.length:
            raise IndexError(f"rows {start}..{stop} outside 0..{self.length}")
        h0, c0 = self.state_before(start)
        new = Trace.__new__(Trace)
        new.__dict__.update(self.__dict__)
        new._abs_max = {}
        new.length = stop - start
        new.h0 = h0.copy()
        new.c0 = None if c0 is None else c0.copy()
        for name in ("_x", "_h", "_c", "_g"):
            old = getattr(self, name)
            setattr(new, name, None if old is None else old[start:stop].copy())
        return new

    def first_nonfinite(self) -> int | None:
        """The first step whose state holds inf or NaN (an overflow), or None when all are finite.

        Only a relu RNN with very large weights can get there from finite numbers: the other
        cells' states are bounded by their gates.
        """
        for arr in (self.h, self.c):
            if arr is not None and arr.size:
                bad = ~np.isfinite(arr).all(axis=1)
                if bad.any():
                    return int(np.argmax(bad))
        return None

    def arrays(self) -> dict[str, np.ndarray]:
        """The trace as named arrays, the NPZ contract: ``x h h0`` (+ ``c c0``) and each gate."""
        out = {"x": self.x, "h": self.h, "h0": self.h0}
        if self._c is not None:
            out["c"] = self.c
            out["c0"] = self.c0
        out.update(self.gates)
        return out
