"""Playback for the controller: the play timer, the speed, and several steps a frame when fast.

A mixin of :class:`ui.document.controller.Controller`, which owns the timer (``_timer``), the
cursor (``step``, ``seek``, ``length``) and the ``playing_changed`` signal.
"""

from __future__ import annotations

import time

__all__ = ["Playback"]


class Playback:
    """Play, pause and the speed; each timer tick moves as many steps as the elapsed time allows."""

    def set_speed(self, steps_per_second: float) -> None:
        """Playback speed; above the frame rate several steps are taken per frame."""
        self.speed = float(min(max(steps_per_second, 0.25), 10_000.0))

    @property
    def playing(self) -> bool:
        """True while the play timer runs."""
        return self._timer.isActive()

    def play(self) -> None:
        """Start playing from the cursor (from the start when at the end)."""
        if self.playing:
            return
        if self.step >= self.length - 1:
            self.seek(0)
        self._carry = 0.0
        self._last_tick = time.perf_counter()
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        """Stop playing."""
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle_play(self) -> None:
        """Play or pause."""
        self.pause() if self.playing else self.play()

    def _tick(self) -> None:
        now = time.perf_counter()
        self._carry += (now - self._last_tick) * self.speed
        self._last_tick = now
        steps = int(self._carry)
        if steps:
            self._carry -= steps
            self.seek(self.step + steps)
            if self.step >= self.length - 1:
                self.pause()
