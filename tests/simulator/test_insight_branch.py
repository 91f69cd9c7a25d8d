"""Branch (what if): forced gates, edited inputs and weights, divergence, JSON round trip."""

import json

import numpy as np
import pytest

import simulator
from simulator.core.cells import LSTMCell
from simulator.core.errors import InputError
from simulator.insight import (
    Branch,
    GateForce,
    branch_from_dict,
    branch_to_dict,
    branches_from_settings,
    divergence,
    parse_force_spec,
    run_branch,
)
from simulator.insight.forced import run_forced

X = np.random.default_rng(0).normal(size=(150, 3))


def _cells():
    lstm = simulator.make_cell("lstm", 3, 5, seed=1)
    peep = LSTMCell(lstm.weight_ih, lstm.weight_hh, lstm.bias_ih, lstm.bias_hh,
                    weight_peephole=np.random.default_rng(3).normal(size=(3, 5)))
    return {"lstm": lstm, "lstm-peephole": peep, "gru": simulator.make_cell("gru", 3, 5, seed=1),
            "gru-before": simulator.make_cell("gru", 3, 5, seed=1, reset_after=False),
            "lstm-f32": simulator.make_cell("lstm", 3, 5, seed=1, dtype="float32")}


def _same(a, b):
    return all(np.array_equal(u, v) for u, v in zip(a.arrays().values(), b.arrays().values(), strict=True))


@pytest.mark.parametrize("name", list(_cells()))
def test_forced_loop_without_forces_is_bit_identical(name):
    cell = _cells()[name]
    state = {"h": np.full(5, 0.3)}
    trace, again = simulator.run(cell, X, state), simulator.run(cell, X, state)
    run_forced(cell, again, 70, [])
    assert _same(trace, again)


@pytest.mark.parametrize("name", list(_cells()))
def test_force_on_the_last_step_leaves_the_rest(name):
    cell = _cells()[name]
    original = simulator.run(cell, X)
    gate = cell.gate_names[1]
    branch = Branch(start=20, forced=[GateForce(gate, 1.0, (0, 3), start=149)])
    out = run_branch(cell, X, None, branch)
    assert _same_rows(original, out, 149)
    first, per_step = divergence(original, out)
    assert per_step.shape == (150,) and first in (149, None)
    assert np.all(out.gates[gate][149, [0, 3]] == 1.0)


def _same_rows(a, b, stop):
    return np.array_equal(a.h[:stop], b.h[:stop]) and np.array_equal(a.x, b.x)


def test_lstm_forget_one_input_zero_freezes_the_cell():
    cell = simulator.make_cell("lstm", 3, 5, seed=2)
    original = simulator.run(cell, X)
    out = run_branch(cell, X, None, Branch("hold", 40, {"f": (None, 1.0), "i": ([1, 2], 0.0)}))
    assert np.array_equal(out.h[:40], original.h[:40])
    for unit in (1, 2):  # f = 1 and i = 0: c' = 1 · c + 0 · g = c exactly
        assert np.all(out.c[40:, unit] == original.c[39, unit])
    assert np.all(out.gates["f"][40:] == 1.0) and np.all(out.gates["i"][40:, [1, 2]] == 0.0)
    assert divergence(original, out)[0] == 40


def test_gru_update_one_holds_h_and_reset_zero_drops_it():
    cell = simulator.make_cell("gru", 3, 4, seed=3)
    original = simulator.run(cell, X)
    held = run_branch(cell, X, None, Branch(start=10, forced=[GateForce("z", 1.0, (2,))]))
    # h' = n + z ⊙ (h − n), PyTorch's arrangement: with z = 1 it keeps h up to rounding
    np.testing.assert_allclose(held.h[10:, 2], original.h[9, 2], rtol=0, atol=1e-14)
    reset = run_branch(cell, X, None, Branch(start=10, forced=[GateForce("r", 0.0, stop=11)]))
    H = 4
    n = np.tanh(cell.weight_ih[2 * H:] @ X[10] + cell.bias_ih[2 * H:])  # r = 0: the candidate sees x only
    assert reset.gates["n"][10] == pytest.approx(n, abs=1e-15)
    assert not np.allclose(reset.h[11:], original.h[11:])


def test_forced_run_matches_a_hand_written_step():
    cell = simulator.make_cell("lstm", 3, 2, seed=5)
    out = run_branch(cell, X[:6], None, Branch(start=3, forced=[GateForce("o", 0.25, (1,))]))
    sig = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731
    h, c = out.h[2].copy(), out.c[2].copy()
    for t in range(3, 6):
        a = cell.weight_ih @ X[t] + cell.bias_ih + cell.weight_hh @ h + cell.bias_hh
        i, f, g, o = sig(a[:2]), sig(a[2:4]), np.tanh(a[4:6]), sig(a[6:])
        o[1] = 0.25
        c = f * c + i * g
        h = o * np.tanh(c)
        np.testing.assert_allclose(out.h[t], h, rtol=1e-13)


