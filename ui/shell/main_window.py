"""The GateScope main window: the diagram and timeline in the middle, panels in docks around them."""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.background.long_work import RecomputeProgress, SettlingMarker
from ui.background.recovery import RecoveryManager
from ui.dialogs.weights_note import WeightsNote
from ui.document.controller import Controller
from ui.i18n import describe_cell, localized, title_safe
from ui.insight.menu import InsightTools
from ui.shell import docks as layout
from ui.shell import screen_fit
from ui.shell.actions import ShortcutGuard, setup_actions, setup_menus, setup_toolbar
from ui.shell.documents import DocumentManager
from ui.shell.exporting import Exporter
from ui.widgets.common.transport import TransportBar
from ui.widgets.diagram.cell_diagram import CellDiagram
from ui.widgets.diagram.overflow_bar import OverflowBar
from ui.widgets.gates.gate_panel import GatePanel
from ui.widgets.gates.inspector import Inspector
from ui.widgets.gradients.gradient_plot import GradientPlot
from ui.widgets.inputs.inputs_table import InputsEditor
from ui.widgets.lessons.lesson_flash import flash
from ui.widgets.lessons.lesson_panel import LessonPanel, lessons_menu
from ui.widgets.lessons.preset_info import PresetInfo
from ui.widgets.timeline.timeline import Timeline
from ui.widgets.weights.cell_setup import CellSetup
from ui.widgets.weights.weights_editor import WeightsEditor

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """The whole app around one :class:`~ui.document.controller.Controller` (the default example when None).

    ``restore=False`` ignores the layout saved by the last session (screenshots, tests).

    Attributes
    ----------
    controller, documents (DocumentManager), exporter (Exporter), actions_by_name (dict of QAction),
    docks (dict of QDockWidget), diagram, timeline, gate_panel, gradient_plot, inspector,
    inputs_editor, weights_editor, cell_setup, preset_info, transport, lesson_panel (LessonPanel),
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
        self._build_central()
        self._build_docks()
        self._build_status()
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
    def _build_central(self) -> None:
        c = self.controller
        self.diagram = CellDiagram(c, self)
        self.timeline = Timeline(c, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("central_splitter")
        self.splitter.addWidget(self.diagram)
        self.splitter.addWidget(self.timeline)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget(self)
        central.setObjectName("central_area")
        central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(OverflowBar(c, central))  # shown only while the trace holds inf or NaN
        box.addWidget(WeightsNote(c, lambda: self.documents.reimport_weights(), central))  # after an import
        box.addWidget(self.splitter)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        c = self.controller
        self.gate_panel = GatePanel(c, self)
        self.gradient_plot = GradientPlot(c, self)
        self.inspector = Inspector(c, self)
        self.inputs_editor = InputsEditor(c, self)
        self.weights_editor = WeightsEditor(c, self)
        self.cell_setup = CellSetup(c, self)
        self.preset_info = PresetInfo(c, self)
        for widget in (self.cell_setup, self.inputs_editor, self.weights_editor):
            if hasattr(widget, "message"):
                widget.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        if hasattr(self.weights_editor, "import_requested"):
            self.weights_editor.import_requested.connect(self.documents.import_weights)
        self.docks = layout.build_docks(self, {
            "dock_preset": self.preset_info, "dock_setup": self.cell_setup, "dock_gates": self.gate_panel,
            "dock_gradients": self.gradient_plot, "dock_inspector": self.inspector,
            "dock_inputs": self.inputs_editor, "dock_weights": self.weights_editor})
        self._build_lessons()
        layout.arrange_docks(self)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.actions_by_name[n] for n in ("action_focus", "action_reset_layout")])
        self.view_menu.addSeparator()
        self.view_menu.addMenu(i18n.language_menu(self))

    def _build_lessons(self) -> None:
        """The lesson panel in ``dock_lessons``, its View toggle and the Lessons menu (``menu_lessons``)."""
        self.lesson_panel = panel = LessonPanel(self.controller, self)
        panel.diagram = self.diagram
        panel.guard = lambda: self.documents.maybe_save()  # looked up late: tests replace it
        panel.after_load = self.update_title
        panel.show_view = self._show_view
        panel.lesson_requested.connect(self._start_lesson)
        dock = QDockWidget(QCoreApplication.translate("Lessons", "Lessons"), self)
        dock.setObjectName("dock_lessons")
        dock.setWidget(layout.dock_contents(panel, dock))
        self.docks["dock_lessons"] = dock
        toggle = dock.toggleViewAction()
        toggle.setObjectName("action_show_lessons")
        toggle.setToolTip(QCoreApplication.translate("Lessons", "Show or hide the lessons panel"))
        self.view_menu.addAction(toggle)
        self.lessons_menu = lessons_menu(panel, self)
        self.menuBar().insertMenu(self.view_menu.menuAction(), self.lessons_menu)

    def _show_view(self, key: str) -> None:
        """Raise and flash the view a lesson page names (``gradient_plot``, ``gate_panel``, ``timeline``)."""
        dock, widget = {"gradient_plot": ("dock_gradients", self.gradient_plot),
                        "gate_panel": ("dock_gates", self.gate_panel), "timeline": (None, self.timeline)}[key]
        if dock:
            self.docks[dock].show()
            self.docks[dock].raise_()
        flash(widget)

    def _start_lesson(self, lesson_id: str) -> None:
        dock = self.docks["dock_lessons"]
        dock.show()
        dock.raise_()
        if dock.width() < 340:
            self.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
        self.lesson_panel.start(lesson_id)

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

    def _build_status(self) -> None:
        self.cell_label = QLabel(self)
        self.cell_label.setObjectName("status_cell")
        self.statusBar().addPermanentWidget(self.cell_label)
        self.statusBar().addPermanentWidget(SettlingMarker(self.controller.settler.settling_changed))
        self.controller.cell_changed.connect(self._show_cell)
        self.controller.trace_changed.connect(self._show_cell)
        self._show_cell()

    def _show_cell(self, *_args: object) -> None:
        c = self.controller
        self.cell_label.setText(self.tr("{cell} · {dtype} · T = {steps} steps").format(
            cell=describe_cell(c.cell), dtype=c.cell.dtype.name, steps=c.length))

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
        if self.documents.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    dragMoveEvent = dragEnterEvent  # noqa: N815 - Qt override

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = self.documents.dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            # open after the drop returns, so a message box does not block the drag source
            QTimer.singleShot(0, lambda path=files[0]: self.documents.open_file(path))
