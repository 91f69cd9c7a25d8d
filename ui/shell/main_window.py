"""The GateScope main window: the diagram and timeline in the middle, panels in docks around them."""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from ui.background.long_work import RecomputeProgress
from ui.background.recovery import RecoveryManager
from ui.document.controller import Controller
from ui.i18n import localized, title_safe
from ui.insight.menu import InsightTools
from ui.shell import docks as layout
from ui.shell import panels, screen_fit
from ui.shell.actions import ShortcutGuard, setup_actions, setup_menus, setup_toolbar
from ui.shell.documents import DocumentManager
from ui.shell.exporting import Exporter
from ui.shell.importing import Importer
from ui.widgets.common.transport import TransportBar

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """The whole app around one :class:`~ui.document.controller.Controller` (the default example when None).

    ``restore=False`` ignores the layout saved by the last session (screenshots, tests).

    Attributes
    ----------
    controller, documents (DocumentManager), importer (Importer), exporter (Exporter),
    actions_by_name (dict of QAction), docks (dict of QDockWidget), diagram, timeline, gate_panel,
    gradient_plot, inspector, inputs_editor, weights_editor, cell_setup, preset_info, transport,
    lesson_panel (LessonPanel),
    insight (InsightTools: the Tools menu and its docks), recovery (RecoveryManager or None: see
    :meth:`enable_recovery`), the menus recent_menu, presets_menu, view_menu, lessons_menu.
    """

    def __init__(self, controller: Controller | None = None, parent: QWidget | None = None, *,
                 restore: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.persist_layout = True  # False for screenshots: the user's saved layout is left alone
        self.controller = controller or Controller(parent=self)
        self.controller.progress_hook = RecomputeProgress(self)  # long recomputes keep painting
        # background threads (autosave, gradients, dashboard) hand the interpreter back to the GUI
        # within 1 ms instead of Python's default 5 ms, so they do not stretch a frame
        sys.setswitchinterval(0.001)
        self.documents = DocumentManager(self)
        self.importer = Importer(self)
        self.exporter = Exporter(self)
        self.setDockOptions(QMainWindow.DockOption.AllowTabbedDocks | QMainWindow.DockOption.AllowNestedDocks)
        self.setAcceptDrops(True)
        # An explicit minimum keeps the layout from changing the window's size hints on every
        # content change (the offscreen platform warns about that, and it costs a relayout).
        screen_fit.fit_to_screen(self)
        self.recovery: RecoveryManager | None = None
        self._focus_state: QByteArray | None = None  # the dock layout to come back to from Focus
        self.actions_by_name = setup_actions(self)
        menus = setup_menus(self, self.actions_by_name)
        self.recent_menu, self.presets_menu, self.view_menu, self.help_menu = menus
        toolbar = setup_toolbar(self, self.actions_by_name)
        self.transport = TransportBar(self.controller, toolbar, self.actions_by_name)
        toolbar.addSeparator()
        toolbar.addWidget(self.transport)
        self.addToolBar(toolbar)
        panels.build_central(self)  # diagram, timeline, splitter
        panels.build_docks(self)  # the docked views, lesson_panel, lessons_menu
        panels.build_status(self)
        self._guard = ShortcutGuard(self)
        QApplication.instance().installEventFilter(self._guard)
        self.controller.dirty_changed.connect(self.setWindowModified)
        self.controller.cell_changed.connect(self.update_title)
        self.documents.update_recent_menu()
        self._fill_presets_menu()
        self._build_tools()
        self.update_title()
        wide = layout.is_wide(self)
        self._sized = restore and layout.restore_layout(self)  # else default sizes on the first show
        if not screen_fit.fits(self):  # a geometry saved on a bigger screen: the default size and layout
            screen_fit.fit_to_screen(self)
            self._sized = False
        if not self._sized and layout.is_wide(self) != wide:
            layout.arrange_docks(self)
        self._wide = layout.is_wide(self)  # the width class the docks are arranged for
        self._shown = False

    # -- building ----------------------------------------------------------------------------
    def _build_tools(self) -> None:
        """The Tools menu (compare, branch, dashboard, …) before Help; its docks listed in View."""
        self.insight = InsightTools(self)
        self.menuBar().insertMenu(self.help_menu.menuAction(), self.insight.menu)
        self.actions_by_name.update(self.insight.actions)
        self.insight.dock_created.connect(self._add_tool_dock)

    def _add_tool_dock(self, dock: QDockWidget) -> None:
        self.docks[dock.objectName()] = dock
        self.view_menu.insertAction(self.actions_by_name["action_focus"], dock.toggleViewAction())
        QTimer.singleShot(0, lambda: layout.size_tool_dock(self, dock))  # once it is in its place

    def enable_recovery(self, **options: Any) -> RecoveryManager:
        """Start the autosave (``self.recovery``; ``options`` go to RecoveryManager); a clean close deletes
        its file."""
        self.recovery = RecoveryManager(self, **options)
        return self.recovery

    def set_focus_mode(self, on: bool) -> None:
        """Focus (``action_focus``): every dock hidden, the diagram and timeline fill the window.

        Off again: the docks come back as they were.
        """
        if on and self._focus_state is None:
            self._focus_state = self.saveState(layout.STATE_VERSION)
            for dock in self.docks.values():
                dock.hide()
        elif not on and self._focus_state is not None:
            self.restoreState(self._focus_state, layout.STATE_VERSION)
            self._focus_state = None
            QTimer.singleShot(0, lambda: layout.hide_stale_tab_bars(self))
        self.actions_by_name["action_focus"].setChecked(self._focus_state is not None)

    def _fill_presets_menu(self) -> None:
        from simulator.core.errors import InputError

        try:
            from simulator.document.presets import list_presets
            presets = list_presets()
        except (ImportError, AttributeError, OSError, InputError) as err:
            presets = []
            self.statusBar().showMessage(self.tr("Presets unavailable: {error}").format(error=err), 8000)
        for preset in presets:
            get = preset.get if isinstance(preset, dict) else lambda k, p=preset: getattr(p, k, None)
            pid = get("id")
            title, description = localized(str(get("title") or pid), str(get("description") or ""),
                                           get("translations"))
            action = self.presets_menu.addAction(title)
            action.setObjectName(f"action_preset_{pid}")
            action.setToolTip(description or title)
            action.triggered.connect(lambda _=False, p=pid: self.documents.load_preset(p))
        self.presets_menu.setEnabled(bool(presets))

    # -- title, layout and settings ------------------------------------------------------------
    def update_title(self, *_args: object) -> None:
        """“name[*] — GateScope”; the [*] shows as * while there are unsaved changes."""
        english = os.path.basename(self.controller.path or "") or self.controller.session.title or "Untitled"
        self.setWindowTitle(f"{title_safe(self.documents.display_name(), english)}[*] — GateScope")
        self.setWindowModified(not self.controller.undo_stack.isClean())

    def reset_layout(self) -> None:
        """Every dock back where it started (the open Tools docks too), sized for the window."""
        self.set_focus_mode(False)
        layout.arrange_docks(self)
        self.insight.reset_docks()
        layout.apply_default_sizes(self)
        QTimer.singleShot(0, lambda: layout.hide_stale_tab_bars(self))

    def save_layout(self) -> None:
        """Remember the geometry and dock layout for the next launch (the one before Focus, if on)."""
        self.set_focus_mode(False)
        layout.save_layout(self)

    def view_settings(self) -> dict[str, Any]:
        """View settings saved with a session (JSON values)."""
        return {"splitter": [int(s) for s in self.splitter.sizes()]}

    def restore_view_settings(self, settings: dict[str, Any]) -> None:
        """Apply :meth:`view_settings` read back from a session."""
        sizes = settings.get("splitter")
        if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) for s in sizes):
            self.splitter.setSizes(sizes)

    def show_about(self) -> None:
        """The About box: what GateScope is, and the versions of it, Qt, PySide6, Python, numpy, pyqtgraph."""
        import simulator
        from ui.shell.about import versions_html

        QMessageBox.about(self, self.tr("About GateScope"), self.tr(
            "<b>GateScope {version}</b><p>See inside one RNN, LSTM or GRU cell, token by token: watch the "
            "gates move, step and play, edit inputs and weights, export traces.</p><p>MIT licence.</p>")
            .format(version=simulator.__version__) + versions_html())

    # -- Qt events ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if layout.is_wide(self) != self._wide:  # resized since it was built: the layout for this width
                layout.arrange_docks(self)
                self.insight.reset_docks()
            layout.apply_default_sizes(self)
        QTimer.singleShot(0, lambda: layout.hide_stale_tab_bars(self))
        if not self._shown:
            self._shown = True
            self.centralWidget().setFocus()  # Space must play at once, not type into a field

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.documents.maybe_save():
            event.ignore()
            return
        self.controller.pause()
        if self.persist_layout:
            self.save_layout()
        if self.recovery is not None:
            self.recovery.discard()  # a clean close (saved or discarded): no recovery file stays
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.importer.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    dragMoveEvent = dragEnterEvent  # noqa: N815 - Qt override

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = self.importer.dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            # open after the drop returns, so a message box does not block the drag source
            QTimer.singleShot(0, lambda path=files[0]: self.importer.open_file(path))
