"""loss_and_gradients, the optimisers and clipping against PyTorch autograd and torch.optim, in float64."""

import numpy as np
import pytest

from simulator import LSTMCell, make_cell
from simulator.training import SGD, Adam, clip_grad_norm, loss_and_gradients

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.torch

B, T, D, H, O = 3, 9, 4, 5, 3
KINDS = {"rnn-tanh": ("rnn", {}), "rnn-relu": ("rnn", {"nonlinearity": "relu"}), "lstm": ("lstm", {}),
         "lstm-peephole": ("lstm", {}), "gru-after": ("gru", {}),
         "gru-before": ("gru", {"reset_after": False})}


def _cell(case: str, bias: bool):
    kind, options = KINDS[case]
    cell = make_cell(kind, D, H, seed=3, **options)
    rng = np.random.default_rng(4)
    for name in ("weight_ih", "weight_hh"):  # wider than the default, so the gates move through their range
        getattr(cell, name)[...] = rng.uniform(-0.8, 0.8, getattr(cell, name).shape)
    params = {k: v for k, v in cell.parameters().items() if bias or k.startswith("weight")}
    if case == "lstm-peephole":
        params["weight_peephole"] = rng.uniform(-0.5, 0.5, (3, H))
        return LSTMCell(**params)
    return type(cell)(**params, **options)


def _data(loss: str, batched: bool, seed: int = 5):
    rng = np.random.default_rng(seed)
    lead = (B, T) if batched else (T,)
    x = rng.normal(size=(*lead, D))
    if loss == "mse":
        y = rng.normal(size=(*lead, O))
        y[rng.random(y.shape) < 0.4] = np.nan  # no target here
        y.reshape(-1, O)[0] = 0.5  # at least one target
    else:
        y = rng.integers(0, O, lead)
        y[rng.random(lead) < 0.4] = -1
        y.reshape(-1)[0] = 1
    return x, y, rng.normal(size=(O, H)), rng.normal(size=O), rng.uniform(-0.5, 0.5, H), rng.uniform(-1, 1, H)


def _reference(cell, x, y, w, b, loss, h0, c0):
    """The cell's equations written in torch, differentiated by autograd."""
    P = {k: torch.tensor(v, requires_grad=True) for k, v in cell.parameters().items()}
    W, Bo = torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True)
    X = torch.tensor(x if x.ndim == 3 else x[None])
    h = torch.tensor(h0).expand(X.shape[0], H)
    c = torch.tensor(c0).expand(X.shape[0], H)
    outs = []
    for t in range(X.shape[1]):
        gi = X[:, t] @ P["weight_ih"].T + P["bias_ih"]
        gh = h @ P["weight_hh"].T + P["bias_hh"]
        if cell.kind == "rnn":
            h = (torch.tanh if cell.nonlinearity == "tanh" else torch.relu)(gi + gh)
        elif cell.kind == "lstm":
            i, f, g, o = (gi + gh).chunk(4, 1)
            if "weight_peephole" in P:
                i, f = i + P["weight_peephole"][0] * c, f + P["weight_peephole"][1] * c
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            if "weight_peephole" in P:
                o = o + P["weight_peephole"][2] * c
            h = torch.sigmoid(o) * torch.tanh(c)
        else:
            r = torch.sigmoid(gi[:, :H] + gh[:, :H])
            z = torch.sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
            if cell.reset_after:
                n = torch.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
            else:
                n = torch.tanh(gi[:, 2 * H:] + (r * h) @ P["weight_hh"][2 * H:].T + P["bias_hh"][2 * H:])
            h = (1 - z) * n + z * h
        outs.append(h)
    Y = torch.stack(outs, 1) @ W.T + Bo
    Yt = torch.tensor(y if x.ndim == 3 else y[None])
    if loss == "mse":
        mask = ~torch.isnan(Yt)
        value = torch.nn.functional.mse_loss(Y[mask], Yt[mask])
    else:
        value = torch.nn.functional.cross_entropy(Y.reshape(-1, O), Yt.reshape(-1), ignore_index=-1)
    value.backward()
    grads = {k: v.grad.numpy() for k, v in P.items()}
    grads["readout.weight"], grads["readout.bias"] = W.grad.numpy(), Bo.grad.numpy()
    return value.item(), grads


def _assert_grads(ours, theirs):
    assert sorted(ours) == sorted(theirs)
    for key, value in theirs.items():
        assert ours[key].shape == value.shape, key
        scale = np.abs(value).max()
        assert scale > 0, key
        np.testing.assert_allclose(ours[key], value, rtol=1e-9, atol=1e-9 * scale, err_msg=key)


