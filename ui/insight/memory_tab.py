"""The memory test tab: feed a pulse, then blanks; how much of it each cell still holds at each delay.

For each compared cell :func:`simulator.insight.memory_curve` runs a pulse run and a
baseline run and plots ``‖s_pulse − s_base‖ / (its value at the pulse)`` against the
delay; a dashed line marks where each curve first falls below 10 %, and a table lists
those delays. The runs go to a worker thread (two runs per cell of t0 + L + 1 steps).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from simulator.core.errors import InputError
from simulator.insight import MemoryResult, memory_curve
from ui.background.worker import BackgroundWorker
from ui.i18n import tr
from ui.insight.plots import KIND_COLORS, make_plot, marker_line, series_color

__all__ = ["FLOOR", "THRESHOLD", "MemoryTab"]

THRESHOLD = 0.1   # the delay mark: 10 % of the pulse left
FLOOR = 1e-16     # log axis: smaller values (and exact zeros) are drawn here


def _spin(name: str, tip: str, lo: int, hi: int, value: int) -> QSpinBox:
    spin = QSpinBox(objectName=name, toolTip=tip, minimum=lo, maximum=hi, value=value)
    spin.setAccessibleName(tip.split(":")[0])
    return spin


class MemoryTab(QWidget):
    """Memory curves of the compared cells, their 10 % delays and the pulse's parameters.

    Attributes
    ----------
    results : dict of str to MemoryResult
        By cell label, from the last completed run.
    delays : dict of str to int or None
        ``results[label].delay_below(0.1)`` (None: still above 10 % after L steps).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memory_tab")
        self.results: dict[str, MemoryResult] = {}
        self.delays: dict[str, int | None] = {}
        self._cells: list[tuple[str, object, object]] = []
        self.worker = BackgroundWorker(self, "memory-test")
        self.worker.finished.connect(self._show)
        self.pulse_at = _spin("memory_pulse_at", tr("Pulse at: the step of the pulse (earlier steps let a "
                              "biased state settle)"), 0, 100_000, 5)
        self.length = _spin("memory_length", tr("Delays: how many steps after the pulse are measured"),
                            1, 1_000_000, 200)
        self.input_dim = _spin("memory_input_dim", tr("Input: the input dimension carrying the pulse"),
                               0, 0, 0)
        self.amplitude = QDoubleSpinBox(objectName="memory_amplitude", minimum=-1e6, maximum=1e6, value=1.0,
                                        decimals=3, singleStep=0.1)
        self.amplitude.setToolTip(tr("Amplitude: the pulse's value on the chosen input"))
        self.amplitude.setAccessibleName(tr("Pulse amplitude"))
        self.vector = QLineEdit(objectName="memory_pulse_vector")
        self.vector.setPlaceholderText(tr("optional, e.g. 0.8, 1"))
        self.vector.setToolTip(tr("The whole pulse vector, one value per input (overrides input and "
                                  "amplitude): e.g. a value plus a write cue for the hold presets"))
        self.vector.setAccessibleName(tr("Pulse vector"))
        self.log_y = QCheckBox(tr("Log scale"), objectName="memory_log_y", checked=True)
        self.log_y.setToolTip(tr("Show the curves on a logarithmic (checked) or linear axis"))
        run = QPushButton(tr("Run test"), objectName="memory_run")
        run.setToolTip(tr("Run the memory test with these parameters"))
        form = QFormLayout()
        form.addRow(tr("Pulse at step"), self.pulse_at)
        form.addRow(tr("Delays measured"), self.length)
        form.addRow(tr("Input"), self.input_dim)
        form.addRow(tr("Amplitude"), self.amplitude)
        form.addRow(tr("Pulse vector"), self.vector)
        form.addRow(self.log_y)
        form.addRow(run)
        self.table = QTableWidget(0, 3, self, objectName="memory_table")
        self.table.setHorizontalHeaderLabels([tr("Cell"), tr("< 10 % after"), tr("Left at the end")])
        self.table.setToolTip(tr("The first delay (steps after the pulse) at which each cell holds less "
                                 "than 10 % of the pulse"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel(objectName="memory_status", wordWrap=True)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.table, 1)
        side.addWidget(self.status)
        self.plot = make_plot(self, "memory_plot", tr("How much of the pulse each cell still holds, against "
                              "the delay since the pulse; dashed lines mark where each falls below 10 %"),
                              title=tr("Memory test: ‖state with pulse − state without‖, relative to the "
                                       "pulse"),
                              left=tr("fraction of the pulse left"),
                              bottom=tr("delay (steps after the pulse)"),
                              log_y=True, legend=True)
        box = QHBoxLayout(self)
        holder = QWidget(self)
        holder.setLayout(side)
        holder.setFixedWidth(320)
        box.addWidget(holder)
        box.addWidget(self.plot, 1)
        run.clicked.connect(self.run)
        self.log_y.toggled.connect(lambda on: self.plot.getPlotItem().setLogMode(x=False, y=on))
        self._curves: list = []

    def set_cells(self, cells: list[tuple[str, object, object]]) -> None:
        """The cells to test: ``(label, cell, initial state)`` each; runs the test."""
        self._cells = list(cells)
        dims = {c.input_size for _, c, _ in cells} or {1}
        self.input_dim.setMaximum(max(min(dims) - 1, 0))
        self.run()

    def parameters(self) -> dict[str, object]:
        """The test's keyword arguments for :func:`memory_curve` (InputError on a bad pulse vector)."""
        params: dict[str, object] = {"pulse_at": self.pulse_at.value(), "length": self.length.value(),
                                     "amplitude": self.amplitude.value(), "input_dim": self.input_dim.value()}
        text = self.vector.text().strip()
        if text:
            try:
                params["pulse"] = [float(v) for v in text.replace(";", ",").split(",") if v.strip()]
            except ValueError:
                raise InputError(tr("pulse vector {text}: expected numbers separated by commas").format(
                    text=repr(text))) from None
        return params

    def run(self, *_args: object) -> None:
        """Recompute every curve on the worker thread."""
        try:
            params = self.parameters()
        except InputError as err:
            self.status.setText(str(err))
            return
        cells = list(self._cells)
        self.status.setText(tr("Running the memory test…"))
        self.worker.submit(lambda: {label: memory_curve(cell, state=state, **params)
                                    for label, cell, state in cells})

    def _show(self, result: object) -> None:
        item = self.plot.getPlotItem()
        for curve in self._curves:
            item.removeItem(curve)
        self._curves.clear()
        item.legend.clear()
        if isinstance(result, Exception):
            self.status.setText(tr("Memory test failed: {error}").format(error=result))
            return
        self.results = result
        self.delays = {label: r.delay_below(THRESHOLD) for label, r in result.items()}
        self.table.setRowCount(len(result))
        kinds = {label: cell.kind for label, cell, _ in self._cells}
        by_kind = len(set(kinds.values())) == len(kinds)  # one cell per kind: colour by kind
        for k, (label, r) in enumerate(result.items()):
            color = KIND_COLORS.get(kinds.get(label), series_color(k)) if by_kind else series_color(k)
            curve = item.plot(r.delays, np.clip(np.nan_to_num(r.curve, nan=FLOOR), FLOOR, None),
                              pen={"color": color, "width": 2}, name=label)
            self._curves.append(curve)
            delay = self.delays[label]
            if delay is not None:
                line = marker_line(item, color, f"{label}: {delay}", position=0.45 - 0.07 * k)
                line.setValue(delay)
                self._curves.append(line)
            text = (tr("{n} steps").format(n=delay) if delay is not None
                    else tr("never (within {n})").format(n=len(r.curve) - 1))
            last = f"{100 * r.curve[-1]:.3g} %" if np.isfinite(r.curve[-1]) else "–"
            for col, value in enumerate((label, text, last)):
                self.table.setItem(k, col, QTableWidgetItem(value))
        self.status.setText(tr("Pulse at step {step}, {n} delays; the state is [h; c] for the LSTM, "
                               "h otherwise.").format(step=self.pulse_at.value(), n=self.length.value()))
        item.enableAutoRange()

    def columns(self) -> dict[str, np.ndarray]:
        """The curves as table columns (``<label>/curve``, ``/curve_h``, ``/norm``), for export."""
        out = {}
        for label, r in self.results.items():
            out.update({f"{label}/curve": r.curve, f"{label}/curve_h": r.curve_h, f"{label}/norm": r.norms})
        return out
