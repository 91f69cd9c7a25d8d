"""The dashboard with hand-set values: timescales from a forget bias, saturation, spectra, Jacobians."""

import numpy as np
import pytest

import simulator
from simulator.core.cells import GRUCell, LSTMCell, RNNCell
from simulator.core.gradients import one_step_jacobian_norms
from simulator.core.trace import Trace
from simulator.insight import EXPLANATIONS, jacobian_norms, recurrent_spectrum, saturation, timescales


@pytest.mark.parametrize("bias", [-1.0, 0.0, 1.0, 3.0, 9.0])
def test_lstm_timescale_from_a_hand_set_forget_bias(bias):
    H, D = 3, 2
    b = np.zeros(4 * H)
    b[H:2 * H] = bias  # every weight 0: f = σ(b) exactly at every step, whatever the input
    cell = LSTMCell(np.zeros((4 * H, D)), np.zeros((4 * H, H)), b)
    trace = simulator.run(cell, np.random.default_rng(0).normal(size=(50, D)))
    f = 1 / (1 + np.exp(-bias))
    np.testing.assert_allclose(trace.gates["f"], f, rtol=1e-15)
    np.testing.assert_allclose(timescales(cell, trace), -1 / np.log(f), rtol=1e-12)


def test_known_timescales():
    for f, tau in ((0.5, 1.4427), (0.9, 9.4912), (0.99, 99.4992)):
        b = np.log(f / (1 - f))
        cell = LSTMCell(np.zeros((4, 1)), np.zeros((4, 1)), [0, b, 0, 0])
        assert timescales(cell, simulator.run(cell, np.zeros((5, 1))))[0] == pytest.approx(tau, abs=1e-4)


def test_gru_uses_z_rnn_has_none():
    H = 2
    b = np.zeros(3 * H)
    b[H:2 * H] = [2.0, -2.0]
    cell = GRUCell(np.zeros((3 * H, 1)), np.zeros((3 * H, H)), b)
    trace = simulator.run(cell, np.ones((10, 1)))
    z = 1 / (1 + np.exp(-np.array([2.0, -2.0])))
    np.testing.assert_allclose(timescales(cell, trace), -1 / np.log(z), rtol=1e-12)
    rnn = simulator.make_cell("rnn", 1, 2)
    assert timescales(rnn, simulator.run(rnn, np.ones((3, 1)))) is None
    assert timescales(cell, simulator.run(cell, np.zeros((0, 1)))) is None


def test_timescale_limits():
    cell = LSTMCell(np.zeros((8, 1)), np.zeros((8, 2)), [0, 0, 800, -800, 0, 0, 0, 0])
    tau = timescales(cell, simulator.run(cell, np.zeros((4, 1))))
    assert tau[0] == np.inf and tau[1] == 0.0


def _hand_trace():
    """An LSTM trace of 2 steps × 4 units with chosen gate values."""
    t = Trace("lstm", 1, 4, ("i", "f", "o", "g"), ("i", "f", "g", "o"), True, np.float64, 2)
    t.length = 2
    t._x[:] = 0
    t._h[:] = [[0.95, -0.95, 0.5, 0.0], [0.1, 0.2, 0.3, 0.91]]
    t._c[:] = 0
    g = t.gates
    g["i"][:] = [[0.05, 0.5, 0.95, 0.5], [0.5, 0.5, 0.5, 0.5]]   # 2 of 4, then 0
    g["f"][:] = [[0.99, 0.999, 0.95, 0.01], [0.1, 0.9, 0.09, 0.91]]  # 4 of 4, then 2 (0.1, 0.9 excluded)
    g["o"][:] = 0.5
    g["g"][:] = [[-0.99, 0.0, 0.92, 0.5], [0.9, -0.9, 0.89, 0.0]]  # 2 of 4, then 0 (|x| > 0.9 strictly)
    return t


