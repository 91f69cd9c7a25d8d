"""The branch (what if) panel: forced gates, divergence, |Δh|, kept branches saved and undoable."""

import numpy as np
import pytest

from simulator import run
from simulator.document.presets import load_preset
from simulator.document.session import Session
from simulator.insight import Branch, GateForce, divergence, run_branch
from ui.insight.branch_panel import BranchPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def panel_for(shown):
    """``panel_for(controller)``: a shown branch panel."""
    return lambda controller: shown(BranchPanel(controller), 1100, 420)


def _force_f(qtbot, panel, controller, step=5) -> None:
    controller.seek(step)
    panel.form.mode.setCurrentIndex(0)
    panel.form.gate.setCurrentIndex(panel.form.gate.findData("f"))
    panel.form.value.setValue(1.0)
    panel.form.units.setText("all")
    panel.create_from_form()
    qtbot.waitUntil(lambda: panel.result is not None and not panel.worker.busy, timeout=10_000)


def test_forced_forget_gate_divergence_and_difference(qtbot, new_controller, panel_for):
    session = load_preset("lstm-first-look")
    controller = new_controller(session)
    panel = panel_for(controller)
    _force_f(qtbot, panel, controller)
    original = run(session.cell, session.inputs, session.state())
    branched = run_branch(session.cell, session.inputs, session.state(),
                          Branch("f", 5, [GateForce("f", 1.0)]), original=original)
    first, _ = divergence(original, branched)
    assert panel.result["first"] == first
    assert str(first) in panel.status.text()
    assert all(m.isVisible() and m.value() == first for m in panel.markers)
    np.testing.assert_array_equal(panel.diff_image.image, np.abs(branched.h - original.h).astype(np.float32))
    np.testing.assert_array_equal(panel.branch_curve.yData, branched.h[:, controller.selected_unit])
    np.testing.assert_array_equal(panel.original_curve.yData, original.h[:, controller.selected_unit])
    assert panel.store.names() == ["f = 1 from step 5"]
    assert np.all(panel.result["branched"].gates["f"][5:] == 1.0)


def test_branches_are_undoable_and_saved_with_the_session(qtbot, tmp_path, new_controller, panel_for):
    controller = new_controller(load_preset("lstm-first-look"))
    panel = panel_for(controller)
    _force_f(qtbot, panel, controller)
    assert controller.undo_stack.count() == 1 and not controller.undo_stack.isClean()
    path = tmp_path / "s.json"
    controller.snapshot().save(path)
    reopened = Session.load(path)
    assert reopened.settings["branches"] == controller.session.settings["branches"]
    panel2 = panel_for(new_controller(reopened))
    assert panel2.store.names() == ["f = 1 from step 5"]
    assert panel2.store.branch(0).forced[0].gate == "f"
    panel.discard_selected()
    assert panel.store.names() == [] and panel.list.count() == 0
    controller.undo_stack.undo()
    assert panel.store.names() == ["f = 1 from step 5"] and panel.list.count() == 1
    controller.undo_stack.undo()
    assert panel.store.names() == []


def test_input_and_weight_branches(qtbot, new_controller, panel_for):
    controller = new_controller(load_preset("rnn-pulse-fades"))
    panel = panel_for(controller)
    assert not panel.form.mode.model().item(0).isEnabled()  # an RNN has no gate to force
    controller.seek(2)
    panel.form.mode.setCurrentIndex(1)
    panel.form.input_row.setText("0.75")
    panel.name.setText("pulse")
    panel.create_from_form()
    qtbot.waitUntil(lambda: panel.store.names() == ["pulse"] and not panel.worker.busy, timeout=10_000)
    x = controller.trace.x.copy()
    x[2] = 0.75
    expected = run(controller.cell, x, controller.session.state())
    np.testing.assert_array_equal(panel.result["branched"].h, expected.h)
    panel.form.mode.setCurrentIndex(2)
    panel.form.parameter.setCurrentText("weight_hh")
    panel.form.weight.setValue(0.0)
    panel.create_from_form()
    qtbot.waitUntil(lambda: len(panel.store.names()) == 2 and not panel.worker.busy, timeout=10_000)
    assert panel.store.branch(1).weights["weight_hh"][0, 0] == 0.0


def test_a_bad_field_is_reported_not_kept(qtbot, new_controller, panel_for):
    panel = panel_for(new_controller())
    panel.form.units.setText("0, 9")
    panel.create_from_form()
    qtbot.waitUntil(lambda: "Cannot" in panel.status.text(), timeout=10_000)
    assert panel.store.names() == []
