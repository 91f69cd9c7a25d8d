"""The diagram's frame in device pixels: header, footer notes, colour legend, and the schematic's room.

The header and footer are text at a readable size whatever the pane's size, so they are
laid out from font metrics: the header takes a second line when the cell's description
and the step do not fit side by side, and every footer note is wrapped (between its
phrases first, between words only when a phrase alone is too long), never cut. The
schematic is then scaled, keeping its proportions, into the room left between them: its
nodes and wires grow with the pane (up to :data:`MAX_SCALE`), its text within readable bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen, QTransform

from ui.widgets.diagram.layout import HEIGHT, WIDTH, Layout
from ui.widgets.diagram.placement import Placement, place
from ui.widgets.diagram.style import Fonts, FrameFonts, Scene, Theme

__all__ = ["MAX_SCALE", "Geometry", "compute_geometry", "header_left_text", "legend_note",
           "paint_step_header", "paint_still_frame", "wrap"]

MARGIN = 10.0
# The schematic grows with its pane up to this many pixels per logical unit; beyond, its nodes
# would dwarf their text (the fonts stop growing a little above the design size) and it is centred.
MAX_SCALE = 1.8
NOTES_SHARE = 0.22  # the most of the pane's height the footer notes may take (else they are left out)
BAR_W = 84.0
PHRASE_GAP = "   "
NOTE_RESERVE = "c ±000.0"
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``.

    Phrases (runs separated by two or more spaces) are kept whole when they fit, joined by
    three spaces; a phrase wider than ``width`` is broken between words (a word wider than
    ``width``, only possible in absurdly narrow panes, between characters).
    """
    lines: list[str] = []
    current = ""
    for phrase in re.split(r"\s{2,}", text.strip()):
        joined = f"{current}{PHRASE_GAP}{phrase}" if current else phrase
        if fm.horizontalAdvance(joined) <= width:
            current = joined
            continue
        if current:
            lines.append(current)
        current = ""
        for word in phrase.split(" "):
            joined = f"{current} {word}" if current else word
            if fm.horizontalAdvance(joined) <= width:
                current = joined
                continue
            if current:
                lines.append(current)
            current = word
            while fm.horizontalAdvance(current) > width and len(current) > 1:
                cut = 1
                while cut < len(current) - 1 and fm.horizontalAdvance(current[:cut + 1]) <= width:
                    cut += 1
                lines.append(current[:cut])
                current = current[cut:]
    if current:
        lines.append(current)
    return lines


def legend_note(lay: Layout, scene: Scene) -> str:
    """The legend's note on a wider colour scale (``c ±1.5`` for an LSTM, ``h ±36`` for a ReLU RNN)."""
    key, name = ("cell", "c") if lay.kind == "lstm" else ("tanh", "h")
    level = scene.levels.get(key, 1.0)
    return f"{name} ±{level:.3g}" if level > 1 else ""


@dataclass
class Geometry:
    """Everything about where things go for one pane size (device pixels unless noted)."""

    width: float
    height: float
    frame_fonts: FrameFonts
    header_two_lines: bool
    header: tuple[QRectF, QRectF]  # description, step
    notes: list[tuple[QRectF, str]]
    legend: list[QPointF]  # top-left of the σ bar's and the tanh bar's rows
    schematic: QRectF
    fonts: Fonts  # the schematic's, in logical pixels
    placement: Placement  # logical
    transform: QTransform  # logical → device


def _fit(room: QRectF, bounds: QRectF) -> QTransform:
    """``bounds`` scaled into the middle of ``room``, keeping its proportions, at most :data:`MAX_SCALE`."""
    s = max(min(room.width() / bounds.width(), room.height() / bounds.height(), MAX_SCALE), 1e-3)
    dx = room.center().x() - bounds.center().x() * s
    dy = room.center().y() - bounds.center().y() * s
    return QTransform(s, 0, 0, s, dx, dy)


def header_needs_two_lines(width: float, fonts: FrameFonts, left: str, right: str) -> bool:
    """True when the description and the step line do not fit side by side (with room to grow)."""
    fl, fr = QFontMetricsF(fonts.header), QFontMetricsF(fonts.right)
    need = fl.horizontalAdvance(left) + fr.horizontalAdvance(right + "0000") + 24
    return need > width - 2 * MARGIN


