"""The Train panel (Tools dock ``dock_train``): train the cell on a task and watch it learn.

Training runs in a :class:`TrainingRun` thread reporting four times a second; the panel redraws
the loss and accuracy curves and shows the task's probe sequence with the current weights in the
document (diagram, timeline and gradient view follow) on alternate reports, so each is refreshed
twice a second and no frame pays for both. The document is one undoable command per run. The
history slider sets the weights of any saved snapshot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from simulator import InputError
from simulator.training import Snapshot
from ui.i18n import tr
from ui.widgets.training.curves import LearningCurves
from ui.widgets.training.document import TrainingView
from ui.widgets.training.run import Progress, TrainingRun
from ui.widgets.training.settings import TrainSettings

if TYPE_CHECKING:
    from ui.document.controller import Controller

__all__ = ["TrainPanel"]


class TrainPanel(QWidget):
    """Settings, Start / Pause / Step, live learning curves and a history slider.

    Parameters
    ----------
    controller : Controller
        The document the probe sequence and the weights being trained are shown in.
    parent : QWidget, optional

    Attributes
    ----------
    run : TrainingRun or None
    snapshots : list of Snapshot
        Every snapshot received so far (copies), oldest first.
    """

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("train_panel")
        self.controller = controller
        self.view = TrainingView(controller)
        self.run: TrainingRun | None = None
        self.snapshots: list[Snapshot] = []
        self.iteration = 0
        self._turn = False  # which of curves / document the next running report redraws
        self.race_window = None
        self.settings = TrainSettings(self)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, tip, slot in (
                ("train_start", tr("Start"), tr("Train until paused or the iterations are done"), self.start),
                ("train_pause", tr("Pause"), tr("Stop after the current iteration"), self.pause),
                ("train_step", tr("Step"), tr("Train one iteration"), self.step_once),
                ("train_reset", tr("New run"), tr("Start over from new weights with these settings"),
                 self.reset),
                ("train_race", tr("Race…"), tr("Train an RNN, an LSTM and a GRU of this size on this "
                                               "task side by side"), self.show_race)):
            button = QPushButton(text, objectName=name, toolTip=tip)
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons[name] = button
            row.addWidget(button)
        self.status = QLabel(objectName="train_status", wordWrap=True)
        self.curves = LearningCurves((("loss", tr("loss")), ("accuracy", tr("accuracy"))), "train_curves")
        self.curves.setMinimumHeight(150)  # a readable curve even in a short dock
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="train_history")
        self.slider.setToolTip(tr("Training history: drag to show the weights of an earlier iteration"))
        self.slider.setRange(0, 0)
        self.slider.valueChanged.connect(self._scrubbed)
        self.slider_label = QLabel(objectName="train_history_label")
        history = QHBoxLayout()
        history.addWidget(QLabel(tr("History")))
        history.addWidget(self.slider, 1)
        history.addWidget(self.slider_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.settings)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.curves, 1)
        layout.addLayout(history)
        self._update_buttons()

    # -- the run ---------------------------------------------------------------------------
    def _ensure_run(self) -> TrainingRun | None:
        config = self.settings.config()
        if self.run is not None and self.run.config == config:
            return self.run
        if self.run is not None and self.run.running:
            return self.run
        try:
            run = TrainingRun(config, self)
        except InputError as err:
            self.status.setText(str(err))
            return None
        self._discard()
        self.run = run
        run.progress.connect(self._on_progress)
        self.snapshots = [run.first]
        self.iteration = 0
        self.view.forget()
        self._set_slider()
        return run

    def _discard(self) -> None:
        if self.run is not None:
            self.run.progress.disconnect(self._on_progress)
            self.run.pause()
            self.run.wait()
        self.run = None
        self.curves.clear()

    def start(self) -> None:
        """Train until Pause (a changed setting starts a new run)."""
        run = self._ensure_run()
        if run is not None:
            run.start()
        self._update_buttons()

    def pause(self) -> None:
        """Stop after the current iteration."""
        if self.run is not None:
            self.run.pause()

    def step_once(self) -> None:
        """Train one iteration."""
        run = self._ensure_run()
        if run is not None:
            run.step_once()
        self._update_buttons()

    def reset(self) -> None:
        """Discard the run; the next Start begins from new weights."""
        self._discard()
        self.snapshots, self.iteration = [], 0
        self._set_slider()
        self.status.clear()
        self._update_buttons()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the running burst ends (tests, closing)."""
        if self.run is not None:
            self.run.wait(timeout)

    def _on_progress(self, progress: Progress) -> None:
        run = self.run
        if run is None:
            return
        # one heavy redraw per report: the curves and the document take turns (each twice a
        # second while running), so no frame pays for both; the last report of a burst draws both
        self._turn = not self._turn
        curves_now = self._turn or not progress.running
        self.curves.extend("loss", progress.records, draw=curves_now)
        if run.task.has_accuracy:
            self.curves.extend("accuracy", progress.records, "accuracy", draw=curves_now)
        self.iteration = progress.iteration
        self.snapshots.extend(progress.snapshots)
        at_end = self.slider.value() == self.slider.maximum()
        self._set_slider(at_end)
        if at_end and (not self._turn or not progress.running):  # a scrubbed-back slider keeps its weights
            self._show(progress.preview)
        last = progress.records[-1] if progress.records else None
        text = tr("Iteration {n} of {total}").format(n=progress.iteration, total=run.config.iterations)
        if last is not None:
            text += " · " + tr("loss {loss:.3f}").format(loss=last.loss)
        if run.task.has_accuracy:
            text += " · " + tr("probe accuracy {acc:.2f}").format(acc=progress.preview.probe_accuracy)
        self.status.setText(progress.error or text)
        self._update_buttons(progress.running)

    def _show(self, snapshot: Snapshot) -> None:
        run = self.run
        if run is not None:
            self.view.show(run.template, snapshot, run.probe_inputs,
                           tr("Training {task}").format(task=run.task.spec))

    # -- history ---------------------------------------------------------------------------
    def _set_slider(self, to_end: bool = True) -> None:
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(self.snapshots) - 1, 0))
        if to_end:
            self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self._label()

    def _label(self) -> None:
        index = self.slider.value()
        self.slider_label.setText(tr("iteration {n}").format(n=self.snapshots[index].iteration)
                                  if index < len(self.snapshots) else "")

    def _scrubbed(self, index: int) -> None:
        self._label()
        if self.run is None or not 0 <= index < len(self.snapshots):
            return
        self.run.pause()
        self._show(self.snapshots[index])

    def scrub(self, index: int) -> None:
        """Show the weights of saved snapshot ``index`` (as dragging the history slider does)."""
        self.slider.setValue(index)

    # -- state -----------------------------------------------------------------------------
    def _update_buttons(self, running: bool | None = None) -> None:
        running = self.run is not None and self.run.running if running is None else running
        self.buttons["train_start"].setEnabled(not running)
        self.buttons["train_step"].setEnabled(not running)
        self.buttons["train_pause"].setEnabled(running)
        self.settings.setEnabled(not running)

    def show_race(self) -> QWidget:
        """Open the race of an RNN, an LSTM and a GRU with these settings."""
        from ui.widgets.training.race import RaceWindow

        if self.race_window is not None:
            self.race_window.close()
            self.race_window.deleteLater()
        self.race_window = RaceWindow(self.settings, self.window())
        self.race_window.show()
        return self.race_window

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Stop the training thread with the panel."""
        self._discard()
        super().closeEvent(event)
