"""The inspector: the current step's numbers, full precision on demand, copyable as TSV."""

import numpy as np
import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from simulator import make_cell
from simulator.document.session import Session
from ui.widgets.gates.inspector import Inspector, ValuesModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()

FULL = ValuesModel.FULL_ROLE


@pytest.fixture
def inspector(new_controller, shown):
    cell = make_cell("lstm", 2, 3, seed=4)
    x = np.random.default_rng(7).normal(size=(25, 2))
    controller = new_controller(Session(cell=cell, inputs=x, input_labels=["temp", "load"]))
    return shown(Inspector(controller), 420, 400)


def _assert_cells_match(widget: Inspector) -> None:
    row = widget.controller.trace.row(widget.controller.step)
    model = widget.state_model
    assert model.columns == list("ifgoch")
    for c, name in enumerate(model.columns):
        for u in range(model.rowCount()):
            value = float(row[name][u])
            index = model.index(u, c)
            assert model.data(index, FULL) == repr(value)
            assert model.data(index) == f"{value:.6g}"
    for d in range(widget.input_model.rowCount()):
        assert widget.input_model.data(widget.input_model.index(d, 0), FULL) == repr(float(row["x"][d]))


def test_cells_equal_the_trace_and_follow_the_step(inspector):
    _assert_cells_match(inspector)
    inspector.controller.seek(19)
    _assert_cells_match(inspector)
    assert "Step 19" in inspector.title.text()


def test_input_labels_name_the_rows(inspector):
    model = inspector.input_model
    assert [model.headerData(d, Qt.Orientation.Vertical) for d in range(2)] == ["temp", "load"]


def test_an_edit_shows_the_new_numbers(inspector):
    inspector.controller.seek(3)
    inspector.controller.set_inputs(3, [[5.0, -5.0]])
    _assert_cells_match(inspector)
    assert inspector.input_model.data(inspector.input_model.index(0, 0), FULL) == "5.0"


def test_copy_all_puts_tsv_with_headers_on_the_clipboard(inspector):
    inspector.controller.seek(7)
    inspector.findChild(QPushButton, "inspector_copy_all").click()
    text = QApplication.clipboard().text()
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "step\t7"
    assert blocks[1].splitlines()[0] == "input\tx_t"
    header, *rows = blocks[2].splitlines()
    assert header.split("\t") == ["unit", *"ifgoch"]
    row = inspector.controller.trace.row(7)
    for u, line in enumerate(rows):
        cells = line.split("\t")
        assert cells[0] == str(u)
        assert [float(v) for v in cells[1:]] == [float(row[n][u]) for n in "ifgoch"]  # bit for bit


def test_ctrl_c_copies_the_selection(inspector, qtbot):
    view = inspector.state_view
    model = inspector.state_model
    selection = QItemSelection(model.index(1, 1), model.index(2, 2))  # units 1–2, gates f and g
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    row = inspector.controller.trace.row(inspector.controller.step)
    expected = "\n".join(f"{float(row['f'][u])!r}\t{float(row['g'][u])!r}" for u in (1, 2))
    assert QApplication.clipboard().text() == expected


def test_a_gru_has_its_own_columns(qtbot, new_controller):
    controller = new_controller(Session(cell=make_cell("gru", 1, 5, seed=0), inputs=np.ones((6, 1))))
    widget = Inspector(controller)
    qtbot.addWidget(widget)
    assert widget.state_model.columns == list("rznh")
    assert widget.state_model.rowCount() == 5
    assert widget.input_model.headerData(0, Qt.Orientation.Vertical) == "x[0]"
