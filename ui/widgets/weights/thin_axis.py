"""An axis whose labelled ticks never overlap: it keeps every 1st, 2nd, 5th, 10th … label that fits.

pyqtgraph draws every tick given to ``setTicks`` however crowded; the weights editor labels
units and inputs (``0 … 11``, or the tokens of a text input), which overlap in a narrow dock.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

__all__ = ["ThinAxis", "thin_stride"]

GAP = 6.0  # pixels between two labels


def thin_stride(count: int, room: float, size: float, limit: int | None = None) -> int:
    """The smallest 1-2-5 stride showing at most ``limit`` of ``count`` labels of ``size`` px in ``room`` px.

    >>> thin_stride(12, 120, 18)
    2
    """
    for e in range(7):
        for s in (1, 2, 5):
            stride = s * 10**e
            shown = math.ceil(count / stride)
            if shown * size <= room and (limit is None or shown <= limit):
                return stride
    return max(count, 1)


class ThinAxis(pg.AxisItem):
    """A :class:`pyqtgraph.AxisItem` showing fixed ticks, thinned to the room it has at each size."""

    def __init__(self, orientation: str, **kwargs) -> None:
        self._all: list[tuple[float, str]] = []  # before super().__init__, which may resize the axis
        self._limit: int | None = None
        super().__init__(orientation, **kwargs)

    def set_all_ticks(self, ticks: list[tuple[float, str]], limit: int | None = None) -> None:
        """Every tick ``(position, label)``; at most ``limit`` are shown, and only as many as fit."""
        self._all, self._limit = list(ticks), limit
        self._thin()

    def shown_ticks(self) -> list[tuple[float, str]]:
        """The ticks drawn at the current size."""
        return list(self._tickLevels[0]) if self._tickLevels else []

    def _thin(self) -> None:
        if not self._all:
            return
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        if self.orientation in ("bottom", "top"):
            room = self.geometry().width()
            size = max(metrics.horizontalAdvance(label) for _pos, label in self._all) + GAP
        else:
            room, size = self.geometry().height(), metrics.height() + 2
        # the labels sit one per pixel column of the image: the room is the axis's length
        stride = thin_stride(len(self._all), room, size, self._limit) if room > 0 else 1
        self.setTicks([self._all[::stride]])

    def resizeEvent(self, ev=None) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        self._thin()
