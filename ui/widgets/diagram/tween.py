"""Frame-clocked easing of the diagram's shown values toward a step's values.

A ``QVariantAnimation`` emits its start value when started and ticks once more at once
(Qt's animation timer starts with a zero delay), so a step from rest painted the diagram
twice, the first time with the old values. :class:`Tween` instead applies the first
frame's progress immediately (one frame interval into the easing) and then advances on a
precise 60 Hz timer from a monotonic clock: one paint per frame, the first one already moving.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QElapsedTimer, QObject, Qt, QTimer

__all__ = ["FRAME_MS", "Tween"]

FRAME_MS = 16  # one frame at 60 Hz


class Tween(QObject):
    """Eases a dict of floats from its current values to targets over ``duration_ms``.

    Parameters
    ----------
    duration_ms : int
        Length of the easing (OutCubic).
    on_frame : callable
        Called after each frame's values were written (the widget's ``update``).
    parent : QObject, optional
    """

    def __init__(self, duration_ms: int, on_frame: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.duration_ms = duration_ms
        self._on_frame = on_frame
        self._curve = QEasingCurve(QEasingCurve.Type.OutCubic)
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._values: dict[str, float] = {}
        self._from: dict[str, float] = {}
        self._to: dict[str, float] = {}

    @property
    def running(self) -> bool:
        """True while frames are still to come."""
        return self._timer.isActive()

    def start(self, values: dict[str, float], targets: dict[str, float]) -> None:
        """Ease ``values`` (changed in place) from what they hold now to ``targets``; the first frame now."""
        self._values, self._from, self._to = values, dict(values), dict(targets)
        self._clock.start()
        self._timer.start()
        self._apply(FRAME_MS)

    def stop(self) -> None:
        """Stop where the values are."""
        self._timer.stop()

    def finish(self) -> None:
        """Jump to the targets (one last frame)."""
        if self.running:
            self._apply(self.duration_ms)

    def _tick(self) -> None:
        self._apply(self._clock.elapsed() + FRAME_MS)  # the frame this paint will be shown in

    def _apply(self, ms: float) -> None:
        t = min(ms / self.duration_ms, 1.0) if self.duration_ms > 0 else 1.0
        p = self._curve.valueForProgress(t)
        values, start = self._values, self._from
        for k, b in self._to.items():
            a = start.get(k, b)
            values[k] = b if t >= 1.0 else a + (b - a) * p
        if t >= 1.0:
            self._timer.stop()
        self._on_frame()
