"""What a live refresh of the Train panel costs: one weight write, a worker that waits for the GUI."""

from __future__ import annotations

import gc
import time

import numpy as np
import pytest

from simulator import run
from simulator.training import TrainConfig, Trainer

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()

SMALL = {"task": "recall:delay=5,symbols=2", "cell": "lstm", "hidden_size": 4, "batch": 8,
         "iterations": 40, "seed": 1, "forget_bias": 3.0, "lr": 0.01, "clip": 1.0}


@pytest.fixture
def controller():
    from ui.document.controller import Controller

    return Controller()


def _count(signal) -> list[int]:
    calls = [0]
    signal.connect(lambda *_: calls.__setitem__(0, calls[0] + 1))
    return calls


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_a_refresh_writes_every_weight_with_one_recompute(controller, cell):
    from ui.widgets.training.document import TrainingView
    from ui.widgets.training.run import cell_from_snapshot

    trainer = Trainer(TrainConfig(cell=cell, task="recall:delay=5,symbols=2", hidden_size=4, batch=4, seed=2))
    template, view = trainer.final_cell(), TrainingView(controller)
    view.show(template, trainer.snapshot(), trainer.probe_inputs, "probe")  # the first show installs
    trainer.step()
    snapshot = trainer.snapshot()
    rebuilt, weights, traces = (_count(controller.cell_changed), _count(controller.weights_changed),
                                _count(controller.trace_changed))
    depth = controller.undo_stack.count()
    view.show(template, snapshot, trainer.probe_inputs, "probe")
    assert (rebuilt[0], weights[0], traces[0]) == (0, 1, 1)  # nothing rebuilt, the views refresh once
    assert controller.undo_stack.count() == depth  # still the run's one command
    for name, value in controller.cell.parameters().items():
        np.testing.assert_array_equal(value, snapshot.weights[name])
    # the trace is the probe run by every new weight, not only by the last one written
    expected = run(cell_from_snapshot(template, snapshot), trainer.probe_inputs)
    np.testing.assert_array_equal(controller.trace.h, expected.h)


def test_the_worker_waits_until_the_gui_has_handled_a_report(qtbot, monkeypatch):
    from ui.widgets.training import run as run_module

    monkeypatch.setattr(run_module, "REPORT_SECONDS", 0.0)  # a report after every iteration
    monkeypatch.setattr(run_module, "SHOWN_TIMEOUT", 10.0)
    training = run_module.TrainingRun(TrainConfig(**SMALL))
    received = []
    training.progress.connect(received.append)
    training.start()
    time.sleep(0.3)  # the GUI thread handles no event meanwhile
    assert training._trainer.iteration == 1 and training.running  # one iteration, then it waits
    qtbot.waitUntil(lambda: len(received) >= 3, timeout=5000)  # handling reports lets it go on
    training.pause()
    training.wait(10)
    assert not training.running
    qtbot.wait(10)
    assert received[-1].iteration == training._trainer.iteration and not received[-1].running


def test_the_curves_show_every_point_at_the_end(qtbot, shown, controller):
    from ui.widgets.training.train_panel import TrainPanel

    panel = shown(TrainPanel(controller), 420, 700)
    panel.settings.apply(SMALL)
    panel.start()
    panel.wait(30)
    qtbot.waitUntil(lambda: panel.iteration == SMALL["iterations"], timeout=5000)
    qtbot.wait(10)
    for key in ("loss", "accuracy"):
        x, _ = panel.curves.curves[key].getData()
        assert np.array_equal(x, panel.curves.data(key)[0]) and len(x) == SMALL["iterations"]


def test_garbage_is_collected_in_the_gui_thread_while_training(qtbot, monkeypatch):
    from ui.widgets.training import run as run_module

    monkeypatch.setattr(run_module, "REPORT_SECONDS", 0.0)
    assert gc.isenabled()
    training = run_module.TrainingRun(TrainConfig(**{**SMALL, "iterations": 5}))
    finished = []
    training.progress.connect(lambda p: finished.append(not p.running))
    training.start()
    assert not gc.isenabled()  # the training thread never collects (it could delete Qt objects)
    qtbot.waitUntil(lambda: bool(finished) and finished[-1], timeout=5000)
    assert gc.isenabled()  # back on once the last report is handled
    training.start()  # nothing left to train: no thread, collection stays on
    assert gc.isenabled()
