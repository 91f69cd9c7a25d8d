"""Gate and state panel: every unit of every gate, of ``c`` and of ``h`` at the current step.

One row per quantity (LSTM ``i f g o c h``, GRU ``r z n h``, RNN ``h``) sharing a unit
axis. Up to :data:`STRIP_THRESHOLD` units a row is a bar chart on a fixed scale
(0 … 1 for σ gates, −1 … 1 for tanh quantities with a marked zero, ``c`` symmetric
from its max |c| over the trace); above it a row is a one-pixel-high colour strip.
Items are built on ``cell_changed`` only; a step just feeds them new values.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGraphicsItem, QToolTip, QVBoxLayout, QWidget

from ui.widgets import colormaps as cm

__all__ = ["STRIP_THRESHOLD", "GatePanel"]

STRIP_THRESHOLD = 64  # above this many units the rows become colour strips
_BRUSH_STEPS = 64
_SHORT = {"i": "input", "f": "forget", "g": "cand.", "o": "output", "r": "reset", "z": "update",
          "n": "cand.", "h": "hidden"}


class _Row:
    """One quantity's plot and its item (bars or strip), its levels and its brushes."""

    def __init__(self, name: str, plot: pg.PlotItem, label: pg.LabelItem, hidden: int, strips: bool,
                 palette: QPalette) -> None:
        self.name, self.plot, self.label, self.levels = name, plot, label, cm.levels_for(name)
        self.cmap = cm.map_for(name, palette)
        self.units = np.arange(hidden)
        if strips:
            self.item = pg.ImageItem(np.zeros((hidden, 1)), axisOrder="col-major")
            self.item.setRect(QRectF(-0.5, 0.0, hidden, 1.0))
            self.item.setLookupTable(self.cmap.getLookupTable(nPts=256))
            self.brushes = []
        else:
            # bar colours span the map's strong part so small values stay visible on the background
            if cm.is_sigmoid(name):
                pos = np.linspace(0.3, 1.0, _BRUSH_STEPS + 1)
            else:
                pos = np.concatenate([np.linspace(0.0, 0.35, _BRUSH_STEPS // 2),
                                      np.linspace(0.65, 1.0, _BRUSH_STEPS // 2 + 1)])
            self.brushes = [pg.mkBrush(c) for c in self.cmap.map(pos, mode="qcolor")]
            self.item = pg.BarGraphItem(x=self.units, height=np.zeros(hidden), width=0.8, y0=0.0,
                                        pen=pg.mkPen(None), brushes=[self.brushes[0]] * hidden)
        plot.addItem(self.item)

    def set_levels(self, levels: tuple[float, float]) -> None:
        """Fix the value range (axis and colours) of this row."""
        self.levels = levels
        lo, hi = levels
        if isinstance(self.item, pg.ImageItem):
            self.item.setLevels(levels)
            return
        self.plot.setYRange(lo, hi, padding=0.04)
        ticks = [(lo, f"{lo:g}"), (hi, f"{hi:g}")] + ([] if lo >= 0 else [(0.0, "0")])
        self.plot.getAxis("left").setTicks([ticks, []])

    def set_values(self, values: np.ndarray) -> None:
        """Show ``values`` (H,) for this quantity."""
        if isinstance(self.item, pg.ImageItem):
            self.item.setImage(np.asarray(values, dtype=np.float64)[:, None], autoLevels=False,
                               levels=self.levels)
            return
        lo, hi = self.levels
        frac = np.clip((np.nan_to_num(values) - lo) / (hi - lo), 0.0, 1.0)
        idx = np.rint(frac * _BRUSH_STEPS).astype(int)
        shown = np.clip(np.nan_to_num(values, posinf=hi, neginf=lo), lo, hi)  # never draw off-scale
        self.item.setOpts(height=shown, brushes=[self.brushes[k] for k in idx])


class GatePanel(QWidget):
    """Bars (or strips) of every gate, ``c`` and ``h`` for all units at the current step.

    Parameters
    ----------
    controller : ui.controller.Controller
    parent : QWidget, optional
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gate_panel")
        self.setAccessibleName("Gate and state values")
        self.setToolTip("Every unit's gates and states at the current step; click a unit to select it")
        self.controller = controller
        self.view = pg.GraphicsLayoutWidget()
        self.view.setObjectName("gate_panel_view")
        self.view.ci.setContentsMargins(4, 4, 8, 4)
        self.view.ci.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.rows: dict[str, _Row] = {}
        self.highlights: list[pg.LinearRegionItem] = []
        self.view.scene().sigMouseClicked.connect(self._on_click)
        self.view.scene().sigMouseMoved.connect(self._on_hover)
        controller.cell_changed.connect(self.rebuild)
        controller.trace_changed.connect(self._on_trace_changed)
        controller.step_changed.connect(self.refresh)
        controller.unit_changed.connect(self._move_highlight)
        self.rebuild()
        self._on_trace_changed(0)

    # -- building (on cell_changed only) -------------------------------------------------
    def rebuild(self) -> None:
        """Recreate the rows for the current cell kind and size."""
        self.view.ci.clear()
        self.rows.clear()
        self.highlights.clear()
        H = self.controller.cell.hidden_size
        self.strips = H > STRIP_THRESHOLD
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        highlight.setAlpha(60)
        names = cm.quantity_names(self.controller.cell)
        first = None
        for r, name in enumerate(names):
            label = self.view.ci.addLabel(row=r, col=0, justify="right")
            label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # text is re-set only per trace
            plot = self.view.ci.addPlot(row=r, col=1)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.getViewBox().setDefaultPadding(0.0)
            plot.setXRange(-0.6, H - 0.4, padding=0.0)
            plot.getAxis("left").setWidth(34)
            if r == len(names) - 1:
                plot.setLabel("bottom", "unit")
            else:
                plot.hideAxis("bottom")
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            if self.strips:
                plot.getAxis("left").setTicks([[], []])
                plot.setYRange(0.0, 1.0, padding=0.0)
            elif not cm.is_sigmoid(name):
                zero = pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen(palette.color(QPalette.ColorRole.Mid),
                                                                        style=Qt.PenStyle.DashLine))
                plot.addItem(zero)
            band = pg.LinearRegionItem(orientation="vertical", movable=False, brush=highlight,
                                       pen=pg.mkPen(None))
            band.setZValue(-10)
            plot.addItem(band)
            self.highlights.append(band)
            self.rows[name] = _Row(name, plot, label, H, self.strips, palette)
        if H <= 32:
            ticks = [[(u, str(u)) for u in range(H)], []]
            self.rows["h"].plot.getAxis("bottom").setTicks(ticks)
        cm.style_plot(self.view, [row.plot for row in self.rows.values()], palette)
        self._move_highlight(self.controller.selected_unit)

    def _set_label(self, row: _Row) -> None:
        color = cm.foreground(self.palette()).name()
        muted = cm.foreground(self.palette(), QPalette.ColorRole.PlaceholderText).name()
        sub = _SHORT.get(row.name, row.name)
        if row.name == "c" or self.strips:
            lo, hi = row.levels
            sub = f"±{hi:g}" if lo < 0 else f"{lo:g}…{hi:g}"
        row.label.setText(f"<span style='color:{color}; font-size:11pt'><b><i>{row.name}</i></b></span>"
                          f"<br><span style='color:{muted}; font-size:8pt'>{sub}</span>")

    # -- updates ----------------------------------------------------------------------------
    def _on_trace_changed(self, _start: int = 0) -> None:
        cell, trace = self.controller.cell, self.controller.trace
        for row in self.rows.values():
            row.set_levels(cm.levels_for(row.name, cell, trace))
            self._set_label(row)
        self.refresh()

    def refresh(self, _step: int | None = None) -> None:
        """Show the values at the controller's current step."""
        trace = self.controller.trace
        if trace.length == 0:
            return
        values = trace.row(self.controller.step)
        for name, row in self.rows.items():
            row.set_values(values[name])

    def _move_highlight(self, unit: int) -> None:
        for band in self.highlights:
            band.setRegion((unit - 0.5, unit + 0.5))

    # -- mouse ------------------------------------------------------------------------------
    def _unit_at(self, scene_pos: QPointF) -> tuple[str, int] | None:
        H = self.controller.cell.hidden_size
        for name, row in self.rows.items():
            vb = row.plot.getViewBox()
            if vb.sceneBoundingRect().contains(scene_pos):
                unit = int(np.rint(vb.mapSceneToView(scene_pos).x()))
                return (name, unit) if 0 <= unit < H else None
        return None

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self._unit_at(event.scenePos())
        if hit is not None:
            self.controller.set_selected_unit(hit[1])
            event.accept()

    def _on_hover(self, scene_pos: QPointF) -> None:
        hit = self._unit_at(scene_pos)
        if hit is None or self.controller.trace.length == 0:
            QToolTip.hideText()
            return
        name, unit = hit
        value = float(self.controller.trace.row(self.controller.step)[name][unit])
        text = f"{name}[{unit}] = {value:.6g}  ({cm.QUANTITY_LABELS[name]}, step {self.controller.step})"
        QToolTip.showText(self.view.mapToGlobal(self.view.mapFromScene(scene_pos)), text, self.view)
