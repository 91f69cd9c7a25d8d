"""Runs, edits that recompute only from the edited step, the trace's storage and memory."""

import tracemalloc

import numpy as np
import pytest

from simulator import InputError, Simulation, make_cell, recompute, run
from simulator.core.simulation import validate_inputs, validate_state

KINDS = [("rnn", {}), ("lstm", {}), ("gru", {}), ("gru", {"reset_after": False}),
         ("rnn", {"nonlinearity": "relu"})]
IDS = ["rnn", "lstm", "gru", "gru-before", "rnn-relu"]


def _sim(kind, options, T=40, D=3, H=5):
    cell = make_cell(kind, D, H, seed=4, **options)
    x = np.random.default_rng(7).normal(size=(T, D))
    return Simulation(cell, x, {"h": np.linspace(-0.5, 0.5, H)}), x


def _snapshot(trace):
    return {k: v.copy() for k, v in trace.arrays().items()}


def _count_kernel(monkeypatch, sim):
    calls = []
    kernel = sim.cell.kernel

    def counting(trace, start, stop):
        calls.append((start, stop))
        return kernel(trace, start, stop)

    monkeypatch.setattr(sim.cell, "kernel", counting)
    return calls


def _assert_same(trace, expected):
    for name, arr in expected.arrays().items():
        np.testing.assert_array_equal(trace.arrays()[name], arr, err_msg=name)  # bit for bit


@pytest.mark.parametrize(("kind", "options"), KINDS, ids=IDS)
def test_edits_recompute_from_t_only_and_equal_a_full_rerun(kind, options, monkeypatch):
    sim, x = _sim(kind, options)
    state = {"h": sim.trace.h0.copy()}
    if sim.trace.c0 is not None:
        state["c"] = sim.trace.c0
    calls = _count_kernel(monkeypatch, sim)
    rows = np.random.default_rng(9).normal(size=(3, 3))
    edits = [  # (edit, first step recomputed, the inputs it leaves)
        (lambda: sim.set_inputs(25, rows), 25, np.concatenate([x[:25], rows, x[28:]])),
        (lambda: sim.insert(10, rows), 10, None),
        (lambda: sim.append(rows[:2]), 43, None),
        (lambda: sim.delete(30, 4), 30, None),
        (lambda: sim.delete(0, 1), 0, None),
    ]
    current = x
    for edit, t, expected_x in edits:
        before = _snapshot(sim.trace)
        calls.clear()
        edit()
        assert calls == [(t, sim.length)]  # one kernel call over rows t … T − 1 only
        for name in ("x", "h", "c"):  # rows before t are untouched
            if name in before:
                np.testing.assert_array_equal(sim.trace.arrays()[name][:t], before[name][:t])
        current = sim.trace.x.copy() if expected_x is None else expected_x
        _assert_same(sim.trace, run(sim.cell, current, state))
    assert len(current) == 40 + 3 + 2 - 4 - 1


@pytest.mark.parametrize(("kind", "options"), KINDS[:3], ids=IDS[:3])
def test_set_cell_set_state_and_refresh_equal_a_full_rerun(kind, options):
    sim, x = _sim(kind, options)
    other = make_cell(kind, 3, 5, seed=99, **options)
    sim.set_cell(other)
    _assert_same(sim.trace, run(other, x, {"h": sim.trace.h0}) if kind != "lstm" else
                 run(other, x, {"h": sim.trace.h0, "c": sim.trace.c0}))
    new_state = {"h": np.full(5, 0.25)}
    sim.set_state(new_state)
    _assert_same(sim.trace, run(other, x, new_state))
    other.weight_hh[:] *= 0.5  # edited in place, then refreshed from step 12
    h11, c11 = sim.trace.state_before(12)
    entering = {"h": h11.copy()} if c11 is None else {"h": h11.copy(), "c": c11.copy()}
    old = sim.trace.h[:12].copy()
    sim.refresh(12)
    np.testing.assert_array_equal(sim.trace.h[:12], old)
    np.testing.assert_array_equal(sim.trace.h[12:], run(other, x[12:], entering).h)
    with pytest.raises(InputError):
        sim.set_cell(make_cell(kind, 3, 6, **options))


def test_edit_errors_leave_the_trace_alone():
    sim, _ = _sim("lstm", {})
    before = _snapshot(sim.trace)
    for bad in (lambda: sim.set_inputs(39, np.zeros((2, 3))), lambda: sim.insert(41, np.zeros((1, 3))),
                lambda: sim.delete(38, 3), lambda: recompute(sim.cell, sim.trace, 41)):
        with pytest.raises(IndexError):
            bad()
    with pytest.raises(InputError, match=r"\(step, dim\) \(1, 2\)"):
        sim.set_inputs(0, [[0, 0, 0], [0, 0, np.nan]])
    with pytest.raises(InputError):
        sim.append(np.zeros((1, 4)))
    _assert_same(sim.trace, type("T", (), {"arrays": lambda self: before})())


