"""Painting the diagram: palette-aware colours, value colour maps and one cheap pass per frame.

Everything that does not change per step (colour tables, gradients, fonts, node geometry)
is made once per palette, size or cell; a frame only picks colours and pen widths.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPalette, QPen

from ui.widgets import colormaps as cm
from ui.widgets.diagram.equations import fmt
from ui.widgets.diagram.layout import FOOTER_TOP, WIDTH, Layout, Node

__all__ = ["Fonts", "Scene", "Theme", "paint_scene"]

STEPS = 100  # colour-table resolution


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` blended toward ``b`` by ``t`` ∈ [0, 1] (alpha taken from ``a``)."""
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t), a.alpha())


class Theme:
    """Colours read from a palette: text, background, and the two value maps.

    The maps are the app's shared ones (:mod:`ui.widgets.colormaps`): ``sigmoid`` runs from
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
        self._gradients: dict[tuple, QBrush] = {}

    def color(self, scale: str, value: float, level: float = 1.0) -> QColor:
        """The map colour of ``value`` on ``scale`` (``sigmoid``, ``tanh`` or ``cell`` ± ``level``)."""
        if scale == "sigmoid":
            return self.sig[int(min(max(value, 0.0), 1.0) * STEPS + 0.5)]
        t = min(max(value / level, -1.0), 1.0)
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
    """Fonts in logical pixels, never below ``min_px`` on screen at the current scale."""

    header: QFont
    symbol: QFont
    label: QFont
    small: QFont
    name: QFont
    sub: QFont

    @classmethod
    def make(cls, family: QFont, scale: float, min_px: float = 11.0) -> Fonts:
        def font(px: float, bold: bool = False, italic: bool = False) -> QFont:
            f = QFont(family)
            f.setPixelSize(max(round(max(px, min_px / max(scale, 1e-3))), 1))
            f.setBold(bold)
            f.setItalic(italic)
            return f

        return cls(font(20, True), font(22), font(17, True), font(15), font(21, italic=True), font(14))


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


def _level(scene: Scene, scale: str) -> float:
    return scene.levels.get(scale, 1.0)


def _magnitude(value: float, level: float) -> float:
    return min(abs(value) / level, 1.0)


def _wires(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts) -> None:
    pen = QPen()
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    glow = _magnitude(scene.values.get(lay.glow_key, 0.0), 1.0)
    for w in lay.wires:
        scale = "cell" if w.key.startswith("c") else "tanh"
        m = _magnitude(scene.values.get(w.key, 0.0), _level(scene, scale))
        width = (3.0 + 4.0 * m) if w.main else (1.4 + 3.2 * m)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if w.halo:
            pen.setColor(th.body)
            pen.setWidthF(width + 9.0)
            p.setPen(pen)
            p.drawPolyline(w.points)
        if w.glow and glow > 0.02:
            c = QColor(th.glow)
            c.setAlphaF(0.15 + 0.6 * glow)
            pen.setColor(c)
            pen.setWidthF(width + 4.0 + 12.0 * glow)
            p.setPen(pen)
            p.drawPolyline(w.points)
        c = QColor(th.text)
        c.setAlphaF(0.35 + 0.65 * m)
        pen.setColor(c)
        pen.setWidthF(width)
        p.setPen(pen)
        p.drawPolyline(w.points)
        if w.arrow:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(c)
            p.drawPolygon(w.head)
        if w.end_label:
            tip = w.points[-1]
            width = QFontMetricsF(fonts.name).horizontalAdvance(w.end_label[0]) + 14
            _name(p, fonts, th.text, QPointF(tip.x() - width - 10, tip.y() + 16), *w.end_label)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(th.dim)
    for d in lay.dots:
        p.drawEllipse(d, 4.5, 4.5)


def _name(p: QPainter, fonts: Fonts, color: QColor, at: QPointF, name: str, sub: str) -> float:
    """An italic name with a subscript, baseline-left at ``at``; returns the width drawn."""
    p.setPen(color)
    p.setFont(fonts.name)
    p.drawText(at, name)
    w = QFontMetricsF(fonts.name).horizontalAdvance(name)
    if sub:
        p.setFont(fonts.sub)
        p.drawText(QPointF(at.x() + w + 1, at.y() + 5), sub)
        w += 1 + QFontMetricsF(fonts.sub).horizontalAdvance(sub)
    return w


def _label(p: QPainter, node: Node, text: str, fonts: Fonts, color: QColor) -> None:
    """A small ``name value`` label beside an op or function node."""
    p.setFont(fonts.small)
    p.setPen(color)
    r = node.rect
    flags = {"above": (QRectF(r.center().x() - 120, r.top() - 30, 240, 26),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
             "right": (QRectF(r.right() + 8, r.center().y() - 13, 200, 26),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
             "below-right": (QRectF(r.right() + 2, r.bottom() + 2, 200, 24),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)}
    rect, align = flags[node.label]
    p.drawText(rect, int(align), text)


def _nodes(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts) -> None:
    outline = QPen(th.dim, 1.4)
    center = int(Qt.AlignmentFlag.AlignCenter)
    for ident, node in lay.nodes.items():
        v = scene.values.get(node.key, 0.0)
        fill = th.color(node.scale, v, _level(scene, node.scale))
        ink = th.ink_on(fill)
        r = node.rect
        p.setPen(outline)
        p.setBrush(fill)
        if node.shape == "block":
            p.drawRoundedRect(r, 9, 9)
            _gauge(p, node, v, th, ink)
            p.setPen(ink)
            p.setFont(fonts.symbol)
            p.drawText(QRectF(r.left(), r.top() + 3, r.width() - 16, r.height() * 0.5), center, node.symbol)
            p.setFont(fonts.label)
            p.drawText(QRectF(r.left(), r.center().y(), r.width() - 16, r.height() * 0.5 - 3), center,
                       f"{node.name} {fmt(v, 2)}")
        elif node.shape == "state":
            p.drawEllipse(r)
            p.setPen(ink)
            p.setFont(fonts.small)
            text = scene.x_text if node.key == "x" and scene.x_text else fmt(v, 2)
            p.drawText(r, center, text)
            w = QFontMetricsF(fonts.name).horizontalAdvance(node.name) + 22
            at = (QPointF(r.center().x() - w / 2, r.top() - 9) if node.label == "above"
                  else QPointF(r.left() - w - 6, r.center().y() + 6))
            _name(p, fonts, th.text, at, node.name, node.sub)
        else:
            if node.shape == "op":
                p.drawEllipse(r)
            else:
                p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
            p.setPen(ink)
            p.setFont(fonts.symbol if node.shape == "op" else fonts.small)
            p.drawText(r.adjusted(0, -1, 0, -1), center, node.symbol)
            if node.label:
                _label(p, node, f"{node.name} {fmt(v, 2)}".strip(), fonts, th.dim)
        if ident in (scene.hover, scene.pinned):
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(th.highlight, 3.0 if ident == scene.pinned else 2.0,
                          Qt.PenStyle.SolidLine if ident == scene.pinned else Qt.PenStyle.DashLine))
            grown = r.adjusted(-5, -5, 5, 5)
            if node.shape in ("op", "state"):
                p.drawEllipse(grown)
            else:
                p.drawRoundedRect(grown, 12, 12)


def _gauge(p: QPainter, node: Node, v: float, th: Theme, ink: QColor) -> None:
    """The fill bar inside a gate block: from the bottom for 0..1, from the middle for −1..1."""
    r = node.rect
    track = QRectF(r.right() - 17, r.top() + 8, 9, r.height() - 16)
    p.setPen(QPen(ink, 1.0))
    p.setBrush(th.base)
    p.drawRect(track)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    if node.scale == "sigmoid":
        t = min(max(v, 0.0), 1.0)
        height = t * track.height()
        p.drawRect(QRectF(track.left(), track.bottom() - height, track.width(), height))
    else:
        t = min(max(v, -1.0), 1.0) * track.height() / 2
        mid = track.center().y()
        p.drawRect(QRectF(track.left(), min(mid, mid - t), track.width(), abs(t)))
        p.setPen(QPen(ink, 1.0))
        p.drawLine(QPointF(track.left() - 2, mid), QPointF(track.right() + 2, mid))


def _frame(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts) -> None:
    """Header, cell body, footer notes and the colour legend."""
    p.setPen(th.text)
    p.setFont(fonts.header)
    p.drawText(QRectF(18, 6, 600, 34), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
               scene.header_left)
    p.setFont(fonts.label)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    p.drawText(QRectF(420, 6, WIDTH - 438, 34), right, scene.header_right)
    p.setPen(QPen(th.faint, 1.2))
    p.setBrush(th.body)
    p.drawRoundedRect(lay.body, 18, 18)
    p.setPen(th.dim)
    p.setFont(fonts.small)
    for k, note in enumerate(lay.notes):
        p.drawText(QRectF(18, FOOTER_TOP + 6 + 24 * k, 700, 24),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), note)
    c_level = _level(scene, "cell")
    tanh_caption = "tanh, states" + (f"  (c: ±{c_level:g})" if lay.kind == "lstm" and c_level > 1 else "")
    for k, (scale, caption, ticks) in enumerate((("sigmoid", "σ gates", ("0", "0.5", "1")),
                                                 ("tanh", tanh_caption, ("−1", "0", "+1")))):
        bar = QRectF(WIDTH - 300, FOOTER_TOP + 6 + 27 * k, 110, 10)
        p.setPen(QPen(th.dim, 0.8))
        p.setBrush(th.gradient(scale, bar))
        p.drawRect(bar)
        p.setPen(th.dim)
        for j, tick in enumerate(ticks):
            x = bar.left() + bar.width() * j / 2
            p.drawText(QRectF(x - 20, bar.bottom() + 1, 40, 16), int(Qt.AlignmentFlag.AlignHCenter), tick)
        p.drawText(QRectF(bar.right() + 10, bar.top() - 6, 180, 22),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), caption)


def paint_scene(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts) -> None:
    """Draw the whole diagram in logical coordinates (the caller sets the transform)."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _frame(p, lay, scene, th, fonts)
    _wires(p, lay, scene, th, fonts)
    _nodes(p, lay, scene, th, fonts)
