"""The lesson panel: guided lessons (``assets/lessons/``) page by page, beside the running cell.

Each page loads its preset, moves to its step, selects its unit, makes the diagram glow
where the text points and raises the view it talks about; the user can step and play at
any time and come back with Back, Next or "Show me". The text is in the interface's
language (:func:`ui.i18n.current_language`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from simulator.core.errors import InputError
from simulator.lessons.catalog import Lesson, Page, list_lessons, load_lesson
from ui import i18n
from ui.document.controller import Controller

translate = QCoreApplication.translate

__all__ = ["DIAGRAM_KEYS", "VIEW_KEYS", "LessonPanel", "lessons_menu"]

#: Lesson highlight keys that name a view instead of a part of the diagram.
VIEW_KEYS = frozenset({"gradient_plot", "timeline", "gate_panel"})
#: Lesson highlight key -> the diagram's key, where they differ.
DIAGRAM_KEYS = {"one_minus_z": "1-z"}


class LessonPanel(QWidget):
    """Choose a lesson, read it page by page, and let each page set up the window.

    The window wires three hooks (the defaults suit a panel on its own): ``guard()``
    asks to save unsaved work before a lesson replaces it (False cancels),
    ``after_load()`` runs after a page loaded its preset, and ``show_view(key)`` raises
    the view named by a key of :data:`VIEW_KEYS`; ``diagram`` is the CellDiagram to
    highlight (or None).

    Signals
    -------
    page_shown(str, int)
        The lesson id and the page index just applied.
    lesson_requested(str)
        A lesson chosen from :func:`lessons_menu` (the window shows the panel, then :meth:`start`).
    """

    page_shown = Signal(str, int)
    lesson_requested = Signal(str)

    def __init__(self, controller: Controller, parent: QWidget | None = None,
                 lang: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lesson_panel")
        self.controller = controller
        self.lang = lang or i18n.current_language()
        self.guard: Callable[[], bool] = lambda: True
        self.after_load: Callable[[], None] = lambda: None
        self.show_view: Callable[[str], None] = lambda key: None
        self.diagram = None
        self.lesson: Lesson | None = None
        self.index = -1  # the page shown; -1: the lesson's introduction
        self._loaded: tuple[str, object, int] | None = None  # preset, its session, undo index
        try:
            self.lessons = [load_lesson(info.id) for info in list_lessons(self.lang)]
        except InputError as err:
            self.lessons, self.error = [], str(err)
        else:
            self.error = ""
        self._build()
        self.choose(0)

    def _build(self) -> None:
        self.combo = QComboBox(objectName="lesson_combo")
        self.combo.setToolTip(self.tr("Choose a lesson"))
        self.combo.setAccessibleName(self.tr("Lesson"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        for n, lesson in enumerate(self.lessons, 1):
            self.combo.addItem(f"{n}. {lesson.title[self.lang]}", lesson.id)
            self.combo.setItemData(n - 1, lesson.summary[self.lang], Qt.ItemDataRole.ToolTipRole)
        self.combo.activated.connect(self.choose)
        self.title = QLabel(objectName="lesson_title", wordWrap=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.page_label = QLabel(objectName="lesson_page_label")
        self.page_label.setEnabled(False)
        self.body = QTextBrowser(objectName="lesson_body")
        self.body.setOpenExternalLinks(False)
        self.body.setAccessibleName(self.tr("Lesson text"))
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.measured = QLabel(objectName="lesson_measured", wordWrap=True)
        self.measured.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.measured.setToolTip(self.tr("Measured on this computer when the page opened"))
        self.play_button = self._button("lesson_play", self.tr("▶ Play"),
                                        self.tr("This page is best watched running: play (Space)"),
                                        self.controller.toggle_play)
        self.back = self._button("lesson_back", self.tr("◀ Back"), self.tr("The previous page"), self.go_back)
        self.show_me = self._button("lesson_show", self.tr("Show me"),
                                    self.tr("Set the window up for this page again"), self.show_page)
        self.next = self._button("lesson_next", self.tr("Next ▶"), self.tr("The next page"), self.go_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.show_me)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 6, 8, 6)
        col.addWidget(self.combo)
        col.addWidget(self.title)
        col.addWidget(self.page_label)
        col.addWidget(self.body, 1)
        col.addWidget(self.measured)
        col.addWidget(self.play_button, 0, Qt.AlignmentFlag.AlignLeft)
        col.addLayout(buttons)
        self.controller.playing_changed.connect(self._show_playing)

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, objectName=name, toolTip=tip)
        button.setAccessibleName(tip)
        button.clicked.connect(lambda _=False: slot())
        return button

    # -- navigation -------------------------------------------------------------------------
    def choose(self, row: int) -> None:
        """Show lesson ``row``'s introduction (nothing is loaded until the first page)."""
        if not self.lessons:
            self._show_text(self.tr("No lessons"), self.error, "")
            return
        self.combo.setCurrentIndex(row)
        self.lesson, self.index = self.lessons[row], -1
        count = len(self.lesson.pages)
        self._show_text(self.lesson.title[self.lang], self.lesson.summary[self.lang],
                        self.tr("{count} pages · press Start").format(count=count))
        self.diagram_highlight(set())

    def start(self, lesson_id: str) -> bool:
        """Start lesson ``lesson_id`` at its first page; False if the user kept their unsaved work."""
        row = next(i for i, lesson in enumerate(self.lessons) if lesson.id == lesson_id)
        self.choose(row)
        if not self.guard():
            return False
        self._loaded = None
        self.index = 0
        self.show_page(fresh=True)
        return True

    def go_next(self) -> None:
        """The next page (Start on the introduction)."""
        if self.lesson is None:
            return
        if self.index < 0:
            self.start(self.lesson.id)
        elif self.index + 1 < len(self.lesson.pages):
            self.index += 1
            self.show_page()

    def go_back(self) -> None:
        """The previous page."""
        if self.lesson is not None and self.index > 0:
            self.index -= 1
            self.show_page()

    @property
    def loaded_preset(self) -> str | None:
        """The id of the preset the lesson loaded last (None before the first page)."""
        return None if self._loaded is None else self._loaded[0]

    def page(self) -> Page | None:
        """The page shown (None on a lesson's introduction)."""
        return None if self.lesson is None or self.index < 0 else self.lesson.pages[self.index]

    # -- applying a page --------------------------------------------------------------------
    def show_page(self, fresh: bool = False) -> None:
        """Set the window up for the current page: preset, step, unit, highlights, text."""
        page = self.page()
        if page is None:
            return self.go_next()
        c = self.controller
        c.pause()
        self._ensure_preset(page.current_preset, fresh)
        c.seek(page.step)
        if page.unit is not None:
            c.set_selected_unit(page.unit)
        self.diagram_highlight({DIAGRAM_KEYS.get(k, k) for k in page.highlight if k not in VIEW_KEYS})
        for key in page.highlight:
            if key in VIEW_KEYS:
                self.show_view(key)
        title, body = self.lesson.page_text(self.index, self.lang)
        self._show_text(title, body, self.tr("Page {page} of {count}").format(
            page=self.index + 1, count=len(self.lesson.pages)))
        self.play_button.setVisible(page.play)
        self._show_measured(page)
        self.page_shown.emit(self.lesson.id, self.index)
        return None

    def _ensure_preset(self, preset_id: str, fresh: bool) -> None:
        """Load ``preset_id`` unless it is the document already, unedited since the lesson loaded it."""
        c = self.controller
        if (not fresh and self._loaded is not None and self._loaded[0] == preset_id
                and self._loaded[1] is c.session and self._loaded[2] == c.undo_stack.index()):
            return
        from simulator.document.presets import load_preset

        session = load_preset(preset_id)
        if fresh or c.undo_stack.isClean():
            c.load_session(session, None)
        else:  # edits made during the lesson: one undo brings them back
            c.replace_session(session, self.tr("Lesson page: {title}").format(title=session.title))
        self._loaded = (preset_id, c.session, c.undo_stack.index())
        self.after_load()

    def diagram_highlight(self, keys: set[str]) -> None:
        """Make ``keys`` glow on the diagram (when one is attached)."""
        if self.diagram is not None and hasattr(self.diagram, "set_highlight"):
            self.diagram.set_highlight(keys)

    def _show_text(self, title: str, body: str, where: str) -> None:
        self.title.setText(title)
        self.body.setMarkdown(body)
        self.page_label.setText(where)
        started = self.index >= 0
        self.back.setEnabled(started and self.index > 0)
        self.show_me.setEnabled(started)
        last = self.lesson is not None and self.index + 1 >= len(self.lesson.pages)
        self.next.setEnabled(self.lesson is not None and not last)
        self.next.setText(self.tr("Next ▶") if started else self.tr("Start ▶"))
        if not started:
            self.play_button.hide()
            self.measured.hide()

    def _show_measured(self, page: Page) -> None:
        """The engine's speed on this machine, for pages with ``step_time`` checks."""
        lines = []
        for check in page.checks:
            if check["type"] == "step_time":
                from simulator.lessons.checks import run_check

                result = run_check(check)
                lines.append(self.tr("{preset}: {us:.1f} µs per step on this computer, measured just now")
                             .format(preset=check["preset"], us=result.measured))
        self.measured.setText("\n".join(lines))
        self.measured.setVisible(bool(lines))

    def _show_playing(self, playing: bool) -> None:
        self.play_button.setText(self.tr("❚❚ Pause") if playing else self.tr("▶ Play"))


# -- in the main window ------------------------------------------------------------------------
def lessons_menu(panel: LessonPanel, parent: QWidget) -> QMenu:
    """The Lessons menu (``menu_lessons``): one ``action_lesson_<id>`` per lesson of ``panel``.

    Choosing one emits ``panel.lesson_requested(id)``; the window shows the panel and starts it.
    """
    menu = QMenu(translate("Lessons", "&Lessons"), parent)
    menu.setObjectName("menu_lessons")
    for n, lesson in enumerate(panel.lessons, 1):
        action = menu.addAction(f"&{n}. {lesson.title[panel.lang]}")
        action.setObjectName(f"action_lesson_{lesson.id}")
        action.setStatusTip(lesson.summary[panel.lang])
        action.triggered.connect(lambda _=False, lid=lesson.id: panel.lesson_requested.emit(lid))
    menu.setEnabled(bool(panel.lessons))
    return menu