@pytest.mark.parametrize("D", [1, 8, 33])
def test_rerun_from_any_step_is_bit_identical(D):
    """BLAS rounds a row differently by how many rows a matmul gets; the kernels must not."""
    cell = make_cell("lstm", D, 6, seed=1)
    x = np.random.default_rng(D).normal(size=(150, D))
    full = run(cell, x)
    for t in (1, 2, 63, 64, 65, 100, 149):
        trace = full.copy()
        trace.h[t:] = np.nan  # poison what must be rewritten
        trace.gates["f"][t:] = np.nan
        recompute(cell, trace, t)
        _assert_same(trace, full)


def test_reserve_grows_by_doubling_and_keeps_rows():
    sim, _ = _sim("gru", {}, T=5)
    capacities = []
    for k in range(1000):
        sim.append(np.full((1, 3), k / 1000))
        capacities.append(sim.trace.capacity)
    assert len(set(capacities)) <= 9  # 5 → 10 → 20 … → 1280: log2 growth, not one per append
    assert sim.trace.capacity >= sim.length == 1005
    np.testing.assert_array_equal(sim.trace.x[5:, 0], np.arange(1000) / 1000)
    _assert_same(sim.trace, run(sim.cell, sim.trace.x, {"h": sim.trace.h0}))
    trace = sim.trace
    trace.reserve(10)  # never shrinks
    assert trace.capacity == capacities[-1]
    trace.shrink_to_fit()
    assert trace.capacity == trace.length and trace.nbytes < 1005 * 8 * (3 + 5 + 15) + 100


def test_trace_views_and_copy():
    trace = run(make_cell("lstm", 2, 3), np.ones((4, 2)), {"c": [1.0, 2.0, 3.0]})
    assert trace.state_before(0)[1].tolist() == [1.0, 2.0, 3.0]
    np.testing.assert_array_equal(trace.state_before(3)[0], trace.h[2])
    row = trace.row(2)
    assert set(row) == {"x", "h", "c", "i", "f", "g", "o"}
    np.testing.assert_array_equal(row["g"], trace.gates["g"][2])
    copy = trace.copy()
    copy.h[:] = 0
    assert trace.h.any() and len(copy) == 4
    with pytest.raises(IndexError):
        trace.row(4)
    with pytest.raises(IndexError):
        trace.state_before(5)


def test_empty_and_scalar_sequences():
    cell = make_cell("rnn", 1, 2)
    assert len(run(cell, np.zeros((0, 1)))) == 0
    np.testing.assert_array_equal(run(cell, [0.5, -0.5]).x[:, 0], [0.5, -0.5])  # 1-D is T steps when D = 1


@pytest.mark.parametrize("bad", [np.zeros((3, 2, 1)), np.zeros((3, 4)), np.array([["a", "b", "c"]]),
                                 np.zeros((2, 3), complex), [[0.0, np.inf, 0.0]], np.zeros(3)])
def test_bad_inputs(bad):
    with pytest.raises(InputError):
        validate_inputs(bad, 3)


@pytest.mark.parametrize(("kind", "state"), [("gru", {"c": np.zeros(2)}), ("lstm", {"h": np.zeros(3)}),
                                             ("lstm", {"x": np.zeros(2)}), ("rnn", {"h": [np.nan, 0.0]})])
def test_bad_states(kind, state):
    with pytest.raises(InputError):
        validate_state(make_cell(kind, 1, 2), state)


@pytest.mark.parametrize(("kind", "options"), KINDS[:3], ids=IDS[:3])
def test_memory_of_a_long_run_is_the_trace_arrays(kind, options):
    cell = make_cell(kind, 8, 64, **options)
    x = np.random.default_rng(0).normal(size=(10_000, 8))
    tracemalloc.start()
    try:
        trace = run(cell, x)
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert trace.nbytes <= retained <= 1.1 * trace.nbytes  # numpy buffers are traced
    assert peak <= 1.1 * trace.nbytes + 256_000  # no second copy of the inputs or a full-size mask


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_a_recompute_in_chunks_reports_progress_and_is_bit_identical(kind):
    from simulator.core.simulation import CHUNK

    cell = make_cell(kind, 3, 5, seed=4)
    x = np.random.default_rng(2).normal(size=(2 * CHUNK + 100, 3))
    whole = run(cell, x)
    trace = run(cell, x)
    trace._h[70:] = 0.0  # garbage the recompute must overwrite
    reports = []
    recompute(cell, trace, 70, progress=lambda done, total: reports.append((done, total)))
    total = len(x) - 70
    assert reports == [(CHUNK - 70, total), (2 * CHUNK - 70, total), (total, total)]
    np.testing.assert_array_equal(trace.h, whole.h)
    for name, values in whole.gates.items():
        np.testing.assert_array_equal(trace.gates[name], values)
    reports.clear()
    recompute(cell, trace, len(x), progress=lambda done, total: reports.append(done))
    assert reports == []  # nothing to do, nothing reported


def test_a_simulation_reports_every_recompute_through_its_progress_attribute():
    cell = make_cell("gru", 2, 3, seed=0)
    reports = []
    sim = Simulation(cell, np.zeros((3000, 2)), progress=lambda done, total: reports.append((done, total)))
    assert reports[-1] == (3000, 3000) and len(reports) == 3
    reports.clear()
    sim.set_inputs(2500, [[1.0, 2.0]])
    assert reports == [(500, 500)]  # within one chunk (steps 2048 … 3071)
    reports.clear()
    sim.progress = None
    sim.refresh(0)
    assert reports == []
