"""Extreme values: ±1e6 and ±1e-300 weights and inputs, 1 and 1,024 units, 1 and 200,000 steps.

No warning (the suite turns warnings into errors), no NaN or inf in a trace of finite
numbers (the relu RNN, whose true state can leave the float range, is the documented
exception), NaN / inf refused with the place named, memory within the trace's bytes
plus a fixed margin, and a clear refusal where a run would not fit in memory.
"""

from __future__ import annotations

import time
import tracemalloc

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.core.gradients import gradient_norms
from simulator.core.simulation import Simulation
from simulator.core.trace import MEMORY_LIMIT_ENV

MiB = 1 << 20
CELLS = [("rnn", {"nonlinearity": "tanh"}), ("rnn", {"nonlinearity": "relu"}), ("lstm", {}), ("gru", {}),
         ("gru", {"reset_after": False})]
SCALES = (1e6, -1e6, 1e-300, -1e-300)


def _cell(kind: str, options: dict, D: int, H: int, dtype: str, scale: float, seed: int = 0):
    cell = simulator.make_cell(kind, D, H, seed=seed, dtype=dtype, **options)
    rng = np.random.default_rng(seed)
    for arr in cell.parameters().values():
        arr[...] = rng.choice([-1.0, 1.0], size=arr.shape) * scale  # ±scale; 1e-300 is 0 in float32
    return cell


def _assert_finite(cell, trace) -> None:
    for name, arr in trace.arrays().items():
        assert np.isfinite(arr).all(), f"{cell.kind} {name} holds NaN or inf"


@pytest.mark.parametrize(("kind", "options"), CELLS, ids=[f"{k}{o}" for k, o in CELLS])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("scale", SCALES)
def test_extreme_weights_and_inputs(kind: str, options: dict, dtype: str, scale: float):
    for x_scale in SCALES:
        cell = _cell(kind, options, 3, 4, dtype, scale)
        x = np.random.default_rng(1).choice([-1.0, 1.0], size=(40, 3)) * x_scale
        trace = simulator.run(cell, x)
        grads = gradient_norms(cell, trace)
        assert all(not np.isnan(g).any() for g in grads.values()) or kind == "rnn"
        if options.get("nonlinearity") == "relu" and scale > 1:
            continue  # a relu RNN with ±1e6 weights truly exceeds every float range: inf, no warning
        _assert_finite(cell, trace)
        for g in grads.values():
            assert np.isfinite(g).all(), f"{kind} gradient norms not finite at {scale}, {x_scale}"


@pytest.mark.parametrize(("kind", "options"), CELLS[::2] + CELLS[3:4], ids=["rnn", "lstm", "gru-after",
                                                                             "gru"])
@pytest.mark.parametrize("H", [1, 1024])
def test_one_unit_and_1024_units(kind: str, options: dict, H: int):
    for T in (1, 5):
        for dtype in ("float32", "float64"):
            cell = _cell(kind, options, 2, H, dtype, 1e6 if T == 5 else 1e-300, seed=H)
            trace = simulator.run(cell, np.full((T, 2), -1e6))
            assert trace.h.shape == (T, H)
            _assert_finite(cell, trace)
            state, gates = cell.step(np.ones(2))
            assert all(np.isfinite(v).all() for v in (*state.values(), *gates.values()))


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_200k_steps_time_and_memory(kind: str):
    """200,000 steps at H = 4: seconds, and memory = the trace plus at most 1 MiB."""
    cell = simulator.make_cell(kind, 2, 4, seed=3)
    x = np.random.default_rng(0).normal(size=(200_000, 2)) * 1e6
    tracemalloc.start()
    try:
        start = time.perf_counter()
        trace = simulator.run(cell, x)
        elapsed = time.perf_counter() - start
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    _assert_finite(cell, trace)
    assert elapsed < 15, f"{elapsed:.1f} s"
    assert retained <= trace.nbytes + MiB, (retained, trace.nbytes)
    assert peak <= 1.1 * trace.nbytes + MiB, (peak, trace.nbytes)


def test_nan_and_inf_are_refused_with_their_place():
    cell = simulator.make_cell("lstm", 3, 4)
    x = np.zeros((10, 3))
    x[7, 2] = np.inf
    with pytest.raises(InputError, match=r"inf at \(step, dim\) \(7, 2\)"):
        simulator.run(cell, x)
    sim = Simulation(cell, np.zeros((10, 3)))
    with pytest.raises(InputError, match=r"nan at \(step, dim\) \(1, 0\)"):
        sim.set_inputs(4, [[0, 0, 0], [np.nan, 0, 0]])
    weights = cell.parameters()
    bad = weights["weight_hh"].copy()
    bad[5, 1] = -np.inf
    with pytest.raises(InputError, match=r"weight_hh: non-finite value -inf at index \(5, 1\)"):
        simulator.LSTMCell(weights["weight_ih"], bad)
    with pytest.raises(InputError, match=r"h0: non-finite value nan at index \(2,\)"):
        simulator.run(cell, x[:3], {"h": [0, 0, np.nan, 0]})
    with pytest.raises(InputError, match="forget_bias must be finite"):
        simulator.make_cell("lstm", 1, 1, forget_bias=float("nan"))
    with pytest.raises(InputError, match=r"inf at \(step, dim\) \(0, 0\)"):  # beyond float32's range
        simulator.run(simulator.make_cell("gru", 1, 2, dtype="float32"), [[1e300]])


def test_nan_in_files_is_refused_with_its_place(tmp_path):
    from simulator.io.formats import load_weights, save_weights
    from simulator.io.inputs import load_inputs

    (tmp_path / "x.csv").write_text("a,b\n1,2\n3,nan\n")
    with pytest.raises(InputError, match="step 1, dim 1"):
        load_inputs(tmp_path / "x.csv")
    (tmp_path / "x.json").write_text("[[1, 2], [1e999, 0]]")
    with pytest.raises(InputError, match="step 1, dim 0"):
        load_inputs(tmp_path / "x.json")
    cell = simulator.make_cell("gru", 2, 3)
    cell.bias_hh[4] = np.inf  # written past validation, as a damaged file would hold it
    save_weights(cell, tmp_path / "w.safetensors")
    with pytest.raises(InputError, match=r"bias_hh: non-finite value inf at index \(4,\)"):
        load_weights(tmp_path / "w.safetensors")


def test_a_run_larger_than_memory_is_refused(monkeypatch):
    """The trace is sized before it is allocated; the message gives both sizes and a way out."""
    cell = simulator.make_cell("lstm", 4, 64)
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "100M")
    with pytest.raises(InputError, match=r"a trace of 1,000,000 steps \(LSTM, D=4, H=64\) needs 2\.9 GiB "
                                         r"but only 100\.0 MiB is available; use fewer steps"):
        simulator.run(cell, np.broadcast_to(np.zeros(4), (1_000_000, 4)))
    sim = Simulation(cell, np.zeros((1000, 4)))
    with pytest.raises(InputError, match=r"needs .* but only 100\.0 MiB is available"):
        sim.append(np.broadcast_to(np.zeros(4), (100_000, 4)))
    assert sim.length == 1000  # the refused edit changed nothing
    simulator.run(cell, np.zeros((1000, 4)))  # small runs are unaffected
    monkeypatch.delenv(MEMORY_LIMIT_ENV)
    with pytest.raises(InputError, match="but only"):  # the real machine: 10^12 steps fit nowhere
        simulator.run(cell, np.broadcast_to(np.zeros(4), (10**12, 4)))
