"""Where everything sits: the nodes and wires of each kind's schematic in logical coordinates.

The schematic is drawn in logical units on a design area of :data:`WIDTH` × :data:`HEIGHT`;
the canvas scales what is drawn (nodes, wires and their text, see
:mod:`~ui.widgets.diagram.placement`) to the room between the header and the footer,
keeping its aspect ratio. Layouts are built once per cell kind; only colours and widths
change from step to step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPolygonF

from simulator import Cell
from ui.i18n import tr
from ui.widgets.diagram.equations import UPDATE_STATEMENT, reset_statement

__all__ = ["HEIGHT", "WIDTH", "Layout", "Node", "Wire", "build_layout"]

WIDTH, HEIGHT = 1000.0, 536.0  # the design size of the whole diagram, frame included
BLOCK_W, BLOCK_H = 104.0, 66.0
OP_R, STATE_R = 17.0, 29.0
ARROW = 10.0


@dataclass
class Node:
    """One drawn element that shows a value.

    ``shape`` is ``block`` (a gate layer), ``op`` (a pointwise × or +), ``fn`` (a small
    pointwise function such as tanh or 1 − ·) or ``state`` (a terminal: input or state).
    ``scale`` picks the colour map: ``sigmoid`` (0..1), ``tanh`` (−1..1) or ``cell`` (± the
    trace's largest |c|). For a state, ``label`` says where its name goes (``above`` or
    ``left``); for other nodes it lists the candidate places of the name and value, best
    first (``above``, ``below``, ``right``, ``left``, ``above-right`` …; a trailing ``2``
    puts the value on a second line), or is ``None`` for no label.
    """

    key: str
    shape: str
    center: QPointF
    symbol: str
    name: str
    scale: str
    label: str | None = "above"
    sub: str = ""
    rect: QRectF = field(init=False)

    def __post_init__(self) -> None:
        w, h = {"block": (BLOCK_W, BLOCK_H), "op": (2 * OP_R, 2 * OP_R), "fn": (62.0, 32.0),
                "state": (2 * STATE_R, 2 * STATE_R)}[self.shape]
        self.rect = QRectF(self.center.x() - w / 2, self.center.y() - h / 2, w, h)

    def side(self, where: str) -> QPointF:
        """The midpoint of the ``left``, ``right``, ``top`` or ``bottom`` edge."""
        r, c = self.rect, self.center
        return {"left": QPointF(r.left(), c.y()), "right": QPointF(r.right(), c.y()),
                "top": QPointF(c.x(), r.top()), "bottom": QPointF(c.x(), r.bottom())}[where]


@dataclass
class Wire:
    """A polyline carrying the value of ``key``; ``main`` marks the state line across the top."""

    points: list[QPointF]
    key: str
    arrow: bool = True
    main: bool = False
    halo: bool = False  # drawn with a gap where it crosses earlier wires
    glow: bool = False  # glows with the write into the state line
    end_label: tuple[str, str] | None = None
    head: QPolygonF = field(init=False)

    def __post_init__(self) -> None:
        self.head = QPolygonF()
        if self.arrow:  # a small triangle whose tip is the last point; the line stops at its base
            tip, prev = self.points[-1], self.points[-2]
            dx, dy = tip.x() - prev.x(), tip.y() - prev.y()
            norm = max((dx * dx + dy * dy) ** 0.5, 1e-9)
            ux, uy = dx / norm, dy / norm
            base = QPointF(tip.x() - ux * ARROW, tip.y() - uy * ARROW)
            half = ARROW * 0.45
            self.head = QPolygonF([tip, QPointF(base.x() - uy * half, base.y() + ux * half),
                                   QPointF(base.x() + uy * half, base.y() - ux * half)])
            self.points = [*self.points[:-1], QPointF(base.x() + ux, base.y() + uy)]


@dataclass
class Layout:
    """Everything one kind's diagram draws, in logical coordinates."""

    kind: str
    nodes: dict[str, Node]
    wires: list[Wire]
    dots: list[QPointF]
    body: QRectF
    notes: list[str]
    glow_key: str  # the write into the state line, which makes it glow

    def node_at(self, pos: QPointF) -> str | None:
        """The id (a key of :attr:`nodes`) of the node under ``pos`` (logical coordinates), if any."""
        for ident, node in self.nodes.items():
            if node.rect.adjusted(-4, -4, 4, 4).contains(pos):
                return ident
        return None


