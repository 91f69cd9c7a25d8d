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
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ui.background.long_work import SettledRows
from ui.i18n import tr
from ui.widgets.common import colormaps as cm
from ui.widgets.timeline.timeline_fit import apply_room, fit_labels, fit_rows, line_height
from ui.widgets.timeline.timeline_heatmap import Heatmap, extreme_pyramid, row_label, view_tip
from ui.widgets.timeline.timeline_lines import LINE_COLORS, UnitLines, legend_html
from ui.widgets.timeline.timeline_pyramid import Pyramid
from ui.widgets.timeline.timeline_toolbar import fill_toolbar, say_unit
from ui.widgets.timeline.timeline_view import (
    CursorLine,
    CursorView,
    SeekViewBox,
    heatmap_value,
    show_value_tip,
    visible_window,
)

__all__ = ["LINE_COLORS", "LINES_HEIGHT", "Timeline"]

LINES_HEIGHT = 36  # pixels the line plot keeps in a short window (below that it gives way to the rows)


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
        self.room = (0.0, True, True)  # a heatmap row's least height; the line plot, the step title fit

        self.toolbar, self.unit_label, self.view = QHBoxLayout(), QLabel(), CursorView()
        self.toolbar.setContentsMargins(6, 2, 6, 0)
        self.toolbar.setSpacing(4)
        self.view.setObjectName("timeline_view")
        self.view.ci.setContentsMargins(2, 0, 6, 0)
        self.view.ci.layout.setHorizontalSpacing(3)
        self.view.ci.layout.setVerticalSpacing(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view)
        self._view_timer = QTimer(self, singleShot=True, interval=0)  # zoom and pan: once a frame
        self._view_timer.timeout.connect(self.refresh_view)
        self.view.scene().sigMouseMoved.connect(lambda pos: show_value_tip(
            self.view, heatmap_value(self.plots, self.controller.trace, pos), pos))
        self.view.resized.connect(self._on_resized)
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

    def rebuild(self) -> None:
        """Recreate buttons, rows and pyramids for the current cell (data follow: ``trace_changed(0)``)."""
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

    def _seek(self, x: float) -> None:
        self.controller.seek(int(np.rint(x)))

    def _new_plot(self, row: int, first: pg.PlotItem | None) -> pg.PlotItem:
        plot = self.view.ci.addPlot(row=row, col=1, viewBox=SeekViewBox(self._seek))
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
        for store in (self.heatmaps, self.plots, self.cursors):
            store.clear()
        self.view.clear_cursors()
        palette, cell = self.palette(), self.controller.cell
        text = cm.foreground(palette)
        shown = [n for n in cm.quantity_names(cell) if n not in self.hidden]
        self.room = self._room(len(shown))
        for name in set(self.pyramids) - set(shown):  # hidden quantities are not kept up to date
            del self.pyramids[name]
        first = None
        for r, name in enumerate(shown):
            row_label(self.view.ci, name, r, text)
            plot = self._new_plot(r, first)
            first = first or plot
            plot.getViewBox().invertY(True)  # unit 0 on top, as in the gate panel's reading order
            pyramid = self.pyramids.setdefault(name, extreme_pyramid(name))
            cmap, levels = cm.map_for(name, palette), cm.levels_for(name)
            self.heatmaps[name] = Heatmap(plot, pyramid, cmap, levels, palette)
            self.view.ci.addItem(self.heatmaps[name].bar, row=r, col=2)
            self.plots[name] = plot
        self.lines = self.line_plot = None
        if "lines" not in self.hidden and self.room[1]:
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
        apply_room(self.heatmaps, self.plots, self.room)
        cm.style_plot(self.view, self.plots.values(), palette)
        self._set_legend()
        self._shape = None  # set_trace lays out the new axes

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shape is not None:
            self._build_rows()  # new colour maps, axis and line colours; the pyramids stay
            self.set_trace(self.controller.length)

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
        if self.plots:
            x0, x1 = keep[1] if keep is not None and keep[0] == (T, H) else (-0.5, max(T, 1) - 0.5)
            next(iter(self.plots.values())).setXRange(x0, x1, padding=0.0)
        self._shape = (T, H)

    def _room(self, rows: int) -> tuple[float, bool, bool]:  # see fit_rows
        return fit_rows(self.view.viewport().height(), rows, line_height(self.view), LINES_HEIGHT)

    def _on_resized(self) -> None:
        """The view's height changed: the rows' least height, the line plot and the step title follow."""
        room = self._room(len(self.heatmaps))
        if not self.plots or room == self.room:
            return
        if room[1] != self.room[1] and "lines" not in self.hidden:
            self._build_rows()
            self.set_trace(self.controller.length)  # only the line plot is new
        else:
            self.room = room
            apply_room(self.heatmaps, self.plots, self.room)

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
        fit_labels(self.heatmaps, self.controller.cell.hidden_size, line_height(self.view))
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
        say_unit(self.unit_label, unit, self.room[1])
        if self.lines is not None:
            self.legend.setText(legend_html(list(self.lines.curves), cm.foreground(self.palette())))
            self.legend.setToolTip(tr("unit {unit}").format(unit=unit))

    def move_cursor(self, step: int) -> None:
        """Move the cursor lines to ``step`` (the only per-step work)."""
        self.view.set_value(step)
