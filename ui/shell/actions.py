"""Every QAction of the main window, built in one place, and the menus and toolbar that show them.

Tests and scripts find actions by ``objectName``; those names are stable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QTextEdit,
    QToolBar,
    QWidget,
)

from ui.i18n import tr
from ui.theme import edit_icon

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["Menus", "setup_actions", "setup_menus", "setup_toolbar", "ShortcutGuard", "TRANSPORT_KEYS"]

# Keys the transport takes from the window, unless a text field or table has the focus.
TRANSPORT_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End}


def _action(parent: QObject, name: str, text: str, tip: str, triggered: Callable[[], object] | None = None,
            shortcut: QKeySequence | str | list | None = None,
            icon: QStyle.StandardPixmap | None = None) -> QAction:
    action = QAction(text, parent, objectName=name, toolTip=tip, statusTip=tip)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
    if icon is not None:
        action.setIcon(parent.style().standardIcon(icon))
    if triggered is not None:
        action.triggered.connect(lambda _checked=False: triggered())
    return action


def _is_typing(widget: Any) -> bool:
    """True for widgets that need Space, arrows, Home and End themselves (text fields, editable tables)."""
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, (QAbstractSpinBox, QComboBox)):
        return True
    if isinstance(widget, QAbstractItemView):
        return widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    return False


class ShortcutGuard(QObject):
    """Lets text fields and tables keep the transport keys; everywhere else the window's shortcuts win."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.ShortcutOverride and event.key() in TRANSPORT_KEYS
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and isinstance(obj, QWidget) and obj.window() is self.window and _is_typing(obj)):
            event.accept()  # the key goes to the widget, not to the shortcut
        return False