P = QPointF


def _lstm(cell: Cell) -> Layout:
    n = {
        "c_prev": Node("c_prev", "state", P(62, 108), "", "c", "cell", "above", "t−1"),
        "c": Node("c", "state", P(938, 108), "", "c", "cell", "above", "t"),
        "h_prev": Node("h_prev", "state", P(62, 384), "", "h", "tanh", "above", "t−1"),
        "h": Node("h", "state", P(938, 384), "", "h", "tanh", "above", "t"),
        "x": Node("x", "state", P(200, 440), "", "x", "tanh", "left", "t"),
        "f": Node("f", "block", P(280, 318), "σ", "f", "sigmoid"),
        "i": Node("i", "block", P(400, 318), "σ", "i", "sigmoid"),
        "g": Node("g", "block", P(520, 318), "tanh", "g", "tanh"),
        "o": Node("o", "block", P(660, 318), "σ", "o", "sigmoid"),
        "fc": Node("fc", "op", P(280, 108), "×", "f⊙c", "cell", "below-right below above"),
        "ig": Node("ig", "op", P(520, 200), "×", "i⊙g", "tanh", "right left right2"),
        "plus": Node("c", "op", P(520, 108), "+", "", "cell", None),
        "tc": Node("tc", "fn", P(770, 168), "tanh", "", "tanh", "left right"),
        "ho": Node("h", "op", P(770, 258), "×", "", "tanh", None),
    }
    s = {k: v.side for k, v in n.items()}
    wires = [
        Wire([P(866, 384), P(866, 50)], "h", end_label=("h", "t")),
        Wire([s["c_prev"]("right"), s["fc"]("left")], "c_prev", main=True),
        Wire([s["fc"]("right"), s["plus"]("left")], "fc", main=True),
        Wire([s["plus"]("right"), s["c"]("left")], "c", main=True, halo=True, glow=True),
        Wire([P(770, 108), s["tc"]("top")], "c"),
        Wire([s["tc"]("bottom"), s["ho"]("top")], "tc"),
        Wire([s["ho"]("bottom"), P(770, 384), s["h"]("left")], "h"),
        Wire([s["f"]("top"), s["fc"]("bottom")], "f"),
        Wire([s["i"]("top"), P(400, 200), s["ig"]("left")], "i"),
        Wire([s["g"]("top"), s["ig"]("bottom")], "g"),
        Wire([s["ig"]("top"), s["plus"]("bottom")], "ig"),
        Wire([s["o"]("top"), P(660, 258), s["ho"]("left")], "o"),
        Wire([s["h_prev"]("right"), P(660, 384), s["o"]("bottom")], "h_prev"),
        *(Wire([P(x, 384), s[k]("bottom")], "h_prev") for x, k in ((280, "f"), (400, "i"), (520, "g"))),
        Wire([s["x"]("top"), P(200, 384)], "x", arrow=False),
    ]
    dots = [P(200, 384), P(280, 384), P(400, 384), P(520, 384), P(770, 108), P(866, 384)]
    notes = ["c′ = f ⊙ c + i ⊙ g        h′ = o ⊙ tanh(c′)",
             tr("i, f, o: sigmoid gates (0 = closed, 1 = open);  g: the candidate written into the cell")]
    if getattr(cell, "weight_peephole", None) is not None:
        notes.append(tr("peepholes:  i and f also read c, o reads c′  (p ⊙ c added inside σ)"))
    return Layout("lstm", n, wires, dots, QRectF(122, 66, 766, 346), notes, "ig")


