"""The cell diagram shows the trace's values, the live equations, and rebuilds for a new kind."""

from __future__ import annotations

import statistics
import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QSpinBox, QToolTip

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.widgets.diagram.cell_diagram import CellDiagram
from ui.widgets.diagram.equations import UPDATE_STATEMENT, fmt

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show(), raise()

KINDS = [("rnn", {"nonlinearity": "tanh"}), ("lstm", {}), ("gru", {"reset_after": True}),
         ("gru", {"reset_after": False})]
IDS = ["rnn", "lstm", "gru-after", "gru-before"]
GATE_ROWS = {"lstm": "ifgo", "gru": "rzn"}


def sigmoid(a: float) -> float:
    return 1.0 / (1.0 + np.exp(-a))


def session(kind: str, hidden: int = 5, steps: int = 12, inputs: int = 2, **options) -> Session:
    cell = make_cell(kind, inputs, hidden, seed=7, **options)
    x = np.random.default_rng(3).normal(size=(steps, inputs))
    return Session(cell=cell, inputs=x, h0=np.linspace(-0.5, 0.5, hidden))


@pytest.fixture(params=KINDS, ids=IDS)
def diagram(request, qtbot):
    kind, options = request.param
    controller = Controller(session(kind, **options))
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    return widget


def expected(controller: Controller, mean: bool) -> dict[str, float]:
    """The main keys read straight from the trace (unit or mean over units)."""
    t, k, tr = controller.step, controller.selected_unit, controller.trace
    pick = (lambda a: float(a.mean())) if mean else (lambda a: float(a[k]))
    h_prev, c_prev = tr.state_before(t)
    out = {"h": pick(tr.h[t]), "h_prev": pick(h_prev)}
    for name, values in tr.gates.items():
        out[name] = pick(values[t])
    if tr.c is not None:
        out["c"], out["c_prev"] = pick(tr.c[t]), pick(c_prev)
        out["ig"] = pick(tr.gates["i"][t] * tr.gates["g"][t])
    if controller.cell.kind == "gru":
        out["zh"] = pick(tr.gates["z"][t] * h_prev)
    x = tr.x[t]
    out["x"] = float(x[0]) if x.size == 1 else float(np.linalg.norm(x))
    return out


def hand_pre(controller: Controller, gate: str) -> float:
    """The pre-activation of one unit's gate computed here from the PyTorch-layout weights."""
    cell, tr, t, k = controller.cell, controller.trace, controller.step, controller.selected_unit
    H = cell.hidden_size
    x, (h, _) = tr.x[t], tr.state_before(t)
    row = k if cell.kind == "rnn" else GATE_ROWS[cell.kind].index(gate) * H + k
    wx = cell.weight_ih[row] @ x + cell.bias_ih[row]
    if cell.kind == "gru" and gate == "n":
        r = tr.gates["r"][t]
        if cell.reset_after:
            return wx + r[k] * (cell.weight_hh[row] @ h + cell.bias_hh[row])
        return wx + cell.weight_hh[row] @ (r * h) + cell.bias_hh[row]
    return wx + cell.weight_hh[row] @ h + cell.bias_hh[row]


def assert_values(widget: CellDiagram, mean: bool) -> None:
    shown = widget.displayed_values()
    for key, value in expected(widget.controller, mean).items():
        assert shown[key] == pytest.approx(value, abs=1e-12), key


def test_values_follow_steps_units_and_mean(diagram, qtbot):
    c = diagram.controller
    for step, unit in ((0, 0), (5, 3), (6, 3), (11, 1), (2, 4)):
        c.seek(step)
        c.set_selected_unit(unit)
        assert_values(diagram, mean=False)
    diagram.set_mean_mode(True)
    assert_values(diagram, mean=True)
    c.step_back()
    assert_values(diagram, mean=True)
    diagram.set_mean_mode(False)
    spin = diagram.findChild(QSpinBox, "diagram_unit_spin")
    spin.setValue(2)
    assert c.selected_unit == 2
    assert_values(diagram, mean=False)
    c.set_selected_unit(4)
    assert spin.value() == 4
    assert spin.maximum() == c.cell.hidden_size - 1


