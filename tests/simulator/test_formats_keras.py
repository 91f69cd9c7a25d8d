"""Keras 3 files written by Keras itself: our float64 run matches Keras' float32 one to 1e-5."""

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.io.formats import load_weights, load_weights_with_info, save_weights

pytest.importorskip("h5py")
keras = pytest.importorskip("keras")
# Keras variables still use the pre-NumPy-2 __array__ protocol
pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

D, H, T = 3, 4, 6
X = np.random.default_rng(5).normal(size=(T, D)).astype(np.float32)
LAYERS = {
    "lstm": lambda **kw: keras.layers.LSTM(H, return_sequences=True, **kw),
    "gru": lambda **kw: keras.layers.GRU(H, return_sequences=True, **kw),
    "gru_before": lambda **kw: keras.layers.GRU(H, return_sequences=True, reset_after=False, **kw),
    "rnn_relu": lambda **kw: keras.layers.SimpleRNN(H, return_sequences=True, activation="relu", **kw),
    "rnn_nobias": lambda **kw: keras.layers.SimpleRNN(H, return_sequences=True, use_bias=False, **kw),
}


def _randomise(layer, seed=0):
    rng = np.random.default_rng(seed)
    layer.set_weights([rng.uniform(-0.7, 0.7, w.shape).astype(np.float32) for w in layer.get_weights()])


def _model(name: str, before=(), after=()):
    layer = LAYERS[name]()
    model = keras.Sequential([keras.Input((None, D)), *before, layer, *after])
    _randomise(layer)
    return model, layer


def _reference(model) -> np.ndarray:
    return keras.ops.convert_to_numpy(model(X[None]))[0]


@pytest.mark.parametrize("suffix", [".keras", ".weights.h5"])
@pytest.mark.parametrize("name", list(LAYERS))
def test_keras_files_match_keras(tmp_path, name, suffix):
    model, _ = _model(name)
    path = tmp_path / f"m{suffix}"
    model.save(path) if suffix == ".keras" else model.save_weights(path)
    options = {"nonlinearity": "relu"} if name == "rnn_relu" and suffix == ".weights.h5" else {}
    cell, info = load_weights_with_info(path, **options)
    assert cell.dtype == np.float64 and cell.input_size == D and cell.hidden_size == H
    assert f"Keras {suffix}" in info
    if name.startswith("gru"):
        assert cell.reset_after is (name == "gru")  # from the config, or the bias shape alone
    if name == "rnn_relu":
        assert cell.nonlinearity == "relu"
    np.testing.assert_allclose(simulator.run(cell, X).h, _reference(model), rtol=0, atol=1e-5)


def test_nested_functional_and_second_layer(tmp_path):
    inner = keras.Sequential([keras.Input((None, D)), keras.layers.Dense(D),
                              keras.layers.GRU(H, return_sequences=True)], name="inner")
    inp = keras.Input((None, D))
    out = keras.layers.LSTM(H, return_sequences=True)(inner(inp))
    model = keras.Model(inp, out)
    _randomise(inner.layers[1], 1)
    _randomise(model.layers[-1], 2)
    path = tmp_path / "nested.keras"
    model.save(path)
    gru, info0 = load_weights_with_info(path, layer=0)
    lstm, info1 = load_weights_with_info(path, layer=1)
    assert gru.kind == "gru" and "layer 0 of 2" in info0
    assert lstm.kind == "lstm" and "layer 1 of 2" in info1
    dense = keras.ops.convert_to_numpy(inner.layers[0](X[None]))[0]
    ours = simulator.run(lstm, simulator.run(gru, dense).h).h
    np.testing.assert_allclose(ours, _reference(model), atol=1e-5)
    with pytest.raises(InputError, match=r"layer 2 not found.*2 recurrent layer"):
        load_weights(path, layer=2)


def test_bidirectional_forward_and_backward(tmp_path):
    bi = keras.layers.Bidirectional(keras.layers.GRU(H, return_sequences=True))
    model = keras.Sequential([keras.Input((None, D)), bi])
    _randomise(bi, 3)
    ref = _reference(model)
    for suffix in (".keras", ".weights.h5"):
        path = tmp_path / f"bi{suffix}"
        model.save(path) if suffix == ".keras" else model.save_weights(path)
        fwd, info = load_weights_with_info(path)
        assert "forward half of a Bidirectional" in info
        np.testing.assert_allclose(simulator.run(fwd, X).h, ref[:, :H], atol=1e-5)
        back = load_weights(path, direction="reverse")
        np.testing.assert_allclose(simulator.run(back, X).h[::-1], ref[:, H:], atol=1e-5)


