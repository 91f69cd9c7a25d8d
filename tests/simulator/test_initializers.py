"""Initialisers and make_cell: shapes, seeds, bounds, orthogonality, forget bias, refusals."""

import numpy as np
import pytest

from simulator import InputError, make_cell
from simulator.core.factory import MAX_UNITS
from simulator.core.initializers import INITIALIZERS, initial_parameters, orthogonal


@pytest.mark.parametrize("init", INITIALIZERS)
@pytest.mark.parametrize("blocks", [1, 3, 4])
def test_shapes_and_seeds(init, blocks):
    p = initial_parameters(blocks, 5, 7, init, seed=3)
    assert p["weight_ih"].shape == (7 * blocks, 5) and p["weight_hh"].shape == (7 * blocks, 7)
    assert p["bias_ih"].shape == p["bias_hh"].shape == (7 * blocks,)
    again = initial_parameters(blocks, 5, 7, init, seed=3)
    other = initial_parameters(blocks, 5, 7, init, seed=4)
    for k in p:
        np.testing.assert_array_equal(p[k], again[k])  # the same seed, the same numbers
        assert p[k].dtype == np.float64 and p[k].flags.c_contiguous
    if init != "zeros":
        assert not np.array_equal(p["weight_hh"], other["weight_hh"])
    else:
        assert not any(v.any() for v in p.values())


def test_pytorch_bounds():
    H = 16
    p = initial_parameters(4, 3, H, "pytorch", seed=0)
    k = 1 / np.sqrt(H)
    for v in p.values():
        assert np.abs(v).max() <= k and np.abs(v).max() > 0.9 * k  # U(−1/√H, 1/√H), filling it
    assert abs(np.mean(p["weight_hh"])) < 0.05


def test_glorot_bounds_and_zero_bias():
    p = initial_parameters(3, 10, 20, "glorot", seed=1)
    assert np.abs(p["weight_ih"]).max() <= np.sqrt(6 / (10 + 60))
    assert np.abs(p["weight_hh"]).max() <= np.sqrt(6 / (20 + 60))
    assert not p["bias_ih"].any() and not p["bias_hh"].any()


def test_orthogonal_blocks_and_keras_kernel():
    H = 9
    p = initial_parameters(4, 3, H, "orthogonal", seed=2)
    for block in np.split(p["weight_hh"], 4):
        np.testing.assert_allclose(block.T @ block, np.eye(H), atol=1e-12)  # QᵀQ = I per gate
    w = initial_parameters(3, 3, H, "keras", seed=2)["weight_hh"]  # (3H, H): orthonormal columns
    np.testing.assert_allclose(w.T @ w, np.eye(H), atol=1e-12)
    q = orthogonal(np.random.default_rng(0), 4, 6)
    np.testing.assert_allclose(q @ q.T, np.eye(4), atol=1e-12)


def test_forget_bias():
    cell = make_cell("lstm", 2, 3, forget_bias=1.5)
    np.testing.assert_array_equal(cell.block("bias_ih", "f"), 1.5)
    np.testing.assert_array_equal(cell.block("bias_hh", "f"), 0.0)
    assert cell.block("bias_ih", "i").any()  # the other gates keep their random biases
    keras = make_cell("lstm", 2, 3, init="keras")
    np.testing.assert_array_equal(keras.block("bias_ih", "f"), 1.0)  # Keras' unit_forget_bias
    assert not keras.block("bias_ih", "g").any()
    assert not make_cell("lstm", 2, 3, init="keras", forget_bias=0.0).bias_ih.any()


def test_make_cell_options_and_dtype():
    rnn = make_cell("RNN", 2, 3, nonlinearity="relu", dtype="float32")
    assert rnn.nonlinearity == "relu" and rnn.weight_hh.dtype == np.float32 and rnn.kind == "rnn"
    assert make_cell("gru", 2, 3, reset_after=False).reset_after is False
    assert make_cell("gru", 2, 3, seed=5) == make_cell("gru", 2, 3, seed=5)
    assert make_cell("gru", 2, 3, seed=5) != make_cell("gru", 2, 3, seed=6)


@pytest.mark.parametrize("kwargs", [
    {"kind": "transformer"}, {"input_size": 0}, {"hidden_size": 0}, {"hidden_size": MAX_UNITS + 1},
    {"hidden_size": 2.5}, {"hidden_size": "8"}, {"init": "he"}, {"kind": "gru", "forget_bias": 1.0},
    {"forget_bias": float("nan")}, {"kind": "rnn", "reset_after": True}, {"dtype": "float16"},
])
def test_make_cell_refusals(kwargs):
    args = {"kind": "lstm", "input_size": 2, "hidden_size": 3, **kwargs}
    with pytest.raises(InputError):
        make_cell(**args)
