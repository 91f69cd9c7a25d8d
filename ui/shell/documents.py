"""Sessions and files: open, save, recent files, weight and input import, drag and drop, close guard.

Every file from outside is untrusted: a problem is shown as the engine's one-line
:class:`~simulator.core.errors.InputError` message and the open session stays as it was.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QMimeData, QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from simulator.core.errors import InputError
from simulator.document.session import SESSION_FORMAT, Session
from ui.background.long_work import busy_cursor
from ui.dialogs.import_dialog import INPUT_SUFFIXES, WEIGHT_SUFFIXES, ask_inputs_file, ask_weights_file
from ui.i18n import describe_cell, localized, tr

if TYPE_CHECKING:
    from simulator import Cell
    from ui.shell.main_window import MainWindow

__all__ = ["DocumentManager", "RECENT_KEY", "MAX_RECENT"]

RECENT_KEY = "documents/recent_files"
LAST_DIR_KEY = "documents/last_dir"
MAX_RECENT = 8


def session_filter() -> str:
    """The file dialogs' filter for sessions, in the interface language."""
    return tr("GateScope sessions") + " (*.json);;" + tr("All files") + " (*)"


def _is_session_file(path: str) -> bool:
    """True when ``path`` is a JSON object whose ``format`` is a GateScope session (cheap check first)."""
    if not os.path.isfile(path):  # a named pipe or a device is never opened
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if SESSION_FORMAT.encode() in head:
        return True
    if os.path.getsize(path) > 64 << 20:  # not parsed whole into Python objects
        return False
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("format") == SESSION_FORMAT


