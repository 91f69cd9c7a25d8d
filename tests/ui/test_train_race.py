"""The race: an RNN, an LSTM and a GRU trained with the same settings give three learning curves."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QPushButton

from simulator.training import Trainer

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()


def test_race_produces_three_curves(shown, qtbot):
    from ui.widgets.training.race import RaceWindow
    from ui.widgets.training.settings import TrainSettings

    settings = TrainSettings()
    qtbot.addWidget(settings)
    settings.apply({"task": "recall:delay=4,symbols=2", "hidden_size": 3, "batch": 4, "iterations": 12,
                    "seed": 2, "forget_bias": 1.0})
    race = shown(RaceWindow(settings), 600, 400)
    race.findChild(QPushButton, "race_start").click()
    race.wait(30)
    qtbot.waitUntil(lambda: all(len(race.curves.data(k)[0]) == 12 for k in ("rnn", "lstm", "gru")),
                    timeout=5000)
    losses = {}
    for kind in ("rnn", "lstm", "gru"):
        x, y = race.curves.data(kind)
        assert x.tolist() == list(range(1, 13))
        expected = Trainer(settings.config(kind))
        np.testing.assert_array_equal(y, [expected.step().loss for _ in range(12)])  # each its own run
        losses[kind] = y
    assert not np.array_equal(losses["rnn"], losses["gru"])
    assert race.runs["lstm"].config.forget_bias == 1.0 and race.runs["gru"].config.forget_bias is None
    race.findChild(QComboBox, "race_measure").setCurrentIndex(1)  # accuracy: same points, other values
    x, y = race.curves.data("gru")
    assert len(x) == 12 and np.all((y >= 0) & (y <= 1))
    race.close()
