"""The Train panel's settings form: task, cell, sizes and optimiser, read as a :class:`TrainConfig`."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from simulator.training import OPTIMIZERS, TrainConfig
from simulator.training.trainer import MAX_BATCH
from ui.i18n import tr

__all__ = ["TASK_PRESETS", "TrainSettings"]

#: Tasks offered in the task box (any spec of simulator.training.tasks may be typed).
TASK_PRESETS = ("recall:delay=40,distractors=1", "recall:delay=30,distractors=1", "recall:delay=20",
                "adding:length=50", "sine:length=50")


def _spin(name: str, low: float, high: float, value: float, decimals: int = 0,
          step: float = 1.0) -> QSpinBox | QDoubleSpinBox:
    box: QSpinBox | QDoubleSpinBox = QDoubleSpinBox() if decimals else QSpinBox()
    if decimals:
        box.setDecimals(decimals)
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setValue(value)
    box.setObjectName(name)
    return box


class TrainSettings(QWidget):
    """Task, cell kind, hidden size, optimiser, learning rate, clip, batch, forget bias, seed, iterations.

    Every field has a stable objectName ``train_<field>``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = QComboBox(objectName="train_task", editable=True)
        self.task.addItems(TASK_PRESETS)
        self.task.setToolTip(tr("recall: remember the first symbol over a delay (distractors=1 puts a "
                                "distractor at every step); adding; sine. Any task spec may be typed."))
        self.kind = QComboBox(objectName="train_cell")
        for kind, label in (("rnn", "RNN (tanh)"), ("lstm", "LSTM"), ("gru", "GRU")):
            self.kind.addItem(label, kind)
        self.hidden = _spin("train_hidden", 1, 256, 16)
        self.optimizer = QComboBox(objectName="train_optimizer")
        for name in OPTIMIZERS:
            self.optimizer.addItem({"sgd": "SGD", "adam": "Adam"}.get(name, name), name)
        self.optimizer.setCurrentIndex(OPTIMIZERS.index("adam"))
        self.lr = _spin("train_lr", 0.0001, 10.0, 0.01, decimals=4, step=0.001)
        self.clip = _spin("train_clip", 0.0, 1000.0, 1.0, decimals=2, step=0.5)
        self.clip.setToolTip(tr("Clip the gradient's norm to this (0: no clipping)"))
        self.batch = _spin("train_batch", 1, MAX_BATCH, 32)
        self.forget_bias = _spin("train_forget_bias", -10.0, 10.0, 3.0, decimals=1, step=0.5)
        self.forget_bias.setToolTip(tr("The LSTM's forget-gate bias at the start (b_if; b_hf = 0): "
                                       "3 keeps the gate open (σ(3) ≈ 0.95), 0 halves the memory every step"))
        self.seed = _spin("train_seed", 0, 2**31 - 1, 0)
        self.iterations = _spin("train_iterations", 1, 1_000_000, 1500)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((tr("Task"), self.task), (tr("Cell"), self.kind),
                              (tr("Hidden units"), self.hidden),
                              (tr("Optimiser"), self.optimizer), (tr("Learning rate"), self.lr),
                              (tr("Clip"), self.clip), (tr("Batch"), self.batch),
                              (tr("Forget bias"), self.forget_bias), (tr("Seed"), self.seed),
                              (tr("Iterations"), self.iterations)):
            form.addRow(label, widget)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.setCurrentIndex(1)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.forget_bias.setEnabled(self.kind.currentData() == "lstm")

    def config(self, cell: str | None = None) -> TrainConfig:
        """The settings as a :class:`TrainConfig` (``cell`` overrides the kind, as in the race)."""
        kind = cell or self.kind.currentData()
        return TrainConfig(cell=kind, task=self.task.currentText().strip(), hidden_size=self.hidden.value(),
                           optimizer=self.optimizer.currentData(), lr=self.lr.value(),
                           clip=self.clip.value() or None, batch=self.batch.value(),
                           iterations=self.iterations.value(), seed=self.seed.value(),
                           forget_bias=self.forget_bias.value() if kind == "lstm" else None,
                           snapshot_every=max(1, self.iterations.value() // 100))

    def apply(self, values: dict[str, Any]) -> None:
        """Set fields from ``{"task", "cell", "hidden_size", "optimizer", "lr", "clip", "batch",
        "forget_bias", "seed", "iterations"}`` (any subset; a lesson page sets the panel up this way)."""
        if "task" in values:
            self.task.setCurrentText(str(values["task"]))
        for key, box in (("cell", self.kind), ("optimizer", self.optimizer)):
            if key in values:
                index = box.findData(str(values[key]).lower())
                if index >= 0:
                    box.setCurrentIndex(index)
        for key, box in (("hidden_size", self.hidden), ("lr", self.lr), ("clip", self.clip),
                         ("batch", self.batch), ("forget_bias", self.forget_bias), ("seed", self.seed),
                         ("iterations", self.iterations)):
            if key in values:
                box.setValue(values[key])
