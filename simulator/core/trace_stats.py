"""Running summaries of a trace that survive edits: the largest |value| of a quantity.

Views scale the cell state ``c`` (and a relu RNN's unbounded ``h``) by the largest finite
|value| over the whole sequence. Reducing a 1,000,000-step trace for every view after every
edit costs tens of milliseconds, although an edit at step t changes only rows t … T − 1.
:class:`BlockAbsMax` keeps the maximum of each block of :data:`BLOCK` rows and recomputes
only the blocks at or after the first changed row.
"""

from __future__ import annotations

import numpy as np

__all__ = ["BLOCK", "BlockAbsMax", "finite_abs_max"]

BLOCK = 4096  # rows per block: an edit near the end re-reduces one or two blocks


def finite_abs_max(values: np.ndarray) -> float:
    """max |v| over the finite entries of ``values`` (any shape); 0.0 when there are none."""
    if not values.size:
        return 0.0
    # two reductions without temporaries; only an array holding NaN or ±inf pays for a filtered copy
    top = float(max(values.max(), -values.min()))
    if np.isfinite(top):
        return top
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size else 0.0


class BlockAbsMax:
    """The largest finite |value| of a (T, H) array, kept per block of rows.

    Call :meth:`invalidate` with the first row that changed (the trace's kernels do), then
    :meth:`value` with the current array; only blocks from that row on are reduced again.
    A change of length is detected by itself.
    """

    def __init__(self) -> None:
        self._blocks = np.zeros(0)
        self._valid = 0  # leading blocks whose maximum is current
        self._length = 0

    def invalidate(self, start: int) -> None:
        """Rows ``start`` … end changed."""
        self._valid = min(self._valid, max(int(start), 0) // BLOCK)

    def advance(self, values: np.ndarray, stop: int) -> None:
        """Reduce the stale blocks that lie wholly before row ``stop`` (a recompute still running:
        rows from ``stop`` on are not final yet), so the final :meth:`value` has only the rest left."""
        if self._length != values.shape[0]:
            return  # a new length: value() sorts it out
        full = min(stop, values.shape[0]) // BLOCK
        if self._blocks.shape[0] != -(-values.shape[0] // BLOCK):
            return
        for k in range(self._valid, full):
            self._blocks[k] = finite_abs_max(values[k * BLOCK:(k + 1) * BLOCK])
        self._valid = max(self._valid, full)

    def value(self, values: np.ndarray) -> float:
        """max |v| over the finite entries of ``values`` (T, H), reducing only stale blocks."""
        T = values.shape[0]
        if self._length != T:
            self._valid = min(self._valid, min(T, self._length) // BLOCK)
            self._length = T
        count = -(-T // BLOCK)
        if self._blocks.shape[0] != count:
            self._blocks = np.resize(self._blocks, count)
        for k in range(self._valid, count):
            self._blocks[k] = finite_abs_max(values[k * BLOCK:(k + 1) * BLOCK])
        self._valid = count
        return float(self._blocks.max()) if count else 0.0
