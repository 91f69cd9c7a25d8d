"""The gate panel shows every unit of every gate and state at the current step, on fixed scales."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt

from simulator import make_cell
from simulator.session import Session
from ui.controller import Controller
from ui.widgets.gate_panel import STRIP_THRESHOLD, GatePanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()


def _controller(kind: str = "lstm", hidden: int = 4, steps: int = 30) -> Controller:
    cell = make_cell(kind, 2, hidden, seed=5)
    x = np.random.default_rng(0).normal(size=(steps, 2)) * 2.0
    return Controller(Session(cell=cell, inputs=x))


@pytest.fixture
def panel(qtbot):
    controller = _controller()
    widget = GatePanel(controller)
    qtbot.addWidget(widget)
    widget.resize(400, 500)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    controller.undo_stack.clear()  # a non-empty stack emits cleanChanged while the controller is destroyed


def _assert_bars_match(widget: GatePanel) -> None:
    row = widget.controller.trace.row(widget.controller.step)
    for name, r in widget.rows.items():
        np.testing.assert_array_equal(r.item.opts["height"], row[name], err_msg=name)


def test_rows_follow_the_cell_kind(qtbot):
    for kind, names in (("lstm", "ifgoch"), ("gru", "rznh"), ("rnn", "h")):
        widget = GatePanel(_controller(kind))
        qtbot.addWidget(widget)
        assert "".join(widget.rows) == names


def test_bar_heights_equal_the_trace_and_follow_seek(panel):
    _assert_bars_match(panel)
    panel.controller.seek(17)
    _assert_bars_match(panel)
    panel.controller.step_forward()
    assert panel.controller.step == 18
    _assert_bars_match(panel)


def test_scales_are_fixed(panel):
    trace = panel.controller.trace
    assert panel.rows["f"].levels == (0.0, 1.0)
    assert panel.rows["g"].levels == (-1.0, 1.0)
    assert panel.rows["h"].levels == (-1.0, 1.0)
    lo, hi = panel.rows["c"].levels
    assert lo == -hi and hi >= max(1.0, np.abs(trace.c).max())
    y_range = panel.rows["f"].plot.getViewBox().viewRange()[1]
    assert y_range[0] <= 0.0 and y_range[1] >= 1.0 and y_range[1] < 1.1


def test_an_input_edit_updates_the_bars(panel):
    panel.controller.seek(5)
    before = panel.rows["h"].item.opts["height"].copy()
    panel.controller.set_inputs(0, np.full((6, 2), 3.0))
    _assert_bars_match(panel)
    assert not np.array_equal(before, panel.rows["h"].item.opts["height"])


def test_clicking_a_bar_selects_its_unit(panel, qtbot):
    vb = panel.rows["f"].plot.getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(2.0, 0.5))
    pos = panel.view.mapFromScene(scene_pos)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert panel.controller.selected_unit == 2
    assert panel.highlights[0].getRegion() == (1.5, 2.5)


def test_many_units_become_colour_strips(qtbot):
    controller = _controller("gru", hidden=STRIP_THRESHOLD + 36, steps=10)
    widget = GatePanel(controller)
    qtbot.addWidget(widget)
    controller.seek(7)
    item = widget.rows["z"].item
    assert isinstance(item, pg.ImageItem)
    np.testing.assert_array_equal(item.image[:, 0], controller.trace.gates["z"][7])
    assert tuple(item.levels) == (0.0, 1.0)


def test_a_new_cell_rebuilds_the_rows(panel):
    session = Session(cell=make_cell("gru", 2, 3, seed=1), inputs=np.ones((8, 2)))
    panel.controller.load_session(session)
    assert "".join(panel.rows) == "rznh"
    _assert_bars_match(panel)
