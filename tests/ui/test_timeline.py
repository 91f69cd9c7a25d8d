"""The timeline: heatmaps equal the trace on fixed levels, the cursor follows the step, clicks seek.

Zoom, pooling and edits on long traces: test_timeline_zoom.py; pooled levels: test_timeline_pyramid.py.
"""

import time
from itertools import pairwise

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from ui.widgets.timeline.timeline import Timeline

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()




@pytest.fixture
def timeline(random_controller, shown):
    return shown(Timeline(random_controller(steps=60)), 800, 600)


def _arrays(trace):
    return {**trace.gates, "h": trace.h, **({"c": trace.c} if trace.c is not None else {})}


def test_images_equal_the_trace_on_fixed_levels(timeline):
    trace = timeline.controller.trace
    assert set(timeline.heatmaps) == set("ifgoch")
    for name, values in _arrays(trace).items():
        heatmap = timeline.heatmaps[name]
        assert heatmap.window.width == 1 and heatmap.first == 0  # 60 steps in 700 pixels: every step
        assert heatmap.values.shape == (trace.length, trace.hidden_size)  # x = step, y = unit
        np.testing.assert_array_equal(heatmap.values, values.astype(np.float32), err_msg=name)
    for name in "ifo":
        assert tuple(timeline.heatmaps[name].levels) == (0.0, 1.0)
    for name in "gh":
        assert tuple(timeline.heatmaps[name].levels) == (-1.0, 1.0)
    lo, hi = timeline.heatmaps["c"].levels
    assert lo == -hi and hi >= np.abs(trace.c).max()


def test_an_edit_resets_the_images(timeline):
    timeline.controller.set_inputs(10, np.full((5, 2), -4.0))
    h = timeline.controller.trace.h
    np.testing.assert_array_equal(timeline.heatmaps["h"].values, h.astype(np.float32))


def test_gru_and_rnn_rows(qtbot, random_controller):
    for kind, names in (("gru", "rznh"), ("rnn", "h")):
        widget = Timeline(random_controller(kind))
        qtbot.addWidget(widget)
        assert "".join(widget.heatmaps) == names


def test_the_cursor_follows_the_step(timeline):
    timeline.controller.seek(23)
    assert len(timeline.cursors) == 7  # six heatmaps and the line plot
    assert all(line.value() == 23 for line in timeline.cursors)
    timeline.controller.go_to_end()
    assert all(line.value() == timeline.controller.length - 1 for line in timeline.cursors)


def _click(widget: Timeline, qtbot, plot_name: str, step: float, y: float) -> None:
    vb = widget.plots[plot_name].getViewBox()
    pos = widget.view.mapFromScene(vb.mapViewToScene(QPointF(step, y)))
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_clicking_a_heatmap_or_the_lines_seeks(timeline, qtbot):
    _click(timeline, qtbot, "f", 31.2, 1.0)
    assert timeline.controller.step == 31
    _click(timeline, qtbot, "lines", 12.0, 0.0)
    assert timeline.controller.step == 12


def test_dragging_seeks_along(timeline, qtbot):
    vb = timeline.plots["c"].getViewBox()

    def at(step: float):
        return timeline.view.mapFromScene(vb.mapViewToScene(QPointF(step, 1.0)))

    viewport, seen = timeline.view.viewport(), []
    timeline.controller.step_changed.connect(seen.append)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at(5))
    for step in (8, 14, 20, 27):
        qtbot.wait(20)  # pyqtgraph drops moves that come faster than the screen refreshes
        qtbot.mouseMove(viewport, at(step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at(27))
    assert {14, 20, 27} <= set(seen) and timeline.controller.step == 27  # it followed the drag
    assert all(line.value() == 27 for line in timeline.cursors)


def test_the_selected_unit_lines(timeline):
    timeline.controller.set_selected_unit(2)
    trace = timeline.controller.trace
    for name, values in _arrays(trace).items():
        x, y = timeline.curves[name].getData()
        np.testing.assert_array_equal(y, values[:, 2], err_msg=name)
        np.testing.assert_array_equal(x, np.arange(trace.length))


def test_choosing_what_shows(timeline):
    timeline.buttons["g"].setChecked(False)
    assert "g" not in timeline.heatmaps and "g" in timeline.hidden and "g" not in timeline.pyramids
    timeline.buttons["lines"].setChecked(False)
    assert timeline.line_plot is None and timeline.curves == {} and len(timeline.cursors) == 5
    timeline.controller.set_inputs(20, [[3.0, -3.0]])  # while g is hidden
    timeline.buttons["g"].setChecked(True)
    np.testing.assert_array_equal(timeline.heatmaps["g"].values,
                                  timeline.controller.trace.gates["g"].astype(np.float32))


def test_a_step_only_moves_the_cursor_and_is_fast(random_controller, shown):
    controller = random_controller("lstm", hidden=64, steps=10_000)
    widget = shown(Timeline(controller), 800, 500)
    QApplication.processEvents()
    values = {name: heatmap.values for name, heatmap in widget.heatmaps.items()}
    renders = {name: heatmap.image.renders for name, heatmap in widget.heatmaps.items()}
    assert all(renders.values())  # every image was painted once
    times = []
    for t in range(1, 200):
        start = time.perf_counter()
        controller.seek(t)
        times.append(time.perf_counter() - start)
        QApplication.processEvents()  # the cursor strips repaint
    for name, heatmap in widget.heatmaps.items():
        assert heatmap.values is values[name], name  # nothing derived again
        assert heatmap.image.renders == renders[name], name  # and no image re-rendered
    assert widget.cursors[0].value() == 199
    assert np.median(times) < 0.002  # generous for CI; about 0.1 ms here


def test_colour_bar_labels_stay_within_their_own_bar(window, qtbot):
    from PySide6.QtGui import QImage, QPainter

    from ui.widgets.timeline.timeline_fit import bar_ticks

    timeline = window.findChild(Timeline, "timeline")
    window.grab()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for name, heatmap in timeline.heatmaps.items():
            axis = heatmap.bar.axis
            bounds = axis.mapRectFromParent(axis.geometry())
            texts = axis.generateDrawSpecs(painter)[2]
            _, pixels, line = heatmap.fitted
            assert len(texts) == len(bar_ticks(heatmap.levels, pixels, line)) >= 2, name  # none dropped
            tops = sorted(rect.top() for rect, _flags, _text in texts)
            assert all(b - a >= texts[0][0].height() - 0.5 for a, b in pairwise(tops)), name  # apart
            for rect, _flags, _text in texts:
                assert bounds.top() - 0.5 <= rect.top(), (name, rect)
                assert rect.bottom() <= bounds.bottom() + 0.5, (name, rect)
    finally:
        painter.end()