def test_equations_hold_live_numbers(diagram):
    c = diagram.controller
    c.seek(7)
    c.set_selected_unit(3)
    cell, t, k = c.cell, c.step, c.selected_unit
    if cell.kind == "rnn":
        pre = hand_pre(c, "h")
        assert diagram.pre_activation("h") == pytest.approx(pre, abs=1e-12)
        assert np.tanh(pre) == pytest.approx(c.trace.h[t, k], abs=1e-12)
        text = diagram.equation_text("h")
        assert "h′ = tanh(W_ih x + b_ih + W_hh h + b_hh)" in text
        assert f"= tanh({fmt(pre)}) = {fmt(c.trace.h[t, k])}" in text
        return
    for gate in cell.gate_names:
        pre, value = hand_pre(c, gate), float(c.trace.gates[gate][t, k])
        assert diagram.pre_activation(gate) == pytest.approx(pre, abs=1e-12)
        act = np.tanh if gate in "gn" else sigmoid
        assert act(pre) == pytest.approx(value, abs=1e-12)
        text = diagram.equation_text(gate)
        assert fmt(value) in text and fmt(pre) in text
        assert f"{'tanh' if gate in 'gn' else 'σ'}({fmt(pre)}) = {fmt(value)}" in text
    if cell.kind == "lstm":
        assert "f = σ(W_if x + b_if + W_hf h + b_hf)" in diagram.equation_text("f")
        c_text = diagram.equation_text("c")
        assert "c′ = f ⊙ c + i ⊙ g" in c_text and c_text.endswith(f"= {fmt(c.trace.c[t, k])}")
        h_text = diagram.equation_text("h")
        assert "h′ = o ⊙ tanh(c′)" in h_text and h_text.endswith(f"= {fmt(c.trace.h[t, k])}")
    else:
        after = cell.reset_after
        n_head = ("n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))" if after
                  else "n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)")
        assert n_head in diagram.equation_text("n")
        assert UPDATE_STATEMENT in diagram.equation_text("h")
        assert diagram.equation_text("h").endswith(f"= {fmt(c.trace.h[t, k])}")
        notes = " ".join(diagram.canvas.layout_.notes)
        assert UPDATE_STATEMENT in notes and "z = 1 keeps the old state" in notes
        assert ("reset after matmul (PyTorch)" if after else "reset before matmul (Cho/Keras)") in notes


def test_mean_mode_equation_names_the_mean(diagram):
    diagram.set_mean_mode(True)
    c = diagram.controller
    key = "h"
    mean = float(c.trace.h[c.step].mean())
    assert f"mean over {c.cell.hidden_size} units = {fmt(mean)}" in diagram.equation_text(key)
    assert "mean of 5 units" in diagram.canvas.scene.header_right


def test_click_pins_the_equation_and_emits(diagram, qtbot):
    diagram.resize(900, 600)
    diagram.show()
    qtbot.waitExposed(diagram)
    canvas = diagram.canvas
    gate = {"rnn": "h", "lstm": "f", "gru": "z"}[diagram.controller.cell.kind]
    ident = next(i for i, n in canvas.layout_.nodes.items() if n.key == gate and n.shape == "block")
    center = canvas.node_rect(ident).center().toPoint()
    assert canvas.node_at(QPointF(center)) == ident
    with qtbot.waitSignal(diagram.gate_clicked) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == [gate]
    assert diagram.pinned() == gate
    assert diagram.caption.text() == diagram.equation_text(gate)
    diagram.controller.step_forward()  # the pinned caption follows the step
    assert diagram.caption.text() == diagram.equation_text(gate)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert diagram.pinned() is None and "click" in diagram.caption.text()


def _shown(qtbot, document, size=None):
    """A controller on ``document`` and its diagram, shown (at ``size`` when given) and exposed."""
    controller = Controller(document)
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return controller, widget


def test_tooltip_shows_the_equation(qtbot):
    _controller, widget = _shown(qtbot, session("lstm"), (900, 600))
    canvas = widget.canvas
    pos = canvas.node_rect("f").center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, canvas.mapToGlobal(pos))
    QApplication.sendEvent(canvas, event)
    assert widget.equation_text("f") in QToolTip.text()
    QToolTip.hideText()


def test_kind_change_rebuilds_with_gru_labels(qtbot):
    controller = Controller()
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    assert widget.canvas.layout_.kind == controller.cell.kind
    controller.replace_session(session("gru", hidden=3, reset_after=False), "Switch to GRU")
    layout = widget.canvas.layout_
    assert layout.kind == "gru"
    names = {n.name for n in layout.nodes.values()}
    assert {"r", "z", "n"} <= names and "f" not in names
    assert {"r", "z", "n", "zh", "1-z"} <= set(widget.displayed_values())
    assert widget.unit_spin.maximum() == 2
    assert "GRU (reset before matmul)" in widget.canvas.scene.header_left
    assert_values(widget, mean=False)
    controller.undo_stack.undo()
    assert widget.canvas.layout_.kind == controller.cell.kind != "gru"


