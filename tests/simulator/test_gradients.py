"""Jacobian norms through time: finite differences, exact hand values, vanishing and exploding."""

import numpy as np
import pytest

from simulator import GRUCell, LSTMCell, RNNCell, make_cell, run
from simulator.core.gradients import (
    gradient_norms,
    gradient_window,
    jacobian_product,
    one_step_jacobian_norms,
)

CASES = [("rnn", {}), ("rnn", {"nonlinearity": "relu"}), ("lstm", {}), ("lstm", {"peephole": True}),
         ("gru", {}), ("gru", {"reset_after": False})]
IDS = ["rnn-tanh", "rnn-relu", "lstm", "lstm-peephole", "gru-after", "gru-before"]
H, D, T = 4, 3, 14


def _setup(kind, options, seed=0):
    rng = np.random.default_rng(seed)
    options = dict(options)
    peephole = options.pop("peephole", False)
    G = {"rnn": 1, "lstm": 4, "gru": 3}[kind]
    params = {"weight_ih": rng.uniform(-1, 1, (G * H, D)), "weight_hh": rng.uniform(-1.2, 1.2, (G * H, H)),
              "bias_ih": rng.uniform(-0.5, 0.5, G * H), "bias_hh": rng.uniform(-0.5, 0.5, G * H)}
    if peephole:
        params["weight_peephole"] = rng.uniform(-1, 1, (3, H))
    cell = {"rnn": RNNCell, "lstm": LSTMCell, "gru": GRUCell}[kind](**params, **options)
    state = {"h": rng.uniform(-0.5, 0.5, H)}
    if cell.has_cell:
        state["c"] = rng.uniform(-1, 1, H)
    x = rng.normal(size=(T, D))
    return cell, x, run(cell, x, state)


def _fd_jacobian(cell, x, trace, t, end, which="h", eps=1e-6):
    """Central differences of state[end] w.r.t. the ``which`` state entering t, the other held fixed."""
    h_t, c_t = trace.state_before(t)
    cols = []
    for k in range(H):
        outs = []
        for sign in (1, -1):
            state = {"h": h_t.copy()} if c_t is None else {"h": h_t.copy(), "c": c_t.copy()}
            state[which][k] += sign * eps
            tr = run(cell, x[t:end + 1], state)
            outs.append((tr.h if which == "h" else tr.c)[-1])
        cols.append((outs[0] - outs[1]) / (2 * eps))
    return np.array(cols).T


@pytest.mark.parametrize(("kind", "options"), CASES, ids=IDS)
def test_against_finite_differences(kind, options):
    cell, x, trace = _setup(kind, options)
    end = T - 2
    norms = gradient_norms(cell, trace, end)
    for t in (0, 3, 9, end):
        fd = _fd_jacobian(cell, x, trace, t, end)
        np.testing.assert_allclose(norms["dhT_dh"][t], np.linalg.norm(fd), rtol=1e-6)
        np.testing.assert_allclose(jacobian_product(cell, trace, end, t)[:H, :H], fd, rtol=1e-6,
                                   atol=1e-8)  # central differences: ~1e-10 round-off
        if cell.has_cell:
            fd_c = _fd_jacobian(cell, x, trace, t, end, which="c")
            np.testing.assert_allclose(norms["dcT_dc"][t], np.linalg.norm(fd_c), rtol=1e-6)
    assert norms["dhT_dh"][0] > 1e-8  # the comparison was not 0 against 0
    assert len(norms["dhT_dh"]) == end + 1 and set(norms) == ({"dhT_dh", "dcT_dc"} if cell.has_cell
                                                              else {"dhT_dh"})


@pytest.mark.torch
@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_against_torch_autograd(kind):
    torch = pytest.importorskip("torch")
    cell, x, trace = _setup(kind, {})
    module = getattr(torch.nn, kind.upper() + "Cell")(D, H, dtype=torch.float64)
    with torch.no_grad():
        for name, arr in cell.parameters().items():
            getattr(module, name).copy_(torch.from_numpy(arr))
    t, end = 2, T - 1
    h_t, c_t = (None if a is None else torch.from_numpy(a.copy()) for a in trace.state_before(t))

    def final(state):
        h, c = state[:H], state[H:]
        for xt in torch.from_numpy(x[t:end + 1]):
            if kind == "lstm":
                h, c = module(xt, (h, c))
            else:
                h = module(xt, h)
        return torch.cat([h, c]) if kind == "lstm" else h

    start = torch.cat([h_t, c_t]) if kind == "lstm" else h_t
    expected = torch.autograd.functional.jacobian(final, start).numpy()
    np.testing.assert_allclose(jacobian_product(cell, trace, end, t), expected, rtol=0, atol=1e-12)


