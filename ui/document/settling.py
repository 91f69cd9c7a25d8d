"""A weight drag recomputes the trace in slices between frames, from step 0 on.

A weight edit changes every row, and a full rerun of a long trace takes longer than a frame.
During a drag the controller writes the weight at once and a :class:`Settler` recomputes the
rows in slices of about :data:`SLICE_SECONDS` per event-loop pass (longer once the mouse rests),
so the window keeps painting at the screen's rate; a new move restarts it from step 0. Rows before
:attr:`Settler.final` hold their final values: the slices report them as the long-recompute
machinery does (``trace_progress(0, done)``, pooled by the views' ``SettledRows``); the step on
screen is announced (``step_changed``) as soon as its row is final, and ``weights_changed`` and
``trace_changed(0)`` follow when the whole trace is final, equal bit for bit to a full rerun.
Anything that needs the whole trace (an export, a save, an input edit) calls
:meth:`Settler.settle_now` first.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from ui.document.controller import Controller

__all__ = ["SLICE_ROWS", "SLICE_SECONDS", "Settler"]

SLICE_SECONDS = 0.006  # compute per event-loop pass while moves come: the rest of a frame is painting
RESTING_SLICE_SECONDS = 0.011  # once the mouse rests (nothing new to paint a frame), longer slices
RESTING_AFTER = 0.05  # seconds without a move before the slices grow
SLICE_ROWS = 256  # rows per kernel call (a multiple of the input-projection block)


class Settler(QObject):
    """The rows of the controller's trace that are final after a drag's weight writes.

    Parameters
    ----------
    controller : Controller

    Signals
    -------
    settling_changed(bool)  True when a drag left rows to recompute, False when all are final
    """

    settling_changed = Signal(bool)

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self._controller = controller
        self.final = 0  # rows 0 … final − 1 are final (meaningful while settling)
        self._moved = 0.0  # perf_counter of the last restart
        self._active = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._slice)

    @property
    def active(self) -> bool:
        """True while some rows still hold values computed with older weights."""
        return self._active

    def restart(self) -> None:
        """The weights changed: every row is stale; recompute from step 0 in later passes."""
        self.final = 0
        self._moved = time.perf_counter()
        c = self._controller
        c.simulation.trace.mark_changed(0)
        c.trace_progress.emit(0, 0)  # views forget rows they pooled for older weights
        if not self._active:
            self._active = True
            self.settling_changed.emit(True)
        self._timer.start()

    def _slice(self) -> None:
        """Recompute rows for up to :data:`SLICE_SECONDS`, then report or finish."""
        c = self._controller
        T, step, before = c.length, c.step, self.final
        now = time.perf_counter()
        deadline = now + (RESTING_SLICE_SECONDS if now - self._moved > RESTING_AFTER else SLICE_SECONDS)
        while self.final < T:  # at least one slice a pass, however slow the machine
            stop = min(T, self.final + SLICE_ROWS)
            c.simulation.refresh(self.final, stop)
            self.final = stop
            if time.perf_counter() >= deadline:
                break
        if self.final >= T:
            self._finish()
            return
        c.trace_progress.emit(0, self.final)
        if before <= step < self.final:  # what the user looks at is final: show it first
            c.step_changed.emit(step)
        self._timer.start()

    def settle_now(self) -> None:
        """Compute every row still stale now (the long-recompute dialog shows for a long rest)."""
        if self._active:
            self._timer.stop()
            self._controller.simulation.refresh(self.final)
            self._finish()

    def cancel(self) -> None:
        """Forget the rows left (the trace was recomputed whole, or replaced)."""
        self._timer.stop()
        if self._active:
            self._active = False
            self.settling_changed.emit(False)

    def _finish(self) -> None:
        c = self._controller
        self.final = c.length
        self.cancel()
        c.weights_changed.emit()
        c.trace_changed.emit(0)
