"""In Korean, no English interface word is left on screen: every panel, tab and Tools view is walked.

The walk collects what a user reads (labels, buttons, menu actions, dock and window titles,
tab texts, group boxes, table headers, plot titles and axis labels, placeholders) and looks
for common English interface words; symbols (σ, tanh, h, c, W_ih …), numbers, file
patterns and proper names (PyTorch, Keras, ONNX, GateScope …) are fine.
"""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from ui import i18n
from ui.translations import update

pytestmark = [pytest.mark.skipif(update.tool("pyside6-lupdate") is None, reason="needs pyside6-lupdate"),
              pytest.mark.qt_log_ignore("This plugin does not support")]  # offscreen notes on show(), raise()

#: Common English interface words that must not survive in the Korean interface.
ENGLISH = ("step", "steps", "show", "load", "generate", "unit", "units", "input", "inputs", "forget",
           "output", "export", "open", "save", "copy", "paste", "insert", "delete", "value", "values",
           "weight", "weights", "gate", "gates", "state", "hidden", "lines", "cand", "reset", "update",
           "gradient", "delay", "block", "scale", "zero", "randomise", "import", "text", "branch",
           "compare", "memory", "pulse", "run", "test", "cell", "cells", "convention", "error",
           "saturation", "timescale", "colour", "range", "seed", "auto", "name", "optional", "log",
           "remove", "discard", "how", "read", "this", "the", "and", "of", "to", "from", "no", "yet",
           "selected", "current", "mean", "click", "drag", "choose", "lesson", "page", "next", "back")
#: English words allowed in Korean text (names, code and formats).
ALLOWED = {"gatescope", "pytorch", "keras", "onnx", "tensorflow", "npz", "csv", "json", "safetensors",
           "lstm", "gru", "rnn", "relu", "tanh", "sigmoid", "float32", "float64", "nan", "inf", "png",
           "svg", "gif", "as", "imported", "fei", "karpathy", "johnson", "cho", "elman", "glorot"}
_WORD = re.compile(r"[A-Za-z][A-Za-z.]*")


def english_words(text: str) -> list[str]:
    """The words of ``text`` from :data:`ENGLISH` (markup, code such as ``W_ih`` and names removed)."""
    text = re.sub(r"<[^>]+>", " ", text)              # HTML tags
    text = re.sub(r"\b\w*_\w*\b", " ", text)           # identifiers: W_ih, x_t, h_T, weight_hh
    text = re.sub(r"\(\*[^)]*\)", " ", text)           # file patterns (*.npz)
    text = re.sub(r"'[A-Za-z][^']*'", " ", text)       # a quoted English title: 'Visualizing and …'

    words = [w.rstrip(".").lower() for w in _WORD.findall(text)]
    return [w for w in words if w in ENGLISH and w not in ALLOWED]


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything a user reads in ``widget`` and its children (visible or not)."""
    out: list[tuple[str, str]] = []

    def add(obj, text):
        if text:
            out.append((f"{type(obj).__name__} {obj.objectName()!r}", str(text)))

    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            add(w, w.text())
        if isinstance(w, QAbstractButton):
            add(w, w.text())
        if isinstance(w, QGroupBox):
            add(w, w.title())
        if isinstance(w, QDockWidget):
            add(w, w.windowTitle())
        if isinstance(w, QTabBar):
            for k in range(w.count()):
                add(w, w.tabText(k))
        if isinstance(w, QLineEdit):
            add(w, w.placeholderText())
        if isinstance(w, QComboBox):
            for k in range(w.count()):
                add(w, w.itemText(k))
        if isinstance(w, QMenu):
            add(w, w.title())
            for action in w.actions():
                add(w, action.text())
        if isinstance(w, QAbstractItemView) and isinstance(w.model(), QAbstractItemModel):
            model, root = w.model(), QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model: one column, no header of its own
                columns = 0
            for orientation, count in ((Qt.Orientation.Horizontal, columns),
                                       (Qt.Orientation.Vertical, min(model.rowCount(root), 3))):
                for k in range(count):
                    add(w, model.headerData(k, orientation, Qt.ItemDataRole.DisplayRole))
        if isinstance(w, pg.PlotWidget):
            item = w.getPlotItem()
            add(w, item.titleLabel.text)
            for side in ("left", "bottom"):
                add(w, item.getAxis(side).labelText)
            if item.legend is not None:
                for _sample, label in item.legend.items:
                    add(w, label.text)
        if isinstance(w, pg.GraphicsLayoutWidget):
            for item in w.scene().items():
                if isinstance(item, pg.LabelItem):
                    add(w, item.text)
                if isinstance(item, pg.AxisItem):
                    add(w, item.labelText)
    return out


@pytest.fixture
def korean(qapp):
    assert i18n.install_translator(qapp, "ko")
    yield
    i18n.install_translator(qapp, "en")


def _assert_korean(widget: QWidget) -> None:
    left = [(where, text, words) for where, text in _texts(widget) if (words := english_words(text))]
    assert not left, "English left in the Korean interface:\n" + "\n".join(
        f"  {where}: {text!r} ({', '.join(words)})" for where, text, words in left)


def test_the_word_filter_skips_names_and_code():
    assert english_words("Show: i f g o") == ["show"]
    assert english_words("<b>W_ih</b> PyTorch (*.npz) σ tanh h c") == []
    assert english_words("유닛 3, t = 5") == []


def test_main_window_has_no_english_left(qtbot, korean):
    from ui.shell.main_window import MainWindow

    win = MainWindow(restore=False)
    win.persist_layout = False
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    for dock in win.findChildren(QDockWidget):
        dock.show()
        dock.raise_()
    for tabs in win.findChildren(QTabBar):
        for k in range(tabs.count()):
            tabs.setCurrentIndex(k)
    win.insight.show_branch()
    win.insight.show_dashboard()
    qtbot.wait(50)
    _assert_korean(win)
    assert win.findChild(QMenu, "menu_tools").title() == "도구(&T)"


def test_tools_windows_and_dialogs_have_no_english_left(qtbot, korean):
    from ui.dialogs.export_dialog import GifOptions, GifOptionsDialog
    from ui.dialogs.generator_dialog import GeneratorDialog
    from ui.shell.main_window import MainWindow

    win = MainWindow(restore=False)
    win.persist_layout = False
    qtbot.addWidget(win)
    compare = win.insight.show_compare()
    compare.tabs.setCurrentIndex(1)
    conventions = win.insight.show_conventions()
    generator = GeneratorDialog(win.controller, win)
    gif = GifOptionsDialog(win, win.controller.length, GifOptions(last=10))
    for widget in (compare, conventions, generator, gif):
        qtbot.addWidget(widget)
        _assert_korean(widget)
    for k in range(generator.combo.count()):  # every generator's form and help
        generator.combo.setCurrentIndex(k)
        _assert_korean(generator)


def test_presets_show_their_korean_text(qtbot, korean):
    from ui.shell.main_window import MainWindow

    win = MainWindow(restore=False)
    win.persist_layout = False
    qtbot.addWidget(win)
    action = win.findChild(type(win.actions_by_name["action_open"]), "action_preset_rnn-pulse-fades")
    assert action.text() == "RNN: 펄스가 사라진다"
    action.trigger()
    assert win.preset_info.title.text() == "RNN: 펄스가 사라진다"
    assert "기울기 소실" in win.preset_info.text.text()
    from ui.i18n import system_renders_hangul  # the title bar is drawn with the system's fonts

    assert ("RNN: 펄스가 사라진다" if system_renders_hangul() else "RNN: a pulse fades") in win.windowTitle()
