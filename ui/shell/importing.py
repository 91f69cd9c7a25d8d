"""Files made elsewhere: weight files, input sequences, and whatever is dropped on the window.

Every file from outside is untrusted: a problem is shown as the engine's one-line
:class:`~simulator.core.errors.InputError` message and the open session stays as it was.
An import is one undo step; the document remembers where its weights came from.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QMimeData, QObject

from simulator.core.errors import InputError
from simulator.document.session import SESSION_FORMAT, Session
from ui.dialogs.import_dialog import INPUT_SUFFIXES, WEIGHT_SUFFIXES, ask_inputs_file, ask_weights_file
from ui.i18n import tr

if TYPE_CHECKING:
    from simulator import Cell
    from ui.shell.main_window import MainWindow

__all__ = ["Importer"]


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


class Importer(QObject):
    """Weights, inputs and dropped files into the window's document; ``window.importer``.

    Messages, the last folder and opening a session go through ``window.documents``.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.documents = window.documents
        self._weights_path = ""  # the last weight file imported, for "choose again"

    # -- weights and inputs ------------------------------------------------------------------
    def import_weights(self) -> None:
        """Ask for a weight file and import it."""
        path = ask_weights_file(self.window, self.documents._last_dir())
        if path:
            self.import_weights_file(path)

    def reimport_weights(self) -> None:
        """Choose the module, layer and direction again from the last imported file (else ask for one)."""
        path = self._weights_path
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
            self.documents.error(tr("Cannot import the weights"), str(err))
            return False
        if choice is None:  # the choice of layer was cancelled
            return False
        text = tr("Import weights from {file}").format(file=os.path.basename(path))
        self._weights_path = path
        title = os.path.basename(path).split(".")[0] or os.path.basename(path)
        notice = self._replace_cell(choice.cell, text, choice.record(path), title=title,
                                    description=str(choice.description))
        self.documents._remember_dir(path)
        self.documents.status(tr("Imported {what}{notice}").format(what=choice.description, notice=notice))
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
        path = ask_inputs_file(self.window, self.documents._last_dir())
        if path:
            self.import_inputs_file(path)

    def import_inputs_file(self, path: str) -> bool:
        """Replace the input sequence by a file's (T, D) array (undoable)."""
        from simulator.io.inputs import load_inputs

        cell = self.controller.cell
        try:
            inputs = load_inputs(path, input_size=cell.input_size)
        except InputError as err:
            self.documents.error(tr("Cannot load the inputs"), str(err))
            return False
        old = self.controller.snapshot()
        session = Session(cell=old.cell, inputs=inputs, h0=old.h0, c0=old.c0, title=old.title,
                          description=old.description, settings=old.settings)
        text = tr("Load inputs from {file}").format(file=os.path.basename(path))
        self.controller.replace_session(session, text)
        self.documents._remember_dir(path)
        self.documents.status(tr("Loaded {steps} steps × {inputs} inputs from {file}.").format(
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
            return self.documents.open_session(path)
        if lower.endswith((".json", *INPUT_SUFFIXES)):
            return self.import_inputs_file(path)
        self.documents.error(tr("Cannot open the file"),
                   tr("{file}: not a session, weight or input file").format(file=os.path.basename(path)))
        return False
