"""The main window's panels: building the views, the docks, their default layout, saving and restoring it.

Default layout (looks right from 1280×800 up): on the left "About this example" tabbed with
"Cell set-up" (and "Lessons"); on the right "Gates and states" tabbed with "Gradients" above
"Inputs", "Weights" and "Inspector"; the diagram over the timeline in the middle. Each side is
made wide enough for its tab titles to show in full (:func:`tabs_width`).

The Tools menu's docks (:data:`TOOL_DOCKS`) are built on first use; the layout saved at close
lists the ones that exist, and :func:`restore_layout` builds them again before restoring the
state, so they come back where the user left them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QByteArray, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QScrollArea, QTabBar, QWidget

from ui.i18n import tr

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["DOCKS", "GEOMETRY_KEY", "STATE_KEY", "STATE_VERSION", "TOOL_DOCKS", "TOOL_DOCKS_KEY",
           "build_docks", "arrange_docks", "apply_default_sizes", "tabs_width", "hide_stale_tab_bars",
           "restore_layout", "save_layout"]

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
TOOL_DOCKS_KEY = "main_window/tool_docks"
STATE_VERSION = 4  # bump when the docks change so an old saved layout is ignored (4: tabs not elided)
_LEFT, _RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
DOCKS: tuple[tuple[str, str, Qt.DockWidgetArea], ...] = (  # objectName, title, area
    ("dock_preset", QT_TR_NOOP("About this example"), _LEFT),
    ("dock_setup", QT_TR_NOOP("Cell set-up"), _LEFT),
    ("dock_gates", QT_TR_NOOP("Gates and states"), _RIGHT),
    ("dock_gradients", QT_TR_NOOP("Gradients"), _RIGHT),
    ("dock_inspector", QT_TR_NOOP("Inspector"), _RIGHT),
    ("dock_inputs", QT_TR_NOOP("Inputs"), _RIGHT),
    ("dock_weights", QT_TR_NOOP("Weights"), _RIGHT),
)
# The Tools menu's docks, built on first use: objectName -> the ``window.insight`` method showing it.
TOOL_DOCKS = {"dock_branch": "show_branch", "dock_dashboard": "show_dashboard", "dock_train": "show_train"}


def _scrollable(widget: QWidget, parent: QWidget, max_width: int = 480) -> QWidget:
    """``widget`` in a frameless scroll area when it is wider than a dock column, else itself.

    A dock then never forces the window wider: a wide editor scrolls instead of clipping.
    """
    if widget.minimumSizeHint().width() <= max_width:
        return widget
    area = QScrollArea(parent)
    area.setObjectName(f"{widget.objectName()}_scroll")
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def build_docks(window: MainWindow, contents: dict[str, QWidget]) -> dict[str, QDockWidget]:
    """One QDockWidget per :data:`DOCKS` entry around ``contents[name]``, listed in the View menu."""
    docks: dict[str, QDockWidget] = {}
    for name, title, _area in DOCKS:
        dock = QDockWidget(tr(title), window)
        dock.setObjectName(name)
        dock.setWidget(_scrollable(contents[name], dock))
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"action_show_{name.removeprefix('dock_')}")
        toggle.setToolTip(tr("Show or hide the {panel} panel").format(panel=tr(title).lower()))
        window.view_menu.addAction(toggle)
        docks[name] = dock
    return docks


def arrange_docks(window: MainWindow) -> None:
    """Put every dock in its default place (set-up tabs left; gates over inputs right, each tabbed)."""
    d = window.docks
    for name, _title, area in DOCKS:
        window.removeDockWidget(d[name])  # a no-op the first time; afterwards a clean slate
        d[name].setFloating(False)
        window.addDockWidget(area, d[name])
        d[name].show()
    window.tabifyDockWidget(d["dock_preset"], d["dock_setup"])
    window.splitDockWidget(d["dock_gates"], d["dock_inputs"], Qt.Orientation.Vertical)
    window.tabifyDockWidget(d["dock_gates"], d["dock_gradients"])
    window.tabifyDockWidget(d["dock_inputs"], d["dock_weights"])
    window.tabifyDockWidget(d["dock_inputs"], d["dock_inspector"])
    for first in ("dock_preset", "dock_gates", "dock_inputs"):
        d[first].raise_()


def apply_default_sizes(window: MainWindow) -> None:
    """Dock widths and heights for the window's size.

    Left 15 %, right 30 %, each widened to show its tab titles in full (up to a quarter and
    three eighths of the window); the diagram and the timeline share the middle column
    equally, the editors on the right 55 % below the gate panel.
    """
    d, w, h = window.docks, window.width(), window.height()
    left = max(200, w * 3 // 20, min(tabs_width(window, _LEFT), w // 4))
    right = max(380, w * 3 // 10, min(tabs_width(window, _RIGHT), w * 3 // 8))
    window.resizeDocks([d["dock_preset"], d["dock_gates"]], [left, right], Qt.Orientation.Horizontal)
    window.resizeDocks([d["dock_gates"], d["dock_inputs"]], [h * 9 // 20, h * 11 // 20],
                       Qt.Orientation.Vertical)
    window.splitter.setSizes([h // 2, h // 2])


def _tab_bars(window: MainWindow) -> list[QTabBar]:
    """The window's dock tab bars: one per group of tabbed docks, and any left from earlier groups."""
    return window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)


