"""Overflow made visible: a relu RNN that runs to inf shows a warning bar; fixing the weights clears it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.diagram.overflow_bar import OverflowBar, first_non_finite


def _exploding(kind: str = "rnn") -> Session:
    cell = make_cell(kind, 1, 4, seed=0, nonlinearity="relu")
    cell.weight_hh[:] = np.abs(cell.weight_hh) * 1000 + 1  # h grows ~4000× a step: inf near step 100
    cell.weight_ih[:] = 1
    return Session(cell=cell, inputs=np.ones((160, 1)))


@pytest.fixture
def exploding(qtbot):
    """The bar on an overflowing controller (the whole window on one is tested in a subprocess below)."""
    holder = QWidget()  # a child, as in the window (a top-level bar would be a window of its own)
    qtbot.addWidget(holder)
    bar = OverflowBar(Controller(_exploding()), holder)
    QVBoxLayout(holder).addWidget(bar)
    yield bar  # the generator keeps ``holder`` alive


def test_first_non_finite_finds_the_step_and_ignores_a_sum_that_merely_overflows():
    h = np.zeros((6, 3))
    h[2] = [1e308, 1e308, 1e308]  # finite, though the row sum overflows
    assert first_non_finite(h) is None
    h[4, 1] = np.nan
    h[5, 0] = np.inf
    assert first_non_finite(h) == 4
    assert first_non_finite(h, start=5) == 5


def test_an_overflowing_relu_rnn_shows_the_bar_and_fixing_it_clears_it(exploding):
    c, bar = exploding.controller, exploding
    step = first_non_finite(c.trace.h)
    assert step is not None and 50 < step < 150
    assert not bar.isHidden() and bar.step == step
    assert bar.label.text() == (f"The state overflows float64 at step {step}: the relu RNN's recurrent "
                                "weights are too large to simulate. Scale W_hh down or use tanh.")
    c.set_inputs(step + 10, [[0.5]])  # an edit after the overflow: still from the same step
    assert not bar.isHidden() and bar.step == step
    c.set_parameter("weight_hh", (slice(None), slice(None)), 0.1, text="Scale W_hh down")
    assert np.isfinite(c.trace.h).all()
    assert bar.isHidden() and bar.step is None
    c.undo_stack.undo()
    assert not bar.isHidden() and bar.step == step


def test_the_window_has_the_bar_hidden_while_the_trace_is_finite(window):
    bar = window.findChild(OverflowBar, "overflow_warning")
    assert bar is not None and bar.isHidden()
    assert bar.parent() is window.centralWidget()


def test_loading_another_document_recomputes_from_scratch(exploding):
    from simulator.document.presets import default_session

    exploding.controller.load_session(default_session())
    assert exploding.isHidden()
    exploding.controller.load_session(_exploding())
    assert not exploding.isHidden()


STEP_THROUGH = """
import sys
sys.path.insert(0, {root!r})
import numpy as np
from PySide6.QtWidgets import QApplication
from tests.ui.test_overflow_bar import _exploding
from ui.document.controller import Controller
from ui.shell.main_window import MainWindow
from ui.widgets.diagram.overflow_bar import OverflowBar

app = QApplication([])
window = MainWindow(Controller(_exploding()), restore=False)
window.show()
assert window.findChild(OverflowBar, "overflow_warning").isVisible()
for step in range(0, 160, 3):
    window.controller.seek(step)
    for _ in range(3):
        app.processEvents()
    window.grab()
print("alive", window.controller.step)
"""


def test_stepping_through_the_overflow_does_not_crash_the_window(tmp_path):
    root = Path(__file__).resolve().parents[2]
    script = tmp_path / "step_through.py"
    script.write_text(STEP_THROUGH.format(root=str(root)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONWARNINGS": "ignore"}
    result = subprocess.run([sys.executable, str(script)], cwd=root, capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive 159" in result.stdout
