"""The weights editor: images equal the gate blocks; typed values, drags and block actions are undoable."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QSlider

from simulator import make_cell, run
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.weights.weights_editor import WeightsEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show(), raise()


def _controller(kind: str = "lstm", H: int = 4) -> Controller:
    x = np.zeros((30, 1))
    x[[2, 11], 0] = 1.0
    return Controller(Session(cell=make_cell(kind, 1, H, seed=0), inputs=x))


@pytest.fixture
def editor(qtbot):
    widget = WeightsEditor(_controller())
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.controller.undo_stack.clear()  # else cleanChanged fires while the controller is destroyed


def _h_of(controller: Controller) -> np.ndarray:
    return run(controller.cell, controller.trace.x, {"h": controller.trace.h0, "c": controller.trace.c0}).h


@pytest.mark.parametrize("kind", ["lstm", "gru", "rnn"])
def test_images_equal_the_gate_blocks(qtbot, kind):
    widget = WeightsEditor(_controller(kind, 3))
    qtbot.addWidget(widget)
    cell = widget.controller.cell
    H = cell.hidden_size
    for k, g in enumerate(cell.gate_names or ("",)):
        rows = slice(k * H, (k + 1) * H)
        np.testing.assert_array_equal(widget.image_for("weight_ih", g).image, cell.weight_ih[rows])
        np.testing.assert_array_equal(widget.image_for("weight_hh", g).image, cell.weight_hh[rows])
        bias = widget.image_for("bias_ih", g).image
        np.testing.assert_array_equal(bias[:, 0], cell.bias_ih[rows])
        np.testing.assert_array_equal(bias[:, 1], cell.bias_hh[rows])
    m = max(np.abs(p).max() for p in cell.parameters().values())
    lo, hi = widget.image_for("weight_hh", (cell.gate_names or ("",))[0]).levels
    assert lo == -hi and hi >= m


def test_w_hf_image_and_titles(editor):
    cell = editor.controller.cell
    np.testing.assert_array_equal(editor.image_for("weight_hh", "f").image, cell.weight_hh[4:8])
    titles = [p.titleLabel.text for p in editor.canvas("weight_hh").plots]
    assert titles == ["W_hi (4×4)", "W_hf (4×4)", "W_hg (4×4)", "W_ho (4×4)"]


def test_typing_a_value_sets_it_and_recomputes(editor, qtbot):
    c = editor.controller
    editor.select("weight_hh", (5, 2))
    assert editor.where.text().startswith("weight_hh[5, 2] (W_hf, unit 1 ← h 2)")
    edit = editor.findChild(QLineEdit, "weight_value_edit")
    assert float(edit.text()) == c.cell.weight_hh[5, 2]
    edit.selectAll()
    qtbot.keyClicks(edit, "1.25")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert c.cell.weight_hh[5, 2] == 1.25
    np.testing.assert_allclose(c.trace.h, _h_of(c), atol=1e-12)
    assert editor.image_for("weight_hh", "f").image[1, 2] == 1.25
    assert c.undo_stack.count() == 1
    c.undo_stack.undo()
    assert c.cell.weight_hh[5, 2] != 1.25
    assert float(edit.text()) == c.cell.weight_hh[5, 2]


@pytest.mark.parametrize("text", ["abc", "nan", "inf", ""])
def test_invalid_text_is_refused(editor, text):
    c = editor.controller
    editor.select("bias_hh", (6,))
    before = c.cell.bias_hh.copy()
    assert not editor.set_value_text(text)
    np.testing.assert_array_equal(c.cell.bias_hh, before)
    assert c.undo_stack.count() == 0
    assert "number" in editor.hint.text()


def test_typing_letters_in_the_box_is_refused(editor, qtbot):
    editor.select("weight_ih", (0, 0))
    edit = editor.value_edit
    old = edit.text()
    edit.selectAll()
    with qtbot.waitSignal(editor.message):
        qtbot.keyClicks(edit, "abc")
    assert edit.text() == old
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert editor.controller.undo_stack.count() == 0


def test_bias_selection_label(editor):
    editor.select("bias_ih", (5,))
    assert editor.where.text().startswith("bias_ih[5] (b_if, unit 1)")
    assert editor.selected() == ("bias_ih", (5,), "b_if")


def test_a_drag_is_one_undo_step(editor, qtbot):
    c = editor.controller
    block = editor.canvas("weight_hh").blocks[1]
    start, level = float(c.cell.weight_hh[5, 2]), editor.level
    editor.drag_started(block, 1, 2)
    for pixels in (5, 10, 20, 40):
        editor.drag_moved(pixels)
    editor.drag_finished()
    assert c.cell.weight_hh[5, 2] == pytest.approx(start + 40 * level / 100, abs=1e-6)
    assert c.undo_stack.count() == 1
    qtbot.waitUntil(lambda: not c.settling, timeout=5000)  # the rows settle between frames
    np.testing.assert_allclose(c.trace.h, _h_of(c), atol=1e-12)
    c.undo_stack.undo()
    assert c.cell.weight_hh[5, 2] == start


def test_a_real_mouse_drag_is_one_undo_step(editor, qtbot):
    c = editor.controller
    editor.tabs.setCurrentIndex(1)  # "Recurrent weights"
    qtbot.wait(50)
    canvas = editor.canvas("weight_hh")
    image = editor.image_for("weight_hh", "f")
    scene_point = image.mapToScene(QPointF(2.5, 1.5))  # the centre of pixel (row 1, column 2)
    view_point = canvas.mapFromScene(scene_point)
    start = float(c.cell.weight_hh[5, 2])
    viewport = canvas.viewport()

    def send(kind, y_offset, buttons):
        pos = QPointF(view_point.x(), view_point.y() + y_offset)
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
        global_pos = viewport.mapToGlobal(pos)
        ev = QMouseEvent(kind, pos, global_pos, button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, ev)

    left = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, 0, left)
    for dy in (-5, -10, -20, -30):
        send(QEvent.Type.MouseMove, dy, left)
    send(QEvent.Type.MouseButtonRelease, -30, Qt.MouseButton.NoButton)
    assert editor.selected()[:2] == ("weight_hh", (5, 2))
    assert c.cell.weight_hh[5, 2] > start
    assert c.undo_stack.count() == 1
    c.undo_stack.undo()
    assert c.cell.weight_hh[5, 2] == start


def test_merged_set_parameter_and_slider_drag(editor):
    c = editor.controller
    for v in (0.1, 0.2, 0.3):
        c.set_parameter("weight_hh", (5, 2), v, merge_key="drag-1")
    assert c.undo_stack.count() == 1
    editor.select("weight_hh", (0, 0))
    slider = editor.findChild(QSlider, "weight_slider")
    slider.setSliderDown(True)
    editor._slider_pressed()
    for pos in (100, 300, 500):
        slider.setValue(pos)
    slider.setSliderDown(False)
    editor._slider_released()
    assert c.cell.weight_hh[0, 0] == pytest.approx(0.5 * editor.level, abs=1e-6)
    assert c.undo_stack.count() == 2


def test_block_actions_are_undoable(editor):
    c = editor.controller
    H = 4
    original = {k: v.copy() for k, v in c.cell.parameters().items()}
    editor.zero_block("weight_hh", "f")
    np.testing.assert_array_equal(c.cell.weight_hh[H:2 * H], 0.0)
    np.testing.assert_array_equal(editor.image_for("weight_hh", "f").image, 0.0)
    editor.scale_block("weight_ih", "i", 2.0)
    np.testing.assert_array_equal(c.cell.weight_ih[:H], 2.0 * original["weight_ih"][:H])
    editor.randomise_block("bias_ih", "o", seed=7)
    expected = np.random.default_rng(7).uniform(-0.5, 0.5, H)
    np.testing.assert_array_equal(c.cell.bias_ih[3 * H:], expected)
    np.testing.assert_array_equal(c.cell.bias_ih[:3 * H], original["bias_ih"][:3 * H])
    assert editor.seed_spin.value() == 8
    np.testing.assert_allclose(c.trace.h, _h_of(c), atol=1e-12)
    assert c.undo_stack.count() == 3
    for _ in range(3):
        c.undo_stack.undo()
    for name, value in original.items():
        np.testing.assert_array_equal(c.cell.parameters()[name], value)


def test_rebuild_on_cell_change_clears_a_weight_that_is_gone(editor, qtbot):
    c = editor.controller
    editor.select("weight_hh", (5, 2))  # W_hf, unit 1, from h 2: a GRU has no forget gate
    gru = Session(cell=make_cell("gru", 1, 4, seed=3), inputs=c.trace.x.copy())
    c.replace_session(gru, "Change to GRU")
    assert [b.gate for b in editor.canvas("weight_hh").blocks] == ["r", "z", "n"]
    np.testing.assert_array_equal(editor.image_for("weight_hh", "z").image, c.cell.weight_hh[4:8])
    assert editor.selected() is None
    assert editor.value_edit.text() == "" and not editor.value_edit.isEnabled()
    assert "W_hf" not in editor.where.text() and "weight_hh" not in editor.where.text()
    c.undo_stack.undo()
    assert [b.gate for b in editor.canvas("weight_hh").blocks] == ["i", "f", "g", "o"]


def test_shrinking_the_hidden_size_keeps_or_clears_the_selection(editor):
    c = editor.controller

    def shrink_to(H: int) -> None:
        c.replace_session(Session(cell=make_cell("lstm", 1, H, seed=3), inputs=c.trace.x.copy()), "Resize")

    editor.select("weight_hh", (4 + 1, 1))  # W_hf[unit 1, from h 1]: still there with two units
    shrink_to(2)
    assert editor.selected() == ("weight_hh", (2 + 1, 1), "W_hf")  # the same gate, unit and column
    assert float(editor.value_edit.text()) == c.cell.weight_hh[3, 1]
    c.undo_stack.undo()
    editor.select("weight_hh", (4 + 3, 2))  # unit 3 does not exist with two units
    shrink_to(2)
    assert editor.selected() is None and editor.value_edit.text() == ""


def test_import_button_emits(editor, qtbot):
    with qtbot.waitSignal(editor.import_requested):
        editor.import_button.click()
