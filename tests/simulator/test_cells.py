"""The three cells against numbers worked out by hand, against plain reference formulas,
and under extreme weights and inputs. (PyTorch comparisons: test_cells_torch.py.)"""

import math

import numpy as np
import pytest

from simulator import GRUCell, InputError, LSTMCell, RNNCell, make_cell, run


def sig(a):
    return 1.0 / (1.0 + np.exp(-a))


# -- hand-computed values ----------------------------------------------------------------

def test_rnn_one_unit_by_hand():
    # h1 = tanh(2·1 + 0.1 − 0.1 + 0.5·0) = tanh(2) = 0.9640275800758169
    # h2 = tanh(2·0 + 0.5·h1) = tanh(0.48201379003790845) = 0.4478549373280928
    cell = RNNCell([[2.0]], [[0.5]], [0.1], [-0.1])
    trace = run(cell, [[1.0], [0.0]])
    np.testing.assert_allclose(trace.h[:, 0], [0.9640275800758169, 0.4478549373280928], rtol=0, atol=1e-15)


def test_rnn_relu_two_units_by_hand():
    # W_hh swaps the units and negates one: h' = relu(x·[1, 1] + [h2, −h1]).
    cell = RNNCell([[1.0], [1.0]], [[0.0, 1.0], [-1.0, 0.0]], nonlinearity="relu")
    trace = run(cell, [[1.0], [0.0], [0.0]], {"h": [0.0, 0.0]})
    # step 0: [1, 1]; step 1: [1, −1] → [1, 0]; step 2: [0, −1] → [0, 0]
    np.testing.assert_array_equal(trace.h, [[1.0, 1.0], [1.0, 0.0], [0.0, 0.0]])


def test_lstm_one_unit_by_hand():
    # All weights 0, biases 0 except the g row gets x through weight 1 and the o row has bias ln 3.
    # With x = ln(3)/2: i = f = σ(0) = 0.5, g = tanh(ln(3)/2) = (3 − 1)/(3 + 1) = 0.5,
    # o = σ(ln 3) = 1/(1 + 1/3) = 0.75. From c0 = 1: c1 = 0.5·1 + 0.5·0.5 = 0.75,
    # h1 = 0.75·tanh(0.75) = 0.4763617142904655.
    w_ih = np.zeros((4, 1))
    w_ih[2, 0] = 1.0  # PyTorch block order i, f, g, o
    b_ih = np.array([0.0, 0.0, 0.0, math.log(3.0)])
    cell = LSTMCell(w_ih, np.zeros((4, 1)), b_ih)
    state, gates = cell.step([math.log(3.0) / 2], {"h": [0.0], "c": [1.0]})
    np.testing.assert_allclose([gates[k][0] for k in "ifgo"], [0.5, 0.5, 0.5, 0.75], atol=1e-15)
    np.testing.assert_allclose(state["c"], [0.75], atol=1e-15)
    np.testing.assert_allclose(state["h"], [0.4763617142904655], atol=1e-15)


def test_lstm_all_zero_halves_the_cell():
    # i = f = o = 0.5, g = 0: c halves each step; h = 0.5·tanh(c). From c0 = 1:
    # c = 0.5, 0.25; h = 0.5·tanh(0.5) = 0.23105857863000487, 0.5·tanh(0.25) = 0.12245933120185457
    cell = LSTMCell(np.zeros((8, 3)), np.zeros((8, 2)))
    trace = run(cell, np.ones((2, 3)), {"c": [1.0, 1.0]})
    np.testing.assert_array_equal(trace.c, [[0.5, 0.5], [0.25, 0.25]])
    np.testing.assert_allclose(trace.h[:, 0], [0.23105857863000487, 0.12245933120185457], atol=1e-16)


@pytest.mark.parametrize(("reset_after", "expected"), [
    # r = z = 0.5. After: n = tanh(0 + r·(0·h + 2)) = tanh(1); before: n = tanh(0·(r·h) + 2) = tanh(2).
    # h1 = (1 − z)·n + z·h0 = 0.5·n + 0.5
    (True, 0.8807970779778824),   # 0.5·tanh(1) + 0.5
    (False, 0.9820137900379085),  # 0.5·tanh(2) + 0.5
])
def test_gru_one_unit_by_hand(reset_after, expected):
    cell = GRUCell(np.zeros((3, 1)), np.zeros((3, 1)), None, [0.0, 0.0, 2.0], reset_after=reset_after)
    state, gates = cell.step([5.0], {"h": [1.0]})
    assert gates["r"][0] == gates["z"][0] == 0.5
    np.testing.assert_allclose(state["h"], [expected], atol=1e-15)


