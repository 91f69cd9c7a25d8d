"""Extreme values in the whole window: every view, every step, no warning, no exception.

Numpy warnings are errors here (pyproject's filterwarnings) and Qt warnings fail the test, so a
view that computes ``hi - lo`` of levels near the float maximum, or casts inf to an index, is
caught. Each session is loaded in the window with the Tools docks open; every dock is raised
in turn while the cursor walks through the sequence and the window is painted.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from simulator import make_cell
from simulator.document.session import Session


def _relu_overflow() -> Session:
    """A relu RNN whose state grows ~4,000× a step: ±inf then NaN near step 90."""
    cell = make_cell("rnn", 1, 4, seed=0, nonlinearity="relu")
    cell.weight_hh[:] = np.abs(cell.weight_hh) * 1000 + 1
    cell.weight_ih[:] = 1
    return Session(cell=cell, inputs=np.ones((120, 1)))


def _huge_lstm() -> Session:
    """Weights and inputs of ±1e6: every gate saturated, c growing by about one a step."""
    cell = make_cell("lstm", 3, 5, seed=1)
    rng = np.random.default_rng(1)
    for array in cell.parameters().values():
        array[...] = rng.choice([-1e6, 1e6], size=array.shape)
    return Session(cell=cell, inputs=rng.choice([-1e6, 1e6], size=(40, 3)))


def _tiny_gru() -> Session:
    """Weights and inputs of ±1e-300: values at the edge of the subnormal range."""
    cell = make_cell("gru", 2, 3, seed=2)
    rng = np.random.default_rng(2)
    for array in cell.parameters().values():
        array[...] = rng.choice([-1e-300, 1e-300], size=array.shape)
    return Session(cell=cell, inputs=rng.choice([-1e-300, 1e-300], size=(40, 2)))


def _one_unit_one_step() -> Session:
    return Session(cell=make_cell("rnn", 1, 1, seed=3), inputs=np.array([[1e6]]))


def _wide_lstm() -> Session:
    """1,024 units: more than the gate panel, timeline and inspector have pixels or rows for."""
    return Session(cell=make_cell("lstm", 2, 1024, seed=4), inputs=np.sin(np.arange(24.0)).reshape(12, 2))


@pytest.mark.parametrize("build", [_relu_overflow, _huge_lstm, _tiny_gru, _one_unit_one_step, _wide_lstm],
                         ids=["relu-overflow", "lstm-1e6", "gru-1e-300", "one-unit-one-step", "lstm-1024"])
def test_every_view_shows_extreme_values_without_a_warning(window, build):
    c = window.controller
    window.actions_by_name["action_branch"].trigger()
    window.actions_by_name["action_dashboard"].trigger()
    c.load_session(build())
    T = c.length
    steps = sorted({0, 1, T // 3, T // 2, T - 2, T - 1, *range(80, min(T, 100))} & set(range(T)))
    for dock in list(window.docks.values()):
        dock.raise_()
        for step in steps:
            c.seek(step)
            QApplication.processEvents()
        window.grab()  # paints every visible view at the last step
    c.set_selected_unit(c.cell.hidden_size - 1)
    c.go_to_start()
    QApplication.processEvents()
    window.grab()
    trace = c.trace
    if build is not _relu_overflow:
        assert np.isfinite(trace.h).all()  # finite numbers in, finite trace out
    assert c.step == 0
