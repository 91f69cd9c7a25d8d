"""Korean all the way: Qt's own dialogs and buttons in Korean, and a window title the system can draw."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QDialogButtonBox

from ui import i18n


@pytest.fixture
def korean(qapp):
    assert i18n.install_translator(qapp, "ko")
    yield
    i18n.install_translator(qapp, "en")


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def test_qt_ships_the_korean_catalogue():
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert (Path(folder) / "qtbase_ko.qm").is_file()


def test_korean_installs_qts_own_translator(korean, qtbot):
    assert len(i18n._state["translators"]) == 2  # GateScope's and qtbase_ko
    assert QCoreApplication.translate("QFileDialog", "Save As") == "다른 이름으로 저장"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert _hangul(box.button(QDialogButtonBox.StandardButton.Cancel).text())


def test_english_removes_both_translators(qapp):
    assert i18n.install_translator(qapp, "ko")
    assert i18n.install_translator(qapp, "en")
    assert i18n._state["translators"] == []
    assert QCoreApplication.translate("QFileDialog", "Save As") == "Save As"


def test_title_keeps_hangul_only_where_the_system_has_a_font(monkeypatch):
    monkeypatch.setattr(i18n, "system_renders_hangul", lambda: False)
    assert i18n.title_safe("LSTM: 값을 기억하기", "LSTM: holds a value") == "LSTM: holds a value"
    assert i18n.title_safe("run.json", "other") == "run.json"
    monkeypatch.setattr(i18n, "system_renders_hangul", lambda: True)
    assert i18n.title_safe("LSTM: 값을 기억하기", "LSTM: holds a value") == "LSTM: 값을 기억하기"


def test_the_bundled_font_does_not_count_as_the_systems(qapp, monkeypatch):
    family = i18n.register_fonts(qapp)
    if family is None:
        pytest.skip("the bundled Hangul font is missing")
    monkeypatch.setattr(i18n.QFontDatabase, "families", staticmethod(lambda *_a: [family]))
    assert not i18n.system_renders_hangul()
    both = [family, "Noto Sans CJK KR"]
    monkeypatch.setattr(i18n.QFontDatabase, "families", staticmethod(lambda *_a: both))
    assert i18n.system_renders_hangul()


def test_window_title_in_korean_without_a_system_font(korean, window, monkeypatch):
    monkeypatch.setattr(i18n, "system_renders_hangul", lambda: False)
    monkeypatch.setattr(window.documents, "display_name", lambda: "값을 기억하기")
    window.update_title()
    assert not _hangul(window.windowTitle()) and window.windowTitle().endswith("— GateScope")
