"""The inputs editor: values, in-place edits with recompute, validation, undo, paste, rows, text, load."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableView

from simulator import make_cell, run
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.common.number_edit import parse_block
from ui.widgets.inputs.inputs_table import InputsEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show(), raise()


def _pulses(step: int | None = None, value: float = 0.0) -> np.ndarray:
    """The (40, 1) inputs: pulses of 1 at steps 3, 15 and 27, and ``value`` at ``step`` if given."""
    x = np.zeros((40, 1))
    x[[3, 15, 27], 0] = 1.0
    if step is not None:
        x[step, 0] = value
    return x


@pytest.fixture
def editor(new_controller, shown):
    """The editor on an LSTM (D = 1, H = 4) over :func:`_pulses`."""
    session = Session(cell=make_cell("lstm", 1, 4, seed=0, forget_bias=1.0), inputs=_pulses())
    return shown(InputsEditor(new_controller(session)), 500, 600)


def _table(editor: InputsEditor) -> QTableView:
    table = editor.findChild(QTableView, "inputs_table")
    assert table is not None
    return table


def _expected_h(controller: Controller, x: np.ndarray) -> np.ndarray:
    return run(controller.cell, x, {"h": controller.trace.h0, "c": controller.trace.c0}).h


def _open_cell_editor(editor: InputsEditor, row: int) -> QLineEdit:
    """Start editing ``row`` in the table and select the editor's text."""
    table = _table(editor)
    index = table.model().index(row, 0)
    table.setCurrentIndex(index)
    table.edit(index)
    line = table.viewport().findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    return line


def _press_return(qtbot, line: QLineEdit) -> None:
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.wait(20)  # the delegate commits through a queued call


def test_table_shows_the_inputs(editor):
    c = editor.controller
    model = _table(editor).model()
    assert model.rowCount() == c.length == 40
    assert model.columnCount() == c.cell.input_size == 1
    for t in (0, 3, 15, 39):
        shown = model.data(model.index(t, 0), Qt.ItemDataRole.EditRole)
        assert float(shown) == c.trace.x[t, 0]
    assert float(model.data(model.index(3, 0))) == 1.0


def test_set_data_edits_and_recomputes_from_that_step(editor):
    c = editor.controller
    model = _table(editor).model()
    before = c.trace.h.copy()
    assert model.setData(model.index(10, 0), "0.75")
    assert c.trace.x[10, 0] == 0.75
    np.testing.assert_allclose(c.trace.h, _expected_h(c, _pulses(10, 0.75)), rtol=0, atol=1e-12)
    np.testing.assert_array_equal(c.trace.h[:10], before[:10])
    assert not np.array_equal(c.trace.h[10:], before[10:])
    assert model.data(model.index(10, 0)) == "0.75"
    assert c.undo_stack.count() == 1
    c.undo_stack.undo()
    assert c.trace.x[10, 0] == 0.0
    np.testing.assert_array_equal(c.trace.h, before)
    c.undo_stack.redo()
    assert c.trace.x[10, 0] == 0.75


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-inf", "", "1e999"])
def test_set_data_refuses_non_numbers(editor, text):
    c = editor.controller
    model = _table(editor).model()
    assert not model.setData(model.index(5, 0), text)
    assert c.trace.x[5, 0] == 0.0
    assert c.undo_stack.count() == 0


def test_typing_in_the_delegate_editor(editor, qtbot):
    c = editor.controller
    line = _open_cell_editor(editor, 7)
    assert line.hasAcceptableInput()
    qtbot.keyClicks(line, "-1.5")
    _press_return(qtbot, line)
    assert c.trace.x[7, 0] == -1.5
    np.testing.assert_allclose(c.trace.h, _expected_h(c, _pulses(7, -1.5)), rtol=0, atol=1e-12)
    assert c.undo_stack.count() == 1


def test_typing_letters_is_refused_with_a_hint(editor, qtbot):
    c = editor.controller
    line = _open_cell_editor(editor, 3)
    with qtbot.waitSignal(editor.message):
        qtbot.keyClicks(line, "abc")
    assert line.text() == "1.0"  # every key refused, the value still there
    _press_return(qtbot, line)
    assert c.trace.x[3, 0] == 1.0
    assert c.undo_stack.count() == 0
    assert "number" in editor.hint.text()


def test_half_typed_number_is_not_committed(editor, qtbot):
    c = editor.controller
    line = _open_cell_editor(editor, 4)
    qtbot.keyClicks(line, "-")
    _press_return(qtbot, line)
    assert c.trace.x[4, 0] == 0.0
    assert c.undo_stack.count() == 0


def test_paste_of_a_tsv_block_is_one_undo_step(editor):
    c = editor.controller
    table = _table(editor)
    table.setCurrentIndex(table.model().index(20, 0))
    before = c.trace.x.copy()
    assert editor.paste_text("0.1\n0.2\n0.3\n")
    np.testing.assert_array_equal(c.trace.x[20:23, 0], [0.1, 0.2, 0.3])
    assert c.undo_stack.count() == 1
    np.testing.assert_allclose(c.trace.h, _expected_h(c, c.trace.x.copy()), atol=1e-12)
    c.undo_stack.undo()
    np.testing.assert_array_equal(c.trace.x, before)


def test_paste_past_the_end_appends_rows_in_one_step(editor):
    c = editor.controller
    table = _table(editor)
    table.setCurrentIndex(table.model().index(38, 0))
    assert editor.paste_text("5\n6\n7\n8\n")
    assert c.length == 42
    np.testing.assert_array_equal(c.trace.x[38:, 0], [5, 6, 7, 8])
    assert table.model().rowCount() == 42
    assert c.undo_stack.count() == 1
    c.undo_stack.undo()
    assert c.length == 40 and table.model().rowCount() == 40
    assert c.trace.x[38, 0] == 0.0


