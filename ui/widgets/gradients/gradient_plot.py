"""Gradient view: ‖∂h_T/∂h_t‖ (and ‖∂c_T/∂c_t‖ for the LSTM) on a log scale, live.

T is the controller's current step; the x axis is the delay ``T − t``, so a gradient
that vanishes falls to the right and one that explodes climbs. Values come from
:meth:`Controller.gradients` (a window of up to 400 steps). A log axis cannot show 0
or ∞: values are clipped to [:data:`FLOOR`, :data:`CEILING`] and the clipped points are
marked with triangles and counted in the status line. The title is also the legend (a line
in each curve's colour before its name) and is laid out for the width, shorter and on more
lines when narrow, so neither is clipped in a narrow dock or a compare row. The computation
costs up to tens of ms, so it runs on a worker thread, coalesced by a single-shot timer: at
most one computation at a time, about 4 per second while playing.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPalette, QResizeEvent, QTextDocument
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.background.worker import BackgroundWorker
from ui.i18n import tr
from ui.widgets.common import colormaps as cm
from ui.widgets.gradients.gradient_title import SERIES, TitleFitting

__all__ = ["CEILING", "FLOOR", "GradientPlot"]

FLOOR = 1e-300      # smaller values (and exact zeros) are drawn on this floor
CEILING = 1e300     # larger values (and inf) are drawn on this ceiling
_SETTLE_MS, _PLAYING_MS = 60, 250  # compute once stepping pauses; about 4 times a second while playing
class GradientPlot(TitleFitting, QWidget):
    """Log-scale plot of how much of the gradient at step T reaches each earlier step.

    Parameters
    ----------
    controller : ui.document.controller.Controller
    parent : QWidget, optional

    Attributes
    ----------
    curves : dict of str to pyqtgraph.PlotDataItem
        ``"dhT_dh"`` (and ``"dcT_dc"``): x = delay T − t, y = the norm clipped to [FLOOR, CEILING].
    data : dict or None
        The last :meth:`Controller.gradients` result shown.
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradient_plot")
        self.setAccessibleName(tr("Gradient through time"))
        self.controller = controller
        self.data: dict[str, np.ndarray] | None = None
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.markers: dict[str, pg.PlotDataItem] = {}
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("gradient_plot_view")
        self.plot.setToolTip(tr("How much of the gradient at the current step T reaches step t, "
                                "on a log scale: falling = vanishing, climbing = exploding"))
        self.status = QLabel(objectName="gradient_plot_status", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        self.status.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, timeout=self.update_now)
        self._stale = True
        self.worker = BackgroundWorker(self, "gradient-plot")  # one job at a time, newest wins
        self.worker.finished.connect(self._show)
        self._measure = QTextDocument(self)  # lays out title candidates to measure them
        self._measure.setDefaultFont(QFont(self.font()))
        self._shown_labels = ("", "")  # the title's HTML and the x-axis label now shown
        self._end: int | None = None  # the step T the curves are for
        self._setup_plot()
        controller.cell_changed.connect(self.rebuild)
        controller.step_changed.connect(self.schedule)
        controller.trace_changed.connect(self._invalidate)
        controller.weights_changed.connect(self._invalidate)
        self.rebuild()

    def _setup_plot(self) -> None:
        item = self.plot.getPlotItem()
        item.setLogMode(x=False, y=True)
        item.showGrid(x=True, y=True, alpha=0.2)
        self._axis_labels = (tr("delay T − t  (steps before the current step T)"), tr("delay T − t"))
        item.getAxis("left").setWidth(56)
        # labels on decades only (2 … 9 between them crowd a short plot): at least 3 of them in view
        item.getAxis("left").setStyle(maxTextLevel=0)
        item.setLimits(minYRange=3.0)  # log10 units
        item.getAxis("bottom").enableAutoSIPrefix(False)  # "(x0.001)" on a one-step range reads as noise
        item.setMenuEnabled(False)
        item.hideButtons()
        palette = self.palette()
        text = cm.foreground(palette)
        one = pg.InfiniteLine(pos=0.0, angle=0, movable=False,  # log10(1) = 0
                              pen=pg.mkPen(palette.color(QPalette.ColorRole.Mid), width=1,
                                           style=Qt.PenStyle.DashLine),
                              label=tr("1 = unchanged"), labelOpts={"position": 0.55, "color": text,
                                                                "anchors": [(0.5, 0), (0.5, 0)]})
        item.addItem(one)
        cm.style_plot(self.plot, [item], palette)

    def rebuild(self) -> None:
        """Create the curves the cell kind has (the c path only for the LSTM)."""
        item = self.plot.getPlotItem()
        for store in (self.curves, self.markers):
            for curve in store.values():
                item.removeItem(curve)
            store.clear()
        names = ["dhT_dh"] + (["dcT_dc"] if self.controller.cell.has_cell else [])
        for name in names:
            color = SERIES[name][1]
            self.curves[name] = item.plot(pen=pg.mkPen(color, width=2))
            self.markers[name] = item.plot(pen=None, symbol="t", symbolSize=7, symbolPen=None,
                                           symbolBrush=pg.mkBrush(color))
        self._end = None
        self.fit_labels()
        self._invalidate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_labels()

    # -- throttled updates -------------------------------------------------------------------
    def schedule(self, *_args) -> None:
        """Ask for a recomputation: coalesced, and started once the steps settle.

        While stepping, each request restarts a short settle timer, so holding an arrow key
        computes once at the end; while playing, the timer is not restarted, which gives a
        steady few updates a second without competing with every frame.
        """
        self._stale = True
        if self.controller.playing:
            if not self._timer.isActive():
                self._timer.start(_PLAYING_MS)
        else:
            self._timer.start(_SETTLE_MS)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.schedule()

    def update_now(self, force: bool = False) -> None:
        """Recompute for the current step: on a worker thread, or right here when ``force``.

        Hidden views do no work (they stay stale until shown). Only one worker runs at a
        time; requests that arrive meanwhile are served when it finishes.
        """
        if force:
            self._stale = False
            self.worker.run_now(self.controller.gradient_job(self.controller.step))  # shown by _show
            return
        if not self.isVisible():
            return
        self._stale = False
        # copies taken here, on the GUI thread; numpy releases the GIL in the matrix products,
        # so the window stays responsive; a request made meanwhile replaces this one's result
        self.worker.submit(self.controller.gradient_job(self.controller.step))

    def _invalidate(self, *_args) -> None:
        self.worker.cancel()  # a result computed from the old trace or weights is not shown
        self.schedule()

    def _show(self, data: object) -> None:
        if isinstance(data, Exception):
            self.status.setText(tr("Gradient view unavailable: {error}").format(error=data))
            return
        self.data = data
        if data is None or not len(data["t"]):
            for curve in (*self.curves.values(), *self.markers.values()):
                curve.setData([], [])
            self.status.setText(tr("No gradient to show yet."))
            return
        end = int(data["t"][-1])
        delay = end - np.asarray(data["t"], dtype=np.float64)
        notes = []
        for name, curve in self.curves.items():
            values = np.asarray(data.get(name, []), dtype=np.float64)
            keep = ~np.isnan(values)
            shown = np.clip(values[keep], FLOOR, CEILING)
            curve.setData(delay[keep], shown)
            clipped = (values[keep] < FLOOR) | (values[keep] > CEILING)
            self.markers[name].setData(delay[keep][clipped], shown[clipped])
            notes.append(self._describe(name, values, delay))
        self.status.setText(f"T = {end}  ·  " + "  ·  ".join(notes))
        self._end = end
        self.fit_labels()
        # whole steps on the x axis even for one point (autorange would give −0.5 … 0.5)
        self.plot.getPlotItem().setXRange(0, max(float(delay.max()), 10.0), padding=0.02)

    @staticmethod
    def _describe(name: str, values: np.ndarray, delay: np.ndarray) -> str:
        label = SERIES[name][0]
        finite = values[~np.isnan(values)]
        if not finite.size:
            return f"{label}: –"
        far = int(delay[~np.isnan(values)].max())
        text = tr("{label} {far} steps back = {value}").format(label=label, far=far, value=f"{finite[0]:.3g}")
        low, high = int(np.sum(finite < FLOOR)), int(np.sum(finite > CEILING))
        if low:
            text += tr(" ({n} below {floor}, drawn on the floor ▼)").format(n=low, floor=f"{FLOOR:g}")
        if high:
            text += tr(" ({n} above {ceiling} or inf, drawn on the ceiling ▲)").format(n=high,
                                                                                    ceiling=f"{CEILING:g}")
        return text

    # -- export -------------------------------------------------------------------------------
    def _fresh(self) -> pg.PlotItem:
        if self._stale or self.data is None:
            self.update_now(force=True)
        return self.plot.getPlotItem()

    def export_png(self, path: str, width: int = 1600) -> None:
        """Write the plot as a PNG image ``width`` pixels wide (for slides)."""
        exporter = pg.exporters.ImageExporter(self._fresh())
        exporter.parameters()["width"] = int(width)
        exporter.export(str(path))

    def export_svg(self, path: str) -> None:
        """Write the plot as an SVG file (vector paths, via QSvgGenerator).

        pyqtgraph's own SVGExporter cannot parse the path data Qt 6.12 writes, so the
        scene is painted straight into a :class:`QSvgGenerator`.
        """
        source = self._fresh().sceneBoundingRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(source.size().toSize())
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle("GateScope gradient through time")
        painter = QPainter(generator)
        try:
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), self.plot.backgroundBrush())
            self.plot.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()
