"""The table model over ``controller.trace.x``, number validation, and swapping in new inputs.

The model reads the numpy array directly (no item per cell), so 10,000+ steps
scroll and refresh instantly; edits go back through ``controller.set_inputs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from simulator import make_cell
from simulator.core.errors import InputError
from simulator.document.session import Session
from ui.i18n import tr
from ui.widgets.common.number_edit import parse_finite
from ui.widgets.common.numbers import full_text, number_text

if TYPE_CHECKING:
    from ui.document.controller import Controller

__all__ = ["InputsModel", "apply_inputs", "display_label", "palette_colors", "session_with_inputs"]

_SPECIAL = {" ": "␣", "\n": "⏎", "\t": "⇥"}
_R = Qt.ItemDataRole
_DISPLAY, _EDIT, _BACKGROUND, _FOREGROUND, _FONT, _ALIGN, _TOOLTIP = (int(r) for r in (
    _R.DisplayRole, _R.EditRole, _R.BackgroundRole, _R.ForegroundRole, _R.FontRole, _R.TextAlignmentRole,
    _R.ToolTipRole))
_UNUSED = frozenset(int(r) for r in (_R.DecorationRole, _R.CheckStateRole, _R.SizeHintRole,
                                     _R.StatusTipRole, _R.WhatsThisRole, _R.AccessibleDescriptionRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_Index = QModelIndex | QPersistentModelIndex


def display_label(label: str) -> str:
    """An input label for a header: visible stand-ins for space, newline and tab."""
    return _SPECIAL.get(label, label)


class InputsModel(QAbstractTableModel):
    """Rows are steps, columns input dimensions; ``data`` reads ``controller.trace.x``.

    Parameters
    ----------
    controller : Controller
    parent : QObject, optional
    """

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.highlight = QColor(48, 140, 198, 70)  # the editor sets it from its palette
        self.dim = QColor(128, 128, 128)
        self._bold = QFont()
        self._bold.setBold(True)
        self._rows, self._cols = controller.length, controller.cell.input_size
        self._step = controller.step
        controller.cell_changed.connect(self.reset)
        controller.trace_changed.connect(self.on_trace_changed)
        controller.step_changed.connect(self.on_step_changed)

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._cols

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every visible cell and role on each repaint: plain-int roles, no enum compares
        if role in _UNUSED or not index.isValid():
            return None
        t, d = index.row(), index.column()
        if role == _DISPLAY:
            return number_text(self.controller.trace.x[t, d])
        if role == _EDIT:
            return full_text(self.controller.trace.x[t, d])
        if role == _BACKGROUND:
            return self.highlight if t == self._step else None
        if role == _FOREGROUND:
            return self.dim if self.controller.trace.x[t, d] == 0 else None  # zeros recede: one-hot reads
        if role == _FONT:
            return self._bold if t == self._step else None
        if role == _ALIGN:
            return _RIGHT
        if role == _TOOLTIP:
            return f"x[{t}, {d}] = {full_text(self.controller.trace.x[t, d])}\n{self._column_name(d)}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                labels = self.labels()
                return display_label(labels[section]) if labels else f"x{section}"
            return self._row_header(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._column_name(section)
            return tr("Step {step}: click to go there").format(step=section)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Set one input through the controller (one undo step); refuses non-numbers and NaN/inf."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        number = parse_finite(value)
        if number is None:
            return False
        t, d = index.row(), index.column()
        old = float(self.controller.trace.x[t, d])
        if number == old:
            return True  # nothing to do, and no empty undo step
        text = tr("Edit {what}").format(what=f"x[{t}, {d}] = {number:.6g}")
        self.controller.set_inputs(t, [[number]], text, cols=slice(d, d + 1))
        return True

    # -- helpers -----------------------------------------------------------------------
    def labels(self) -> list[str]:
        """The session's input labels if there is one per column, else an empty list."""
        labels = list(self.controller.session.input_labels)
        return labels if len(labels) == self._cols else []

    def _column_name(self, d: int) -> str:
        labels = self.labels()
        return tr("input {d}").format(d=d) + (f": {labels[d]!r}" if labels else "")

    def _row_header(self, t: int) -> str:
        labels = self.labels()
        if labels and t < self._rows and self._cols > 1:  # one input holding 1.0 is a value, not a token
            row = self.controller.trace.x[t]
            k = int(np.argmax(row))
            if row[k] == 1 and np.count_nonzero(row) == 1:  # a one-hot row: show its character
                return f"{t}  {display_label(labels[k])}"
        return str(t)

    # -- controller signals --------------------------------------------------------------
    def reset(self) -> None:
        """Re-read sizes (cell or document changed)."""
        self.beginResetModel()
        self._rows, self._cols = self.controller.length, self.controller.cell.input_size
        self._step = self.controller.step
        self.endResetModel()

    def on_trace_changed(self, start: int) -> None:
        """Rows from ``start`` changed; rows were inserted or removed there if T changed."""
        rows, cols = self.controller.length, self.controller.cell.input_size
        if cols != self._cols:
            self.reset()
            return
        start = max(0, min(start, self._rows))
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), start, start + rows - self._rows - 1)
            self._rows = rows
            self.endInsertRows()
        elif rows < self._rows:
            self.beginRemoveRows(QModelIndex(), start, start + self._rows - rows - 1)
            self._rows = rows
            self.endRemoveRows()
        if start < rows:
            self.dataChanged.emit(self.index(start, 0), self.index(rows - 1, cols - 1))
            if self.labels():  # row headers show the one-hot character
                self.headerDataChanged.emit(Qt.Orientation.Vertical, start, rows - 1)

    def on_step_changed(self, step: int) -> None:
        """Move the highlighted row (cells only: a header change re-measures the whole header)."""
        old, self._step = self._step, step
        for t in {old, step}:
            if 0 <= t < self._rows:
                self.dataChanged.emit(self.index(t, 0), self.index(t, self._cols - 1))


