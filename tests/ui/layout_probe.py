"""Run by tests/ui/test_layout_screens.py in a subprocess under ``offscreen:configfile=…``.

``python layout_probe.py SETTINGS_DIR [TOOL …]`` opens the main window with the default
layout (``restore=False`` unless ``--restore``), opens the named Tools docks (``show_branch``,
``show_dashboard``), and prints one JSON line: the screen's available geometry, the
window's frame, the diagram's size and, per visible dock, its contents' size and minimum
and whether it scrolls sideways; and per dock tab bar in use, each tab's width and the
width its title needs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(argv: list[str]) -> None:
    """Open the window, let it lay out, print the geometries."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QScrollArea

    from ui.shell.app import make_application

    app = make_application()  # the app's style and fonts: tab and toolbar widths as users see them
    QCoreApplication.setOrganizationName("GateScopeTest")
    QCoreApplication.setApplicationName("GateScopeTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, argv[0])
    from ui.shell.main_window import MainWindow

    restore = "--restore" in argv
    window = MainWindow(restore=restore)
    window.persist_layout = "--save" in argv
    for tool in (a for a in argv[1:] if not a.startswith("--")):
        if tool == "focus":
            window.actions_by_name["action_focus"].trigger()
        else:
            getattr(window.insight, tool)()
    window.show()
    for _ in range(30):
        app.processEvents()
    area, frame = window.screen().availableGeometry(), window.frameGeometry()
    docks = {}
    for name, dock in window.docks.items():
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            inner = dock.widget()
            sideways = isinstance(inner, QScrollArea) and inner.horizontalScrollBar().isVisible()
            docks[name] = {"size": [inner.width(), inner.height()],
                           "min": [inner.minimumWidth(), inner.minimumHeight()], "sideways": sideways}
    from ui.shell import docks as layout

    layout.hide_stale_tab_bars(window)
    tabs = [[bar.tabText(i), bar.tabRect(i).width(), bar.tabSizeHint(i).width()]
            for bar in layout._tab_bars(window) if bar.isVisible() for i in range(bar.count())]
    print(json.dumps({
        "screen": [area.x(), area.y(), area.width(), area.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "window": [window.width(), window.height()],
        "diagram": [window.diagram.width(), window.diagram.height(), window.diagram.isVisible()],
        "docks": docks, "tabs": tabs}))
    window.controller.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main(sys.argv[1:])
