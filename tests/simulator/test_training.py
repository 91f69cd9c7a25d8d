"""loss_and_gradients without torch: finite differences, the loss values by hand, bad inputs, clipping."""

import numpy as np
import pytest

from simulator import InputError, LSTMCell, make_cell, run
from simulator.training import (
    SGD,
    Adam,
    clip_grad_norm,
    loss_and_gradients,
    make_optimizer,
    state_gradient_norms,
)

D, H, O, T, B = 3, 4, 2, 6, 2
CASES = {"rnn": ("rnn", {}), "lstm": ("lstm", {}), "lstm-peephole": ("lstm", {}), "gru-after": ("gru", {}),
         "gru-before": ("gru", {"reset_after": False})}


def _cell(case):
    kind, options = CASES[case]
    cell = make_cell(kind, D, H, seed=1, **options)
    if case == "lstm-peephole":
        peep = np.random.default_rng(2).uniform(-0.5, 0.5, (3, H))
        return LSTMCell(**cell.parameters(), weight_peephole=peep)
    return cell


def _problem(loss, seed=3):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(B, T, D))
    if loss == "mse":
        y = rng.normal(size=(B, T, O))
        y[:, :2] = np.nan
    else:
        y = rng.integers(0, O, (B, T))
        y[:, :2] = -1
    return x, y, rng.normal(size=(O, H)), rng.normal(size=O)


@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
@pytest.mark.parametrize("case", list(CASES))
def test_gradients_match_central_differences(case, loss):
    cell = _cell(case)
    x, y, w, b = _problem(loss)
    _, grads = loss_and_gradients(cell, x, y, w, b, loss=loss)
    arrays = {**cell.parameters(), "readout.weight": w, "readout.bias": b}
    rng = np.random.default_rng(4)
    eps = 1e-6
    for name, arr in arrays.items():
        for flat in rng.choice(arr.size, size=min(arr.size, 6), replace=False):
            index = np.unravel_index(flat, arr.shape)
            keep = arr[index]
            arr[index] = keep + eps
            up = loss_and_gradients(cell, x, y, w, b, loss=loss)[0]
            arr[index] = keep - eps
            down = loss_and_gradients(cell, x, y, w, b, loss=loss)[0]
            arr[index] = keep
            numeric = (up - down) / (2 * eps)
            assert grads[name][index] == pytest.approx(numeric, rel=1e-6, abs=1e-8), (name, index)


def test_loss_values_by_hand():
    """MSE averages the targeted entries only; cross-entropy averages the targeted steps only."""
    cell = make_cell("rnn", 1, 1, init="zeros")  # h stays 0, so y_hat is the readout bias
    x = np.zeros((4, 1))
    y = np.array([[np.nan], [1.0], [np.nan], [3.0]])
    value, grads = loss_and_gradients(cell, x, y, [[0.0]], [2.0])
    assert value == pytest.approx(((2 - 1) ** 2 + (2 - 3) ** 2) / 2)
    assert grads["readout.bias"][0] == pytest.approx((2 * (2 - 1) + 2 * (2 - 3)) / 2)
    value, grads = loss_and_gradients(cell, x, np.array([-1, 0, -1, -1]), np.zeros((2, 1)), [0.0, 0.0],
                                      loss="cross_entropy")
    assert value == pytest.approx(np.log(2.0))
    np.testing.assert_allclose(grads["readout.bias"], [-0.5, 0.5])


def test_unbatched_equals_a_batch_of_one_and_keys_are_the_cells():
    cell = _cell("lstm-peephole")
    x, y, w, b = _problem("mse")
    single = loss_and_gradients(cell, x[0], y[0], w, b)
    batch = loss_and_gradients(cell, x[:1], y[:1], w, b)
    assert single[0] == batch[0]
    assert sorted(single[1]) == sorted([*cell.parameters(), "readout.weight", "readout.bias"])
    for key, value in single[1].items():
        np.testing.assert_array_equal(value, batch[1][key])


