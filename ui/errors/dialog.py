"""The unexpected-error dialog: what happened, a selectable report, Copy report, Save report…, a counter."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from simulator.core.errors import InputError
from ui.i18n import tr

__all__ = ["ErrorDialog"]


class ErrorDialog(QDialog):
    """Non-modal: the work stays usable (and savable) while the report is open.

    Parameters
    ----------
    message : str
        ``"TypeName: message"``.
    report : str
        Versions and traceback (:func:`ui.errors.hook.error_report`).
    """

    def __init__(self, message: str, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_dialog")
        self.setWindowTitle(tr("GateScope — unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message, self.report, self.count = message, report, 1
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        shown = tr("<b>Something went wrong:</b> {message}").format(message=_escape(message[:400]))
        self.text = QLabel(shown, self)
        self.text.setObjectName("error_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(tr("Your work is still open: you can save it and carry on. Please send the report "
                         "below to the developers."), self)
        hint.setWordWrap(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("error_count")  # kept in the layout: showing it must not resize
        self.report_view = QPlainTextEdit(report, self)
        self.report_view.setObjectName("error_report")
        self.report_view.setAccessibleName(tr("Error report"))
        self.report_view.setReadOnly(True)
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_view.setMinimumSize(560, 180)
        buttons = QDialogButtonBox(self)
        self.copy_button = self._button(buttons, "error_copy", tr("Copy report"),
                                        tr("Copy the report (versions and traceback) to the clipboard"),
                                        self.copy)
        self.save_button = self._button(buttons, "error_save", tr("Save report…"),
                                        tr("Save the report as a text file"), self.save)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("error_close")
        close.setToolTip(tr("Close this report; GateScope carries on"))
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        head = QHBoxLayout()
        head.addWidget(icon)
        texts = QVBoxLayout()
        for label in (self.text, hint, self.count_label):
            texts.addWidget(label)
        head.addLayout(texts, 1)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.report_view, 1)
        box.addWidget(buttons)
        # an explicit minimum: later text changes must not change the window's size hints
        self.setMinimumSize(box.totalMinimumSize().expandedTo(self.minimumSizeHint()))
        self.resize(max(self.minimumWidth(), 760), max(self.minimumHeight(), 460))  # room for a traceback

    def _button(self, buttons: QDialogButtonBox, name: str, text: str, tip: str,
                slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)  # action buttons do not close
        return button

    def set_count(self, count: int) -> None:
        """Show how often this error has happened."""
        self.count = count
        self.count_label.setText(tr("This error happened {n} times.").format(n=count) if count > 1 else "")

    def full_report(self) -> str:
        """The report with the number of occurrences."""
        return self.report + (f"\n(happened {self.count} times)\n" if self.count > 1 else "")

    def copy(self) -> None:
        """Put the report on the clipboard."""
        QGuiApplication.clipboard().setText(self.full_report())
        self.copy_button.setText(tr("Copied"))

    def save(self) -> bool:
        """Ask for a file name and write the report there; True when written."""
        start = str(Path.home() / time.strftime("gatescope-error-%Y%m%d-%H%M%S.txt"))
        path, _ = QFileDialog.getSaveFileName(self, tr("Save error report"), start,
                                              tr("Text files") + " (*.txt);;" + tr("All files") + " (*)")
        if not path:
            return False
        from simulator.io.atomic import atomic_write

        try:
            with atomic_write(path, binary=False) as fh:
                fh.write(self.full_report())
        except (InputError, OSError) as err:
            QMessageBox.warning(self, tr("Cannot save the report"), str(err))
            return False
        return True


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
