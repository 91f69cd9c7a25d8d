"""The Train panel: start/pause/step, live curves, the document showing the probe, history and undo."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QPushButton, QSlider

from simulator.training import Trainer

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()

SMALL = {"task": "recall:delay=5,symbols=2", "cell": "lstm", "hidden_size": 4, "batch": 8,
         "iterations": 40, "seed": 1, "forget_bias": 3.0, "lr": 0.01, "clip": 1.0}


class _Window:
    def __init__(self, controller):
        self.controller = controller


@pytest.fixture
def window():
    from ui.document.controller import Controller

    return _Window(Controller())


@pytest.fixture
def panel(window, shown):
    from ui.widgets.training.train_panel import TrainPanel

    panel = shown(TrainPanel(window.controller), 420, 700)
    panel.settings.apply(SMALL)
    yield panel
    panel.pause()
    panel.wait(10)


def _click(panel, name):
    panel.findChild(QPushButton, name).click()


def _settle(panel, qtbot):
    panel.wait(30)
    qtbot.waitUntil(lambda: not panel.run.running and panel.iteration == panel.run._trainer.iteration,
                    timeout=5000)
    qtbot.wait(10)  # the queued last report


def test_step_trains_one_iteration_and_shows_it(panel, window, qtbot):
    _click(panel, "train_step")
    _settle(panel, qtbot)
    assert panel.iteration == 1
    x, y = panel.curves.data("loss")
    assert x.tolist() == [1.0]
    reference = Trainer(panel.settings.config())
    record = reference.step()
    assert y[0] == record.loss  # the same seed and settings: the same first batch loss, bit for bit
    # the document now shows the probe sequence with the weights after one update
    assert np.array_equal(window.controller.trace.x, reference.probe_inputs)
    for name, value in reference.cell.parameters().items():
        np.testing.assert_array_equal(window.controller.cell.parameters()[name], value)


def test_start_runs_to_the_end_and_pause_stops(panel, window, qtbot):
    _click(panel, "train_start")
    assert panel.findChild(QPushButton, "train_pause").isEnabled()
    _settle(panel, qtbot)
    assert panel.iteration == SMALL["iterations"]
    x, y = panel.curves.data("loss")
    assert x.tolist() == list(range(1, 41)) and np.all(np.isfinite(y))
    assert len(panel.curves.data("accuracy")[0]) == 40
    assert not panel.findChild(QPushButton, "train_pause").isEnabled()
    # a run of many iterations paused at once stops early
    panel.settings.apply({"iterations": 100_000})
    _click(panel, "train_start")
    _click(panel, "train_pause")
    _settle(panel, qtbot)
    assert 0 < panel.iteration < 100_000


def test_reports_are_copies(panel, qtbot):
    received = []
    _click(panel, "train_step")
    _settle(panel, qtbot)
    panel.run.progress.connect(received.append)
    _click(panel, "train_step")
    _settle(panel, qtbot)
    progress = received[-1]
    live = panel.run._trainer.params
    for name, value in progress.preview.weights.items():
        assert not np.shares_memory(value, live[name])
    for snap in panel.snapshots:
        for name, value in snap.weights.items():
            assert not np.shares_memory(value, live[name])
            for other in panel.run._trainer.snapshots:
                assert not np.shares_memory(value, other.weights[name])


def test_scrub_sets_snapshot_weights_and_one_undo_restores(panel, window, qtbot):
    before = {k: v.copy() for k, v in window.controller.cell.parameters().items()}
    before_inputs = window.controller.trace.x.copy()
    depth = window.controller.undo_stack.count()
    _click(panel, "train_start")
    _settle(panel, qtbot)
    slider = panel.findChild(QSlider, "train_history")
    assert slider.maximum() == len(panel.snapshots) - 1 > 2
    panel.scrub(1)
    snap = panel.snapshots[1]
    assert 0 < snap.iteration < SMALL["iterations"]
    for name, value in window.controller.cell.parameters().items():
        np.testing.assert_array_equal(value, snap.weights[name])
    assert window.controller.undo_stack.count() == depth + 1  # the whole run is one command
    window.controller.undo_stack.undo()
    assert np.array_equal(window.controller.trace.x, before_inputs)
    for name, value in window.controller.cell.parameters().items():
        np.testing.assert_array_equal(value, before[name])


def test_tools_menu_opens_the_train_dock_and_a_lesson_page_sets_it_up(qtbot):
    from PySide6.QtWidgets import QDockWidget

    from ui.shell.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.actions_by_name["action_train"].trigger()
    dock = win.findChild(QDockWidget, "dock_train")
    assert dock is not None and dock.isVisible() and dock.widget().objectName() == "train_panel"
    settings = dock.widget().settings
    win.lesson_panel.start("why-lstm-learns")
    win.lesson_panel.go_next()  # page 2: the RNN on the 40-step distractor task
    config = settings.config()
    assert (config.cell, config.task, config.hidden_size, config.seed) == (
        "rnn", "recall:delay=40,distractors=1", 16, 0)
    while win.lesson_panel.index < len(win.lesson_panel.lesson.pages) - 1:
        win.lesson_panel.go_next()
    config = settings.config()
    assert (config.cell, config.forget_bias, config.task) == ("lstm", 0.0, "recall:delay=20")
    win.controller.undo_stack.setClean()
    win.close()
