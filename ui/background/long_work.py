"""Long recomputes keep the window alive: it repaints between chunks and shows a progress dialog.

A weight edit recomputes every step; on a 1,000,000-step LSTM that is seconds of work on
the GUI thread. The engine reports progress between chunks of steps
(:func:`simulator.core.simulation.recompute`); :class:`RecomputeProgress` uses those moments to
let Qt paint and run its timers at most once a frame, holding user input back so no edit
lands on a half-computed trace. After :data:`SHOW_AFTER` seconds a window-modal progress
dialog says what is happening; it closes when the recompute ends, or when the event loop
turns without a report (the recompute raised, and the error dialog takes over).

Between chunks the controller also emits ``trace_progress(first, done)``: rows ``first`` …
``done`` − 1 already hold their final values. Views whose work grows with T (the timeline's
pooled levels, the overflow scan) do that work for those rows then, tracked by
:class:`SettledRows`, so the ``trace_changed`` at the end leaves them only the last chunk.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QWidget

from ui.i18n import tr

__all__ = ["FRAME_SECONDS", "LONG_RECOMPUTE", "SHOW_AFTER", "RecomputeProgress", "SettledRows",
           "SettlingMarker", "busy_cursor"]

LONG_RECOMPUTE = 65_536  # steps; a shorter recompute simply runs (≤ ~0.5 s even at H = 256)
FRAME_SECONDS = 1 / 60
SHOW_AFTER = 0.4  # seconds before the dialog appears


class RecomputeProgress:
    """The controller's ``progress_hook``: ``hook(done, total)`` between chunks of a recompute.

    Parameters
    ----------
    parent : QWidget
        The window the progress dialog belongs to.

    Attributes
    ----------
    frames : int
        How many times it let Qt process events (tests and the benchmark).
    dialog : QProgressDialog or None
        Shown while a recompute has lasted longer than :data:`SHOW_AFTER`.
    """

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.dialog: QProgressDialog | None = None
        self.frames = 0
        self._started: float | None = None
        self._last = 0.0
        # runs only when the event loop turns outside a report: the recompute raised midway
        self._watchdog = QTimer(parent, singleShot=True, interval=0)
        self._watchdog.timeout.connect(self._finish)

    @property
    def active(self) -> bool:
        """True while a long recompute is under way (from its first report to its end)."""
        return self._started is not None

    def __call__(self, done: int, total: int) -> None:
        self._watchdog.stop()
        now = time.perf_counter()
        if self._started is None:
            self._started = self._last = now
        if done >= total:
            self._finish()
            self.frames += 1  # a last turn now: the views' redraw that follows starts a fresh frame
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            return
        self._watchdog.start()  # the next report stops it first; if none comes, it closes the dialog
        if now - self._last < FRAME_SECONDS:
            return
        self._last = now
        if self.dialog is None and now - self._started >= SHOW_AFTER:
            self.dialog = self._make_dialog(total)
        if self.dialog is not None:
            self.dialog.setValue(round(1000 * done / total))
        self.frames += 1
        self._watchdog.stop()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self._watchdog.start()

    def _make_dialog(self, total: int) -> QProgressDialog:
        dialog = QProgressDialog(tr("Recomputing {steps} steps with the new values…").format(
            steps=f"{total:,}"), "", 0, 1000, self.parent)
        dialog.setObjectName("recompute_progress")
        dialog.setWindowTitle(tr("Recomputing"))
        dialog.setCancelButton(None)  # an edit is undone with Undo once it has landed
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.show()
        return dialog

    def _finish(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self._started = None


class SettledRows:
    """Which rows of a running long recompute a view has already processed.

    ``feed(first, done)`` on each ``trace_progress`` gives the rows to process now, in batches
    of at least ``batch`` rows (per-call overheads stay small); ``take(start)`` on the
    ``trace_changed(start)`` that ends the recompute gives the first row still to process
    (``start`` itself when nothing was processed for that change).

    Parameters
    ----------
    batch : int
        The fewest rows :meth:`feed` hands out at a time.
    """

    def __init__(self, batch: int = 2048) -> None:
        self.batch = batch
        self._span: tuple[int, int] | None = None  # (first, processed up to) of the recompute under way

    def feed(self, first: int, done: int) -> tuple[int, int] | None:
        """Rows ``first`` … ``done`` − 1 are final: ``(lo, hi)`` to process now, or None to wait."""
        if self._span is None or self._span[0] != first or done <= self._span[1]:
            self._span = (first, first)  # a new recompute (a restart reports a smaller ``done``)
        lo = self._span[1]
        if done - lo < self.batch:
            return None
        self._span = (first, done)
        return lo, done

    def take(self, start: int) -> int:
        """The trace changed from ``start`` on: the first row not yet processed (forgets the span)."""
        span, self._span = self._span, None
        return span[1] if span is not None and span[0] == start else start

    def forget(self) -> None:
        """Drop what was processed (a new document, or rebuilt views)."""
        self._span = None


class SettlingMarker(QLabel):
    """A subtle "settling…" in the status bar while a weight drag's trace is not final everywhere.

    Parameters
    ----------
    settling_changed : SignalInstance
        The controller's ``settler.settling_changed(bool)``.
    parent : QWidget, optional
    """

    def __init__(self, settling_changed: object, parent: QWidget | None = None) -> None:
        super().__init__(tr("settling…"), parent)
        self.setObjectName("settling_marker")
        self.setToolTip(tr("The new weights are still reaching the later steps; those parts of the "
                           "views show the previous values until this disappears"))
        self.setEnabled(False)  # greyed: a note, not an alarm
        self.setVisible(False)
        settling_changed.connect(self.setVisible)


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor while a blocking read or write runs (a long session takes seconds)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