def compute_geometry(width: float, height: float, lay: Layout, family: QFont,
                     two_lines: bool | None = None, scene: Scene | None = None) -> Geometry:
    """Lay out the frame for a ``width`` × ``height`` pane and fit the schematic into the rest.

    ``two_lines`` forces the header's shape (None: decided from ``scene``'s header texts).
    """
    fonts = FrameFonts.make(family, min(width / WIDTH, height / HEIGHT))
    fh, fr, fs = QFontMetricsF(fonts.header), QFontMetricsF(fonts.right), QFontMetricsF(fonts.small)
    if two_lines is None:
        two_lines = scene is not None and header_needs_two_lines(width, fonts, scene.header_left,
                                                                 scene.header_right)
    inner = width - 2 * MARGIN
    top = MARGIN / 2
    left_rect = QRectF(MARGIN, top, inner, fh.height() + 4)
    if two_lines:
        right_rect = QRectF(MARGIN, left_rect.bottom(), inner, fr.height() + 2)
    else:
        right_rect = QRectF(MARGIN, top, inner, left_rect.height())
    header_bottom = max(left_rect.bottom(), right_rect.bottom())
    # footer: the legend's two bars beside the notes or below them, whichever leaves more room
    spacing = fs.lineSpacing() + 1
    item_w = _legend_item_width(fs)
    beside_w = inner - item_w - 16
    one_row = 2 * item_w + 24 <= inner
    for texts in (lay.notes, []):  # the notes give way when they would crowd the schematic out
        beside = [t for note in texts for t in wrap(note, fs, beside_w)] if beside_w >= 0.4 * inner else None
        below = [t for note in texts for t in wrap(note, fs, inner)]
        below_h = len(below) * spacing + 4 + (1 if one_row else 2) * spacing
        if beside is not None and max(len(beside), 2) * spacing <= below_h:
            lines, note_w, footer_h = beside, beside_w, max(len(beside), 2) * spacing
            legend_top = height - MARGIN / 2 - footer_h + (footer_h - 2 * spacing) / 2
            legend = [QPointF(width - MARGIN - item_w, legend_top + k * spacing) for k in range(2)]
        else:
            lines, note_w, footer_h = below, inner, below_h
            top = height - MARGIN / 2 - (1 if one_row else 2) * spacing
            legend = ([QPointF(MARGIN, top), QPointF(MARGIN + item_w + 24, top)] if one_row
                      else [QPointF(MARGIN, top + k * spacing) for k in range(2)])
        if footer_h <= NOTES_SHARE * height:
            break
    footer_top = height - MARGIN / 2 - footer_h
    notes = [(QRectF(MARGIN, footer_top + k * spacing, note_w, fs.height()), t) for k, t in enumerate(lines)]
    room = QRectF(MARGIN, header_bottom + 4, inner, max(footer_top - 6 - header_bottom - 4, 10.0))
    # fit twice: the schematic's text keeps a readable size, so its room depends on the scale
    transform = _fit(room, place(lay, Fonts.make(family, 1.0)).bounds)
    for _ in range(2):
        schematic_fonts = Fonts.make(family, transform.m11())
        placement = place(lay, schematic_fonts)
        transform = _fit(room, placement.bounds)
    return Geometry(width, height, fonts, two_lines, (left_rect, right_rect), notes, legend, room,
                    schematic_fonts, placement, transform)


def _legend_item_width(fs: QFontMetricsF) -> float:
    """The width of one legend row: name, low end, bar, high end and the room for a scale note."""
    return (fs.horizontalAdvance("tanh") + 8 + fs.horizontalAdvance("−1") + 6 + BAR_W
            + fs.horizontalAdvance(f"+1{PHRASE_GAP}{NOTE_RESERVE}") + 4)


def _legend(p: QPainter, geo: Geometry, lay: Layout, scene: Scene, th: Theme) -> None:
    """Two colour bars (``σ 0 ▭ 1``, ``tanh −1 ▭ +1``) at the legend's places."""
    fs = QFontMetricsF(geo.frame_fonts.small)
    line = fs.height()
    name_w, lo_w = fs.horizontalAdvance("tanh") + 8, fs.horizontalAdvance("−1") + 6
    note = legend_note(lay, scene)
    rows = (("sigmoid", "σ", "0", "1"), ("tanh", "tanh", "−1", "+1" + (PHRASE_GAP + note if note else "")))
    p.setFont(geo.frame_fonts.small)
    for at, (scale, name, lo, hi) in zip(geo.legend, rows, strict=True):
        left, top = at.x(), at.y()
        bar = QRectF(left + name_w + lo_w, top + line / 2 - 5, BAR_W, 10)
        p.setPen(QPen(th.dim, 0.8))
        p.setBrush(th.gradient(scale, bar))
        p.drawRect(bar)
        p.setPen(th.text)
        p.drawText(QRectF(left, top, name_w, line), LEFT, name)
        p.drawText(QRectF(bar.left() - lo_w, top, lo_w - 5, line), RIGHT, lo)
        p.drawText(QRectF(bar.right() + 5, top, fs.horizontalAdvance(hi) + 4, line), LEFT, hi)


def header_left_text(geo: Geometry, scene: Scene) -> str:
    """The cell's description as drawn: elided to the room the step text leaves beside it."""
    f = geo.frame_fonts
    room = geo.header[0].width()
    if not geo.header_two_lines:
        room -= QFontMetricsF(f.right).horizontalAdvance(scene.header_right) + 24
    return QFontMetricsF(f.header).elidedText(scene.header_left, Qt.TextElideMode.ElideRight, room)


def paint_step_header(p: QPainter, geo: Geometry, scene: Scene, th: Theme) -> None:
    """The header's step text (``t = 12 / 99 · unit 0``), the part of the frame that changes each step."""
    p.setPen(th.text)
    p.setFont(geo.frame_fonts.right)
    p.drawText(geo.header[1], LEFT if geo.header_two_lines else RIGHT, scene.header_right)


def paint_still_frame(p: QPainter, geo: Geometry, lay: Layout, scene: Scene, th: Theme) -> None:
    """The frame without the step text: the cell's description, the footer notes and the legend."""
    f = geo.frame_fonts
    p.setPen(th.text)
    p.setFont(f.header)
    p.drawText(geo.header[0], LEFT, header_left_text(geo, scene))
    p.setFont(f.small)
    p.setPen(th.text)  # the equations: content, never pale
    for rect, text in geo.notes:
        p.drawText(rect, LEFT, text)
    _legend(p, geo, lay, scene, th)
