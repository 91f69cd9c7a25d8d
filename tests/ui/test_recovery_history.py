"""A document restored after a crash says that its undo history starts there."""

from __future__ import annotations

import numpy as np

from simulator import make_cell
from simulator.document.session import Session
from ui.background.recovery import RecoveryManager


def test_restored_work_says_its_undo_history_starts_here(window, tmp_path):
    manager = RecoveryManager(window, directory=tmp_path / "recovery")
    session = Session(cell=make_cell("gru", 1, 2, seed=1), inputs=np.zeros((4, 1)))
    manager.restore(session, None)
    c = window.controller
    assert c.cell.kind == "gru" and not c.undo_stack.isClean()  # restored, as unsaved work
    assert c.undo_stack.count() == 0  # nothing to undo …
    assert "undo history starts here" in window.statusBar().currentMessage()  # … and the window says so
    c.set_parameter("weight_hh", (0, 1), 0.5, text="edit")  # the new history works
    c.undo_stack.undo()
    assert c.cell.weight_hh[0, 1] == session.cell.weight_hh[0, 1]
    manager.deleteLater()
