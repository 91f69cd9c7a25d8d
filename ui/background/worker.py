"""Run a computation off the UI thread and hand the result back on it, newest request wins.

The views' one way to compute off the GUI thread (gradient plot, dashboard, dialogs): one daemon thread at
a time; a request made while it runs replaces any request still waiting (so a burst of
edits costs one computation at the end, not one per edit); a result is delivered only
if no newer request was made meanwhile, through :mod:`ui.background.relay` (never an emit on
a receiver that the GUI thread may be deleting). numpy releases the GIL in its heavy loops, so
the window stays responsive while the thread works.

Typical use::

    self.worker = BackgroundWorker(self, "dashboard")
    self.worker.finished.connect(self._show)          # (result) on the UI thread
    self.worker.submit(lambda: saturation(trace))     # returns at once
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.background import relay

__all__ = ["BackgroundWorker"]


class BackgroundWorker(QObject):
    """Compute ``fn()`` on a worker thread; emit :attr:`finished` with the result (or the exception).

    Parameters
    ----------
    parent : QObject
        The receiver; results arrive on its (the UI) thread.
    name : str
        The thread's name (for debuggers).

    Signals
    -------
    finished(object)
        The result of the newest request, or the exception it raised.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject, name: str = "worker") -> None:
        super().__init__(parent)
        self.name = name
        self.generation = 0
        self.result: Any = None
        self._thread: threading.Thread | None = None
        self._pending: tuple[int, Callable[[], Any]] | None = None
        relay.install()

    @property
    def busy(self) -> bool:
        """True while a computation runs or waits."""
        return self._thread is not None or self._pending is not None

    def submit(self, fn: Callable[[], Any]) -> int:
        """Ask for ``fn()``; any older request's result will be dropped. Returns the request's number."""
        self.generation += 1
        if self._thread is not None:
            self._pending = (self.generation, fn)  # started when the running one finishes
        else:
            self._start(self.generation, fn)
        return self.generation

    def cancel(self) -> None:
        """Drop every request made so far (a running one finishes, unseen)."""
        self.generation += 1
        self._pending = None

    def run_now(self, fn: Callable[[], Any]) -> Any:
        """Compute ``fn()`` right here (exports, tests), emit :attr:`finished` and return the result."""
        self.cancel()
        result = self._call(fn)
        self.result = result
        self.finished.emit(result)
        return result

    @staticmethod
    def _call(fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except Exception as exc:  # the receiver shows it; a worker thread must not die silently
            return exc

    def _start(self, generation: int, fn: Callable[[], Any]) -> None:
        self._thread = threading.Thread(target=self._work, args=(generation, fn), daemon=True,
                                        name=f"gatescope-{self.name}")
        self._thread.start()

    def _work(self, generation: int, fn: Callable[[], Any]) -> None:
        relay.post(self._on_done, generation, self._call(fn))  # never emits on self from this thread

    def _on_done(self, generation: int, result: object) -> None:
        self._thread = None
        if generation == self.generation:
            self.result = result
            self.finished.emit(result)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(*pending)
