"""PyTorch weights written by PyTorch itself: parameters exact, outputs to 1e-12."""

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.io.formats import load_weights, load_weights_with_info, save_weights

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.torch

D, H, T = 3, 5, 7
MODULES = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}


def _net(kind: str, layers: int = 2, **kwargs):
    torch.manual_seed(0)
    net = MODULES[kind](D, H, num_layers=layers, dtype=torch.float64, **kwargs)
    with torch.no_grad():  # non-zero everywhere, so a swapped bias or block shows
        for p in net.parameters():
            p.uniform_(-0.6, 0.6)
    return net


def _inputs() -> np.ndarray:
    return np.random.default_rng(1).normal(size=(T, D))


def _save(net, path, how: str) -> None:
    state = {f"rnn.{k}": v for k, v in net.state_dict().items()}
    if how == "safetensors":
        st = pytest.importorskip("safetensors.torch")
        st.save_file({k: v.contiguous() for k, v in state.items()}, str(path))
    elif how == "pt":
        torch.save(state, path)
    elif how == "pt_nested":
        torch.save({"epoch": 3, "model_state_dict": state}, path)
    else:
        np.savez(path, **{k: v.numpy() for k, v in state.items()})


@pytest.mark.parametrize("how", ["safetensors", "pt", "pt_nested", "npz"])
@pytest.mark.parametrize("kind", ["lstm", "gru", "rnn"])
def test_two_layer_net_matches_torch(tmp_path, kind, how):
    net = _net(kind)
    path = tmp_path / ("w.safetensors" if how == "safetensors" else "w.npz" if how == "npz" else "w.pt")
    _save(net, path, how)
    cell0, info0 = load_weights_with_info(path, layer=0)
    cell1, info1 = load_weights_with_info(path, layer=1)
    assert cell1.kind == kind and cell1.input_size == H and cell1.hidden_size == H
    assert "layer 1 of 2" in info1 and "module 'rnn'" in info1 and f"{H} units" in info1
    assert info0.startswith(kind.upper())
    state = net.state_dict()
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        np.testing.assert_array_equal(getattr(cell1, name), state[f"{name}_l1"].numpy())
    x = _inputs()
    ours = simulator.run(cell1, simulator.run(cell0, x).h).h
    with torch.no_grad():
        ref = net(torch.from_numpy(x))[0].numpy()
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)
    if kind == "gru":
        assert cell1.reset_after is True
    if kind == "rnn":
        assert cell1.nonlinearity == "tanh" and "assumed tanh" in info1


def test_relu_rnn_needs_the_option(tmp_path):
    net = _net("rnn", nonlinearity="relu")
    path = tmp_path / "w.pt"
    torch.save(net.state_dict(), path)
    cell = load_weights(path, nonlinearity="relu")
    x = _inputs()
    with torch.no_grad():
        ref = net(torch.from_numpy(x))[0].numpy()
    ours = simulator.run(load_weights(path, layer=1, nonlinearity="relu"), simulator.run(cell, x).h).h
    np.testing.assert_allclose(ours, ref, atol=1e-12)


def test_reverse_direction_of_bidirectional(tmp_path):
    net = _net("gru", layers=1, bidirectional=True)
    path = tmp_path / "w.pt"
    torch.save(net.state_dict(), path)
    x = _inputs()
    fwd = load_weights(path)
    rev, info = load_weights_with_info(path, direction="reverse")
    assert "reverse" in info
    with torch.no_grad():
        ref = net(torch.from_numpy(x))[0].numpy()
    np.testing.assert_allclose(simulator.run(fwd, x).h, ref[:, :H], atol=1e-12)
    np.testing.assert_allclose(simulator.run(rev, x).h[::-1], ref[:, H:], atol=1e-12)


def test_torch_cells_and_first_module(tmp_path):
    torch.manual_seed(2)
    model = torch.nn.ModuleDict({"embed": torch.nn.Linear(4, D), "dec": torch.nn.LSTMCell(D, H),
                                 "enc": torch.nn.GRUCell(D, H)}).double()
    path = tmp_path / "cells.pt"
    torch.save(model.state_dict(), path)
    cell, info = load_weights_with_info(path)
    assert cell.kind == "lstm" and "module 'dec'" in info and "other recurrent modules: enc" in info
    gru = load_weights(path, module="enc")
    x = torch.from_numpy(_inputs()[0:1])
    with torch.no_grad():
        ref = model["enc"](x).numpy()[0]
    np.testing.assert_allclose(gru.step(x.numpy()[0])[0]["h"], ref, atol=1e-12)
    with pytest.raises(InputError, match="no recurrent module 'nope'"):
        load_weights(path, module="nope")
    with pytest.raises(InputError, match="single cell"):
        load_weights(path, layer=1)


def test_layer_out_of_range_lists_available(tmp_path):
    path = tmp_path / "w.pt"
    torch.save(_net("lstm").state_dict(), path)
    with pytest.raises(InputError, match=r"layer 2 not found.*available layers: 0, 1"):
        load_weights(path, layer=2)
    with pytest.raises(InputError, match="no reverse direction"):
        load_weights(path, direction="reverse")


def test_proj_size_is_refused(tmp_path):
    net = torch.nn.LSTM(D, H, proj_size=2)
    path = tmp_path / "p.pt"
    torch.save(net.state_dict(), path)
    with pytest.raises(InputError, match=r"proj_size.*weight_hr_l0"):
        load_weights(path)


def test_bf16_and_f16_safetensors(tmp_path):
    st = pytest.importorskip("safetensors.torch")
    net = _net("lstm")
    for dtype in (torch.bfloat16, torch.float16, torch.float32):
        path = tmp_path / f"w_{dtype}.safetensors"
        st.save_file({k: v.to(dtype).contiguous() for k, v in net.state_dict().items()}, str(path))
        cell = load_weights(path)
        np.testing.assert_array_equal(cell.weight_hh, net.weight_hh_l0.detach().to(dtype).double().numpy())


def test_exported_pt_loads_into_torch_cells(tmp_path):
    for kind, cls in (("lstm", torch.nn.LSTMCell), ("gru", torch.nn.GRUCell), ("rnn", torch.nn.RNNCell)):
        cell = simulator.make_cell(kind, D, H, seed=4, **({"nonlinearity": "relu"} if kind == "rnn" else {}))
        path = tmp_path / f"{kind}.pt"
        save_weights(cell, path)
        module = cls(D, H, dtype=torch.float64, **({"nonlinearity": "relu"} if kind == "rnn" else {}))
        module.load_state_dict(torch.load(path, weights_only=True))
        x = _inputs()[0]
        with torch.no_grad():
            out = module(torch.from_numpy(x)[None])
        ref = (out[0] if kind == "lstm" else out).numpy()[0]
        np.testing.assert_allclose(cell.step(x)[0]["h"], ref, atol=1e-12)
        assert load_weights(path) == cell  # options survive in the state dict's _metadata


def test_pickled_module_is_refused(tmp_path):
    path = tmp_path / "module.pt"
    torch.save(torch.nn.LSTM(D, H), path)  # a whole pickled module, not a state dict
    expected = (r"pickled whole model \(torch\.nn\.modules\.rnn\.LSTM\), not a state dict; save the weights "
                r"with torch\.save\(model\.state_dict\(\), PATH\)")
    with pytest.raises(InputError, match=expected) as caught:
        load_weights(path)
    assert "\x1b" not in str(caught.value) and "\n" not in str(caught.value)
