"""Activations: exact values where they are known, no warnings at any magnitude, derivatives."""

import numpy as np
import pytest

from simulator.core.activations import ACTIVATIONS, drelu, dsigmoid, dtanh, relu, sigmoid, tanh

EXTREME = np.array([-1e308, -1e6, -745.2, -40.0, -1.0, 0.0, 1.0, 40.0, 1e6, 1e308])


def test_sigmoid_known_values():
    # σ(0) = 1/2, σ(ln 3) = 3/4, σ(−ln 3) = 1/4, σ(x) + σ(−x) = 1
    np.testing.assert_allclose(sigmoid(np.array([0.0, np.log(3), -np.log(3)])), [0.5, 0.75, 0.25],
                               rtol=0, atol=1e-16)
    x = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(sigmoid(x) + sigmoid(-x), 1.0, atol=1e-15)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_extremes_without_warnings_or_nan(dtype):
    x = EXTREME.astype(dtype) if dtype == np.float64 else np.clip(EXTREME, -3e38, 3e38).astype(dtype)
    s = sigmoid(x)
    assert s.dtype == dtype and np.isfinite(s).all()
    assert s[0] == 0.0 and s[-1] == 1.0 and s[5] == 0.5
    assert np.all(np.diff(s) >= 0)  # monotone even where it saturates
    t = tanh(x)
    assert t[0] == -1.0 and t[-1] == 1.0 and np.isfinite(t).all()
    np.testing.assert_array_equal(relu(x), np.maximum(x, 0))


def test_out_in_place():
    x = np.array([-2.0, 0.0, 2.0])
    expected = 1 / (1 + np.exp(-x))
    assert sigmoid(x, out=x) is x
    np.testing.assert_allclose(x, expected, rtol=1e-15)


@pytest.mark.parametrize("name", ["tanh", "sigmoid", "relu"])
def test_derivatives_from_outputs_match_central_differences(name):
    f, df = ACTIVATIONS[name]
    x = np.linspace(-4, 4, 81) + 0.013  # relu's kink at 0 is not sampled
    eps = 1e-6
    fd = (f(x + eps) - f(x - eps)) / (2 * eps)
    np.testing.assert_allclose(df(f(x)), fd, rtol=1e-7, atol=1e-9)


def test_derivative_values():
    np.testing.assert_array_equal(dsigmoid(np.array([0.5, 0.0, 1.0])), [0.25, 0.0, 0.0])
    np.testing.assert_array_equal(dtanh(np.array([0.0, 0.5, -1.0])), [1.0, 0.75, 0.0])
    np.testing.assert_array_equal(drelu(np.array([-1.0, 0.0, 3.0])), [0.0, 0.0, 1.0])
    assert drelu(np.array([1.0], np.float32)).dtype == np.float32
