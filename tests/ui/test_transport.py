"""The transport: actions move the cursor exactly, play runs and stops, the spin box, scrubber and speed."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSlider, QSpinBox

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.common.transport import TransportBar, format_speed, position_from_speed, speed_from_position


def _trigger(window, name):
    window.findChild(QAction, name).trigger()


def test_actions_move_the_step_exactly(window):
    c = window.controller
    for _ in range(3):
        _trigger(window, "action_step_forward")
    assert c.step == 3
    _trigger(window, "action_step_back")
    assert c.step == 2
    _trigger(window, "action_go_to_end")
    assert c.step == c.length - 1
    _trigger(window, "action_step_forward")
    assert c.step == c.length - 1  # clamped at the end
    _trigger(window, "action_reset")
    assert c.step == 0
    _trigger(window, "action_step_back")
    assert c.step == 0


def test_play_advances_and_stops_at_the_end(window, qtbot):
    c = window.controller
    window.transport.speed_slider.setValue(position_from_speed(400))
    assert c.speed == pytest.approx(400, rel=0.01)
    play = window.findChild(QAction, "action_play")
    icon_before = play.icon().cacheKey()
    play.trigger()
    assert c.playing and play.text() == "&Pause" and play.icon().cacheKey() != icon_before
    qtbot.waitUntil(lambda: c.step > 0, timeout=2000)
    qtbot.waitUntil(lambda: not c.playing, timeout=5000)
    assert c.step == c.length - 1
    assert play.text() == "&Play"


def test_spin_box_and_scrubber_seek_and_follow(window):
    c = window.controller
    spin = window.findChild(QSpinBox, "step_spin")
    scrubber = window.findChild(QSlider, "scrubber")
    assert (spin.minimum(), spin.maximum()) == (0, c.length - 1)
    assert window.transport.last_label.text() == f"/ {c.length - 1}"
    spin.setValue(7)
    assert c.step == 7 and scrubber.value() == 7
    scrubber.setValue(12)
    assert c.step == 12 and spin.value() == 12
    c.seek(3)
    assert spin.value() == 3 and scrubber.value() == 3


def test_ranges_follow_a_new_length(qtbot):
    c = Controller()
    bar = TransportBar(c)
    qtbot.addWidget(bar)
    cell = make_cell("gru", 1, 2, seed=0)
    c.replace_session(Session(cell=cell, inputs=np.zeros((100, 1))), "longer")
    assert bar.step_spin.maximum() == 99 and bar.scrubber.maximum() == 99


def test_speed_slider_is_logarithmic_and_labelled(window):
    slider = window.findChild(QSlider, "speed_slider")
    slider.setValue(slider.minimum())
    assert window.controller.speed == pytest.approx(0.5)
    assert window.transport.speed_label.text() == "0.5 steps/s"
    slider.setValue(slider.maximum())
    assert window.controller.speed == pytest.approx(2000)
    assert window.transport.speed_label.text() == "2000 steps/s"
    assert speed_from_position(position_from_speed(12)) == pytest.approx(12, rel=0.01)
    assert format_speed(12.2) == "12 steps/s"


def test_bare_bar_buttons_call_the_controller(qtbot):
    c = Controller()
    bar = TransportBar(c)
    qtbot.addWidget(bar)
    bar.buttons["action_step_forward"].click()
    bar.buttons["action_step_forward"].click()
    assert c.step == 2
    bar.buttons["action_go_to_end"].click()
    assert c.step == c.length - 1
    bar.buttons["action_reset"].click()
    assert c.step == 0
