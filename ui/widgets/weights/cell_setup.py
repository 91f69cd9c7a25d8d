"""The cell set-up panel: kind, sizes, initialiser, seed, dtype and forget bias; "Apply" re-initialises."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TR_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from simulator import make_cell
from simulator.document.session import Session
from ui.document.controller import Controller
from ui.i18n import describe_cell, tr

__all__ = ["CellSetup", "CELL_KINDS", "INITIALISERS"]

# (label, kind, options, tooltip)
CELL_KINDS: list[tuple[str, str, dict[str, Any], str]] = [
    (QT_TR_NOOP("RNN (tanh)"), "rnn", {"nonlinearity": "tanh"},
     QT_TR_NOOP("Elman RNN: h' = tanh(W_ih x + b_ih + W_hh h + b_hh)")),
    (QT_TR_NOOP("RNN (ReLU)"), "rnn", {"nonlinearity": "relu"},
     QT_TR_NOOP("Elman RNN with ReLU: h' = relu(W_ih x + b_ih + W_hh h + b_hh)")),
    ("LSTM", "lstm", {}, QT_TR_NOOP("LSTM with gates i, f, g, o and a cell state c (PyTorch layout)")),
    (QT_TR_NOOP("GRU (reset after, PyTorch)"), "gru", {"reset_after": True},
     QT_TR_NOOP(
         "GRU as in PyTorch (and Keras reset_after=True): n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))")),
    (QT_TR_NOOP("GRU (reset before, Cho et al.)"), "gru", {"reset_after": False},
     QT_TR_NOOP(
         "GRU of Cho et al. 2014 (Keras reset_after=False): n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)")),
]
INITIALISERS = [
    ("pytorch", QT_TR_NOOP("PyTorch default: every weight and bias ~ U(−1/√H, 1/√H)")),
    ("glorot", QT_TR_NOOP("Glorot-uniform kernels, zero biases")),
    ("orthogonal", QT_TR_NOOP("Glorot-uniform input kernel, an orthogonal recurrent matrix per gate")),
    ("keras",
     QT_TR_NOOP(
         "Keras defaults: Glorot kernel, orthogonal recurrent kernel, zero bias (LSTM forget bias 1)")),
    ("zeros", QT_TR_NOOP("All weights and biases zero")),
]
MAX_SIZE = 1024


def _kind_index(cell: Any) -> int:
    for i, (_label, kind, options, _tip) in enumerate(CELL_KINDS):
        if kind == cell.kind and all(cell.options().get(k) == v for k, v in options.items()):
            return i
    return 0


class CellSetup(QWidget):
    """Choose a new cell and re-initialise it (one undoable edit through the controller).

    Signals
    -------
    message(str)  a one-line notice for the status bar (e.g. the inputs were reset to zeros)
    """

    message = Signal(str)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cell_setup")
        self.controller = controller
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("cell_kind_combo")
        self.kind_combo.setAccessibleName(self.tr("Cell kind"))
        self.kind_combo.setToolTip(self.tr("The kind of recurrent cell to simulate"))
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(10)
        for i, (label, _kind, _options, tip) in enumerate(CELL_KINDS):
            self.kind_combo.addItem(tr(label))
            self.kind_combo.setItemData(i, tr(tip), 3)  # Qt.ToolTipRole
        form.addRow(self.tr("&Kind"), self.kind_combo)
        self.input_spin = self._spin("input_size_spin", self.tr("Input size D"),
                self.tr("D, the size of one input vector"))
        self.hidden_spin = self._spin("hidden_size_spin", self.tr("Hidden size H"),
                self.tr("H, the number of units (1–1024)"))
        form.addRow(self.tr("&Input size D"), self.input_spin)
        form.addRow(self.tr("&Hidden size H"), self.hidden_spin)
        self.init_combo = QComboBox(self)
        self.init_combo.setObjectName("init_combo")
        self.init_combo.setAccessibleName(self.tr("Initialiser"))
        self.init_combo.setToolTip(self.tr("How the new weights are drawn"))
        for i, (name, tip) in enumerate(INITIALISERS):
            self.init_combo.addItem(name)
            self.init_combo.setItemData(i, tr(tip), 3)
        form.addRow(self.tr("I&nitialiser"), self.init_combo)
        self.seed_spin = QSpinBox(self)
        self.seed_spin.setObjectName("seed_spin")
        self.seed_spin.setAccessibleName(self.tr("Random seed"))
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setToolTip(self.tr("The random seed: the same seed gives the same weights"))
        form.addRow(self.tr("&Seed"), self.seed_spin)
        self.dtype_combo = QComboBox(self)
        self.dtype_combo.setObjectName("dtype_combo")
        self.dtype_combo.setAccessibleName(self.tr("Number type"))
        self.dtype_combo.addItems(["float64", "float32"])
        self.dtype_combo.setToolTip(self.tr(
            "float64 (exact reference) or float32 (as most trained models run)"))
        form.addRow(self.tr("&Precision"), self.dtype_combo)
        bias_row = QHBoxLayout()
        self.forget_check = QCheckBox(self.tr("set to"), self)
        self.forget_check.setObjectName("forget_bias_check")
        self.forget_check.setToolTip(self.tr("LSTM only: set the forget-gate bias b_if (b_hf = 0) instead "
                                             "of the initialiser's value"))
        self.forget_spin = QDoubleSpinBox(self)
        self.forget_spin.setObjectName("forget_bias_spin")
        self.forget_spin.setAccessibleName(self.tr("Forget-gate bias"))
        self.forget_spin.setRange(-10.0, 10.0)
        self.forget_spin.setSingleStep(0.5)
        self.forget_spin.setToolTip(self.tr(
            "The LSTM forget-gate bias; 1 or more makes the cell remember longer"))
        bias_row.addWidget(self.forget_check)
        bias_row.addWidget(self.forget_spin, 1)
        self.forget_label = QLabel(self.tr("&Forget bias"), self)
        self.forget_label.setBuddy(self.forget_spin)
        form.addRow(self.forget_label, bias_row)

        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("cell_setup_apply")
        self.apply_button.setToolTip(self.tr(
            "Build a new cell with these settings and fresh weights (undoable)"))
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setObjectName("cell_setup_revert")
        self.revert_button.setToolTip(self.tr("Show the current cell's settings again"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        self.summary = QLabel(self)
        self.summary.setObjectName("cell_setup_summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addStretch(1)

        self.kind_combo.currentIndexChanged.connect(self._update_enabled)
        self.forget_check.toggled.connect(self._update_enabled)
        self.apply_button.clicked.connect(self.apply)
        self.revert_button.clicked.connect(self.revert)
        controller.cell_changed.connect(self.revert)
        self.revert()

    def _spin(self, name: str, accessible: str, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(1, MAX_SIZE)
        spin.setToolTip(tip)
        return spin

    def _update_enabled(self, *_args: object) -> None:
        lstm = CELL_KINDS[self.kind_combo.currentIndex()][1] == "lstm"
        for w in (self.forget_check, self.forget_label):
            w.setEnabled(lstm)
        self.forget_spin.setEnabled(lstm and self.forget_check.isChecked())

    def revert(self) -> None:
        """Show the current cell's kind, sizes and dtype (and the last initialiser and seed)."""
        cell, settings = self.controller.cell, self.controller.session.settings
        self.kind_combo.setCurrentIndex(_kind_index(cell))
        self.input_spin.setValue(cell.input_size)
        self.hidden_spin.setValue(cell.hidden_size)
        self.init_combo.setCurrentText(str(settings.get("init", "pytorch")))
        self.seed_spin.setValue(int(settings.get("seed", 0)))
        self.dtype_combo.setCurrentText(cell.dtype.name)
        forget = settings.get("forget_bias")
        self.forget_check.setChecked(isinstance(forget, (int, float)))
        self.forget_spin.setValue(float(forget) if isinstance(forget, (int, float)) else 1.0)
        self.summary.setText(self.tr("Now: {cell}, {dtype}.").format(
            cell=describe_cell(cell), dtype=cell.dtype.name))
        self._update_enabled()

    def chosen(self) -> dict[str, Any]:
        """The settings in the form as ``make_cell`` arguments."""
        _label, kind, options, _tip = CELL_KINDS[self.kind_combo.currentIndex()]
        forget = self.forget_spin.value() if kind == "lstm" and self.forget_check.isChecked() else None
        return {"kind": kind, "input_size": self.input_spin.value(), "hidden_size": self.hidden_spin.value(),
                "seed": self.seed_spin.value(), "init": self.init_combo.currentText(),
                "dtype": self.dtype_combo.currentText(), "forget_bias": forget, **options}

    def _edited(self) -> bool:
        stack = self.controller.undo_stack
        return not stack.isClean() or self.controller.path is not None

    def apply(self) -> bool:
        """Re-initialise with the form's settings after a confirmation; True when applied."""
        args = self.chosen()
        if self._edited():
            answer = QMessageBox.question(
                self, self.tr("Replace the weights?"),
                self.tr("This replaces the current weights with new ones drawn by the initialiser. "
                        "You can undo it with Edit ▸ Undo."),
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Ok)
            if answer != QMessageBox.StandardButton.Ok:
                return False
        cell = make_cell(**args)
        old = self.controller.session
        inputs = self.controller.simulation.inputs  # the caller's order (a reverse cell's trace is not)
        labels = list(old.input_labels)
        if cell.input_size != inputs.shape[1]:
            inputs = np.zeros((len(inputs), cell.input_size))
            labels = []
            self.message.emit(self.tr("The input size changed to {size}: the {steps} input steps were reset "
                                      "to zeros.").format(size=cell.input_size, steps=len(inputs)))
        else:
            self.message.emit(self.tr("New {cell}; the inputs were kept.").format(cell=describe_cell(cell)))
        settings = {**self.controller.settings(), "init": args["init"], "seed": args["seed"],
                    "forget_bias": args["forget_bias"]}
        settings["selected_unit"] = min(settings.get("selected_unit", 0), cell.hidden_size - 1)
        settings.pop("weights_source", None)  # fresh weights: no longer the imported file's
        session = Session(cell=cell, inputs=inputs.astype(np.float64), title=old.title,
                          description=old.description, input_labels=labels, settings=settings)
        self.controller.replace_session(session, self.tr("New cell: {cell}").format(cell=describe_cell(cell)))
        return True
