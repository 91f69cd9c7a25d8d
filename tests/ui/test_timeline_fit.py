"""The timeline in a short window: unit and colour-bar labels thinned to what fits, nothing below the view."""

from itertools import pairwise

import pytest
from PySide6.QtGui import QImage, QPainter

from ui.widgets.timeline.timeline_fit import bar_ticks, fit_rows, unit_ticks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()


def test_unit_ticks_thin_to_what_fits():
    assert unit_ticks(4, 80, 14) == [0, 1, 2, 3]  # a line each
    assert unit_ticks(4, 30, 14) == [0, 3]  # first and last
    assert unit_ticks(4, 20, 14) == [0]
    assert unit_ticks(4, 10, 14) == []
    ticks = unit_ticks(64, 200, 14)
    assert ticks[0] == 0 and ticks[-1] == 63 and 2 < len(ticks) <= 200 // 14
    centres = [(u + 0.5) * 200 / 64 for u in ticks[1:-1]]
    assert all(b - a >= 14 for a, b in pairwise(centres))


def test_colour_bar_labels_and_what_gives_way():
    assert [len(bar_ticks((0, 1), pixels, 14)) for pixels in (45, 30, 20)] == [3, 2, 0]
    assert fit_rows(400, 6, 14, 36) == (28, True, True)
    row, lines, _title = fit_rows(209, 6, 14, 36)
    assert row == 28 and not lines  # the line plot gives way before the rows
    assert fit_rows(100, 6, 14, 36)[0] < 28  # a tiny view: equal shares


def _texts(axis, painter):
    specs = axis.generateDrawSpecs(painter)
    return [] if specs is None else [rect for rect, _flags, text in specs[2] if text]


def test_a_1024_by_700_window_labels_without_overlap_and_cuts_nothing(window, qtbot):
    window.resize(1024, 700)
    qtbot.wait(100)
    timeline = window.timeline
    bottom = timeline.view.viewport().height()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for name, heatmap in timeline.heatmaps.items():
            for axis in (heatmap.plot.getAxis("left"), heatmap.bar.axis):
                rects = sorted(_texts(axis, painter), key=lambda r: r.top())
                scene = [axis.mapRectToScene(r) for r in rects]
                for a, b in pairwise(scene):
                    assert a.bottom() <= b.top() + 0.5, (name, a, b)  # no two labels overlap
                box = (axis if axis is heatmap.bar.axis else heatmap.plot.getViewBox()).sceneBoundingRect()
                for r in scene:  # each label stays beside its own row (or bar)
                    assert box.top() - 0.5 <= r.top() and r.bottom() <= box.bottom() + 0.5, (name, r)
            assert len(_texts(heatmap.plot.getAxis("left"), painter)) >= 2, name  # first and last unit
    finally:
        painter.end()
    for item in timeline.view.ci.items:  # nothing in the view is below its viewport
        assert item.sceneBoundingRect().bottom() <= bottom + 0.5, item
    last = list(timeline.plots.values())[-1]
    assert last.getAxis("bottom").sceneBoundingRect().bottom() <= bottom + 0.5  # the step axis whole
    assert timeline.view.ci.geometry().height() <= bottom + 0.5
    if timeline.line_plot is None:  # the lines gave way: the toolbar says so, and they come back with room
        assert timeline.unit_label.text() == "lines: no room"
        timeline.set_shown("c", False)
        timeline.set_shown("g", False)
        timeline.set_shown("o", False)
        timeline._on_resized()
        assert timeline.line_plot is not None and "unit" in timeline.unit_label.text()
