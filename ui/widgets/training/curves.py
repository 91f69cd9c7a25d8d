"""Learning curves: one pyqtgraph plot whose curves are created once and fed with ``setData``."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from simulator.training import Record
from ui.i18n import tr
from ui.widgets.common.colormaps import style_plot

__all__ = ["CURVE_COLORS", "LearningCurves"]

CURVE_COLORS = {"loss": "#d9480f", "accuracy": "#2b8a3e", "rnn": "#1c7ed6", "lstm": "#d9480f",
                "gru": "#2b8a3e"}


class LearningCurves(QWidget):
    """Curves of loss (or accuracy) against the iteration, one per name.

    Parameters
    ----------
    names : iterable of (str, str)
        ``(key, legend label)`` per curve, e.g. ``("loss", "loss")`` or ``("rnn", "RNN")``.
    object_name : str
    parent : QWidget, optional

    Attributes
    ----------
    curves : dict of str to pyqtgraph.PlotDataItem
        objectName ``curve_<key>``.
    """

    def __init__(self, names: Iterable[tuple[str, str]], object_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName(f"{object_name}_view")
        item = self.plot.getPlotItem()
        item.setLabel("bottom", tr("iteration"))
        item.showGrid(x=True, y=True, alpha=0.2)
        item.addLegend(offset=(-10, 10))
        item.setMenuEnabled(False)
        style_plot(self.plot, [item])
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._x: dict[str, np.ndarray] = {}
        self._y: dict[str, np.ndarray] = {}
        self._n: dict[str, int] = {}
        for key, label in names:
            curve = item.plot([], [], name=label, pen=pg.mkPen(CURVE_COLORS.get(key, "#868e96"), width=1.5))
            curve.setObjectName(f"curve_{key}")
            self.curves[key] = curve
        self.clear()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def clear(self) -> None:
        """Empty every curve."""
        for key, curve in self.curves.items():
            self._x[key], self._y[key], self._n[key] = np.empty(256), np.empty(256), 0
            curve.setData([], [])

    def data(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The points of curve ``key``: iterations (N,) and values (N,) (copies)."""
        n = self._n[key]
        return self._x[key][:n].copy(), self._y[key][:n].copy()

    def extend(self, key: str, records: Iterable[Record], field: str = "loss", draw: bool = True) -> None:
        """Append ``record.<field>`` against ``record.iteration`` to curve ``key``; draw it once if ``draw``.

        With ``draw=False`` the points wait in the buffer for the next :meth:`redraw` (a caller that
        throttles the plot).
        """
        records = list(records)
        if not records:
            return
        n, add = self._n[key], len(records)
        if n + add > len(self._x[key]):  # grow geometrically: appending stays O(1) per point
            size = max(2 * len(self._x[key]), n + add)
            self._x[key] = np.resize(self._x[key], size)
            self._y[key] = np.resize(self._y[key], size)
        self._x[key][n:n + add] = [r.iteration for r in records]
        self._y[key][n:n + add] = [getattr(r, field) for r in records]
        self._n[key] = n + add
        if draw:
            self.redraw(key)

    def redraw(self, key: str | None = None) -> None:
        """Show every buffered point of curve ``key`` (all curves when None)."""
        for k in self.curves if key is None else (key,):
            n = self._n[k]
            self.curves[k].setData(self._x[k][:n], self._y[k][:n])
