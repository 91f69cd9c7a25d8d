"""Inspector: the numbers of the current step (input, every gate, c and h per unit), copyable.

Two read-only tables on light models: the input ``x_t`` (one row per input dimension,
named by the session's ``input_labels``) and the units (one row per unit, one column per
quantity). Cells show 6 significant digits; the tooltip and every copy carry the full
``repr``. Ctrl+C copies the selection as tab-separated text; *Copy all* copies both
tables with headers. A step only swaps the model's array and repaints the visible cells.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import quantity_label, tr
from ui.widgets.common import colormaps as cm
from ui.widgets.common.numbers import number_text

__all__ = ["Inspector", "ValuesModel"]

_Index = QModelIndex | QPersistentModelIndex
_TINTS = 32
# plain ints: data() runs for every visible cell and role on each step, and enum compares are slow
_DISPLAY, _BACKGROUND = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.BackgroundRole)
_ALIGN, _FONT = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset({_DISPLAY, _BACKGROUND, _ALIGN, _FONT, int(Qt.ItemDataRole.ToolTipRole),
                    int(Qt.ItemDataRole.UserRole)})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Title(QWidget):
    """The step heading, painted by itself: new text repaints it without a relayout of its dock."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""

    def text(self) -> str:
        """The heading shown."""
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel-like)
        if text != self._text:
            self._text = text
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = self.fontMetrics()
        widest = tr("Step {step} of {last}").format(step="000000", last="000000")
        return QSize(metrics.horizontalAdvance(widest) + 8, metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(40, self.fontMetrics().height() + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        text = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()


class ValuesModel(QAbstractTableModel):
    """A read-only (rows, columns) float table with row and column labels.

    ``values`` is replaced wholesale by :meth:`set_values`; :attr:`FULL_ROLE` returns
    the full-precision ``repr`` of a cell.
    """

    FULL_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.values = np.zeros((0, 0))
        self.row_labels: list[str] = []
        self.columns: list[str] = []
        self.column_tips: list[str] = []
        self.tints: list[list[QColor] | None] = []
        self.levels: list[tuple[float, float]] = []
        self.bold_row = -1
        self.corner = ""
        self._cells: list[list[float]] = []
        self._tint_index: list[list[int]] | None = None
        self._bold_font = QFont()
        self._bold_font.setBold(True)

    def reset(self, corner: str, row_labels: list[str], columns: list[str], tips: list[str],
              tints: list[list[QColor] | None]) -> None:
        """New shape and labels (a new cell); ``corner`` names the rows in copied text."""
        self.beginResetModel()
        self.corner = corner
        self.row_labels, self.columns, self.column_tips, self.tints = row_labels, columns, tips, tints
        self.levels = [(0.0, 1.0)] * len(columns)
        self.values = np.full((len(row_labels), len(columns)), np.nan)
        self._cells, self._tint_index = self.values.tolist(), None
        self.endResetModel()

    def set_values(self, values: np.ndarray) -> None:
        """Show ``values`` (rows, columns) and repaint."""
        self.values = values
        self._cells = values.tolist()  # Python floats: data() is called for every visible cell and role
        self._tint_index = None
        if values.size:
            self.dataChanged.emit(self.index(0, 0), self.index(values.shape[0] - 1, values.shape[1] - 1))

    def _tint(self, row: int, col: int) -> QColor | None:
        if self._tint_index is None:  # one vectorised lookup per step, on the first paint
            lo, hi = np.array(self.levels, dtype=np.float64).T.reshape(2, 1, -1)
            with np.errstate(invalid="ignore"):  # inf on both levels' sides: NaN, no tint
                frac = np.clip(cm.level_fraction(self.values, (lo, hi)), -1.0, 2.0)  # ±inf: the ends
            frac = np.nan_to_num(frac, nan=-1.0)
            index = np.clip(np.rint(frac * (_TINTS - 1)), 0, _TINTS - 1).astype(int)
            self._tint_index = np.where(np.isfinite(self.values), index, -1).tolist()
        k = self._tint_index[row][col]
        tints = self.tints[col]
        return None if tints is None or k < 0 else tints[k]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self.row_labels)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == _DISPLAY:
            return number_text(self._cells[row][col], 6)
        if role == _BACKGROUND:
            return self._tint(row, col)
        if role == _ALIGN:
            return _RIGHT
        if role == _FONT:
            return self._bold_font if row == self.bold_row else None
        return repr(self._cells[row][col])  # full precision: FULL_ROLE and the tooltip

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        labels = self.columns if horizontal else self.row_labels
        if role == Qt.ItemDataRole.DisplayRole:
            return labels[section]
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            return self.column_tips[section]
        return None

    def tsv(self, rows: list[int] | None = None, cols: list[int] | None = None, headers: bool = True) -> str:
        """The table (or the given rows and columns) as tab-separated full-precision text."""
        rows = list(range(len(self.row_labels))) if rows is None else rows
        cols = list(range(len(self.columns))) if cols is None else cols
        lines = ["\t".join([self.corner, *(self.columns[c] for c in cols)])] if headers else []
        for r in rows:
            cells = [repr(float(self.values[r, c])) for c in cols]
            lines.append("\t".join([self.row_labels[r], *cells] if headers else cells))
        return "\n".join(lines)


class Inspector(QWidget):
    """The current step's input, gates and states as two copyable tables.

    Parameters
    ----------
    controller : ui.document.controller.Controller
    parent : QWidget, optional
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName(tr("Inspector"))
        self.controller = controller
        self.title = _Title()
        self.title.setObjectName("inspector_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        copy_all = QPushButton(tr("Copy all"))
        copy_all.setObjectName("inspector_copy_all")
        copy_all.setToolTip(tr("Copy the input and every gate and state of this step as tab-separated text"))
        copy_all.setAccessibleName(tr("Copy all values of this step"))
        copy_all.clicked.connect(self.copy_all)
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        top.addWidget(self.title, 1)
        top.addWidget(copy_all)
        self.input_model, self.state_model = ValuesModel(self), ValuesModel(self)
        self.input_view = self._table(self.input_model, "inspector_inputs", tr("Input x_t of this step"))
        self.state_view = self._table(self.state_model, "inspector_states",
                                      tr("Gates and states of every unit at this step"))
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.input_view)
        splitter.addWidget(self.state_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        controller.cell_changed.connect(self.rebuild)
        controller.trace_changed.connect(self._on_trace_changed)
        controller.step_changed.connect(self.refresh)
        controller.unit_changed.connect(self._on_unit_changed)
        self.rebuild()

    def _table(self, model: ValuesModel, name: str, tip: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setToolTip(tip + tr(" (Ctrl+C copies the selection; hover a cell for its full value)"))
        view.setAccessibleName(tip)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(False)
        header = view.horizontalHeader()
        # columns share the width, but never below one 6-digit number: narrower docks scroll
        header.setMinimumSectionSize(view.fontMetrics().horizontalAdvance("-0.0123456") + 8)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "1.2…e-05" keeps the exponent in sight
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        action = QAction(tr("Copy"), view)
        action.setShortcut(QKeySequence.StandardKey.Copy)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda: self.copy_selection(view))
        view.addAction(action)
        return view

    # -- building and updating ----------------------------------------------------------
    def rebuild(self) -> None:
        """New row and column labels for the current cell (and the session's input labels)."""
        cell, labels = self.controller.cell, list(self.controller.session.input_labels)
        D = cell.input_size
        names = [labels[d] if d < len(labels) and labels[d] else f"x[{d}]" for d in range(D)]
        self.input_model.reset("input", names, ["x_t"], [tr("the input of this step")], [None])
        quantities = list(cm.quantity_names(cell))
        palette = self.palette()
        tints: list[list[QColor] | None] = []
        for name in quantities:
            colors = cm.map_for(name, palette).map(np.linspace(0, 1, _TINTS), mode="qcolor")
            for color in colors:
                color.setAlpha(110)
            tints.append(colors)
        tips = [f"{quantity_label(n)} {n}" for n in quantities]
        self.state_model.reset("unit", [str(u) for u in range(cell.hidden_size)], quantities, tips, tints)
        self.state_view.verticalHeader().setToolTip(tr("unit"))
        self._on_trace_changed(0)
        self._on_unit_changed(self.controller.selected_unit)
        row = self.input_view.verticalHeader().defaultSectionSize()
        inputs = (min(D, 6) + 1) * row + 6
        self.splitter.setSizes([inputs, max(self.splitter.height() - inputs, 4 * inputs)])

    def _on_trace_changed(self, _start: int = 0) -> None:
        cell, trace = self.controller.cell, self.controller.trace
        self.state_model.levels = [cm.levels_for(n, cell, trace) for n in self.state_model.columns]
        self.refresh()

    def _on_unit_changed(self, unit: int) -> None:
        self.state_model.bold_row = unit
        self.state_model.set_values(self.state_model.values)

    def refresh(self, _step: int | None = None) -> None:
        """Show the numbers of the controller's current step."""
        trace, step = self.controller.trace, self.controller.step
        if trace.length == 0:
            self.title.setText(tr("No steps"))
            return
        row = trace.row(step)
        self.title.setText(tr("Step {step} of {last}").format(step=step, last=trace.length - 1))
        self.input_model.set_values(np.asarray(row["x"], dtype=np.float64)[:, None])
        self.state_model.set_values(np.column_stack([row[n] for n in self.state_model.columns]))

    # -- copying --------------------------------------------------------------------------
    def copy_selection(self, view: QTableView) -> str:
        """Copy the selected cells (their bounding rectangle) as tab-separated full values."""
        indexes = view.selectionModel().selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        text = view.model().tsv(list(range(rows[0], rows[-1] + 1)), list(range(cols[0], cols[-1] + 1)),
                                headers=False)
        QApplication.clipboard().setText(text)
        return text

    def copy_all(self) -> str:
        """Copy the step's input and every gate and state, with headers, as TSV."""
        header = f"step\t{self.controller.step}"
        text = "\n\n".join([header, self.input_model.tsv(), self.state_model.tsv()]) + "\n"
        QApplication.clipboard().setText(text)
        return text

