"""The diagram's text never clips: every text drawn in a box fits the box, at any pane size."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFontMetricsF

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.diagram.canvas import paint_moving
from ui.widgets.diagram.cell_diagram import CellDiagram
from ui.widgets.diagram.frame import MARGIN, NOTES_SHARE, compute_geometry

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("size", [(470, 290), (360, 220), (1000, 620)])
@pytest.mark.parametrize("kind, inputs", [("lstm", 1), ("gru", 12), ("rnn", 3)])
def test_node_text_fits_its_box(qtbot, kind, inputs, size, text_recorder):
    x = np.random.default_rng(0).normal(scale=30, size=(4, inputs))  # wide numbers: −36.05, 2500 …
    controller = Controller(Session(cell=make_cell(kind, inputs, 3, seed=2), inputs=x))
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    controller.seek(2)
    scene = widget._scene(widget.displayed_values())
    geo = compute_geometry(*size, widget.canvas.layout_, widget.canvas.font(), scene=scene)
    painter = text_recorder
    paint_moving(painter, geo, widget.canvas.layout_, scene, widget.canvas.theme)
    assert len(painter.boxed) > 8
    for font, box, text in painter.boxed:
        metrics = QFontMetricsF(font)
        wide = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        assert wide <= box.width() + 0.5, (text, wide, box.width(), size)


def test_small_panes_leave_the_notes_out_for_the_schematic(qtbot):
    controller = Controller(Session(cell=make_cell("gru", 2, 3, seed=2), inputs=np.zeros((3, 2))))
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    lay, font = widget.canvas.layout_, widget.canvas.font()
    assert compute_geometry(1000, 620, lay, font).notes  # room enough: the equations show
    for height in (290, 240, 200):
        small = compute_geometry(470, height, lay, font)
        if small.notes:  # kept only while the footer stays within its share of the pane
            assert height - min(rect.top() for rect, _ in small.notes) <= NOTES_SHARE * height + MARGIN
        assert small.schematic.height() > 0.5 * height
    assert not compute_geometry(470, 200, lay, font).notes  # three wrapped equations cannot fit there