def test_input_and_weight_edits_use_the_kernels_exactly():
    cell = simulator.make_cell("gru", 3, 4, seed=1)
    row, w = np.array([1.0, -2.0, 0.5]), cell.weight_hh * 1.5
    out = run_branch(cell, X, None, Branch(start=30, inputs={31: row}, weights={"weight_hh": w}))
    expect = simulator.run(cell, X[:30])
    assert np.array_equal(out.h[:30], expect.h)
    edited = type(cell)(cell.weight_ih, w, cell.bias_ih, cell.bias_hh)
    x2 = X.copy()
    x2[31] = row
    tail = simulator.run(edited, x2[30:], {"h": out.h[29]})
    np.testing.assert_allclose(out.h[30:], tail.h, rtol=1e-14, atol=1e-15)
    assert np.array_equal(out.x[31], row) and divergence(simulator.run(cell, X), out)[0] == 30
    same = run_branch(cell, X, None, Branch(start=30), original=simulator.run(cell, X))
    assert _same(same, simulator.run(cell, X))


@pytest.mark.parametrize(("branch", "match"), [
    (Branch(forced=[GateForce("r", 1.0)]), "gates i, f, g, o"),
    (Branch(forced=[GateForce("f", 1.5)]), "outside"),
    (Branch(forced=[GateForce("g", -2.0)]), "outside"),
    (Branch(forced=[GateForce("f", 1.0, (5,))]), "units"),
    (Branch(forced=[GateForce("f", 1.0, (1, 1))]), "units"),
    (Branch(start=10, forced=[GateForce("f", 1.0, start=5)]), "steps"),
    (Branch(start=200), "start"),
    (Branch(start=10, inputs={3: [0, 0, 0]}), "input edit"),
    (Branch(inputs={3: [0, 0]}), "inputs"),
    (Branch(weights={"weight_xx": np.zeros(2)}), "unknown parameters"),
    (Branch(weights={"weight_hh": np.zeros((2, 2))}), "shape"),
])
def test_bad_branches_are_refused(branch, match):
    with pytest.raises(InputError, match=match):
        run_branch(simulator.make_cell("lstm", 3, 5), X, None, branch)


def test_rnn_has_no_gates_but_takes_edits():
    cell = simulator.make_cell("rnn", 3, 4)
    with pytest.raises(InputError, match="no gates"):
        run_branch(cell, X, None, Branch(forced=[GateForce("f", 1.0)]))
    out = run_branch(cell, X, None, Branch(start=5, weights={"bias_ih": np.ones(4)}))
    assert divergence(simulator.run(cell, X), out)[0] == 5


def test_divergence_atol_and_lengths():
    cell = simulator.make_cell("gru", 3, 4)
    a = simulator.run(cell, X)
    b = a.copy()
    b._h[7, 1] += 1e-9
    assert divergence(a, b)[0] == 7 and divergence(a, b, atol=1e-6)[0] is None
    with pytest.raises(InputError):
        divergence(a, simulator.run(cell, X[:5]))


def test_json_round_trip_and_session_settings():
    branch = Branch("what if", 12, [GateForce("f", 1.0, (0, 2), 12, 40), GateForce("i", 0.0)],
                    inputs={13: [0.1, 0.2, 0.3]}, weights={"bias_ih": np.arange(20) / 7})
    data = json.loads(json.dumps(branch_to_dict(branch)))
    back = branch_from_dict(data)
    assert branch_to_dict(back) == branch_to_dict(branch)
    cell = simulator.make_cell("lstm", 3, 5)
    assert np.array_equal(run_branch(cell, X, None, back).h, run_branch(cell, X, None, branch).h)
    assert branch_to_dict(branches_from_settings({"branches": [data]})[0]) == data
    assert branches_from_settings({}) == []


@pytest.mark.parametrize("data", [
    [], {"name": "x"}, {"start": -1}, {"start": 1.5}, {"start": 0, "extra": 1},
    {"start": 0, "forced": [{"gate": "f"}]}, {"start": 0, "forced": [{"gate": "ff", "value": 1}]},
    {"start": 0, "forced": [{"gate": "f", "value": float("nan")}]},
    {"start": 0, "forced": [{"gate": "f", "value": 1, "units": []}]},
    {"start": 0, "inputs": {"a": [1]}}, {"start": 0, "inputs": {"1": ["x"]}},
    {"start": 0, "weights": {"bias_ih": [[1], [1, 2]]}}, {"start": 0, "name": 3},
])
def test_bad_branch_dicts(data):
    with pytest.raises(InputError):
        branch_from_dict(data)


def test_force_specs():
    assert parse_force_spec("f=1@10") == GateForce("f", 1.0, None, 10)
    assert parse_force_spec("i:0,2=0@5") == GateForce("i", 0.0, (0, 2), 5)
    for bad in ("f=1", "f@3", "f:a=1@2", "f=x@2", "f=inf@2", "ff=1@2"):
        with pytest.raises(InputError, match="--force-gate"):
            parse_force_spec(bad)
