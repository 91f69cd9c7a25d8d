"""The inputs editor asks the shell for the signal generator by signal, and fits a narrow dock column."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTableView, QToolButton

from simulator import make_cell
from simulator.document.session import Session
from ui.widgets.inputs.inputs_table import InputsEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def editor(new_controller, shown):
    x = np.zeros((12, 1))
    x[6, 0] = 1.0  # one input that happens to be exactly 1: a value, not a one-hot token
    session = Session(cell=make_cell("lstm", 1, 4, seed=0), inputs=x)
    return shown(InputsEditor(new_controller(session)), 320, 400)


def test_generate_asks_by_signal_and_opens_nothing_itself(editor, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(self) or 0)
    button = editor.findChild(QToolButton, "generate_inputs")
    with qtbot.waitSignal(editor.generator_requested, timeout=1000):
        button.click()
    assert opened == []  # the shell decides what opens


def test_the_editor_fits_a_dock_column_a_third_of_a_small_screen(editor):
    # the right column at 1024 px is 360-380 px wide; the editor must not scroll sideways there
    assert editor.minimumSizeHint().width() <= 350
    size = editor.findChild(QLabel, "inputs_size_label")
    assert size.text().startswith("12 ") and size.isVisible()
    table = editor.findChild(QTableView, "inputs_table")
    assert table.geometry().right() <= editor.width()


def test_a_single_input_of_one_is_not_labelled_as_a_token(editor):
    model = editor.findChild(QTableView, "inputs_table").model()
    assert model.headerData(6, Qt.Orientation.Vertical) == "6"


def test_the_shell_opens_the_generator_on_request(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(self.objectName()) or 0)
    window.inputs_editor.findChild(QToolButton, "generate_inputs").click()
    assert opened == ["generator_dialog"]
