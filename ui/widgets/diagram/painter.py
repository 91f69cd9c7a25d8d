"""Painting the diagram's wires and nodes: one cheap pass per frame.

Node geometry, colour tables and fonts are made once per cell, palette or size
(:mod:`~ui.widgets.diagram.layout`, :mod:`~ui.widgets.diagram.style`); a frame only
picks colours and pen widths from the shown values.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from ui.widgets.diagram.equations import short
from ui.widgets.diagram.layout import Layout, Node
from ui.widgets.diagram.placement import Placement
from ui.widgets.diagram.style import Fonts, Scene, Theme

__all__ = ["paint_body", "paint_parts"]

CENTER = int(Qt.AlignmentFlag.AlignCenter)
NO_CLIP = int(Qt.TextFlag.TextDontClip)
CHIPS = 8  # input components drawn as chips beside x_t; more show the first seven and the size


def _level(scene: Scene, scale: str) -> float:
    return scene.levels.get(scale, 1.0)


def _magnitude(value: float, level: float) -> float:
    m = abs(value) / level
    return min(m, 1.0) if m == m else 0.0  # NaN (an overflowed state): no magnitude, inf: full


def _wires(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts, placed: Placement) -> None:
    pen = QPen()
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    glow = _magnitude(scene.values.get(lay.glow_key, 0.0), 1.0)
    for k, w in enumerate(lay.wires):
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
        box = placed.name_box(f"wire{k}") if w.end_label else None
        if box is not None:
            _name(p, fonts, th.text, box.baseline, *w.end_label)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(th.dim)
    for d in lay.dots:
        p.drawEllipse(d, 4.5, 4.5)


def _name(p: QPainter, fonts: Fonts, color: QColor, at: QPointF, name: str, sub: str) -> None:
    """An italic name with a subscript, baseline-left at ``at``."""
    p.setPen(color)
    p.setFont(fonts.name)
    p.drawText(at, name)
    if sub:
        w = fonts.metrics(fonts.name).horizontalAdvance(name)
        p.setFont(fonts.sub)
        p.drawText(QPointF(at.x() + w + 1, at.y() + 5), sub)


def _fitted(p: QPainter, r: QRectF, text: str, fonts: Fonts, *choices: QFont) -> None:
    """``text`` centred in ``r`` in the first of ``choices`` that fits, else the last one shrunk to fit.

    Never clipped: at small sizes the fonts keep a readable size on screen, so a node's text may be
    wider than the node; it then shrinks to the node rather than losing its sign or digits.
    """
    lines = text.split("\n")
    room_w, room_h = r.width() - 4, r.height()
    for font in choices:
        m = fonts.metrics(font)
        wide, tall = max(m.horizontalAdvance(line) for line in lines), m.height() * len(lines)
        if wide <= room_w and tall <= room_h:
            break
    else:
        font = QFont(font)
        font.setPixelSize(max(1, int(font.pixelSize() * min(room_w / max(wide, 1), room_h / max(tall, 1)))))
    p.setFont(font)
    p.drawText(r, CENTER | NO_CLIP, text)


def _state_value(p: QPainter, r: QRectF, text: str, fonts: Fonts) -> None:
    """A value inside a state circle: the small font, the tiny one, or the tiny one shrunk to fit."""
    _fitted(p, r.adjusted(1, r.height() * 0.1, -1, -r.height() * 0.1), text, fonts, fonts.small, fonts.tiny)


def _input_chips(p: QPainter, r: QRectF, xs: tuple[float, ...], level: float, th: Theme,
                 fonts: Fonts) -> None:
    """x_t beside its terminal: a chip per component (at most :data:`CHIPS`) coloured, with its sign."""
    shown = xs if len(xs) <= CHIPS else xs[:CHIPS - 1]
    w, h, gap = 17.0, 22.0, 3.0
    left, top = r.right() + 8.0, r.center().y() - h / 2
    for k, value in enumerate(shown):
        chip = QRectF(left + k * (w + gap), top, w, h)
        fill = th.color("tanh", value, level)
        p.setPen(QPen(th.dim, 1.0))
        p.setBrush(fill)
        p.drawRoundedRect(chip, 3, 3)
        p.setPen(th.ink_on(fill))
        _fitted(p, chip, "−" if value < 0 else "+" if value > 0 else "0", fonts, fonts.tiny)
    if len(xs) > len(shown):
        p.setPen(th.text)
        text = f"… D={len(xs)}"
        wide = fonts.metrics(fonts.tiny).horizontalAdvance(text) + 4
        rest = QRectF(left + len(shown) * (w + gap), top, wide, h)
        _fitted(p, rest, text, fonts, fonts.tiny)


def _nodes(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts, placed: Placement) -> None:
    outline = QPen(th.dim, 1.4)
    for ident, node in lay.nodes.items():
        v = scene.values.get(node.key, 0.0)
        shade = 0.0 if node.key == "x" and scene.x_vector else v  # a norm's colour would say "positive"
        fill = th.color(node.scale, shade, _level(scene, node.scale))
        ink = th.ink_on(fill)
        r = node.rect
        p.setPen(outline)
        p.setBrush(fill)
        if node.shape == "block":
            p.drawRoundedRect(r, 9, 9)
            _gate_mark(p, r, th.gate_colors.get(node.key))
            _gauge(p, node, v, th, ink)
            p.setPen(ink)
            text = f"{node.name} {short(v)}"
            line = min(fonts.metrics(fonts.label).height(), (r.height() - 14) / 2)
            label = QRectF(r.left(), r.bottom() - 12 - line, r.width(), line)  # on the gauge
            above = QRectF(r.left(), r.top() + 2, r.width(), label.top() - r.top() - 1)  # the symbol
            _fitted(p, above, node.symbol, fonts, fonts.symbol)
            _fitted(p, label, text, fonts, fonts.label, fonts.tiny)
        elif node.shape == "state":
            p.drawEllipse(r)
            p.setPen(ink)
            if node.key == "x" and scene.x_vector:  # a norm has no sign: say it is one, show the vector
                _state_value(p, r, f"‖x‖\n{short(v)}", fonts)
                _input_chips(p, r, scene.x_vector, _level(scene, "x"), th, fonts)
            else:
                _state_value(p, r, scene.x_text if node.key == "x" and scene.x_text else short(v), fonts)
            box = placed.name_box(ident)
            if box is not None:
                _name(p, fonts, th.text, box.baseline, node.name, node.sub)
        else:
            if node.shape == "op":
                p.drawEllipse(r)
            else:
                p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
            p.setPen(ink)
            symbol_font = fonts.symbol if node.shape == "op" else fonts.small
            _fitted(p, r.adjusted(2, 1, -2, -1), node.symbol, fonts, symbol_font)
            box = placed.value_box(ident)
            if box is not None:
                p.setFont(fonts.small)
                p.setPen(th.text)
                sep = "\n" if box.lines == 2 else " "
                p.drawText(box.rect, int(box.align), f"{node.name}{sep}{short(v)}".strip())
        if ident in (scene.hover, scene.pinned):
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(th.highlight, 3.0 if ident == scene.pinned else 2.0,
                          Qt.PenStyle.SolidLine if ident == scene.pinned else Qt.PenStyle.DashLine))
            grown = r.adjusted(-5, -5, 5, 5)
            if node.shape in ("op", "state"):
                p.drawEllipse(grown)
            else:
                p.drawRoundedRect(grown, 12, 12)


def _gate_mark(p: QPainter, r: QRectF, color: QColor | None) -> None:
    """A band of the gate's own colour along a block's top: the colour of its line in the timeline."""
    if color is None:
        return
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.setClipRect(QRectF(r.left(), r.top(), r.width(), 6))
    p.drawRoundedRect(r, 9, 9)
    p.restore()


def _gauge(p: QPainter, node: Node, v: float, th: Theme, ink: QColor) -> None:
    """The fill bar along the bottom of a gate block: from the left for 0..1, from the middle for −1..1."""
    r = node.rect
    track = QRectF(r.left() + 10, r.bottom() - 11, r.width() - 20, 6)
    empty = QColor(ink)
    empty.setAlphaF(0.22)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(empty)
    p.drawRect(track)
    p.setBrush(ink)
    if node.scale == "sigmoid":
        p.drawRect(QRectF(track.left(), track.top(), min(max(v, 0.0), 1.0) * track.width(), track.height()))
    else:
        mid = track.center().x()
        t = min(max(v, -1.0), 1.0) * track.width() / 2
        p.drawRect(QRectF(min(mid, mid + t), track.top(), abs(t), track.height()))
        p.setPen(QPen(ink, 1.0))
        p.drawLine(QPointF(mid, track.top() - 2), QPointF(mid, track.bottom() + 2))


def _highlights(p: QPainter, lay: Layout, scene: Scene, th: Theme, line: bool) -> None:
    """A glow around the parts a lesson points at: under the nodes, or over the state line (``line``)."""
    glow = QColor("#b197fc") if th.dark else QColor("#7048e8")
    pen = QPen()
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for width, alpha in ((22.0, 0.14), (13.0, 0.28), (5.0, 0.9))[:2 if line else 3]:
        c = QColor(glow)
        c.setAlphaF(alpha)
        pen.setColor(c)
        pen.setWidthF(width)
        p.setPen(pen)
        if line:
            for w in lay.wires:
                if w.main:
                    p.drawPolyline(w.points)
            continue
        for ident in scene.highlight & lay.nodes.keys():
            node = lay.nodes[ident]
            r = node.rect.adjusted(-4, -4, 4, 4)
            if node.shape in ("op", "state"):
                p.drawEllipse(r)
            else:
                p.drawRoundedRect(r, 12, 12)


def paint_body(p: QPainter, lay: Layout, scene: Scene, th: Theme) -> None:
    """The cell's rounded body and a lesson's glow around nodes: what stays put from step to step."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(th.faint, 1.2))
    p.setBrush(th.body)
    p.drawRoundedRect(lay.body, 18, 18)
    if scene.highlight:
        _highlights(p, lay, scene, th, line=False)


def paint_parts(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts, placed: Placement) -> None:
    """Wires and nodes, sized and coloured by the shown values (on top of :func:`paint_body`)."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _wires(p, lay, scene, th, fonts, placed)
    if "cell_line" in scene.highlight:
        _highlights(p, lay, scene, th, line=True)
    _nodes(p, lay, scene, th, fonts, placed)
