"""What a weight file means: settings it does not store, direction, module (issue 11, classes 1–3).

Each file is written by the framework itself; GateScope's trace is compared with the
framework's own forward pass, or the command must refuse with status 2 and one line.
"""

import json

import numpy as np
import pytest

D, H, T = 3, 4, 9
X = np.random.default_rng(11).normal(size=(T, D))


def _metadata(path) -> dict:
    with np.load(path, allow_pickle=False) as npz:
        return json.loads(str(npz["metadata"]))


def _trace(path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as npz:
        return {k: npz[k] for k in npz.files}


@pytest.fixture
def inputs(tmp_path):
    path = tmp_path / "x.npy"
    np.save(path, X)
    return path


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _uniform(torch, module, seed=0):
    torch.manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.uniform_(-0.6, 0.6)
    return module


@pytest.mark.torch
def test_relu_rnn_state_dict_states_its_assumption(cli, torch, tmp_path, inputs):
    net = _uniform(torch, torch.nn.RNN(D, H, nonlinearity="relu", dtype=torch.float64))
    torch.save(net.state_dict(), tmp_path / "rnn.pt")
    with torch.no_grad():
        ref = net(torch.from_numpy(X))[0].numpy()
    out = tmp_path / "t.npz"
    plain = cli("--weights", tmp_path / "rnn.pt", "--inputs", inputs, "--out", out)
    assert plain.code == 0, plain.err
    assert "assumed: nonlinearity not stored in a state dict: assumed tanh" in plain.out
    assert "--nonlinearity relu" in plain.out
    meta = _metadata(out)
    assert meta["assumptions"] and "assumed tanh" in meta["assumptions"][0]
    assert meta["direction"] == "forward" and meta["module"] is None
    assert np.abs(_trace(out)["h"] - ref).max() > 1e-3  # the assumption matters here
    for flag in ("--nonlinearity", "--activation"):
        done = cli("--weights", tmp_path / "rnn.pt", "--inputs", inputs, "--out", out, flag, "relu")
        assert done.code == 0 and "assumed" not in done.out, done.err
        np.testing.assert_allclose(_trace(out)["h"], ref, rtol=0, atol=1e-12)
        assert _metadata(out)["assumptions"] == []


@pytest.mark.torch
def test_reverse_half_consumes_the_sequence_reversed(cli, torch, tmp_path, inputs):
    net = _uniform(torch, torch.nn.GRU(D, H, bidirectional=True, dtype=torch.float64))
    torch.save(net.state_dict(), tmp_path / "bi.pt")
    with torch.no_grad():
        ref = net(torch.from_numpy(X))[0].numpy()
    out = tmp_path / "t.npz"
    done = cli("--weights", tmp_path / "bi.pt", "--direction", "reverse", "--inputs", inputs,
               "--out", out)
    assert done.code == 0 and "consumed last step first" in done.out, done.err
    trace, meta = _trace(out), _metadata(out)
    np.testing.assert_array_equal(trace["x"], X[::-1])  # x as consumed
    np.testing.assert_allclose(trace["h"], ref[::-1, H:], rtol=0, atol=1e-12)
    assert meta["direction"] == "reverse" and "last step first" in meta["rows"]
    fwd = cli("--weights", tmp_path / "bi.pt", "--inputs", inputs, "--out", out)
    assert fwd.code == 0
    np.testing.assert_allclose(_trace(out)["h"], ref[:, :H], rtol=0, atol=1e-12)


@pytest.mark.torch
def test_safetensors_with_two_modules_needs_module(cli, torch, tmp_path, inputs):
    st = pytest.importorskip("safetensors.torch")
    encoder = _uniform(torch, torch.nn.LSTM(D, H, dtype=torch.float64), 1)
    decoder = _uniform(torch, torch.nn.GRU(D, H, dtype=torch.float64), 2)
    state = {**{f"encoder.{k}": v for k, v in encoder.state_dict().items()},
             **{f"decoder.{k}": v for k, v in decoder.state_dict().items()}}
    path = tmp_path / "two.safetensors"
    st.save_file(state, str(path))  # the header is alphabetical: decoder first
    out = tmp_path / "t.npz"
    refused = cli("--weights", path, "--inputs", inputs, "--out", out)
    refused.assert_refused(out)
    assert "decoder, encoder" in refused.err and "--module NAME" in refused.err
    cli("--weights", path, "--layer", "0", "--inputs", inputs, "--out", out).assert_refused(out)
    done = cli("--weights", path, "--module", "encoder", "--inputs", inputs, "--out", out)
    assert done.code == 0, done.err
    with torch.no_grad():
        ref = encoder(torch.from_numpy(X))[0].numpy()
    np.testing.assert_allclose(_trace(out)["h"], ref, rtol=0, atol=1e-12)
    meta = _metadata(out)
    assert meta["module"] == "encoder" and meta["weights"]["modules"] == ["decoder", "encoder"]
    wrong = cli("--weights", path, "--module", "enc", "--inputs", inputs, "--out", out)
    assert wrong.code == 2 and "decoder, encoder" in wrong.err


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # keras 3 on numpy 2 (as in test_formats_keras)
def test_keras_gru_without_bias_states_reset_after(cli, tmp_path, inputs):
    keras = pytest.importorskip("keras")
    for reset_after in (True, False):
        layer = keras.layers.GRU(H, use_bias=False, reset_after=reset_after, return_sequences=True)
        model = keras.Sequential([keras.Input((None, D)), layer])
        rng = np.random.default_rng(3)
        layer.set_weights([rng.uniform(-0.7, 0.7, w.shape).astype(np.float32) for w in layer.get_weights()])
        ref = keras.ops.convert_to_numpy(model(X[None].astype(np.float32)))[0]
        path = tmp_path / "gru.weights.h5"
        model.save_weights(path)
        out = tmp_path / "t.npz"
        plain = cli("--weights", path, "--inputs", inputs, "--out", out)
        assert plain.code == 0 and "reset_after not stored" in plain.out, plain.err
        assert "go_backwards not stored" in plain.out
        flag = "true" if reset_after else "false"
        done = cli("--weights", path, "--reset-after", flag, "--inputs", inputs, "--out", out)
        assert done.code == 0 and "reset_after not stored" not in done.out, done.err
        np.testing.assert_allclose(_trace(out)["h"], ref, rtol=0, atol=1e-5)


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # keras 3 on numpy 2 (as in test_formats_keras)
def test_keras_weights_h5_with_two_layers_needs_module(cli, tmp_path, inputs):
    keras = pytest.importorskip("keras")
    first = keras.layers.LSTM(H, return_sequences=True, name="encoder")
    second = keras.layers.SimpleRNN(H, return_sequences=True, name="head")
    model = keras.Sequential([keras.Input((None, D)), first, second])
    path = tmp_path / "two.weights.h5"
    model.save_weights(path)
    out = tmp_path / "t.npz"
    refused = cli("--weights", path, "--inputs", inputs, "--out", out)
    refused.assert_refused(out)
    # Keras 3 names the groups by class (layers/lstm, layers/simple_rnn), not by layer name
    assert "(layers/lstm, layers/simple_rnn)" in refused.err and "--module" in refused.err
    done = cli("--weights", path, "--module", "layers/lstm", "--inputs", inputs, "--out", out)
    assert done.code == 0, done.err
    ref = keras.ops.convert_to_numpy(first(X[None].astype(np.float32)))[0]
    np.testing.assert_allclose(_trace(out)["h"], ref, rtol=0, atol=1e-5)


@pytest.mark.parametrize(("flags", "words"), [
    (("--cell", "lstm", "--recurrent-activation", "hard_sigmoid"), "--recurrent-activation"),
    (("--cell", "lstm", "--activation", "relu"), "--activation relu cannot run"),
    (("--cell", "gru", "--activation", "gelu"), "--activation"),
    (("--cell", "lstm", "--reset-after", "false"), "--reset-after applies to the GRU only"),
    (("--cell", "gru", "--reset-after", "maybe"), "--reset-after"),
    (("--cell", "rnn", "--module", "enc"), "--module"),
])
def test_settings_the_engine_cannot_run_are_refused(cli, tmp_path, flags, words):
    out = tmp_path / "t.npz"
    done = cli(*flags, "--hidden-size", 2, "--text", "abc", "--out", out)
    done.assert_refused(out)
    assert words in done.err


def test_new_reverse_cell_and_help(cli, tmp_path):
    out = tmp_path / "t.npz"
    done = cli("--cell", "gru", "--hidden-size", 3, "--reset-after", "false", "--direction",
               "reverse", "--text", "abcd", "--out", out)
    assert done.code == 0, done.err
    trace = _trace(out)
    assert trace["x"].argmax(axis=1).tolist() == [3, 2, 1, 0]
    assert _metadata(out)["direction"] == "reverse" and _metadata(out)["reset_after"] is False
    shown = cli("--help")
    for flag in ("--direction", "--module", "--activation", "--recurrent-activation", "--reset-after"):
        assert flag in shown.out


def test_force_gate_on_a_reverse_cell_counts_consumed_steps(cli, tmp_path):
    out = tmp_path / "t.npz"
    done = cli("--cell", "gru", "--hidden-size", 3, "--direction", "reverse", "--text", "abcdef",
               "--force-gate", "z=1@2", "--out", out)
    assert done.code == 0 and "diverges at step 2" in done.out, done.err
    plain = tmp_path / "p.npz"
    assert cli("--cell", "gru", "--hidden-size", 3, "--direction", "reverse", "--text", "abcdef",
               "--out", plain).code == 0
    branched, original = _trace(out), _trace(plain)
    np.testing.assert_array_equal(branched["h"][:2], original["h"][:2])
    np.testing.assert_allclose(branched["h"][2], branched["h"][1], rtol=0, atol=1e-15)  # z = 1 keeps h
    np.testing.assert_array_equal(branched["x"], original["x"])


@pytest.mark.torch
def test_pickled_whole_module_is_refused_in_a_real_process(main_py, torch, tmp_path):
    torch.save(torch.nn.GRU(D, H), tmp_path / "model.pt")  # the whole module, not its state dict
    done = main_py("simulate", "--weights", "model.pt", "--text", "abc", "--out", "t.npz")
    done.assert_refused(tmp_path / "t.npz")
    assert "pickled whole model (torch.nn.modules.rnn.GRU)" in done.err
    assert "torch.save(model.state_dict(), PATH)" in done.err and "\x1b" not in done.err
    torch.save(torch.nn.GRU(D, H).state_dict(), tmp_path / "state.pt")
    np.save(tmp_path / "x.npy", X)
    ok = main_py("simulate", "--weights", "state.pt", "--inputs", "x.npy", "--out", "t.npz")
    assert ok.code == 0, ok.err
    assert ok.out.startswith("wrote t.npz: GRU (reset after matmul), 3 inputs, 4 units")
