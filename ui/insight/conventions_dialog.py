"""Conventions explorer: the cells a porting mistake would give, and how far each run moves from the original.

Lists :func:`simulator.insight.convention_errors` for the current cell: each variant's
name, what it gets wrong, and its largest |Δh|, with the per-step error on a log axis.
The right convention (``as-imported``) shows exactly 0: the mistake made visible. The
source format comes from ``session.settings["weights_source"]`` when the import recorded
it; otherwise every mistake that applies to the kind is listed (a PyTorch source alone
admits only the identity for an LSTM, which would show nothing).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from simulator.insight import ConventionResult, convention_errors
from ui.background.worker import BackgroundWorker
from ui.i18n import describe_cell, tr
from ui.insight.plots import make_plot, series_color

__all__ = ["FLOOR", "SOURCES", "ConventionsDialog", "format_error"]

FLOOR = 1e-17  # the log axis cannot show 0: exact zeros are drawn here (and listed as 0)
SOURCES = (("torch", "PyTorch"), ("keras", "Keras"), ("onnx", "ONNX"), ("tf1", "TensorFlow 1"),
           (None, "every mistake"))


def format_error(value: float) -> str:
    """``"0 (exact)"`` for 0, else three significant digits (``"inf"`` / ``"nan"`` as such)."""
    return tr("0 (exact)") if value == 0.0 else f"{value:.3g}"


class ConventionsDialog(QDialog):
    """The conventions explorer for the controller's current cell.

    Attributes
    ----------
    results : list of ConventionResult
        From the last run, ``as-imported`` first.
    table : QTableWidget
        Variant, what it gets wrong, max |Δh| (objectName ``conventions_table``).
    curves : list of pyqtgraph.PlotDataItem
        Per-step error of each variant.
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conventions_dialog")
        self.setWindowTitle(tr("Conventions explorer — GateScope"))
        self.resize(1100, 640)
        self.controller = controller
        self.results: list[ConventionResult] = []
        self.curves: list = []
        self.worker = BackgroundWorker(self, "conventions")
        self.worker.finished.connect(self._show)
        self.source = QComboBox(self, objectName="conventions_source")
        for key, text in SOURCES:
            self.source.addItem(text if key else tr("every mistake"), key)
        self.source.setToolTip(tr("Where the weights came from: only the mistakes possible when porting "
                                  "from there are listed"))
        self.source.setAccessibleName(tr("Source format"))
        # the import's source when recorded; else every mistake (from PyTorch only the identity applies)
        keys = [k for k, _ in SOURCES]
        recorded = controller.session.settings.get("weights_source")
        recorded = recorded.get("format") if isinstance(recorded, dict) else recorded  # the import's record
        self.source.setCurrentIndex(keys.index(recorded) if recorded in keys else len(keys) - 1)
        intro = QLabel(tr("Each row runs the cell as a common porting mistake would build it, on the same "
                          "inputs. The right convention matches the original exactly (error 0); the others "
                          "show how far, and from which step, a wrong one drifts."), self, wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("<b>{cell}</b>, weights from").format(cell=describe_cell(controller.cell)),
                             self))
        top.addWidget(self.source)
        top.addStretch(1)
        self.table = QTableWidget(0, 3, self, objectName="conventions_table")
        self.table.setHorizontalHeaderLabels([tr("Convention"), tr("What it gets wrong"), "max |Δh|"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(tr("Select a row to highlight its error curve"))
        self.plot = make_plot(self, "conventions_plot", tr("max over units of |h_variant − h| per step, on "
                              "a log axis (exact zeros drawn at the bottom)"), title=tr("Error per step"),
                              left="max |Δh|", bottom=tr("step"), log_y=True, legend=True)
        self.plot.getPlotItem().legend.anchor((1, 1), (1, 1), offset=(-6, -6))  # the curves rise at the top
        self.status = QLabel(self, objectName="conventions_status", wordWrap=True)
        body = QHBoxLayout()
        body.addWidget(self.table, 5)
        body.addWidget(self.plot, 4)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(intro)
        box.addLayout(body, 1)
        box.addWidget(self.status)
        box.addWidget(buttons)
        self.source.currentIndexChanged.connect(self.recompute)
        self.table.currentCellChanged.connect(lambda row, *_: self._highlight(row))
        controller.trace_changed.connect(self.recompute)
        controller.weights_changed.connect(self.recompute)
        self.recompute()

    def recompute(self, *_args: object) -> None:
        """Run every variant on the current inputs (worker thread)."""
        c = self.controller
        cell, x = c.cell.copy(), c.simulation.inputs.copy()  # the caller's order, as run() takes
        state = {k: v.copy() for k, v in c.session.state().items()}
        source = self.source.currentData()
        self.status.setText(tr("Running the variants…"))
        self.worker.submit(lambda: convention_errors(cell, x, state, source))

    def _show(self, results: object) -> None:
        item = self.plot.getPlotItem()
        for curve in self.curves:
            item.removeItem(curve)
        self.curves.clear()
        item.legend.clear()
        if isinstance(results, Exception):
            self.status.setText(tr("Cannot run the variants: {error}").format(error=results))
            return
        self.results = results
        self.table.setRowCount(len(results))
        for k, r in enumerate(results):
            cells = (r.name, r.description, format_error(r.max_abs_error))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(k, col, cell)
            steps = np.arange(len(r.per_step))
            values = np.clip(np.nan_to_num(r.per_step, nan=1e300, posinf=1e300), FLOOR, 1e300)
            width = 2.5 if k == 0 else 1.5
            self.curves.append(item.plot(steps, values, name=r.name,
                                         pen={"color": series_color(k), "width": width}))
        wrong = [r for r in results[1:] if r.max_abs_error > 0]
        self.status.setText(tr("{n} conventions; the right one (as-imported) is exact, {wrong} of the "
                               "{mistakes} mistakes change the run.").format(
                                   n=len(results), wrong=len(wrong), mistakes=len(results) - 1))
        item.enableAutoRange()

    def _highlight(self, row: int) -> None:
        for k, curve in enumerate(self.curves):
            pen = curve.opts["pen"]
            color = pen.color() if hasattr(pen, "color") else series_color(k)
            color.setAlpha(255 if row in (-1, k) else 60)
            curve.setPen({"color": color, "width": 3 if k == row else 1.5})
