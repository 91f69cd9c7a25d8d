"""The inputs editor: the sequence as an editable table, with insert, delete, paste, text, generate, load."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simulator.core.errors import InputError
from ui.i18n import tr
from ui.widgets.common.number_edit import NumberDelegate, parse_block
from ui.widgets.inputs import inputs_tools
from ui.widgets.inputs.inputs_model import InputsModel, palette_colors

if TYPE_CHECKING:
    from ui.document.controller import Controller

__all__ = ["InputsEditor"]


class _Table(QTableView):
    """A table view that keeps Ctrl+C / Ctrl+V for itself (the window may bind them too)."""

    copy_requested = Signal()
    paste_requested = Signal()

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ShortcutOverride and isinstance(ev, QKeyEvent) and (
                ev.matches(QKeySequence.StandardKey.Copy) or ev.matches(QKeySequence.StandardKey.Paste)):
            ev.accept()
            return True
        return super().event(ev)

    def keyPressEvent(self, ev: QKeyEvent) -> None:  # noqa: N802
        if ev.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
        elif ev.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
        else:
            super().keyPressEvent(ev)


class InputsEditor(QWidget):
    """The input sequence as a table (steps × input dimensions) with editing tools.

    Signals
    -------
    message(str)
        A hint or result for the status bar ("'abc' is not a number" …).
    generator_requested()
        Generate… was clicked: the shell opens the signal generator for the document.
    """

    message = Signal(str)
    generator_requested = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("inputs_editor")
        self.model = InputsModel(controller, self)
        self.table = _Table(self)
        self.table.setObjectName("inputs_table")
        self.table.setAccessibleName(tr("Input sequence"))
        self.table.setToolTip(tr("The input sequence: one row per step. Double-click or type to edit a "
                                 "value;\nclick a row to go to that step; Ctrl+C / Ctrl+V copy and paste."))
        self.table.setModel(self.model)
        self.table.setItemDelegate(NumberDelegate(self.message, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vh.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        vh.sectionClicked.connect(self.controller.seek)
        hh = self.table.horizontalHeader()
        hh.setDefaultSectionSize(self.fontMetrics().horizontalAdvance("−0.000000") + 16)
        # never narrower than a 4-digit number: a narrow dock scrolls instead of showing "0" for 0.15
        hh.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("-0.0001234") + 12)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "1.2…e-05" keeps the exponent
        hh.setStretchLastSection(True)
        self.table.copy_requested.connect(self.copy_selection)
        self.table.paste_requested.connect(self.paste_clipboard)
        self.table.clicked.connect(lambda index: self.controller.seek(index.row()))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.hint = QLabel(self)
        self.hint.setObjectName("inputs_hint")
        self.hint.setWordWrap(True)
        self.size_label = QLabel(self)
        self.size_label.setObjectName("inputs_size_label")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(inputs_tools.build_tool_row(self))
        layout.addWidget(self.table, 1)
        status = QHBoxLayout()  # the size below the table: the tool row stays narrow
        status.setContentsMargins(0, 0, 0, 0)
        status.addWidget(self.size_label, 0, Qt.AlignmentFlag.AlignTop)
        status.addWidget(self.hint, 1)
        layout.addLayout(status)
        self.message.connect(self.hint.setText)

        controller.step_changed.connect(self._follow)
        controller.cell_changed.connect(self._update_size)
        controller.trace_changed.connect(self._update_size)
        self._apply_palette()
        self._update_size()
        self._follow(controller.step)

    # -- cursor ----------------------------------------------------------------------------
    def _follow(self, step: int) -> None:
        """Keep the current step's row in view (and the view's current row with it)."""
        if not 0 <= step < self.model.rowCount():
            return
        current = self.table.currentIndex()
        index = self.model.index(step, max(current.column(), 0))
        if current.row() != step and self.table.state() != QAbstractItemView.State.EditingState:
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        if self.table.isVisible():  # before the first show the viewport has no size to scroll in
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def showEvent(self, ev: QEvent) -> None:  # noqa: N802
        super().showEvent(ev)
        self._follow(self.controller.step)

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self.controller.step:
            self.controller.seek(current.row())

    def _update_size(self, *_: object) -> None:
        T, D = self.controller.length, self.controller.cell.input_size
        size = tr("{steps} steps × 1 input") if D == 1 else tr("{steps} steps × {inputs} inputs")
        self.size_label.setText(size.format(steps=T, inputs=D))

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802
        if ev.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(ev)

    def _apply_palette(self) -> None:
        self.model.highlight, self.model.dim = palette_colors(self.table.palette())

    # -- selection helpers -------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        """Rows with a selected cell (the current step when nothing is selected), sorted."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedIndexes()})
        return rows or [self.controller.step]

    def _top_left(self) -> tuple[int, int]:
        indexes = self.table.selectionModel().selectedIndexes()
        if indexes:
            return min(i.row() for i in indexes), min(i.column() for i in indexes)
        current = self.table.currentIndex()
        return (current.row(), current.column()) if current.isValid() else (self.controller.step, 0)

    def _say(self, text: str) -> None:
        self.message.emit(text)

    # -- row edits ----------------------------------------------------------------------------
    def insert_steps(self, above: bool = True) -> None:
        """Insert as many zero steps as rows are selected, above the first or below the last."""
        rows = self.selected_rows()
        start = rows[0] if above else rows[-1] + 1
        n = len(rows)
        self.controller.insert_inputs(start, np.zeros((n, self.controller.cell.input_size)),
                                      (tr("Insert 1 step at {start}") if n == 1 else
                                       tr("Insert {n} steps at {start}")).format(n=n, start=start))
        self._say((tr("Inserted 1 step at step {start}.") if n == 1 else
                   tr("Inserted {n} steps at step {start}.")).format(n=n, start=start))

    def delete_selected(self) -> None:
        """Delete the selected steps (one undo step; at least one step always stays)."""
        rows = self.selected_rows()
        if len(rows) >= self.controller.length:
            rows = rows[1:]
            self._say(tr("A sequence keeps at least one step."))
        if not rows:
            return
        runs: list[list[int]] = []  # contiguous runs, deleted from the bottom up
        for r in rows:
            if runs and r == runs[-1][1]:
                runs[-1][1] = r + 1
            else:
                runs.append([r, r + 1])
        stack = self.controller.undo_stack
        n = len(rows)
        stack.beginMacro(tr("Delete 1 step") if n == 1 else tr("Delete {n} steps").format(n=n))
        try:
            for start, stop in reversed(runs):
                self.controller.delete_inputs(start, stop - start)
        finally:
            stack.endMacro()
        self.table.clearSelection()

    # -- clipboard -------------------------------------------------------------------------------
    def copy_selection(self) -> str:
        """Copy the selection's bounding rectangle (or the current row) as TSV; returns the text."""
        indexes = self.table.selectionModel().selectedIndexes()
        x = self.controller.trace.x
        if indexes:
            r0, r1 = min(i.row() for i in indexes), max(i.row() for i in indexes) + 1
            c0, c1 = min(i.column() for i in indexes), max(i.column() for i in indexes) + 1
        else:
            r0, r1, c0, c1 = self.controller.step, self.controller.step + 1, 0, x.shape[1]
        text = "\n".join("\t".join(repr(float(v)) for v in row) for row in x[r0:r1, c0:c1]) + "\n"
        QGuiApplication.clipboard().setText(text)
        self._say(tr("Copied {rows} × {cols} values.").format(rows=r1 - r0, cols=c1 - c0))
        return text

    def paste_clipboard(self) -> bool:
        """Paste the clipboard's text at the selection (see :meth:`paste_text`)."""
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste spreadsheet text at the selection's top-left cell as one undo step.

        A single value fills the whole selection; rows past the end are appended
        (zeros in the other columns). Returns False (nothing changed) on bad text.
        """
        try:
            block = parse_block(text)
        except InputError as err:
            self._say(tr("Cannot paste: {error}.").format(error=err))
            return False
        r0, c0 = self._top_left()
        T, D = self.controller.length, self.controller.cell.input_size
        indexes = self.table.selectionModel().selectedIndexes()
        if block.size == 1 and len(indexes) > 1:
            r1, c1 = max(i.row() for i in indexes) + 1, max(i.column() for i in indexes) + 1
            block = np.full((r1 - r0, c1 - c0), block[0, 0])
        n, m = block.shape
        if c0 + m > D:
            self._say(tr("Cannot paste: {m} columns do not fit from column {c0} (the cell takes {d} inputs).")
                      .format(m=m, c0=c0, d=D))
            return False
        fit = min(n, T - r0)
        stack = self.controller.undo_stack
        stack.beginMacro(tr("Paste {n}×{m} values at step {step}").format(n=n, m=m, step=r0))
        try:
            if fit > 0:
                self.controller.set_inputs(r0, block[:fit], tr("Paste"), cols=slice(c0, c0 + m))
            if n > fit:
                extra = np.zeros((n - fit, D))
                extra[:, c0:c0 + m] = block[fit:]
                self.controller.insert_inputs(T, extra, tr("Paste (append)"))
        finally:
            stack.endMacro()
        said = (tr("Pasted {n} × {m} values at step {step} ({extra} appended).") if n > fit
                else tr("Pasted {n} × {m} values at step {step}."))
        self._say(said.format(n=n, m=m, step=r0, extra=n - fit))
        return True

    # -- whole-sequence tools ------------------------------------------------------------------------
    def ask_text(self) -> None:
        """Ask for text and feed it one character per step."""
        text = inputs_tools.ask_text(self)
        if text is not None:
            self.feed_text(text)

    def feed_text(self, text: str) -> bool:
        """Replace the inputs by ``text`` one-hot encoded (see :func:`~.inputs_tools.feed_text`)."""
        said = inputs_tools.feed_text(self.controller, text, self)
        if said is not None:
            self._say(said)
        return said is not None

    def ask_load(self) -> None:
        """Ask for an input file and load it."""
        path = inputs_tools.ask_load_path(self)
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> bool:
        """Load a (T, D) sequence from ``path``; a bad file shows its message and changes nothing."""
        said = inputs_tools.load_file(self.controller, path, self)
        if said is not None:
            self._say(said)
        return said is not None