def test_one_unit_rnn_by_hand():
    # ∂h_E/∂h_t = Π_{k=t}^{E} (1 − h_k²)·w, h_k the output of step k
    w = 0.9
    cell = RNNCell([[0.7]], [[w]], [0.1], [0.0])
    trace = run(cell, np.sin(np.arange(30.0))[:, None])
    h = trace.h[:, 0]
    hand = [np.prod((1 - h[t:] ** 2) * w) for t in range(30)]
    np.testing.assert_allclose(gradient_norms(cell, trace)["dhT_dh"], hand, rtol=1e-13)
    np.testing.assert_allclose(one_step_jacobian_norms(cell, trace), (1 - h ** 2) * w, rtol=1e-15)


@pytest.mark.parametrize(("w", "first_special", "special"), [(2.0, 1024, np.inf), (0.5, 1075, 0.0)])
def test_exact_powers_of_two_over_10000_steps(w, first_special, special):
    """h stays exactly 0, so each factor is exactly w: the norm is w**(E − t + 1), exact in float64."""
    cell = RNNCell([[0.0]], [[w]])
    trace = run(cell, np.zeros((10_000, 1)))
    g = gradient_norms(cell, trace)["dhT_dh"]  # no overflow / underflow warning (they are errors here)
    factors = 10_000 - np.arange(10_000)
    finite = factors < first_special
    np.testing.assert_array_equal(g[finite], np.ldexp(1.0, (factors[finite] * np.log2(w)).astype(int)))
    assert np.all(g[~finite] == special) and g[-1] == w
    if w < 1:
        assert g[10_000 - 1074] == 2.0 ** -1074  # the smallest subnormal is still exact


def test_vanishing_and_exploding():
    rnn = make_cell("rnn", 2, 8, seed=1)
    small = RNNCell(rnn.weight_ih, 0.1 * rnn.weight_hh, rnn.bias_ih, rnn.bias_hh)
    x = np.random.default_rng(0).normal(size=(50, 2))
    g = gradient_norms(small, run(small, x))["dhT_dh"]
    assert g[-10] < 1e-3 * g[-1]  # vanishes by more than 1e3 within 10 steps
    relu = RNNCell(np.ones((8, 2)), 1.5 * np.eye(8), np.ones(8), nonlinearity="relu")
    g = gradient_norms(relu, run(relu, np.abs(x) + 0.1))["dhT_dh"]
    np.testing.assert_allclose(g, np.sqrt(8) * 1.5 ** (50 - np.arange(50)), rtol=1e-12)
    assert g[-20] > 1e3 * g[-1]


def _orthogonal_rnn(gain):
    base = make_cell("rnn", 1, 16, seed=3, init="orthogonal")
    cell = RNNCell(base.weight_ih, gain * base.weight_hh)
    return cell, run(cell, 0.1 * np.random.default_rng(0).normal(size=(10_000, 1)))


def test_exploding_10000_steps_without_warnings():
    cell, trace = _orthogonal_rnn(1.5)
    g = gradient_norms(cell, trace)["dhT_dh"]
    assert np.isfinite(g).all() and g[0] > 1e50 and g[5_000] > 1e20 * g[-1]
    window = gradient_norms(cell, trace, start=9_500)["dhT_dh"]
    assert np.isnan(window[:9_500]).all()
    np.testing.assert_array_equal(window[9_500:], g[9_500:])  # the same numbers, just fewer of them


def test_vanishing_below_1e_minus_150_matches_a_log_domain_reference():
    """Far past the rescaling threshold the norms still agree with products kept in logs."""
    cell, trace = _orthogonal_rnn(1.2)
    g = gradient_norms(cell, trace)["dhT_dh"]
    E, P, log10 = 9_999, np.eye(16), 0.0
    for t in range(E, -1, -1):  # independent reference: normalise after every step, sum log10
        P = P @ cell.jacobian(trace, t)
        scale = np.linalg.norm(P)
        if scale == 0:
            break
        P, log10 = P / scale, log10 + np.log10(scale)
        if t % 97 == 0 and log10 > -300:
            np.testing.assert_allclose(np.log10(g[t]), log10, rtol=1e-9, atol=1e-9)
    assert g.min() == 0.0 and g[g > 0].min() < 2.3e-308  # down through the subnormals, then exactly 0


