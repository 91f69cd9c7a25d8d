"""save_weights → load_weights gives back the same cell, in every format and naming."""

import json
import os
import struct

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.io.formats import (
    WEIGHT_FILE_FILTERS,
    atomic_write,
    load_weights,
    load_weights_with_info,
    save_weights,
)
from simulator.io.formats.safetensors import read_safetensors, write_safetensors

D, H = 3, 5
CELLS = [("lstm", {}), ("gru", {}), ("gru", {"reset_after": False}), ("rnn", {}),
         ("rnn", {"nonlinearity": "relu"})]


def _cell(kind, options, dtype=np.float64):
    cell = simulator.make_cell(kind, D, H, seed=11, dtype=dtype, **options)
    cell.bias_hh[:] = np.linspace(-0.4, 0.4, cell.bias_hh.size)  # keep both biases non-zero
    return cell


def _peephole_cell():
    base = _cell("lstm", {})
    return simulator.LSTMCell(base.weight_ih, base.weight_hh, base.bias_ih, base.bias_hh,
                              weight_peephole=np.arange(3 * H, dtype=float).reshape(3, H) / 10)


@pytest.mark.parametrize(("kind", "options"), CELLS)
@pytest.mark.parametrize("suffix", [".safetensors", ".npz"])
def test_exact_round_trip_torch_naming(tmp_path, kind, options, suffix):
    cell = _cell(kind, options)
    path = tmp_path / f"w{suffix}"
    save_weights(cell, path)
    back, info = load_weights_with_info(path)
    assert back == cell  # same kind, options and bit-identical arrays
    assert "(PyTorch" in info and "assumed" not in info  # options came back from our metadata


@pytest.mark.parametrize(("kind", "options"), CELLS)
@pytest.mark.parametrize("suffix", [".safetensors", ".npz"])
def test_keras_naming_round_trip_is_equivalent(tmp_path, kind, options, suffix):
    cell = _cell(kind, options)
    path = tmp_path / f"w{suffix}"
    save_weights(cell, path, naming="keras")
    back, info = load_weights_with_info(path)
    assert "(Keras" in info and back.config() == cell.config()
    x = np.random.default_rng(0).normal(size=(8, D))
    # LSTM / RNN / reset-before GRU keep one summed bias: same function, not the same split
    np.testing.assert_allclose(simulator.run(back, x).h, simulator.run(cell, x).h, rtol=0, atol=1e-14)
    np.testing.assert_array_equal(back.weight_hh, cell.weight_hh)


def test_float32_cells_stay_float32_on_disk(tmp_path):
    cell = _cell("gru", {}, np.float32)
    path = tmp_path / "w.safetensors"
    save_weights(cell, path)
    arrays, meta = read_safetensors(str(path))
    assert {a.name for a in arrays.values()} == {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}
    assert json.loads(meta["__gatescope__"])["reset_after"] is True
    with open(path, "rb") as fh:
        header = json.loads(fh.read(struct.unpack("<Q", fh.read(8))[0]))
    assert header["weight_hh"]["dtype"] == "F32" and header["weight_hh"]["shape"] == [3 * H, H]
    back = load_weights(path, dtype="float32")
    assert back == cell


def test_peepholes_round_trip(tmp_path):
    cell = _peephole_cell()
    for suffix in (".safetensors", ".npz"):
        save_weights(cell, tmp_path / f"p{suffix}")
        back, info = load_weights_with_info(tmp_path / f"p{suffix}")
        assert back == cell and "peepholes" in info


def test_our_safetensors_reads_with_the_reference_library(tmp_path):
    st = pytest.importorskip("safetensors.numpy")
    cell = _cell("lstm", {})
    save_weights(cell, tmp_path / "w.safetensors")
    loaded = st.load_file(str(tmp_path / "w.safetensors"))
    np.testing.assert_array_equal(loaded["weight_ih"], cell.weight_ih)
    np.testing.assert_array_equal(loaded["bias_hh"], cell.bias_hh)


def test_options_override_and_validation(tmp_path):
    path = tmp_path / "w.npz"
    save_weights(_cell("rnn", {}), path)
    assert load_weights(path, nonlinearity="relu").nonlinearity == "relu"
    with pytest.raises(InputError, match="reset_after option applies to a GRU"):
        load_weights(path, reset_after=False)
    with pytest.raises(InputError, match="unknown load option"):
        load_weights(path, colour="red")
    with pytest.raises(InputError, match="direction must be"):
        load_weights(path, direction="sideways")
    with pytest.raises(InputError, match="unknown format"):
        load_weights(path, format="caffe")
    with pytest.raises(InputError, match="Keras-named"):
        load_weights(path, format="keras")


def test_package_level_load_weights(tmp_path):
    cell = _cell("lstm", {})
    save_weights(cell, tmp_path / "w.safetensors")
    assert simulator.load_weights(tmp_path / "w.safetensors", layer=0) == cell


def test_format_inferred_from_content_without_extension(tmp_path):
    cell = _cell("gru", {})
    for suffix in (".safetensors", ".npz"):
        save_weights(cell, tmp_path / f"w{suffix}")
        os.rename(tmp_path / f"w{suffix}", tmp_path / "weights.bin2")
        assert load_weights(tmp_path / "weights.bin2") == cell


def test_save_refuses_unknown_extension_and_keeps_old_file(tmp_path):
    cell = _cell("lstm", {})
    with pytest.raises(InputError, match="cannot tell the format"):
        save_weights(cell, tmp_path / "w.txt")
    path = tmp_path / "w.safetensors"
    path.write_bytes(b"old")
    with pytest.raises(InputError):
        write_safetensors(path, {"bad": np.array([1, 2], dtype=np.int64)})
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["w.safetensors"]


def test_atomic_write_replaces_or_leaves_alone(tmp_path):
    path = tmp_path / "trace.csv"
    with atomic_write(path, binary=False) as fh:
        fh.write("a,b\n")
    assert path.read_text() == "a,b\n"
    with pytest.raises(RuntimeError), atomic_write(path) as fh:
        fh.write(b"partial")
        raise RuntimeError("crash mid-write")
    assert path.read_text() == "a,b\n" and os.listdir(tmp_path) == ["trace.csv"]
    with pytest.raises(InputError, match="cannot write"), atomic_write(tmp_path / "missing" / "x.csv"):
        pass


def test_file_filters_cover_the_loaders():
    suffixes = {s for _, group in WEIGHT_FILE_FILTERS for s in group}
    assert {".safetensors", ".npz", ".pt", ".onnx", ".keras", ".weights.h5"} <= suffixes
    assert all(isinstance(label, str) and group for label, group in WEIGHT_FILE_FILTERS)
