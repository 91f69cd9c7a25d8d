"""The trace's running |max| (simulator.core.trace_stats): equal to a full reduction after any edit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import make_cell
from simulator.core.simulation import Simulation
from simulator.core.trace_stats import BLOCK, BlockAbsMax, finite_abs_max


def test_finite_abs_max_by_hand() -> None:
    assert finite_abs_max(np.array([[0.5, -3.0], [2.0, 1.0]])) == 3.0
    assert finite_abs_max(np.array([[np.nan, -2.5], [np.inf, 1.0]])) == 2.5
    assert finite_abs_max(np.array([[np.nan, -np.inf]])) == 0.0
    assert finite_abs_max(np.zeros((0, 3))) == 0.0


def test_block_cache_reduces_only_stale_blocks() -> None:
    values = np.zeros((3 * BLOCK + 10, 2))
    values[5, 1] = -7.0
    cache = BlockAbsMax()
    assert cache.value(values) == 7.0
    values[5, 1] = 0.0  # changed without telling the cache: the stale block keeps its old maximum
    assert cache.value(values) == 7.0
    cache.invalidate(5)
    assert cache.value(values) == 0.0
    values[3 * BLOCK + 9, 0] = 4.0
    cache.invalidate(3 * BLOCK + 9)
    assert cache.value(values) == 4.0
    assert cache.value(values[: 3 * BLOCK]) == 0.0  # a shorter array: the partial block is dropped
    assert cache.value(values) == 4.0  # and grown back


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["set", "insert", "delete"]), st.integers(0, 10_000),
                          st.floats(-50, 50)), min_size=1, max_size=6))
def test_abs_max_follows_every_edit(edits: list[tuple[str, int, float]]) -> None:
    cell = make_cell("lstm", 2, 3, seed=1)
    rng = np.random.default_rng(0)
    sim = Simulation(cell, rng.normal(size=(BLOCK * 2 + 100, 2)))
    assert sim.trace.abs_max("c") == np.abs(sim.trace.c).max()
    for what, where, value in edits:
        t = where % sim.length
        if what == "set":
            sim.set_inputs(t, [[value, -value]])
        elif what == "insert":
            sim.insert(t, np.full((BLOCK // 3, 2), value))
        elif sim.length > 2:
            sim.delete(t, min(BLOCK // 2, sim.length - t - 1) or 1)
        for name in ("c", "h", "f", "g"):
            values = sim.trace.c if name == "c" else sim.trace.h if name == "h" else sim.trace.gates[name]
            assert sim.trace.abs_max(name) == np.abs(values).max()


def test_abs_max_after_weight_edit_and_copy() -> None:
    cell = make_cell("rnn", 1, 2, seed=0, nonlinearity="relu")
    sim = Simulation(cell, np.ones((10, 1)))
    before = sim.trace.abs_max("h")
    cell.weight_ih *= 10.0
    sim.refresh(0)
    assert sim.trace.abs_max("h") == pytest.approx(np.abs(sim.trace.h).max())
    assert sim.trace.abs_max("h") > before
    copy = sim.trace.copy()
    assert copy.abs_max("h") == sim.trace.abs_max("h")
    with pytest.raises(KeyError):
        sim.trace.abs_max("c")  # an RNN has no cell state


def test_a_chunked_recompute_keeps_the_summaries_current_up_to_its_last_block() -> None:
    from simulator.core.simulation import CHUNK

    T = 5 * BLOCK + 123
    sim = Simulation(make_cell("lstm", 2, 3, seed=1), np.sin(np.arange(2 * T).reshape(T, 2) * 0.01))
    trace = sim.trace
    assert trace.abs_max("c") == finite_abs_max(trace.c)  # the cache for c exists from here on
    sim.cell.weight_hh[0, 0] += 0.5
    reports = []
    sim.progress = lambda done, total: reports.append(trace._abs_max["c"]._valid)
    sim.refresh(0)
    assert len(reports) == -(-T // CHUNK)
    assert reports[0] == CHUNK // BLOCK and reports[-1] == T // BLOCK  # only the last, partial block left
    assert trace.abs_max("c") == finite_abs_max(trace.c)  # equal to a full reduction at the end


def test_advance_reduces_only_whole_blocks_before_the_row_and_ignores_another_length() -> None:
    values = np.zeros((3 * BLOCK, 1))
    cache = BlockAbsMax()
    cache.value(values)
    cache.invalidate(0)
    values[BLOCK + 5, 0] = 4.0
    values[2 * BLOCK + 5, 0] = -9.0
    cache.advance(values, 2 * BLOCK + 100)  # block 2 is not final yet
    assert cache._valid == 2 and cache._blocks[:2].tolist() == [0.0, 4.0]
    cache.advance(np.zeros((4 * BLOCK, 1)), 4 * BLOCK)  # another length: left to value()
    assert cache._valid == 2
    assert cache.value(values) == 9.0