def test_bad_paste_changes_nothing(editor):
    c = editor.controller
    assert not editor.paste_text("1\nabc\n")
    assert "'abc' is not a finite number" in editor.hint.text()
    assert not editor.paste_text("1\t2\n")  # two columns do not fit a one-input cell
    assert "do not fit" in editor.hint.text()
    assert c.undo_stack.count() == 0


def test_parse_block():
    np.testing.assert_array_equal(parse_block("1\t2\n3\t4\n"), [[1, 2], [3, 4]])
    np.testing.assert_array_equal(parse_block("1,2\r\n3,4"), [[1, 2], [3, 4]])
    with pytest.raises(Exception, match="row 2"):
        parse_block("1,2\n3")


def test_copy_is_tsv(editor, qtbot):
    table = _table(editor)
    model = table.model()
    table.selectionModel().select(model.index(2, 0), table.selectionModel().SelectionFlag.Select)
    table.selectionModel().select(model.index(4, 0), table.selectionModel().SelectionFlag.Select)
    assert editor.copy_selection() == "0.0\n1.0\n0.0\n"


def test_insert_and_delete_rows_with_undo(editor):
    c = editor.controller
    table = _table(editor)
    sel = table.selectionModel()
    sel.select(table.model().index(3, 0), sel.SelectionFlag.ClearAndSelect)
    editor.insert_steps(above=True)
    assert c.length == 41 and table.model().rowCount() == 41
    assert c.trace.x[3, 0] == 0.0 and c.trace.x[4, 0] == 1.0
    np.testing.assert_allclose(c.trace.h, _expected_h(c, c.trace.x.copy()), atol=1e-12)
    sel.select(table.model().index(4, 0), sel.SelectionFlag.ClearAndSelect)
    sel.select(table.model().index(5, 0), sel.SelectionFlag.Select)
    editor.delete_selected()
    assert c.length == 39 and table.model().rowCount() == 39
    assert c.trace.x[3, 0] == 0.0 and c.trace.x[4, 0] == 0.0
    assert c.undo_stack.count() == 2
    c.undo_stack.undo()
    assert c.length == 41 and c.trace.x[4, 0] == 1.0
    c.undo_stack.undo()
    assert c.length == 40 and c.trace.x[3, 0] == 1.0
    c.undo_stack.redo()
    c.undo_stack.redo()
    assert c.length == 39


def test_clicking_a_row_seeks_and_the_view_follows(editor, qtbot):
    c = editor.controller
    table = _table(editor)
    rect = table.visualRect(table.model().index(6, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert c.step == 6
    c.seek(39)
    assert table.currentIndex().row() == 39
    assert table.rowAt(table.viewport().height() - 5) >= 30 or table.rowAt(rect.center().y()) != 6
    model = table.model()
    assert model.data(model.index(39, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(6, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_feed_text_reinitialises_with_confirmation(editor, questions):
    c = editor.controller
    asked = questions()
    old_hh = c.cell.weight_hh.copy()
    assert editor.feed_text("hello")
    assert asked and c.cell.input_size == 4 and c.length == 5
    assert c.session.input_labels == ["e", "h", "l", "o"]
    np.testing.assert_array_equal(c.cell.weight_hh, old_hh)
    model = _table(editor).model()
    assert model.columnCount() == 4
    assert model.headerData(1, Qt.Orientation.Horizontal) == "h"
    assert model.headerData(0, Qt.Orientation.Vertical).endswith("h")
    np.testing.assert_array_equal(c.trace.x[0], [0, 1, 0, 0])
    # the same vocabulary is reused: no question this time
    asked.clear()
    assert editor.feed_text("hole")
    assert not asked and c.cell.input_size == 4
    c.undo_stack.undo()
    c.undo_stack.undo()
    assert c.cell.input_size == 1 and c.length == 40 and model.columnCount() == 1


def test_feed_text_declined_changes_nothing(editor, questions):
    asked = questions(QMessageBox.StandardButton.Cancel)
    assert not editor.feed_text("hi")
    assert len(asked) == 1
    assert editor.controller.cell.input_size == 1 and editor.controller.undo_stack.count() == 0


def test_load_file(editor, tmp_path, monkeypatch):
    c = editor.controller
    good = tmp_path / "seq.npy"
    np.save(good, np.linspace(-1, 1, 12).reshape(12, 1))
    assert editor.load_file(str(good))
    np.testing.assert_array_equal(c.trace.x[:, 0], np.linspace(-1, 1, 12))
    assert c.undo_stack.count() == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("1\nabc\n")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert not editor.load_file(str(bad))
    assert warnings and "bad.csv" in warnings[0] and "\n" not in warnings[0]
    assert c.length == 12 and c.undo_stack.count() == 1


def test_large_sequence_is_fast(random_controller, shown):
    import time

    c = random_controller("lstm", hidden=8, steps=20_000, seed=1, inputs=3)
    widget = shown(InputsEditor(c))
    start = time.perf_counter()
    for t in range(0, 20_000, 1000):
        c.seek(t)
    widget.table.viewport().repaint()
    assert (time.perf_counter() - start) / 20 < 0.02
    model = widget.table.model()
    assert model.setData(model.index(19_000, 1), 2.0)
    assert c.trace.x[19_000, 1] == 2.0