@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
@pytest.mark.parametrize("batched", [True, False], ids=["batch", "single"])
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "nobias"])
@pytest.mark.parametrize("case", list(KINDS))
def test_loss_and_gradients_match_torch_autograd(case, bias, batched, loss):
    cell = _cell(case, bias)
    x, y, w, b, h0, c0 = _data(loss, batched)
    c0 = c0 if cell.kind == "lstm" else None
    value, grads = loss_and_gradients(cell, x, y, w, b, loss=loss, h0=h0, c0=c0)
    ref_value, ref_grads = _reference(cell, x, y, w, b, loss, h0, np.zeros(H) if c0 is None else c0)
    assert value == pytest.approx(ref_value, rel=1e-12)
    _assert_grads(grads, ref_grads)
    assert ("weight_peephole" in grads) == (case == "lstm-peephole")


@pytest.mark.parametrize("bias", [True, False], ids=["bias", "nobias"])
@pytest.mark.parametrize("case", ["rnn-tanh", "rnn-relu", "lstm", "gru-after"])
def test_gradients_match_torch_layers(case, bias):
    """The same against nn.RNN / nn.LSTM / nn.GRU themselves (batch-first, zero initial state)."""
    kind, options = KINDS[case]
    cell = _cell(case, bias)
    x, y, w, b, *_ = _data("cross_entropy", True, seed=8)
    layer = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](
        D, H, batch_first=True, bias=bias, dtype=torch.float64, **options)
    with torch.no_grad():
        for name, value in cell.parameters().items():
            if hasattr(layer, name + "_l0"):
                getattr(layer, name + "_l0").copy_(torch.tensor(value))
    readout = torch.nn.Linear(H, O, dtype=torch.float64)
    with torch.no_grad():
        readout.weight.copy_(torch.tensor(w))
        readout.bias.copy_(torch.tensor(b))
    logits = readout(layer(torch.tensor(x))[0])
    ref = torch.nn.functional.cross_entropy(logits.reshape(-1, O), torch.tensor(y).reshape(-1),
                                            ignore_index=-1)
    ref.backward()
    value, grads = loss_and_gradients(cell, x, y, w, b, loss="cross_entropy")
    assert value == pytest.approx(ref.item(), rel=1e-12)
    theirs = {name[:-3]: p.grad.numpy() for name, p in layer.named_parameters()}
    theirs.update({"readout.weight": readout.weight.grad.numpy(), "readout.bias": readout.bias.grad.numpy()})
    if not bias:
        assert set(grads) - set(theirs) == {"bias_ih", "bias_hh"}  # our cell keeps zero biases
        grads = {k: v for k, v in grads.items() if k in theirs}
    _assert_grads(grads, theirs)


def _run_both(ours, theirs_factory, steps=6):
    rng = np.random.default_rng(11)
    shapes = {"w": (4, 3), "b": (4,)}
    params = {k: rng.normal(size=s) for k, s in shapes.items()}
    tparams = {k: torch.tensor(v.copy(), requires_grad=True) for k, v in params.items()}
    theirs = theirs_factory(list(tparams.values()))
    for _ in range(steps):
        grads = {k: rng.normal(size=s) * 3 for k, s in shapes.items()}
        for k, p in tparams.items():
            p.grad = torch.tensor(grads[k])
        theirs.step()
        ours.step(params, grads)
        for k in params:
            np.testing.assert_allclose(params[k], tparams[k].detach().numpy(), rtol=1e-13, atol=1e-14)
    return params


@pytest.mark.parametrize("options", [{}, {"momentum": 0.9}, {"momentum": 0.9, "nesterov": True},
                                     {"momentum": 0.5, "weight_decay": 0.1}],
                         ids=["plain", "momentum", "nesterov", "decay"])
def test_sgd_matches_torch_step_for_step(options):
    _run_both(SGD(0.05, **options), lambda p: torch.optim.SGD(p, lr=0.05, **options))


@pytest.mark.parametrize("options", [{}, {"weight_decay": 0.01}], ids=["plain", "decay"])
def test_adam_matches_torch_step_for_step(options):
    params = _run_both(Adam(0.01, **options), lambda p: torch.optim.Adam(p, lr=0.01, **options), steps=8)
    assert np.isfinite(params["w"]).all()


@pytest.mark.parametrize("max_norm", [0.5, 100.0], ids=["clipped", "untouched"])
def test_clip_grad_norm_matches_torch(max_norm):
    rng = np.random.default_rng(12)
    grads = {"a": rng.normal(size=(3, 4)), "b": rng.normal(size=5)}
    tensors = [torch.zeros(3, 4, dtype=torch.float64, requires_grad=True),
               torch.zeros(5, dtype=torch.float64, requires_grad=True)]
    for t, g in zip(tensors, grads.values(), strict=True):
        t.grad = torch.tensor(g.copy())
    ref = torch.nn.utils.clip_grad_norm_(tensors, max_norm)
    total = clip_grad_norm(grads, max_norm)
    assert total == pytest.approx(ref.item(), rel=1e-14)
    for t, g in zip(tensors, grads.values(), strict=True):
        np.testing.assert_allclose(g, t.grad.numpy(), rtol=1e-14)
