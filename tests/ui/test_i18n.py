"""Languages: the Korean translation is complete and current, loads with --lang ko, and Hangul has a font."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QMenu

from ui import i18n
from ui.translations import update

pytestmark = pytest.mark.skipif(update.tool("pyside6-lupdate") is None, reason="needs pyside6-lupdate")


@pytest.fixture
def english_after(qapp):
    yield
    i18n.install_translator(qapp, "en")


def _messages(ts):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def test_every_source_string_has_a_finished_korean_translation(tmp_path):
    ts = tmp_path / "gatescope_ko.ts"
    shutil.copy(update.TS, ts)
    update.lupdate(ts)  # the strings in the code now, with the committed translations merged in
    missing = update.unfinished(ts)
    assert not missing, f"untranslated (run python ui/translations/update.py and fill them): {missing}"
    sources = {(c, s) for c, s, _ in _messages(ts)}
    assert sources == {(c, s) for c, s, _ in _messages(update.TS)}, "the committed .ts is out of date"
    assert len(sources) > 20


def test_translations_keep_their_placeholders_and_accelerators():
    for context, source, translation in _messages(update.TS):
        text = translation.text or ""
        fields = r"\{[^}]*\}"
        assert sorted(re.findall(fields, source)) == sorted(re.findall(fields, text)), (context, source)
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), (context, source)
        if re.search(r"&\w", source):
            assert re.search(r"&\w", text), f"[{context}] {source!r}: the translation lost its accelerator"
        assert text.strip() == text or source.strip() != source


def test_the_compiled_translation_matches_the_source(tmp_path):
    qm = tmp_path / "ko.qm"
    update.lrelease(update.TS, qm)
    assert qm.read_bytes() == update.QM.read_bytes(), "run ui/translations/update.py and commit the .qm"


def test_lang_ko_installs_the_korean_translation(qtbot, qapp, english_after):
    from ui.shell.app import parse_args
    from ui.shell.main_window import MainWindow

    args = parse_args(["--lang", "ko"])
    assert i18n.setup_language(qapp, args.lang) == "ko"
    assert i18n.current_language() == "ko"
    win = MainWindow(restore=False)
    win.persist_layout = False
    qtbot.addWidget(win)
    assert win.findChild(QMenu, "menu_playback").title() == "재생(&P)"
    assert win.findChild(QMenu, "menu_lessons").title() == "강의(&L)"
    assert win.lesson_panel.lang == "ko"
    assert win.docks["dock_lessons"].windowTitle() == "강의"


def test_language_choice_is_saved_and_resolved(qapp, english_after):
    assert i18n.saved_choice() == "system"
    i18n.save_choice("ko")
    assert i18n.resolve_language() == "ko"
    assert i18n.resolve_language("en") == "en"  # --lang wins over the preference
    i18n.save_choice("en")
    assert i18n.resolve_language() == "en"
    with pytest.raises(ValueError):
        i18n.save_choice("fr")
    assert i18n.install_translator(qapp, "en") and i18n.current_language() == "en"


def test_language_menu_saves_the_choice(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a))
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = i18n.language_menu(parent)
    actions = {a.objectName(): a for a in menu.actions()}
    assert set(actions) == {"action_language_system", "action_language_en", "action_language_ko"}
    assert actions["action_language_system"].isChecked()
    assert actions["action_language_ko"].text() == "한국어"
    actions["action_language_ko"].trigger()
    assert i18n.saved_choice() == "ko"
    assert len(shown) == 1  # running in English: the change applies on the next start


def test_a_font_for_hangul_is_registered(qapp):
    family = i18n.register_fonts(qapp)
    assert family == "NanumGothic"
    assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family)
    assert QFontMetrics(QFont(family)).inFontUcs4(ord("가"))
    assert family in qapp.font().families()
    assert qapp.font().families()[0] != family  # Latin text keeps the default family
