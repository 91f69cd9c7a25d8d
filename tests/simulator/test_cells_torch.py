"""The cells against PyTorch's own cells and layers: 100 steps, float64 to 1e-12, float32 to 1e-5."""

import numpy as np
import pytest

from simulator import GRUCell, LSTMCell, RNNCell, run

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.torch

D, H, T = 5, 7, 100
NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
CASES = [("RNN", RNNCell, {"nonlinearity": "tanh"}), ("RNN", RNNCell, {"nonlinearity": "relu"}),
         ("LSTM", LSTMCell, {}), ("GRU", GRUCell, {})]
TOLERANCE = {torch.float64: 1e-12, torch.float32: 1e-5}


def _module(name: str, suffix: str, dtype, **options):
    torch.manual_seed(0)
    module = getattr(torch.nn, name + suffix)(D, H, dtype=dtype, **options)
    with torch.no_grad():  # wider than the default init, so the gates move through their range
        for p in module.parameters():
            p.uniform_(-0.7, 0.7)
    return module


def _ours(cls, module, suffix: str, dtype, options):
    params = {k: getattr(module, k + suffix).detach().numpy() for k in NAMES}
    return cls(**params, dtype=dtype, **options)


def _data(dtype):
    rng = np.random.default_rng(2)
    x = rng.normal(size=(T, D)).astype(dtype)
    return x, rng.uniform(-0.9, 0.9, H).astype(dtype), rng.uniform(-2, 2, H).astype(dtype)


@pytest.mark.parametrize("tdtype", [torch.float64, torch.float32], ids=["float64", "float32"])
@pytest.mark.parametrize(("name", "cls", "options"), CASES, ids=["rnn-tanh", "rnn-relu", "lstm", "gru"])
def test_cell_loop_matches_torch_cell(name, cls, options, tdtype):
    dtype = np.float64 if tdtype == torch.float64 else np.float32
    module = _module(name, "Cell", tdtype, **options)
    ours = _ours(cls, module, "", dtype, options)
    x, h0, c0 = _data(dtype)
    state = {"h": h0, "c": c0} if name == "LSTM" else {"h": h0}
    trace = run(ours, x, state)
    h, c = torch.from_numpy(h0), torch.from_numpy(c0)
    hs, cs = [], []
    with torch.no_grad():
        for xt in torch.from_numpy(x):
            if name == "LSTM":
                h, c = module(xt, (h, c))
                cs.append(c.numpy().copy())
            else:
                h = module(xt, h)
            hs.append(h.numpy().copy())
    assert trace.h.dtype == dtype
    np.testing.assert_allclose(trace.h, np.array(hs), rtol=0, atol=TOLERANCE[tdtype])
    if cs:
        np.testing.assert_allclose(trace.c, np.array(cs), rtol=0, atol=TOLERANCE[tdtype])
    assert np.abs(trace.h).max() > 0.3  # the comparison was not between two near-zero runs


@pytest.mark.parametrize("tdtype", [torch.float64, torch.float32], ids=["float64", "float32"])
@pytest.mark.parametrize(("name", "cls", "options"), CASES, ids=["rnn-tanh", "rnn-relu", "lstm", "gru"])
def test_run_matches_torch_layer(name, cls, options, tdtype):
    dtype = np.float64 if tdtype == torch.float64 else np.float32
    module = _module(name, "", tdtype, **options)
    ours = _ours(cls, module, "_l0", dtype, options)
    x, h0, c0 = _data(dtype)
    hx = torch.from_numpy(h0)[None]
    if name == "LSTM":
        hx = (hx, torch.from_numpy(c0)[None])
    with torch.no_grad():
        out, last = module(torch.from_numpy(x), hx)
    trace = run(ours, x, {"h": h0, "c": c0} if name == "LSTM" else {"h": h0})
    np.testing.assert_allclose(trace.h, out.numpy(), rtol=0, atol=TOLERANCE[tdtype])
    if name == "LSTM":
        np.testing.assert_allclose(trace.c[-1], last[1][0].numpy(), rtol=0, atol=TOLERANCE[tdtype])


def test_lstm_gates_match_torch_formulas():
    """The stored gate values are the ones PyTorch computes inside nn.LSTMCell."""
    module = _module("LSTM", "Cell", torch.float64)
    ours = _ours(LSTMCell, module, "", np.float64, {})
    x, h0, c0 = _data(np.float64)
    trace = run(ours, x[:10], {"h": h0, "c": c0})
    h, c = torch.from_numpy(h0), torch.from_numpy(c0)
    with torch.no_grad():
        for t, xt in enumerate(torch.from_numpy(x[:10])):
            pre = module.weight_ih @ xt + module.bias_ih + module.weight_hh @ h + module.bias_hh
            i, f, g, o = pre.chunk(4)
            expected = {"i": i.sigmoid(), "f": f.sigmoid(), "g": g.tanh(), "o": o.sigmoid()}
            for k, v in expected.items():
                np.testing.assert_allclose(trace.gates[k][t], v.numpy(), rtol=0, atol=1e-12)
            h, c = module(xt, (h, c))


@pytest.mark.parametrize(("name", "cls", "options"), CASES, ids=["rnn-tanh", "rnn-relu", "lstm", "gru"])
def test_step_equations_match_torch_cell_and_kernel(name, cls, options):
    """``step`` (the plain equations), the fast ``kernel`` (via run) and PyTorch agree step by step."""
    module = _module(name, "Cell", torch.float64, **options)
    ours = _ours(cls, module, "", np.float64, options)
    x, h0, c0 = _data(np.float64)
    state = {"h": h0, "c": c0} if name == "LSTM" else {"h": h0}
    trace = run(ours, x, state)
    h, c = torch.from_numpy(h0), torch.from_numpy(c0)
    with torch.no_grad():
        for t, xt in enumerate(x):
            state, gates = ours.step(xt, state)
            if name == "LSTM":
                h, c = module(torch.from_numpy(xt), (h, c))
                np.testing.assert_allclose(state["c"], c.numpy(), rtol=0, atol=1e-12)
            else:
                h = module(torch.from_numpy(xt), h)
            np.testing.assert_allclose(state["h"], h.numpy(), rtol=0, atol=1e-12)
            np.testing.assert_allclose(state["h"], trace.h[t], rtol=0, atol=1e-12)
            for letter, values in gates.items():
                np.testing.assert_allclose(values, trace.gates[letter][t], rtol=0, atol=1e-12)
    assert np.abs(trace.h).max() > 0.3
