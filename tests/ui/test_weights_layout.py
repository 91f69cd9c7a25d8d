"""The weights editor fits a narrow side column: blocks in a grid, controls in more rows."""

from __future__ import annotations

import numpy as np
import pytest

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.weights.weights_editor import WeightsEditor
from ui.widgets.weights.weights_view import columns_for

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def editor_for(qtbot, kind: str, width: int, height: int = 420) -> WeightsEditor:
    cell = make_cell(kind, 1, 4, seed=0)
    widget = WeightsEditor(Controller(Session(cell=cell, inputs=np.zeros((10, 1)))))
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_columns_for_prefers_balanced_grids():
    assert columns_for(4, 1000) == 4
    assert columns_for(4, 450) == 2
    assert columns_for(4, 200) == 1
    assert columns_for(3, 560) == 3
    assert columns_for(3, 420) == 2
    assert columns_for(1, 300) == 1


def test_editor_fits_a_side_column_without_scrolling(qtbot):
    widget = editor_for(qtbot, "lstm", 440)
    assert widget.minimumSizeHint().width() <= 440
    assert widget.controls.wide is False
    canvas = widget.canvases["weight_ih"]
    assert canvas.columns == 2  # the LSTM's four gate blocks as 2 × 2
    controls = (widget.value_edit, widget.slider, widget.zero_button, widget.seed_spin, widget.range_spin)
    for control in controls:
        right = control.mapTo(widget, control.rect().topRight()).x()
        assert right <= widget.width(), control.objectName()
    rows = {round(widget.canvases["weight_ih"].plots[k].pos().y()) for k in range(4)}
    assert len(rows) == 2


def test_wide_editor_puts_blocks_in_a_row_and_keeps_working(qtbot):
    widget = editor_for(qtbot, "lstm", 1100)
    assert widget.controls.wide is True
    assert widget.canvases["weight_ih"].columns == 4
    widget.resize(440, 420)
    qtbot.waitUntil(lambda: widget.canvases["weight_ih"].columns == 2)
    assert widget.controls.wide is False
    cell = widget.controller.cell
    widget.select("weight_ih", (5, 0))  # the forget gate's unit 1, in the rebuilt grid
    assert widget.set_value_text("0.75")
    assert cell.weight_ih[5, 0] == 0.75
    np.testing.assert_array_equal(widget.image_for("weight_ih", "f").image, cell.weight_ih[4:8])


def test_cell_numbers_hide_when_cells_are_too_small(qtbot):
    widget = editor_for(qtbot, "rnn", 700, 520)
    canvas = widget.canvases["weight_ih"]
    assert all(item.isVisible() for item in canvas.texts[0])
    widget.resize(700, 240)
    qtbot.waitUntil(lambda: not any(item.isVisible() for item in canvas.texts[0]))
