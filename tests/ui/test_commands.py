"""Undo commands: exact values back and forth, and small enough for a session of 10,000 edits."""

from __future__ import annotations

import gc
import tracemalloc

import numpy as np

from simulator import make_cell
from simulator.core.simulation import run
from simulator.document.session import Session


def _controller(new_controller, steps: int = 50):
    rng = np.random.default_rng(3)
    return new_controller(Session(cell=make_cell("gru", 3, 4, seed=2), inputs=rng.normal(size=(steps, 3))))


def test_a_column_edit_undoes_and_redoes_exactly(new_controller) -> None:
    c = _controller(new_controller)
    before = c.trace.x.copy()
    c.set_inputs(10, [[0.5, -0.25], [1.5, 2.0]], cols=slice(1, 3))
    assert c.trace.x[10, 1:].tolist() == [0.5, -0.25] and c.trace.x[11, 1:].tolist() == [1.5, 2.0]
    assert c.trace.x[10, 0] == before[10, 0]  # the other column is untouched
    command = c.undo_stack.command(0)
    assert command.cols == slice(1, 3) and command.old.tolist() == before[10:12, 1:].tolist()
    c.undo_stack.undo()
    np.testing.assert_array_equal(c.trace.x, before)
    np.testing.assert_array_equal(c.trace.h, run(c.cell, before).h)  # states recomputed from the edit
    c.undo_stack.redo()
    assert c.trace.x[11, 2] == 2.0 and command.new.tolist() == [[0.5, -0.25], [1.5, 2.0]]


def test_many_edits_then_every_undo_restores_the_trace_bit_for_bit(new_controller) -> None:
    c = _controller(new_controller)
    h = c.trace.h.copy()
    rng = np.random.default_rng(0)
    for _ in range(300):
        c.set_inputs(int(rng.integers(0, 50)), rng.normal(size=(1, 3)))
    assert c.undo_stack.count() == 300
    while c.undo_stack.canUndo():
        c.undo_stack.undo()
    np.testing.assert_array_equal(c.trace.h, h)


def test_an_input_edit_command_holds_under_half_a_kibibyte_of_python_objects(new_controller) -> None:
    c = _controller(new_controller, steps=3000)
    rng = np.random.default_rng(1)
    values = [rng.normal(size=(1, 3)) for _ in range(2000)]
    steps = rng.integers(2900, 3000, 2000)
    c.set_inputs(2950, values[0])  # warm-up allocations
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for t, v in zip(steps, values, strict=True):
            c.set_inputs(int(t), v)
        gc.collect()
        per_edit = (tracemalloc.get_traced_memory()[0] - before) / len(values)
    finally:
        tracemalloc.stop()
    # the old and new values share one bytes object and __slots__ replace the __dict__ (two 1 × 3
    # float64 arrays with their headers and a reshape view held ~520 B); the Qt side of a
    # QUndoCommand adds ~540 B outside Python's heap
    assert per_edit < 350, per_edit  # 265 B today (353 before __slots__)
