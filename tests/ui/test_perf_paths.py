"""The fast paths stay exact: partial repaints, tiled heatmaps, fast levels and coalesced weight drags."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

from simulator import make_cell
from simulator.session import Session
from simulator.simulation import run
from ui.controller import Controller
from ui.widgets import colormaps as cm
from ui.widgets.inputs_model import InputsModel
from ui.widgets.timeline import Timeline
from ui.widgets.timeline_tiles import TILE

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


def test_an_edit_at_step_9000_re_renders_only_the_last_tiles(qtbot):
    controller = _controller(hidden=8, steps=10_000)
    widget = Timeline(controller)
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.plots["f"].getViewBox().viewRange()[0]
    before = {name: list(image.rendered) for name, image in widget.images.items()}
    levels = {name: image.levels for name, image in widget.images.items()}
    controller.set_inputs(9_000, [[2.0, -2.0]])
    first = 9_000 // TILE
    trace = controller.trace
    arrays = {**trace.gates, "h": trace.h, "c": trace.c}
    for name, image in widget.images.items():
        assert len(image.tiles) == -(-10_000 // TILE)
        np.testing.assert_array_equal(image.image, arrays[name].astype(np.float32), err_msg=name)
        for k, tile in enumerate(image.tiles):  # every tile shows exactly its slice of the trace
            part = arrays[name][k * TILE:(k + 1) * TILE]
            np.testing.assert_array_equal(tile.image, part.astype(np.float32))
        grown = [after - b for after, b in zip(image.rendered, before[name], strict=True)]
        if image.levels != levels[name]:  # c's scale grew: every tile is re-coloured
            assert grown == [1] * len(grown), name
            continue
        assert grown[:first] == [0] * first, name  # earlier tiles untouched
        assert grown[first:] == [1] * (len(grown) - first), name
    assert widget.plots["f"].getViewBox().viewRange()[0] == view  # an edit keeps the zoom
    controller.undo_stack.clear()


def test_symmetric_levels_ignore_nan_and_inf():
    assert cm.symmetric_levels(np.array([[0.2, -0.5]])) == (-1.0, 1.0)
    assert cm.symmetric_levels(np.array([[1.3, -2.2]])) == (-2.5, 2.5)
    assert cm.symmetric_levels(np.array([np.nan, 3.2, -np.inf])) == (-3.5, 3.5)
    assert cm.symmetric_levels(np.array([np.nan, np.inf])) == (-1.0, 1.0)
    assert cm.symmetric_levels(None) == (-1.0, 1.0)


def _fresh(controller: Controller):
    """The trace of a fresh run with the controller's current weights."""
    trace = controller.simulation.trace
    return run(controller.cell, trace.x, {"h": trace.h0, "c": trace.c0})


def test_a_weight_drag_recomputes_once_per_event_loop_pass(qtbot):
    controller = _controller(steps=200)
    recomputes = []
    controller.trace_changed.connect(recomputes.append)
    for k, value in enumerate(np.linspace(0.1, 0.9, 5)):
        controller.set_parameter("weight_hh", (1, 0), value, merge_key="drag")
        if k == 2:  # a reader in the middle of the drag sees a trace consistent with the weights
            np.testing.assert_array_equal(controller.trace.h, _fresh(controller).h)
    assert recomputes == []  # nothing recomputed and signalled yet: one pass of the loop does it
    QCoreApplication.processEvents()
    assert recomputes == [0]
    np.testing.assert_array_equal(controller.trace.h, _fresh(controller).h)
    assert controller.cell.weight_hh[1, 0] == 0.9 and controller.undo_stack.count() == 1
    controller.undo_stack.undo()  # undo is immediate
    assert recomputes == [0, 0] and controller.cell.weight_hh[1, 0] != 0.9
    controller.set_parameter("weight_hh", (1, 0), 0.5)  # a typed value is immediate too
    assert recomputes == [0, 0, 0]
    controller.undo_stack.clear()


def test_the_cursor_moves_without_leaving_a_trail(qtbot):
    """After stepping, the window's backing store shows the cursor at the new step only."""
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    controller = _controller(hidden=8, steps=400)
    widget = Timeline(controller)
    qtbot.addWidget(widget)
    widget.resize(700, 420)
    widget.show()
    qtbot.waitExposed(widget)
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
