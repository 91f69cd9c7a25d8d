"""The selected unit's gates and states as lines: a min/max envelope at the screen's resolution.

pyqtgraph recomputes bounds over every point it is given, so a million-step curve costs
tens of milliseconds per ``setData``. :class:`UnitLines` keeps, per quantity, a
:class:`~ui.widgets.timeline.timeline_pyramid.Pyramid` of the unit's (min, max) and gives each curve
two points per column of the visible range: the column's minimum and maximum, ordered so
the line leaves each column toward the next one. Zoomed in to one step per column, the
curves are the exact steps. The pyramids are rebuilt on a unit change and re-pooled from
the edited step on a trace change.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from ui.widgets.common import colormaps as cm
from ui.widgets.timeline.timeline_heatmap import Window
from ui.widgets.timeline.timeline_pyramid import Pyramid, pool_envelope

__all__ = ["LINE_COLORS", "UnitLines", "legend_html"]

LINE_COLORS = cm.GATE_COLORS  # the app's one gate palette (None: the palette's text)


def legend_html(names: list[str], text: QColor) -> str:
    """The line colours as a compact two-column key (three lines for six names: fits a 50-pixel row).

    The unit whose lines they are is said beside the toolbar, so the key has no heading.
    """
    cells = [f"<td style='color:{LINE_COLORS.get(n) or text.name()}'>━&nbsp;<i>{n}</i>&nbsp;</td>"
             for n in names]
    rows = "".join(f"<tr>{''.join(cells[k:k + 2])}</tr>" for k in range(0, len(cells), 2))
    return (f"<span style='color:{text.name()}; font-size:9pt'>"
            f"<table cellspacing='0' cellpadding='0'>{rows}</table></span>")


def _unit_column(values: np.ndarray, unit: int) -> np.ndarray:
    """One unit of a (T, H) array given twice, (T, 2), for the (min, max) envelope pyramid."""
    return np.broadcast_to(values[:, unit:unit + 1], (values.shape[0], 2))


class UnitLines:
    """One curve per quantity for the selected unit, fed from (min, max) pyramids.

    Parameters
    ----------
    plot : pyqtgraph.PlotItem
    names : list of str
        The quantities, in the legend's order.
    text : QColor
        The palette's text colour (the ``h`` line).

    Attributes
    ----------
    curves : dict of str to pyqtgraph.PlotCurveItem
        ``curves[name].getData()``: x (step, or a column's middle step) and y (float64).
    envelopes : dict of str to ndarray, shape (N, 2)
        The (min, max) of each shown column (empty at one step per column, where y is exact).
    pyramids : dict of str to Pyramid
        The unit's (min, max) pooled levels per quantity.
    unit : int
    window : Window or None
        The range and resolution the curves were derived for.
    """

    def __init__(self, plot: pg.PlotItem, names: list[str], text: QColor) -> None:
        self.plot = plot
        self.unit = 0
        self.window: Window | None = None
        self.first = 0
        self.curves: dict[str, pg.PlotCurveItem] = {}
        self.pyramids = {name: Pyramid(pool_envelope) for name in names}
        self.envelopes = {name: np.zeros((0, 2), np.float32) for name in names}
        for name in names:  # plain curves: at most two points a pixel need no PlotDataItem processing
            pen = pg.mkPen(LINE_COLORS.get(name) or text, width=2 if name in "hc" else 1)  # 1: the fast path
            curve = pg.PlotCurveItem(pen=pen)
            # the cursor sweeps across the curves every step: repaint them from a pixmap cache
            curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.addItem(curve)
            self.curves[name] = curve

    @property
    def nbytes(self) -> int:
        """Bytes held by the pyramids."""
        return sum(p.nbytes for p in self.pyramids.values())

    def set_data(self, arrays: dict[str, np.ndarray], unit: int, start: int = 0,
                 stop: int | None = None) -> None:
        """Re-pool ``unit`` of every (T, H) array from step ``start`` on (from 0 for another unit).

        ``stop``: only rows before it are final yet (see :meth:`Pyramid.update`).
        """
        start = start if unit == self.unit else 0
        self.unit = unit
        for name, pyramid in self.pyramids.items():
            pyramid.update(_unit_column(arrays[name], unit), start, stop)
        if start == 0 and stop is None:
            self.window = None  # every column is new

    def show(self, arrays: dict[str, np.ndarray], window: Window, changed: int | None = None) -> None:
        """Give the curves ``window``; after a trace change from step ``changed``, re-derive from it."""
        if window != self.window:
            changed = window.start
        elif changed is None or changed >= window.stop:
            return
        T, width = arrays[next(iter(self.pyramids))].shape[0], window.width
        for name, curve in self.curves.items():
            if width == 1:  # the exact steps
                curve.setData(np.arange(window.start, window.stop),
                              np.asarray(arrays[name][window.start:window.stop, self.unit], dtype=np.float64))
                continue
            column = _unit_column(arrays[name], self.unit)
            first, envelope = self.pyramids[name].columns(column, max(changed, window.start),
                                                          window.stop, width)
            if window == self.window:  # keep the columns before the change
                envelope = np.vstack([self.envelopes[name][:first - self.first], envelope])
                first = self.first
            self.envelopes[name] = envelope
            curve.setData(*_envelope_points(envelope, first, width, T))
        self.first, self.window = (window.start // width), window


def _envelope_points(envelope: np.ndarray, first: int, width: int, T: int) -> tuple[np.ndarray, np.ndarray]:
    """x, y of two points per column: min and max at its middle step, the one nearer the next column last.

    Parameters
    ----------
    envelope : ndarray, shape (N, 2)
        (min, max) of columns ``first`` … ``first + N − 1`` of ``width`` steps.

    Returns
    -------
    x, y : ndarray, shape (2 N,), float64
    """
    low, high = envelope[:, 0].astype(np.float64), envelope[:, 1].astype(np.float64)
    steps = (first + np.arange(low.size)) * width
    middle = (steps + np.minimum(steps + width, T) - 1) / 2
    with np.errstate(invalid="ignore", over="ignore"):  # −inf and inf in one column: NaN, a gap
        mid = (low + high) / 2
    rising = np.append(mid[1:] >= mid[:-1], True)  # NaN compares False: a gap either way
    y = np.empty(2 * low.size)
    y[0::2], y[1::2] = np.where(rising, low, high), np.where(rising, high, low)
    return np.repeat(middle, 2), y
