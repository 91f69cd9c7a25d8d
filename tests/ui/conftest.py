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
    from ui.main_window import MainWindow

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
    """``shown(widget, width, height)``: the widget registered with qtbot, sized, shown and exposed."""
    def show(widget, width: int, height: int):
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget
    return show


@pytest.fixture
def random_controller():
    """``random_controller(kind, hidden, steps, seed)``: a seeded cell on normal inputs (D = 2)."""
    import numpy as np

    from simulator import make_cell
    from simulator.session import Session
    from ui.controller import Controller

    made = []

    def build(kind: str = "lstm", hidden: int = 4, steps: int = 30, seed: int = 0) -> Controller:
        cell = make_cell(kind, 2, hidden, seed=seed)
        x = np.random.default_rng(seed).normal(size=(steps, 2)) * 2.0
        made.append(Controller(Session(cell=cell, inputs=x)))
        return made[-1]
    yield build
    for controller in made:  # a non-empty stack emits cleanChanged while the controller is destroyed
        controller.undo_stack.clear()
