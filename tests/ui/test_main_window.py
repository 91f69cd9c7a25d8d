"""The assembled window: actions, docks, keyboard, undo, title, layout, error hook, screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLineEdit, QMessageBox

from ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SHORTCUTS = {
    "action_play": "Space", "action_step_forward": "Right", "action_step_back": "Left",
    "action_reset": "Home", "action_go_to_end": "End", "action_undo": "Ctrl+Z", "action_redo": "Ctrl+Shift+Z",
    "action_open": "Ctrl+O", "action_save": "Ctrl+S", "action_save_as": "Ctrl+Shift+S",
    "action_import_weights": "Ctrl+I", "action_export_trace": "Ctrl+E", "action_quit": "Ctrl+Q",
}
DOCKS = ["dock_gates", "dock_gradients", "dock_inspector", "dock_inputs", "dock_weights", "dock_setup",
         "dock_preset"]


def test_every_action_has_its_object_name_shortcut_and_tooltip(window):
    for name, keys in SHORTCUTS.items():
        action = window.findChild(QAction, name)
        assert action is not None, name
        assert action.shortcut() == QKeySequence(keys), (name, action.shortcut().toString())
        assert action.toolTip(), name
    assert QKeySequence("Ctrl+Y") in window.findChild(QAction, "action_redo").shortcuts()
    for name in ("action_export_weights", "action_export_image", "action_export_gif", "action_reset_layout"):
        assert window.findChild(QAction, name) is not None, name


def test_named_widgets_and_docks_exist(window):
    for name in ("step_spin", "speed_slider", "scrubber", "cell_kind_combo", "menu_recent"):
        assert window.findChild(object, name) is not None, name
    for name in DOCKS:
        dock = window.findChild(QDockWidget, name)
        assert dock is not None and dock.widget() is not None, name
        assert dock.toggleViewAction() in window.view_menu.actions()
    assert window.docks["dock_preset"].isVisible()
    assert window.preset_info.title.text() == window.controller.session.title


def test_view_menu_toggles_a_dock_and_reset_layout_brings_it_back(window, qtbot):
    dock = window.docks["dock_gates"]
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()
    window.findChild(QAction, "action_reset_layout").trigger()
    qtbot.waitUntil(dock.isVisible)


def test_transport_keys_on_the_window(window, qtbot):
    c = window.controller
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert c.step == 2
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert c.step == 1
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert c.step == c.length - 1
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert c.step == 0
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert c.playing
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not c.playing


def test_keys_reach_a_plot_with_focus_but_not_a_text_field(window, qtbot):
    c = window.controller
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert c.step == 1
    edit = QLineEdit(window.preset_info)
    edit.show()
    edit.setText("abc")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Space)
    qtbot.keyClick(edit, Qt.Key.Key_Right)
    assert c.step == 1 and not c.playing
    assert edit.text() == " abc" and edit.cursorPosition() == 2


def test_keys_stay_in_the_inputs_table(window, qtbot):
    table = window.findChild(object, "inputs_table")
    if table is None:
        pytest.skip("the inputs editor is not in this build")
    window.docks["dock_inputs"].raise_()
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_End)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert window.controller.step == 0


def test_undo_and_redo_actions(window):
    c = window.controller
    before = c.trace.x.copy()
    c.set_inputs(3, [[0.5]])
    assert c.trace.x[3, 0] == 0.5
    window.findChild(QAction, "action_undo").trigger()
    np.testing.assert_array_equal(c.trace.x, before)
    window.findChild(QAction, "action_redo").trigger()
    assert c.trace.x[3, 0] == 0.5


def test_title_marks_unsaved_changes(window, tmp_path):
    assert window.windowTitle().endswith("[*] — GateScope")
    assert not window.isWindowModified()
    window.controller.set_inputs(0, [[0.25]])
    assert window.isWindowModified()
    assert window.documents.save_to(str(tmp_path / "s.json"))
    assert not window.isWindowModified()
    assert window.windowTitle() == "s.json[*] — GateScope"


def test_layout_is_saved_and_restored(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.docks["dock_gradients"].close()
    first.resize(800, 650)  # the offscreen screen is 800 px wide
    first.close()
    assert QSettings().value("main_window/state") is not None
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert not second.docks["dock_gradients"].isVisible()
    assert second.docks["dock_gates"].isVisible()
    assert (second.width(), second.height()) == (800, 650)
    second.reset_layout()
    assert not second.docks["dock_gradients"].isHidden()


def test_tools_docks_come_back_where_they_were_left(qtbot):
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.actions_by_name["action_branch"].trigger()
    first.actions_by_name["action_dashboard"].trigger()
    branch, dashboard = first.docks["dock_branch"], first.docks["dock_dashboard"]
    assert first.dockWidgetArea(branch) == Qt.DockWidgetArea.BottomDockWidgetArea  # where Tools puts it
    first.addDockWidget(right, branch)  # the user drags the branch dock to the right
    first.addDockWidget(left, dashboard)  # and the dashboard beside "About this example" (its column)
    first.tabifyDockWidget(first.docks["dock_preset"], dashboard)
    dashboard.close()  # then closes it: its place must come back when it is opened again
    first.close()
    assert QSettings().value("main_window/tool_docks", type=list) == ["dock_branch", "dock_dashboard"]

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    branch = second.findChild(QDockWidget, "dock_branch")
    assert branch is second.docks["dock_branch"] and branch.isVisible()
    assert second.dockWidgetArea(branch) == right
    dashboard = second.docks["dock_dashboard"]
    assert not dashboard.isVisible()
    second.actions_by_name["action_dashboard"].trigger()  # Tools ▸ dashboard: the same dock, in its place
    assert second.docks["dock_dashboard"] is dashboard and dashboard.isVisible()
    assert second.dockWidgetArea(dashboard) == second.dockWidgetArea(second.docks["dock_preset"])  # beside it
    assert second.docks["dock_preset"] in second.tabifiedDockWidgets(dashboard)
    second.close()


def test_tools_docks_are_not_built_when_they_were_never_opened(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert "dock_branch" not in second.docks and second.findChild(QDockWidget, "dock_dashboard") is None
    second.close()


def test_close_guard_cancel_keeps_the_window(window, monkeypatch):
    window.controller.set_inputs(0, [[0.5]])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


@pytest.mark.qt_no_exception_capture
def test_exception_hook_shows_a_dialog_and_the_app_goes_on(window, qtbot, monkeypatch):
    from ui.errors import hook as errors  # more in test_errors.py

    monkeypatch.setattr(errors, "SHOW_WITHOUT_DISPLAY", True)
    errors.reset()
    errors.install_exception_hook()
    try:
        def boom(_step):
            raise RuntimeError("injected failure")
        window.controller.step_changed.connect(boom)
        window.controller.step_forward()
        window.controller.step_changed.disconnect(boom)
        qtbot.waitUntil(lambda: len(errors.open_dialogs()) == 1)
    finally:
        errors.uninstall_exception_hook()
    box = errors.open_dialogs()[0]
    assert "RuntimeError: injected failure" in box.text.text()
    details = box.report_view.toPlainText()
    assert "Traceback" in details and "boom" in details
    errors.reset()
    window.controller.step_forward()
    assert window.controller.step == 2


def test_screenshot_command_writes_a_png(tmp_path):
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    from simulator.document.presets import list_presets

    preset = list_presets()[0].id
    command = [sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), "--preset", preset,
               "--step", "5", "--size", "1280x800"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_reset_layout_puts_the_open_tools_docks_back_in_their_default_places(window, qtbot):
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    window.actions_by_name["action_branch"].trigger()
    window.actions_by_name["action_dashboard"].trigger()
    branch, dashboard = window.docks["dock_branch"], window.docks["dock_dashboard"]
    window.addDockWidget(right, branch)  # dragged elsewhere
    window.addDockWidget(left, dashboard)
    window.findChild(QAction, "action_reset_layout").trigger()
    assert window.dockWidgetArea(branch) == Qt.DockWidgetArea.BottomDockWidgetArea and branch.isVisible()
    assert window.dockWidgetArea(dashboard) == right and dashboard.isVisible()
    assert window.docks["dock_gates"] in window.tabifiedDockWidgets(dashboard)
    branch.close()
    window.findChild(QAction, "action_reset_layout").trigger()
    assert not branch.isVisible()  # a closed Tools dock stays closed
