"""The main window's panels: building the views, the docks, their default layout, saving and restoring it.

Default layout: the diagram over the timeline in the middle, the hero (at least a quarter of
the window); on the right "Gates and states" tabbed with "Gradients" above "Inputs",
"Weights" and "Inspector". On a wide window (:data:`WIDE` px and up) "About this example",
"Cell set-up" and "Lessons" are tabs of a left column; on a narrower one they join the right
column's two tab groups (three tabs above, five short ones below), so the middle keeps its
width. Each side is made wide enough for its tab titles to show in full (:func:`tabs_width`)
when there is room. Every dock keeps a usable minimum
(:data:`MIN_HEIGHT`): a taller panel scrolls inside its dock instead of squeezing the diagram.

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

__all__ = ["DOCKS", "MIN_HEIGHT", "WIDE", "GEOMETRY_KEY", "STATE_KEY", "STATE_VERSION", "TOOL_DOCKS",
           "TOOL_DOCKS_KEY", "dock_contents", "build_docks", "is_wide", "arrange_docks",
           "size_tool_dock", "apply_default_sizes",
           "tabs_width", "hide_stale_tab_bars", "restore_layout", "save_layout"]

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
TOOL_DOCKS_KEY = "main_window/tool_docks"
STATE_VERSION = 5  # bump when the docks change so an old saved layout is ignored (5: compact layout)
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
WIDE = 1280  # from this window width the set-up panels get a column of their own on the left
# The least height of each dock's contents (a few heatmap or table rows; the gate bars), in pixels.
MIN_HEIGHT = {"dock_preset": 90, "dock_setup": 150, "dock_gates": 150, "dock_gradients": 130,
              "dock_inspector": 120, "dock_inputs": 120, "dock_weights": 150, "dock_lessons": 150}
MIN_WIDTH = 240  # the least width of a dock's contents
# The Tools menu's docks, built on first use: objectName -> the ``window.insight`` method showing it.
TOOL_DOCKS = {"dock_branch": "show_branch", "dock_dashboard": "show_dashboard", "dock_train": "show_train"}


def _scrollable(widget: QWidget, parent: QWidget, min_height: int = 120, max_width: int = 480) -> QWidget:
    """``widget`` in a frameless scroll area when it is wider than a dock column or taller than
    ``min_height``, else itself; either way at least ``min_height`` × :data:`MIN_WIDTH` big.

    A dock then never forces the window wider or squeezes the diagram: a big editor scrolls
    instead of clipping, and it never shrinks below a usable few rows.
    """
    hint = widget.minimumSizeHint()
    if hint.width() <= max_width and hint.height() <= min_height:
        widget.setMinimumSize(max(widget.minimumWidth(), min(MIN_WIDTH, max_width)),
                              max(widget.minimumHeight(), min_height))
        return widget
    area = QScrollArea(parent)
    area.setObjectName(f"{widget.objectName()}_scroll")
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setMinimumSize(MIN_WIDTH, min_height)
    return area


def dock_contents(widget: QWidget, dock: QDockWidget) -> QWidget:
    """What ``dock`` shows of ``widget``: itself or a scroll area, at least its :data:`MIN_HEIGHT` high."""
    return _scrollable(widget, dock, MIN_HEIGHT.get(dock.objectName(), 120))


def build_docks(window: MainWindow, contents: dict[str, QWidget]) -> dict[str, QDockWidget]:
    """One QDockWidget per :data:`DOCKS` entry around ``contents[name]``, listed in the View menu."""
    docks: dict[str, QDockWidget] = {}
    for name, title, _area in DOCKS:
        dock = QDockWidget(tr(title), window)
        dock.setObjectName(name)
        dock.setWidget(dock_contents(contents[name], dock))
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"action_show_{name.removeprefix('dock_')}")
        toggle.setToolTip(tr("Show or hide the {panel} panel").format(panel=tr(title).lower()))
        window.view_menu.addAction(toggle)
        docks[name] = dock
    return docks


def is_wide(window: MainWindow) -> bool:
    """True when the window is wide enough for a left column of set-up panels (:data:`WIDE`)."""
    return window.width() >= WIDE


def arrange_docks(window: MainWindow) -> None:
    """Put every dock in its default place for the window's width.

    Wide: set-up tabs left; gates over inputs right, each tabbed. Narrow: one right column,
    "About this example" tabbed above with the gates, "Cell set-up" and "Lessons" below with
    the editors, so every title shows in full in a column a third of a 1024-pixel screen
    wide (and a lesson's text stays in view while it raises the gate panel above it).
    """
    d, wide = window.docks, is_wide(window)
    places = [(name, area if wide else _RIGHT) for name, _title, area in DOCKS]
    places += [("dock_lessons", _LEFT if wide else _RIGHT)] if "dock_lessons" in d else []
    for name, _area in places:
        window.removeDockWidget(d[name])  # a no-op the first time; afterwards a clean slate
    for name, area in places:
        d[name].setFloating(False)
        window.addDockWidget(area, d[name])
        d[name].show()
    window.splitDockWidget(d["dock_gates"], d["dock_inputs"], Qt.Orientation.Vertical)
    # (tab neighbour, dock): wide, the set-up panels tab together on the left; narrow, they share
    # the right column's two tab groups, two above with the gates and one below with the editors
    tabs = [("dock_gates", "dock_gradients"), ("dock_inputs", "dock_weights"),
            ("dock_weights", "dock_inspector")]
    if wide:
        tabs += [("dock_preset", "dock_setup"), ("dock_setup", "dock_lessons")]
    else:
        tabs += [("dock_gradients", "dock_preset"), ("dock_inspector", "dock_setup"),
                 ("dock_setup", "dock_lessons")]
    for neighbour, name in tabs:
        if name in d:
            window.tabifyDockWidget(d[neighbour], d[name])
    for name in ("dock_inputs", "dock_gates", *(["dock_preset"] if wide else [])):
        d[name].raise_()


def size_tool_dock(window: MainWindow, dock: QDockWidget) -> None:
    """A Tools dock below the middle column (branch) takes a quarter of the window's height.

    The left and right columns own the bottom corners, so such a dock shares only the middle
    column's height, and the diagram keeps at least a fifth of the window.
    """
    window.setCorner(Qt.Corner.BottomLeftCorner, _LEFT)
    window.setCorner(Qt.Corner.BottomRightCorner, _RIGHT)
    if window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea and not dock.isFloating():
        window.resizeDocks([dock], [window.height() // 4], Qt.Orientation.Vertical)


def apply_default_sizes(window: MainWindow) -> None:
    """Dock widths and heights for the window's size.

    Left 15 % (wide windows only), right 30 %, each widened to show its tab titles in full
    (up to a quarter and three eighths of the window, or 400 px on a small one); the diagram
    gets 62 % of the middle column above the timeline, the editors on the right 55 % below
    the gate panel.
    """
    d, w, h = window.docks, window.width(), window.height()
    right = max(360, w * 3 // 10, min(tabs_width(window, _RIGHT), max(w * 3 // 8, 400)))
    if is_wide(window):
        left = max(200, w * 3 // 20, min(tabs_width(window, _LEFT), w // 4))
        window.resizeDocks([d["dock_preset"], d["dock_gates"]], [left, right], Qt.Orientation.Horizontal)
    else:
        window.resizeDocks([d["dock_gates"]], [right], Qt.Orientation.Horizontal)
    window.resizeDocks([d["dock_gates"], d["dock_inputs"]], [h * 9 // 20, h * 11 // 20],
                       Qt.Orientation.Vertical)
    middle = window.splitter.height() or h
    window.splitter.setSizes([middle * 62 // 100, middle - middle * 62 // 100])


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
    built = []
    for name in settings.value(TOOL_DOCKS_KEY, [], type=list):
        if name in TOOL_DOCKS and name not in window.docks:
            built.append(getattr(window.insight, TOOL_DOCKS[name])())  # shown or hidden by restoreState below
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
