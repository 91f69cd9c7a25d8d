"""One training run in a background thread, reporting immutable copies to the GUI thread.

A :class:`TrainingRun` owns a :class:`simulator.training.Trainer`; only its thread touches the
trainer while a burst of iterations runs. Every ~0.25 s the thread emits a :class:`Progress`
holding the new records (frozen), deep copies of the snapshots taken meanwhile, and a preview
snapshot of the current weights on the task's probe sequence, so the GUI never sees an array
the trainer will write to again. After a report the thread waits until the GUI thread has
handled it (at most :data:`SHOWN_TIMEOUT`): the window draws the new curves and weights without
sharing the interpreter with a training iteration, and reports never pile up behind a slow GUI.

While a run trains, Python's automatic garbage collection is off and the GUI thread collects
instead (:func:`collect_in_gui_thread`, at every report): a collection triggered by the training
thread could otherwise destroy the Qt objects of a closed window off the GUI thread (a crash).
"""

from __future__ import annotations

import copy
import gc
import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from simulator import Cell, InputError
from simulator.training import Record, Snapshot, TrainConfig, Trainer
from ui.background import relay

__all__ = ["Progress", "TrainingRun", "cell_from_snapshot", "collect_in_gui_thread"]

REPORT_SECONDS = 0.25  # the panel redraws the curves and the document on alternate reports
SHOWN_DELAY_MS = 20  # the GUI thread paints the refresh and its follow-up frame before training resumes
SHOWN_TIMEOUT = 0.25  # seconds a report waits for the GUI thread (one blocked in wait() included)


_TRAINING_THREADS: set[threading.Thread] = set()  # training ones keep automatic collection off
_THREADS_LOCK = threading.Lock()
_THRESHOLDS = gc.get_threshold()


def _training(thread: threading.Thread, busy: bool) -> None:
    with _THREADS_LOCK:
        if busy:
            _TRAINING_THREADS.add(thread)
            gc.disable()
        else:  # the thread's last report follows: collection comes back on when the GUI handles it
            _TRAINING_THREADS.discard(thread)


def collect_in_gui_thread() -> None:
    """Collect garbage as the interpreter would (its thresholds, per generation), in the GUI thread.

    Once no thread is training, automatic collection is back on.
    """
    counts = gc.get_count()
    for generation in range(3):  # a generation is due when its count passed its threshold
        if counts[generation] <= _THRESHOLDS[generation]:
            break
        gc.collect(generation)
    with _THREADS_LOCK:
        if not _TRAINING_THREADS:
            gc.enable()


@dataclass(frozen=True)
class Progress:
    """What a burst of iterations produced since the last report (all copies).

    Attributes
    ----------
    records : tuple of Record
        One per iteration, in order.
    snapshots : tuple of Snapshot
        Snapshots the trainer saved meanwhile (deep copies).
    preview : Snapshot
        The weights now and their probe behaviour (a fresh copy).
    iteration : int
    running : bool
        False in the last report of a burst.
    error : str
        Why the burst stopped early (a diverging run), else empty.
    """

    records: tuple[Record, ...]
    snapshots: tuple[Snapshot, ...]
    preview: Snapshot
    iteration: int
    running: bool
    error: str = ""


def cell_from_snapshot(template: Cell, snapshot: Snapshot) -> Cell:
    """A new cell of ``template``'s kind and options holding (copies of) ``snapshot``'s weights."""
    params = {name: np.array(snapshot.weights[name], copy=True) for name in template.parameters()}
    return type(template)(**params, **template.options())


class TrainingRun(QObject):
    """A :class:`Trainer` driven from a worker thread: :meth:`start`, :meth:`pause`, :meth:`step_once`.

    Parameters
    ----------
    config : TrainConfig
    parent : QObject, optional

    Signals
    -------
    progress(Progress)
        Queued to the GUI thread.

    Raises
    ------
    InputError
        A setting is out of range (from :class:`Trainer`).
    """

    progress = Signal(object)

    def __init__(self, config: TrainConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = copy.deepcopy(config)
        self._trainer = Trainer(copy.deepcopy(config))
        self.template: Cell = self._trainer.final_cell()  # kind and options; its weights are iteration 0's
        self.task = self._trainer.task
        self.probe_inputs = self._trainer.probe_inputs.copy()
        self.first = copy.deepcopy(self._trainer.snapshots[0])
        self._stop = threading.Event()
        self._shown = threading.Event()  # set once the GUI thread has handled the last report
        self._thread: threading.Thread | None = None
        relay.install()  # the thread's reports reach the GUI thread through it

    @property
    def running(self) -> bool:
        """True while a burst of iterations runs."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def finished(self) -> bool:
        """True once ``config.iterations`` iterations are done."""
        return self._trainer.iteration >= self.config.iterations and not self.running

    def start(self) -> None:
        """Train until :meth:`pause` or ``config.iterations`` (no-op while running)."""
        self._launch(None)

    def step_once(self) -> None:
        """Train exactly one iteration in the background (no-op while running)."""
        self._launch(1)

    def pause(self) -> None:
        """Ask the running burst to stop after its current iteration."""
        self._stop.set()
        self._shown.set()  # a burst waiting for the GUI stops at once

    def wait(self, timeout: float | None = None) -> None:
        """Block until the running burst has ended (tests, closing)."""
        if self._thread is not None:
            self._thread.join(timeout)
        collect_in_gui_thread()

    def _launch(self, limit: int | None) -> None:
        if self.running or self._trainer.iteration >= self.config.iterations:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, args=(limit,), name="training", daemon=True)
        _training(self._thread, True)
        self._thread.start()

    def _loop(self, limit: int | None) -> None:
        trainer, done, error = self._trainer, 0, ""
        saved, pending = len(trainer.snapshots), []
        last = time.monotonic()
        try:
            while not self._stop.is_set() and trainer.iteration < self.config.iterations:
                if limit is not None and done >= limit:
                    break
                try:
                    pending.append(trainer.step())
                except InputError as err:
                    error = str(err)
                    break
                done += 1
                now = time.monotonic()
                if now - last >= REPORT_SECONDS:
                    saved = self._report(pending, saved, True)
                    pending, last = [], now
                time.sleep(0)  # let the GUI thread take the interpreter between iterations
            if trainer.iteration >= self.config.iterations > trainer.snapshots[-1].iteration:
                trainer.snapshots.append(trainer.snapshot())
        finally:
            _training(threading.current_thread(), False)
        self._report(pending, saved, False, error)

    def _report(self, pending: list[Record], saved: int, running: bool, error: str = "") -> int:
        trainer = self._trainer
        new = tuple(copy.deepcopy(s) for s in trainer.snapshots[saved:])
        preview = new[-1] if new and new[-1].iteration == trainer.iteration else trainer.snapshot()
        self._shown.clear()
        # never an emit on self from this thread: the GUI thread may be deleting this object
        relay.post(self._delivered, Progress(tuple(pending), new, preview, trainer.iteration, running, error))
        if running and not self._stop.is_set():
            self._shown.wait(SHOWN_TIMEOUT)
        return len(trainer.snapshots)

    def _delivered(self, progress: Progress) -> None:
        collect_in_gui_thread()
        self.progress.emit(progress)
        if progress.running:  # the panel's handler and its repaints run first, then training resumes
            QTimer.singleShot(SHOWN_DELAY_MS, self._shown.set)
