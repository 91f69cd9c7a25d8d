"""The gradient view: the controller's gradient norms on a log axis, live, clipped, exportable."""

import numpy as np
import pytest

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.gradients.gradient_plot import CEILING, FLOOR, GradientPlot

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()


def _show(qtbot, controller: Controller) -> GradientPlot:
    widget = GradientPlot(controller)
    qtbot.addWidget(widget)
    widget.resize(700, 320)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.data is not None and widget.data["t"][-1] == controller.step)
    return widget


def _rnn(weight_hh: float, steps: int = 60, hidden: int = 3) -> Controller:
    cell = make_cell("rnn", 1, hidden, seed=0)
    cell.weight_hh[:] = weight_hh * np.eye(hidden)
    cell.weight_ih[:] = 0.0
    cell.bias_ih[:] = 0.0
    cell.bias_hh[:] = 0.0
    return Controller(Session(cell=cell, inputs=np.zeros((steps, 1)), step=steps - 1))


def test_curves_equal_the_controller_gradients(qtbot):
    controller = Controller()
    controller.seek(30)
    widget = _show(qtbot, controller)
    expected = controller.gradients()
    assert set(widget.curves) == {"dhT_dh", "dcT_dc"}
    for name, curve in widget.curves.items():
        x, y = curve.xData, curve.yData  # the data as given (getData returns log10 values)
        np.testing.assert_array_equal(x, 30 - expected["t"])
        np.testing.assert_array_equal(y, np.clip(expected[name], FLOOR, CEILING))
    assert widget.plot.getPlotItem().ctrl.logYCheck.isChecked()
    assert all(curve.opts["logMode"][1] for curve in widget.curves.values())
    assert "T = 30" in widget.status.text()


def test_it_follows_the_step(qtbot):
    controller = Controller()
    widget = _show(qtbot, controller)
    controller.seek(12)
    qtbot.waitUntil(lambda: widget.data["t"][-1] == 12)
    np.testing.assert_array_equal(widget.curves["dhT_dh"].yData,
                                  np.clip(controller.gradients(12)["dhT_dh"], FLOOR, CEILING))


def test_exploding_values_sit_on_the_ceiling(qtbot):
    controller = _rnn(8.0, steps=420)  # 8**400 overflows float64: the norm is inf
    widget = _show(qtbot, controller)
    raw = controller.gradients()["dhT_dh"]
    assert np.isinf(raw).any()
    y = widget.curves["dhT_dh"].yData
    assert np.all(np.isfinite(y)) and y.max() == CEILING
    assert len(widget.markers["dhT_dh"].yData) == int(np.sum(raw > CEILING))
    assert "above 1e+300" in widget.status.text()


def test_vanishing_to_zero_sits_on_the_floor(qtbot):
    controller = _rnn(0.0)  # W_hh = 0: nothing flows back
    widget = _show(qtbot, controller)
    y = widget.curves["dhT_dh"].yData
    assert np.all(y == FLOOR)
    assert "below 1e-300" in widget.status.text()


def test_only_h_for_the_gru(qtbot):
    cell = make_cell("gru", 1, 3, seed=0)
    widget = _show(qtbot, Controller(Session(cell=cell, inputs=np.ones((20, 1)), step=10)))
    assert set(widget.curves) == {"dhT_dh"}


def test_exports_write_png_and_svg(qtbot, tmp_path):
    controller = Controller()
    controller.seek(25)
    widget = _show(qtbot, controller)
    png, svg = tmp_path / "gradient.png", tmp_path / "gradient.svg"
    widget.export_png(str(png))
    widget.export_svg(str(svg))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    assert b"<svg" in svg.read_bytes()[:2000]


def test_hidden_views_do_no_work_until_shown(qtbot):
    controller = Controller()
    widget = GradientPlot(controller)
    qtbot.addWidget(widget)
    controller.seek(8)
    qtbot.wait(20)
    assert widget.data is None
    widget.show()
    qtbot.waitUntil(lambda: widget.data is not None and widget.data["t"][-1] == 8)


def _text_rect(text_item):
    """The scene rect of a QGraphicsTextItem's text, without the document's blank margin."""
    margin = text_item.document().documentMargin()
    return text_item.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)


def _inside(outer, inner) -> bool:
    return (inner.left() >= outer.left() - 0.5 and inner.right() <= outer.right() + 0.5
            and inner.top() >= outer.top() - 0.5 and inner.bottom() <= outer.bottom() + 0.5)


@pytest.mark.parametrize("width", [260, 400, 800])
def test_title_legend_and_axis_label_fit_the_width(qtbot, width):
    controller = Controller()  # the LSTM example: two curves, the longest title
    controller.seek(30)
    widget = GradientPlot(controller)
    qtbot.addWidget(widget)
    widget.resize(width, 300)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.data is not None)
    view = widget.plot.mapToScene(widget.plot.viewport().rect()).boundingRect()
    item = widget.plot.getPlotItem()
    title, plot_area = _text_rect(item.titleLabel.item), item.vb.sceneBoundingRect()
    axis_label = _text_rect(item.getAxis("bottom").label)
    assert view.width() == width
    for rect in (title, plot_area, axis_label):
        assert _inside(view, rect), (rect, view)
    assert title.bottom() <= plot_area.top() + 0.5  # the title's lines keep clear of the curves
    html = widget._shown_labels[0]
    for name, (quantity, color) in {"dhT_dh": ("‖∂h_T/∂h_t‖", "#1f77b4"),
                                    "dcT_dc": ("‖∂c_T/∂c_t‖", "#2ca02c")}.items():
        assert quantity in html and color in html, name  # the legend: a line in the curve's colour
        assert widget.curves[name].opts["pen"].color().name() == color
    assert "T = 30" in html or "T = step 30" in html
    if width == 800:  # room for the whole title on one line, and the long axis label
        assert "Gradient through time (log scale):" in html and "<br>" not in html
        assert "steps before" in item.getAxis("bottom").label.toPlainText()
    if width == 260:
        assert item.getAxis("bottom").label.toPlainText().strip() == "delay T − t"


def test_one_step_shows_whole_steps_and_decades(qtbot):
    controller = Controller()  # at step 0 the only point is delay 0
    widget = _show(qtbot, controller)
    (x0, x1), (y0, y1) = widget.plot.getPlotItem().vb.viewRange()
    assert x0 <= 0 < 10 <= x1
    assert y1 - y0 >= 3.0 - 1e-9  # log10 units: decades on the axis, not 2 … 9 between two of them