def session_with_inputs(controller: Controller, inputs: np.ndarray,
                        labels: list[str] | None = None) -> tuple[Session, bool]:
    """The current document with ``inputs`` (T, D) in place of its sequence.

    When D differs from the cell's input size, the input weights ``weight_ih`` are
    re-initialised for the new D (same kind, initialiser and seed, via ``make_cell``);
    the recurrent weights, biases and initial state are kept.

    Returns
    -------
    session : Session
    reinitialised : bool
        True when the cell's input size changed.
    """
    snap = controller.snapshot()
    cell = snap.cell
    D = int(np.shape(inputs)[1])
    reinit = cell.input_size != D
    if reinit:
        settings = snap.settings
        try:
            fresh = make_cell(cell.kind, D, cell.hidden_size, seed=int(settings.get("seed", 0)),
                              init=str(settings.get("init", "pytorch")), dtype=cell.dtype, **cell.options())
        except (InputError, TypeError, ValueError):
            fresh = make_cell(cell.kind, D, cell.hidden_size, seed=0, dtype=cell.dtype, **cell.options())
        params = {**cell.parameters(), "weight_ih": fresh.weight_ih}
        cell = type(cell)(**params, dtype=cell.dtype, **cell.options())
    session = Session(cell=cell, inputs=inputs, h0=snap.h0, c0=snap.c0, step=0, title=snap.title,
                      description=snap.description, input_labels=list(labels or []), settings=snap.settings)
    return session, reinit


def apply_inputs(controller: Controller, inputs: np.ndarray, labels: list[str] | None, text: str,
                 parent: QWidget | None = None) -> bool:
    """Replace the document's inputs as one undo step, asking first if the cell must change.

    Returns False when the user declined (nothing changed).
    """
    session, reinit = session_with_inputs(controller, inputs, labels)
    if reinit:
        old = controller.cell
        answer = QMessageBox.question(
            parent, tr("Change the input size?"),
            tr("The new sequence has {new} value(s) per step, but the {kind} takes {old}.\n\nGateScope will "
               "re-initialise the input weights W_ih for {new} inputs (same kind, {units} units, same "
               "seed); the recurrent weights and biases are kept.\n\nEdit ▸ Undo restores the current "
               "cell.").format(new=session.cell.input_size, kind=old.kind.upper(), old=old.input_size,
                               units=old.hidden_size),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Ok)
        if answer != QMessageBox.StandardButton.Ok:
            return False
    controller.replace_session(session, text)
    return True


def palette_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """The current-row highlight and the dimmed-zero text colour for ``palette``."""
    highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
    highlight.setAlpha(70)
    dim = palette.color(QPalette.ColorRole.PlaceholderText)
    return highlight, dim if dim.isValid() else QApplication.palette().color(QPalette.ColorRole.Mid)
