"""GUI faults: an exception in a slot, timer, action or paint event opens one report; the app goes on."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QPushButton, QSpinBox, QWidget

from ui.errors import hook as errors

pytestmark = pytest.mark.qt_no_exception_capture  # the app's own hook must see the exceptions


@pytest.fixture
def hook(monkeypatch):
    monkeypatch.setattr(errors, "SHOW_WITHOUT_DISPLAY", True)
    errors.reset()
    errors.install_exception_hook()
    yield errors
    errors.uninstall_exception_hook()
    errors.reset()


def _one_dialog(qtbot) -> errors.ErrorDialog:
    qtbot.waitUntil(lambda: len(errors.open_dialogs()) == 1)
    return errors.open_dialogs()[0]


class BrokenPaint(QWidget):
    def paintEvent(self, _event):  # noqa: N802 - Qt override
        raise ZeroDivisionError("paint failed")


def test_an_exception_in_a_step_slot_opens_the_report_and_the_views_go_on(window, qtbot, hook):
    c = window.controller
    spin = window.findChild(QSpinBox, "step_spin")

    def boom(_step):
        raise RuntimeError("injected failure")

    c.step_changed.connect(boom)
    c.step_forward()
    c.step_changed.disconnect(boom)
    box = _one_dialog(qtbot)
    assert box.objectName() == "error_dialog" and box.isVisible()
    assert "RuntimeError: injected failure" in box.text.text()
    report = box.report_view.toPlainText()
    assert "Traceback" in report and "boom" in report
    for name in ("GateScope", "Python", "Qt", "PySide6", "numpy", "Platform"):
        assert name in report
    c.step_forward()  # the app carries on: the step moves and the views follow
    c.step_forward()
    assert c.step == 3
    assert spin.value() == 3
    assert window.inspector.isVisible()


def test_an_exception_in_paint_event_opens_one_dialog_with_a_counter(window, qtbot, hook):
    widget = BrokenPaint()
    qtbot.addWidget(widget)
    widget.resize(50, 50)
    widget.show()
    qtbot.waitExposed(widget)
    widget.update()  # painted by the event loop, as in the app
    box = _one_dialog(qtbot)
    assert "ZeroDivisionError" in box.text.text() and "paint failed" in box.text.text()
    assert "paintEvent" in box.report_view.toPlainText()
    for _ in range(4):
        widget.update()
        qtbot.wait(10)
    assert errors.open_dialogs() == [box]  # no flood: the same error only counts up
    assert box.count >= 3 and "times" in box.count_label.text()
    widget.hide()
    box.close()
    qtbot.waitUntil(lambda: not errors.open_dialogs())
    window.controller.step_forward()
    assert window.findChild(QSpinBox, "step_spin").value() == 1


def test_timer_callbacks_and_actions_reach_the_dialog_too(window, qtbot, hook):
    def from_timer():
        raise KeyError("from a timer")

    QTimer.singleShot(0, from_timer)
    box = _one_dialog(qtbot)
    assert "KeyError" in box.text.text()
    box.close()
    qtbot.waitUntil(lambda: not errors.open_dialogs())
    action = QAction("Broken", window)
    action.triggered.connect(lambda: [][1])
    action.trigger()
    box = _one_dialog(qtbot)
    assert "IndexError" in box.text.text()


def test_the_same_error_after_its_dialog_closed_only_counts_in_the_status_bar(window, qtbot, hook):
    def boom(_step):
        raise ValueError("again and again")

    window.controller.step_changed.connect(boom)
    window.controller.step_forward()
    _one_dialog(qtbot).close()
    qtbot.waitUntil(lambda: not errors.open_dialogs())
    window.controller.step_forward()
    window.controller.step_changed.disconnect(boom)
    qtbot.wait(20)
    assert not errors.open_dialogs()
    assert "again (2 times)" in window.statusBar().currentMessage()


def test_copy_and_save_the_report(window, qtbot, hook, tmp_path, monkeypatch):
    QTimer.singleShot(0, lambda: (_ for _ in ()).throw(OSError("disk on fire")))
    box = _one_dialog(qtbot)
    copy = box.findChild(QPushButton, "error_copy")
    copy.click()
    assert box.isVisible()  # copying does not close the report
    text = QGuiApplication.clipboard().text()
    assert "OSError: disk on fire" in text and "PySide6" in text and "numpy" in text
    out = tmp_path / "report.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    box.findChild(QPushButton, "error_save").click()
    assert out.read_text("utf-8") == box.full_report()
    assert box.findChild(QPushButton, "error_close").toolTip()


def test_no_dialog_on_the_offscreen_platform_unless_asked(window, qtbot, monkeypatch):
    errors.reset()
    errors.install_exception_hook()
    try:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.wait(30)
    finally:
        errors.uninstall_exception_hook()
    assert not errors.open_dialogs()  # a screenshot run must never wait for a reader


NESTED = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from PySide6.QtWidgets import QApplication, QWidget
    from ui.errors import hook as errors

    app = QApplication([])
    seen = []
    sys.excepthook = lambda kind, exc, tb: seen.append(kind.__name__)

    class Canvas(QWidget):
        @errors.crash_safe_override
        def paintEvent(self, _event):
            int(float("nan"))  # a ValueError raised inside C, as a NaN in a diagram value does

        def event(self, event):  # a Python event() around it: PySide6 6.11 crashes without the guard
            return super().event(event)

    canvas = Canvas()
    canvas.show()
    for _ in range(3):
        canvas.update()
        app.processEvents()
    print("alive", seen)
""")


def test_a_c_level_error_in_a_nested_paint_override_reaches_the_hook_instead_of_crashing(tmp_path):
    script = tmp_path / "nested.py"
    script.write_text(NESTED.format(root=str(Path(__file__).resolve().parents[2])))
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive ['ValueError'" in result.stdout
