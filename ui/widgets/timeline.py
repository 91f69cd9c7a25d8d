"""Timeline: heatmaps (units × steps) of every gate and state, and the selected unit's lines.

Each quantity is one :class:`pyqtgraph.ImageItem` on fixed levels with its colour bar;
rows share the step axis, and a line plot of the selected unit's gates and states sits
below them. A vertical cursor marks the current step in every plot. Images are set once
per ``trace_changed``; ``step_changed`` only moves the cursors (two thin strips repainted).
Clicking or dragging with the left button in any plot seeks; the wheel zooms the steps.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QToolButton, QToolTip, QVBoxLayout, QWidget

from ui.i18n import quantity_label, tr
from ui.widgets import colormaps as cm
from ui.widgets.timeline_tiles import TiledImage
from ui.widgets.timeline_view import CursorLine, CursorView, SeekViewBox

__all__ = ["LINE_COLORS", "Timeline"]

LINE_COLORS = {"i": "#1f77b4", "f": "#2ca02c", "g": "#ff7f0e", "o": "#9467bd", "r": "#d62728",
               "z": "#2ca02c", "n": "#ff7f0e", "c": "#8c564b", "h": None}  # None: the palette's text


class Timeline(QWidget):
    """Heatmaps of gates and states over the whole sequence, with a seekable cursor.

    Parameters
    ----------
    controller : ui.controller.Controller
    parent : QWidget, optional

    Attributes
    ----------
    images : dict of str to TiledImage
        One per shown quantity; ``images[name].image`` is the (T, H) trace array (float32),
        shown as tiles so an edit re-renders only the tiles from the edited step on.
    cursors : list of CursorLine
        The current-step line in every plot (drawn in the view's foreground).
    curves : dict of str to pyqtgraph.PlotDataItem
        The selected unit's value of each quantity over the steps.
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(tr("Timeline"))
        self.controller = controller
        self.images: dict[str, TiledImage] = {}
        self._shape: tuple[int, int] | None = None  # (T, H) the axes were last set for
        self.bars: dict[str, pg.ColorBarItem] = {}
        self.plots: dict[str, pg.PlotItem] = {}
        self.cursors: list[CursorLine] = []
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.buttons: dict[str, QToolButton] = {}
        self.hidden: set[str] = set()
        self.line_plot: pg.PlotItem | None = None

        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(6, 2, 6, 0)
        self.toolbar.setSpacing(4)
        self.unit_label = QLabel()
        self.view = CursorView()
        self.view.setObjectName("timeline_view")
        self.view.ci.setContentsMargins(2, 2, 6, 2)
        self.view.ci.setSpacing(3)
        self.view.setToolTip(tr("Click or drag to seek; the mouse wheel zooms the steps"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view)
        self.view.scene().sigMouseMoved.connect(self._on_hover)
        controller.cell_changed.connect(self.rebuild)
        controller.trace_changed.connect(self.set_trace)
        controller.step_changed.connect(self.move_cursor)
        controller.unit_changed.connect(self._set_curves)
        self.rebuild()

    # -- building (cell_changed, or the user changes what is shown) ------------------------
    def rebuild(self) -> None:
        """Recreate toolbar buttons, rows and items for the current cell, then fill them."""
        self._build_toolbar()
        self._build_rows()
        self.set_trace(0)

    def _build_toolbar(self) -> None:
        while self.toolbar.count():
            item = self.toolbar.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons.clear()
        show = QLabel(tr("Show:"))
        show.setToolTip(tr("Choose which gates and states the timeline shows"))
        self.toolbar.addWidget(show)
        for name in (*cm.quantity_names(self.controller.cell), "lines"):
            button = QToolButton()
            button.setText(tr("lines") if name == "lines" else name)
            button.setCheckable(True)
            button.setChecked(name not in self.hidden)
            button.setObjectName(f"timeline_show_{name}")
            what = tr("the selected unit's lines") if name == "lines" else f"{quantity_label(name)} {name}"
            button.setToolTip(tr("Show or hide {what}").format(what=what))
            button.setAccessibleName(tr("Show {what}").format(what=what))
            button.toggled.connect(lambda on, n=name: self.set_shown(n, on))
            self.toolbar.addWidget(button)
            self.buttons[name] = button
        self.toolbar.addStretch(1)
        self.unit_label = QLabel()
        self.unit_label.setToolTip(tr("The unit whose lines are drawn (select it in the gate panel)"))
        self.toolbar.addWidget(self.unit_label)

    def set_shown(self, name: str, shown: bool) -> None:
        """Show or hide one quantity's heatmap (or ``"lines"``, the selected unit's plot)."""
        if shown == (name not in self.hidden):
            return
        (self.hidden.discard if shown else self.hidden.add)(name)
        self._build_rows()
        self.set_trace(0)

    def _new_plot(self, row: int, first: pg.PlotItem | None) -> pg.PlotItem:
        plot = self.view.ci.addPlot(row=row, col=1, viewBox=SeekViewBox(self._seek_to))
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getAxis("left").setWidth(42)
        plot.hideAxis("bottom")
        if first is not None:
            plot.setXLink(first)
        self.view.pen.setColor(self._cursor_color())
        self.cursors.append(self.view.add_cursor(plot))
        return plot

    def _cursor_color(self) -> QColor:
        return QColor("#ffcc00") if cm.is_dark(self.palette()) else QColor("#e8590c")

    def _build_rows(self) -> None:
        self.view.ci.clear()
        for store in (self.images, self.bars, self.plots, self.curves):
            store.clear()
        self.cursors.clear()
        self.view.clear_cursors()
        self._shape = None
        palette, cell = self.palette(), self.controller.cell
        text = cm.foreground(palette)
        muted = cm.foreground(palette, QPalette.ColorRole.PlaceholderText).name()
        shown = [n for n in cm.quantity_names(cell) if n not in self.hidden]
        first = None
        unit_word = tr("unit")
        for r, name in enumerate(shown):
            self.view.ci.addLabel(f"<span style='color:{text.name()}; font-size:11pt'><b><i>{name}</i></b>"
                                  f"</span><br><span style='color:{muted}; font-size:8pt'>{unit_word}</span>",
                                  row=r, col=0)
            plot = self._new_plot(r, first)
            first = first or plot
            plot.setMouseEnabled(x=True, y=False)
            plot.getViewBox().invertY(True)  # unit 0 on top, as in the gate panel's reading order
            cmap = cm.map_for(name, palette)
            image = TiledImage(plot, cmap.getLookupTable(nPts=256))
            bar = pg.ColorBarItem(values=cm.levels_for(name), colorMap=cmap,
                                  interactive=False, width=10, colorMapMenu=False,
                                  pen=pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
            bar.axis.setTextPen(text)
            self.view.ci.addItem(bar, row=r, col=2)
            self.images[name], self.bars[name], self.plots[name] = image, bar, plot
        if "lines" not in self.hidden:
            r = len(shown)
            self.legend = self.view.ci.addLabel(row=r, col=0)  # the line colours, filled by _set_curves
            self.line_plot = self._new_plot(r, first)
            self.line_plot.setMouseEnabled(x=True, y=False)
            self.line_plot.showGrid(x=False, y=True, alpha=0.25)
            for name in cm.quantity_names(cell):
                color = LINE_COLORS.get(name) or text
                curve = self.line_plot.plot(pen=pg.mkPen(color, width=2 if name in "hc" else 1.2))
                curve.setDownsampling(auto=True, method="peak")
                curve.opts["autoDownsampleFactor"] = 1.0  # min and max per pixel: ~2 points a pixel
                curve.setClipToView(True)
                # the cursor sweeps across the curves every step: repaint them from a pixmap cache
                curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self.curves[name] = curve
            self.plots["lines"] = self.line_plot
            self.view.ci.layout.setRowStretchFactor(r, max(2, len(shown) // 2))
        else:
            self.line_plot = None
        last = list(self.plots.values())[-1] if self.plots else None
        if last is not None:
            last.showAxis("bottom")
            last.setLabel("bottom", tr("step"))
        cm.style_plot(self.view, self.plots.values(), palette)

    # -- data ------------------------------------------------------------------------------
    def set_trace(self, start: int = 0) -> None:
        """Show the trace from step ``start`` on (earlier image tiles keep their rendering).

        Axes, ticks and the step range are set only when T or H changed, so an edit
        neither resets the user's zoom nor re-lays out the plots.
        """
        cell, trace = self.controller.cell, self.controller.trace
        T, H = trace.length, cell.hidden_size
        arrays = {**trace.gates, "h": trace.h, **({"c": trace.c} if trace.c is not None else {})}
        new_shape = self._shape != (T, H)
        for name, image in self.images.items():
            levels = cm.levels_for(name, cell, trace)
            if new_shape or levels != image.levels:
                bar = self.bars[name]
                bar.setLevels(values=levels)
                bar.axis.setTicks([[(v, f"{v:g}") for v in (levels[0], sum(levels) / 2, levels[1])], []])
            image.set_data(arrays[name], levels, 0 if new_shape else start)
            if new_shape:
                self.plots[name].setYRange(-0.5, H - 0.5, padding=0.0)
                ends = (0, H // 2) if H > 4 else range(H)  # no tick at H − 1: it would touch the next row's 0
                self.plots[name].getAxis("left").setTicks([[(u, str(u)) for u in ends], []])
        if self.plots and new_shape:
            next(iter(self.plots.values())).setXRange(-0.5, max(T, 1) - 0.5, padding=0.0)
        self._shape = (T, H)
        self._set_curves()
        self.move_cursor(self.controller.step)

    def _set_curves(self, _unit: int | None = None) -> None:
        unit = self.controller.selected_unit
        self.unit_label.setText(tr("lines: unit {unit}").format(unit=unit))
        if self.line_plot is not None:
            text = cm.foreground(self.palette()).name()
            keys = "".join(f"<br><span style='color:{LINE_COLORS.get(n) or text}'>━ <i>{n}</i></span>"
                           for n in self.curves)
            heading = tr("unit {unit}").format(unit=unit)
            self.legend.setText(f"<span style='color:{text}; font-size:8pt'><b>{heading}</b>{keys}</span>")
        trace = self.controller.trace
        arrays = {**trace.gates, "h": trace.h, **({"c": trace.c} if trace.c is not None else {})}
        steps = np.arange(trace.length)
        for name, curve in self.curves.items():
            curve.setData(steps, np.asarray(arrays[name][:, unit], dtype=np.float64))

    def move_cursor(self, step: int) -> None:
        """Move the cursor lines to ``step`` (the only per-step work)."""
        self.view.set_value(step)

    # -- mouse -----------------------------------------------------------------------------
    def _seek_to(self, x: float) -> None:
        self.controller.seek(int(np.rint(x)))

    def _on_hover(self, scene_pos: QPointF) -> None:
        trace = self.controller.trace
        for name, plot in self.plots.items():
            vb = plot.getViewBox()
            if name == "lines" or not vb.sceneBoundingRect().contains(scene_pos):
                continue
            p = vb.mapSceneToView(scene_pos)
            t, u = int(np.rint(p.x())), int(np.rint(p.y()))
            if 0 <= t < trace.length and 0 <= u < trace.hidden_size:
                value = float(trace.row(t)[name][u])
                QToolTip.showText(self.view.mapToGlobal(self.view.mapFromScene(scene_pos)),
                                  tr("{name}[{unit}] at step {step} = {value}").format(
                                      name=name, unit=u, step=t, value=f"{value:.4g}"), self.view)
                return
        QToolTip.hideText()
