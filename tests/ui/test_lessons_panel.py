"""The lesson panel: every page of every lesson sets the window up as its data says, in both languages."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from simulator.document.presets import load_preset
from ui import i18n
from ui.widgets.lessons.lesson_flash import _Flash
from ui.widgets.lessons.lesson_panel import DIAGRAM_KEYS, VIEW_KEYS


def _build(qtbot, qapp, lang):
    from ui.shell.main_window import MainWindow

    assert i18n.install_translator(qapp, lang)
    win = MainWindow(restore=False)
    win.persist_layout = False
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def make_window(qtbot, qapp):
    made = []

    def make(lang="en"):
        made.append(_build(qtbot, qapp, lang))
        return made[-1]

    yield make
    for win in made:
        win.controller.pause()
        win.controller.undo_stack.setClean()
        win.close()
        win.deleteLater()
    i18n.install_translator(qapp, "en")


def _check_page(win, lesson, k, lang):
    panel, c, page = win.lesson_panel, win.controller, lesson.pages[k]
    assert panel.index == k
    assert panel.loaded_preset == page.current_preset
    preset = load_preset(page.current_preset)
    assert c.cell.kind == preset.cell.kind == page.kind
    np.testing.assert_array_equal(c.trace.x, preset.inputs)
    assert c.step == page.step
    if page.unit is not None:
        assert c.selected_unit == page.unit
    expected = {DIAGRAM_KEYS.get(key, key) for key in page.highlight if key not in VIEW_KEYS}
    assert win.diagram.highlighted() == expected
    assert panel.title.text() == page.title[lang]
    plain = panel.body.toPlainText()
    assert page.body[lang].split("**")[0].split("`")[0][:20] in plain
    assert panel.page_label.text()
    assert panel.play_button.isVisibleTo(panel) == page.play
    for key in VIEW_KEYS & set(page.highlight):
        target = getattr(win, key)  # gradient_plot, gate_panel or timeline
        assert target.findChildren(_Flash), key
    if any(check["type"] == "step_time" for check in page.checks):
        assert panel.measured.isVisibleTo(panel)
        assert "µs" in panel.measured.text()
    else:
        assert not panel.measured.isVisibleTo(panel)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_walk_every_page_of_every_lesson(make_window, qtbot, lang):
    win = make_window(lang)
    panel = win.lesson_panel
    assert panel.lang == lang
    assert len(panel.lessons) == 5
    for lesson in panel.lessons:
        action = win.findChild(QAction, f"action_lesson_{lesson.id}")
        assert lesson.title[lang] in action.text()
        action.trigger()
        assert win.docks["dock_lessons"].isVisible()
        _check_page(win, lesson, 0, lang)
        for k in range(1, len(lesson.pages)):
            qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
            _check_page(win, lesson, k, lang)
        assert not panel.next.isEnabled()  # the last page
        qtbot.mouseClick(panel.back, Qt.MouseButton.LeftButton)
        _check_page(win, lesson, len(lesson.pages) - 2, lang)
    assert win.controller.undo_stack.isClean()  # lessons load presets; they never edit


def test_lessons_menu_lists_the_four_lessons(make_window):
    win = make_window()
    menu = win.findChild(QMenu, "menu_lessons")
    names = [a.objectName() for a in menu.actions()]
    assert names == [f"action_lesson_{lesson.id}" for lesson in win.lesson_panel.lessons]
    assert win.findChild(QAction, "action_show_lessons") in win.view_menu.actions()


def test_step_and_play_then_show_me_comes_back(make_window, qtbot):
    win = make_window()
    panel, c = win.lesson_panel, win.controller
    panel.start("lstm")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    page = panel.page()
    for _ in range(5):
        c.step_forward()
    c.set_selected_unit(1)
    assert c.step == page.step + 5
    qtbot.mouseClick(panel.show_me, Qt.MouseButton.LeftButton)
    assert (c.step, c.selected_unit) == (page.step, page.unit)
    qtbot.mouseClick(panel.play_button if panel.play_button.isVisible() else panel.next,
                     Qt.MouseButton.LeftButton)
    c.pause()


def test_unsaved_work_is_asked_about_once_and_kept_when_refused(make_window, monkeypatch):
    win = make_window()
    c, panel = win.controller, win.lesson_panel
    c.set_inputs(0, np.full((1, c.cell.input_size), 0.5))
    edited = c.trace.x.copy()
    asked = []
    monkeypatch.setattr(win.documents, "maybe_save", lambda: asked.append(1) or False)
    assert not panel.start("gru")
    np.testing.assert_array_equal(c.trace.x, edited)
    assert panel.index == -1 and panel.next.text()
    monkeypatch.setattr(win.documents, "maybe_save", lambda: asked.append(1) or True)
    assert panel.start("gru")
    assert panel.loaded_preset == "gru-reset" and c.undo_stack.isClean()
    for _ in range(len(panel.lesson.pages) - 1):
        panel.go_next()
    assert len(asked) == 2  # once per lesson start, never per page


def test_edits_during_a_lesson_survive_a_preset_change_as_one_undo(make_window):
    win = make_window()
    c, panel = win.controller, win.lesson_panel
    panel.start("rnn-long-term")
    c.set_inputs(0, np.full((1, c.cell.input_size), 0.25))
    edited = c.trace.x.copy()
    panel.go_next()  # same preset: the page reloads it, the edit stays undoable
    panel.go_next()
    panel.go_next()  # rnn-explodes
    assert panel.loaded_preset == "rnn-explodes"
    while c.undo_stack.canUndo():
        c.undo_stack.undo()
        if c.trace.x.shape == edited.shape and np.array_equal(c.trace.x, edited):
            break
    np.testing.assert_array_equal(c.trace.x, edited)


def test_the_panel_alone_without_a_window(qtbot):
    from ui.document.controller import Controller
    from ui.widgets.lessons.lesson_panel import LessonPanel

    c = Controller()
    panel = LessonPanel(c, lang="ko")
    qtbot.addWidget(panel)
    assert panel.objectName() == "lesson_panel"
    assert panel.next.objectName() == "lesson_next" and panel.back.objectName() == "lesson_back"
    assert not panel.back.isEnabled()
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)  # Start
    assert panel.index == 0 and panel.title.text() == panel.lesson.pages[0].title["ko"]
    assert panel.back.isEnabled() is False and panel.next.isEnabled()