def test_unsupported_activations_are_refused(tmp_path):
    cases = [(keras.layers.LSTM(H, recurrent_activation="hard_sigmoid"),
              "recurrent_activation 'hard_sigmoid'"),
             (keras.layers.GRU(H, activation="relu"), "activation 'relu' is not supported"),
             (keras.layers.SimpleRNN(H, activation="sigmoid"), "activation 'sigmoid'")]
    for layer, message in cases:
        path = tmp_path / "bad.keras"
        keras.Sequential([keras.Input((None, D)), layer]).save(path)
        with pytest.raises(InputError, match=message):
            load_weights(path)


def test_no_recurrent_layer(tmp_path):
    path = tmp_path / "dense.keras"
    keras.Sequential([keras.Input((D,)), keras.layers.Dense(2)]).save(path)
    with pytest.raises(InputError, match="no LSTM, GRU or SimpleRNN layer"):
        load_weights(path)


@pytest.mark.parametrize("name", ["lstm", "gru", "gru_before", "rnn_relu"])
def test_exported_weights_h5_loads_into_keras(tmp_path, name):
    kind = name.split("_")[0]
    options = {"gru_before": {"reset_after": False}, "rnn_relu": {"nonlinearity": "relu"}}.get(name, {})
    cell = simulator.make_cell(kind, D, H, seed=6, **options)
    cell.bias_hh[:] = np.linspace(-0.5, 0.5, cell.bias_hh.size)  # both biases matter
    path = tmp_path / "ours.weights.h5"
    save_weights(cell, path)
    model, _ = _model(name)
    model.load_weights(path)
    np.testing.assert_allclose(simulator.run(cell, X).h, _reference(model), atol=1e-5)


def test_peephole_cell_cannot_go_to_keras(tmp_path):
    base = simulator.make_cell("lstm", D, H)
    cell = simulator.LSTMCell(base.weight_ih, base.weight_hh, weight_peephole=np.ones((3, H)))
    with pytest.raises(InputError, match="no peepholes"):
        save_weights(cell, tmp_path / "p.weights.h5")
    assert not list(tmp_path.iterdir())  # nothing half-written left behind


@pytest.mark.parametrize("suffix", [".keras", ".weights.h5"])
def test_go_backwards_runs_reversed(tmp_path, suffix):
    rnn = keras.layers.LSTM(H, return_sequences=True, go_backwards=True)
    model = keras.Sequential([keras.Input((None, D)), rnn])
    _randomise(rnn, 5)
    ref = _reference(model)  # Keras returns the reversed sequence: row t is after consuming x[T-1-t]
    path = tmp_path / f"back{suffix}"
    model.save(path) if suffix == ".keras" else model.save_weights(path)
    cell = load_weights(path)
    if suffix == ".keras":
        assert cell.direction == "reverse"
        np.testing.assert_allclose(simulator.run(cell, X).h, ref, atol=1e-5)
    else:  # weights only: go_backwards is not stored, so the cell runs forward
        assert cell.direction == "forward"
        np.testing.assert_allclose(simulator.run(cell, X[::-1]).h, ref, atol=1e-5)


def test_bidirectional_with_its_own_backward_layer(tmp_path):
    forward = keras.layers.LSTM(H, return_sequences=True)
    backward = keras.layers.LSTM(H, return_sequences=True, go_backwards=True)
    bi = keras.layers.Bidirectional(forward, backward_layer=backward)
    model = keras.Sequential([keras.Input((None, D)), bi])
    _randomise(bi, 7)
    ref = _reference(model)
    path = tmp_path / "own.keras"
    model.save(path)
    back = load_weights(path, direction="reverse")
    assert back.direction == "reverse"
    np.testing.assert_allclose(simulator.run(back, X).h[::-1], ref[:, H:], atol=1e-5)
    np.testing.assert_allclose(simulator.run(load_weights(path), X).h, ref[:, :H], atol=1e-5)
