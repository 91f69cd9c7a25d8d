"""The diagram's look: palette-aware colours, value colour tables, fonts, and a frame's scene.

Everything here is made once per palette or scale; a frame only looks colours up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPalette

from ui.widgets.common import colormaps as cm

__all__ = ["Fonts", "FrameFonts", "Scene", "Theme", "mix"]

STEPS = 100  # colour-table resolution


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` blended toward ``b`` by ``t`` ∈ [0, 1] (alpha taken from ``a``)."""
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t), a.alpha())


class Theme:
    """Colours read from a palette: text, background, and the two value maps.

    The maps are the app's shared ones (:mod:`ui.widgets.common.colormaps`): ``sigmoid`` runs from
    the background (0, a closed gate) to saturated (1, open); ``tanh`` is diverging, blue
    (−1) through the background (0) to red (+1), so "no signal" recedes in light and dark.
    """

    def __init__(self, palette: QPalette) -> None:
        self.text = palette.color(QPalette.ColorRole.WindowText)
        self.window = palette.color(QPalette.ColorRole.Window)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.dark = cm.is_dark(palette)
        self.dim = mix(self.text, self.window, 0.3)
        self.faint = mix(self.text, self.window, 0.8)
        self.body = mix(self.window, self.text, 0.045)
        ramp = np.linspace(0.0, 1.0, STEPS + 1)
        self.sig = cm.sigmoid_map(palette).mapToQColor(ramp)
        self.div = cm.tanh_map(palette).mapToQColor(np.linspace(0.0, 1.0, 2 * STEPS + 1))
        self.glow = QColor("#ffb000") if self.dark else QColor("#f08c00")
        self.on_light, self.on_dark = QColor("#1d1d1f"), QColor("#fafafa")
        self.gate_colors = {k: QColor(v) for k, v in cm.GATE_COLORS.items() if v and k in "ifgorzn"}
        self._gradients: dict[tuple, QBrush] = {}

    def color(self, scale: str, value: float, level: float = 1.0) -> QColor:
        """The map colour of ``value`` on ``scale`` (``sigmoid``, ``tanh`` or ``cell`` ± ``level``).

        An overflowed value (NaN) is drawn in the neutral grey of the map's middle; ±inf clamp.
        """
        if value != value or level != level:  # NaN: a relu RNN past float64's range
            return self.div[STEPS]
        if scale == "sigmoid":
            return self.sig[int(min(max(value, 0.0), 1.0) * STEPS + 0.5)]
        t = value / level if level not in (0.0, float("inf")) else 0.0
        t = min(max(t, -1.0), 1.0) if t == t else 0.0
        return self.div[int((t + 1.0) * STEPS + 0.5)]

    def ink_on(self, fill: QColor) -> QColor:
        """Black or white text, whichever reads better on ``fill``."""
        y = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF()
        return self.on_light if y > 0.55 else self.on_dark

    def gradient(self, scale: str, rect: QRectF) -> QBrush:
        """A horizontal gradient of a colour map across ``rect`` (for the legend), made once."""
        key = (scale, rect.left(), rect.top(), rect.width())
        if key not in self._gradients:
            grad = QLinearGradient(rect.topLeft(), rect.topRight())
            table = self.sig if scale == "sigmoid" else self.div
            for k in range(11):
                grad.setColorAt(k / 10, table[round(k / 10 * (len(table) - 1))])
            self._gradients[key] = QBrush(grad)
        return self._gradients[key]


@dataclass
class Fonts:
    """The schematic's fonts in logical pixels, kept between ``min_px`` and a cap on screen.

    The design sizes suit a scale of 1 (the schematic 1000 logical units wide on 1000 pixels);
    smaller scales keep text readable (so it takes more logical room, which the label
    placement allows for) and larger ones stop growing at :data:`CAPS` pixels.
    """

    symbol: QFont
    label: QFont
    small: QFont
    name: QFont
    sub: QFont
    tiny: QFont  # the value inside a state circle when the small font does not fit
    _metrics: dict[str, QFontMetricsF] = field(default_factory=dict)

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Metrics of one of these fonts (made once)."""
        key = font.key()
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font)
        return self._metrics[key]

    @classmethod
    def make(cls, family: QFont, scale: float, min_px: float = 11.0) -> Fonts:
        """Fonts for a schematic drawn at ``scale`` device pixels per logical unit."""
        s = max(scale, 1e-3)

        def font(px: float, cap: float, low: float = min_px, *, bold: bool = False,
                 italic: bool = False) -> QFont:
            f = QFont(family)
            f.setPixelSize(max(round(min(max(px, low / s), max(cap, low) / s)), 1))
            f.setBold(bold)
            f.setItalic(italic)
            return f

        return cls(font(22, 26), font(17, 19, bold=True), font(15, 17), font(21, 24, italic=True),
                   font(14, 16), font(12, 14, low=min_px - 2))


@dataclass
class FrameFonts:
    """The frame's fonts (header, footer notes, legend) in device pixels."""

    header: QFont
    right: QFont
    small: QFont

    @classmethod
    def make(cls, family: QFont, scale: float) -> FrameFonts:
        """Fonts for a diagram whose overall scale (pane ÷ design size) is ``scale``."""

        def font(px: float, low: float, high: float, bold: bool = False) -> QFont:
            f = QFont(family)
            f.setPixelSize(round(min(max(px * scale, low), high)))
            f.setBold(bold)
            return f

        return cls(font(19, 13, 18, bold=True), font(16, 12, 15), font(14, 11.5, 14))


@dataclass
class Scene:
    """What one frame shows besides the layout: values, levels, header, hover and pin."""

    values: dict[str, float]
    levels: dict[str, float]
    header_left: str
    header_right: str
    hover: str | None = None
    pinned: str | None = None
    x_text: str | None = None  # replaces the x terminal's number (a token for text input)
    x_vector: tuple[float, ...] = ()  # x_t when D > 1: drawn as signed chips beside the x terminal
    highlight: frozenset[str] = frozenset()  # node ids (and "cell_line") a lesson points at
