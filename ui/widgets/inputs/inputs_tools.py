"""The inputs editor's tool row and what its text buttons do: type text, load a file.

The row is icon buttons for row edits and the clipboard, then text buttons for the tools
that replace the whole sequence. It is kept narrow (no size label in it) so the editor fits
a dock column a third of a 1024-pixel screen wide without scrolling sideways.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QStyle,
    QToolButton,
    QWidget,
)

from simulator.core.errors import InputError
from simulator.io.inputs import encode_text, load_inputs
from ui.i18n import tr
from ui.widgets.inputs.inputs_model import apply_inputs

if TYPE_CHECKING:
    from ui.document.controller import Controller
    from ui.widgets.inputs.inputs_table import InputsEditor

__all__ = ["ask_load_path", "ask_text", "build_tool_row", "feed_text", "load_file"]


def _drawn_icon(kind: str, color: QColor) -> QIcon:
    """A small line icon ("copy": two sheets, "paste": a clipboard) for styles without theme icons."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 2.5))
    if kind == "copy":
        painter.drawRoundedRect(QRectF(4, 4, 16, 19), 2, 2)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        painter.fillRect(QRectF(10, 8, 20, 23), Qt.GlobalColor.transparent)  # the front sheet hides the back
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.drawRoundedRect(QRectF(12, 10, 16, 19), 2, 2)
    else:
        painter.drawRoundedRect(QRectF(6, 6, 20, 23), 2, 2)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(11, 3, 10, 6), 1.5, 1.5)
        painter.drawLine(11, 16, 21, 16)
        painter.drawLine(11, 22, 21, 22)
    painter.end()
    return QIcon(pixmap)


def _button(parent: QWidget, name: str, icon: QIcon, text: str, tip: str,
            slot: Callable[[], object]) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setIcon(icon)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.rstrip("…") or tip.split(" (")[0])
    button.setAutoRaise(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly if text
                              else Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.clicked.connect(slot)
    return button


def build_tool_row(editor: InputsEditor) -> QHBoxLayout:
    """The editor's tool row: insert above/below, delete, copy, paste, then Text…, Generate…, Load…."""
    bar = QHBoxLayout()
    bar.setContentsMargins(0, 0, 0, 0)
    bar.setSpacing(2)
    style = editor.style()
    sp = QStyle.StandardPixmap
    for name, theme, pixmap, tip, slot in (
            ("insert_above", QIcon.ThemeIcon.GoUp, sp.SP_ArrowUp,
             tr("Insert a step (zeros) above the selected rows"), lambda: editor.insert_steps(above=True)),
            ("insert_below", QIcon.ThemeIcon.GoDown, sp.SP_ArrowDown,
             tr("Insert a step (zeros) below the selected rows"), lambda: editor.insert_steps(above=False)),
            ("delete_steps", QIcon.ThemeIcon.EditDelete, sp.SP_TrashIcon,
             tr("Delete the selected steps"), editor.delete_selected),
            ("copy_inputs", QIcon.ThemeIcon.EditCopy, "copy",
             tr("Copy the selected values as tab-separated text (Ctrl+C)"), editor.copy_selection),
            ("paste_inputs", QIcon.ThemeIcon.EditPaste, "paste",
             tr("Paste numbers from a spreadsheet into the selection (Ctrl+V); extra rows are appended"),
             editor.paste_clipboard)):
        icon = QIcon.fromTheme(theme)
        if icon.isNull():
            icon = _drawn_icon(pixmap, editor.palette().color(QPalette.ColorRole.ButtonText)) \
                if isinstance(pixmap, str) else style.standardIcon(pixmap)
        bar.addWidget(_button(editor, name, icon, "", tip, slot))
    bar.addSpacing(8)
    for name, label, tip, slot in (
            ("text_inputs", tr("Text…"), tr("Type text: each character becomes one step (one-hot)"),
             editor.ask_text),
            ("generate_inputs", tr("Generate…"), tr("Generate a signal: sine, square, impulse, step, "
             "noise, copy task"), lambda: editor.generator_requested.emit()),
            ("load_inputs", tr("Load…"), tr("Load inputs from a .npy, .csv or .json file"),
             editor.ask_load)):
        bar.addWidget(_button(editor, name, QIcon(), label, tip, slot))
    bar.addStretch(1)
    return bar


def ask_text(parent: QWidget) -> str | None:
    """Ask for text to feed one character per step; None when cancelled."""
    text, ok = QInputDialog.getMultiLineText(
        parent, tr("Feed text"), tr("Text to feed, one character per step (one-hot over its characters):"),
        "hello world")
    return text if ok else None


def feed_text(controller: Controller, text: str, parent: QWidget) -> str | None:
    """Replace the inputs by ``text`` one-hot encoded (the current vocabulary if it covers the text).

    Returns the message for the user, or None when nothing changed (a bad text or a refusal).
    """
    labels = list(controller.session.input_labels)
    reuse = (len(labels) == controller.cell.input_size and all(len(s) == 1 for s in labels)
             and set(text) <= set(labels))
    try:
        onehot, vocab = encode_text(text, labels if reuse else None)
    except InputError as err:
        QMessageBox.warning(parent, tr("Cannot use this text"), str(err))
        return None
    undo_text = tr("Feed text ({n} characters)").format(n=len(text))
    if not apply_inputs(controller, onehot, vocab, undo_text, parent):
        return None
    return tr("{n} characters over a vocabulary of {size}.").format(n=len(text), size=len(vocab))


def ask_load_path(parent: QWidget) -> str:
    """Ask for an input file; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("Load inputs"), "",
                                          tr("Input sequences") + " (*.npy *.csv *.tsv *.json);;"
                                          + tr("All files") + " (*)")
    return path


def load_file(controller: Controller, path: str, parent: QWidget) -> str | None:
    """Load a (T, D) sequence from ``path`` as the document's inputs.

    Returns the message for the user, or None when nothing changed (a bad file shows its
    message; the user may also decline a new input size).
    """
    try:
        inputs = load_inputs(path)
    except InputError as err:
        QMessageBox.warning(parent, tr("Cannot load inputs"), str(err))
        return None
    if not apply_inputs(controller, inputs, None, tr("Load inputs from {file}").format(file=Path(path).name),
                        parent):
        return None
    return tr("Loaded {steps} steps × {inputs} inputs from {file}.").format(
        steps=inputs.shape[0], inputs=inputs.shape[1], file=Path(path).name)
