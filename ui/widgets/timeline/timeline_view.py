"""The timeline's graphics view: seekable plots, current-step cursors drawn in the foreground, hover values.

A cursor that is a scene item costs pyqtgraph bookkeeping on every move (position
change, bounding-rect recomputation, view notifications) in each of the seven plots.
:class:`CursorView` instead draws every cursor in ``drawForeground`` and, on a step,
asks the viewport to repaint just the two thin strips the cursor left and entered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QRegion
from PySide6.QtWidgets import QToolTip

from ui.i18n import tr
from ui.widgets.common.numbers import number_text
from ui.widgets.timeline.timeline_heatmap import Window
from ui.widgets.timeline.timeline_pyramid import column_width

__all__ = ["CursorLine", "CursorView", "SeekViewBox", "heatmap_value", "show_value_tip", "visible_window"]


class SeekViewBox(pg.ViewBox):
    """A ViewBox whose left click and left drag report the step under the mouse."""

    def __init__(self, on_seek: Callable[[float], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self._on_seek = on_seek

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (pyqtgraph override)
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._on_seek(self.mapSceneToView(ev.scenePos()).x())
        else:
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 (pyqtgraph override)
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._on_seek(self.mapSceneToView(ev.scenePos()).x())
        else:
            super().mouseDragEvent(ev, axis)


class CursorLine:
    """The current step in one plot (drawn by :class:`CursorView`)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self._value = 0.0

    def value(self) -> float:
        """The step the line marks."""
        return self._value

    def scene_rect(self) -> QRectF:
        """A 6-pixel-wide strip around the line in scene coordinates (empty when off view)."""
        vb = self.plot.getViewBox()
        box = vb.sceneBoundingRect()
        x = vb.mapViewToScene(QPointF(self._value, 0.0)).x()
        if not box.left() - 3 <= x <= box.right() + 3:
            return QRectF()
        return QRectF(x - 3, box.top(), 6, box.height())


class CursorView(pg.GraphicsLayoutWidget):
    """A GraphicsLayoutWidget that draws a vertical cursor line in each registered plot.

    ``resized`` is emitted after every resize (the rows' labelling follows the height).
    """

    resized = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cursors: list[CursorLine] = []
        self.pen = QPen(QColor("#e8590c"), 2)
        self.pen.setCosmetic(True)

    def add_cursor(self, plot: pg.PlotItem) -> CursorLine:
        """A cursor for ``plot`` (forgotten when :meth:`clear_cursors` runs on a rebuild)."""
        line = CursorLine(plot)
        self.cursors.append(line)
        return line

    def clear_cursors(self) -> None:
        """Forget every cursor (the plots are being rebuilt)."""
        self.cursors.clear()

    def set_value(self, value: float) -> None:
        """Move every cursor to step ``value``, repainting only the strips it leaves and enters."""
        region = QRegion()
        for line in self.cursors:
            old = line.scene_rect()
            line._value = float(value)
            for rect in (old, line.scene_rect()):
                if not rect.isEmpty():
                    region += self.mapFromScene(rect).boundingRect().adjusted(-1, -1, 1, 1)
        if not region.isEmpty():
            self.viewport().update(region)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.resized.emit()  # rows rebuilt first, then laid out in the new size
        super().resizeEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt override)
        super().drawForeground(painter, rect)
        painter.save()
        painter.setPen(self.pen)
        for line in self.cursors:
            vb = line.plot.getViewBox()
            box = vb.sceneBoundingRect()
            x = vb.mapViewToScene(QPointF(line.value(), 0.0)).x()
            if box.left() <= x <= box.right() and rect.intersects(QRectF(x - 2, box.top(), 4, box.height())):
                painter.drawLine(QPointF(x, box.top()), QPointF(x, box.bottom()))
        painter.restore()


def heatmap_value(plots: dict, trace: Any, scene_pos: QPointF) -> tuple[str, int, int, float] | None:
    """``(name, unit, step, value)`` of the heatmap cell under ``scene_pos`` (the exact trace value), or None.

    Parameters
    ----------
    plots : dict of str to pyqtgraph.PlotItem
        The timeline's plots by quantity (``"lines"`` is skipped).
    trace : simulator.core.trace.Trace
    scene_pos : QPointF
    """
    for name, plot in plots.items():
        vb = plot.getViewBox()
        if name == "lines" or not vb.sceneBoundingRect().contains(scene_pos):
            continue
        p = vb.mapSceneToView(scene_pos)
        step, unit = int(np.rint(p.x())), int(np.rint(p.y()))
        if 0 <= step < trace.length and 0 <= unit < trace.hidden_size:
            return name, unit, step, float(trace.row(step)[name][unit])
    return None


def show_value_tip(view: pg.GraphicsView, hit: tuple | None, scene_pos: QPointF) -> None:
    """Show ``hit`` (what :func:`heatmap_value` found) as a tooltip at ``scene_pos``; hide it for None."""
    if hit is None:
        QToolTip.hideText()
        return
    name, unit, step, value = hit
    QToolTip.showText(view.mapToGlobal(view.mapFromScene(scene_pos)),
                      tr("{name}[{unit}] at step {step} = {value}").format(
                          name=name, unit=unit, step=step, value=number_text(value)), view)


def visible_window(vb: pg.ViewBox, length: int, ratio: float = 1.0) -> Window | None:
    """The steps ``vb`` shows of a ``length``-step trace, in columns of about a device pixel.

    ``ratio`` is the screen's device pixels per logical pixel; None for an empty trace.
    """
    if length == 0:
        return None
    x0, x1 = vb.viewRange()[0]
    start = int(min(max(np.floor(x0 + 0.5), 0), length - 1))
    stop = int(min(max(np.ceil(x1 + 0.5), start + 1), length))
    width = column_width((x1 - x0) / max(vb.width() * ratio, 1.0))
    return Window(start, stop, width, int(max(vb.height() * ratio, 1)))
