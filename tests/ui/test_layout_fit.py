"""Issue 3's bar at 1280×800: every dock tab title in full; the gradient plot unclipped in compare rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from ui import i18n
from ui.shell import docks as layout

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()


@pytest.fixture
def language(qapp):
    """``language(code)`` installs that interface language; English again afterwards."""
    def install(code: str) -> None:
        i18n.register_fonts(qapp)
        assert i18n.install_translator(qapp, code)
    yield install
    i18n.install_translator(qapp, "en")


def _window_at(qtbot, width: int, height: int):
    from ui.shell.main_window import MainWindow

    win = MainWindow(restore=False)
    win.persist_layout = False
    qtbot.addWidget(win)
    win.resize(width, height)
    win.show()
    qtbot.waitExposed(win)
    return win


def _tab_bars_in_use(win) -> list[QTabBar]:
    layout.hide_stale_tab_bars(win)
    return [bar for bar in win.findChildren(QTabBar) if bar.isVisible() and bar.parent() is win]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_dock_tab_shows_its_whole_title_at_1280x800(qtbot, language, lang):
    language(lang)
    win = _window_at(qtbot, 1280, 800)
    win.insight.show_dashboard()  # a third tab beside "Gates and states"
    qtbot.wait(50)
    seen = set()
    for bar in _tab_bars_in_use(win):
        metrics = bar.fontMetrics()
        for i in range(bar.count()):
            text, rect = bar.tabText(i), bar.tabRect(i)
            assert rect.width() >= bar.tabSizeHint(i).width(), (text, rect.width(), bar.tabSizeHint(i))
            assert rect.width() >= metrics.horizontalAdvance(text) + 12, (text, rect.width())
            assert bar.rect().contains(rect), text  # and the bar itself is not cut by its dock
            seen.add(text)
    expected = {d.windowTitle() for name, d in win.docks.items() if name != "dock_branch"}
    assert expected <= seen, expected - seen  # every docked panel is a tab here: the test saw them all
    assert len(expected) == 9  # seven standard docks, the lessons and the dashboard
    win.controller.undo_stack.setClean()


def test_the_side_columns_are_as_wide_as_their_tabs(qtbot):
    win = _window_at(qtbot, 1280, 800)
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    qtbot.waitUntil(lambda: win.centralWidget().width() >= 500)  # the diagram and timeline keep most room
    assert win.docks["dock_preset"].width() >= layout.tabs_width(win, left) > 200
    assert win.docks["dock_inputs"].width() >= layout.tabs_width(win, right) > 0
    win.controller.undo_stack.setClean()


@pytest.mark.parametrize("width", [900, 1280])
def test_compare_rows_show_the_gradient_title_legend_and_axis_label_whole(qtbot, width):
    from ui.document.controller import Controller
    from ui.insight.compare_window import CompareWindow

    main = Controller()
    window = CompareWindow(main)
    qtbot.addWidget(window)
    window.resize(width, 780)
    window.show()
    qtbot.waitExposed(window)
    for row in window.rows:
        plot = row.gradients
        qtbot.waitUntil(lambda p=plot: p.data is not None)
        view = plot.plot.mapToScene(plot.plot.viewport().rect()).boundingRect()
        item = plot.plot.getPlotItem()
        for text in (item.titleLabel.item, item.getAxis("bottom").label):
            margin = text.document().documentMargin()
            rect = text.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)
            assert view.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), (row.label, text.toPlainText(), rect)
        assert item.vb.sceneBoundingRect().right() <= view.right() + 0.5, row.label
        for name in plot.curves:  # the legend keys ride in the title
            assert plot.curves[name].opts["pen"].color().name() in plot._shown_labels[0], (row.label, name)
    window.close()
