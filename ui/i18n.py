"""Languages and fonts: the Korean translation, the language choice, and a font that renders Hangul.

The interface strings are Qt translations (``self.tr`` / ``QCoreApplication.translate``)
compiled into ``ui/translations/gatescope_<lang>.qm``; the lessons carry their own text
per language (:mod:`simulator.lessons.catalog`). The language comes from, in order: ``--lang`` on
the command line, the choice saved in the preferences (View ▸ Language), the system
locale. A change in the menu applies on the next start.

Hangul needs a font that has it: NanumGothic (SIL OFL, ``assets/fonts/``) is registered
at start-up and put behind the default family, so Latin text keeps the system font and
Korean text falls back to NanumGothic on a machine with no Korean font of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QActionGroup, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from simulator.document.paths import asset_path

translate = QCoreApplication.translate

__all__ = ["FONT_DIR", "LANGUAGE_KEY", "LANGUAGES", "TRANSLATION_DIR", "current_language",
           "install_translator", "language_menu", "register_fonts", "resolve_language", "saved_choice",
           "save_choice", "setup_language", "tr", "cell_label", "describe_cell", "quantity_label",
           "localized", "system_renders_hangul", "title_safe"]

TRANSLATION_DIR = Path(__file__).resolve().parent / "translations"  # *.qm are package data of ui.translations
FONT_DIR = asset_path("fonts")  # in the checkout or the installed package (simulator.document.paths)
LANGUAGE_KEY = "ui/language"  # "system", "en" or "ko"
#: Language code -> its own name (menus show each language in itself).
LANGUAGES = {"en": "English", "ko": "한국어"}
CHOICES = ("system", *LANGUAGES)
HANGUL_FAMILY = "NanumGothic"

_state: dict[str, object] = {"lang": "en", "translators": [], "fonts": None, "bundled": []}


def current_language() -> str:
    """The language the interface runs in now (``"en"`` or ``"ko"``)."""
    return str(_state["lang"])


def saved_choice() -> str:
    """The preference: ``"system"`` (the default), ``"en"`` or ``"ko"``."""
    value = str(QSettings().value(LANGUAGE_KEY, "system"))
    return value if value in CHOICES else "system"


def save_choice(choice: str) -> None:
    """Remember ``choice`` (one of ``"system"``, ``"en"``, ``"ko"``) for the next start."""
    if choice not in CHOICES:
        raise ValueError(f"unknown language {choice!r}; choose one of {', '.join(CHOICES)}")
    QSettings().setValue(LANGUAGE_KEY, choice)


def resolve_language(cli: str | None = None) -> str:
    """The language to run in: ``cli`` (``--lang``), else the preference, else the system locale."""
    choice = (cli or "").lower() or saved_choice()
    if choice in LANGUAGES:
        return choice
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def install_translator(app: QCoreApplication, lang: str) -> bool:
    """Load GateScope's (and Qt's own, for standard buttons) translation for ``lang``; True if loaded.

    English needs none: any translator installed before is removed.
    """
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    _state["lang"] = "en"
    if lang == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATION_DIR / f"gatescope_{lang}.qm")):
        return False
    app.installTranslator(ours)
    translators = [ours]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", qt_dir):  # Save, Cancel … in message boxes
        app.installTranslator(qt)
        translators.append(qt)
    _state["translators"] = translators
    _state["lang"] = lang
    return True


def register_fonts(app: QApplication) -> str | None:
    """Register the bundled Hangul font and make it the application font's fallback.

    Returns the registered family (None when the font files are missing or unreadable).
    """
    if _state["fonts"] is None:
        families: list[str] = []
        for path in sorted(FONT_DIR.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _state["fonts"] = HANGUL_FAMILY if HANGUL_FAMILY in families else (families[0] if families else "")
        _state["bundled"] = families
    family = str(_state["fonts"]) or None
    if family:
        font = QFont(app.font())
        first = [f for f in font.families() if f != family] or [font.family()]
        font.setFamilies([*first, family])
        app.setFont(font)
    return family


def system_renders_hangul() -> bool:
    """True when a font of the system's own (not one GateScope bundles) has Hangul.

    The title bar is drawn by the window manager with the system's fonts: GateScope's bundled
    font reaches only what Qt draws.
    """
    bundled = set(_state.get("bundled") or [])
    return any(f not in bundled for f in QFontDatabase.families(QFontDatabase.WritingSystem.Korean))


def title_safe(text: str, fallback: str) -> str:
    """``text`` for a window title, or ``fallback`` when it has Hangul that the system cannot draw."""
    hangul = any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
                 for ch in text)
    return fallback if hangul and not system_renders_hangul() else text


def setup_language(app: QApplication, cli: str | None = None) -> str:
    """Fonts and translation for the start-up language (see :func:`resolve_language`); returns it."""
    register_fonts(app)
    lang = resolve_language(cli)
    if not install_translator(app, lang):
        lang = "en"
    return lang



def language_menu(parent: QWidget) -> QMenu:
    """The Language menu (objectName ``menu_language``): System, English, 한국어, one checked.

    Each language is named in itself; a change is saved and applies on the next start.
    """
    menu = QMenu(translate("Language", "&Language"), parent)
    menu.setObjectName("menu_language")
    menu.setToolTip(translate("Language", "The language of the interface and the lessons"))
    group = QActionGroup(menu)
    names = {"system": translate("Language", "System default"), **LANGUAGES}
    current = saved_choice()
    for choice, name in names.items():
        action = menu.addAction(name)
        action.setObjectName(f"action_language_{choice}")
        action.setCheckable(True)
        action.setChecked(choice == current)
        action.setStatusTip(translate("Language", "Use this language from the next start"))
        group.addAction(action)
        action.triggered.connect(lambda _=False, c=choice: _choose(parent, c))
    return menu


def _choose(parent: QWidget, choice: str) -> None:
    if choice == saved_choice():
        return
    save_choice(choice)
    if resolve_language() == current_language():
        return
    # Both languages: the user may not read the one running now.
    QMessageBox.information(parent, translate("Language", "Language"), translate(
        "Language", "The new language applies the next time GateScope starts.") + "\n\n"
        + ("새 언어는 GateScope를 다시 시작하면 적용됩니다." if resolve_language() == "ko"
           else "The new language applies the next time GateScope starts."))


def tr(text: str) -> str:
    """``text`` in the interface language, for module-level code (``self.tr`` inside QObject classes).

    ``pyside6-lupdate`` files a bare ``tr("…")`` call outside a class under the empty
    context, which is the context this looks up.
    """
    return QCoreApplication.translate("", text)


def cell_label(cell: Any) -> str:
    """The cell's kind with its convention in the interface language (``Cell.label()``, translated)."""
    if cell.kind == "gru":
        return tr("GRU (reset after matmul)") if cell.reset_after else tr("GRU (reset before matmul)")
    if cell.kind == "lstm":
        return tr("LSTM with peepholes") if getattr(cell, "weight_peephole", None) is not None else "LSTM"
    return f"RNN ({cell.nonlinearity})"


