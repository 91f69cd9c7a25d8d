"""One palette: each gate has one colour in the timeline's lines, the gate panel and the diagram's blocks."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.insight.dashboard import GATE_COLORS as DASHBOARD
from ui.widgets.common import colormaps as cm
from ui.widgets.diagram.cell_diagram import CellDiagram
from ui.widgets.timeline.timeline_lines import UnitLines

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 16


def test_the_gate_colours_are_one_table():
    assert set("ifgorzn") <= cm.GATE_COLORS.keys()
    assert all(DASHBOARD[k] == cm.GATE_COLORS[k] for k in "ifgorzn")


def test_timeline_lines_use_the_gate_colours(qapp):
    import pyqtgraph as pg

    plot = pg.PlotItem()
    lines = UnitLines(plot, ["i", "f", "g", "o", "c", "h"], QColor("#000000"))
    for name in "ifgo":
        assert lines.curves[name].opts["pen"].color() == QColor(cm.GATE_COLORS[name]), name


@pytest.mark.parametrize("kind, gates", [("lstm", "ifgo"), ("gru", "rzn")])
def test_diagram_gate_blocks_carry_their_colour(qtbot, kind, gates):
    controller = Controller(Session(cell=make_cell(kind, 1, 2, seed=1), inputs=np.zeros((3, 1))))
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    size = QSize(1000, 620)
    image = widget.render_to_image(size)
    geo = widget.canvas.geometry_for(size.width(), size.height(), widget._scene({}))
    for gate in gates:
        rect = widget.canvas.layout_.nodes[gate].rect
        at = geo.transform.map(QPointF(rect.center().x(), rect.top() + 3))
        got = image.pixelColor(round(at.x()), round(at.y()))
        assert _close(got, cm.gate_color(gate)), (gate, got.name())


def test_gate_color_for_h_is_the_text_colour(qapp):
    assert cm.gate_color("h") == cm.foreground() and cm.gate_color("x") is None
