"""The weights editor's unit and input labels never overlap: the axes thin them to what fits."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.weights.thin_axis import thin_stride
from ui.widgets.weights.weights_editor import WeightsEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("count, room, size, limit, stride", [
    (4, 400, 20, None, 1), (12, 120, 18, None, 2), (12, 60, 18, None, 5), (40, 100, 30, None, 20),
    (12, 1000, 10, 6, 2), (3, 0.5, 20, None, 3),
])
def test_thin_stride(count, room, size, limit, stride):
    assert thin_stride(count, room, size, limit) == stride


def _text_rects(axis):
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [rect for rect, _flags, _text in texts]


@pytest.mark.parametrize("units, width", [(12, 520), (24, 700), (12, 1400), (3, 520)])
def test_unit_labels_never_overlap(qtbot, units, width):
    x = np.zeros((5, 1))
    editor = WeightsEditor(Controller(Session(cell=make_cell("lstm", 1, units, seed=0), inputs=x)))
    qtbot.addWidget(editor)
    editor.resize(width, 560)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentIndex(1)  # the recurrent blocks: units along both axes
    canvas = editor.canvas("weight_hh")
    qtbot.wait(30)
    for plot in canvas.plots:
        for side in ("bottom", "left"):
            axis = plot.getAxis(side)
            shown = axis.shown_ticks()
            assert shown and shown[0][1] == "0", side
            rects = _text_rects(axis)
            assert len(rects) >= 2 or units < 2
            for a, b in itertools.pairwise(rects):
                assert not a.intersects(b), (side, units, width)
        if units <= 3:
            assert len(plot.getAxis("bottom").shown_ticks()) == units  # nothing thinned when it fits
