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
from ui.background.worker import BackgroundWorker
from ui.i18n import current_language, tr
from ui.insight.plots import Explanation, cursor_line, make_plot, series_color
from ui.widgets.common import colormaps as cm

__all__ = ["GATE_COLORS", "Dashboard", "compute_dashboard"]

GATE_COLORS = {**cm.GATE_COLORS, "h": "#7f7f7f"}  # the app's gate palette; h grey beside the gates

# The "How to read this" notes in Korean (English: :data:`simulator.insight.EXPLANATIONS`).
EXPLANATIONS_KO = {
    "saturation": "게이트마다 각 스텝에서 포화된 유닛의 비율입니다. 시그모이드 게이트(i, f, o, r, z)는 0.1 "
                  "아래나 0.9 위, tanh 값(g, n, 그리고 tanh일 때의 h)은 |값|이 0.9를 넘으면 포화로 셉니다. "
                  "포화된 게이트는 완전히 열리거나 닫힌 스위치처럼 움직이고 기울기가 거의 0이라, 학습으로 그 "
                  "상태를 벗어나기 어렵습니다. Karpathy, Johnson, Fei-Fei(2015, 'Visualizing and "
                  "understanding recurrent networks')는 학습된 LSTM에서 망각 게이트 상당수가 1 근처에 "
                  "포화되어 있음을 보였습니다. 오래 기억하는 유닛들입니다. 곡선이 1에 가까우면 '게이트가 "
                  "마음을 정했다', 0에 가까우면 '아직 저울질하는 중'으로 읽으면 됩니다.",
    "timescales": "유닛마다 기억이 e분의 1로 줄어드는 데 걸리는 스텝 수, −1 / ln f̄ 입니다. f̄는 실행 "
                  "전체에서 그 유닛의 망각 게이트 평균(LSTM), 또는 업데이트 게이트 평균 z̄(GRU, z = 1이면 "
                  "이전 상태 유지)입니다. 게이트가 f로 유지되면 저장된 값에 매 스텝 f가 곱해지므로 n스텝 "
                  "뒤에는 f^n = e^(−n/τ)만 남습니다. f̄ = 0.5면 1.4스텝, 0.9면 9.5스텝, 0.99면 99.5스텝이고 "
                  "f̄ = 1이면 잊지 않습니다(무한대). 평균값이라는 점에 주의하세요. 입력에 따라 움직이는 "
                  "게이트는 스텝마다 다른 속도로 잊습니다. 기본 RNN에는 읽을 게이트가 없습니다.",
    "spectrum": "순환 가중치 W_hh의 스펙트럼 반지름(가장 큰 |고윳값|)과 특잇값입니다. LSTM과 GRU는 "
                "게이트 블록별로 보여 줍니다. tanh RNN에서 반지름이 1보다 작으면 입력과 상관없이 상태와 "
                "기울기가 매 스텝 줄어듭니다(잊어버리고, 기울기가 소실됩니다). 둘이 커지려면(기울기 폭발) "
                "가장 큰 특잇값이 1보다 커야 합니다. 게이트가 있는 셀의 블록은 상태가 아니라 게이트로 "
                "들어가므로, 각 게이트가 이전 h에 얼마나 강하게 반응하는지로 읽으세요.",
    "jacobian": "각 스텝에서 한 스텝 야코비안 ∂h[t]/∂h_t의 노름입니다(LSTM은 c를 고정). 기울기가 이 스텝을 "
                "거꾸로 지날 때 얼마나 늘어나는지(> 1), 줄어드는지(< 1)를 나타냅니다. 여러 스텝에 걸친 "
                "기울기는 이 값들의 곱이므로, 1보다 작은 값이 이어지면 기울기 소실, 1보다 크면 기울기 "
                "폭발입니다. 포화된 유닛은 거의 기여하지 않으므로(tanh′ ≈ 0) 포화 곡선이 솟는 곳에서 "
                "이 곡선은 내려갑니다.",
}


def explanation(key: str) -> str:
    """The "How to read this" note of chart ``key`` in the interface language."""
    return EXPLANATIONS_KO[key] if current_language() == "ko" else EXPLANATIONS[key]
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
                ("saturation", tr("Saturated units per gate"), tr("Fraction of units below 0.1 or above "
                 "0.9 (|value| > 0.9 for tanh quantities) at each step"), tr("fraction"), tr("step")),
                ("timescales", tr("Memory timescale per unit"), tr("−1 / ln ḡ: the steps over which each "
                 "unit's memory decays by a factor e (ḡ the mean forget or update gate)"), tr("steps"),
                 tr("unit")),
                ("spectrum", tr("Singular values of W_hh"), tr("Singular values of each gate block of the "
                 "recurrent weights, largest first; the legend gives each block's spectral radius ρ"),
                 "σ_k", "k"),
                ("jacobian", tr("One-step Jacobian norm ‖∂h[t]/∂h[t−1]‖"), tr("How much one step stretches "
                 "(> 1) or shrinks (< 1) a gradient passing back through it"), tr("norm"), tr("step"))):
            plot = make_plot(self, f"dashboard_{key}", tip, title=title, left=left, bottom=bottom,
                             legend=key in ("saturation", "spectrum"), log_y=key == "jacobian")
            plot.setMinimumHeight(170)
            self.plots[key] = plot
            column.addWidget(plot)
            column.addWidget(Explanation(explanation(key), f"dashboard_{key}_help", self))
        self.plots["saturation"].getPlotItem().setYRange(0, 1.2)
        self.plots["saturation"].home = self._home_saturation
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

    def _home_saturation(self) -> None:
        """All the steps, fractions 0 … 1.2 (room above 1 for the legend)."""
        item = self.plots["saturation"].getPlotItem()
        item.enableAutoRange(x=True, y=False)
        item.setYRange(0, 1.2)

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
        self.status.setText(tr("Computing…"))
        self.worker.submit(lambda: compute_dashboard(cell, trace))

    # -- showing -----------------------------------------------------------------------------------
    def _show(self, data: object) -> None:
        if isinstance(data, Exception):
            self.status.setText(tr("Dashboard unavailable: {error}").format(error=data))
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
        self._home_saturation()
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
            self.status.setText(tr("A plain RNN has no forget or update gate, so it has no memory timescale "
                                   "to read (its memory is set by W_hh: see the spectrum)."))
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
        note = (tr("; units {units} never forget (ḡ = 1, τ = ∞, drawn at the top)").format(units=infinite)
                if infinite else "")
        text = (tr("Memory timescale τ = −1 / ln {gate}̄ per unit (log scale): median {median} steps{note}.")
                if wide else
                tr("Memory timescale τ = −1 / ln {gate}̄ per unit (linear scale): median {median} "
                   "steps{note}."))
        self.status.setText(text.format(gate=gate, median=f"{np.median(tau):.3g}", note=note))

    def _move(self, step: int) -> None:
        for cursor in self.cursors:
            cursor.setValue(step)

    @property
    def timescales(self) -> np.ndarray | None:
        """The timescales shown, (H,) in steps (None for the RNN or before the first result)."""
        return None if self.data is None else self.data["timescales"]