def quantity_label(name: str) -> str:
    """A gate or state letter's name (``colormaps.QUANTITY_LABELS``) in the interface language."""
    labels = {"i": tr("input gate"), "f": tr("forget gate"), "g": tr("cell candidate"),
              "o": tr("output gate"), "r": tr("reset gate"), "z": tr("update gate"),
              "n": tr("candidate"), "c": tr("cell state"),
              "h": tr("hidden state"), "x": tr("input")}
    return labels.get(name, name)


def localized(title: str, description: str, translations: Any) -> tuple[str, str]:
    """A document's or preset's title and description in the interface language.

    ``translations`` is ``settings["translations"]`` of a session or preset file:
    language code -> ``{"title": …, "description": …}``; missing entries keep the English.
    """
    entry = translations.get(current_language()) if isinstance(translations, dict) else None
    if not isinstance(entry, dict):
        return title, description
    t, d = entry.get("title"), entry.get("description")
    return (t if isinstance(t, str) and t else title), (d if isinstance(d, str) and d else description)


def describe_cell(cell: Any) -> str:
    """One line such as "LSTM, 1 input, 4 units" in the interface language (``Cell.describe()``)."""
    D, H = cell.input_size, cell.hidden_size
    inputs = tr("1 input") if D == 1 else tr("{n} inputs").format(n=D)
    units = tr("1 unit") if H == 1 else tr("{n} units").format(n=H)
    return tr("{kind}, {inputs}, {units}").format(kind=cell_label(cell), inputs=inputs, units=units)
