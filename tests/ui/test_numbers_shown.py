"""Numbers in tables and tooltips: a sensible precision, the full value on hover, never "-0"."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from simulator import make_cell
from simulator.document.session import Session
from ui.widgets.common.numbers import full_text, number_text
from ui.widgets.inputs.inputs_table import InputsEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()


@pytest.mark.parametrize("value, text", [
    (0.15, "0.15"), (0.123456789, "0.1235"), (-2.5e-05, "-2.5e-05"), (1234.5678, "1235"),
    (-0.0, "0"), (0.0, "0"), (12345678.0, "1.235e+07"), (float("nan"), "nan"), (float("-inf"), "-∞"),
    (-1e-300, "-1e-300"),  # tiny but not zero: its sign is real
])
def test_number_text(value, text):
    assert number_text(value) == text


def test_number_text_digits_and_full_text():
    assert number_text(0.123456789, 6) == "0.123457"
    assert number_text(-0.0, 6) == "0"
    assert full_text(0.123456789) == "0.123456789" and full_text(-0.0) == "0.0"
    assert float(full_text(np.float64(1) / 3)) == 1 / 3  # reads back exactly


@pytest.fixture
def inputs(new_controller, shown):
    x = np.array([[0.15, -0.0], [0.123456789, -2.5e-05], [1234.5678, 0.5]])
    controller = new_controller(Session(cell=make_cell("lstm", 2, 3, seed=1), inputs=x))
    editor = shown(InputsEditor(controller), 200, 300)  # a narrow dock
    return editor, editor.findChild(QTableView)


def test_inputs_table_shows_sensible_precision_and_the_full_value_on_hover(inputs):
    _editor, table = inputs
    model = table.model()
    shown = [[model.data(model.index(t, d)) for d in range(2)] for t in range(3)]
    assert shown == [["0.15", "0"], ["0.1235", "-2.5e-05"], ["1235", "0.5"]]
    assert "0.123456789" in model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.EditRole) == "0.0"


def test_inputs_columns_never_clip_a_short_number(inputs):
    _editor, table = inputs
    need = table.fontMetrics().horizontalAdvance("0.1235")
    header = table.horizontalHeader()
    assert all(header.sectionSize(d) > need + 8 for d in range(2))