def test_render_to_image_is_not_blank(diagram):
    image = diagram.render_to_image(QSize(640, 360))
    assert image.size() == QSize(640, 360)
    pixels = np.array([image.pixel(x, y) for x in range(0, 640, 7) for y in range(0, 360, 7)])
    assert len(np.unique(pixels)) > 20


def test_animation_reaches_the_target_and_fast_play_jumps(qtbot):
    controller, widget = _shown(qtbot, session("lstm", steps=40))
    controller.seek(3)
    shown = widget.canvas.scene.values
    target = widget.displayed_values()
    assert shown != target  # interpolating
    qtbot.waitUntil(lambda: all(abs(shown[k] - target[k]) < 1e-12 for k in target), timeout=2000)
    controller.seek(30)  # far: jumps
    assert widget.canvas.scene.values == widget.displayed_values()
    controller.set_speed(60)
    controller.seek(0)
    controller.play()
    controller.seek(controller.step + 1)
    assert widget.canvas.scene.values == widget.displayed_values()
    controller.pause()


class _Paints(QObject):
    """Counts paint events of one widget."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        self.count += event.type() == QEvent.Type.Paint
        return False


def test_a_step_from_rest_paints_once_and_already_moves(qtbot):
    controller, widget = _shown(qtbot, session("lstm", steps=40))
    before = dict(widget.canvas.scene.values)
    paints = _Paints(widget.canvas)
    controller.seek(1)
    QApplication.processEvents()
    assert paints.count == 1  # not once with the old values and again at once
    shown, target = widget.canvas.scene.values, widget.displayed_values()
    moved = [k for k in target if target[k] != before[k]]
    assert moved and all(shown[k] != before[k] and shown[k] != target[k] for k in moved)
    # OutCubic one frame (16 of 120 ms) in: 1 − (1 − 2/15)³ of the way
    k = moved[0]
    assert (shown[k] - before[k]) / (target[k] - before[k]) == pytest.approx(1 - (13 / 15) ** 3, abs=1e-6)
    widget.finish_animation()
    assert shown == target and not widget._tween.running
    qtbot.wait(60)
    assert paints.count == 2  # the finishing frame, then nothing more


def test_text_input_shows_the_token(qtbot):
    cell = make_cell("lstm", 3, 2, seed=1)
    x = np.eye(3)[[0, 2, 1]]
    controller = Controller(Session(cell=cell, inputs=x, input_labels=["a", "b", "c"]))
    widget = CellDiagram(controller)
    qtbot.addWidget(widget)
    controller.seek(1)
    assert widget.canvas.scene.x_text == "'c'"


def test_step_update_is_cheap(qtbot):
    cell = make_cell("lstm", 4, 64, seed=0)
    x = np.random.default_rng(0).normal(size=(10_000, 4))
    controller, widget = _shown(qtbot, Session(cell=cell, inputs=x))
    widget.set_mean_mode(True)
    times = []
    for step in range(1, 200):
        start = time.perf_counter()
        controller.seek(step * 37)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.002


def test_follows_a_dark_palette(qtbot):
    from ui.theme import dark_palette

    widget = CellDiagram(Controller(session("gru")))
    qtbot.addWidget(widget)
    assert not widget.canvas.theme.dark
    widget.setPalette(dark_palette())
    assert widget.canvas.theme.dark
    image = widget.render_to_image(QSize(400, 220))
    assert image.pixelColor(2, 2).lightness() < 128  # drawn on the dark window colour


def test_painting_does_not_drain_none(qtbot):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call and aborts."""
    import sys

    widget = CellDiagram(Controller(session("lstm")))
    qtbot.addWidget(widget)
    widget.render_to_image(QSize(320, 180))
    before = sys.getrefcount(None)
    for _ in range(50):
        widget.render_to_image(QSize(320, 180))
    assert sys.getrefcount(None) >= before - 50  # hundreds of void calls per paint would show


def test_the_cached_still_layer_paints_exactly_what_a_full_paint_does(qtbot):
    controller, widget = _shown(qtbot, session("lstm", steps=40), (900, 560))
    canvas = widget.canvas

    def same() -> bool:
        widget.finish_animation()
        shown = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        full = canvas.render_image(canvas.size(), canvas.scene).convertToFormat(QImage.Format.Format_RGB32)
        return shown == full

    assert same()
    layer = canvas._still[1]
    for step in (1, 2, 3):  # steps reuse the layer and still match
        controller.seek(step)
        assert same() and canvas._still[1] is layer
    widget.set_highlight({"f"})  # a lesson's glow is part of the layer: drawn anew
    assert same() and canvas._still[1] is not layer
    controller.seek(35)
    assert same()
