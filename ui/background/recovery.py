"""Autosave and crash recovery: unsaved work is copied to a recovery file and offered back after a crash.

While the document has unsaved changes, the first change starts a single-shot timer
(:data:`DEFAULT_SECONDS`, at most :data:`MAX_SECONDS`; QSettings ``recovery/autosave_seconds``
or the environment variable ``GATESCOPE_AUTOSAVE_SECONDS``); when it fires, a snapshot is written
in a background thread (atomically, see :mod:`ui.background.recovery_file`). Moving the cursor counts
too, less urgently (three intervals, and not while playing). Saving, undoing back to the saved
state, opening another document or closing the window deletes the file. At the next launch,
:meth:`RecoveryManager.offer` asks to restore the files of processes that are gone.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QDateTime, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from simulator.core.errors import InputError
from simulator.document.session import Session
from ui.background import relay
from ui.background.recovery_copy import SlicedCopy
from ui.background.recovery_file import find_orphans, read_recovery, recovery_dir, write_recovery
from ui.i18n import tr

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["RecoveryManager", "DEFAULT_SECONDS", "MAX_SECONDS", "SECONDS_KEY"]

DEFAULT_SECONDS = 5.0
MAX_SECONDS = 30.0
MIN_SECONDS = 0.05
WRITE_SHARE = 10.0  # the next autosave waits at least this many times the last write's duration
SECONDS_KEY = "recovery/autosave_seconds"
WRITER_YIELD = 0.0005  # seconds the writer sleeps between pieces (~1 ms each) so the GUI gets the GIL


def _interval_seconds() -> float:
    value = os.environ.get("GATESCOPE_AUTOSAVE_SECONDS") or QSettings().value(SECONDS_KEY, DEFAULT_SECONDS)
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = DEFAULT_SECONDS
    return min(max(seconds, MIN_SECONDS), MAX_SECONDS)


class RecoveryManager(QObject):
    """The window's autosave (``window.recovery``, see ``enable_recovery``); one recovery file per process.

    Parameters
    ----------
    window : MainWindow
    directory : Path, optional
        Where recovery files live (:func:`ui.background.recovery_file.recovery_dir` by default).
    seconds : float, optional
        The autosave delay after a change (clamped to 0.05 … 30 s).

    Signals
    -------
    saved(str)    a recovery file was written (its path)
    failed(str)   an autosave failed (the reason); shown in the status bar
    """

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, window: MainWindow, directory: Path | None = None,
                 seconds: float | None = None) -> None:
        super().__init__(window)
        relay.install()  # the writer thread reports through it
        self.window = window
        self.controller = c = window.controller
        self.directory = Path(directory) if directory is not None else recovery_dir()
        self.seconds = min(max(seconds, MIN_SECONDS), MAX_SECONDS) if seconds else _interval_seconds()
        self.path = self.directory / f"recovery-{os.getpid()}-{int(time.time() * 1000)}.json"
        self.writes = 0
        self.last_write_seconds = 0.0  # how long the last recovery file took to write
        self._thread: threading.Thread | None = None
        self._copy = SlicedCopy(c, self._start_writer, self)  # the inputs, a slice per event-loop pass
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.autosave)
        self._dirty = not c.undo_stack.isClean()  # mirrored: the stack emits while it is destroyed
        # bound methods, not lambdas: Qt drops them when this object goes
        for signal in (c.trace_changed, c.weights_changed, c.cell_changed):
            signal.connect(self._content_changed)
        c.step_changed.connect(self._view_changed)
        c.unit_changed.connect(self._view_changed)
        c.playing_changed.connect(self._playing_changed)
        c.dirty_changed.connect(self._dirty_changed)
        self.failed.connect(self._show_failure)

    def _show_failure(self, text: str) -> None:
        self.window.statusBar().showMessage(tr("Autosave failed: {error}").format(error=text), 8000)

    # -- scheduling -------------------------------------------------------------------------------
    def _dirty_changed(self, dirty: bool) -> None:
        self._dirty = dirty
        if dirty:
            self._content_changed()
        else:
            self.discard()

    def _playing_changed(self, playing: bool) -> None:
        if not playing:
            self._view_changed()

    def _content_changed(self, *_args: object) -> None:
        if not self._dirty:
            return
        delay = int(self.interval * 1000)
        if not self._timer.isActive() or self._timer.remainingTime() > delay:
            self._timer.start(delay)

    def _view_changed(self, *_args: object) -> None:
        if not self._dirty or self.controller.playing or self._timer.isActive():
            return
        self._timer.start(int(min(3 * self.interval, MAX_SECONDS) * 1000))

    @property
    def interval(self) -> float:
        """Seconds from a change to its autosave: the set interval, or ten times the last write's
        duration when that is longer (a 1,000,000-step session takes seconds to write, and
        continuous editing should not keep the writer busy), never above :data:`MAX_SECONDS`."""
        return min(max(self.seconds, WRITE_SHARE * self.last_write_seconds), MAX_SECONDS)

    @property
    def pending(self) -> bool:
        """True while an autosave is scheduled or being written."""
        return self._timer.isActive() or self.busy

    @property
    def busy(self) -> bool:
        """True while an autosave copies the inputs or its background writer runs."""
        return self._copy.active or (self._thread is not None and self._thread.is_alive())

    # -- writing ----------------------------------------------------------------------------------
    def _fields(self, inputs: np.ndarray) -> tuple[dict[str, Any], str | None, str, float]:
        """The writer's arguments: the document's Session fields with ``inputs`` (T, D), a copy."""
        fields = self.controller.snapshot_fields(inputs=inputs)
        fields["settings"].update(self.window.view_settings())
        return fields, self.controller.path, self.window.documents.display_name(), time.time()

    def autosave(self) -> None:
        """Write the recovery file now in the background (nothing when there are no unsaved changes).

        The inputs are copied on the GUI thread a slice per event-loop pass
        (:mod:`ui.background.recovery_copy`),
        into a buffer kept between autosaves; the Session itself (its validation and its own copy)
        is made by the writer thread. No autosave starts while one is under way (the buffer is
        never overwritten under the writer) or while a long recompute runs (it would slow it).
        """
        if not self._dirty:
            self.discard()
            return
        if self.busy or getattr(self.controller.progress_hook, "active", False):
            self._timer.start(100)  # try again shortly
            return
        self._copy.start()  # then _start_writer

    def _start_writer(self, inputs: np.ndarray) -> None:
        self._thread = threading.Thread(target=self._write, args=(*self._fields(inputs), self._pause),
                                        name="gatescope-autosave", daemon=True)
        self._thread.start()

    def _pause(self) -> None:
        """Between pieces of the file, the writer thread lets the GUI thread have the interpreter.

        A short sleep hands the GIL over at once (a thread that only waits for it may wait for
        many pieces: the writer takes it back after each write); while a long recompute runs the
        writer waits, as the two would otherwise crawl and the window stall between chunks.
        """
        time.sleep(WRITER_YIELD)
        while getattr(self.controller.progress_hook, "active", False):
            time.sleep(0.02)

    def flush(self) -> None:
        """Write the recovery file now, in this thread, and wait for it (when there are unsaved changes)."""
        self._timer.stop()
        self._copy.cancel()
        self.wait()
        if self._dirty:
            self._write(*self._fields(self.controller.trace.x.copy()))

    def _write(self, fields: dict[str, Any], document_path: str | None, name: str, saved_at: float,
               pause: Callable[[], None] | None = None) -> None:
        started = time.perf_counter()
        try:
            session = Session.trusted(**fields)  # the document's own, validated fields
            write_recovery(self.path, session, document_path, name, saved_at, pause=pause)
        except (InputError, OSError, ValueError) as err:
            self._tell("failed", str(err))
            return
        self.writes += 1
        self.last_write_seconds = time.perf_counter() - started
        self._tell("saved", str(self.path))

    def _tell(self, signal: str, text: str) -> None:
        """Emit ``signal`` (a name) with ``text`` on the GUI thread: at once there, else by the relay."""
        if threading.current_thread() is not threading.main_thread():
            relay.post(self._tell, signal, text)  # not delivered if this object is deleted meanwhile
            return
        getattr(self, signal).emit(text)

    def wait(self) -> None:
        """Block until an autosave under way has been written (its copy is completed at once)."""
        self._copy.complete()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def discard(self) -> None:
        """Forget the unsaved work: stop the timer and delete this process's recovery file."""
        self._timer.stop()
        self._copy.cancel()
        self.wait()
        with contextlib.suppress(OSError):
            self.path.unlink()

    def finish(self) -> None:
        """At exit: delete the file after a clean close, keep (and complete) it otherwise."""
        if self.window.isVisible() and self._dirty:
            self.flush()  # quit without the close guard (Ctrl+C …): keep the work
        else:
            self.discard()

    # -- restoring ------------------------------------------------------------------------------
    def offer(self) -> bool:
        """Ask to restore each orphaned recovery file, newest first; True when one was restored."""
        for path in find_orphans(self.directory, own=self.path):
            try:
                info, session = read_recovery(path)
            except InputError as err:
                with contextlib.suppress(OSError):
                    path.unlink()
                QMessageBox.warning(self.window, tr("Recovery file unusable"),
                                    tr("A recovery file could not be read and was removed:\n{error}").format(
                                        error=err))
                continue
            answer = self.ask(info.name, info.saved_at)
            if answer == "discard":
                with contextlib.suppress(OSError):
                    path.unlink()
                continue
            if answer == "restore":
                self.restore(session, info.document_path)
                with contextlib.suppress(OSError):
                    path.unlink()  # the restored work now lives in this process's file
                return True
            return False  # later: every remaining file stays for the next launch
        return False

    def ask(self, name: str, saved_at: float) -> str:
        """The restore question; returns ``"restore"``, ``"discard"`` or ``"later"``."""
        # the date format is translated too (Qt's format letters; month names stay English in "MMM")
        when = QDateTime.fromMSecsSinceEpoch(int(saved_at * 1000)).toString(tr("d MMM yyyy, HH:mm:ss"))
        box = QMessageBox(QMessageBox.Icon.Question, tr("Restore unsaved work"),
                          tr("GateScope closed unexpectedly. Restore the work on “{name}” from {when}?")
                          .format(name=name, when=when),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("recovery_dialog")
        box.setInformativeText(tr("Restore opens it with its unsaved changes; Discard deletes it; "
                                  "Later asks again at the next launch."))
        buttons = {}
        for key, text, role, tip in (
                ("restore", tr("Restore"), QMessageBox.ButtonRole.AcceptRole, tr("Open the unsaved work")),
                ("discard", tr("Discard"), QMessageBox.ButtonRole.DestructiveRole,
                 tr("Delete the unsaved work")),
                ("later", tr("Later"), QMessageBox.ButtonRole.RejectRole,
                 tr("Keep it and ask at the next launch"))):
            button = box.addButton(text, role)
            button.setObjectName(f"recovery_{key}")
            button.setToolTip(tip)
            buttons[button] = key
        box.setDefaultButton(next(iter(buttons)))
        box.exec()
        return buttons.get(box.clickedButton(), "later")

    def restore(self, session: Session, document_path: str | None) -> None:
        """Open ``session`` as unsaved changes to ``document_path`` and secure it in this process's file."""
        c = self.controller
        c.load_session(session, document_path)
        c.undo_stack.resetClean()  # modified: the title shows * and closing asks to save
        self.window.restore_view_settings(session.settings)
        self.window.update_title()
        self.flush()
        # the edits before the crash are not in the file: say so rather than offer an empty Undo silently
        self.window.statusBar().showMessage(
            tr("Restored the unsaved work; its undo history starts here (edits before the crash cannot be "
               "undone)"), 20000)
