"""Timeline: heatmaps (units × steps) of every gate and state, and the selected unit's lines.

Each quantity is one screen-sized image on fixed levels with its colour bar; rows share
the step axis, and a line plot of the selected unit's gates and states sits below them.
The cost of a frame or an edit does not grow with T: images and curves are derived from
pooled pyramids (:mod:`ui.widgets.timeline.timeline_pyramid`) for the visible steps at about one
column per pixel — each column shows the most extreme of the N steps it covers — and
exactly when zoomed in. A vertical cursor marks the current step in every plot; a step
only moves the cursors (two thin strips repainted). Clicking or dragging with the left
button in any plot seeks; the wheel zooms the steps, and the images follow once a frame.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QToolTip, QVBoxLayout, QWidget

from ui.background.long_work import SettledRows
from ui.i18n import tr
from ui.widgets.common import colormaps as cm
from ui.widgets.common.numbers import number_text
from ui.widgets.timeline.timeline_heatmap import Heatmap, extreme_pyramid, view_tip
from ui.widgets.timeline.timeline_lines import LINE_COLORS, UnitLines, legend_html
from ui.widgets.timeline.timeline_pyramid import Pyramid
from ui.widgets.timeline.timeline_toolbar import fill_toolbar
from ui.widgets.timeline.timeline_view import (
    CursorLine,
    CursorView,
    SeekViewBox,
    heatmap_value,
    visible_window,
)

__all__ = ["LINE_COLORS", "LINES_HEIGHT", "Timeline"]

LINES_HEIGHT = 48  # pixels the line plot keeps in a short window (the heatmap rows give way)


class Timeline(QWidget):
    """Heatmaps of gates and states over the whole sequence, with a seekable cursor.

    Parameters
    ----------
    controller : ui.document.controller.Controller
    parent : QWidget, optional

    Attributes
    ----------
    heatmaps : dict of str to Heatmap
        One per shown quantity. What it shows: ``heatmaps[name].values`` ((N, R) float32,
        one row per column on screen) for ``heatmaps[name].window`` (steps and columns).
    pyramids : dict of str to Pyramid
        The pooled (T, H) values of each shown quantity, kept from the edited step on.
    lines : UnitLines or None
        The selected unit's curves (``curves`` is ``lines.curves``); None when hidden.
    cursors : list of CursorLine
        The current-step line in every plot (drawn in the view's foreground).
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(tr("Timeline"))
        self.controller = controller
        self.heatmaps: dict[str, Heatmap] = {}
        self.pyramids: dict[str, Pyramid] = {}
        self.settled = SettledRows()  # rows a running long recompute has finished and we pooled
        self._shape: tuple[int, int] | None = None  # (T, H) the axes were last set for
        self._keep: tuple[tuple[int, int], tuple[float, float]] | None = None  # zoom across new rows
        self.plots: dict[str, pg.PlotItem] = {}
        self.cursors: list[CursorLine] = []
        self.buttons: dict[str, QToolButton] = {}
        self.hidden: set[str] = set()
        self.lines: UnitLines | None = None
        self.line_plot: pg.PlotItem | None = None

        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(6, 2, 6, 0)
        self.toolbar.setSpacing(4)
        self.unit_label = QLabel()
        self.view = CursorView()
        self.view.setObjectName("timeline_view")
        self.view.ci.setContentsMargins(2, 2, 6, 2)
        self.view.ci.layout.setHorizontalSpacing(3)
        self.view.ci.layout.setVerticalSpacing(1)  # seven rows fit a 250-pixel dock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view)
        self._view_timer = QTimer(self, singleShot=True, interval=0)  # zoom and pan: once a frame
        self._view_timer.timeout.connect(self.refresh_view)
        self.view.scene().sigMouseMoved.connect(self._on_hover)
        controller.cell_changed.connect(self.rebuild)
        controller.trace_changed.connect(self.set_trace)
        controller.trace_progress.connect(self._settle)
        controller.step_changed.connect(self.move_cursor)
        controller.unit_changed.connect(self._on_unit_changed)
        self.rebuild()
        self.set_trace(0)

    @property
    def curves(self) -> dict[str, pg.PlotCurveItem]:
        """The selected unit's curve of each quantity (empty when the lines are hidden)."""
        return {} if self.lines is None else self.lines.curves

    # -- building (cell_changed, or the user changes what is shown) ------------------------
    def rebuild(self) -> None:
        """Recreate buttons, rows and pyramids for the current cell.

        The data follow with :meth:`set_trace` (the controller emits ``trace_changed(0)``
        right after ``cell_changed``), so a new document is pooled once.
        """
        self.pyramids.clear()
        self.settled.forget()
        self.buttons, self.unit_label = fill_toolbar(self.toolbar, cm.quantity_names(self.controller.cell),
                                                     self.hidden, self.set_shown)
        self._build_rows()
        self._keep = None  # a new document starts at the whole sequence

    def set_shown(self, name: str, shown: bool) -> None:
        """Show or hide one quantity's heatmap (or ``"lines"``, the selected unit's plot)."""
        if shown == (name not in self.hidden):
            return
        (self.hidden.discard if shown else self.hidden.add)(name)
        self._build_rows()
        self.set_trace(self.controller.length)  # nothing changed: only the new rows are pooled

    def _new_plot(self, row: int, first: pg.PlotItem | None) -> pg.PlotItem:
        plot = self.view.ci.addPlot(row=row, col=1, viewBox=SeekViewBox(self._seek_to))
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.getAxis("left").setWidth(42)
        plot.hideAxis("bottom")
        if first is not None:
            plot.setXLink(first)
        else:  # every plot follows the first one's steps: derive the images when they change
            plot.getViewBox().sigXRangeChanged.connect(self._defer_view)
            plot.getViewBox().sigResized.connect(self._defer_view)
        self.view.pen.setColor(QColor("#ffcc00") if cm.is_dark(self.palette()) else QColor("#e8590c"))
        self.cursors.append(self.view.add_cursor(plot))
        return plot

    def _build_rows(self) -> None:
        """Recreate the plots for what is shown (pyramids of shown quantities are kept)."""
        if self._shape is not None and self.plots:
            x0, x1 = next(iter(self.plots.values())).getViewBox().viewRange()[0]
            self._keep = (self._shape, (x0, x1))
        self.view.ci.clear()
        self.heatmaps.clear()
        self.plots.clear()
        self.cursors.clear()
        self.view.clear_cursors()
        palette, cell = self.palette(), self.controller.cell
        text = cm.foreground(palette)
        shown = [n for n in cm.quantity_names(cell) if n not in self.hidden]
        for name in set(self.pyramids) - set(shown):  # hidden quantities are not kept up to date
            del self.pyramids[name]
        first = None
        unit_word = tr("unit")
        for r, name in enumerate(shown):
            html = f"<span style='color:{text.name()}; font-size:10pt'><b><i>{name}</i></b></span>"
            label = self.view.ci.addLabel(html, row=r, col=0)  # one line: seven rows fit a short dock
            hint = tr("{name}: one row per {unit}, one column per step")
            label.setToolTip(hint.format(name=name, unit=unit_word))
            plot = self._new_plot(r, first)
            first = first or plot
            plot.getViewBox().invertY(True)  # unit 0 on top, as in the gate panel's reading order
            pyramid = self.pyramids.setdefault(name, extreme_pyramid(name))
            cmap, levels = cm.map_for(name, palette), cm.levels_for(name)
            self.heatmaps[name] = Heatmap(plot, pyramid, cmap, levels, palette)
            self.view.ci.addItem(self.heatmaps[name].bar, row=r, col=2)
            self.plots[name] = plot
        self.lines = self.line_plot = None
        if "lines" not in self.hidden:
            r = len(shown)
            self.legend = self.view.ci.addLabel(row=r, col=0)  # the line colours, set by _set_legend
            self.line_plot = self._new_plot(r, first)
            self.line_plot.showGrid(x=False, y=True, alpha=0.25)
            self.lines = UnitLines(self.line_plot, list(cm.quantity_names(cell)), text)
            self.plots["lines"] = self.line_plot
            self.view.ci.layout.setRowStretchFactor(r, max(2, len(shown) // 2))
            self.line_plot.getViewBox().setMinimumHeight(LINES_HEIGHT)
        if self.plots:
            last = list(self.plots.values())[-1]
            last.showAxis("bottom")
            last.setLabel("bottom", tr("step"))
        cm.style_plot(self.view, self.plots.values(), palette)
        self._set_legend()
        self._shape = None  # set_trace lays out the new axes

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shape is not None:
            self._build_rows()  # new colour maps, axis and line colours; the pyramids stay
            self.set_trace(self.controller.length)

    # -- data ------------------------------------------------------------------------------
    def _arrays(self) -> dict[str, np.ndarray]:
        trace = self.controller.trace
        return {**trace.gates, "h": trace.h, **({"c": trace.c} if trace.c is not None else {})}

    def set_trace(self, start: int = 0) -> None:
        """Show the trace after rows ``start`` … T − 1 changed (T too, maybe).

        Pyramids are re-pooled from ``start`` on and only columns on screen from ``start``
        on are derived again. Axes and the step range are reset only when T or H changed,
        so an edit neither resets the user's zoom nor re-lays out the plots.
        """
        arrays, T, H = self._arrays(), self.controller.length, self.controller.cell.hidden_size
        rest = self.settled.take(start)  # a long recompute's rows were pooled as they came
        for name, heatmap in self.heatmaps.items():
            self.pyramids[name].update(arrays[name], rest)
            heatmap.set_levels(cm.levels_for(name, self.controller.cell, self.controller.trace))
        if self.lines is not None:
            self.lines.set_data(arrays, self.controller.selected_unit, rest)
        if self._shape != (T, H):
            self._set_axes(T, H)
        if rest != start:  # the end of a long recompute: derive and paint in the next pass, so the
            self._defer_view()  # window's other views repaint first and the event loop turns between
        else:
            self.refresh_view(start)
        self.move_cursor(self.controller.step)

    def _settle(self, first: int, done: int) -> None:
        """Pool rows ``first`` … ``done`` − 1 of a long recompute still running (``trace_progress``)."""
        if self._shape is None or self._shape[0] != self.controller.length:
            return  # T changed: the final set_trace pools from the change on
        rows = self.settled.feed(first, done)
        if rows is None:
            return
        (lo, hi), arrays = rows, self._arrays()
        for name in self.heatmaps:
            self.pyramids[name].update(arrays[name], lo, hi)
        if self.lines is not None:
            self.lines.set_data(arrays, self.controller.selected_unit, lo, hi)

    def _set_axes(self, T: int, H: int) -> None:
        keep, self._keep = self._keep, None
        for name, plot in self.plots.items():
            plot.setLimits(xMin=-0.5, xMax=max(T, 1) - 0.5)
            if name != "lines":
                plot.setYRange(-0.5, H - 0.5, padding=0.0)
                ends = (0, H // 2) if H > 4 else range(H)  # no tick at H − 1: it would touch the next row's 0
                plot.getAxis("left").setTicks([[(u, str(u)) for u in ends], []])
        if self.plots:
            x0, x1 = keep[1] if keep is not None and keep[0] == (T, H) else (-0.5, max(T, 1) - 0.5)
            next(iter(self.plots.values())).setXRange(x0, x1, padding=0.0)
        self._shape = (T, H)

    def _defer_view(self, *_: object) -> None:
        """The steps on screen changed (zoom, pan, resize): derive them once this frame, then paint."""
        self.view.setUpdatesEnabled(False)  # no paint of the stale images in between
        self._view_timer.start()

    def refresh_view(self, changed: int | None = None) -> None:
        """Derive what the plots show for the current zoom (columns from step ``changed`` on, if given)."""
        if not self.view.updatesEnabled():
            self.view.setUpdatesEnabled(True)  # one paint, of what is derived below
        plot, ratio = next(iter(self.plots.values()), None), self.view.devicePixelRatioF()
        window = None if plot is None else visible_window(plot.getViewBox(), self.controller.length, ratio)
        if window is None:
            return
        arrays = self._arrays()
        for name, heatmap in self.heatmaps.items():
            heatmap.show(arrays[name], window, changed)
        if self.lines is not None:
            self.lines.show(arrays, window, changed)
        self.view.setToolTip(view_tip(window.width))

    def _on_unit_changed(self, unit: int) -> None:
        self._set_legend()
        if self.lines is not None:
            self.lines.set_data(self._arrays(), unit)
            self.refresh_view()

    def _set_legend(self) -> None:
        unit = self.controller.selected_unit
        self.unit_label.setText(tr("lines: unit {unit}").format(unit=unit))
        if self.lines is not None:
            heading = tr("unit {unit}").format(unit=unit)
            self.legend.setText(legend_html(list(self.lines.curves), heading, cm.foreground(self.palette())))

    def move_cursor(self, step: int) -> None:
        """Move the cursor lines to ``step`` (the only per-step work)."""
        self.view.set_value(step)

    # -- mouse -----------------------------------------------------------------------------
    def _seek_to(self, x: float) -> None:
        self.controller.seek(int(np.rint(x)))

    def _on_hover(self, scene_pos: QPointF) -> None:
        hit = heatmap_value(self.plots, self.controller.trace, scene_pos)
        if hit is None:
            QToolTip.hideText()
            return
        name, unit, step, value = hit
        QToolTip.showText(self.view.mapToGlobal(self.view.mapFromScene(scene_pos)),
                          tr("{name}[{unit}] at step {step} = {value}").format(
                              name=name, unit=unit, step=step, value=number_text(value)), self.view)
