"""The document's own file: open, save, presets, recent files and the unsaved-changes guard.

Files made elsewhere (weights, input sequences, drops) come in through
:mod:`ui.shell.importing`. A file that cannot be read is shown as the engine's one-line
:class:`~simulator.core.errors.InputError` message and the open session stays as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from simulator.core.errors import InputError
from simulator.document.session import Session
from ui.background.long_work import busy_cursor
from ui.i18n import describe_cell, localized, tr

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["DocumentManager", "RECENT_KEY", "MAX_RECENT"]

RECENT_KEY = "documents/recent_files"
LAST_DIR_KEY = "documents/last_dir"
MAX_RECENT = 8


def session_filter() -> str:
    """The file dialogs' filter for sessions, in the interface language."""
    return tr("GateScope sessions") + " (*.json);;" + tr("All files") + " (*)"


class DocumentManager(QObject):
    """The window's session files, presets and recent files; ``window.documents``.

    Also the messages (:meth:`error`, :meth:`status`) and the last folder used, shared with
    the importer and the exporter.
    """

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
        """The folder of the last file opened, saved, imported or exported (home at first)."""
        return str(QSettings().value(LAST_DIR_KEY, str(Path.home())))

    def _remember_dir(self, path: str) -> None:
        """Remember ``path``'s folder for the next file dialog."""
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
