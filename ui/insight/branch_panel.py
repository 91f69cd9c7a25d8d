"""Branch (what if): run the cell again from a step with a gate forced, an input or a weight changed.

The panel holds the form (:mod:`ui.insight.branch_form`), the kept branches
(:mod:`ui.insight.branch_store`, saved in the session, undoable) and two plots for the
branch shown: the selected unit's h in the original run and in the branch, overlaid, and
the difference heatmap ``|Δh|`` (units × steps); a dashed line and a label mark the step
from which they diverge (:func:`simulator.insight.divergence`). Runs go to a worker
thread and are redone when the trace or the weights change, never per step.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simulator import run
from simulator.core.errors import InputError
from simulator.insight import Branch, divergence, run_branch
from ui.background.worker import BackgroundWorker
from ui.i18n import tr
from ui.insight.branch_form import BranchForm
from ui.insight.branch_store import BranchStore
from ui.insight.plots import cursor_line, heatmap, make_plot, marker_line, set_heatmap
from ui.widgets.common import colormaps as cm

__all__ = ["BRANCH_COLOR", "BranchPanel", "compute_branch"]

BRANCH_COLOR = "#ff7f0e"


def compute_branch(cell, inputs: np.ndarray, state: dict, branch: Branch) -> dict[str, object]:
    """The original run, the branched run, where they diverge and ``|Δh|`` (for the worker thread).

    Returns
    -------
    dict
        ``original`` and ``branched`` (Trace), ``first`` (int or None), ``per_step`` (T,),
        ``diff`` (T, H) float64 ``|h_branch − h|``.
    """
    original = run(cell, inputs, state)
    branched = run_branch(cell, inputs, state, branch, original=original)
    first, per_step = divergence(original, branched)
    diff = np.abs(branched.h.astype(np.float64) - original.h.astype(np.float64))
    return {"branch": branch, "original": original, "branched": branched, "first": first,
            "per_step": per_step, "diff": diff}


class BranchPanel(QWidget):
    """The what-if panel (the content of the ``dock_branch`` dock).

    Attributes
    ----------
    store : BranchStore
    form : BranchForm
    result : dict or None
        The last :func:`compute_branch` result shown.
    original_curve, branch_curve : pyqtgraph.PlotDataItem
        The selected unit's h: original and branched.
    diff_image : pyqtgraph.ImageItem
        ``|Δh|``, (T, H).
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branch_panel")
        self.controller = controller
        self.result: dict[str, object] | None = None
        self.store = BranchStore(controller, self)
        self.form = BranchForm(controller, self)
        self.worker = BackgroundWorker(self, "branch")
        self.worker.finished.connect(self._show)
        self.name = QLineEdit(objectName="branch_name", placeholderText=tr("name (optional)"))
        self.name.setToolTip(tr("A name for the branch (a description is used when empty)"))
        self.name.setAccessibleName(tr("Branch name"))
        create = QPushButton(tr("Run and keep branch"), objectName="branch_create")
        create.setToolTip(tr("Run the branch from the chosen step and keep it in the list (undoable)"))
        self.list = QListWidget(self, objectName="branch_list")
        self.list.setToolTip(tr("Kept branches: select one to show it beside the original; "
                                "double-click to rename. They are saved with the session."))
        self.list.setAccessibleName(tr("Kept branches"))
        discard = QPushButton(tr("Discard"), objectName="branch_discard")
        discard.setToolTip(tr("Remove the selected branch (Ctrl+Z brings it back)"))
        self.status = QLabel(objectName="branch_status", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addWidget(self.name)
        left.addWidget(create)
        left.addWidget(self.list, 1)
        left.addWidget(discard, 0, Qt.AlignmentFlag.AlignRight)
        holder = QWidget(self)
        holder.setLayout(left)
        holder.setFixedWidth(300)
        self._build_plots()
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(self.lines, 1)
        right.addWidget(self.diff_plot, 1)
        box = QHBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(holder)
        box.addLayout(right, 1)
        create.clicked.connect(self.create_from_form)
        discard.clicked.connect(self.discard_selected)
        self.list.currentRowChanged.connect(lambda _row: self.recompute())
        self.list.itemChanged.connect(self._renamed)
        self.store.changed.connect(self.refresh_list)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.recompute)
        controller.trace_changed.connect(lambda _first: self._timer.start())
        controller.weights_changed.connect(self._timer.start)
        controller.step_changed.connect(self._move)
        controller.unit_changed.connect(self._show_unit)
        self._pending_add: Branch | None = None
        self.refresh_list()

    def _build_plots(self) -> None:
        palette = self.palette()
        self.lines = make_plot(self, "branch_lines", tr("The selected unit's hidden state: the original run "
                               "and the branch (dashed orange)"), title=tr("h of the selected unit"),
                               legend=True)
        item = self.lines.getPlotItem()
        self.original_curve = item.plot(pen={"color": cm.foreground(palette), "width": 1.5},
                                        name=tr("original"))
        self.branch_curve = item.plot(pen={"color": BRANCH_COLOR, "width": 2, "style": Qt.PenStyle.DashLine},
                                      name=tr("branch"))
        self.diff_plot = make_plot(self, "branch_diff", tr("|Δh| = |h_branch − h_original| for each unit "
                                   "(rows) and step (columns): where and how much the branch differs"),
                                   title=tr("|Δh|, units × steps"), bottom=tr("step"))
        ditem = self.diff_plot.getPlotItem()
        self.diff_image = heatmap(ditem, cm.sigmoid_map(palette), (0.0, 1.0))
        ditem.setXLink(item)
        self.cursors = [cursor_line(p, palette) for p in (item, ditem)]
        self.markers = [marker_line(p, BRANCH_COLOR, label)
                        for p, label in ((item, tr("diverges")), (ditem, ""))]
        for m in self.markers:
            m.setVisible(False)

    # -- the list ------------------------------------------------------------------------------------
    def refresh_list(self) -> None:
        """Show the stored branches (keeping the selection where possible)."""
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for name in self.store.names():
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        count = self.list.count()
        self.list.setCurrentRow(min(row, count - 1) if row >= 0 else count - 1)
        if count == 0:
            self._clear(tr("No branch yet: choose a change on the left and press “Run and keep branch”."))

    def create_from_form(self) -> None:
        """Run the branch the form describes; kept (and shown) once it runs without error."""
        try:
            branch = self.form.branch(self.name.text())
        except InputError as err:
            self.status.setText(tr("Cannot branch: {error}").format(error=err))
            return
        self._pending_add = branch
        self._submit(branch)

    def discard_selected(self) -> None:
        """Discard the selected branch (undoable)."""
        row = self.list.currentRow()
        if row >= 0:
            self.store.remove(row)

    def _renamed(self, item: QListWidgetItem) -> None:
        row, text = self.list.row(item), item.text()
        # the rename rebuilds the list: not from inside the list's own signal
        QTimer.singleShot(0, lambda: self.store.rename(row, text))

    # -- computing and showing -----------------------------------------------------------------------------
    def recompute(self) -> None:
        """Run the selected branch again on the current cell and inputs (on the worker thread)."""
        row = self.list.currentRow()
        if row < 0:
            return
        try:
            branch = self.store.branch(row)
        except InputError as err:
            self._clear(tr("Branch “{name}” cannot be read: {error}").format(name=self.store.names()[row],
                                                                             error=err))
            return
        self._pending_add = None
        self._submit(branch)

    def _submit(self, branch: Branch) -> None:
        c = self.controller
        cell, x, state = c.cell.copy(), c.trace.x.copy(), {k: v.copy() for k, v in c.session.state().items()}
        self.status.setText(tr("Running “{name}”…").format(name=branch.name))
        self.worker.submit(lambda: compute_branch(cell, x, state, branch))

    def _show(self, result: object) -> None:
        if isinstance(result, Exception):
            self._pending_add = None
            self._clear(tr("Cannot run the branch: {error}").format(error=result))
            return
        if self._pending_add is not None and result["branch"] is self._pending_add:
            self._pending_add = None
            self.name.clear()
            index = self.store.add(result["branch"])
            self.list.blockSignals(True)  # this result is the new branch's: no second run
            self.list.setCurrentRow(index)
            self.list.blockSignals(False)
        self.result = result
        diff = result["diff"]
        top = float(np.nanmax(diff)) if diff.size and np.isfinite(diff).any() else 0.0
        levels = (0.0, top if top > 0 else 1.0)
        set_heatmap(self.diff_image, diff, levels)
        T, H = diff.shape
        self.diff_image.setRect(QRectF(-0.5, -0.5, max(T, 1), H))
        self.diff_plot.getPlotItem().getAxis("left").setTickSpacing(max(1, int(np.ceil(H / 6))), 1)
        first, name = result["first"], result["branch"].name
        for m in self.markers:
            m.setVisible(first is not None)
            if first is not None:
                m.setValue(first)
        if first is None:
            text = tr("“{name}” never diverges from the original run (|Δh| = 0 at every step).").format(
                name=name)
        else:
            worst = int(np.nanargmax(result["per_step"]))
            text = tr("“{name}” diverges from step <b>{first}</b>; the largest difference is "
                      "|Δh| = {top} at step {worst}.").format(name=name, first=first, top=f"{top:.3g}",
                                                              worst=worst)
        self.status.setText(text)
        self._show_unit(self.controller.selected_unit)
        self._move(self.controller.step)
        for plot in (self.lines, self.diff_plot):
            plot.getPlotItem().enableAutoRange()

    def _show_unit(self, unit: int) -> None:
        if self.result is None:
            return
        h, hb = self.result["original"].h, self.result["branched"].h
        unit = min(unit, h.shape[1] - 1)
        steps = np.arange(len(h))
        self.original_curve.setData(steps, h[:, unit])
        self.branch_curve.setData(steps, hb[:, unit])
        self.lines.getPlotItem().setTitle(tr("h of unit {unit}: original and branch").format(unit=unit),
                                          size="9pt",
                                          color=cm.foreground(self.palette()).name())

    def _move(self, step: int) -> None:
        for cursor in self.cursors:
            cursor.setValue(step)

    def _clear(self, message: str) -> None:
        self.result = None
        self.original_curve.setData([], [])
        self.branch_curve.setData([], [])
        self.diff_image.clear()
        for m in self.markers:
            m.setVisible(False)
        self.status.setText(message)
