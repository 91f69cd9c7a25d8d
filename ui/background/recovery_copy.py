"""The autosave's copy of the inputs, made a slice per event-loop pass so that no pass stalls.

A 1,000,000-step session of D = 4 holds 32 MB of inputs; copying them at once (with the
page faults of a fresh buffer) stalls the window for tens of milliseconds. :class:`SlicedCopy`
copies :data:`SLICE_ROWS` rows per pass of the event loop into a buffer it keeps between
autosaves. The copy is of one version of the document: when an edit lands between two
slices (the controller's ``version`` changed), it starts over, so the writer never gets a
mixture of before and after; after :data:`MAX_RESTARTS` of those (edits every frame, a drag)
it copies everything in one pass, as an autosave that never completes would lose work.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer

__all__ = ["MAX_RESTARTS", "SLICE_ROWS", "SlicedCopy"]

SLICE_ROWS = 65_536  # rows a pass (2 MiB at D = 4): about a millisecond, page faults included
MAX_RESTARTS = 3


class SlicedCopy(QObject):
    """Copies the controller's inputs (T, D) into :attr:`buffer`, :data:`SLICE_ROWS` rows per pass.

    Parameters
    ----------
    controller : ui.document.controller.Controller
        Read for ``trace.x`` and ``version`` (bumped by every edit).
    done : callable
        ``done(buffer)`` once the copy is complete and of the current version.
    parent : QObject, optional

    Attributes
    ----------
    buffer : ndarray or None, shape (T, D)
        Kept between copies while T and D stay (its pages are already mapped).
    restarts : int
        How often an edit between slices made the copy start over (tests).
    """

    def __init__(self, controller, done: Callable[[np.ndarray], None], parent: QObject | None = None,
                 rows: int = SLICE_ROWS) -> None:
        super().__init__(parent)
        self.controller, self._done, self.rows = controller, done, rows
        self.buffer: np.ndarray | None = None
        self.restarts = 0
        self._tries = 0  # restarts of the copy under way
        self._next = 0
        self._version: int | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)

    @property
    def active(self) -> bool:
        """True while a copy is under way."""
        return self._version is not None

    def start(self) -> None:
        """Begin a copy; a short one completes (and calls ``done``) before this returns."""
        self._tries = 0
        self._begin()
        self._step()

    def _begin(self) -> None:
        x = self.controller.trace.x
        if self.buffer is None or self.buffer.shape != x.shape or self.buffer.dtype != x.dtype:
            self.buffer = np.empty_like(x)
        self._next, self._version = 0, self.controller.version

    def _restart(self) -> None:
        self.restarts += 1
        self._tries += 1
        self._begin()

    def cancel(self) -> None:
        """Stop a copy under way (``done`` is not called)."""
        self._timer.stop()
        self._version = None

    def complete(self) -> None:
        """Copy what remains now, in this call (a close or a flush cannot wait for passes)."""
        if self.active:
            self._timer.stop()
            self._step(everything=True)

    def _step(self, everything: bool = False) -> None:
        if self._version is None:
            return
        if self.controller.version != self._version:  # an edit landed between two slices
            self._restart()  # start over on the new version
            everything = everything or self._tries >= MAX_RESTARTS
        x, buffer = self.controller.trace.x, self.buffer
        stop = len(x) if everything else min(len(x), self._next + self.rows)
        np.copyto(buffer[self._next:stop], x[self._next:stop])
        self._next = stop
        if stop < len(x):
            self._timer.start()
            return
        self._version = None
        self._done(buffer)
