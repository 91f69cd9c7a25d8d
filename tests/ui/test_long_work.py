"""A long recompute (a weight edit on a long trace) keeps the window painting and shows its progress."""

from __future__ import annotations

import contextlib

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from simulator import make_cell
from simulator.core.simulation import run
from simulator.document.session import Session
from ui.background import long_work
from ui.document import controller as controller_module


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


def test_settled_rows_hand_out_batches_and_the_rest_at_the_end():
    rows = long_work.SettledRows(batch=3000)
    assert rows.feed(100, 1124) is None  # fewer than a batch: wait
    assert rows.feed(100, 3172) == (100, 3172)
    assert rows.feed(100, 4196) is None
    assert rows.feed(100, 6244) == (3172, 6244)
    assert rows.take(100) == 6244  # the trace_changed(100) that ends it: the rest from 6,244
    assert rows.take(100) == 100  # forgotten once taken
    assert rows.feed(0, 4000) == (0, 4000)
    assert rows.feed(0, 1024) is None and rows.take(0) == 0  # a restart: nothing of it processed yet
    assert rows.feed(0, 4000) == (0, 4000)
    assert rows.take(50) == 50  # a change from elsewhere: everything from its own start


def test_the_timeline_and_overflow_scan_work_through_a_long_recompute_as_it_runs(window, monkeypatch):
    from ui.widgets.diagram.overflow_bar import first_non_finite
    from ui.widgets.timeline.timeline_heatmap import extreme_pyramid

    monkeypatch.setattr(controller_module, "LONG_RECOMPUTE", 5_000)
    c = window.controller
    cell = make_cell("rnn", 1, 4, seed=0, nonlinearity="relu")
    cell.weight_hh[:] = 0.3 * np.eye(4)
    c.load_session(Session(cell=cell, inputs=np.ones((40_000, 1))))
    timeline, bar = window.findChild(QWidget, "timeline"), window.findChild(QWidget, "overflow_warning")
    starts, progress = [], []
    c.trace_progress.connect(lambda first, done: progress.append((first, done)))
    pyramid = timeline.pyramids["h"]
    update = pyramid.update
    monkeypatch.setattr(pyramid, "update", lambda x, start=0, stop=None: (
        starts.append((start, stop)), update(x, start, stop)))
    grow = 1.05 * np.eye(4)  # h grows 5% a step: inf near step 14,500
    c.set_parameter("weight_hh", (slice(None), slice(None)), grow, text="grow")
    assert progress[0] == (0, 1024) and progress[-1] == (0, 40_000)
    batch = long_work.SettledRows().batch  # pooled in batches as the rows settle, the rest at the end
    last = 40_000 - 1024 - (40_000 - 1024) % batch  # the final report is the end, not a batch
    assert starts == [(k, k + batch) for k in range(0, last, batch)] + [(last, None)]
    fresh = extreme_pyramid("h")
    fresh.update(c.trace.h)
    for mine, rebuilt in zip(pyramid.levels, fresh.levels, strict=True):
        np.testing.assert_array_equal(mine, rebuilt)
    step = first_non_finite(c.trace.h)
    assert step is not None and batch < step < last and bar.step == step and not bar.isHidden()
    starts.clear()
    c.set_inputs(39_000, [[0.5]])  # a short recompute: pooled from its own step, nothing settled
    assert starts == [(39_000, None)] and bar.step == step


def test_a_recompute_that_raises_midway_closes_its_progress_dialog(window, monkeypatch, qtbot):
    from simulator.core.cells.lstm import LSTMCell

    monkeypatch.setattr(controller_module, "LONG_RECOMPUTE", 5_000)
    monkeypatch.setattr(long_work, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(long_work, "FRAME_SECONDS", 0.0)
    c = window.controller
    c.load_session(Session(cell=make_cell("lstm", 3, 8, seed=0), inputs=np.ones((20_000, 3))))
    kernel, calls = LSTMCell.kernel, []

    def failing(self, trace, lo, hi):
        calls.append(lo)
        if len(calls) == 8:
            raise MemoryError("injected")
        return kernel(self, trace, lo, hi)

    monkeypatch.setattr(LSTMCell, "kernel", failing)
    hook = c.progress_hook
    with contextlib.suppress(MemoryError):  # the window's exception hook may take it instead
        c.set_parameter("weight_hh", (0, 0), 0.5)
    assert hook.dialog is not None and hook.dialog.isVisible()  # still up right after the failure
    qtbot.waitUntil(lambda: hook.dialog is None, timeout=2000)  # the next turn of the event loop closes it
    assert not [d for d in window.findChildren(QProgressDialog, "recompute_progress") if d.isVisible()]
