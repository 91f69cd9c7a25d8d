"""A global exception hook: an unexpected error shows a dialog with a copyable report; the app runs on.

Qt calls Python slots from its event loop; an exception escaping a slot would
otherwise only print (or, with some Qt builds, abort). The hook shows a short
message, the traceback as the dialog's detailed text (selectable and copyable,
with a "Copy report" button), and returns so the event loop carries on.
"""

from __future__ import annotations

import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

__all__ = ["install_exception_hook", "uninstall_exception_hook", "error_report", "show_error_dialog"]

_previous_hook = None
_showing = False
SHOW_WITHOUT_DISPLAY = False  # tests set this to see the dialog on the offscreen platform


def error_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The text a bug report needs: versions and the full traceback."""
    import PySide6

    import simulator

    head = (f"GateScope {simulator.__version__}, Python {platform.python_version()}, "
            f"PySide6 {PySide6.__version__}, {platform.platform()}\n\n")
    return head + "".join(traceback.format_exception(exc_type, exc, tb))


def show_error_dialog(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                      parent: QObject | None = None) -> QMessageBox:
    """Show the error dialog (modal; returns once closed) and return it."""
    report = error_report(exc_type, exc, tb)
    box = QMessageBox(QMessageBox.Icon.Critical, "GateScope — unexpected error",
                      f"Something went wrong: {exc_type.__name__}: {exc}",
                      QMessageBox.StandardButton.Close, parent or QApplication.activeWindow())
    box.setObjectName("error_dialog")
    box.setInformativeText("Your work is still open. You can save it and carry on; please send the "
                           "report below to the developers.")
    box.setDetailedText(report)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = box.addButton("Copy report", QMessageBox.ButtonRole.ActionRole)
    copy.setToolTip("Copy the error report to the clipboard")
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
    box.exec()
    return box


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    if issubclass(exc_type, KeyboardInterrupt):
        app = QApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app.quit)
        return
    if _showing or QApplication.instance() is None:
        return  # one dialog at a time; an error inside the dialog only prints
    if QGuiApplication.platformName() in ("offscreen", "minimal") and not SHOW_WITHOUT_DISPLAY:
        return  # nobody could close a modal dialog: a screenshot run must not hang
    _showing = True
    try:
        show_error_dialog(exc_type, exc, tb)
    finally:
        _showing = False


def install_exception_hook() -> None:
    """Route uncaught exceptions to the dialog (idempotent)."""
    global _previous_hook
    if sys.excepthook is not _hook:
        _previous_hook = sys.excepthook
        sys.excepthook = _hook


def uninstall_exception_hook() -> None:
    """Restore the hook that was there before :func:`install_exception_hook`."""
    global _previous_hook
    if sys.excepthook is _hook:
        sys.excepthook = _previous_hook or sys.__excepthook__
        _previous_hook = None
