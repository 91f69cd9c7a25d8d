"""Hand a result from a worker thread to the GUI thread, safe even while the receiver is deleted.

A Python thread that emits a signal of a widget races the widget's deletion on the GUI thread:
if the C++ object goes while ``emit`` runs, the process crashes (seen as a rare segfault when a
test closes a view whose computation is still running). Threads therefore never emit on the
receiver. They call :func:`post`, which emits on one relay object that lives as long as the
application; the relay calls the receiver's method on the GUI thread, and only if the receiver
still exists.

Typical use (the method runs later, on the GUI thread)::

    relay.install()                           # once, on the GUI thread (a constructor)
    relay.post(self._on_done, generation, result)   # from any thread
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

__all__ = ["install", "post"]


class _Relay(QObject):
    """The one object worker threads emit on; its slot runs on the GUI thread (queued)."""

    posted = Signal(object, object)  # the receiver's bound method, its arguments (a tuple)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _deliver(method: Callable[..., Any], args: tuple[Any, ...]) -> None:
        owner = getattr(method, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the receiver was deleted while the thread worked: nobody to tell
        method(*args)


_RELAY: _Relay | None = None


def install() -> None:
    """Create the relay on the GUI thread (idempotent; call from a constructor that runs there)."""
    global _RELAY
    if _RELAY is None or not shiboken6.isValid(_RELAY):
        _RELAY = _Relay()
        app = QCoreApplication.instance()
        if app is not None and _RELAY.thread() is not app.thread():
            _RELAY.moveToThread(app.thread())


def post(method: Callable[..., Any], *args: Any) -> None:
    """Call ``method(*args)`` on the GUI thread soon, unless its QObject is deleted by then.

    Parameters
    ----------
    method : callable
        Usually a bound method of a QObject (checked for deletion before the call).
    *args
        Passed as they are (not copied).

    Raises
    ------
    RuntimeError
        :func:`install` was never called.
    """
    if _RELAY is None:
        raise RuntimeError("relay.post before relay.install (call install on the GUI thread first)")
    _RELAY.posted.emit(method, args)