def test_lstm_large_forget_bias_keeps_the_cell_gradient():
    def cell_norms(forget_bias):
        base = make_cell("lstm", 2, 4, seed=2, forget_bias=forget_bias)
        cell = LSTMCell(base.weight_ih, 0.05 * base.weight_hh, base.bias_ih, base.bias_hh)
        trace = run(cell, np.random.default_rng(1).normal(size=(200, 2)))
        return gradient_norms(cell, trace)["dcT_dc"] / 2.0  # ‖I_4‖_F = 2

    kept = cell_norms(20.0)
    assert np.all(np.abs(kept - 1) < 0.05)  # f ≈ 1: ∂c_T/∂c_t ≈ I over 200 steps
    assert cell_norms(0.0)[0] < 1e-30  # f ≈ 0.5: gone


def test_zero_product_stops_early(monkeypatch):
    cell = RNNCell([[1.0]], [[0.0]])
    trace = run(cell, np.ones((100, 1)))
    calls = []
    original = cell.jacobians
    monkeypatch.setattr(cell, "jacobians", lambda tr, a, b: calls.append((a, b)) or original(tr, a, b))
    g = gradient_norms(cell, trace, start=10)["dhT_dh"]
    assert calls == [(10, 100)]  # one batch of Jacobians for the whole window
    assert np.all(g[10:] == 0.0) and np.isnan(g[:10]).all()


def test_windows_edges_and_float32():
    cell, x, trace = _setup("lstm", {})
    full = gradient_norms(cell, trace, 7)
    part = gradient_norms(cell, trace, 7, start=5)
    np.testing.assert_array_equal(part["dcT_dc"][5:], full["dcT_dc"][5:])
    # two routes to the same norm (a product of one Jacobian, the Jacobian itself): equal to rounding
    assert full["dhT_dh"][7] == pytest.approx(one_step_jacobian_norms(cell, trace)[7], rel=1e-14)
    np.testing.assert_array_equal(jacobian_product(cell, trace, 7, 8), np.eye(2 * H))
    for bad in ({"end": T}, {"end": -1}, {"end": 3, "start": 4}):
        with pytest.raises(IndexError):
            gradient_norms(cell, trace, **bad)
    assert gradient_norms(cell, run(cell, np.zeros((0, D))))["dhT_dh"].shape == (0,)
    small = cell.copy(dtype="float32")
    g32 = gradient_norms(small, run(small, x.astype(np.float32)))["dhT_dh"]
    assert g32.dtype == np.float64
    np.testing.assert_allclose(g32, gradient_norms(cell, run(cell, x))["dhT_dh"], rtol=1e-3)


def test_the_window_holds_only_its_steps():
    cell, _x, trace = _setup("lstm", {})
    window = gradient_window(cell, trace, 7, start=5)
    full = gradient_norms(cell, trace, 7)
    assert {k: v.shape for k, v in window.items()} == {"dhT_dh": (3,), "dcT_dc": (3,)}
    for key in full:
        np.testing.assert_array_equal(window[key], full[key][5:8])
    rnn = RNNCell([[1.0]], [[0.0]])
    zero = gradient_window(rnn, run(rnn, np.ones((100, 1))), 99, start=90)["dhT_dh"]
    assert zero.shape == (10,) and np.all(zero == 0.0)  # the zero product's early stop, in window indices


@pytest.mark.parametrize(("kind", "options"), [("rnn", {}), ("rnn", {"nonlinearity": "relu"}), ("lstm", {}),
                                               ("lstm", {"peephole": True}), ("gru", {}),
                                               ("gru", {"reset_after": False})])
def test_batched_jacobians_equal_the_one_step_ones_and_finite_differences(kind, options):
    cell, x, trace = _setup(kind, options)  # a non-zero initial state: step 0's entering state is h0 (c0)
    S = 2 * H if cell.has_cell else H
    batch = cell.jacobians(trace, 0, T)
    assert batch.shape == (T, S, S)
    for t in (0, 1, T // 2, T - 1):
        np.testing.assert_allclose(batch[t], cell.jacobian(trace, t), rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(cell.jacobians(trace, t, T)[0], batch[t], rtol=1e-13, atol=1e-15)
    eps = 1e-6
    for t in (0, 5):
        h_t, c_t = trace.state_before(t)
        flat = np.concatenate([h_t, c_t if c_t is not None else np.zeros(0)])
        numeric = np.empty((S, S))
        for j in range(S):
            out = []
            for sign in (1, -1):
                bumped = flat.copy()
                bumped[j] += sign * eps
                state = {"h": bumped[:H]} | ({"c": bumped[H:]} if cell.has_cell else {})
                new, _ = cell.step(x[t], state)
                out.append(np.concatenate([new["h"], new.get("c", np.zeros(0))]))
            numeric[:, j] = (out[0] - out[1]) / (2 * eps)
        np.testing.assert_allclose(batch[t], numeric, atol=1e-7)
