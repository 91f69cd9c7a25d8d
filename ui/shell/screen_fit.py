"""The main window's size on the screen it opens on: at most ~90 % of the available area.

A saved geometry is used only while it still fits the current screen (a layout saved on a
big monitor does not open off the edge of a laptop's).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["FILL", "MAX_SIZE", "MIN_SIZE", "available", "default_size", "fits", "fit_to_screen"]

FILL = 0.9  # share of the available screen a new window takes, at most
MAX_SIZE = QSize(1680, 1050)  # beyond this the diagram only gets emptier
MIN_SIZE = QSize(800, 560)  # below this the docks give way (the window cannot be made smaller)


def available(window: QWidget) -> QRect:
    """The available geometry (without task bars) of the screen ``window`` is on, or the primary one."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def default_size(area: QRect) -> QSize:
    """The size of a new window on a screen whose available geometry is ``area``.

    ``FILL`` of each side, capped at :data:`MAX_SIZE` and never below :data:`MIN_SIZE` unless
    the screen itself is smaller.
    """
    width = min(int(area.width() * FILL), MAX_SIZE.width())
    height = min(int(area.height() * FILL), MAX_SIZE.height())
    return QSize(min(max(width, MIN_SIZE.width()), area.width()),
                 min(max(height, MIN_SIZE.height()), area.height()))


def fits(window: QWidget, area: QRect | None = None) -> bool:
    """True when the window's frame lies inside the screen's available ``area`` (default: its screen's)."""
    area = available(window) if area is None else area
    frame = window.frameGeometry()
    return area.contains(frame) or (frame.width() <= area.width() and frame.height() <= area.height()
                                    and area.intersects(frame) and area.contains(frame.center()))


def fit_to_screen(window: QWidget) -> None:
    """Give ``window`` its minimum and default size for its screen, centred in the available area."""
    area = available(window)
    window.setMinimumSize(min(MIN_SIZE.width(), area.width()), min(MIN_SIZE.height(), area.height()))
    size = default_size(area)
    window.resize(size)
    window.move(area.x() + (area.width() - size.width()) // 2,
                area.y() + (area.height() - size.height()) // 2)
