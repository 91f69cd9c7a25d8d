"""The compare window: two to four cells side by side on the same inputs, with one shared transport.

Design: each compared cell has its own :class:`~ui.document.controller.Controller` (so the standard
views, the diagram and the gradient plot, work on it unchanged), all on the same input
sequence. A *clock*, one more Controller on those inputs with a one-unit RNN that is
never shown, owns the step, the play timer and the speed; the standard
:class:`~ui.widgets.common.transport.TransportBar` drives it and every cell follows its
``step_changed``. When the main window's inputs change, every cell is re-run on them.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from simulator import Cell, make_cell
from simulator.core.errors import InputError
from simulator.document.session import Session
from simulator.insight import aligned_arrays, default_trio
from simulator.insight.tables import write_table
from ui.document.controller import Controller
from ui.i18n import tr
from ui.insight.compare_rows import CellRow
from ui.insight.memory_tab import MemoryTab
from ui.insight.plots import export_plot_png
from ui.widgets.common.transport import TransportBar

__all__ = ["MAX_CELLS", "CompareWindow"]

MAX_CELLS = 4
_TRANSPORT = (("action_reset", "Reset to step 0", "SP_MediaSkipBackward", "Home", "go_to_start"),
              ("action_step_back", "Step back", "SP_MediaSeekBackward", "Left", "step_back"),
              ("action_play", "Play or pause", "SP_MediaPlay", "Space", "toggle_play"),
              ("action_step_forward", "Step forward", "SP_MediaSeekForward", "Right", "step_forward"),
              ("action_go_to_end", "Go to the last step", "SP_MediaSkipForward", "End", "go_to_end"))


def starting_entries(main: Controller) -> list[tuple[str, Cell, dict | None]]:
    """The cell being studied (its weights and initial state) first, then the other kinds of its sizes.

    A fresh random cell of the same kind would contradict the preset on screen, so it is not added.
    """
    cell = main.cell
    this = (tr("{kind} (this session)").format(kind=cell.kind), cell, main.session.state())
    return [this, *((c.kind, c, None) for c in default_trio(cell.input_size, cell.hidden_size)
                    if c.kind != cell.kind)]


class CompareWindow(QMainWindow):
    """Cells compared step by step, and their memory test.

    Parameters
    ----------
    main : Controller
        The main window's controller: its inputs are the shared inputs.
    parent : QWidget, optional
    entries : list of (str, Cell, dict or None), optional
        ``(label, cell, initial state)``; by default the main cell itself, then the other two
        kinds of its sizes (:func:`starting_entries`).

    Attributes
    ----------
    clock : Controller
        The shared transport's controller.
    controllers : list of Controller
        One per compared cell, in row order.
    labels : list of str
    rows : list of CellRow
    memory : MemoryTab
    """

    def __init__(self, main: Controller, parent: QWidget | None = None,
                 entries: list[tuple[str, Cell, dict | None]] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compare_window")
        self.setWindowTitle(tr("Compare cells — GateScope"))
        self.resize(1280, 780)
        self.main = main
        self.inputs = np.array(main.simulation.inputs, dtype=np.float64)  # caller's order
        self.clock = Controller(self._clock_session(self.inputs, main.step), parent=self)
        self.controllers: list[Controller] = []
        self.labels: list[str] = []
        self.rows: list[CellRow] = []
        self._build()
        self.clock.step_changed.connect(self._follow)
        self._sync_timer = QTimer(self, singleShot=True, interval=250)
        self._sync_timer.timeout.connect(self.sync_inputs)
        main.trace_changed.connect(lambda _first: self._sync_timer.start())
        if entries is None:
            entries = starting_entries(main)
        for label, cell, state in entries:
            self.add_cell(label, cell, state, refresh=False)
        self._relabel()

    # -- building ------------------------------------------------------------------------------
    @staticmethod
    def _clock_session(inputs: np.ndarray, step: int) -> Session:
        return Session(cell=make_cell("rnn", inputs.shape[1], 1, seed=0), inputs=inputs, step=step)

    def _build(self) -> None:
        actions = {}
        tips = {"action_reset": tr("Reset to step 0"), "action_step_back": tr("Step back"),
                "action_play": tr("Play or pause"), "action_step_forward": tr("Step forward"),
                "action_go_to_end": tr("Go to the last step")}
        for name, _tip, icon, key, method in _TRANSPORT:
            tip = tips[name]
            action = QAction(tip, self, objectName=f"compare_{name}", toolTip=f"{tip} ({key})")
            action.setIcon(self.style().standardIcon(getattr(QStyle.StandardPixmap, icon)))
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(getattr(self.clock, method))
            self.addAction(action)
            actions[name] = action
        sp = QStyle.StandardPixmap
        self.clock.playing_changed.connect(lambda on: actions["action_play"].setIcon(
            self.style().standardIcon(sp.SP_MediaPause if on else sp.SP_MediaPlay)))
        self.transport = TransportBar(self.clock, self, actions)
        self.transport.setObjectName("compare_transport")
        self.transport.step_spin.setObjectName("compare_step_spin")
        self.transport.speed_slider.setObjectName("compare_speed_slider")
        tools = QToolBar(tr("Compare"), self, objectName="compare_toolbar", movable=False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name, text, tip, slot in (
                ("compare_add_current", tr("Add current cell"), tr("Add the main window's cell to the "
                 "comparison"), self.add_current),
                ("compare_open", tr("Open…"), tr("Add the cell of a saved session (.json) to the comparison"),
                 self.open_session),
                ("compare_trio", "RNN, LSTM, GRU", tr("A fresh RNN, LSTM and GRU of the main cell's sizes"),
                 self.reset_trio),
                ("compare_export_table", tr("Export table…"), tr("Save every run aligned by step (CSV, "
                 "JSON, NPZ)"), self.ask_export_table),
                ("compare_export_memory", tr("Export memory plot…"), tr("Save the memory test's plot as PNG"),
                 self.ask_export_memory)):
            action = tools.addAction(text)
            action.setObjectName(name)
            action.setToolTip(tip)
            action.triggered.connect(lambda _=False, s=slot: s())
        self.view_combo = QComboBox(self, objectName="compare_view_combo")
        self.view_combo.addItems([tr("Gates and states"), tr("Cell diagram")])
        self.view_combo.setToolTip(tr("What each row shows beside its heatmap: every unit's gates and "
                                      "states at the current step, or the cell diagram (taller rows)"))
        self.view_combo.setAccessibleName(tr("Row view"))
        self.view_combo.currentIndexChanged.connect(self._set_row_view)
        tools.addWidget(self.view_combo)
        self.addToolBar(tools)
        self.addToolBarBreak()
        transport = QToolBar(tr("Shared transport"), self, objectName="compare_transport_bar", movable=False)
        transport.addWidget(self.transport)
        self.addToolBar(transport)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(4, 4, 4, 4)
        holder = QWidget(self)
        holder.setLayout(self.rows_box)
        scroll = QScrollArea(self, objectName="compare_rows", widgetResizable=True)
        scroll.setWidget(holder)
        self.memory = MemoryTab(self)
        self.tabs = QTabWidget(self, objectName="compare_tabs")
        self.tabs.addTab(scroll, tr("Runs, aligned by step"))
        self.tabs.addTab(self.memory, tr("Memory test"))
        self.setCentralWidget(self.tabs)

    # -- cells -----------------------------------------------------------------------------------
    def add_cell(self, label: str, cell: Cell, state: dict | None = None, refresh: bool = True) -> bool:
        """Add a cell run on the shared inputs; False (with a message) if it does not fit."""
        if len(self.controllers) >= MAX_CELLS:
            self._error(tr("Cannot add the cell"),
                        tr("At most {n} cells can be compared at once.").format(n=MAX_CELLS))
            return False
        if cell.input_size != self.inputs.shape[1]:
            self._error(tr("Cannot add the cell"), tr("{label} takes {n} inputs per step, the shared "
                        "inputs have {shared}.").format(label=label, n=cell.input_size,
                                                         shared=self.inputs.shape[1]))
            return False
        state = state or {}
        base, k = label.replace("/", "-") or "cell", 1
        while label in self.labels or not label:
            k += 1
            label = f"{base}-{k}"
        session = Session(cell=cell.copy(), inputs=self.inputs, h0=state.get("h"), c0=state.get("c"),
                          step=self.clock.step)
        controller = Controller(session, parent=self)
        row = CellRow(controller, label, len(self.rows), self)
        row.remove_requested.connect(lambda r=row: self.remove_cell(self.rows.index(r)))
        row.seek_requested.connect(self.clock.seek)
        if self.rows:
            row.link_steps(self.rows[0])
        self.controllers.append(controller)
        self.labels.append(label)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        self._set_row_view()
        self._relabel() if refresh else None
        return True

    def remove_cell(self, index: int) -> None:
        """Take the cell in row ``index`` out."""
        row, controller = self.rows.pop(index), self.controllers.pop(index)
        self.labels.pop(index)
        row.dispose()
        row.setParent(None)
        row.deleteLater()
        controller.pause()
        controller.deleteLater()
        for other in self.rows[1:] if index == 0 else ():
            other.link_steps(self.rows[0])
        self._relabel()

    def add_current(self) -> None:
        """Add the main window's cell (with its initial state)."""
        title = self.main.session.title or self.main.cell.kind
        self.add_cell(title, self.main.cell, self.main.session.state())

    def open_session(self, path: str | None = None) -> bool:
        """Add a saved session's cell (asks for the file when ``path`` is None)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Add a session to the comparison"), "",
                                                  tr("GateScope sessions") + " (*.json)")
            if not path:
                return False
        try:
            session = Session.load(path)
        except InputError as err:
            self._error(tr("Cannot open the session"), str(err))
            return False
        label = session.title or os.path.splitext(os.path.basename(path))[0]
        return self.add_cell(label, session.cell, session.state())

    def reset_trio(self) -> None:
        """Replace every cell by a fresh RNN, LSTM and GRU of the main cell's sizes."""
        while self.rows:
            self.remove_cell(len(self.rows) - 1)
        for cell in default_trio(self.inputs.shape[1], self.main.cell.hidden_size):
            self.add_cell(cell.kind, cell, refresh=False)
        self._relabel()

    def _relabel(self) -> None:
        self.memory.set_cells([(label, c.cell, c.session.state())
                               for label, c in zip(self.labels, self.controllers, strict=True)])
        self.statusBar().showMessage(tr("{cells} cells on the same {steps} steps of {inputs} inputs").format(
            cells=len(self.rows), steps=len(self.inputs), inputs=self.inputs.shape[1]))

    def _set_row_view(self, *_args: object) -> None:
        diagram = self.view_combo.currentIndex() == 1
        for row in self.rows:
            row.show_diagram(diagram)
            row.setMinimumHeight(330 if diagram else 200)

    # -- shared step and inputs ----------------------------------------------------------------------
    def _follow(self, step: int) -> None:
        for controller in self.controllers:
            controller.seek(step)

    def sync_inputs(self) -> None:
        """Re-run every cell on the main window's inputs, if they changed (and still fit)."""
        x = np.asarray(self.main.simulation.inputs, dtype=np.float64)
        if x.shape == self.inputs.shape and np.array_equal(x, self.inputs):
            return
        if x.shape[1] != self.inputs.shape[1]:
            self.statusBar().showMessage(tr("The main window's cell takes a different number of inputs: "
                                            "the comparison keeps the old inputs."), 8000)
            return
        self.inputs = x.copy()
        step = min(self.clock.step, len(x) - 1)
        self.clock.load_session(self._clock_session(x, step))
        for controller in self.controllers:
            old = controller.session
            controller.load_session(Session(cell=controller.cell.copy(), inputs=x, h0=old.h0, c0=old.c0,
                                            step=step))
        self._relabel()

    # -- export ------------------------------------------------------------------------------------------
    def export_table(self, path: str) -> None:
        """Write every run aligned by step (:func:`~simulator.insight.aligned_arrays`) to ``path``."""
        columns = aligned_arrays(self.labels, [c.trace for c in self.controllers])
        meta = {"format": "gatescope-compare", "cells": {label: c.cell.describe() for label, c
                                                         in zip(self.labels, self.controllers, strict=True)}}
        write_table(path, columns, meta)

    def ask_export_table(self) -> None:
        """Ask for a file name and export the aligned table."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the aligned runs"), "compare.csv",
                                              "CSV (*.csv);;JSON (*.json);;NumPy (*.npz)")
        if path:
            self._try(lambda: self.export_table(path), tr("Cannot export the table"))

    def ask_export_memory(self) -> None:
        """Ask for a file name and save the memory plot as PNG."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the memory plot"), "memory.png", "PNG (*.png)")
        if path:
            self._try(lambda: export_plot_png(self.memory.plot, path), tr("Cannot export the plot"))

    def _try(self, fn, title: str) -> None:
        try:
            fn()
        except (InputError, OSError) as err:
            self._error(title, str(err))

    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.clock.pause()  # the cells follow the clock: all stop
        super().closeEvent(event)
