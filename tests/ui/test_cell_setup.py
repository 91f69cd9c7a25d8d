"""The cell set-up panel: a new kind or size re-initialises as one undoable edit (prompt when needed)."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QMessageBox

from ui.widgets.weights.cell_setup import CELL_KINDS


def _choose(window, label):
    combo = window.findChild(QComboBox, "cell_kind_combo")
    combo.setCurrentIndex([k[0] for k in CELL_KINDS].index(label))


def test_the_panel_shows_the_current_cell(window):
    setup = window.cell_setup
    cell = window.controller.cell
    assert setup.kind_combo.currentText() == "LSTM"
    assert setup.input_spin.value() == cell.input_size
    assert setup.hidden_spin.value() == cell.hidden_size
    assert setup.forget_check.isEnabled()


def test_change_kind_keeps_inputs_and_undoes(window, monkeypatch):
    c = window.controller
    asked = []
    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or ok)
    inputs = c.trace.x.copy()
    _choose(window, "GRU (reset before, Cho et al.)")
    window.cell_setup.hidden_spin.setValue(6)
    assert window.cell_setup.apply()
    assert not asked  # nothing was edited: no prompt
    assert c.cell.kind == "gru" and c.cell.options()["reset_after"] is False
    assert c.cell.hidden_size == 6
    np.testing.assert_array_equal(c.trace.x, inputs)
    assert not window.cell_setup.forget_check.isEnabled()
    c.undo_stack.undo()
    assert c.cell.kind == "lstm" and c.cell.hidden_size == 4
    assert window.cell_setup.kind_combo.currentText() == "LSTM"


def test_new_input_size_gives_zero_inputs_and_says_so(window, monkeypatch):
    c = window.controller
    messages = []
    window.cell_setup.message.connect(messages.append)
    _choose(window, "RNN (ReLU)")
    window.cell_setup.input_spin.setValue(3)
    window.cell_setup.seed_spin.setValue(7)
    window.cell_setup.apply()
    assert c.cell.kind == "rnn" and c.cell.options()["nonlinearity"] == "relu"
    assert c.trace.x.shape == (40, 3) and not c.trace.x.any()
    assert "reset to zeros" in messages[-1]
    assert c.session.settings["seed"] == 7


def test_prompt_after_an_edit_and_cancel_keeps_the_cell(window, monkeypatch):
    c = window.controller
    c.set_inputs(0, [[0.3]])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    before = c.cell.weight_hh.copy()
    window.cell_setup.seed_spin.setValue(99)
    assert not window.cell_setup.apply()
    np.testing.assert_array_equal(c.cell.weight_hh, before)


def test_forget_bias_and_dtype(window):
    c = window.controller
    setup = window.cell_setup
    setup.forget_check.setChecked(True)
    setup.forget_spin.setValue(2.5)
    setup.dtype_combo.setCurrentText("float32")
    setup.apply()
    H = c.cell.hidden_size
    assert c.cell.dtype == np.float32
    np.testing.assert_allclose(c.cell.bias_ih[H:2 * H], 2.5)
    np.testing.assert_allclose(c.cell.bias_hh[H:2 * H], 0.0)


def test_fresh_weights_forget_the_imported_file(window, monkeypatch):
    c = window.controller
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Ok)
    c.session.settings["weights_source"] = {"file": "w.pt", "format": "torch", "layer": 0}
    window.cell_setup.hidden_spin.setValue(5)
    assert window.cell_setup.apply()
    assert c.cell.hidden_size == 5 and "weights_source" not in c.session.settings
    c.undo_stack.undo()
    assert c.session.settings["weights_source"]["file"] == "w.pt"  # undo brings the import's record back


def test_a_new_cell_after_a_reverse_one_keeps_the_inputs_in_the_callers_order(window, monkeypatch):
    from simulator import make_cell
    from simulator.document.session import Session

    cell = make_cell("lstm", 2, 4, seed=2)
    cell.direction = "reverse"
    x = np.random.default_rng(2).normal(size=(9, 2))
    c = window.controller
    c.load_session(Session(cell=cell, inputs=x))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Ok)
    _choose(window, "GRU (reset before, Cho et al.)")
    assert window.cell_setup.apply()
    assert c.cell.direction == "forward"
    np.testing.assert_array_equal(c.trace.x, x)  # a forward cell consumes them as given
