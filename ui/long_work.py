"""Long recomputes keep the window alive: it repaints between chunks and shows a progress dialog.

A weight edit recomputes every step; on a 1,000,000-step LSTM that is seconds of work on
the GUI thread. The engine reports progress between chunks of steps
(:func:`simulator.simulation.recompute`); :class:`RecomputeProgress` uses those moments to
let Qt paint and run its timers at most once a frame, holding user input back so no edit
lands on a half-computed trace. After :data:`SHOW_AFTER` seconds a window-modal progress
dialog says what is happening; it closes when the recompute ends.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ui.i18n import tr

__all__ = ["FRAME_SECONDS", "LONG_RECOMPUTE", "SHOW_AFTER", "RecomputeProgress"]

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

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if self._started is None:
            self._started = self._last = now
        if done >= total:
            self._finish()
            return
        if now - self._last < FRAME_SECONDS:
            return
        self._last = now
        if self.dialog is None and now - self._started >= SHOW_AFTER:
            self.dialog = self._make_dialog(total)
        if self.dialog is not None:
            self.dialog.setValue(round(1000 * done / total))
        self.frames += 1
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

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
