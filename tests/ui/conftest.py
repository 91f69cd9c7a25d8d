"""UI test fixtures: settings isolated per test (never the user's), a main window on the default example."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """QSettings go to an INI file under this test's tmp_path, with a test organisation name."""
    QCoreApplication.setOrganizationName("GateScopeTest")
    QCoreApplication.setApplicationName("GateScopeTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield tmp_path / "settings"


@pytest.fixture
def window(qtbot):
    """A shown main window on the default example (closed at the end without the unsaved-changes prompt)."""
    from ui.shell.main_window import MainWindow

    win = MainWindow()
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.controller.pause()
    win.controller.undo_stack.setClean()
    win.close()
    win.deleteLater()


@pytest.fixture
def shown(qtbot):
    """``shown(widget, width=None, height=None)``: registered with qtbot, sized if asked, shown, exposed."""
    def show(widget, width: int | None = None, height: int | None = None):
        qtbot.addWidget(widget)
        if width is not None and height is not None:
            widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget
    return show


@pytest.fixture
def questions(monkeypatch):
    """``questions(answer=Ok)``: ``QMessageBox.question`` returns ``answer`` without showing.

    Returns the list that receives each question's positional arguments (parent, title, text …).
    """
    from PySide6.QtWidgets import QMessageBox

    def answer_with(answer=QMessageBox.StandardButton.Ok) -> list[tuple]:
        asked: list[tuple] = []
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or answer)
        return asked
    return answer_with


@pytest.fixture
def new_controller():
    """``new_controller(session=None)``: a Controller on ``session`` (the default example when None).

    Its undo stack is cleared at the end: a non-empty stack emits cleanChanged while the
    controller is destroyed.
    """
    from ui.document.controller import Controller

    made = []

    def build(session=None) -> Controller:
        made.append(Controller(session))
        return made[-1]
    yield build
    for controller in made:
        controller.undo_stack.clear()


@pytest.fixture
def random_controller(new_controller):
    """``random_controller(kind, hidden, steps, seed, inputs)``: a seeded cell on normal inputs (× 2)."""
    import numpy as np

    from simulator import make_cell
    from simulator.document.session import Session

    def build(kind: str = "lstm", hidden: int = 4, steps: int = 30, seed: int = 0, inputs: int = 2):
        cell = make_cell(kind, inputs, hidden, seed=seed)
        x = np.random.default_rng(seed).normal(size=(steps, inputs)) * 2.0
        return new_controller(Session(cell=cell, inputs=x))
    return build


class TextRecorder:
    """A stand-in painter that keeps (font, box, text) of every text drawn in a box."""

    def __init__(self) -> None:
        self.font = None
        self.boxed: list[tuple[object, object, str]] = []

    def setFont(self, font) -> None:  # noqa: N802 - QPainter's name
        self.font = font

    def drawText(self, *args) -> None:  # noqa: N802 - QPainter's name
        from PySide6.QtCore import QRectF

        if isinstance(args[0], QRectF) and len(args) == 3:
            self.boxed.append((self.font, args[0], args[2]))

    def __getattr__(self, name):
        return lambda *a, **k: None


@pytest.fixture
def text_recorder():
    """A fresh :class:`TextRecorder`: pass it as the painter of a diagram's paint functions."""
    return TextRecorder()