def setup_actions(window: MainWindow) -> dict[str, QAction]:
    """Build every action of ``window`` (objectName, shortcut, toolTip, triggered) and return them by name."""
    c, docs, imports, exports = window.controller, window.documents, window.importer, window.exporter
    sp = QStyle.StandardPixmap
    key = QKeySequence.StandardKey
    actions = [
        _action(window, "action_play", tr("&Play"), tr("Play or pause"), c.toggle_play, Qt.Key.Key_Space,
                sp.SP_MediaPlay),
        _action(window, "action_step_forward", tr("Step &forward"), tr("One step forward"), c.step_forward,
                Qt.Key.Key_Right, sp.SP_MediaSeekForward),
        _action(window, "action_step_back", tr("Step &back"), tr("One step back"), c.step_back,
                Qt.Key.Key_Left, sp.SP_MediaSeekBackward),
        _action(window, "action_reset", tr("&Reset to step 0"), tr("Go to the first step and stop"),
                c.go_to_start, Qt.Key.Key_Home, sp.SP_MediaSkipBackward),
        _action(window, "action_go_to_end", tr("Go to &end"), tr("Go to the last step"), c.go_to_end,
                Qt.Key.Key_End, sp.SP_MediaSkipForward),
        _action(window, "action_open", tr("&Open session…"), tr("Open a saved session (.json)"), docs.open,
                key.Open, sp.SP_DialogOpenButton),
        _action(window, "action_save", tr("&Save"), tr("Save the session"), docs.save, key.Save,
                sp.SP_DialogSaveButton),
        _action(window, "action_save_as", tr("Save &as…"), tr("Save the session under a new name"),
                docs.save_as, "Ctrl+Shift+S"),
        _action(window, "action_import_weights", tr("&Import weights…"),
                tr("Load a cell's weights from a PyTorch, Keras, ONNX, NPZ or safetensors file"),
                imports.import_weights, "Ctrl+I"),
        _action(window, "action_import_inputs", tr("Load &inputs…"),
                tr("Load the input sequence from .npy, .csv or .json"), imports.import_inputs),
        _action(window, "action_export_trace", tr("&Trace…"),
                tr("Export the trace as NPZ, CSV (wide or long) or JSON"), exports.export_trace, "Ctrl+E"),
        _action(window, "action_export_weights", tr("&Weights…"),
                tr("Export the weights (PyTorch names, NPZ, …)"), exports.export_weights),
        _action(window, "action_export_image", tr("Current &view as image…"),
                tr("Save the diagram, the gradient plot or the whole window as PNG or SVG"),
                exports.export_image),
        _action(window, "action_export_gif", tr("Run as animated &GIF…"),
                tr("Save the run of the diagram as a GIF"), exports.export_gif),
        _action(window, "action_quit", tr("&Quit"), tr("Quit GateScope"), window.close, key.Quit),
        _action(window, "action_focus", tr("&Focus on the cell"),
                tr("Hide every panel: the diagram and the timeline fill the window (again: panels back)"),
                None, "Ctrl+Shift+F"),
        _action(window, "action_reset_layout", tr("Reset &layout"),
                tr("Put every panel back where it started"), window.reset_layout),
        _action(window, "action_about", tr("&About GateScope"), tr("Version and licence"), window.show_about),
    ]
    undo = c.undo_stack.createUndoAction(window, tr("&Undo"))
    undo.setObjectName("action_undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    undo.setToolTip(tr("Undo the last edit (Ctrl+Z)"))
    undo.setIcon(edit_icon("undo"))  # not an arrow like the transport's step back
    redo = c.undo_stack.createRedoAction(window, tr("&Redo"))
    redo.setObjectName("action_redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setToolTip(tr("Redo the edit just undone (Ctrl+Shift+Z)"))
    redo.setIcon(edit_icon("redo"))
    actions += [undo, redo]
    by_name = {a.objectName(): a for a in actions}
    if not by_name["action_quit"].shortcut().toString():
        by_name["action_quit"].setShortcut(QKeySequence("Ctrl+Q"))  # some platforms have no standard Quit key
    by_name["action_focus"].setCheckable(True)
    by_name["action_focus"].toggled.connect(window.set_focus_mode)
    for a in actions:
        window.addAction(a)  # shortcuts work whichever panel has the focus
    c.playing_changed.connect(lambda playing: _show_playing(window, by_name["action_play"], playing))
    return by_name


def _show_playing(window: MainWindow, action: QAction, playing: bool) -> None:
    sp = QStyle.StandardPixmap
    action.setIcon(window.style().standardIcon(sp.SP_MediaPause if playing else sp.SP_MediaPlay))
    action.setText(tr("&Pause") if playing else tr("&Play"))


class Menus(NamedTuple):
    """The menus the window fills in later: recent files, presets, View (docks) and Help."""

    recent: QMenu
    presets: QMenu
    view: QMenu
    help: QMenu


def setup_menus(window: MainWindow, actions: dict[str, QAction]) -> Menus:
    """File, Edit, Playback, Presets, View and Help menus; returns the ones filled in later."""
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.setObjectName("menu_file")
    file_menu.addActions([actions["action_open"]])
    recent_menu = file_menu.addMenu(tr("Open &recent"))
    recent_menu.setObjectName("menu_recent")
    file_menu.addActions([actions["action_save"], actions["action_save_as"]])
    file_menu.addSeparator()
    file_menu.addActions([actions["action_import_weights"], actions["action_import_inputs"]])
    export_menu = file_menu.addMenu(tr("&Export"))
    export_menu.setObjectName("menu_export")
    export_menu.addActions([actions[f"action_export_{k}"] for k in ("trace", "weights", "image", "gif")])
    file_menu.addSeparator()
    file_menu.addAction(actions["action_quit"])
    edit_menu = bar.addMenu(tr("&Edit"))
    edit_menu.setObjectName("menu_edit")
    edit_menu.addActions([actions["action_undo"], actions["action_redo"]])
    play_menu = bar.addMenu(tr("&Playback"))
    play_menu.setObjectName("menu_playback")
    play_menu.addActions([actions[n] for n in ("action_play", "action_step_back", "action_step_forward",
                                               "action_reset", "action_go_to_end")])
    presets_menu = bar.addMenu(tr("Pre&sets"))
    presets_menu.setObjectName("menu_presets")
    view_menu = bar.addMenu(tr("&View"))
    view_menu.setObjectName("menu_view")
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.setObjectName("menu_help")
    help_menu.addAction(actions["action_about"])
    return Menus(recent_menu, presets_menu, view_menu, help_menu)


def setup_toolbar(window: MainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The main toolbar: open, save, undo and redo (the window adds the transport bar to it)."""
    bar = QToolBar(tr("Main toolbar"), window)
    bar.setObjectName("toolbar_main")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.addActions([actions["action_open"], actions["action_save"]])
    bar.addSeparator()
    bar.addActions([actions["action_undo"], actions["action_redo"]])
    return bar
