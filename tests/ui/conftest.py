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
