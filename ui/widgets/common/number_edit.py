"""Typed numbers: parsing, a validator for line edits, a table delegate, and spreadsheet text.

Every place a user types a number (input cells, weight values) goes through
:func:`parse_finite`: "abc", NaN and ±inf are refused with :data:`NUMBER_HINT`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TR_NOOP, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from simulator.core.errors import InputError
from ui.i18n import tr

__all__ = ["NUMBER_HINT", "FiniteValidator", "NumberDelegate", "parse_block", "parse_finite", "show_hint"]

NUMBER_HINT = QT_TR_NOOP("Type a finite number, e.g. 0.5, -2 or 1e-3")  # shown through tr()


def parse_finite(text: Any) -> float | None:
    """``text`` as a finite float, or None ("abc", "", "nan", "inf" and the like are refused)."""
    try:
        value = float(str(text).strip().replace("−", "-"))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class FiniteValidator(QValidator):
    """Accepts finite numbers; partial numbers ("-", "1e") are intermediate, anything else invalid."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip().replace("−", "-")
        if parse_finite(stripped) is not None:
            return QValidator.State.Acceptable, text, pos
        if any(c.isalpha() and c not in "eE" for c in stripped):  # letters: "abc", "nan", "inf"
            return QValidator.State.Invalid, text, pos
        if stripped in ("", "-", "+", ".", "-.", "+.") or stripped[-1:] in "eE+-":
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


def parse_block(text: str) -> np.ndarray:
    """Spreadsheet text (rows on lines, cells split by tabs or commas) as an (n, m) float array.

    Raises
    ------
    InputError
        Ragged rows or a cell that is not a finite number (its row and column are named, from 1).
    """
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if not lines:
        raise InputError("the clipboard holds no numbers")
    sep = "\t" if "\t" in text else ","
    rows = [[cell.strip() for cell in line.split(sep)] for line in lines]
    width = len(rows[0])
    out = np.empty((len(rows), width))
    for r, row in enumerate(rows):
        if len(row) != width:
            raise InputError(f"row {r + 1} has {len(row)} values, the first row has {width}")
        for c, cell in enumerate(row):
            value = parse_finite(cell)
            if value is None:
                raise InputError(f"row {r + 1}, column {c + 1}: {cell!r} is not a finite number")
            out[r, c] = value
    return out


class NumberDelegate(QStyledItemDelegate):
    """A line-edit editor that only takes finite numbers; refused keys show a hint."""

    def __init__(self, hint: Signal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hint = hint

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setValidator(FiniteValidator(editor))
        editor.setAccessibleName(tr("Input value"))
        editor.setToolTip(tr(NUMBER_HINT))
        editor.inputRejected.connect(lambda: self._refused(editor))
        return editor

    def setModelData(self, editor: QWidget, model: QObject, index: QModelIndex) -> None:  # noqa: N802
        if not isinstance(editor, QLineEdit) or parse_finite(editor.text()) is None:
            self._refused(editor)  # e.g. "-" left half-typed: the value stays as it was
            return
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def _refused(self, editor: QWidget) -> None:
        show_hint(editor)
        self._hint.emit(tr(NUMBER_HINT))


def show_hint(widget: QWidget, text: str = NUMBER_HINT) -> None:
    """Show ``text`` as a tooltip just below ``widget``."""
    QToolTip.showText(widget.mapToGlobal(widget.rect().bottomLeft()), tr(text), widget)
