"""The About box lists the stack's versions; settings carry no placeholder domain and migrate once."""

import platform

import numpy
import pyqtgraph
import PySide6
from PySide6.QtCore import QCoreApplication, QSettings, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

import simulator
from ui.shell import app as app_module
from ui.shell.about import versions


def test_versions_are_the_running_ones():
    assert versions() == {"GateScope": simulator.__version__, "Qt": qVersion(),
                          "PySide6": PySide6.__version__, "Python": platform.python_version(),
                          "numpy": numpy.__version__, "pyqtgraph": pyqtgraph.__version__}


def test_about_box_shows_every_version(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((title, text)))
    window.findChild(QAction, "action_about").trigger()
    ((title, text),) = shown
    assert title == "About GateScope"
    for name, version in versions().items():
        assert f"<td>{name}</td><td>&nbsp;{version}</td>" in text
    assert f"<b>GateScope {simulator.__version__}</b>" in text


def test_no_placeholder_domain(qapp):
    app_module.make_application()
    try:
        assert "example" not in QCoreApplication.organizationDomain()
        assert QCoreApplication.organizationName() == "GateScope"
    finally:
        QCoreApplication.setOrganizationName("GateScopeTest")  # as tests/ui/conftest.py sets it


def test_migrate_settings_copies_once(tmp_path):
    old = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    new = QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat)
    old.setValue("language", "ko")
    old.setValue("recent/files", ["/a.json", "/b.json"])
    assert app_module.migrate_settings(old, new) == 2
    assert new.value("language") == "ko" and new.value("recent/files") == ["/a.json", "/b.json"]
    old.setValue("language", "en")
    assert app_module.migrate_settings(old, new) == 0  # never over settings the user already has
    assert new.value("language") == "ko"
    empty = QSettings(str(tmp_path / "none.ini"), QSettings.Format.IniFormat)
    fresh = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    assert app_module.migrate_settings(empty, fresh) == 0 and fresh.allKeys() == []
