"""Saturation and memory dashboard: gate saturation over time, memory timescales, W_hh's spectrum, Jacobians.

Four charts, each with a collapsible "How to read this" from
:data:`simulator.insight.EXPLANATIONS`. Everything is computed in one job on a worker
thread when the trace or the weights change (and the panel is visible), never per step:
a step only moves the cursors.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from simulator.insight import EXPLANATIONS, jacobian_norms, recurrent_spectrum, saturation, timescales
from ui.insight.plots import Explanation, cursor_line, make_plot, series_color
from ui.widgets import colormaps as cm
from ui.worker import BackgroundWorker

__all__ = ["GATE_COLORS", "Dashboard", "compute_dashboard"]

GATE_COLORS = {"i": "#1f77b4", "f": "#2ca02c", "g": "#ff7f0e", "o": "#9467bd", "r": "#d62728",
               "z": "#2ca02c", "n": "#ff7f0e", "h": "#7f7f7f"}
WIDE = 100.0  # timescales spanning more than this ratio are drawn on a log axis


def compute_dashboard(cell, trace) -> dict[str, object]:
    """Every chart's data (worker thread): ``saturation``, ``timescales``, ``spectrum``, ``jacobian``."""
    with np.errstate(over="ignore", invalid="ignore"):
        return {"saturation": saturation(trace, cell=cell), "timescales": timescales(cell, trace),
                "spectrum": recurrent_spectrum(cell), "jacobian": jacobian_norms(cell, trace),
                "gate": {"lstm": "f", "gru": "z"}.get(cell.kind)}


