"""The timeline on long traces: about one column per pixel, each the most extreme of its steps; exact
steps when zoomed in; the wheel, pans, edits, inserts, deletes, a new cell and a new palette."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication

from simulator import make_cell
from simulator.document.session import Session
from ui.widgets.timeline.timeline import LINES_HEIGHT, Timeline
from ui.widgets.timeline.timeline_heatmap import NAN_RGBA

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()

F32 = np.float32


@pytest.fixture
def long_timeline(random_controller, shown):
    widget = shown(Timeline(random_controller(steps=20_000)), 800, 500)
    QApplication.processEvents()  # the layout settles
    return widget


def _settle(widget: Timeline) -> None:
    """Deliver the zoom's deferred update and paint."""
    for _ in range(3):
        QApplication.processEvents()


def _zoom(widget: Timeline, x0: float, x1: float) -> None:
    widget.plots["i"].setXRange(x0, x1, padding=0.0)
    _settle(widget)


def _extremes(values: np.ndarray, width: int, neutral: float) -> np.ndarray:
    """Per column of ``width`` steps, the |value − neutral| of its most extreme step (float32)."""
    steps = values.astype(F32)
    pad = np.full((-(-len(steps) // width) * width - len(steps), steps.shape[1]), neutral, F32)
    return np.abs(np.vstack([steps, pad]).reshape(-1, width, steps.shape[1]) - F32(neutral)).max(axis=1)


def test_the_whole_sequence_is_about_one_column_per_pixel(long_timeline):
    trace = long_timeline.controller.trace
    pixels = long_timeline.plots["f"].getViewBox().width()
    for name, neutral in (("f", 0.5), ("g", 0.0), ("c", 0.0)):
        heatmap = long_timeline.heatmaps[name]
        width = heatmap.window.width
        assert 20_000 / pixels <= width < 2 * 20_000 / pixels
        assert pixels / 2 <= heatmap.values.shape[0] <= pixels  # every column at least a pixel wide
        shown = np.abs(heatmap.values - F32(neutral))
        np.testing.assert_array_equal(shown, _extremes(trace.gates.get(name, trace.c), width, neutral))


def test_one_forget_gate_dip_and_one_input_write_stay_visible(long_timeline):
    trace = long_timeline.controller.trace
    trace.gates["f"][12_345, 2] = 0.0  # as if the engine wrote them: one step in 20,000
    trace.gates["i"][17_000, 1] = 1.0
    long_timeline.set_trace(12_345)
    f, i = long_timeline.heatmaps["f"], long_timeline.heatmaps["i"]
    column = 12_345 // f.window.width - f.first
    assert f.values[column, 2] == 0.0 and np.count_nonzero(f.values[:, 2] == 0.0) == 1
    assert i.values[17_000 // i.window.width - i.first, 1] == 1.0
    assert tuple(f.rgba[column, 2]) == tuple(f.table[0])  # drawn in the colour of 0
    assert "most extreme of the" in long_timeline.view.toolTip()


def test_zooming_in_shows_the_exact_steps_and_panning_follows(long_timeline):
    trace = long_timeline.controller.trace
    _zoom(long_timeline, 999.5, 1199.5)
    h = long_timeline.heatmaps["h"]
    assert h.window[:3] == (1000, 1200, 1) and h.first == 1000
    np.testing.assert_array_equal(h.values, trace.h[1000:1200].astype(F32))
    x, y = long_timeline.curves["h"].getData()
    np.testing.assert_array_equal(x, np.arange(1000, 1200))
    np.testing.assert_array_equal(y, trace.h[1000:1200, 0])
    assert "most extreme" not in long_timeline.view.toolTip()
    _zoom(long_timeline, 5_049.5, 5_249.5)  # a pan
    assert h.first == 5_050
    np.testing.assert_array_equal(h.values, trace.h[5_050:5_250].astype(F32))
    _zoom(long_timeline, -0.5, 19_999.5)
    assert h.window.width > 1 and h.first == 0


def _wheel(widget: Timeline, notches: int) -> None:
    vb = widget.plots["g"].getViewBox()
    pos = QPointF(widget.view.mapFromScene(vb.sceneBoundingRect().center()))
    QApplication.sendEvent(widget.view.viewport(), QWheelEvent(
        pos, QPointF(widget.view.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))


def test_the_wheel_zooms_and_each_image_is_derived_once_a_frame(long_timeline):
    heatmaps = long_timeline.heatmaps.values()
    width = max(heatmap.window.width for heatmap in heatmaps)
    renders = [heatmap.image.renders for heatmap in heatmaps]
    for _ in range(3):  # three notches in one frame
        _wheel(long_timeline, 1)
    assert long_timeline._view_timer.isActive()  # the images wait for the frame
    _settle(long_timeline)
    assert max(heatmap.window.width for heatmap in heatmaps) < width  # finer: fewer steps a column
    assert [heatmap.image.renders for heatmap in heatmaps] == [n + 1 for n in renders]


def test_an_edit_re_renders_only_images_that_show_it(long_timeline):
    controller = long_timeline.controller
    _zoom(long_timeline, -0.5, 2_999.5)
    before = {name: (h.values.copy(), h.image.renders) for name, h in long_timeline.heatmaps.items()}
    controller.set_inputs(15_000, [[1.5, 1.5]])  # off screen
    _settle(long_timeline)
    for name, heatmap in long_timeline.heatmaps.items():
        assert heatmap.image.renders == before[name][1], name
        np.testing.assert_array_equal(heatmap.values, before[name][0])
    controller.set_inputs(2_000, [[-3.0, 3.0]])  # on screen: from its column on
    _settle(long_timeline)
    arrays = {**controller.trace.gates, "h": controller.trace.h, "c": controller.trace.c}
    for name, heatmap in long_timeline.heatmaps.items():
        width = heatmap.window.width
        column = 2_000 // width - heatmap.first
        np.testing.assert_array_equal(heatmap.values[:column], before[name][0][:column])
        assert heatmap.image.renders == before[name][1] + 1, name  # a new scale of c recolours in the same
        _, fresh = long_timeline.pyramids[name].columns(arrays[name], 0, 3_000, width)
        np.testing.assert_array_equal(heatmap.values, fresh)


def test_the_lines_are_the_min_and_max_of_each_column(long_timeline):
    long_timeline.controller.set_selected_unit(3)
    trace = long_timeline.controller.trace
    width = long_timeline.heatmaps["o"].window.width
    for name in ("o", "c", "h"):
        x, y = long_timeline.curves[name].getData()
        values = (trace.c if name == "c" else trace.h if name == "h" else trace.gates[name])[:, 3].astype(F32)
        columns = np.split(values, np.arange(width, len(values), width))
        pairs = y.reshape(-1, 2)
        np.testing.assert_array_equal(pairs.min(axis=1), [c.min() for c in columns], err_msg=name)
        np.testing.assert_array_equal(pairs.max(axis=1), [c.max() for c in columns], err_msg=name)
        middles = [(k * width + min((k + 1) * width, len(values)) - 1) / 2 for k in range(len(columns))]
        np.testing.assert_array_equal(x, np.repeat(middles, 2))


def test_inserting_and_deleting_steps_show_the_new_length(random_controller, shown):
    controller = random_controller(steps=300)
    widget = shown(Timeline(controller), 800, 500)
    controller.insert_inputs(100, np.full((50, 2), 2.0))
    assert controller.length == 350
    assert widget.plots["f"].getViewBox().viewRange()[0] == pytest.approx([-0.5, 349.5])
    np.testing.assert_array_equal(widget.heatmaps["f"].values, controller.trace.gates["f"].astype(F32))
    controller.delete_inputs(0, 200)
    assert widget.heatmaps["c"].window[:2] == (0, 150)
    np.testing.assert_array_equal(widget.heatmaps["c"].values, controller.trace.c.astype(F32))
    fresh = Timeline(controller)  # the pyramids kept from the edit equal new ones
    for name, pyramid in widget.pyramids.items():
        assert pyramid.length == 150
        for mine, new in zip(pyramid.levels, fresh.pyramids[name].levels, strict=True):
            np.testing.assert_array_equal(mine, new)
    fresh.deleteLater()


def test_another_kind_of_cell_rebuilds_the_rows(random_controller, shown):
    controller = random_controller(steps=5_000)
    widget = shown(Timeline(controller), 800, 500)
    _zoom(widget, 99.5, 199.5)
    gru = Session(cell=make_cell("gru", 2, 6, seed=4), inputs=np.random.default_rng(4).normal(size=(400, 2)))
    controller.load_session(gru)
    assert list(widget.heatmaps) == list("rznh") and set(widget.pyramids) == set("rznh")
    assert widget.plots["r"].getViewBox().viewRange()[0] == pytest.approx([-0.5, 399.5])  # all of it
    for name in "rzn":
        np.testing.assert_array_equal(widget.heatmaps[name].values, controller.trace.gates[name].astype(F32))
    assert widget.heatmaps["h"].values.shape == (400, 6)


def test_a_new_palette_recolours_and_keeps_the_zoom_and_the_pyramids(long_timeline):
    _zoom(long_timeline, 99.5, 499.5)
    pyramids = dict(long_timeline.pyramids)
    light = {name: h.rgba.copy() for name, h in long_timeline.heatmaps.items()}
    palette = QPalette(long_timeline.palette())
    for role, color in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#17181a"),
                        (QPalette.ColorRole.Text, "#e8eaed")):
        palette.setColor(role, QColor(color))
    long_timeline.setPalette(palette)
    _settle(long_timeline)
    assert long_timeline.pyramids == pyramids  # the same objects: nothing pooled again
    assert long_timeline.plots["i"].getViewBox().viewRange()[0] == pytest.approx([99.5, 499.5])
    assert long_timeline.view.pen.color() == QColor("#ffcc00")
    for name, heatmap in long_timeline.heatmaps.items():
        assert heatmap.window[:2] == (100, 500)
        assert not np.array_equal(heatmap.rgba, light[name]), name  # the dark maps
    assert "#e8eaed" in long_timeline.legend.text


def test_an_overflowing_relu_rnn_draws_nan_grey_without_warnings(shown):
    from ui.document.controller import Controller

    cell = make_cell("rnn", 1, 4, seed=0, nonlinearity="relu")
    cell.weight_hh[:] = np.abs(cell.weight_hh) * 1000 + 1  # inf near step 100 …
    cell.weight_hh[0, 1] *= -1  # … and inf − inf = NaN in unit 0
    cell.weight_ih[:] = 1
    controller = Controller(Session(cell=cell, inputs=np.ones((160, 1))))
    widget = shown(Timeline(controller), 600, 300)
    h = controller.trace.h
    assert np.isnan(h).any() and np.isinf(h).any()
    heatmap = widget.heatmaps["h"]
    np.testing.assert_array_equal(np.isnan(heatmap.values), np.isnan(h))
    assert (heatmap.rgba[np.isnan(h)] == NAN_RGBA).all()
    assert np.isfinite(heatmap.levels).all()
    widget.grab()  # paints


def test_a_thousand_units_are_pooled_to_the_pixel_rows(random_controller, shown):
    controller = random_controller("rnn", hidden=1024, steps=40)
    widget = shown(Timeline(controller), 800, 500)
    _settle(widget)
    heatmap = widget.heatmaps["h"]
    group = heatmap.unit_group
    assert group == -(-1024 // heatmap.window.rows) > 1 and heatmap.values.shape == (40, -(-1024 // group))
    controller.trace.h[5, 700] = -1.0  # the farthest a tanh state goes
    widget.set_trace(5)
    assert heatmap.values[5, 700 // group] == -1.0


def test_one_step_and_one_unit(random_controller, shown):
    controller = random_controller("rnn", hidden=1, steps=1)
    widget = shown(Timeline(controller), 500, 300)
    np.testing.assert_array_equal(widget.heatmaps["h"].values, controller.trace.h.astype(F32))
    assert widget.curves["h"].getData()[1].tolist() == [controller.trace.h[0, 0]]


def test_the_legend_fits_its_row_in_a_1280_by_800_window(window, qtbot):
    window.resize(1280, 800)
    qtbot.wait(50)
    timeline = window.timeline
    legend, plot = timeline.legend, timeline.line_plot
    assert legend.item.boundingRect().height() <= legend.geometry().height()  # every line colour shows …
    assert legend.sceneBoundingRect().bottom() <= timeline.view.viewport().height() + 0.5  # … inside the view
    assert plot.getViewBox().height() >= LINES_HEIGHT - 1
    bottom = plot.getAxis("bottom").sceneBoundingRect().bottom()
    assert bottom <= timeline.view.viewport().height() + 0.5  # the step axis is not cut off
    assert legend.text.count("━") == len(timeline.curves) == 6
