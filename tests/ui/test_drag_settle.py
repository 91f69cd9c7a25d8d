"""A weight drag: the trace settles in slices between frames and ends equal to a fresh run, bit for bit."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from simulator import make_cell
from simulator.core.simulation import run
from simulator.document.session import Session
from ui.background.long_work import SettlingMarker
from ui.document import settling
from ui.document.controller import Controller

PARAMETERS = {"lstm": ("weight_hh", "weight_ih", "bias_ih", "bias_hh"),
              "gru": ("weight_hh", "weight_ih", "bias_hh"), "rnn": ("weight_hh", "bias_ih")}


def _controller(kind: str = "lstm", steps: int = 700, hidden: int = 3) -> Controller:
    cell = make_cell(kind, 2, hidden, seed=4)
    x = np.random.default_rng(5).normal(size=(steps, 2))
    return Controller(Session(cell=cell, inputs=x))


def _fresh_h(controller: Controller) -> np.ndarray:
    trace = controller.simulation.trace
    return run(controller.cell.copy(), trace.x, {"h": trace.h0, "c": trace.c0}).arrays()


def _assert_fresh(controller: Controller) -> None:
    fresh = _fresh_h(controller)
    for name, values in controller.trace.arrays().items():
        np.testing.assert_array_equal(values, fresh[name], err_msg=name)  # bit for bit


@pytest.fixture
def thin_slices(monkeypatch):
    """A few rows a pass, so even a short trace settles over several passes."""
    monkeypatch.setattr(settling, "SLICE_ROWS", 64)
    monkeypatch.setattr(settling, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(settling, "RESTING_SLICE_SECONDS", 0.0)


_moves = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5), st.integers(0, 1),
                            st.floats(-2, 2, allow_nan=False), st.integers(0, 3)), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(("lstm", "gru", "rnn")), moves=_moves, steps=st.integers(1, 300))
def test_any_drag_sequence_settles_to_a_fresh_run(qtbot, thin_slices, kind, moves, steps):
    c = _controller(kind, steps)
    drags = set()
    for which, row, col, value, passes in moves:
        name = PARAMETERS[kind][which % len(PARAMETERS[kind])]
        index = (row % getattr(c.cell, name).shape[0],) + ((col,) if name.startswith("weight") else ())
        if name == "weight_ih":
            index = (index[0], col % c.cell.input_size)
        drags.add((name, index))
        c.set_parameter(name, index, value, text="Drag", merge_key=(name, index))
        for _ in range(passes):  # some moves land mid-settle, some after a few slices
            QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: not c.settling, timeout=10_000)
    _assert_fresh(c)
    assert c.undo_stack.count() <= len(moves)
    c.undo_stack.clear()


def test_final_trace_mid_drag_equals_a_fresh_run(qtbot, thin_slices):
    c = _controller(steps=900)
    c.set_parameter("weight_hh", (2, 1), 0.7, merge_key="drag")
    QCoreApplication.processEvents()  # one slice: rows 0 … 63 final, the rest stale
    assert c.settling and 0 < c.settler.final < c.length
    trace = c.final_trace()  # what an export or a save sees
    assert not c.settling
    _assert_fresh(c)
    assert trace is c.trace


def test_the_step_on_screen_is_announced_before_the_rest_settles(qtbot, thin_slices):
    c = _controller(steps=900)
    c.seek(200)
    seen: list[tuple[str, int, int]] = []
    c.step_changed.connect(lambda s: seen.append(("step", s, c.settler.final)))
    c.trace_changed.connect(lambda s: seen.append(("trace", s, c.settler.final)))
    c.set_parameter("weight_hh", (0, 0), -0.4, merge_key="drag")
    qtbot.waitUntil(lambda: not c.settling, timeout=5000)
    assert seen[0][:2] == ("step", 200) and 200 < seen[0][2] < c.length  # the rest was still to come
    assert seen[-1] == ("trace", 0, c.length)


def test_an_input_edit_mid_settle_starts_from_final_rows(qtbot, thin_slices):
    c = _controller(steps=500)
    c.set_parameter("weight_ih", (1, 0), 1.5, merge_key="drag")
    QCoreApplication.processEvents()
    c.set_inputs(400, [[0.3, -0.2]])  # rows before 400 were stale: they are settled first
    assert not c.settling
    _assert_fresh(c)


def test_the_settling_marker_shows_only_while_rows_are_stale(qtbot, thin_slices):
    c = _controller(steps=900)
    bar = QWidget()  # the status bar it sits in
    marker = SettlingMarker(c.settler.settling_changed, bar)
    qtbot.addWidget(bar)
    bar.show()
    assert marker.objectName() == "settling_marker" and marker.isHidden()
    c.set_parameter("weight_hh", (1, 1), 0.2, merge_key="drag")
    QCoreApplication.processEvents()
    assert marker.isVisible() and marker.text() == "settling…"
    qtbot.waitUntil(lambda: not c.settling, timeout=5000)
    assert marker.isHidden()
    c.undo_stack.undo()  # an undo recomputes at once: no marker
    assert marker.isHidden() and not c.settling


def test_a_gradient_job_reads_its_own_snapshot(qtbot, thin_slices):
    from simulator.core.gradients import gradient_window

    c = _controller(steps=600)
    c.seek(500)
    before = gradient_window(c.cell.copy(), c.trace.copy(), 500, start=100)
    job = c.gradient_job()  # taken on the GUI thread, run later (a worker thread)
    c.set_parameter("weight_hh", (0, 1), 1.2, merge_key="drag")
    QCoreApplication.processEvents()  # rows being rewritten while the job waits
    assert c.gradient_job()() is None  # step 500 is not final yet: nothing mixed is shown
    result = job()
    np.testing.assert_array_equal(result["t"], np.arange(100, 501))
    for key, values in before.items():
        np.testing.assert_array_equal(result[key], values)  # the old weights' numbers, whole
    qtbot.waitUntil(lambda: not c.settling, timeout=5000)
    after = gradient_window(c.cell.copy(), c.trace.copy(), 500, start=100)
    np.testing.assert_array_equal(c.gradients()["dhT_dh"], after["dhT_dh"])


def test_a_fast_kernel_settles_in_few_passes(qtbot):
    """Slices grow to the kernel's measured pace: 40,000 rows take far fewer passes than 256-row slices."""
    c = _controller("rnn", steps=40_000)
    c.set_parameter("weight_hh", (0, 1), 0.3, merge_key="drag")
    passes = 0
    while c.settling and passes < 1000:
        QCoreApplication.processEvents()
        passes += 1
    assert not c.settling and passes < 40_000 // settling.SLICE_ROWS // 2
    _assert_fresh(c)