class DocumentManager(QObject):
    """The window's file handling; ``window.documents``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller

    # -- messages ----------------------------------------------------------------------
    def error(self, title: str, text: str) -> None:
        """A warning box with one clear line."""
        QMessageBox.warning(self.window, title, text)

    def status(self, text: str) -> None:
        """A status-bar message for a few seconds."""
        self.window.statusBar().showMessage(text, 8000)

    def _last_dir(self) -> str:
        return str(QSettings().value(LAST_DIR_KEY, str(Path.home())))

    def _remember_dir(self, path: str) -> None:
        QSettings().setValue(LAST_DIR_KEY, os.path.dirname(os.path.abspath(path)))

    # -- the close guard -----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True when it is fine to go on."""
        if self.controller.undo_stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window, tr("Unsaved changes"),
            tr("Save the changes to “{name}” before closing it?").format(name=self.display_name()),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def display_name(self) -> str:
        """The file name, the preset's title, or "Untitled"."""
        if self.controller.path:
            return os.path.basename(self.controller.path)
        session = self.controller.session
        title = localized(session.title, session.description, session.settings.get("translations"))[0]
        return title or tr("Untitled")

    # -- sessions --------------------------------------------------------------------------
    def open(self) -> None:
        """Ask for a session file and open it."""
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open session"), self._last_dir(),
                                              session_filter())
        if path:
            self.open_session(path, guard=False)

    def open_session(self, path: str, guard: bool = True) -> bool:
        """Open a session file; on error show it and keep the current session."""
        if guard and not self.maybe_save():
            return False
        try:
            with busy_cursor():
                session = Session.load(path)
        except InputError as err:
            self.error(tr("Cannot open the session"), str(err))
            return False
        self.controller.load_session(session, path)
        self.window.update_title()
        self.window.restore_view_settings(session.settings)
        self._remember_dir(path)
        self.add_recent(path)
        name = os.path.basename(path)
        self.status(tr("Opened {name}: {cell}, {steps} steps").format(
            name=name, cell=describe_cell(session.cell), steps=len(session.inputs)))
        return True

    def save(self) -> bool:
        """Save to the session's file (asking for a name the first time); True when saved."""
        if not self.controller.path:
            return self.save_as()
        return self.save_to(self.controller.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        start = self.controller.path or os.path.join(self._last_dir(), f"{self.display_name()}.json")
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Save session"), start, session_filter())
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the session (with the current step and view settings) to ``path``."""
        session = self.controller.snapshot()
        session.settings.update(self.window.view_settings())
        try:
            with busy_cursor():
                session.save(path)
        except (InputError, OSError) as err:
            self.error(tr("Cannot save the session"), str(err))
            return False
        self.controller.path = path
        self.controller.undo_stack.setClean()
        self._remember_dir(path)
        self.add_recent(path)
        self.window.update_title()
        self.status(tr("Saved {file}").format(file=os.path.basename(path)))
        return True

    def load_preset(self, preset_id: str) -> None:
        """Open a preset (after the unsaved-changes guard)."""
        if not self.maybe_save():
            return
        from simulator.document.presets import load_preset

        try:
            session = load_preset(preset_id)
        except InputError as err:
            self.error(tr("Cannot open the preset"), str(err))
            return
        self.controller.load_session(session, None)
        self.window.update_title()
        self.status(tr("Preset: {title}").format(title=self.display_name()))

    # -- recent files --------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        """The last sessions opened or saved, newest first."""
        value = QSettings().value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def add_recent(self, path: str) -> None:
        """Put ``path`` first in the recent files (at most :data:`MAX_RECENT`)."""
        path = os.path.abspath(path)
        files = [path] + [p for p in self.recent_files() if p != path]
        QSettings().setValue(RECENT_KEY, files[:MAX_RECENT])
        self.update_recent_menu()

    def update_recent_menu(self) -> None:
        """Rebuild the File ▸ Open recent menu."""
        menu = self.window.recent_menu
        menu.clear()
        files = self.recent_files()
        for i, path in enumerate(files):
            action = menu.addAction(f"&{i + 1} {os.path.basename(path)}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        menu.setEnabled(bool(files))

    def open_recent(self, path: str) -> None:
        """Open a recent file; a missing one is pruned from the list with a message."""
        if not os.path.exists(path):
            QSettings().setValue(RECENT_KEY, [p for p in self.recent_files() if p != path])
            self.update_recent_menu()
            self.error(tr("File not found"),
                       tr("{path} no longer exists; it was removed from the recent files.").format(path=path))
            return
        self.open_session(path)

    # -- weights and inputs ------------------------------------------------------------------
    def import_weights(self) -> None:
        """Ask for a weight file and import it."""
        path = ask_weights_file(self.window, self._last_dir())
        if path:
            self.import_weights_file(path)

    def reimport_weights(self) -> None:
        """Choose the module, layer and direction again from the last imported file (else ask for one)."""
        path = getattr(self, "_weights_path", "")
        if path and os.path.isfile(path):
            self.import_weights_file(path, ask=True)
        else:
            self.import_weights()

    def import_weights_file(self, path: str, layer: int | None = None, direction: str | None = None,
                            ask: bool = False) -> bool:
        """Replace the cell by one in a weight file (undoable), asking which layer or direction when it
        holds several (unless given); ``settings["weights_source"]`` records where it came from, the
        document takes the file's name and the description says what was loaded."""
        from ui.dialogs.import_dialog import choose_weights

        try:
            choice = choose_weights(self.window, path, layer, direction, always_ask=ask)
        except InputError as err:
            self.error(tr("Cannot import the weights"), str(err))
            return False
        if choice is None:  # the choice of layer was cancelled
            return False
        text = tr("Import weights from {file}").format(file=os.path.basename(path))
        self._weights_path = path
        title = os.path.basename(path).split(".")[0] or os.path.basename(path)
        notice = self._replace_cell(choice.cell, text, choice.record(path), title=title,
                                    description=str(choice.description))
        self._remember_dir(path)
        self.status(tr("Imported {what}{notice}").format(what=choice.description, notice=notice))
        return True

    def _replace_cell(self, cell: Cell, text: str, source: dict, title: str | None = None,
                      description: str | None = None) -> str:
        """Swap in ``cell`` from ``source`` keeping the inputs when D matches (else zeros); a notice or ''."""
        old = self.controller.session
        inputs = self.controller.simulation.inputs.astype(np.float64)  # the caller's order, either direction
        labels, notice = list(old.input_labels), ""
        if inputs.shape[1] != cell.input_size:
            inputs, labels = np.zeros((len(inputs), cell.input_size)), []
            notice = tr(" — the input size changed, so the {n} inputs were reset to zeros").format(
                n=len(inputs))
        settings = {**self.controller.settings(), "selected_unit": 0, "weights_source": source}
        if title is not None:  # a preset's translated title and description no longer apply
            settings.pop("translations", None)
        session = Session(cell=cell, inputs=inputs, title=old.title if title is None else title,
                          description=old.description if description is None else description,
                          input_labels=labels, settings=settings)
        self.controller.replace_session(session, text)
        return notice

    def import_inputs(self) -> None:
        """Ask for an input file and load it."""
        path = ask_inputs_file(self.window, self._last_dir())
        if path:
            self.import_inputs_file(path)

    def import_inputs_file(self, path: str) -> bool:
        """Replace the input sequence by a file's (T, D) array (undoable)."""
        from simulator.io.inputs import load_inputs

        cell = self.controller.cell
        try:
            inputs = load_inputs(path, input_size=cell.input_size)
        except InputError as err:
            self.error(tr("Cannot load the inputs"), str(err))
            return False
        old = self.controller.snapshot()
        session = Session(cell=old.cell, inputs=inputs, h0=old.h0, c0=old.c0, title=old.title,
                          description=old.description, settings=old.settings)
        text = tr("Load inputs from {file}").format(file=os.path.basename(path))
        self.controller.replace_session(session, text)
        self._remember_dir(path)
        self.status(tr("Loaded {steps} steps × {inputs} inputs from {file}.").format(
            steps=len(inputs), inputs=inputs.shape[1], file=os.path.basename(path)))
        return True

    # -- drag and drop ------------------------------------------------------------------------
    @staticmethod
    def dropped_files(mime: QMimeData) -> list[str]:
        """The local files in a drag whose suffix GateScope reads."""
        known = (".json", *WEIGHT_SUFFIXES, *INPUT_SUFFIXES)
        return [u.toLocalFile() for u in mime.urls()
                if u.isLocalFile() and u.toLocalFile().lower().endswith(known)]

    def open_file(self, path: str) -> bool:
        """Open whatever ``path`` is: a session, a weight file or an input sequence."""
        lower = path.lower()
        if lower.endswith(WEIGHT_SUFFIXES):
            return self.import_weights_file(path)
        if lower.endswith(".json") and _is_session_file(path):
            return self.open_session(path)
        if lower.endswith((".json", *INPUT_SUFFIXES)):
            return self.import_inputs_file(path)
        self.error(tr("Cannot open the file"),
                   tr("{file}: not a session, weight or input file").format(file=os.path.basename(path)))
        return False
