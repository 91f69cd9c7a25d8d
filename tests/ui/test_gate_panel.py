"""The gate panel shows every unit of every gate and state at the current step, on fixed scales."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from simulator import make_cell
from simulator.document.session import Session
from ui.widgets.gates.gate_panel import STRIP_THRESHOLD, GatePanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()




@pytest.fixture
def panel(random_controller, shown):
    return shown(GatePanel(random_controller(steps=30)), 400, 500)


def _assert_bars_match(widget: GatePanel) -> None:
    row = widget.controller.trace.row(widget.controller.step)
    for name, r in widget.rows.items():
        np.testing.assert_array_equal(r.values, row[name], err_msg=name)


def test_rows_follow_the_cell_kind(qtbot, random_controller):
    for kind, names in (("lstm", "ifgoch"), ("gru", "rznh"), ("rnn", "h")):
        widget = GatePanel(random_controller(kind))
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
    rect = panel.rows["f"].rect
    assert panel.rows["f"].y_of(0.0) == rect.bottom() and panel.rows["f"].y_of(1.0) == rect.top()
    assert panel.rows["g"].y_of(0.0) == pytest.approx(panel.rows["g"].rect.center().y())


def test_an_input_edit_updates_the_bars(panel):
    panel.controller.seek(5)
    before = panel.rows["h"].values.copy()
    panel.controller.set_inputs(0, np.full((6, 2), 3.0))
    _assert_bars_match(panel)
    assert not np.array_equal(before, panel.rows["h"].values)


def test_clicking_a_bar_selects_its_unit(panel, qtbot):
    pos = panel.unit_center("f", 2).toPoint()
    assert panel.unit_at(QPointF(pos)) == ("f", 2)
    qtbot.mouseClick(panel, Qt.MouseButton.LeftButton, pos=pos)
    assert panel.controller.selected_unit == 2


def test_many_units_become_colour_strips(qtbot, random_controller):
    controller = random_controller("gru", hidden=STRIP_THRESHOLD + 36, steps=10)
    widget = GatePanel(controller)
    qtbot.addWidget(widget)
    controller.seek(7)
    assert widget.strips
    np.testing.assert_array_equal(widget.rows["z"].values, controller.trace.gates["z"][7])
    assert widget.rows["z"].levels == (0.0, 1.0)
    widget.resize(400, 300)
    assert not widget.grab().isNull()  # the strips paint


def test_a_new_cell_rebuilds_the_rows(panel):
    session = Session(cell=make_cell("gru", 2, 3, seed=1), inputs=np.ones((8, 2)))
    panel.controller.load_session(session)
    assert "".join(panel.rows) == "rznh"
    _assert_bars_match(panel)


def _pixel(image, point: QPointF) -> int:
    return image.pixelColor(int(point.x()), int(point.y())).rgb()


def test_the_painted_bars_show_the_values(panel):
    """A bar is painted from the level's baseline to its value: inside it the bar colour, above it not."""
    panel.controller.seek(3)
    image = panel.grab().toImage()
    ratio = image.devicePixelRatio()
    row = panel.rows["f"]
    for unit, value in enumerate(panel.controller.trace.gates["f"][3]):
        x = panel.unit_center("f", unit).x() + 0.3 * (row.rect.width() / len(row.values)) * 0.5
        inside = QPointF(x, (float(row.y_of(value)) + row.rect.bottom()) / 2) * ratio
        above = QPointF(x, float(row.y_of(value)) - 3) * ratio
        colors = {c.rgb() for c in row.colors}
        if row.rect.bottom() - row.y_of(value) > 6:
            assert _pixel(image, inside) in colors, unit
        if row.y_of(value) - row.rect.top() > 6:
            assert _pixel(image, above) not in colors, unit


def test_a_step_repaints_only_the_bar_areas(panel, qtbot):
    """Labels and scales come from a cached pixmap: a step neither re-renders them nor the label column."""
    panel.grab()
    static = panel._static
    regions = []
    panel.update = lambda rect=None: regions.append(rect)  # record what a step asks to repaint
    panel.controller.step_forward()
    assert panel._static is static
    assert regions and all(r is not None and r.left() >= panel.rows["h"].rect.left() - 1 for r in regions)
