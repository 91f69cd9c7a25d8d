"""A long recompute (a weight edit on a long trace) keeps the window painting and shows its progress."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog

from simulator import make_cell
from simulator.session import Session
from simulator.simulation import run
from ui import controller as controller_module
from ui import long_work


def test_a_weight_edit_on_a_long_trace_paints_between_chunks_and_shows_progress(window, monkeypatch):
    monkeypatch.setattr(controller_module, "LONG_RECOMPUTE", 5_000)
    monkeypatch.setattr(long_work, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(long_work, "FRAME_SECONDS", 0.0)
    c = window.controller
    x = np.sin(np.arange(40_000)[:, None] * np.array([0.1, 0.2, 0.3]))
    c.load_session(Session(cell=make_cell("lstm", 3, 8, seed=0), inputs=x))
    hook = c.progress_hook
    seen, beats = [], []

    def spy(done: int, total: int) -> None:
        seen.append((done, total, hook.dialog is not None and hook.dialog.isVisible()))
        hook(done, total)

    c.progress_hook = spy
    timer = QTimer(interval=0)  # a GUI timer keeps firing while the recompute runs
    timer.timeout.connect(lambda: beats.append(len(seen)))
    timer.start()
    frames = hook.frames
    c.set_parameter("weight_hh", (1, 2), 0.75)
    timer.stop()
    assert len(seen) == 40 and seen[-1][:2] == (40_000, 40_000)  # a report every 1,024 steps
    assert any(shown for *_, shown in seen)  # the dialog was up during the work
    assert hook.dialog is None  # and closed at the end
    assert not [d for d in window.findChildren(QProgressDialog, "recompute_progress") if d.isVisible()]
    assert hook.frames - frames >= 30 and len(set(beats)) >= 10  # Qt ran between chunks
    np.testing.assert_array_equal(c.trace.h, run(c.cell, x).h)  # and the trace is exact
    seen.clear()
    c.set_inputs(39_990, [[0.5, 0.5, 0.5]])  # a short recompute: the hook is not bothered
    assert seen == []


def test_a_short_session_never_calls_the_hook(window):
    calls = []
    window.controller.progress_hook = lambda done, total: calls.append(done)
    window.controller.set_parameter("weight_hh", (0, 0), 0.1)
    assert window.controller.trace.length > 0 and calls == []


def test_background_threads_hand_the_interpreter_back_within_a_millisecond(window):
    import sys

    assert sys.getswitchinterval() == 0.001