def test_initial_state_is_used():
    cell = _cell("lstm")
    x, y, w, b = _problem("mse")
    base = loss_and_gradients(cell, x, y, w, b)[0]
    assert loss_and_gradients(cell, x, y, w, b, h0=np.full(H, 0.5))[0] != base
    assert loss_and_gradients(cell, x, y, w, b, c0=np.full((B, H), 0.5))[0] != base


@pytest.mark.parametrize(("change", "message"), [
    (lambda a: {**a, "inputs": np.zeros((T, D + 1))}, "inputs"),
    (lambda a: {**a, "inputs": np.full((T, D), np.nan)}, "NaN"),
    (lambda a: {**a, "targets": np.full((T, O), np.nan)}, "nothing to learn"),
    (lambda a: {**a, "targets": np.zeros((T, O + 1))}, "targets"),
    (lambda a: {**a, "readout_weight": np.zeros((O, H + 1))}, "readout"),
    (lambda a: {**a, "loss": "hinge"}, "unknown loss"),
    (lambda a: {**a, "loss": "cross_entropy", "targets": np.full(T, O)}, "classes"),
    (lambda a: {**a, "loss": "cross_entropy", "targets": np.zeros(T)}, "integer"),
    (lambda a: {**a, "c0": np.zeros(H)}, "LSTM only"),
    (lambda a: {**a, "h0": np.zeros(H + 1)}, "h0"),
])
def test_bad_inputs_raise_input_error(change, message):
    args = {"cell": make_cell("gru", D, H), "inputs": np.zeros((T, D)), "targets": np.ones((T, O)),
            "readout_weight": np.zeros((O, H)), "readout_bias": np.zeros(O)}
    args = change(args)
    with pytest.raises(InputError, match=message):
        loss_and_gradients(**args)


@pytest.mark.parametrize("case", ["rnn", "lstm", "gru-after", "gru-before"])
def test_state_gradient_norms_equal_the_engines_jacobian_products(case):
    from simulator.core import gradients

    cell = _cell(case)
    x = np.random.default_rng(5).normal(size=(15, D))
    expected = gradients.gradient_norms(cell, run(cell, x))["dhT_dh"]
    np.testing.assert_allclose(state_gradient_norms(cell, x), expected, rtol=1e-12)


def test_clip_grad_norm_scales_to_the_limit_and_returns_the_norm():
    grads = {"a": np.array([3.0, 0.0]), "b": np.array([[4.0]])}
    assert clip_grad_norm(grads, 1.0) == 5.0
    after = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
    assert after == pytest.approx(5.0 / (5.0 + 1e-6), rel=1e-12)
    small = {"a": np.array([0.3, 0.4])}
    assert clip_grad_norm(small, 1.0) == pytest.approx(0.5)
    np.testing.assert_array_equal(small["a"], [0.3, 0.4])
    with pytest.raises(InputError, match="clip"):
        clip_grad_norm(small, 0.0)


def test_sgd_and_adam_first_steps_by_hand():
    p = {"w": np.array([1.0, -2.0])}
    sgd = SGD(0.1, momentum=0.9)
    sgd.step(p, {"w": np.array([1.0, 1.0])})
    sgd.step(p, {"w": np.array([1.0, 1.0])})
    np.testing.assert_allclose(p["w"], [1.0 - 0.1 - 0.19, -2.0 - 0.1 - 0.19])
    q = {"w": np.array([1.0])}
    Adam(0.01).step(q, {"w": np.array([123.0])})  # the first Adam step moves by lr, whatever the size
    assert q["w"][0] == pytest.approx(1.0 - 0.01, rel=1e-9)
    with pytest.raises(InputError, match="optimiser"):
        make_optimizer("rmsprop", 0.1)
    with pytest.raises(InputError, match="learning rate"):
        make_optimizer("adam", -1.0)
