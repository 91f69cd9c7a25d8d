"""Pooled levels of a long (T, K) series, so the timeline's cost follows the screen, not T.

A screen shows a few hundred columns; a trace may hold a million steps. :class:`Pyramid`
keeps the series pooled at :data:`FACTOR`, ``FACTOR**2`` … steps per entry (float32, one
value per entry and column of the series), and :meth:`Pyramid.columns` reads any step
range at any column width of the form ``g * FACTOR**k`` (``g`` < :data:`FACTOR`) from the
level just below, so at most ``FACTOR`` entries are pooled per column on screen.

The pooling rule is a function ``pool(block, g)`` over groups of ``g`` consecutive rows:

- :func:`pool_extreme`: the value farthest from a neutral point (0.5 for σ gates, 0 for
  the rest): one forget-gate dip to 0 in a million steps stays visible at full range;
- :func:`pool_envelope`: the minimum of column 0 and the maximum of column 1 (the line
  plot's min/max envelope of one unit, given as the same column twice).

NaN wins every pooling (it is drawn, as the overflow it is); ±inf are the farthest values.
An edit at step t re-pools only the entries from t on; a change of T keeps the entries
before t and resizes the levels. This module is numpy only (no Qt).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np

__all__ = ["FACTOR", "Pyramid", "as_float32", "column_width", "pool_envelope", "pool_extreme"]

FACTOR = 8  # steps per entry grow 8×: levels take 1/7 of a float32 copy of the series
CHUNK = FACTOR ** 5  # rows of the series pooled at a time (bounded temporaries)
FEW = 8192  # up to this many rows, one reduction call beats FACTOR strided passes
TOP = 64  # the last level has at most this many entries: fewer than a plot has pixels

Pool = Callable[[np.ndarray, int], np.ndarray]


def as_float32(block: np.ndarray) -> np.ndarray:
    """``block`` as float32 (no copy when it already is); beyond float32's range becomes ±inf.

    Callers silence the cast's overflow warning (``np.errstate(over="ignore")``) once per pass.
    """
    return np.asarray(block, dtype=np.float32)


def _fold(block: np.ndarray, g: int, ufunc: np.ufunc) -> np.ndarray:
    """``ufunc`` reduced over each group of ``g`` rows of ``block`` (m, K) → (ceil(m / g), K)."""
    m, K = block.shape
    full = m // g * g
    out = np.empty((-(-m // g), K), dtype=block.dtype)
    head = out[:full // g]
    if full <= FEW:  # an edit's or a screen's few groups: one call
        ufunc.reduce(block[:full].reshape(full // g, g, K), axis=1, out=head)
    else:  # g strided passes: faster over many rows than a reduction over the middle axis
        head[...] = block[0:full:g]
        for j in range(1, g):
            ufunc(head, block[j:full:g], out=head)
    if full < m:
        out[-1] = ufunc.reduce(block[full:], axis=0)
    return out


def pool_extreme(block: np.ndarray, g: int, neutral: float = 0.0) -> np.ndarray:
    """The value farthest from ``neutral`` in each group of ``g`` rows.

    Parameters
    ----------
    block : ndarray, shape (m, K), float32
    g : int
        Rows per group; the last group may be shorter.
    neutral : float
        The colour map's middle: 0.5 for σ gates, 0 for tanh quantities, ``c`` and relu ``h``.

    Returns
    -------
    ndarray, shape (ceil(m / g), K), float32
        On a tie the value above ``neutral``; NaN when the group holds a NaN.
    """
    hi, lo = _fold(block, g, np.maximum), _fold(block, g, np.minimum)
    np.copyto(hi, lo, where=~(hi - neutral >= neutral - lo))  # NaN: both are NaN, the test False
    return hi


def pool_envelope(block: np.ndarray, g: int) -> np.ndarray:
    """Minimum of column 0 and maximum of column 1 in each group of ``g`` rows.

    Parameters
    ----------
    block : ndarray, shape (m, 2), float32
        A series given twice (``np.broadcast_to(x, (m, 2))``) or an envelope's (min, max).

    Returns
    -------
    ndarray, shape (ceil(m / g), 2), float32
    """
    return np.hstack([_fold(block[:, :1], g, np.minimum), _fold(block[:, 1:], g, np.maximum)])


def column_width(steps_per_pixel: float) -> int:
    """The narrowest column width ``g * FACTOR**k`` (1 ≤ g < FACTOR) of at least ``steps_per_pixel``.

    Columns are then at least one pixel wide (none is dropped by the painter) and at most two.
    """
    if not steps_per_pixel > 1:
        return 1
    unit = 1
    while unit * FACTOR < steps_per_pixel:
        unit *= FACTOR
    return int(np.ceil(steps_per_pixel / unit)) * unit


def _split(width: int) -> tuple[int, int]:
    """``(k, g)`` with ``width == g * FACTOR**k`` and ``g`` not a multiple of FACTOR."""
    k = 0
    while width % FACTOR == 0:
        width //= FACTOR
        k += 1
    return k, width


class Pyramid:
    """Levels of a (T, K) series pooled at ``FACTOR**k`` steps per entry, k = 1, 2 … (≤ :data:`TOP` last).

    Parameters
    ----------
    pool : callable
        ``pool(block, g)``: groups of ``g`` rows of a float32 (m, K) block → (ceil(m / g), K').
    neutral : float, optional
        Given to ``pool`` as ``neutral=`` (for :func:`pool_extreme`).

    Attributes
    ----------
    levels : list of ndarray
        ``levels[k - 1]`` has shape (ceil(T / FACTOR**k), K'), float32.
    length : int
        T, the rows of the series the levels were built from.
    """

    def __init__(self, pool: Pool, neutral: float | None = None) -> None:
        self.pool: Pool = pool if neutral is None else partial(pool, neutral=neutral)
        self.levels: list[np.ndarray] = []
        self.length = 0

    @property
    def nbytes(self) -> int:
        """Bytes held by the levels."""
        return sum(level.nbytes for level in self.levels)

    def update(self, source: np.ndarray, start: int = 0, stop: int | None = None) -> None:
        """Re-pool after rows ``start`` … T − 1 of ``source`` (T, K) changed (T may have changed too).

        With ``stop``, only rows ``start`` … ``stop`` − 1 are final so far (a long recompute
        still running, T unchanged): the entries over them are pooled now, and the next call
        must start at ``stop`` or before. A partial update of a series whose length changed
        is not possible; it is skipped and the final call pools everything from ``start``.
        """
        if stop is not None and source.shape[0] != self.length:
            return
        start = max(0, min(start, source.shape[0], self.length))
        with np.errstate(over="ignore"):  # float64 beyond float32's range: ±inf
            self.levels = self._pooled(source, start, source.shape[0] if stop is None else stop)
        self.length = source.shape[0]

    def _pooled(self, source: np.ndarray, start: int, stop: int) -> list[np.ndarray]:
        """The levels of ``source`` with the entries outside rows ``start`` … ``stop`` − 1 kept."""
        width = self.levels[0].shape[1] if self.levels else self.pool(as_float32(source[:1]), 1).shape[1]
        below, n, levels = source, source.shape[0], []
        for k in range(1, 64):
            if n <= TOP:
                break
            n, first = -(-n // FACTOR), start // FACTOR ** k  # entries, and the first that changed
            end = min(-(-stop // FACTOR ** k) * FACTOR, below.shape[0])  # rows below of the last one
            if k > len(self.levels):  # T grew past a level's size: a new level, pooled whole
                level, first = np.empty((n, width), np.float32), 0
            elif self.levels[k - 1].shape[0] != n:  # T changed: keep the entries before the first change
                level = np.empty((n, width), np.float32)
                level[:first] = self.levels[k - 1][:first]
            else:
                level = self.levels[k - 1]
            for a in range(first * FACTOR, end, CHUNK):  # a chunk at a time: small temporaries
                pooled = self.pool(as_float32(below[a:min(a + CHUNK, end)]), FACTOR)
                level[a // FACTOR:a // FACTOR + pooled.shape[0]] = pooled
            levels.append(level)
            below = level
        return levels

    def columns(self, source: np.ndarray, start: int, stop: int, width: int) -> tuple[int, np.ndarray]:
        """Columns of ``width`` steps (aligned to its multiples) covering steps ``start`` … ``stop`` − 1.

        Parameters
        ----------
        source : ndarray, shape (T, K)
            The series the pyramid was built from (read directly for ``width`` < FACTOR).
        start, stop : int
            The step range, 0 ≤ start < stop ≤ T.
        width : int
            Steps per column, from :func:`column_width`.

        Returns
        -------
        first : int
            Column ``j`` covers steps ``j * width`` … ``(j + 1) * width − 1``; the first one returned.
        values : ndarray, shape (ceil(stop / width) − first, K'), float32
            Each column pooled over its steps (the exact steps when ``width`` is 1).
        """
        k, g = _split(width)
        if k > len(self.levels):  # wider than the top level's entries: pool several of them
            g, k = g * FACTOR ** (k - len(self.levels)), len(self.levels)
        base = source if k == 0 else self.levels[k - 1]
        first, last = start // width, -(-stop // width)
        with np.errstate(over="ignore"):
            block = as_float32(base[first * g:min(last * g, base.shape[0])])
        return first, (block if g == 1 else self.pool(block, g))
