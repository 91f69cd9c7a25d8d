"""The saturation and memory dashboard: real values off the worker thread, cursors per step."""

import math

import numpy as np
import pytest

from simulator import make_cell
from simulator.document.session import Session
from simulator.insight import EXPLANATIONS, jacobian_norms, recurrent_spectrum, saturation
from ui.insight.dashboard import Dashboard

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def dashboard_for(qtbot, shown):
    """``dashboard_for(controller)``: a shown dashboard, once its first results are in."""
    def build(controller) -> Dashboard:
        widget = shown(Dashboard(controller), 500, 900)
        qtbot.waitUntil(lambda: widget.data is not None, timeout=10_000)
        return widget
    return build


@pytest.mark.parametrize("kind, gate_block", [("lstm", 1), ("gru", 1)])
def test_timescale_of_a_hand_set_gate_bias(new_controller, dashboard_for, kind, gate_block):
    cell = make_cell(kind, 1, 3, seed=0)
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(cell, name)[:] = 0.0
    b = 2.0
    H = cell.hidden_size
    cell.bias_ih[gate_block * H:(gate_block + 1) * H] = b  # f (LSTM) or z (GRU)
    widget = dashboard_for(new_controller(Session(cell=cell, inputs=np.zeros((30, 1)))))
    expected = -1.0 / math.log(1.0 / (1.0 + math.exp(-b)))
    np.testing.assert_allclose(widget.timescales, expected, rtol=1e-12)
    np.testing.assert_allclose(widget.curves["timescales"].yData, expected, rtol=1e-12)


def test_charts_show_the_engine_values(new_controller, dashboard_for):
    controller = new_controller()
    widget = dashboard_for(controller)
    sat = saturation(controller.trace, cell=controller.cell)
    for name, frac in sat.items():
        np.testing.assert_array_equal(widget.curves[f"sat_{name}"].yData, frac)
    for name, (radius, sv) in recurrent_spectrum(controller.cell).items():
        np.testing.assert_allclose(widget.curves[f"sv_{name}"].yData, sv)
        assert f"ρ = {radius:.3g}" in widget.curves[f"sv_{name}"].name()
    jac = jacobian_norms(controller.cell, controller.trace)
    keep = np.isfinite(jac) & (jac > 0)
    np.testing.assert_array_equal(widget.curves["jacobian"].yData, jac[keep])
    controller.seek(9)
    assert all(c.value() == 9 for c in widget.cursors)
    help_box = widget.findChild(object, "dashboard_saturation_help")
    assert help_box.label.text() == EXPLANATIONS["saturation"] and not help_box.label.isVisibleTo(widget)
    help_box.button.click()
    assert help_box.label.isVisibleTo(widget)


def test_recomputes_on_weight_edit_and_rnn_has_no_timescale(qtbot, new_controller, dashboard_for):
    controller = new_controller(Session(cell=make_cell("rnn", 1, 2, seed=0), inputs=np.ones((10, 1))))
    widget = dashboard_for(controller)
    assert widget.timescales is None and "no forget" in widget.status.text()
    controller.set_parameter("weight_hh", (0, 0), 3.0)
    qtbot.waitUntil(lambda: widget.data is not None and
                    widget.data["spectrum"]["h"][0] == recurrent_spectrum(controller.cell)["h"][0],
                    timeout=10_000)
