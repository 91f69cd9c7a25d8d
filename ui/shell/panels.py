"""The main window's views: the diagram over the timeline in the middle, the panels in docks, the status bar.

The shell builds every view here, sets it on the window as a named attribute and connects
what the views ask for by signal (a status message, importing weights, the signal generator,
a lesson) to the shell's own handlers. No widget holds the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QSplitter, QVBoxLayout, QWidget

from ui import i18n
from ui.background.long_work import SettlingMarker
from ui.dialogs.generator_dialog import GeneratorDialog
from ui.dialogs.weights_note import WeightsNote
from ui.i18n import describe_cell
from ui.shell import docks as layout
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

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["build_central", "build_docks", "build_status", "open_generator"]


def build_central(window: MainWindow) -> None:
    """The central area: the overflow bar, the weights note, then the diagram over the timeline
    (``window.diagram``, ``window.timeline`` in ``window.splitter``)."""
    c = window.controller
    window.diagram = CellDiagram(c, window)
    window.timeline = Timeline(c, window)
    window.splitter = QSplitter(Qt.Orientation.Vertical, window)
    window.splitter.setObjectName("central_splitter")
    window.splitter.addWidget(window.diagram)
    window.splitter.addWidget(window.timeline)
    window.splitter.setChildrenCollapsible(False)
    central = QWidget(window)
    central.setObjectName("central_area")
    central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    box = QVBoxLayout(central)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(OverflowBar(c, central))  # shown only while the trace holds inf or NaN
    box.addWidget(WeightsNote(c, lambda: window.importer.reimport_weights(), central))  # after an import
    box.addWidget(window.splitter)
    window.setCentralWidget(central)


def build_docks(window: MainWindow) -> None:
    """Every docked panel (``window.docks``), the lessons dock, the default arrangement and the
    View menu's layout entries; the panels' requests connected to the shell."""
    c = window.controller
    window.gate_panel = GatePanel(c, window)
    window.gradient_plot = GradientPlot(c, window)
    window.inspector = Inspector(c, window)
    window.inputs_editor = InputsEditor(c, window)
    window.weights_editor = WeightsEditor(c, window)
    window.cell_setup = CellSetup(c, window)
    window.preset_info = PresetInfo(c, window)
    for widget in (window.cell_setup, window.inputs_editor, window.weights_editor):
        widget.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    window.weights_editor.import_requested.connect(window.importer.import_weights)
    window.inputs_editor.generator_requested.connect(lambda: open_generator(window))
    window.docks = layout.build_docks(window, {
        "dock_preset": window.preset_info, "dock_setup": window.cell_setup, "dock_gates": window.gate_panel,
        "dock_gradients": window.gradient_plot, "dock_inspector": window.inspector,
        "dock_inputs": window.inputs_editor, "dock_weights": window.weights_editor})
    _build_lessons(window)
    layout.arrange_docks(window)
    window.view_menu.addSeparator()
    window.view_menu.addActions([window.actions_by_name[n] for n in ("action_focus", "action_reset_layout")])
    window.view_menu.addSeparator()
    window.view_menu.addMenu(i18n.language_menu(window))


def open_generator(window: MainWindow) -> GeneratorDialog:
    """Open the signal generator (``generator_dialog``) for the window's document, modal; returns it
    once closed."""
    dialog = GeneratorDialog(window.controller, window)
    dialog.exec()
    return dialog


def _build_lessons(window: MainWindow) -> None:
    """The lesson panel in ``dock_lessons``, its View toggle and the Lessons menu (``menu_lessons``)."""
    window.lesson_panel = panel = LessonPanel(window.controller, window)
    panel.diagram = window.diagram
    panel.guard = lambda: window.documents.maybe_save()  # looked up late: tests replace it
    panel.after_load = window.update_title
    panel.show_view = lambda key: _show_view(window, key)
    panel.lesson_requested.connect(lambda lesson_id: _start_lesson(window, lesson_id))
    dock = QDockWidget(QCoreApplication.translate("Lessons", "Lessons"), window)
    dock.setObjectName("dock_lessons")
    dock.setWidget(layout.dock_contents(panel, dock))
    window.docks["dock_lessons"] = dock
    toggle = dock.toggleViewAction()
    toggle.setObjectName("action_show_lessons")
    toggle.setToolTip(QCoreApplication.translate("Lessons", "Show or hide the lessons panel"))
    window.view_menu.addAction(toggle)
    window.lessons_menu = lessons_menu(panel, window)
    window.menuBar().insertMenu(window.view_menu.menuAction(), window.lessons_menu)


def _show_view(window: MainWindow, key: str) -> None:
    """Raise and flash the view a lesson page names (``gradient_plot``, ``gate_panel``, ``timeline``)."""
    dock, widget = {"gradient_plot": ("dock_gradients", window.gradient_plot),
                    "gate_panel": ("dock_gates", window.gate_panel), "timeline": (None, window.timeline)}[key]
    if dock:
        window.docks[dock].show()
        window.docks[dock].raise_()
    flash(widget)


def _start_lesson(window: MainWindow, lesson_id: str) -> None:
    dock = window.docks["dock_lessons"]
    dock.show()
    dock.raise_()
    if dock.width() < 340:
        window.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
    window.lesson_panel.start(lesson_id)


class _CellLabel(QLabel):
    """The status bar's "LSTM, 1 input, 4 units · float64 · T = 40 steps" (``status_cell``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("status_cell")
        self.controller = window.controller
        self.controller.cell_changed.connect(self.show_cell)  # bound: disconnected when the label goes
        self.controller.trace_changed.connect(self.show_cell)
        self.show_cell()

    def show_cell(self, *_args: object) -> None:
        """Describe the controller's cell and sequence length."""
        c = self.controller
        self.setText(QCoreApplication.translate("MainWindow", "{cell} · {dtype} · T = {steps} steps").format(
            cell=describe_cell(c.cell), dtype=c.cell.dtype.name, steps=c.length))


def build_status(window: MainWindow) -> None:
    """The status bar's permanent parts: the cell (``window.cell_label``) and the settling marker."""
    window.cell_label = _CellLabel(window)
    window.statusBar().addPermanentWidget(window.cell_label)
    window.statusBar().addPermanentWidget(SettlingMarker(window.controller.settler.settling_changed))
