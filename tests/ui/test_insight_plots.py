"""Dashboard plots in a scrolling panel: the wheel scrolls the panel unless the plot has focus; Reset view."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QToolButton

from simulator import make_cell
from simulator.document.session import Session
from ui.insight.dashboard import Dashboard

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()


@pytest.fixture
def dashboard(qtbot, shown, new_controller):
    x = np.random.default_rng(0).normal(size=(30, 2))
    controller = new_controller(Session(cell=make_cell("lstm", 2, 4, seed=1), inputs=x))
    widget = shown(Dashboard(controller), 500, 400)  # shorter than its plots: the panel scrolls
    qtbot.waitUntil(lambda: widget.data is not None, timeout=10_000)
    return widget


def _wheel(widget, down: bool = True) -> None:
    target = widget.viewport()
    centre = QPointF(target.width() / 2, target.height() / 2)
    event = QWheelEvent(centre, QPointF(target.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 if down else 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(target, event)


def _y_range(plot) -> tuple[float, float]:
    return tuple(plot.getPlotItem().getViewBox().viewRange()[1])


def test_wheel_over_an_unfocused_plot_scrolls_the_panel(dashboard):
    bar = dashboard.findChild(QScrollArea, "dashboard_scroll").verticalScrollBar()
    assert bar.maximum() > 0
    plot = dashboard.plots["jacobian"]
    before = _y_range(plot)
    _wheel(plot)
    assert bar.value() > 0  # the panel moved
    assert _y_range(plot) == before  # the plot did not zoom


def test_wheel_over_a_focused_plot_zooms_it(dashboard, qtbot):
    bar = dashboard.findChild(QScrollArea, "dashboard_scroll").verticalScrollBar()
    plot = dashboard.plots["jacobian"]
    plot.setFocus()
    qtbot.waitUntil(plot.hasFocus)
    before = _y_range(plot)
    _wheel(plot)
    assert _y_range(plot) != before and bar.value() == 0


def test_every_plot_has_a_visible_reset_view(dashboard, qtbot):
    for key, plot in dashboard.plots.items():
        button = dashboard.findChild(QToolButton, f"dashboard_{key}_reset")
        assert button is not None and button.isVisible() and button.parent() is plot
        assert plot.rect().contains(button.geometry()), key
    for key in ("saturation", "jacobian"):
        plot = dashboard.plots[key]
        reset = dashboard.findChild(QToolButton, f"dashboard_{key}_reset")
        reset.click()
        home = _y_range(plot)
        plot.getPlotItem().setYRange(0.3, 0.4, padding=0)
        reset.click()
        assert _y_range(plot) == pytest.approx(home), key
