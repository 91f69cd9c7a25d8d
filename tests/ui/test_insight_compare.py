"""The compare window: cells on the shared inputs, one transport, the memory test and its exports."""

import json

import numpy as np
import pytest

from simulator import run
from simulator.document.presets import load_preset
from simulator.insight import default_trio, memory_curve
from ui.insight.compare_window import CompareWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def compare_for(qtbot, shown):
    """``compare_for(controller, entries=None)``: a shown compare window, its memory test done."""
    def build(controller, entries=None) -> CompareWindow:
        window = shown(CompareWindow(controller, entries=entries))
        if entries != []:
            qtbot.waitUntil(lambda: bool(window.memory.results), timeout=10_000)
        return window
    return build


def test_compare_starts_from_the_current_cell(new_controller, compare_for):
    main = new_controller()
    main.set_parameter("weight_hh", (0, 1), 0.75, text="edit")  # weights no fresh cell would have
    window = compare_for(main)
    assert window.objectName() == "compare_window"
    assert window.labels == ["lstm (this session)", "rnn", "gru"]
    first = window.controllers[0]
    assert first.cell == main.cell and first.cell is not main.cell  # the same weights, a copy
    assert first.cell.weight_hh[0, 1] == 0.75
    np.testing.assert_array_equal(first.trace.h, main.trace.h)  # same weights, inputs and initial state
    np.testing.assert_array_equal(window.rows[0].image.image, main.trace.h.astype(np.float32))
    others = {c.kind: c for c in default_trio(main.cell.input_size, main.cell.hidden_size)}
    for controller in window.controllers[1:]:
        expected = run(others[controller.cell.kind], main.trace.x)
        np.testing.assert_array_equal(controller.trace.x, main.trace.x)
        np.testing.assert_array_equal(controller.trace.h, expected.h)


def test_compare_keeps_a_preset_and_its_initial_state(new_controller, compare_for):
    session = load_preset("gru-holds")
    main = new_controller(session)
    window = compare_for(main)
    assert window.labels == ["gru (this session)", "rnn", "lstm"]
    np.testing.assert_array_equal(window.controllers[0].trace.h, run(session.cell, main.trace.x,
                                                                     state=session.state()).h)


def test_shared_transport_moves_every_cell(new_controller, compare_for):
    window = compare_for(new_controller())
    window.clock.seek(17)
    assert [c.step for c in window.controllers] == [17, 17, 17]
    assert all(row.cursor.value() == 17 for row in window.rows)
    window.clock.step_forward()
    assert [c.step for c in window.controllers] == [18, 18, 18]
    assert window.findChild(object, "compare_step_spin").value() == 18


def test_main_input_edit_reruns_every_cell(qtbot, new_controller, compare_for):
    main = new_controller()
    window = compare_for(main)
    main.set_inputs(3, [[2.5]])
    qtbot.waitUntil(lambda: window.controllers[0].trace.x[3, 0] == 2.5)
    for controller in window.controllers:
        np.testing.assert_array_equal(controller.trace.h, run(controller.cell, main.trace.x).h)


@pytest.mark.parametrize("preset, pulse", [("rnn-pulse-fades", ""), ("gru-holds", "0.8, 1")])
def test_memory_delays_equal_memory_curve(qtbot, new_controller, preset, pulse):
    session = load_preset(preset)
    main = new_controller(session)
    window = CompareWindow(main, entries=[(preset, session.cell, session.state())])
    qtbot.addWidget(window)
    window.memory.vector.setText(pulse)
    window.memory.run()
    kwargs = {"pulse": [0.8, 1.0]} if pulse else {}
    expected = memory_curve(session.cell, 5, 200, state=session.state(), **kwargs)
    qtbot.waitUntil(lambda: preset in window.memory.results
                    and len(window.memory.results[preset].curve) == 201, timeout=10_000)
    qtbot.wait(50)
    delay = expected.delay_below(0.1)
    assert window.memory.delays[preset] == delay
    if preset == "rnn-pulse-fades":
        assert delay == 3
        assert window.memory.table.item(0, 1).text() == "3 steps"
    np.testing.assert_array_equal(window.memory.results[preset].curve, expected.curve)


def test_add_current_and_open_session(tmp_path, new_controller, compare_for):
    main = new_controller(load_preset("compare-lstm"))
    window = compare_for(main, entries=[])
    window.add_current()
    path = tmp_path / "other.json"
    load_preset("compare-gru").save(path)
    assert window.open_session(str(path))
    assert len(window.controllers) == 2
    np.testing.assert_array_equal(window.controllers[1].trace.h, run(load_preset("compare-gru").cell,
                                                                     main.trace.x).h)
    window.remove_cell(0)
    assert len(window.rows) == 1 and window.labels == [window.labels[0]]


def test_exports(tmp_path, new_controller, compare_for):
    window = compare_for(new_controller())
    window.export_table(tmp_path / "c.json")
    doc = json.loads((tmp_path / "c.json").read_text())
    np.testing.assert_array_equal(doc["arrays"]["lstm (this session)/h"], window.controllers[0].trace.h)
    from ui.insight.plots import export_plot_png

    export_plot_png(window.memory.plot, str(tmp_path / "m.png"), width=400)
    assert (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"


def test_mini_diagrams_have_room(qtbot, new_controller, compare_for):
    window = compare_for(new_controller())
    window.resize(1280, 780)
    window.view_combo.setCurrentIndex(1)
    qtbot.wait(20)
    for row in window.rows:
        assert row.diagram is not None and row.diagram.footer.isHidden()  # no hint text or combo boxes
        assert row.diagram.canvas.layout_.notes == []
        assert row.view_stack.width() >= 0.38 * row.width()  # the schematic's share of the row
    window.view_combo.setCurrentIndex(0)
    qtbot.wait(20)
    assert window.rows[0].view_stack.width() < 0.3 * window.rows[0].width()


def test_compare_with_a_reverse_cell_runs_it_on_the_callers_inputs(new_controller, compare_for):
    from simulator import make_cell
    from simulator.document.session import Session

    cell = make_cell("gru", 2, 3, seed=4)
    cell.direction = "reverse"
    x = np.random.default_rng(4).normal(size=(12, 2))
    main = new_controller(Session(cell=cell, inputs=x))
    window = compare_for(main)
    np.testing.assert_array_equal(window.inputs, x)  # the caller's order, not the order consumed
    np.testing.assert_array_equal(window.controllers[0].trace.h, main.trace.h)  # not reversed twice
    others = {c.kind: c for c in default_trio(2, 3)}
    for controller in window.controllers[1:]:  # the forward cells see the inputs as given
        np.testing.assert_array_equal(controller.trace.h, run(others[controller.cell.kind], x).h)
