"""The transport bar: reset, step back, play/pause, step forward, go to end, step number, scrubber, speed."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QSpinBox, QToolButton, QWidget

from ui.document.controller import Controller
from ui.i18n import tr

__all__ = ["TransportBar", "speed_from_position", "position_from_speed", "format_speed"]

MIN_SPEED, MAX_SPEED = 0.5, 2000.0
SPEED_TICKS = 1000  # the speed slider's integer range 0 … SPEED_TICKS maps logarithmically


def speed_from_position(position: int) -> float:
    """Steps per second for a speed-slider position (logarithmic, 0.5 … 2000)."""
    return MIN_SPEED * (MAX_SPEED / MIN_SPEED) ** (position / SPEED_TICKS)


def position_from_speed(speed: float) -> int:
    """The speed-slider position closest to ``speed`` steps per second."""
    speed = min(max(speed, MIN_SPEED), MAX_SPEED)
    return round(SPEED_TICKS * math.log(speed / MIN_SPEED) / math.log(MAX_SPEED / MIN_SPEED))


def format_speed(speed: float) -> str:
    """``"0.5 steps/s"``, ``"12 steps/s"``, ``"2000 steps/s"``."""
    text = f"{speed:.1f}" if speed < 9.95 else f"{speed:.0f}"
    return tr("{speed} steps/s").format(speed=text.removesuffix(".0"))


class TransportBar(QWidget):
    """Buttons for the five transport actions, the step number, a scrubber and the speed.

    Parameters
    ----------
    controller : Controller
    parent : QWidget, optional
    actions : dict of str to QAction, optional
        The window's actions by objectName (``action_reset`` …); the buttons show them. Without
        them (a bare bar in a test) the buttons call the controller directly.
    """

    def __init__(self, controller: Controller, parent: QWidget | None = None,
                 actions: dict[str, QAction] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transport_bar")
        self.controller = controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(4)
        fallback = {"action_reset": controller.go_to_start, "action_step_back": controller.step_back,
                    "action_play": controller.toggle_play, "action_step_forward": controller.step_forward,
                    "action_go_to_end": controller.go_to_end}
        self.buttons: dict[str, QToolButton] = {}
        for name, slot in fallback.items():
            button = QToolButton(self)
            button.setObjectName(name.replace("action_", "button_"))
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must reach the window's shortcut
            if actions and name in actions:
                button.setDefaultAction(actions[name])
            else:
                button.setText(name.removeprefix("action_").replace("_", " "))
                button.clicked.connect(slot)
            button.setAccessibleName(name.removeprefix("action_").replace("_", " "))
            self.buttons[name] = button
            layout.addWidget(button)
        layout.addSpacing(8)
        step_label = QLabel(self.tr("Step"), self)
        self.step_spin = QSpinBox(self)
        self.step_spin.setObjectName("step_spin")
        self.step_spin.setAccessibleName(self.tr("Current step"))
        self.step_spin.setKeyboardTracking(False)
        self.step_spin.setMinimumWidth(72)
        self.step_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        step_label.setBuddy(self.step_spin)
        self.last_label = QLabel(self)
        self.last_label.setObjectName("step_total_label")
        layout.addWidget(step_label)
        layout.addWidget(self.step_spin)
        layout.addWidget(self.last_label)
        layout.addSpacing(8)
        self.scrubber = QSlider(Qt.Orientation.Horizontal, self)
        self.scrubber.setObjectName("scrubber")
        self.scrubber.setAccessibleName(self.tr("Scrubber"))
        self.scrubber.setToolTip(self.tr("Drag to move through the sequence"))
        self.scrubber.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.scrubber.setMinimumWidth(160)
        layout.addWidget(self.scrubber, 1)
        layout.addSpacing(8)
        speed_title = QLabel(self.tr("Speed"), self)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.speed_slider.setObjectName("speed_slider")
        self.speed_slider.setAccessibleName(self.tr("Playback speed"))
        self.speed_slider.setRange(0, SPEED_TICKS)
        self.speed_slider.setPageStep(SPEED_TICKS // 10)
        self.speed_slider.setFixedWidth(120)
        self.speed_slider.setToolTip(self.tr(
            "Playback speed, 0.5 to 2000 steps per second (logarithmic); "
            "above the screen's frame rate several steps are shown per frame"))
        speed_title.setBuddy(self.speed_slider)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("speed_label")
        widest = self.speed_label.fontMetrics().horizontalAdvance(format_speed(2000))
        self.speed_label.setMinimumWidth(widest + 4)
        layout.addWidget(speed_title)
        layout.addWidget(self.speed_slider)
        layout.addWidget(self.speed_label)

        self.step_spin.valueChanged.connect(self._seek)
        self.scrubber.valueChanged.connect(self._seek)
        self.speed_slider.valueChanged.connect(self._speed_moved)
        controller.step_changed.connect(self._show_step)
        controller.trace_changed.connect(self._update_range)
        controller.cell_changed.connect(self._update_range)
        controller.cell_changed.connect(lambda: self.set_speed_display(controller.speed))
        self._update_range()
        self.set_speed_display(controller.speed)

    def _update_range(self, *_args: object) -> None:
        last = max(self.controller.length - 1, 0)
        for w in (self.step_spin, self.scrubber):
            w.blockSignals(True)
            w.setRange(0, last)
            w.blockSignals(False)
        self.scrubber.setPageStep(max(1, (last + 1) // 20))
        self.last_label.setText(f"/ {last}")
        tip = self.tr("The current step t, counted from 0: row t is the state after reading input t "
                      "(0 … {last}; T = {steps} steps). Type a number and press Enter to go there.").format(
            last=last, steps=last + 1)
        self.step_spin.setToolTip(tip)
        self.last_label.setToolTip(tip)
        self._show_step(self.controller.step)

    def _show_step(self, step: int) -> None:
        for w in (self.step_spin, self.scrubber):
            if w.value() != step:
                w.blockSignals(True)
                w.setValue(step)
                w.blockSignals(False)

    def _seek(self, step: int) -> None:
        self.controller.seek(step)

    def _speed_moved(self, position: int) -> None:
        speed = speed_from_position(position)
        self.controller.set_speed(speed)
        self.speed_label.setText(format_speed(speed))

    def set_speed_display(self, speed: float) -> None:
        """Move the speed slider to ``speed`` (steps per second) without echoing to the controller."""
        self.speed_slider.blockSignals(True)
        self.speed_slider.setValue(position_from_speed(speed))
        self.speed_slider.blockSignals(False)
        self.speed_label.setText(format_speed(speed))
