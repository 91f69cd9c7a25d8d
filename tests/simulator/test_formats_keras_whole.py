"""Keras whole-model ``.h5`` (``model.save("m.h5")``, the Keras 2 format): config order and weight_names."""

import json

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.io.formats import load_weights, load_weights_with_info

h5py = pytest.importorskip("h5py")
keras = pytest.importorskip("keras")

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

D, H, T = 3, 4, 7
X = np.random.default_rng(5).normal(size=(T, D)).astype(np.float32)


def _model():
    enc = keras.layers.LSTM(H, return_sequences=True, name="enc")
    bi = keras.layers.Bidirectional(keras.layers.GRU(2, return_sequences=True), name="bi")
    model = keras.Sequential([keras.Input((None, D)), enc, bi, keras.layers.Dense(1)])
    rng = np.random.default_rng(1)
    for layer in (enc, bi):
        layer.set_weights([rng.uniform(-0.7, 0.7, w.shape).astype(np.float32) for w in layer.get_weights()])
    return model, enc, bi


def _check(path, enc, bi):
    first, info = load_weights_with_info(path)
    assert info.module == "enc" and info.modules == ("enc", "bi") and info.assumptions == ()
    h = keras.ops.convert_to_numpy(enc(X[None]))[0]
    np.testing.assert_allclose(simulator.run(first, X).h, h, rtol=0, atol=1e-5)
    both = keras.ops.convert_to_numpy(bi(h[None]))[0]
    forward = load_weights(path, module="bi")
    backward = load_weights(path, layer=1, direction="reverse")
    assert backward.direction == "reverse"
    np.testing.assert_allclose(simulator.run(forward, h).h, both[:, :2], rtol=0, atol=1e-5)
    np.testing.assert_allclose(simulator.run(backward, h).h[::-1], both[:, 2:], rtol=0, atol=1e-5)


def test_keras3_legacy_h5_save(tmp_path):
    model, enc, bi = _model()
    path = tmp_path / "m.h5"
    model.save(path)  # Keras 3 writes the legacy whole-model HDF5 for an .h5 name
    with h5py.File(path) as f:
        assert "model_weights" in f and "model_config" in f.attrs
    _check(path, enc, bi)


def test_keras2_style_h5_built_with_h5py(tmp_path):
    """The tree Keras 2 wrote: names with ``:0`` and a model_config attribute."""
    _, enc, bi = _model()
    path = tmp_path / "k2.h5"
    with h5py.File(path, "w") as f:
        f.attrs["model_config"] = json.dumps({"class_name": "Sequential", "config": {
            "name": "sequential", "layers": [
                {"class_name": "LSTM", "config": enc.get_config()},
                {"class_name": "Bidirectional", "config": bi.get_config()},
                {"class_name": "Dense", "config": {"name": "dense"}}]}})
        f.attrs["keras_version"] = "2.15.0"
        weights = f.create_group("model_weights")
        sets = {"enc": [("enc/lstm_cell", enc.get_weights())],
                "bi": [("bi/forward_gru/gru_cell", bi.get_weights()[:3]),
                       ("bi/backward_gru/gru_cell", bi.get_weights()[3:])]}
        for layer, parts in sets.items():
            group = weights.create_group(layer)
            names = []
            for prefix, arrays in parts:
                for role, arr in zip(("kernel", "recurrent_kernel", "bias"), arrays, strict=True):
                    names.append(f"{prefix}/{role}:0")
                    group.create_dataset(names[-1], data=arr)
            group.attrs["weight_names"] = [n.encode() for n in names]
    _check(path, enc, bi)


def test_whole_model_h5_with_missing_weights_is_refused(tmp_path):
    model, _, _ = _model()
    path = tmp_path / "m.h5"
    model.save(path)
    with h5py.File(path, "a") as f:
        f["model_weights/enc"].attrs["weight_names"] = [b"x"]
    with pytest.raises(InputError, match="layer 'enc': model_weights lists 1 variables, expected 3"):
        load_weights(path)
