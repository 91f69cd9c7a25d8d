"""The cell diagram's layout: nothing cut, nothing overlapping, the schematic filling its pane.

Checked for every kind and option (RNN tanh/relu, LSTM with and without peepholes, GRU with
either reset convention) at pane sizes from 600 × 300 to 1400 × 700.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFontMetricsF

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.diagram.cell_diagram import CellDiagram
from ui.widgets.diagram.equations import short
from ui.widgets.diagram.frame import MARGIN, compute_geometry, header_left_text, header_needs_two_lines, wrap
from ui.widgets.diagram.placement import VALUE_RESERVE, obstacles
from ui.widgets.diagram.style import FrameFonts

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

VARIANTS = {
    "rnn-tanh": ("rnn", {"nonlinearity": "tanh"}),
    "rnn-relu": ("rnn", {"nonlinearity": "relu"}),
    "lstm": ("lstm", {}),
    "lstm-peepholes": ("lstm", {"peephole": True}),
    "gru-after": ("gru", {"reset_after": True}),
    "gru-before": ("gru", {"reset_after": False}),
}
SIZES = [(600, 300), (700, 420), (800, 400), (1000, 500), (1200, 380), (1400, 700), (640, 640)]


def make_diagram(qtbot, variant: str, hidden: int = 128) -> CellDiagram:
    kind, options = VARIANTS[variant]
    options = dict(options)
    peepholes = options.pop("peephole", False)
    cell = make_cell(kind, 12, hidden, seed=3, **options)
    if peepholes:
        cell.weight_peephole = np.full((3, hidden), 0.25)
    x = np.random.default_rng(0).normal(size=(120, 12))
    widget = CellDiagram(Controller(Session(cell=cell, inputs=x)))
    qtbot.addWidget(widget)
    widget.controller.seek(101)
    widget.set_mean_mode(True)  # the longest step line: "mean of 128 units"
    return widget


def geometry(widget: CellDiagram, w: int, h: int):
    canvas = widget.canvas
    fonts = FrameFonts.make(canvas.font(), min(w / 1000, h / 536))
    scene = canvas.scene
    two = header_needs_two_lines(w, fonts, scene.header_left, scene.header_right)
    return compute_geometry(w, h, canvas.layout_, canvas.font(), two_lines=two)


@pytest.mark.parametrize("variant", VARIANTS)
def test_header_and_footer_are_never_cut(qtbot, variant):
    widget = make_diagram(qtbot, variant)
    lay, scene = widget.canvas.layout_, widget.canvas.scene
    for w, h in SIZES:
        geo = geometry(widget, w, h)
        fs = QFontMetricsF(geo.frame_fonts.small)
        for rect, text in geo.notes:
            assert fs.horizontalAdvance(text) <= rect.width() <= w - 2 * MARGIN, (w, text)
            assert "…" not in text
        words = [word for note in lay.notes for word in note.split()]
        assert [word for _, text in geo.notes for word in text.split()] == words  # every word, in order
        left, right = geo.header
        fh, fr = QFontMetricsF(geo.frame_fonts.header), QFontMetricsF(geo.frame_fonts.right)
        assert fh.horizontalAdvance(scene.header_left) <= left.width()
        if geo.header_two_lines:
            assert fr.horizontalAdvance(scene.header_right) <= right.width()
            assert right.top() >= left.bottom() - 0.5
        else:
            room = left.width() - fr.horizontalAdvance(scene.header_right) - 24
            assert fh.horizontalAdvance(scene.header_left) <= room
        footer_top = min(r.top() for r, _ in geo.notes)
        assert geo.schematic.top() >= max(left.bottom(), right.bottom())
        assert geo.schematic.bottom() <= footer_top
        assert all(p.y() >= footer_top and p.y() < h for p in geo.legend)


def test_gru_header_keeps_the_unit_count(qtbot):
    widget = make_diagram(qtbot, "gru-after")
    scene = widget.canvas.scene
    assert scene.header_left.endswith("128 units")
    shapes = []
    for w in range(1000, 399, -20):  # wide to narrow, whatever the font's advances
        geo = geometry(widget, w, 300)
        shapes.append(geo.header_two_lines)
        assert header_left_text(geo, scene).endswith("128 units"), w  # drawn whole at every width
    assert shapes[0] is False and shapes[-1] is True  # the step line moves below rather than cutting


def test_wrap_breaks_between_phrases_first():
    from PySide6.QtGui import QFont

    fm = QFontMetricsF(QFont())
    text = "h′ = (1 − z) ⊙ n + z ⊙ h   (z = 1 keeps the old state; PyTorch/Keras convention)"
    narrow = fm.horizontalAdvance("(z = 1 keeps the old state; PyTorch/Keras convention)") + 2
    assert wrap(text, fm, narrow) == ["h′ = (1 − z) ⊙ n + z ⊙ h",
                                      "(z = 1 keeps the old state; PyTorch/Keras convention)"]
    assert wrap(text, fm, 10_000) == [text]
    tight = wrap(text, fm, 120)
    assert all(fm.horizontalAdvance(line) <= 120 for line in tight)
    assert " ".join(tight).split() == text.split()


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_text_touches_anything(qtbot, variant):
    """Names and value labels overlap no node, no wire and no other text, at every size."""
    widget = make_diagram(qtbot, variant)
    lay = widget.canvas.layout_
    blocked = obstacles(lay)
    for w, h in SIZES:
        geo = geometry(widget, w, h)
        boxes = geo.placement.boxes
        labelled = {i for i, n in lay.nodes.items() if n.label and n.shape in ("op", "fn")}
        assert {b.owner for b in boxes if b.kind == "value"} == labelled
        for a, b in itertools.combinations(boxes, 2):
            assert not a.rect.intersects(b.rect), (w, h, a.owner, b.owner)
        for box in boxes:
            for rect in blocked:
                assert not box.rect.intersects(rect), (w, h, box.owner, box.kind, rect)
            on_screen = geo.transform.mapRect(box.rect)
            assert geo.schematic.adjusted(-1, -1, 1, 1).contains(on_screen), (w, h, box.owner)


@pytest.mark.parametrize("variant", ["lstm", "gru-after", "rnn-tanh"])
def test_schematic_fills_its_room_and_fonts_scale_within_bounds(qtbot, variant):
    widget = make_diagram(qtbot, variant)
    previous = 0.0
    for w, h in [(600, 300), (1000, 500), (1400, 700)]:
        geo = geometry(widget, w, h)
        drawn = geo.transform.mapRect(geo.placement.bounds)
        room = geo.schematic
        assert drawn.width() >= 0.97 * room.width() or drawn.height() >= 0.97 * room.height()
        assert room.contains(drawn.adjusted(1, 1, -1, -1))
        scale = geo.transform.m11()
        assert scale > previous  # a bigger pane draws a bigger schematic
        previous = scale
        on_screen = geo.fonts.small.pixelSize() * scale
        assert 10.5 <= on_screen <= 17.5
        for font in (geo.frame_fonts.header, geo.frame_fonts.small):
            assert 11 <= font.pixelSize() <= 18


def test_labels_reserve_room_for_every_short_value():
    from PySide6.QtGui import QFont

    fm = QFontMetricsF(QFont())
    for value in (0.0, -0.999, 12.345, -99.99, 123.4, -9999.0, 2.5e5, -3.6e7):
        assert len(short(value)) <= 6
        assert fm.horizontalAdvance(short(value)) <= fm.horizontalAdvance(VALUE_RESERVE) * 1.25


def test_caption_uses_the_interface_font(qtbot):
    widget = make_diagram(qtbot, "lstm", hidden=4)
    assert not widget.caption.font().fixedPitch()
    assert widget.caption.font().family() == widget.font().family()


@pytest.mark.parametrize("variant", VARIANTS)
def test_render_at_small_and_large_sizes(qtbot, variant):
    widget = make_diagram(qtbot, variant, hidden=6)
    for w, h in [(600, 300), (1400, 700)]:
        image = widget.render_to_image(QSize(w, h))
        assert image.size() == QSize(w, h)
        geo = geometry(widget, w, h)
        assert QRectF(0, 0, w, h).contains(geo.schematic)
