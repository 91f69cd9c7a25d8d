"""Look and feel: the Fusion style with a light or dark palette that follows the system.

Qt 6.5+ reports the system colour scheme through :meth:`QStyleHints.colorScheme`;
we build a matching Fusion palette (Fusion's own defaults are light only) and
follow changes while the app runs. ``GATESCOPE_THEME=dark|light`` forces one.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from simulator.document.paths import asset_path

__all__ = ["ICON_DIR", "app_icon", "edit_icon", "apply_theme", "is_dark", "dark_palette", "light_palette"]

ICON_DIR = asset_path("icons")  # the checkout's assets/icons, or the installed package's copy
ACCENT = QColor(42, 130, 218)


def app_icon() -> QIcon:
    """The GateScope icon (an SVG, scaled by Qt for every size)."""
    return QIcon(str(ICON_DIR / "gatescope.svg"))


def edit_icon(which: str) -> QIcon:
    """The theme's ``edit-undo`` / ``edit-redo`` icon, else GateScope's own (never the step arrows)."""
    theme = {"undo": QIcon.ThemeIcon.EditUndo, "redo": QIcon.ThemeIcon.EditRedo}[which]
    return QIcon.fromTheme(theme, QIcon(str(ICON_DIR / f"edit-{which}.svg")))


def _system_dark() -> bool:
    forced = os.environ.get("GATESCOPE_THEME", "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def light_palette() -> QPalette:
    """Fusion's light palette with the GateScope accent."""
    pal = QPalette(QColor(239, 239, 239))
    pal.setColor(QPalette.ColorRole.Highlight, ACCENT)
    pal.setColor(QPalette.ColorRole.Link, ACCENT.darker(120))
    return pal


def dark_palette() -> QPalette:
    """A dark palette for Fusion (window #2b2b2b, text #e6e6e6)."""
    pal = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: QColor(43, 43, 43), role.WindowText: QColor(230, 230, 230),
        role.Base: QColor(30, 30, 30), role.AlternateBase: QColor(50, 50, 50),
        role.ToolTipBase: QColor(60, 60, 60), role.ToolTipText: QColor(235, 235, 235),
        role.PlaceholderText: QColor(140, 140, 140), role.Text: QColor(230, 230, 230),
        role.Button: QColor(53, 53, 53), role.ButtonText: QColor(230, 230, 230),
        role.BrightText: QColor(255, 90, 90), role.Link: QColor(110, 170, 240),
        role.Highlight: ACCENT, role.HighlightedText: QColor(255, 255, 255),
        role.Light: QColor(80, 80, 80), role.Midlight: QColor(65, 65, 65), role.Mid: QColor(45, 45, 45),
        role.Dark: QColor(25, 25, 25), role.Shadow: QColor(10, 10, 10),
    }
    for r, c in colours.items():
        pal.setColor(r, c)
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor(127, 127, 127))
    return pal


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the (application's) palette has light text on a dark window."""
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication) -> None:
    """Fusion style, the palette matching the system scheme, and follow scheme changes."""
    app.setStyle("Fusion")

    def update(*_args: object) -> None:
        app.setPalette(dark_palette() if _system_dark() else light_palette())

    update()
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(update)
