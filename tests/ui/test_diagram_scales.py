"""Issue 12 goal 2: the diagram scales its nodes and type with the space it has, within limits.

The pane sizes are the diagram's in the default window on a 1024×700 and a 1920×1080 screen
(about 540×340 and 1150×600), and a maximised 4K window's (3000×1500).
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.diagram.canvas import paint_moving
from ui.widgets.diagram.cell_diagram import CellDiagram
from ui.widgets.diagram.frame import MAX_SCALE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SMALL, LARGE, HUGE = (540, 340), (1150, 600), (3000, 1500)


@pytest.fixture(params=["lstm", "gru"])
def diagram(request, qtbot, shown):
    x = np.random.default_rng(1).normal(scale=3, size=(6, 2))
    controller = Controller(Session(cell=make_cell(request.param, 2, 4, seed=1), inputs=x))
    controller.seek(3)
    widget = shown(CellDiagram(controller), *SMALL)
    yield widget
    controller.undo_stack.clear()


def _on_screen(widget: CellDiagram, size: tuple[int, int], qtbot) -> dict[str, QRectF]:
    """Every node's rectangle in the canvas's pixels with the diagram at ``size``."""
    widget.resize(*size)
    qtbot.waitUntil(lambda: widget.canvas.width() >= 0.9 * size[0])
    canvas = widget.canvas
    return {key: canvas.transform_.mapRect(node.rect) for key, node in canvas.layout_.nodes.items()}


def test_nodes_grow_with_the_pane_and_stop_growing_at_a_limit(diagram, qtbot):
    small, large = _on_screen(diagram, SMALL, qtbot), _on_screen(diagram, LARGE, qtbot)
    for key in small:
        assert large[key].width() > 1.4 * small[key].width(), key  # a bigger pane, bigger nodes
        assert large[key].height() > 1.4 * small[key].height(), key
    huge = _on_screen(diagram, HUGE, qtbot)
    assert diagram.canvas.transform_.m11() == pytest.approx(MAX_SCALE)  # a 4K pane does not blow them up
    for key, rect in huge.items():
        assert rect.width() >= large[key].width(), key
        assert QRectF(diagram.canvas.rect()).contains(rect), key  # centred, whole


@pytest.mark.parametrize("size", [SMALL, LARGE, HUGE])
def test_text_grows_within_bounds_and_never_clips(diagram, qtbot, size, text_recorder):
    _on_screen(diagram, size, qtbot)
    canvas = diagram.canvas
    geo = canvas.geometry_for(canvas.width(), canvas.height())
    painter = text_recorder
    paint_moving(painter, geo, canvas.layout_, canvas.scene, canvas.theme)
    assert len(painter.boxed) > 8
    for font, box, text in painter.boxed:
        metrics = QFontMetricsF(font)
        assert max(metrics.horizontalAdvance(line) for line in text.split("\n")) <= box.width() + 0.5, text
    on_screen = geo.fonts.label.pixelSize() * geo.transform.m11()  # the gate values, in pixels
    assert 10.5 <= on_screen <= 22


def test_the_gate_values_are_bigger_in_a_bigger_pane(diagram, qtbot):
    sizes = []
    for size in (SMALL, LARGE):
        _on_screen(diagram, size, qtbot)
        canvas = diagram.canvas
        geo = canvas.geometry_for(canvas.width(), canvas.height())
        sizes.append(geo.fonts.label.pixelSize() * geo.transform.m11())
    assert sizes[1] > sizes[0]
