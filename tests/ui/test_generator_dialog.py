"""The generator dialog: its form comes from GENERATORS and OK installs exactly generate()'s output."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from simulator import make_cell, run
from simulator.document.session import Session
from simulator.io.inputs import GENERATORS, generate
from ui.dialogs.generator_dialog import GeneratorDialog
from ui.document.controller import Controller

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show(), raise()


@pytest.fixture
def dialog(qtbot):
    x = np.zeros((40, 1))
    controller = Controller(Session(cell=make_cell("lstm", 1, 4, seed=0), inputs=x))
    widget = GeneratorDialog(controller)
    qtbot.addWidget(widget)
    yield widget
    controller.undo_stack.clear()  # else cleanChanged fires while the controller is destroyed


def _choose(dialog: GeneratorDialog, name: str) -> None:
    dialog.combo.setCurrentIndex(dialog.combo.findData(name))


def test_form_follows_the_generator_table(dialog):
    for name, gen in GENERATORS.items():
        _choose(dialog, name)
        assert list(dialog.params) == [p.name for p in gen.params]
        for p in gen.params:
            box = dialog.params[p.name]
            assert box.value() == p.default
            assert box.minimum() == p.minimum
            assert p.help in box.toolTip()


def test_sine_is_exactly_generate(dialog):
    c = dialog.controller
    _choose(dialog, "sine")
    dialog.params["period"].setValue(12.5)
    dialog.params["amplitude"].setValue(0.8)
    dialog.steps.setValue(64)
    expected = generate("sine", 64, 1, period=12.5, amplitude=0.8, phase=0.0)
    np.testing.assert_array_equal(dialog.generated(), expected)
    dialog.update_preview()
    np.testing.assert_array_equal(dialog.curves[0].getData()[1], expected[:, 0])
    before = c.cell.copy()
    dialog.accept()
    np.testing.assert_array_equal(c.trace.x, expected)
    assert c.cell == before and c.length == 64
    h = run(c.cell, expected, {"h": c.trace.h0, "c": c.trace.c0}).h
    np.testing.assert_allclose(c.trace.h, h, atol=1e-12)
    assert c.undo_stack.count() == 1
    c.undo_stack.undo()
    assert c.length == 40 and not c.trace.x.any()


def test_noise_uses_the_seed(dialog):
    _choose(dialog, "noise")
    dialog.params["seed"].setValue(42)
    dialog.params["std"].setValue(0.5)
    dialog.steps.setValue(30)
    np.testing.assert_array_equal(dialog.generated(), generate("noise", 30, 1, seed=42, std=0.5))


def test_copy_task_reinitialises_with_confirmation(dialog, monkeypatch):
    c = dialog.controller
    asked = []
    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or ok)
    _choose(dialog, "copy")
    dialog.steps.setValue(30)
    assert not dialog.input_size.isEnabled() and dialog.input_size.value() == 6
    expected = generate("copy", 30, seed=0, length=5, symbols=4, delay=10)
    dialog.accept()
    assert asked
    np.testing.assert_array_equal(c.trace.x, expected)
    assert c.cell.input_size == 6 and c.cell.kind == "lstm" and c.cell.hidden_size == 4
    assert c.session.input_labels == ["s0", "s1", "s2", "s3", "blank", "recall"]
    c.undo_stack.undo()
    assert c.cell.input_size == 1


def test_invalid_form_disables_ok(dialog):
    _choose(dialog, "impulse")
    dialog.steps.setValue(10)
    dialog.params["at"].setValue(20)
    dialog.update_preview()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "past the last step" in dialog.error.text()
    dialog.params["at"].setValue(5)
    dialog.update_preview()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