def _gru(cell: Cell) -> Layout:
    rh_name = "r⊙(W_hn h+b_hn)" if cell.reset_after else "r⊙h"
    n = {
        "h_prev": Node("h_prev", "state", P(62, 108), "", "h", "tanh", "above", "t−1"),
        "h": Node("h", "state", P(938, 108), "", "h", "tanh", "above", "t"),
        "x": Node("x", "state", P(240, 440), "", "x", "tanh", "left", "t"),
        "r": Node("r", "block", P(300, 318), "σ", "r", "sigmoid"),
        "z": Node("z", "block", P(430, 318), "σ", "z", "sigmoid"),
        "n": Node("n", "block", P(760, 318), "tanh", "n", "tanh"),
        "rh": Node("rh", "op", P(300, 226), "×", rh_name, "tanh", "above above2 below2"),
        "zh": Node("zh", "op", P(430, 108), "×", "z⊙h", "tanh", "above above-right"),
        "1-z": Node("1-z", "fn", P(560, 172), "1−", "1−z", "sigmoid", "above below above-right"),
        "zn": Node("zn", "op", P(760, 172), "×", "(1−z)⊙n", "tanh", "right right2 left"),
        "plus": Node("h", "op", P(760, 108), "+", "", "tanh", None),
    }
    s = {k: v.side for k, v in n.items()}
    wires = [
        Wire([s["h_prev"]("right"), s["zh"]("left")], "h_prev", main=True),
        Wire([s["zh"]("right"), s["plus"]("left")], "zh", main=True),
        Wire([s["plus"]("right"), s["h"]("left")], "h", main=True, glow=True),
        Wire([P(860, 108), P(860, 50)], "h", end_label=("h", "t")),
        Wire([P(160, 108), P(160, 384), P(760, 384), s["n"]("bottom")], "h_prev"),
        *(Wire([P(x, 384), s[k]("bottom")], "h_prev") for x, k in ((300, "r"), (430, "z"))),
        Wire([s["x"]("top"), P(240, 384)], "x", arrow=False),
        Wire([P(160, 226), s["rh"]("left")], "h_prev"),
        Wire([s["r"]("top"), s["rh"]("bottom")], "r"),
        Wire([s["z"]("top"), s["zh"]("bottom")], "z"),
        Wire([P(430, 172), s["1-z"]("left")], "z"),
        Wire([s["1-z"]("right"), s["zn"]("left")], "1-z"),
        Wire([s["rh"]("right"), P(690, 226), P(690, 318), s["n"]("left")], "rh", halo=True),
        Wire([s["n"]("top"), s["zn"]("bottom")], "n"),
        Wire([s["zn"]("top"), s["plus"]("bottom")], "zn"),
    ]
    dots = [P(160, 108), P(160, 226), P(240, 384), P(300, 384), P(430, 384), P(430, 172), P(860, 108)]
    notes = [tr(UPDATE_STATEMENT), reset_statement(cell)]
    return Layout("gru", n, wires, dots, QRectF(118, 66, 770, 346), notes, "zn")


def _rnn(cell: Cell) -> Layout:
    act = cell.nonlinearity
    n = {
        "h_prev": Node("h_prev", "state", P(150, 350), "", "h", "tanh", "above", "t−1"),
        "h": Node("h", "state", P(860, 130), "", "h", "tanh", "above", "t"),
        "x": Node("x", "state", P(500, 440), "", "x", "tanh", "left", "t"),
        "a": Node("a", "op", P(500, 350), "Σ", "a", "tanh", "right left"),
        "hb": Node("h", "block", P(500, 240), act, "h", "tanh"),
    }
    s = {k: v.side for k, v in n.items()}
    wires = [
        Wire([s["h_prev"]("right"), s["a"]("left")], "h_prev"),
        Wire([s["x"]("top"), s["a"]("bottom")], "x"),
        Wire([s["a"]("top"), s["hb"]("bottom")], "a"),
        Wire([s["hb"]("top"), P(500, 130), s["h"]("left")], "h", main=True),
        Wire([P(780, 130), P(780, 50)], "h", end_label=("h", "t")),
    ]
    notes = [f"h′ = {act}(W_ih x + b_ih + W_hh h + b_hh)",
             tr("one layer, no gates: the state is rewritten at every step")]
    return Layout("rnn", n, wires, [P(780, 130)], QRectF(250, 80, 500, 332), notes, "h")


def build_layout(cell: Cell) -> Layout:
    """The schematic for ``cell``'s kind (and options: the GRU's reset convention, the RNN's φ)."""
    if cell.kind == "lstm":
        return _lstm(cell)
    if cell.kind == "gru":
        return _gru(cell)
    return _rnn(cell)
