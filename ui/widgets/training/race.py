"""The race: an RNN, an LSTM and a GRU of the same size trained on the same task, side by side.

Three :class:`TrainingRun` threads with the Train panel's settings (only the kind differs; the
forget bias applies to the LSTM) feed three learning curves on one plot.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from simulator import InputError
from ui.i18n import tr
from ui.widgets.training.curves import LearningCurves
from ui.widgets.training.run import Progress, TrainingRun
from ui.widgets.training.settings import TrainSettings

__all__ = ["KINDS", "RaceWindow"]

KINDS = (("rnn", "RNN"), ("lstm", "LSTM"), ("gru", "GRU"))


class RaceWindow(QWidget):
    """A small window (objectName ``race_window``): Start / Pause and one plot of three curves.

    Parameters
    ----------
    settings : TrainSettings
        Read when Start is first pressed (and after New race).
    parent : QWidget, optional

    Attributes
    ----------
    runs : dict of str to TrainingRun
    curves : LearningCurves
        Curves ``curve_rnn``, ``curve_lstm``, ``curve_gru``.
    """

    def __init__(self, settings: TrainSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("race_window")
        self.setWindowTitle(tr("Race: RNN, LSTM and GRU"))
        self.settings = settings
        self.runs: dict[str, TrainingRun] = {}
        self.measure = QComboBox(objectName="race_measure")
        self.measure.addItem(tr("loss"), "loss")
        self.measure.addItem(tr("accuracy"), "accuracy")
        self.measure.currentIndexChanged.connect(self._replot)
        self.start_button = QPushButton(tr("Start"), objectName="race_start")
        self.pause_button = QPushButton(tr("Pause"), objectName="race_pause")
        self.new_button = QPushButton(tr("New race"), objectName="race_new")
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.pause)
        self.new_button.clicked.connect(self.reset)
        self.status = QLabel(objectName="race_status", wordWrap=True)
        self.curves = LearningCurves(KINDS, "race_curves")
        self._records: dict[str, list] = {kind: [] for kind, _ in KINDS}
        row = QHBoxLayout()
        plot_label = QLabel(tr("Plot"))
        for widget in (self.start_button, self.pause_button, self.new_button, plot_label, self.measure):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.curves, 1)
        self.resize(720, 420)

    def start(self) -> None:
        """Start (or resume) the three runs."""
        if not self.runs:
            try:
                runs = {kind: TrainingRun(self.settings.config(kind), self) for kind, _ in KINDS}
            except InputError as err:
                self.status.setText(str(err))
                return
            self.runs = runs
            for kind, run in runs.items():
                run.progress.connect(lambda p, k=kind: self._on_progress(k, p))
            task = next(iter(runs.values())).config.task
            self.status.setText(tr("{task}, {hidden} units each").format(
                task=task, hidden=self.settings.hidden.value()))
        for run in self.runs.values():
            run.start()

    def pause(self) -> None:
        """Pause the three runs."""
        for run in self.runs.values():
            run.pause()

    def reset(self) -> None:
        """Stop and forget the runs; the next Start reads the settings again."""
        self.pause()
        self.wait()
        self.runs = {}
        self._records = {kind: [] for kind, _ in KINDS}
        self.curves.clear()

    def wait(self, timeout: float | None = None) -> None:
        """Block until every run's burst has ended (tests, closing)."""
        for run in self.runs.values():
            run.wait(timeout)

    def _on_progress(self, kind: str, progress: Progress) -> None:
        if self.runs.get(kind) is None:
            return
        self._records[kind].extend(progress.records)
        self.curves.extend(kind, progress.records, self.measure.currentData())

    def _replot(self) -> None:
        self.curves.clear()
        for kind, records in self._records.items():
            self.curves.extend(kind, records, self.measure.currentData())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Stop the runs with the window."""
        self.pause()
        self.wait()
        super().closeEvent(event)
