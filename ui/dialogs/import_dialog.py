"""Weight and input imports: the file choosers, and the choice of a layer and direction.

A weight file may hold several recurrent cells: the layers of a PyTorch ``nn.LSTM`` with
``num_layers=2``, the two halves of a Keras ``Bidirectional``, the directions of an ONNX
node. :func:`weight_choices` loads each (layer, direction) the engine's
:func:`~simulator.io.formats.load_weights_with_info` accepts; :func:`choose_weights` asks
which one to use with a :class:`WeightChoiceDialog`, only when there is more than one.
The import itself lives in :mod:`ui.shell.documents`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from simulator import Cell
from simulator.core.errors import InputError
from simulator.io.formats import WEIGHT_FILE_FILTERS, LoadInfo, ModuleChoiceError, load_weights_with_info
from ui.background.long_work import busy_cursor
from ui.i18n import tr

__all__ = ["WEIGHT_SUFFIXES", "INPUT_SUFFIXES", "MAX_LAYERS", "WeightChoice", "WeightChoiceDialog",
           "weight_filter", "ask_weights_file", "ask_inputs_file", "weight_choices", "choose_weights"]

WEIGHT_SUFFIXES: tuple[str, ...] = tuple(s for _name, group in WEIGHT_FILE_FILTERS for s in group)
INPUT_SUFFIXES: tuple[str, ...] = (".npy", ".csv", ".tsv", ".txt")  # and .json that is not a session
MAX_LAYERS = 64  # layers probed at most: far beyond any model the simulator can show
DIRECTIONS = ("forward", "reverse")
_SOURCE = re.compile(r"\((PyTorch|Keras|ONNX)\b[^()]*\)")  # the info line's "(PyTorch safetensors)"
_FORMATS = {"PyTorch": "torch", "Keras": "keras", "ONNX": "onnx"}


@dataclass(frozen=True)
class WeightChoice:
    """One recurrent cell of a weight file, already loaded.

    Attributes
    ----------
    layer : int
    direction : {"forward", "reverse"}
    cell : Cell
    description : str
        The engine's one line, e.g. ``"LSTM, 3 inputs, 5 units, layer 1 of 2 (PyTorch safetensors)"``;
        a :class:`~simulator.io.formats.LoadInfo` whose attributes hold the module and assumptions.
    module : str or None
        The module asked for by name (None: the file's first or only one).
    """

    layer: int
    direction: str
    cell: Cell
    description: str
    module: str | None = None

    @property
    def format(self) -> str | None:
        """The weights' naming convention: ``"torch"``, ``"keras"``, ``"onnx"`` (None if unknown)."""
        match = _SOURCE.search(self.description)
        return _FORMATS[match[1]] if match else None

    def record(self, path: str | os.PathLike[str]) -> dict[str, Any]:
        """Where the weights came from, for ``session.settings["weights_source"]`` (JSON values)."""
        info = self.description
        facts = info.as_dict() if isinstance(info, LoadInfo) else {}
        return {"file": os.path.basename(os.fspath(path)), "format": self.format, "layer": self.layer,
                "direction": self.direction, "description": str(info), "module": facts.get("module"),
                "modules": facts.get("modules", []), "assumptions": facts.get("assumptions", []),
                "cell_direction": self.cell.direction}

    def heading(self) -> str:
        """``"Layer 1, reverse direction"`` in the interface language."""
        way = tr("forward direction") if self.direction == "forward" else tr("reverse direction")
        text = tr("Layer {layer}, {direction}").format(layer=self.layer, direction=way)
        module = getattr(self.description, "module", None)
        return f"{module} — {text}" if module and len(getattr(self.description, "modules", ())) > 1 else text


def weight_choices(path: str | os.PathLike[str]) -> list[WeightChoice]:
    """Every (module, layer, direction) of a weight file that loads, modules by the model's names.

    Layers are tried from 0 until one loads in neither direction (at most :data:`MAX_LAYERS`),
    in every recurrent module the file holds (in the file's order).

    Raises
    ------
    InputError
        Nothing in the file loads: the error of layer 0 (forward unless only reverse was refused).
    """
    try:
        modules: list[str | None] = list(load_weights_with_info(path)[1].modules) or [None]
    except ModuleChoiceError as err:
        modules = list(err.modules)
    except InputError:
        modules = [None]
    if len(modules) == 1:
        modules = [None]
    choices: list[WeightChoice] = []
    errors: list[InputError] = []
    for module in modules:
        options = {} if module is None else {"module": module}
        for layer in range(MAX_LAYERS):
            found = False
            for direction in DIRECTIONS:
                try:
                    cell, info = load_weights_with_info(path, layer=layer, direction=direction, **options)
                except InputError as err:
                    errors.append(err)
                    continue
                choices.append(WeightChoice(layer, direction, cell, info, module))
                found = True
            if not found:
                break
    if not choices:
        raise errors[0]
    return choices


class WeightChoiceDialog(QDialog):
    """What a weight file holds, one row per layer and direction; :meth:`chosen` is the selected one."""

    def __init__(self, path: str, choices: list[WeightChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weight_choice_dialog")
        self.setWindowTitle(tr("Choose the weights — GateScope"))
        self.choices = choices
        intro = QLabel(tr("{file} holds {n} recurrent cells. Which one should GateScope load?").format(
            file=os.path.basename(path), n=len(choices)), self, wordWrap=True)
        self.list = QListWidget(self, objectName="weight_choice_list")
        self.list.setAccessibleName(tr("Layers and directions in the file"))
        self.list.setWordWrap(True)  # the engine's lines are long: wrapped, not scrolled sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        for choice in choices:
            self.list.addItem(f"{choice.heading()}\n{choice.description}")
            self.list.item(self.list.count() - 1).setToolTip(choice.description)
        self.list.setCurrentRow(0)
        note = QLabel(tr("A reverse direction consumes the sequence last step first, as the framework "
                         "does; its trace rows are in that order."), self, wordWrap=True)
        note.setVisible(any(c.direction == "reverse" for c in choices))
        self.settings = self._unstored_settings(choices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.list, 1)
        box.addWidget(note)
        for label, combo in self.settings.values():
            row = QHBoxLayout()
            row.addWidget(label)
            row.addWidget(combo, 1)
            box.addLayout(row)
        box.addWidget(buttons)
        self.resize(680, 360)

    def _unstored_settings(self, choices: list[WeightChoice]) -> dict[str, tuple[QLabel, QComboBox]]:
        """A combo per setting the file does not store (RNN nonlinearity, GRU reset), default first."""
        assumed = " ".join(a for c in choices for a in getattr(c.description, "assumptions", ()))
        found = {}
        for key, text, items in (
                ("nonlinearity", tr("RNN nonlinearity (not stored in the file):"),
                 [(tr("tanh (the framework's default)"), None), ("relu", "relu")]),
                ("reset_after", tr("GRU reset (not stored in the file):"),
                 [(tr("after the recurrent matmul (the default)"), None),
                  (tr("before the recurrent matmul"), False)])):
            if f"{key} not stored" in assumed:
                combo = QComboBox(self, objectName=f"weight_{key}")
                for shown, value in items:
                    combo.addItem(shown, value)
                found[key] = (QLabel(text, self), combo)
        return found

    def options(self) -> dict[str, Any]:
        """The settings the user changed from the framework's default (load options)."""
        return {key: combo.currentData() for key, (_label, combo) in self.settings.items()
                if combo.currentIndex() > 0}

    def chosen(self) -> WeightChoice:
        """The selected layer and direction (the first when nothing is selected)."""
        return self.choices[max(self.list.currentRow(), 0)]


def choose_weights(parent: QWidget, path: str, layer: int | None = None, direction: str | None = None,
                   module: str | None = None, always_ask: bool = False) -> WeightChoice | None:
    """The cell to import from ``path``: asked for when the file holds several; None when cancelled.

    Parameters
    ----------
    parent : QWidget
    path : str
    layer, direction, module : optional
        Load exactly this layer / direction (of this module), without asking.
    always_ask : bool
        Show the dialog even for a single choice (to change a setting the file does not store).

    Raises
    ------
    InputError
        The file cannot be read, or holds no cell that loads.
    """
    if layer is not None or direction is not None or module is not None:
        layer, direction = layer or 0, direction or "forward"
        options = {} if module is None else {"module": module}
        cell, info = load_weights_with_info(path, layer=layer, direction=direction, **options)
        return WeightChoice(layer, direction, cell, info, module)
    with busy_cursor():
        choices = weight_choices(path)
    if len(choices) == 1 and not always_ask:
        return choices[0]
    dialog = WeightChoiceDialog(path, choices, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen, options = dialog.chosen(), dialog.options()
    finally:
        dialog.deleteLater()
    applies = {"rnn": "nonlinearity", "gru": "reset_after"}.get(chosen.cell.kind)
    options = {k: v for k, v in options.items() if k == applies}
    if not options:
        return chosen
    if chosen.module is not None:
        options["module"] = chosen.module
    cell, info = load_weights_with_info(path, layer=chosen.layer, direction=chosen.direction, **options)
    return WeightChoice(chosen.layer, chosen.direction, cell, info, chosen.module)


def weight_filter() -> str:
    """A QFileDialog filter: every weight format first, then one entry per format."""
    everything = " ".join(f"*{s}" for s in WEIGHT_SUFFIXES)
    parts = [tr("All weight files") + f" ({everything})"]
    parts += [f"{name} ({' '.join('*' + s for s in group)})" for name, group in WEIGHT_FILE_FILTERS]
    return ";;".join([*parts, tr("All files") + " (*)"])


def ask_weights_file(parent: QWidget, directory: str) -> str:
    """Ask for a weight file to import; '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("Import weights"), directory, weight_filter())
    return path


def ask_inputs_file(parent: QWidget, directory: str) -> str:
    """Ask for an input-sequence file; '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, tr("Load inputs"), directory,
        tr("Input sequences") + " (*.npy *.csv *.tsv *.txt *.json);;NumPy (*.npy);;CSV (*.csv *.tsv *.txt);;"
        "JSON (*.json);;" + tr("All files") + " (*)")
    return path
