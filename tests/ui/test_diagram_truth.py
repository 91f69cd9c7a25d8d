"""The diagram tells the truth about the input: x_t's components with their signs, and "‖x‖" for a norm."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QSize

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.diagram.cell_diagram import CellDiagram
from ui.widgets.diagram.painter import CHIPS

X = np.array([[0.8, -0.4], [-1.6, 0.2], [0.0, 1.2]])  # two inputs, both signs; max |x| = 1.6


@pytest.fixture
def two_inputs(qtbot):
    controller = Controller(Session(cell=make_cell("lstm", 2, 3, seed=7), inputs=X))
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    return controller, widget


def _chip_colour(widget: CellDiagram, image, k: int):
    """The colour of chip ``k``'s top-left corner area (clear of its sign glyph)."""
    r = widget.canvas.layout_.nodes["x"].rect
    logical = QPointF(r.right() + 8 + k * 20 + 3, r.center().y() - 7)
    geo = widget.canvas.geometry_for(image.width(), image.height(), widget._scene({}))
    at = geo.transform.map(logical)
    return image.pixelColor(round(at.x()), round(at.y()))


def _distance(a, b) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_two_inputs_show_the_vector_with_signs(two_inputs):
    controller, widget = two_inputs
    controller.seek(1)
    scene = widget.canvas.scene
    assert scene.x_vector == (-1.6, 0.2)
    assert widget.displayed_values()["x"] == pytest.approx(np.hypot(1.6, 0.2))
    assert scene.levels["x"] == pytest.approx(1.6)
    image = widget.render_to_image(QSize(1000, 620))
    theme = widget.canvas.theme
    for k, value in enumerate(X[1]):
        want, got = theme.color("tanh", value, 1.6), _chip_colour(widget, image, k)
        assert _distance(got, want) < 12
    neg, pos = _chip_colour(widget, image, 0), _chip_colour(widget, image, 1)
    assert neg.blue() > neg.red() and pos.red() > pos.blue()  # −1.6 blue, +0.2 red: the sign is not lost


def test_the_norm_is_labelled_and_not_coloured_as_positive(two_inputs):
    controller, widget = two_inputs
    controller.seek(1)
    image = widget.render_to_image(QSize(1000, 620))
    centre = widget.canvas.geometry_for(1000, 620, widget._scene({})).transform.map(
        widget.canvas.layout_.nodes["x"].rect.topLeft() + QPointF(8, 29))
    fill = image.pixelColor(round(centre.x()), round(centre.y()))
    assert _distance(fill, widget.canvas.theme.color("tanh", 0.0)) < 12
    assert "‖x‖" in widget.equation_text("x")
    svg_text = _svg_text(widget)
    assert "‖x‖" in svg_text


def _svg_text(widget: CellDiagram) -> str:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtSvg import QSvgGenerator

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(1000, 620))
    widget.paint_on(generator, QSize(1000, 620))
    return bytes(buffer.data()).decode()


def test_one_input_keeps_its_signed_value(qtbot):
    controller = Controller(Session(cell=make_cell("gru", 1, 2, seed=1), inputs=np.array([[-0.7], [0.3]])))
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    assert widget.canvas.scene.x_vector == () and widget.displayed_values()["x"] == pytest.approx(-0.7)


def test_many_inputs_show_the_first_chips_and_the_size(qtbot):
    x = np.linspace(-1, 1, 20)[None, :]
    controller = Controller(Session(cell=make_cell("rnn", 20, 2, seed=1), inputs=x))
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    assert len(widget.canvas.scene.x_vector) == 20
    assert "D=20" in _svg_text(widget) and CHIPS == 8