def _titles(bar: QTabBar) -> set[str]:
    return {bar.tabText(i).replace("&", "") for i in range(bar.count())}


def tabs_width(window: MainWindow, area: Qt.DockWidgetArea) -> int:
    """The width the docks tabbed together in ``area`` need to show every tab title unelided (0: no tabs)."""
    need = 0
    for dock in window.findChildren(QDockWidget):
        if dock.isHidden() or dock.isFloating() or window.dockWidgetArea(dock) != area:
            continue
        group = {d.windowTitle() for d in (dock, *window.tabifiedDockWidgets(dock)) if not d.isHidden()}
        widths = [bar.sizeHint().width() for bar in _tab_bars(window) if _titles(bar) == group]
        need = max([need, *widths]) if len(group) > 1 else need
    return need


def hide_stale_tab_bars(window: MainWindow) -> None:
    """Hide dock tab bars left over from earlier arrangements.

    Qt keeps a tab bar per tab group it ever made; on some platforms (offscreen) the unused
    ones stay visible where an earlier layout put them. A tab bar in use sits right below a
    dock of its group.
    """
    visible = [d for d in window.docks.values() if d.isVisible() and not d.isFloating()]
    for bar in _tab_bars(window):
        titles = _titles(bar)
        used = any(d.windowTitle() in titles and abs(d.geometry().bottom() + 1 - bar.y()) <= 2
                   and abs(d.x() - bar.x()) <= 2 for d in visible)
        if not used and bar.isVisible():
            bar.hide()


def restore_layout(window: MainWindow) -> bool:
    """The geometry and dock layout of the last session; False when there is none.

    The Tools menu's docks that existed at the last close are built first: Qt restores only
    docks that exist, matched by objectName.
    """
    settings = QSettings()
    geometry, state = settings.value(GEOMETRY_KEY), settings.value(STATE_KEY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if not isinstance(state, QByteArray):
        return False
    insight, built = getattr(window, "insight", None), []
    for name in settings.value(TOOL_DOCKS_KEY, [], type=list):
        if insight is not None and name in TOOL_DOCKS and name not in window.docks:
            built.append(getattr(insight, TOOL_DOCKS[name])())  # shown or hidden by restoreState below
    if window.restoreState(state, STATE_VERSION):
        return True
    for dock in built:  # a layout from another version: the Tools docks wait to be asked for again
        dock.hide()
    return False


def save_layout(window: MainWindow) -> None:
    """Remember the geometry and dock layout for the next launch, and which Tools docks exist."""
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState(STATE_VERSION))
    settings.setValue(TOOL_DOCKS_KEY, [name for name in TOOL_DOCKS if name in window.docks])