def test_saturation_on_a_hand_built_trace():
    sat = saturation(_hand_trace())
    assert set(sat) == {"i", "f", "g", "o", "h"}
    assert sat["i"].tolist() == [0.5, 0.0]
    assert sat["f"].tolist() == [1.0, 0.5]
    assert sat["g"].tolist() == [0.5, 0.0]
    assert sat["o"].tolist() == [0.0, 0.0]
    assert sat["h"].tolist() == [0.5, 0.25]
    assert saturation(_hand_trace(), low=0.2, high=0.8)["i"].tolist() == [0.5, 0.0]


def test_saturation_leaves_out_relu_h():
    cell = simulator.make_cell("rnn", 1, 3, nonlinearity="relu")
    trace = simulator.run(cell, np.ones((4, 1)))
    assert saturation(trace, cell=cell) == {}
    assert set(saturation(trace)) == {"h"}


def test_spectral_radius_of_known_matrices():
    rotation = 0.9 * np.array([[0.0, -1.0], [1.0, 0.0]])  # eigenvalues ±0.9i, singular values 0.9, 0.9
    spec = recurrent_spectrum(RNNCell(np.zeros((2, 1)), rotation))
    assert spec["h"][0] == pytest.approx(0.9, rel=1e-15)
    np.testing.assert_allclose(spec["h"][1], [0.9, 0.9], rtol=1e-15)
    shear = np.array([[0.5, 3.0], [0.0, 0.5]])  # radius 0.5, but it stretches by more than 3
    radius, sv = recurrent_spectrum(RNNCell(np.zeros((2, 1)), shear))["h"]
    assert radius == pytest.approx(0.5) and sv[0] > 3 and sv[0] * sv[1] == pytest.approx(0.25)


def test_spectrum_per_gate_block():
    w = np.zeros((8, 2))
    w[2:4] = np.diag([2.0, -3.0])  # the forget block
    spec = recurrent_spectrum(LSTMCell(np.zeros((8, 1)), w))
    assert list(spec) == ["i", "f", "g", "o"]
    assert spec["f"][0] == 3.0 and spec["i"][0] == 0.0
    np.testing.assert_allclose(spec["f"][1], [3.0, 2.0], rtol=1e-15)


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_jacobian_norms(kind):
    cell = simulator.make_cell(kind, 2, 4, seed=1)
    trace = simulator.run(cell, np.random.default_rng(0).normal(size=(20, 2)))
    assert np.array_equal(jacobian_norms(cell, trace), one_step_jacobian_norms(cell, trace))
    spectral = jacobian_norms(cell, trace, ord="spectral")
    for t in (0, 7, 19):
        block = cell.jacobian(trace, t)[:4, :4]
        assert spectral[t] == pytest.approx(np.linalg.svd(block, compute_uv=False)[0], rel=1e-12)
    assert np.all(spectral <= jacobian_norms(cell, trace) * (1 + 1e-12))
    part = jacobian_norms(cell, trace, ord="spectral", start=5, stop=8)
    assert np.isnan(part[:5]).all() and np.isnan(part[8:]).all() and np.array_equal(part[5:8], spectral[5:8])


def test_rnn_jacobian_by_hand():
    w = np.array([[0.5, 0.0], [0.0, 2.0]])
    cell = RNNCell(np.zeros((2, 1)), w)
    trace = simulator.run(cell, np.zeros((3, 1)))  # h stays 0: tanh' = 1, J = W_hh
    assert jacobian_norms(cell, trace, ord="spectral").tolist() == [2.0, 2.0, 2.0]
    np.testing.assert_allclose(jacobian_norms(cell, trace), np.sqrt(4.25), rtol=1e-15)


def test_explanations_cover_every_view():
    assert set(EXPLANATIONS) == {"saturation", "timescales", "spectrum", "jacobian"}
    assert all(len(text) > 200 and "\n" not in text for text in EXPLANATIONS.values())