# -- plain reference formulas ----------------------------------------------------------------

def _random(kind, D=3, H=4, scale=0.8, seed=0, **options):
    rng = np.random.default_rng(seed)
    G = {"rnn": 1, "lstm": 4, "gru": 3}[kind]
    params = {"weight_ih": rng.uniform(-scale, scale, (G * H, D)),
              "weight_hh": rng.uniform(-scale, scale, (G * H, H)),
              "bias_ih": rng.uniform(-scale, scale, G * H), "bias_hh": rng.uniform(-scale, scale, G * H)}
    cls = {"rnn": RNNCell, "lstm": LSTMCell, "gru": GRUCell}[kind]
    return cls(**params, **options), rng.normal(size=(60, D)), rng.uniform(-1, 1, H)


def test_gru_reset_before_matches_reference():
    cell, x, h = _random("gru", reset_after=False)
    H, (W_r, W_z, W_n) = 4, np.split(cell.weight_hh, 3)
    (U_r, U_z, U_n), (a_r, a_z, a_n), (b_r, b_z, b_n) = (
        np.split(cell.weight_ih, 3), np.split(cell.bias_ih, 3), np.split(cell.bias_hh, 3))
    trace = run(cell, x, {"h": h})
    expected = []
    for xt in x:  # Cho et al. v3: the reset gate applies to h before W_hn
        r = sig(U_r @ xt + a_r + W_r @ h + b_r)
        z = sig(U_z @ xt + a_z + W_z @ h + b_z)
        n = np.tanh(U_n @ xt + a_n + W_n @ (r * h) + b_n)
        h = (1 - z) * n + z * h
        expected.append(h)
    assert cell.hidden_size == H
    np.testing.assert_allclose(trace.h, expected, rtol=0, atol=1e-13)
    # and it really differs from the reset-after convention with the same weights
    other = GRUCell(**cell.parameters(), reset_after=True)
    assert np.abs(run(other, x, {"h": trace.h0}).h - trace.h).max() > 1e-3


def test_lstm_peephole_matches_reference():
    cell, x, h = _random("lstm")
    peep = np.random.default_rng(5).uniform(-1, 1, (3, 4))
    cell = LSTMCell(**cell.parameters(), weight_peephole=peep)
    c = np.linspace(-1, 1, 4)
    W = np.split(cell.weight_ih, 4)
    R = np.split(cell.weight_hh, 4)
    B = np.split(cell.bias_ih + cell.bias_hh, 4)
    trace = run(cell, x, {"h": h, "c": c})
    hs, cs, os = [], [], []
    for xt in x:  # Gers & Schmidhuber: i, f see the old cell, o sees the new one
        a = [W[k] @ xt + R[k] @ h + B[k] for k in range(4)]
        i = sig(a[0] + peep[0] * c)
        f = sig(a[1] + peep[1] * c)
        g = np.tanh(a[2])
        c = f * c + i * g
        o = sig(a[3] + peep[2] * c)
        h = o * np.tanh(c)
        hs.append(h), cs.append(c), os.append(o)
    np.testing.assert_allclose(trace.h, hs, rtol=0, atol=1e-13)
    np.testing.assert_allclose(trace.c, cs, rtol=0, atol=1e-13)
    np.testing.assert_allclose(trace.gates["o"], os, rtol=0, atol=1e-13)


@pytest.mark.parametrize(("kind", "options"), [("rnn", {}), ("rnn", {"nonlinearity": "relu"}), ("lstm", {}),
                                               ("gru", {}), ("gru", {"reset_after": False})])
def test_step_equals_run_rows(kind, options):
    cell, x, h = _random(kind, **options)
    trace = run(cell, x[:20], {"h": h})
    state = {"h": h}
    if cell.has_cell:
        state["c"] = np.zeros(4)
    for t, xt in enumerate(x[:20]):  # step is the plain equations; the kernel fuses and halves
        state, gates = cell.step(xt, state)
        np.testing.assert_allclose(state["h"], trace.h[t], rtol=0, atol=1e-13)
        for name, values in gates.items():
            np.testing.assert_allclose(values, trace.gates[name][t], rtol=0, atol=1e-13)
    assert set(gates) == set(cell.gate_names)


