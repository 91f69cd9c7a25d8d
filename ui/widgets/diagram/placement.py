"""Where the text of the schematic goes: state names, wire end names and value labels, without collisions.

The fonts keep a readable size on screen (:class:`~ui.widgets.diagram.style.Fonts`), so at a
small scale text takes more logical room than at the design scale. Each value label therefore
has a list of candidate places (``Node.label``, e.g. ``"above right below-right"``); the first
one that touches no node, wire, name or earlier label wins. Placement runs once per layout
and font size, never per frame.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt

from ui.widgets.diagram.layout import Layout, Node
from ui.widgets.diagram.style import Fonts

__all__ = ["Placement", "TextBox", "VALUE_RESERVE", "content_bounds", "obstacles", "place"]

VALUE_RESERVE = "−00.00"  # the widest value a label reserves room for (see equations.short)
GAP = 5.0
CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass
class TextBox:
    """A piece of text of the schematic: its owner, its rectangle (logical) and its alignment.

    ``kind`` is ``"value"`` (an op's name and value), ``"name"`` (a state's name, drawn from
    the ``baseline`` point) or ``"end"`` (the name at the end of an output wire).
    """

    owner: str
    kind: str
    rect: QRectF
    align: Qt.AlignmentFlag = CENTER
    lines: int = 1
    baseline: QPointF | None = None


@dataclass
class Placement:
    """Every text box of one layout at one font size, and the bounds of everything drawn."""

    boxes: list[TextBox]
    bounds: QRectF

    def value_box(self, ident: str) -> TextBox | None:
        """The value label of node ``ident``, if it has one."""
        return next((b for b in self.boxes if b.owner == ident and b.kind == "value"), None)

    def name_box(self, ident: str) -> TextBox | None:
        """The name of state node ``ident`` or of wire ``"wire<k>"``'s end."""
        return next((b for b in self.boxes if b.owner == ident and b.kind in ("name", "end")), None)


def _name_rect(fonts: Fonts, at: QPointF, name: str, sub: str) -> QRectF:
    """The box of an italic name with a subscript drawn baseline-left at ``at``."""
    fm, fs = fonts.metrics(fonts.name), fonts.metrics(fonts.sub)
    w = fm.horizontalAdvance(name) + (1 + fs.horizontalAdvance(sub) if sub else 0)
    bottom = max(fm.descent(), 5 + fs.descent() if sub else 0)
    return QRectF(at.x(), at.y() - fm.ascent(), w, fm.ascent() + bottom)


def _state_name(node: Node, fonts: Fonts) -> tuple[QPointF, QRectF]:
    """The baseline point and box of a state node's name (above it or to its left)."""
    r = node.rect
    w = _name_rect(fonts, QPointF(), node.name, node.sub).width()
    if node.label == "above":
        at = QPointF(r.center().x() - w / 2, r.top() - 4 - fonts.metrics(fonts.sub).descent() - 5)
    else:
        at = QPointF(r.left() - w - 6, r.center().y() + fonts.metrics(fonts.name).ascent() / 2 - 2)
    return at, _name_rect(fonts, at, node.name, node.sub)


def _candidate(where: str, r: QRectF, w: float, h: float) -> tuple[QRectF, Qt.AlignmentFlag]:
    cx, cy = r.center().x(), r.center().y()
    return {
        "above": (QRectF(cx - w / 2, r.top() - GAP - h, w, h), CENTER),
        "below": (QRectF(cx - w / 2, r.bottom() + GAP, w, h), CENTER),
        "right": (QRectF(r.right() + GAP + 2, cy - h / 2, w, h), LEFT),
        "left": (QRectF(r.left() - GAP - 2 - w, cy - h / 2, w, h), RIGHT),
        "above-right": (QRectF(r.right() + 3, r.top() - 3 - h, w, h), LEFT),
        "below-right": (QRectF(r.right() + 3, r.bottom() + 3, w, h), LEFT),
        "above-left": (QRectF(r.left() - 3 - w, r.top() - 3 - h, w, h), RIGHT),
        "below-left": (QRectF(r.left() - 3 - w, r.bottom() + 3, w, h), RIGHT),
    }[where]


def obstacles(lay: Layout) -> list[QRectF]:
    """Rectangles text must not touch: every node and every wire segment (with room for its width)."""
    out = [n.rect.adjusted(-2, -2, 2, 2) for n in lay.nodes.values()]
    for w in lay.wires:
        pad = 7.0 if w.main else 3.5
        points = [*w.points, w.head.first()] if w.arrow else w.points
        for a, b in itertools.pairwise(points):
            out.append(QRectF(QPointF(min(a.x(), b.x()) - pad, min(a.y(), b.y()) - pad),
                              QPointF(max(a.x(), b.x()) + pad, max(a.y(), b.y()) + pad)))
    out.extend(QRectF(d.x() - 5, d.y() - 5, 10, 10) for d in lay.dots)
    return out


def _overlap(rect: QRectF, others: list[QRectF]) -> float:
    total = 0.0
    for o in others:
        i = rect.intersected(o)
        total += max(i.width(), 0.0) * max(i.height(), 0.0)
    return total


def place(lay: Layout, fonts: Fonts) -> Placement:
    """Place every name and value label of ``lay`` for ``fonts``; see the module docstring."""
    blocked = obstacles(lay)
    boxes: list[TextBox] = []
    for ident, node in lay.nodes.items():
        if node.shape == "state":
            at, rect = _state_name(node, fonts)
            boxes.append(TextBox(ident, "name", rect, LEFT, baseline=at))
    for k, wire in enumerate(lay.wires):
        if wire.end_label:
            tip = wire.points[-1]
            probe = _name_rect(fonts, QPointF(), *wire.end_label)
            at = QPointF(tip.x() - probe.width() - 12, tip.y() + fonts.metrics(fonts.name).ascent() - 4)
            rect = _name_rect(fonts, at, *wire.end_label)
            boxes.append(TextBox(f"wire{k}", "end", rect, LEFT, baseline=at))
    fm = fonts.metrics(fonts.small)
    line = fm.height()
    for ident, node in lay.nodes.items():
        if node.shape in ("state", "block") or not node.label:
            continue
        name = node.name
        one = fm.horizontalAdvance(f"{name} {VALUE_RESERVE}".strip()) + 2
        two = max(fm.horizontalAdvance(name), fm.horizontalAdvance(VALUE_RESERVE)) + 2
        taken = blocked + [b.rect for b in boxes]
        best: tuple[float, TextBox] | None = None
        for where in node.label.split():
            lines = 2 if where.endswith("2") and name else 1
            rect, align = _candidate(where.rstrip("2"), node.rect, one if lines == 1 else two, line * lines)
            cost = _overlap(rect, taken)
            if best is None or cost < best[0]:
                best = (cost, TextBox(ident, "value", rect, align, lines))
            if cost == 0.0:
                break
        if best is not None:
            boxes.append(best[1])
    return Placement(boxes, content_bounds(lay, boxes))


def content_bounds(lay: Layout, boxes: list[TextBox]) -> QRectF:
    """The union of the body, nodes, wires and text, with a small margin (logical units)."""
    bounds = QRectF(lay.body)
    for rect in [n.rect for n in lay.nodes.values()] + [b.rect for b in boxes]:
        bounds = bounds.united(rect)
    for w in lay.wires:
        for pt in w.points:
            bounds = bounds.united(QRectF(pt.x() - 4, pt.y() - 4, 8, 8))
    return bounds.adjusted(-6, -6, 6, 6)