class Dashboard(QWidget):
    """The content of the ``dock_dashboard`` dock.

    Attributes
    ----------
    data : dict or None
        The last :func:`compute_dashboard` result shown.
    curves : dict of str to pyqtgraph.PlotDataItem
        ``"sat_<gate>"``, ``"timescales"``, ``"sv_<block>"``, ``"jacobian"``.
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.controller = controller
        self.data: dict[str, object] | None = None
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._stale = True
        self.worker = BackgroundWorker(self, "dashboard")
        self.worker.finished.connect(self._show)
        self.status = QLabel(objectName="dashboard_status", wordWrap=True)
        column = QVBoxLayout()
        column.addWidget(self.status)
        self.plots = {}
        for key, title, tip, left, bottom in (
                ("saturation", "Saturated units per gate", "Fraction of units below 0.1 or above 0.9 "
                 "(|value| > 0.9 for tanh quantities) at each step", "fraction", "step"),
                ("timescales", "Memory timescale per unit", "−1 / ln ḡ: the steps over which each unit's "
                 "memory decays by a factor e (ḡ the mean forget or update gate)", "steps", "unit"),
                ("spectrum", "Singular values of W_hh", "Singular values of each gate block of the "
                 "recurrent weights, largest first; the legend gives each block's spectral radius ρ",
                 "σ_k", "k"),
                ("jacobian", "One-step Jacobian norm ‖∂h[t]/∂h[t−1]‖", "How much one step stretches (> 1) "
                 "or shrinks (< 1) a gradient passing back through it", "norm", "step")):
            plot = make_plot(self, f"dashboard_{key}", tip, title=title, left=left, bottom=bottom,
                             legend=key in ("saturation", "spectrum"), log_y=key == "jacobian")
            plot.setMinimumHeight(170)
            self.plots[key] = plot
            column.addWidget(plot)
            column.addWidget(Explanation(EXPLANATIONS[key], f"dashboard_{key}_help", self))
        self.plots["saturation"].getPlotItem().setYRange(0, 1.2)
        for key in ("timescales", "spectrum"):
            self.plots[key].getPlotItem().getAxis("bottom").setTickSpacing(major=None, minor=None)
        self.cursors = [cursor_line(self.plots[k].getPlotItem(), self.palette())
                        for k in ("saturation", "jacobian")]
        one = pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen(cm.foreground(self.palette()), width=1,
                                                             style=pg.QtCore.Qt.PenStyle.DotLine))
        self.plots["jacobian"].getPlotItem().addItem(one, ignoreBounds=True)  # log10(1) = 0
        holder = QWidget(self)
        holder.setLayout(column)
        scroll = QScrollArea(self, objectName="dashboard_scroll", widgetResizable=True)
        scroll.setWidget(holder)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.recompute)
        controller.trace_changed.connect(self._invalidate)
        controller.weights_changed.connect(self._invalidate)
        controller.cell_changed.connect(self._invalidate)
        controller.step_changed.connect(self._move)
        self._invalidate()

    # -- when to compute -------------------------------------------------------------------------
    def _invalidate(self, *_args: object) -> None:
        self.worker.cancel()
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._timer.start(0)

    def recompute(self) -> None:
        """Recompute every chart on the worker thread (on a copy of the cell and the trace)."""
        self._stale = False
        c = self.controller
        # The worker reads the live trace (a copy costs ~150 ms at H = 64, T = 10,000). An edit writes it
        # in place, but every edit cancels the running request first (_invalidate), so a result read
        # from a half-written trace is never shown, as in the gradient view.
        cell, trace = c.cell.copy(), c.trace
        self.status.setText("Computing…")
        self.worker.submit(lambda: compute_dashboard(cell, trace))

    # -- showing -----------------------------------------------------------------------------------
    def _show(self, data: object) -> None:
        if isinstance(data, Exception):
            self.status.setText(f"Dashboard unavailable: {data}")
            return
        self.data = data
        for key in ("saturation", "timescales", "spectrum", "jacobian"):
            item = self.plots[key].getPlotItem()
            for curve in item.listDataItems():
                item.removeItem(curve)
            if item.legend is not None:
                item.legend.clear()
        self.curves.clear()
        steps = np.arange(self.controller.length)
        sat = self.plots["saturation"].getPlotItem()
        for name, frac in data["saturation"].items():
            pen = {"color": GATE_COLORS.get(name, "#7f7f7f"), "width": 1.5}
            self.curves[f"sat_{name}"] = sat.plot(steps[:len(frac)], frac, name=name, pen=pen)
        self._show_timescales(data["timescales"], data["gate"])
        spec = self.plots["spectrum"].getPlotItem()
        for k, (name, (radius, sv)) in enumerate(data["spectrum"].items()):
            color = GATE_COLORS.get(name, series_color(k)) if name != "h" else series_color(0)
            self.curves[f"sv_{name}"] = spec.plot(np.arange(1, len(sv) + 1), sv,
                                                  name=f"{name}: ρ = {radius:.3g}", symbol="o", symbolSize=5,
                                                  pen={"color": color, "width": 1.5}, symbolBrush=color)
        jac = np.asarray(data["jacobian"], dtype=np.float64)
        keep = np.isfinite(jac) & (jac > 0)
        self.curves["jacobian"] = self.plots["jacobian"].getPlotItem().plot(
            steps[:len(jac)][keep], jac[keep], pen={"color": series_color(0), "width": 1.5})
        for plot in self.plots.values():
            plot.getPlotItem().enableAutoRange()
        sat.setYRange(0, 1.2)  # room above 1 for the legend
        sat.legend.setColumnCount(max(1, len(data["saturation"])))
        H = len(next(iter(data["spectrum"].values()))[1])
        for key in ("timescales", "spectrum"):
            major = max(1, int(np.ceil(H / 10)))  # whole unit and index numbers
            self.plots[key].getPlotItem().getAxis("bottom").setTickSpacing(major, major)
        self._move(self.controller.step)

    def _show_timescales(self, tau: np.ndarray | None, gate: str | None) -> None:
        item = self.plots["timescales"].getPlotItem()
        if tau is None:
            item.setLogMode(x=False, y=False)
            self.status.setText("A plain RNN has no forget or update gate, so it has no memory timescale "
                                "to read (its memory is set by W_hh: see the spectrum).")
            return
        finite = tau[np.isfinite(tau) & (tau > 0)]
        top = float(finite.max()) if finite.size else 1.0
        shown = np.where(np.isinf(tau), 10 * top, tau)  # ∞ (ḡ = 1) drawn above the rest, named below
        positive = shown[shown > 0]
        wide = bool(positive.size) and bool(positive.max() / positive.min() > WIDE)
        item.setLogMode(x=False, y=wide)
        floor = float(positive.min()) / 2 if wide and positive.size else 0.0
        units = np.arange(len(tau))
        stems_x = np.repeat(units, 2).astype(np.float64)
        stems_y = np.column_stack([np.full(len(tau), floor), np.maximum(shown, floor)]).ravel()
        color = GATE_COLORS.get(gate or "f", series_color(0))
        self.curves["timescale_stems"] = item.plot(stems_x, stems_y, connect="pairs",
                                                   pen={"color": color, "width": 6})
        self.curves["timescales"] = item.plot(units, np.maximum(shown, floor if wide else 0), pen=None,
                                              symbol="o", symbolSize=7, symbolBrush=color)
        infinite = [int(u) for u in np.flatnonzero(np.isinf(tau))]
        note = f"; units {infinite} never forget (ḡ = 1, τ = ∞, drawn at the top)" if infinite else ""
        scale = "log" if wide else "linear"
        self.status.setText(f"Memory timescale τ = −1 / ln {gate}̄ per unit ({scale} scale): "
                            f"median {np.median(tau):.3g} steps{note}.")

    def _move(self, step: int) -> None:
        for cursor in self.cursors:
            cursor.setValue(step)

    @property
    def timescales(self) -> np.ndarray | None:
        """The timescales shown, (H,) in steps (None for the RNN or before the first result)."""
        return None if self.data is None else self.data["timescales"]
