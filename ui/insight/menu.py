"""The Tools menu: compare cells, branch a run, the dashboard, the conventions explorer, reproduce scripts.

The main window puts :attr:`InsightTools.menu` in its menu bar and lists each dock that
:attr:`InsightTools.dock_created` announces. The views are built the first time they are
asked for, so they cost nothing (at launch or per step) until used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from ui.i18n import tr

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["InsightTools"]


class InsightTools(QObject):
    """The insight views of one main window, built on demand.

    Attributes
    ----------
    menu : QMenu
        objectName ``menu_tools``.
    actions : dict of str to QAction
        ``action_compare``, ``action_branch``, ``action_train``, ``action_dashboard``, ``action_conventions``,
        ``action_reproduce_torch``, ``action_reproduce_keras``.
    compare_window, conventions_dialog : the views once opened (else None)
    docks : dict of str to QDockWidget
        ``dock_branch``, ``dock_train`` and ``dock_dashboard`` once opened.

    Signals
    -------
    dock_created(QDockWidget)
        A Tools dock just built (before it is shown): the window lists it in its View menu.
    """

    dock_created = Signal(QDockWidget)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.compare_window = None
        self.conventions_dialog = None
        self.docks: dict[str, QDockWidget] = {}
        self._places: dict[str, tuple[Qt.DockWidgetArea, str]] = {}  # default area and tab neighbour
        self.menu = QMenu(tr("&Tools"), window)
        self.menu.setObjectName("menu_tools")
        self.actions: dict[str, QAction] = {}
        for name, text, tip, slot in (
                ("action_compare", tr("&Compare cells…"), tr("Run an RNN, an LSTM and a GRU (or saved "
                 "sessions) side by side on these inputs, with a memory test"), self.show_compare),
                ("action_branch", tr("&Branch (what if)"), tr("Force a gate or change an input or a weight "
                 "from the current step and see the run diverge"), self.show_branch),
                ("action_train", tr("&Train…"), tr("Train this kind of cell on a task and watch it learn"),
                 self.show_train),
                ("action_dashboard", tr("Saturation and memory &dashboard"), tr("Gate saturation, memory "
                 "timescales, W_hh's spectrum and the one-step Jacobian"), self.show_dashboard),
                ("action_conventions", tr("C&onventions explorer…"), tr("How far the run moves under each "
                 "weight-porting mistake"), self.show_conventions),
                ("action_reproduce_torch", tr("Export &PyTorch script…"), tr("A standalone script that "
                 "rebuilds this cell in PyTorch and checks the trace"), lambda: self.reproduce("torch")),
                ("action_reproduce_keras", tr("Export &Keras script…"), tr("A standalone script that "
                 "rebuilds this cell in Keras and checks the trace"), lambda: self.reproduce("keras"))):
            action = QAction(text, window, objectName=name, toolTip=tip, statusTip=tip)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.actions[name] = action
            self.menu.addAction(action)
            if name in ("action_conventions",):
                self.menu.addSeparator()
        if getattr(window, "lesson_panel", None) is not None:  # a lesson page may set up the Train panel
            from ui.widgets.training.lesson_link import follow_lessons

            follow_lessons(window.lesson_panel, self.show_train)

    def show_compare(self) -> QWidget:
        """Open (or raise) the compare window."""
        if self.compare_window is None:
            from ui.insight.compare_window import CompareWindow

            self.compare_window = CompareWindow(self.window.controller, self.window)
        self.compare_window.show()
        self.compare_window.raise_()
        self.compare_window.activateWindow()
        return self.compare_window

    def _dock(self, name: str, title: str, factory, area: Qt.DockWidgetArea, beside: str = "") -> QDockWidget:
        dock = self.docks.get(name)
        if dock is None:
            dock = QDockWidget(title, self.window)
            dock.setObjectName(name)
            widget = factory(self.window.controller, dock)
            widget.setMinimumSize(max(widget.minimumWidth(), 240), max(widget.minimumHeight(), 150))  # usable
            dock.setWidget(widget)
            self._places[name] = (area, beside)
            self._place(dock)
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"action_show_{name.removeprefix('dock_')}")
            toggle.setToolTip(tr("Show or hide the {panel} panel").format(panel=title))
            self.docks[name] = dock
            self.dock_created.emit(dock)
        dock.show()
        dock.raise_()
        return dock

    def _place(self, dock: QDockWidget) -> None:
        """Put ``dock`` in its default place: its area, tabbed with its neighbour when that is shown."""
        area, beside = self._places[dock.objectName()]
        self.window.removeDockWidget(dock)  # a no-op for a new dock
        dock.setFloating(False)
        self.window.addDockWidget(area, dock)
        neighbour = self.window.docks.get(beside)
        if neighbour is not None and not neighbour.isFloating() and not neighbour.isHidden():
            self.window.tabifyDockWidget(neighbour, dock)  # a tab of a big panel, not a sliver

    def reset_docks(self) -> None:
        """Reset layout: the Tools docks that are open go back to their default places."""
        for dock in self.docks.values():
            if dock.isVisible():
                self._place(dock)
                dock.show()

    def show_branch(self) -> QDockWidget:
        """Show the branch (what if) dock ``dock_branch`` below the diagram and timeline."""
        from ui.insight.branch_panel import BranchPanel

        return self._dock("dock_branch", tr("Branch (what if)"), BranchPanel,
                          Qt.DockWidgetArea.BottomDockWidgetArea)

    def show_train(self) -> QDockWidget:
        """Show the Train dock ``dock_train`` on the right."""
        from ui.widgets.training.train_panel import TrainPanel

        return self._dock("dock_train", tr("Train"), TrainPanel, Qt.DockWidgetArea.RightDockWidgetArea,
                          beside="dock_gates")

    def show_dashboard(self) -> QDockWidget:
        """Show the dashboard dock ``dock_dashboard`` on the right."""
        from ui.insight.dashboard import Dashboard

        return self._dock("dock_dashboard", tr("Saturation and memory"), Dashboard,
                          Qt.DockWidgetArea.RightDockWidgetArea, beside="dock_gates")

    def show_conventions(self) -> QWidget:
        """Open the conventions explorer for the current cell (a new one each time: the cell may differ)."""
        from ui.insight.conventions_dialog import ConventionsDialog

        if self.conventions_dialog is not None:
            self.conventions_dialog.close()
            self.conventions_dialog.deleteLater()
        self.conventions_dialog = ConventionsDialog(self.window.controller, self.window)
        self.conventions_dialog.show()
        return self.conventions_dialog

    def reproduce(self, framework: str) -> str | None:
        """Ask for a file and export the PyTorch or Keras script."""
        from ui.insight.reproduce import ask_reproduce_script

        documents = self.window.documents
        path = ask_reproduce_script(self.window, self.window.controller, framework, documents._last_dir())
        if path:
            documents._remember_dir(path)
        return path

