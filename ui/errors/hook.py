"""A global exception hook: an unexpected error shows a dialog with a copyable report; the app runs on.

PySide6 hands every exception that escapes Python code called by Qt — slots, timer callbacks,
QAction triggers, virtual overrides such as ``paintEvent`` — to :data:`sys.excepthook`. The
hook prints the traceback, and opens an :class:`ErrorDialog` *after* the failing call has
returned (never inside a paint event): the message, the report (versions and traceback) with
"Copy report" and "Save report…", and a counter. The same error again (same type, message and
place) only counts up in its dialog, or in the status bar once that was closed: a failing
paint cannot flood the screen. The event loop carries on throughout.
"""

from __future__ import annotations

import functools
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from ui.errors.dialog import ErrorDialog
from ui.i18n import tr

__all__ = ["install_exception_hook", "uninstall_exception_hook", "error_report", "versions",
           "open_dialogs", "reset", "ErrorDialog", "crash_safe_override"]

F = TypeVar("F", bound=Callable[..., Any])

SHOW_WITHOUT_DISPLAY = False  # tests set this to see the dialog on the offscreen platform
MAX_OPEN = 3  # distinct error dialogs open at once; more only print

_previous_hook = None
_counts: dict[tuple[str, ...], int] = {}
_dialogs: dict[tuple[str, ...], ErrorDialog] = {}


def versions() -> str:
    """GateScope, Python, Qt, PySide6, numpy, pyqtgraph and the platform, one per line."""
    import numpy
    import PySide6
    from PySide6.QtCore import qVersion

    import simulator

    graph = sys.modules.get("pyqtgraph")
    lines = [f"GateScope {simulator.__version__}",
             f"Python {platform.python_version()} ({platform.python_implementation()})",
             f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
             f"numpy {numpy.__version__}, pyqtgraph {getattr(graph, '__version__', 'not loaded')}",
             f"Platform {platform.platform()}, Qt platform {QGuiApplication.platformName() or '-'}"]
    return "\n".join(lines)


def error_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The text a bug report needs: versions and the full traceback."""
    return versions() + "\n\n" + "".join(traceback.format_exception(exc_type, exc, tb))


def _signature(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> tuple[str, ...]:
    """Type, message and the innermost frame: the same error raised again has the same signature."""
    frames = traceback.extract_tb(tb)
    place = (frames[-1].filename, str(frames[-1].lineno)) if frames else ("", "")
    return (exc_type.__qualname__, str(exc)[:500], *place)


def open_dialogs() -> list[ErrorDialog]:
    """The error dialogs shown right now (for tests and the About box)."""
    return list(_dialogs.values())


def reset() -> None:
    """Forget every counted error and close the dialogs (tests)."""
    for box in list(_dialogs.values()):
        box.close()
    _dialogs.clear()
    _counts.clear()


def _status(text: str) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            widget.statusBar().showMessage(text, 8000)


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    app = QApplication.instance()
    if issubclass(exc_type, KeyboardInterrupt):
        if app is not None:
            QTimer.singleShot(0, app.quit)
        return
    if app is None:
        return
    if QGuiApplication.platformName() in ("offscreen", "minimal") and not SHOW_WITHOUT_DISPLAY:
        return  # a screenshot run has nobody to read a dialog
    key = _signature(exc_type, exc, tb)
    count = _counts[key] = _counts.get(key, 0) + 1
    if count > 1:
        if key in _dialogs:
            _dialogs[key].set_count(count)
        else:
            _status(tr("The same error happened again ({n} times): {error}").format(
                n=count, error=f"{exc_type.__name__}: {exc}"))
        return
    if len(_dialogs) >= MAX_OPEN:
        return
    message = f"{exc_type.__name__}: {exc}"
    report = error_report(exc_type, exc, tb)
    # open the dialog after the failing slot or paint event has returned
    QTimer.singleShot(0, lambda: _open(key, message, report))


def _open(key: tuple[str, ...], message: str, report: str) -> None:
    box = ErrorDialog(message, report, QApplication.activeWindow())
    box.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    box.set_count(_counts.get(key, 1))
    box.finished.connect(lambda _result: _dialogs.pop(key, None))
    _dialogs[key] = box
    box.show()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):  # those cannot raise windows
        box.raise_()
        box.activateWindow()


def crash_safe_override(method: F) -> F:
    """Decorate a Qt override (``paintEvent`` …) that Qt reaches through another Python override (``event``).

    PySide6 6.11 crashes (segfault in ``PepException_GetArgs``) when an exception raised inside C
    code — ``int(float("nan"))``, a numpy error — escapes such a nested override before Python has
    normalised it. Catching and re-raising normalises it: the error reaches the dialog instead.
    """
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except Exception as err:
            raise err  # re-raising is the point: it normalises the exception

    return wrapper  # type: ignore[return-value]


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