# -- stability -----------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(("kind", "options"), [("rnn", {}), ("lstm", {}), ("gru", {}),
                                               ("gru", {"reset_after": False})])
def test_huge_weights_and_inputs_stay_finite_without_warnings(kind, options, dtype):
    rng = np.random.default_rng(3)
    cell = make_cell(kind, 4, 6, seed=1, dtype=dtype, **options)
    big = {k: 1e6 * np.sign(rng.standard_normal(v.shape)) for k, v in cell.parameters().items()}
    cell = type(cell)(**big, dtype=dtype, **options)
    x = 1e6 * np.sign(rng.standard_normal((300, 4)))
    trace = run(cell, x)  # pytest turns any RuntimeWarning into an error
    for arr in trace.arrays().values():
        assert np.isfinite(arr).all()
    for name in ("i", "f", "o", "r", "z"):
        if name in trace.gates:
            assert trace.gates[name].min() >= 0.0 and trace.gates[name].max() <= 1.0
    assert np.abs(trace.h).max() <= 1.0


def test_huge_lstm_with_peepholes_and_relu_rnn_stay_finite():
    lstm = make_cell("lstm", 2, 3)
    lstm = LSTMCell(**{k: 1e6 * np.sign(v) for k, v in lstm.parameters().items()},
                    weight_peephole=np.full((3, 3), -1e6))
    assert np.isfinite(run(lstm, np.full((200, 2), -1e6)).h).all()
    relu = make_cell("rnn", 2, 3, nonlinearity="relu")
    relu = RNNCell(**{k: 1e6 * np.abs(v) for k, v in relu.parameters().items()}, nonlinearity="relu")
    h = run(relu, np.full((20, 2), 1e6)).h  # grows ~1e7 per step: 1e146 after 20, still finite
    assert np.isfinite(h).all() and h[-1].min() > 1e100


def test_sigmoid_gates_exact_at_the_ends():
    # pre-activation −1e6 gives exactly 0, +1e6 exactly 1 (no NaN from exp overflow)
    cell = LSTMCell(np.zeros((4, 1)), np.zeros((4, 1)), [-1e6, 1e6, 0.0, 1e6])
    _, gates = cell.step([0.0])
    assert (gates["i"][0], gates["f"][0], gates["o"][0]) == (0.0, 1.0, 1.0)


# -- validation -------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "kwargs"), [
    ((np.zeros((4, 2)), np.zeros((4, 3))), {}),            # LSTM needs 4H rows with H = 3
    ((np.zeros((12, 2)), np.zeros((12, 3)), np.zeros(11)), {}),
    ((np.zeros((12, 0)), np.zeros((12, 3))), {}),          # D = 0
    ((np.zeros((0, 2)), np.zeros((0, 0))), {}),            # H = 0
    ((np.zeros(12), np.zeros((12, 3))), {}),
    ((np.zeros((12, 2)), np.full((12, 3), np.nan)), {}),
    ((np.zeros((12, 2)), np.zeros((12, 3))), {"dtype": "int64"}),
    ((np.zeros((12, 2), complex), np.zeros((12, 3))), {}),
    ((np.zeros((12, 2)), np.zeros((12, 3))), {"weight_peephole": np.zeros((2, 3))}),
])
def test_lstm_refuses_bad_parameters(args, kwargs):
    with pytest.raises(InputError):
        LSTMCell(*args, **kwargs)


def test_bad_options_and_nan_position():
    with pytest.raises(InputError, match="nonlinearity"):
        RNNCell(np.zeros((2, 1)), np.zeros((2, 2)), nonlinearity="sigmoid")
    w = np.zeros((6, 2))
    w[4, 1] = np.inf
    with pytest.raises(InputError, match=r"weight_hh.*\(4, 1\)"):
        GRUCell(np.zeros((6, 1)), w)


def test_cells_do_not_import_the_simulation():
    """``step`` is the equations themselves: no module of the cells imports the simulation (no cycle)."""
    import ast
    from pathlib import Path

    import simulator.core.cells as cells

    for path in Path(cells.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            assert not any(n.startswith("simulator.core.simulation") for n in names), path.name
