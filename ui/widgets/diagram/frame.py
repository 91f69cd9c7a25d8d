"""The diagram's frame: header, the cell's body, the footer notes and the colour legend.

The footer is laid out from font metrics, since at small sizes the fonts stay readable
(see :class:`~ui.widgets.diagram.style.Fonts`) and so take more logical room.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from ui.widgets.diagram.layout import FOOTER_TOP, HEIGHT, WIDTH, Layout
from ui.widgets.diagram.style import Fonts, Scene, Theme

__all__ = ["paint_frame"]

MARGIN = 18.0
BAR_W = 96.0
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _header(p: QPainter, scene: Scene, th: Theme, fonts: Fonts) -> None:
    p.setPen(th.text)
    p.setFont(fonts.label)
    right_w = fonts.metrics(fonts.label).horizontalAdvance(scene.header_right) + 4
    p.drawText(QRectF(WIDTH - MARGIN - right_w, 4, right_w, 36), RIGHT, scene.header_right)
    p.setFont(fonts.header)
    p.drawText(QRectF(MARGIN, 4, WIDTH - 3 * MARGIN - right_w, 36), LEFT, scene.header_left)


def _legend(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts) -> float:
    """Two inline colour bars at the bottom right (``σ 0 ▭ 1``, ``tanh −1 ▭ +1``); returns their left x."""
    fm = fonts.metrics(fonts.small)
    line = fm.height()
    c_level = scene.levels.get("cell", 1.0)
    c_note = f"c ±{c_level:g}" if lay.kind == "lstm" and c_level > 1 else ""
    rows = (("sigmoid", "σ", "0", "1", ""), ("tanh", "tanh", "−1", "+1", c_note))
    name_w = max(fm.horizontalAdvance(r[1]) for r in rows) + 8
    lo_w = max(fm.horizontalAdvance(r[2]) for r in rows) + 5
    hi_w = max(fm.horizontalAdvance(r[3] + ("   " + r[4] if r[4] else "")) for r in rows) + 5
    left = WIDTH - MARGIN - name_w - lo_w - BAR_W - hi_w
    gap = max((HEIGHT - FOOTER_TOP - 2 * line) / 3, 0.0)
    p.setFont(fonts.small)
    for k, (scale, name, lo, hi, note) in enumerate(rows):
        top = FOOTER_TOP + gap + k * (line + gap)
        mid = top + line / 2
        bar = QRectF(left + name_w + lo_w, mid - 5, BAR_W, 10)
        p.setPen(QPen(th.dim, 0.8))
        p.setBrush(th.gradient(scale, bar))
        p.drawRect(bar)
        p.setPen(th.dim)
        p.drawText(QRectF(left, top, name_w, line), LEFT, name)
        p.drawText(QRectF(bar.left() - lo_w, top, lo_w - 5, line), RIGHT, lo)
        p.drawText(QRectF(bar.right() + 5, top, hi_w, line), LEFT, hi + ("   " + note if note else ""))
    return left


def paint_frame(p: QPainter, lay: Layout, scene: Scene, th: Theme, fonts: Fonts) -> None:
    """Header, cell body, footer notes and the colour legend (logical coordinates)."""
    _header(p, scene, th, fonts)
    p.setPen(QPen(th.faint, 1.2))
    p.setBrush(th.body)
    p.drawRoundedRect(lay.body, 18, 18)
    legend_left = _legend(p, lay, scene, th, fonts)
    line = fonts.metrics(fonts.small).height()
    gap = max((HEIGHT - FOOTER_TOP - len(lay.notes) * line) / (len(lay.notes) + 1), 0.0)
    width = legend_left - 2 * MARGIN
    p.setPen(th.dim)
    for k, note in enumerate(lay.notes):
        top = FOOTER_TOP + gap + k * (line + gap)
        p.drawText(QRectF(MARGIN, top, width, line), LEFT, fonts.elided(note, width))
