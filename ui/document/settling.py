"""A weight drag recomputes the trace in slices between frames, from step 0 on.

A weight edit changes every row, and a full rerun of a long trace takes longer than a frame.
During a drag the controller writes the weight at once and a :class:`Settler` recomputes the
rows in slices of about :data:`SLICE_SECONDS` per event-loop pass (longer once the mouse rests),
so the window keeps painting at the screen's rate (each slice sized by the kernel's measured pace
to fill the pass); a new move restarts it from step 0. Rows before
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
SLICE_ROWS = 256  # rows of the first kernel call of a pass (a multiple of the input-projection block)
FRAME_SECONDS = 0.012  # a pass's slices and the painting between two passes fit in this (60 fps, margin)
MIN_SLICE_SECONDS = 0.002  # however much the views paint, a pass computes this long (within the cap)
MAX_SLICE_ROWS = 1 << 16  # the most rows one kernel call may take (a fast kernel on a long trace)
FILL = 0.8  # the share of a pass's time left that the next slice is sized to fill


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
        self._row_seconds = 0.0  # the kernel's measured seconds per row (0: not measured yet)
        self._pool_seconds = 0.0  # the views' pooling of reported rows, seconds per row (decaying max)
        self._left = 0.0  # perf_counter when the last pass ended
        self._other = 0.0  # the work between two passes (moves, painting): a decaying maximum
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
            self._left = self._other = self._pool_seconds = 0.0  # measured afresh for this settle
            self.settling_changed.emit(True)
        self._timer.start()

    def _slice(self) -> None:
        """Recompute rows for this pass's budget, then report them (the views pool them) or finish."""
        c = self._controller
        T, step, before = c.length, c.step, self.final
        now = time.perf_counter()
        deadline = now + self._budget(now)
        rows = SLICE_ROWS
        while self.final < T:  # at least one slice a pass, however slow the machine
            stop = min(T, self.final + rows)
            begun = time.perf_counter()
            c.simulation.refresh(self.final, stop)
            done = time.perf_counter()
            self._row_seconds = (done - begun) / (stop - self.final)
            self.final = stop
            left = deadline - done - self._pool_seconds * (stop - before)  # the views pool these rows too
            if left <= 0 or before <= step < stop:  # or the step on screen is final: paint it now
                break
            rows = self._next_rows(left)
        if self.final >= T:
            if before >= T:  # the last rows came the pass before: the views rebuild in this one
                self._finish()
            else:  # a pass of its own for the rebuild, so no frame carries a slice and the rebuild
                self._timer.start()
            return
        begun = time.perf_counter()
        c.trace_progress.emit(0, self.final)
        pooled = (time.perf_counter() - begun) / (self.final - before)
        self._pool_seconds = max(pooled, 0.7 * self._pool_seconds)
        if before <= step < self.final:  # what the user looks at is final: show it first
            c.step_changed.emit(step)
        self._left = time.perf_counter()
        self._timer.start()

    def _budget(self, now: float) -> float:
        """Seconds for this pass's slices and their pooling: what the frame leaves after the work
        seen between passes (moves, painting; a decaying maximum), within the caps above."""
        if self._left:
            self._other = max(now - self._left, 0.7 * self._other)
        cap = RESTING_SLICE_SECONDS if now - self._moved > RESTING_AFTER else SLICE_SECONDS
        return min(cap, max(MIN_SLICE_SECONDS, FRAME_SECONDS - self._other))

    def _next_rows(self, seconds: float) -> int:
        """Rows that fill ``FILL`` of ``seconds`` at the measured pace (kernel and pooling)."""
        rows = int(FILL * seconds / max(self._row_seconds + self._pool_seconds, 1e-9))
        return max(SLICE_ROWS, min(MAX_SLICE_ROWS, rows - rows % SLICE_ROWS))

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
