"""The Tools menu, the conventions explorer and the reproduce scripts."""

import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from simulator.document.presets import load_preset
from simulator.insight import convention_errors
from ui.insight.conventions_dialog import ConventionsDialog
from ui.insight.reproduce import export_reproduce_script

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

NAMES = ("action_compare", "action_branch", "action_train", "action_dashboard", "action_conventions",
         "action_reproduce_torch", "action_reproduce_keras")


def test_tools_menu_opens_every_view(window, qtbot):
    from PySide6.QtWidgets import QMenu

    menu = window.findChild(QMenu, "menu_tools")
    assert menu is not None
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == list(NAMES)
    window.actions_by_name["action_compare"].trigger()
    assert window.insight.compare_window.objectName() == "compare_window"
    assert window.insight.compare_window.isVisible()
    window.actions_by_name["action_branch"].trigger()
    window.actions_by_name["action_dashboard"].trigger()
    assert window.findChild(object, "dock_branch").isVisible()
    assert window.findChild(object, "dock_dashboard").isVisible()
    window.actions_by_name["action_conventions"].trigger()
    assert window.insight.conventions_dialog.objectName() == "conventions_dialog"
    window.insight.compare_window.close()
    window.insight.conventions_dialog.close()


@pytest.mark.parametrize("kind", ["lstm", "gru", "rnn"])
def test_conventions_dialog_shows_zero_for_the_right_convention(qtbot, random_controller, shown, kind):
    controller = random_controller(kind, hidden=3, seed=1, inputs=3)  # D = H: the transposes apply too
    session = controller.session
    dialog = shown(ConventionsDialog(controller))
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=10_000)
    expected = convention_errors(session.cell, session.inputs, session.state())  # no source recorded: all
    assert [r.name for r in dialog.results] == [r.name for r in expected]
    assert dialog.table.item(0, 0).text() == "as-imported" and dialog.table.item(0, 2).text() == "0 (exact)"
    for k, r in enumerate(expected[1:], start=1):
        assert r.max_abs_error > 0
        assert dialog.table.item(k, 2).text() == f"{r.max_abs_error:.3g}"
        np.testing.assert_array_equal(dialog.results[k].per_step, r.per_step)
    assert dialog.source.currentData() is None
    dialog.source.setCurrentIndex(dialog.source.findData("keras"))
    keras = convention_errors(session.cell, session.inputs, session.state(), "keras")
    qtbot.waitUntil(lambda: [r.name for r in dialog.results] == [r.name for r in keras], timeout=10_000)


def test_conventions_dialog_of_a_reverse_cell_shows_zero_as_imported(qtbot, new_controller, shown):
    from simulator import make_cell
    from simulator.document.session import Session

    cell = make_cell("lstm", 2, 3, seed=5)
    cell.direction = "reverse"
    controller = new_controller(Session(cell=cell, inputs=np.random.default_rng(5).normal(size=(20, 2))))
    dialog = shown(ConventionsDialog(controller))
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=10_000)
    assert dialog.results[0].name == "as-imported" and dialog.results[0].max_abs_error == 0.0
    np.testing.assert_array_equal(dialog.results[0].trace.h, controller.trace.h)


def test_reproduce_script_contains_the_weights(tmp_path, new_controller):
    controller = new_controller(load_preset("gru-holds"))
    path = tmp_path / "repro.py"
    export_reproduce_script(controller, str(path), "torch")
    text = path.read_text()
    assert "WEIGHT_HH = _array(" in text and "EXPECTED_H" in text
    namespace = {}
    head = text.split("import torch")[0]
    exec(compile(head, str(path), "exec"), namespace)  # the data part only: no framework needed
    np.testing.assert_array_equal(namespace["WEIGHT_HH"], controller.cell.weight_hh)
    np.testing.assert_array_equal(namespace["X"], controller.trace.x)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("python") is None, reason="no python")
def test_reproduce_script_runs_in_torch(tmp_path, new_controller):
    pytest.importorskip("torch")
    controller = new_controller(load_preset("lstm-first-look"))
    path = tmp_path / "repro.py"
    export_reproduce_script(controller, str(path), "torch")
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert out.returncode == 0, out.stderr
    assert "OK: matches GateScope trace" in out.stdout


@pytest.mark.parametrize("record", [{"file": "w.keras", "format": "keras", "layer": 0},
                                    "keras"])
def test_conventions_start_from_the_recorded_import(qtbot, random_controller, shown, record):
    controller = random_controller("gru", hidden=3, seed=1, inputs=3)
    controller.session.settings["weights_source"] = record  # as the weight import writes it (or older files)
    dialog = shown(ConventionsDialog(controller))
    assert dialog.source.currentData() == "keras"
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=10_000)
    keras = convention_errors(controller.cell, controller.session.inputs, controller.session.state(), "keras")
    assert [r.name for r in dialog.results] == [r.name for r in keras]
