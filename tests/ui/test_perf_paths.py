"""The fast paths stay exact: partial repaints, pooled heatmaps, fast levels and coalesced weight drags."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

from simulator import make_cell
from simulator.core.simulation import run
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.common import colormaps as cm
from ui.widgets.inputs.inputs_model import InputsModel
from ui.widgets.timeline.timeline import Timeline

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()


def _controller(hidden: int = 4, steps: int = 60) -> Controller:
    cell = make_cell("lstm", 2, hidden, seed=2)
    x = np.random.default_rng(3).normal(size=(steps, 2))
    return Controller(Session(cell=cell, inputs=x))


def test_a_step_repaints_only_the_old_and_new_rows_of_the_inputs_table(qtbot):
    controller = _controller()
    model = InputsModel(controller)
    changed = []
    model.dataChanged.connect(lambda a, b, _r=(): changed.append((a.row(), b.row(), a.column(), b.column())))
    controller.seek(10)
    controller.seek(11)
    assert sorted(changed) == [(0, 0, 0, 1), (10, 10, 0, 1), (10, 10, 0, 1), (11, 11, 0, 1)]
    controller.undo_stack.clear()


def test_an_edit_at_step_9000_re_derives_only_the_columns_after_it(shown):
    controller = _controller(hidden=8, steps=10_000)
    widget = shown(Timeline(controller), 800, 500)
    QCoreApplication.processEvents()  # the layout settles: the columns follow the plots' final width
    view = widget.plots["f"].getViewBox().viewRange()[0]
    before = {name: (map_.values.copy(), map_.image.renders) for name, map_ in widget.heatmaps.items()}
    levels = {name: heatmap.levels for name, heatmap in widget.heatmaps.items()}
    controller.set_inputs(9_000, [[2.0, -2.0]])
    QCoreApplication.processEvents()  # paint
    trace = controller.trace
    arrays = {**trace.gates, "h": trace.h, "c": trace.c}
    for name, heatmap in widget.heatmaps.items():
        width = heatmap.window.width
        assert 1 < width < 10_000 / 400  # the whole sequence pooled to about a column per pixel
        first = 9_000 // width - heatmap.first  # the column holding step 9,000
        values, renders = before[name]
        np.testing.assert_array_equal(heatmap.values[:first], values[:first], err_msg=name)  # untouched
        assert not np.array_equal(heatmap.values[first:], values[first:]), name
        _, fresh = widget.pyramids[name].columns(arrays[name], 0, 10_000, width)
        np.testing.assert_array_equal(heatmap.values, fresh, err_msg=name)
        assert heatmap.image.renders == renders + 1 + (heatmap.levels != levels[name]), name
    assert widget.plots["f"].getViewBox().viewRange()[0] == view  # an edit keeps the zoom
    controller.undo_stack.clear()


def test_symmetric_levels_ignore_nan_and_inf():
    assert cm.symmetric_levels(np.array([[0.2, -0.5]])) == (-1.0, 1.0)
    assert cm.symmetric_levels(np.array([[1.3, -2.2]])) == (-2.5, 2.5)
    assert cm.symmetric_levels(np.array([np.nan, 3.2, -np.inf])) == (-3.5, 3.5)
    assert cm.symmetric_levels(np.array([np.nan, np.inf])) == (-1.0, 1.0)
    assert cm.symmetric_levels(None) == (-1.0, 1.0)
    assert cm.rounded_levels(1.7e308) == (-1.7e308, 1.7e308)  # rounding up would overflow: kept as is
    assert cm.rounded_levels(1.2e308) == (-1.5e308, 1.5e308)


def _fresh(controller: Controller):
    """The trace of a fresh run with the controller's current weights."""
    trace = controller.simulation.trace
    return run(controller.cell, trace.x, {"h": trace.h0, "c": trace.c0})


def test_a_weight_drag_settles_between_event_loop_passes(qtbot):
    controller = _controller(steps=200)
    recomputes = []
    controller.trace_changed.connect(recomputes.append)
    for value in np.linspace(0.1, 0.9, 5):
        controller.set_parameter("weight_hh", (1, 0), value, merge_key="drag")
    assert recomputes == [] and controller.settling  # nothing recomputed in the move itself
    qtbot.waitUntil(lambda: not controller.settling, timeout=5000)
    assert recomputes == [0]  # one redraw of the whole trace, when it is final
    np.testing.assert_array_equal(controller.trace.h, _fresh(controller).h)
    assert controller.cell.weight_hh[1, 0] == 0.9 and controller.undo_stack.count() == 1
    controller.undo_stack.undo()  # undo is immediate
    assert recomputes == [0, 0] and controller.cell.weight_hh[1, 0] != 0.9 and not controller.settling
    controller.set_parameter("weight_hh", (1, 0), 0.5)  # a typed value is immediate too
    assert recomputes == [0, 0, 0]
    controller.undo_stack.clear()


def test_the_cursor_moves_without_leaving_a_trail(shown):
    """After stepping, the window's backing store shows the cursor at the new step only."""
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    controller = _controller(hidden=8, steps=400)
    widget = shown(Timeline(controller), 700, 420)
    for step in (50, 120, 121, 300):
        controller.seek(step)
        QApplication.processEvents()
    image = QApplication.primaryScreen().grabWindow(widget.winId()).toImage()
    vb = widget.plots["f"].getViewBox()
    cursor = widget.view.pen.color().name()

    def color_at(step: int) -> str:
        point = widget.view.mapTo(widget, widget.view.mapFromScene(vb.mapViewToScene(QPointF(step, 4))))
        return image.pixelColor(point.x(), point.y()).name()

    assert color_at(300) == cursor
    assert all(color_at(step) != cursor for step in (50, 120, 121))
    assert [line.value() for line in widget.cursors] == [300.0] * len(widget.cursors)
    controller.undo_stack.clear()


def test_level_fractions_near_the_float_maximum_do_not_overflow():
    big = 1.7e308
    fractions = cm.level_fraction([-big, 0.0, big, 0.85e308], (-big, big))
    np.testing.assert_allclose(fractions, [0, 0.5, 1, 0.75], rtol=1e-15, atol=0)
    values = np.array([-2.2, 0.0, 0.7, 3.1])
    plain = (values - (-2.5)) / (2.5 - (-2.5))
    np.testing.assert_array_equal(cm.level_fraction(values, (-2.5, 2.5)), plain)  # bit for bit elsewhere


def test_a_heatmap_coloured_on_levels_beyond_float32_keeps_its_colours():
    from ui.widgets.timeline.timeline_heatmap import colorize

    table = np.zeros((256, 4), np.uint8)
    table[:, 0] = np.arange(256)
    values = np.array([[-np.inf, -1e38, 0.0, 1e38, np.inf]], dtype=np.float32)  # 1e38 ≪ 1e300: the middle
    with np.errstate(all="raise"):
        rgba = colorize(values, (-1e300, 1e300), table)
    np.testing.assert_array_equal(rgba[0, :, 0], [0, 128, 128, 128, 255])
