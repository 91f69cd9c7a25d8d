"""The conventions explorer: zero for the right convention, non-zero for every mistake, each mistake exact."""

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.insight import convention_errors, convention_variants

X = np.random.default_rng(0).normal(size=(60, 4))
EXPECTED = {
    "rnn": ["as-imported", "recurrent-not-transposed", "input-not-transposed", "rnn-nonlinearity-swapped"],
    "lstm": ["as-imported", "lstm-onnx-order", "lstm-tf1-order", "lstm-forget-bias-missing",
             "lstm-forget-bias-doubled", "recurrent-not-transposed", "input-not-transposed",
             "kernel-reshaped"],
    "gru": ["as-imported", "gru-reset-toggled", "gru-rz-swapped", "gru-update-sign", "gru-bias-rows-swapped",
            "recurrent-not-transposed", "input-not-transposed", "kernel-reshaped"],
}


@pytest.mark.parametrize("direction", ["forward", "reverse"])
@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_zero_for_the_right_convention_nonzero_for_the_others(kind, direction):
    cell = simulator.make_cell(kind, 4, 4, seed=1)
    cell.direction = direction  # a reverse cell's variants consume the inputs as it does
    results = convention_errors(cell, X, {"h": np.full(4, 0.2)})
    assert [r.name for r in results] == EXPECTED[kind]
    assert results[0].max_abs_error == 0.0 and not results[0].per_step.any()
    for r in results[1:]:
        assert r.per_step.shape == (60,)
        assert r.max_abs_error > 1e-3, r.name
        assert r.max_abs_error == r.per_step.max() and r.description
        np.testing.assert_array_equal(r.trace.h, simulator.run(r.cell, X, {"h": np.full(4, 0.2)}).h)


def test_sources_filter_the_mistakes():
    gru = simulator.make_cell("gru", 2, 3, seed=1)
    assert [v.name for v in convention_variants(gru, "torch")] == ["as-imported", "gru-reset-toggled",
                                                                   "gru-update-sign"]
    assert "gru-rz-swapped" in [v.name for v in convention_variants(gru, "onnx")]
    lstm = simulator.make_cell("lstm", 2, 3, seed=1)
    assert [v.name for v in convention_variants(lstm, "onnx")] == ["as-imported", "lstm-onnx-order"]
    assert "input-not-transposed" not in [v.name for v in convention_variants(lstm, "keras")]  # D ≠ H
    with pytest.raises(InputError, match="source"):
        convention_variants(lstm, "caffe")


def test_update_sign_equals_the_flipped_equation():
    cell = simulator.make_cell("gru", 4, 3, seed=2)
    variant = {v.name: v.cell for v in convention_variants(cell)}["gru-update-sign"]
    trace = simulator.run(variant, X[:20])
    sig = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731
    W_ih, W_hh, b_ih, b_hh, H = cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh, 3
    h = np.zeros(3)
    for t in range(20):
        gi, gh = W_ih @ X[t] + b_ih, W_hh @ h + b_hh
        r, z = sig(gi[:H] + gh[:H]), sig(gi[H:2 * H] + gh[H:2 * H])
        n = np.tanh(gi[2 * H:] + r * gh[2 * H:])
        h = z * n + (1 - z) * h  # the sign some diagrams draw, with the original weights
        np.testing.assert_allclose(trace.h[t], h, rtol=1e-12, atol=1e-14)


def test_block_mistakes_move_the_right_blocks():
    lstm = simulator.make_cell("lstm", 4, 3, seed=3)
    v = {x.name: x.cell for x in convention_variants(lstm)}
    onnx, tf1 = v["lstm-onnx-order"], v["lstm-tf1-order"]
    for param in ("weight_ih", "weight_hh", "bias_ih"):
        assert np.array_equal(onnx.block(param, "f"), lstm.block(param, "o"))   # slot f gets ONNX's o
        assert np.array_equal(onnx.block(param, "g"), lstm.block(param, "f"))
        assert np.array_equal(onnx.block(param, "o"), lstm.block(param, "g"))
        assert np.array_equal(tf1.block(param, "f"), lstm.block(param, "g"))    # slot f gets TF1's j
    H = 3
    assert np.array_equal(v["lstm-forget-bias-missing"].bias_ih[H:2 * H], lstm.bias_ih[H:2 * H] - 1)
    keras_kernel = lstm.weight_hh.T  # what Keras stores, (H, 4H)
    assert np.array_equal(v["kernel-reshaped"].weight_hh, keras_kernel.reshape(4 * H, H))
    gru = simulator.make_cell("gru", 4, 3, seed=3)
    w = {x.name: x.cell for x in convention_variants(gru)}
    swapped = {x.name: x.cell for x in convention_variants(w["gru-rz-swapped"])}["gru-rz-swapped"]
    assert swapped == gru and w["gru-reset-toggled"].reset_after is False


def test_bias_rows_swap_only_when_it_matters():
    gru = simulator.make_cell("gru", 2, 3, seed=1)
    gru.bias_hh[:] = gru.bias_ih
    assert "gru-bias-rows-swapped" not in [v.name for v in convention_variants(gru)]
    before = simulator.make_cell("gru", 2, 3, seed=1, reset_after=False)
    assert "gru-bias-rows-swapped" not in [v.name for v in convention_variants(before)]
