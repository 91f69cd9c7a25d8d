"""Let a lesson page set up the Train panel: a page with ``train`` settings opens it with them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["follow_lessons"]


def follow_lessons(lesson_panel: Any, show_train: Callable[[], Any]) -> None:
    """On every page ``lesson_panel`` shows that has ``train`` settings, open the Train dock with them.

    Parameters
    ----------
    lesson_panel : LessonPanel
        Emits ``page_shown(lesson_id, index)``.
    show_train : callable
        Shows the Train dock and returns it (``InsightTools.show_train``).
    """
    def apply(_lesson_id: str, index: int) -> None:
        lesson = lesson_panel.lesson
        page = lesson.pages[index] if lesson is not None and 0 <= index < len(lesson.pages) else None
        if page is not None and page.train is not None:
            panel = show_train().widget()
            if panel.run is None or not panel.run.running:  # never change a run under way
                panel.settings.apply(page.train)

    lesson_panel.page_shown.connect(apply)
