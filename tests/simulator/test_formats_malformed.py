"""Untrusted files: every problem is one InputError naming it, and nothing large is allocated."""

import io
import json
import struct
import sys
import time
import tracemalloc
import zipfile

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.io.formats import load_weights, save_weights

D, H = 2, 3


def _torch_arrays(kind="gru"):
    cell = simulator.make_cell(kind, D, H, seed=1)
    return {k: v.copy() for k, v in cell.parameters().items()}


def _safetensors_bytes(header: dict, data: bytes = b"") -> bytes:
    text = json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + data


@pytest.mark.parametrize("suffix", [".safetensors", ".npz", ".pt", ".onnx", ".keras", ".weights.h5"])
def test_empty_file(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="is empty"):
        load_weights(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match=r"(?i)no such file"):
        load_weights(tmp_path / "nope.npz")
    with pytest.raises(InputError, match="is a directory"):
        load_weights(tmp_path)


@pytest.mark.parametrize(("blob", "message"), [
    (b"\x05\x00", "truncated safetensors"),
    (struct.pack("<Q", 1 << 40) + b"{}", "header claims 1099511627776 bytes"),
    (struct.pack("<Q", 5) + b"{nope", "not valid JSON"),
    (_safetensors_bytes({"weight_hh": {"dtype": "F64", "shape": [9, 3], "data_offsets": [0, 216]}},
                        b"\0" * 100),
     "lie outside the 100-byte data section"),
    (_safetensors_bytes({"weight_hh": {"dtype": "F64", "shape": [9, 3], "data_offsets": [0, 8]}}, b"\0" * 8),
     "spans 8 bytes but F64 \\[9, 3\\] needs 216"),
    (_safetensors_bytes({"weight_hh": {"dtype": "F64", "shape": [1 << 20, 1 << 20],
                                       "data_offsets": [0, 8 << 40]}}, b"\0" * 8), "lie outside"),
    (_safetensors_bytes({"weight_hh": {"dtype": "F64", "shape": [-9, 3], "data_offsets": [0, 0]}}),
     "invalid shape"),
    (_safetensors_bytes({"weight_hh": {"dtype": "Q7", "shape": [1], "data_offsets": [0, 1]}}, b"\0"),
     "unknown dtype 'Q7'"),
])
def test_bad_safetensors(tmp_path, blob, message):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(blob)
    with pytest.raises(InputError, match=message):
        load_weights(path)


def test_truncated_safetensors(tmp_path):
    path = tmp_path / "w.safetensors"
    save_weights(simulator.make_cell("lstm", D, H), path)
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    with pytest.raises(InputError, match=r"outside the .*data section"):
        load_weights(path)


def test_integer_weights_in_safetensors(tmp_path):
    arrays = _torch_arrays("rnn")
    blob, header, offset = b"", {}, 0
    for name, arr in arrays.items():
        raw = arr.astype("<i8").tobytes()
        header[name] = {"dtype": "I64", "shape": list(arr.shape), "data_offsets": [offset, offset + len(raw)]}
        blob, offset = blob + raw, offset + len(raw)
    path = tmp_path / "int.safetensors"
    path.write_bytes(_safetensors_bytes(header, blob))
    with pytest.raises(InputError, match="dtype I64 is not a float type"):
        load_weights(path)


def test_npz_object_array_is_never_unpickled(tmp_path):
    path = tmp_path / "pickle.npz"
    np.savez(path, weight_hh=np.array([{"evil": 1}], dtype=object), weight_ih=np.zeros((3, 2)))
    with pytest.raises(InputError, match="pickle"):
        load_weights(path)


def test_npz_missing_and_wrong_arrays(tmp_path):
    arrays = _torch_arrays("gru")
    np.savez(tmp_path / "a.npz", bias_ih=arrays["bias_ih"])
    with pytest.raises(InputError, match=r"no recurrent weights found.*bias_ih"):
        load_weights(tmp_path / "a.npz")
    np.savez(tmp_path / "b.npz", weight_hh=arrays["weight_hh"])
    with pytest.raises(InputError, match="no matching weight_ih"):
        load_weights(tmp_path / "b.npz")
    np.savez(tmp_path / "c.npz", **{**arrays, "weight_hh": np.zeros((7, H))})
    with pytest.raises(InputError, match="7 gate rows for 3 units"):
        load_weights(tmp_path / "c.npz")
    np.savez(tmp_path / "d.npz", **{**arrays, "bias_hh": np.zeros(4)})
    with pytest.raises(InputError, match=r"recurrent bias 'bias_hh': expected shape \(9,\), got \(4,\)"):
        load_weights(tmp_path / "d.npz")
    np.savez(tmp_path / "e.npz", **{**arrays, "weight_ih": np.array(["a", "b"])})
    with pytest.raises(InputError, match="not real numbers"):
        load_weights(tmp_path / "e.npz")


def test_nan_and_inf_are_named(tmp_path):
    arrays = _torch_arrays("lstm")
    arrays["weight_ih"][5, 1] = np.nan
    np.savez(tmp_path / "nan.npz", **arrays)
    with pytest.raises(InputError, match=r"weight_ih: non-finite value nan at index \(5, 1\)"):
        load_weights(tmp_path / "nan.npz")
    arrays = _torch_arrays("lstm")
    arrays["bias_hh"][2] = -np.inf
    np.savez(tmp_path / "inf.npz", **{k: v.astype(np.float32) for k, v in arrays.items()})
    with pytest.raises(InputError, match=r"bias_hh: non-finite value -inf at index \(2,\)"):
        load_weights(tmp_path / "inf.npz")


def test_fortran_and_big_endian_npz_arrays(tmp_path):
    arrays = _torch_arrays("lstm")
    np.savez(tmp_path / "f.npz", **{k: np.asfortranarray(v).astype(">f8") for k, v in arrays.items()})
    cell = load_weights(tmp_path / "f.npz")
    np.testing.assert_array_equal(cell.weight_ih, arrays["weight_ih"])


def test_npy_header_declaring_a_huge_shape(tmp_path):
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False,
                                                  "shape": (1 << 20, 1 << 20)})
    with zipfile.ZipFile(tmp_path / "huge.npz", "w") as zf:
        zf.writestr("weight_hh.npy", header.getvalue() + b"\0" * 64)
    with pytest.raises(InputError, match=r"declares 8192\.0 GiB"):
        load_weights(tmp_path / "huge.npz")


def _bomb(path, member: str, megabytes: int = 100) -> None:
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf, \
            zf.open(member, "w", force_zip64=True) as fh:
        for _ in range(megabytes):
            fh.write(chunk)


BOMBS = [("bomb.npz", "weight_hh.npy"), ("bomb.keras", "model.weights.h5"), ("bomb.pt", "archive/data/0")]


@pytest.mark.parametrize(("name", "member"), BOMBS)
def test_zip_bomb_is_refused_quickly(tmp_path, name, member):
    path = tmp_path / name
    _bomb(path, member)
    assert path.stat().st_size < 1 << 20
    if name.endswith(".pt"):
        pytest.importorskip("torch")
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(InputError, match="zip bomb"):
            load_weights(path)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0 and peak < 8 << 20


def test_not_a_zip_keras_and_missing_members(tmp_path):
    pytest.importorskip("h5py")
    (tmp_path / "a.keras").write_bytes(b"this is not a zip archive at all")
    with pytest.raises(InputError, match="not a zip archive"):
        load_weights(tmp_path / "a.keras")
    with zipfile.ZipFile(tmp_path / "b.keras", "w") as zf:
        zf.writestr("config.json", "{}")
    with pytest.raises(InputError, match=r"no model\.weights\.h5"):
        load_weights(tmp_path / "b.keras")


def test_random_bytes(tmp_path):
    noise = np.random.default_rng(0).bytes(4096)
    for suffix, message in ((".onnx", "ONNX"), (".weights.h5", "Keras HDF5"), (".npz", "not a zip"),
                            (".safetensors", "header claims")):
        if suffix == ".onnx":
            pytest.importorskip("onnx")
        if suffix == ".weights.h5":
            pytest.importorskip("h5py")
        (tmp_path / f"r{suffix}").write_bytes(noise)
        with pytest.raises(InputError, match=message):
            load_weights(tmp_path / f"r{suffix}")


def test_h5_links_outside_the_file_are_refused(tmp_path):
    h5py = pytest.importorskip("h5py")
    path = tmp_path / "link.weights.h5"
    with h5py.File(path, "w") as f:
        vars_ = f.create_group("layers/gru/cell/vars")
        vars_["0"] = h5py.ExternalLink("/etc/secret.h5", "/data")
        vars_["1"] = np.zeros((H, 3 * H))
    with pytest.raises(InputError, match="links to other files"):
        load_weights(path)


@pytest.mark.parametrize(("package", "suffix", "message"), [
    ("h5py", ".weights.h5", r"needs the 'formats' extra: pip install 'gatescope\[formats\]'"),
    ("onnx", ".onnx", r"needs the 'formats' extra")])
def test_missing_optional_package(tmp_path, monkeypatch, package, suffix, message):
    path = tmp_path / f"w{suffix}"
    path.write_bytes(b"not empty")
    monkeypatch.setitem(sys.modules, package, None)  # import now raises ImportError
    with pytest.raises(InputError, match=message):
        load_weights(path)
    with pytest.raises(InputError, match=message):
        save_weights(simulator.make_cell("gru", D, H), path)


@pytest.mark.parametrize("suffix", [".safetensors", ".npz", ".onnx", ".weights.h5"])
def test_damaged_copies_fail_cleanly(tmp_path, suffix):
    if suffix == ".onnx":
        pytest.importorskip("onnx")
    if suffix == ".weights.h5":
        pytest.importorskip("h5py")
    good = tmp_path / f"good{suffix}"
    save_weights(simulator.make_cell("lstm", D, H, seed=2), good)
    base = good.read_bytes()
    rng = np.random.default_rng(0)
    for _ in range(60):  # truncations and byte flips: a Cell or one clean line, never a traceback
        blob = bytearray(base[: rng.integers(1, len(base))] if rng.random() < 0.3 else base)
        for _ in range(rng.integers(1, 6)):
            blob[rng.integers(len(blob))] = rng.integers(256)
        bad = tmp_path / f"bad{suffix}"
        bad.write_bytes(bytes(blob))
        try:
            assert isinstance(load_weights(bad), simulator.Cell)
        except InputError as err:
            assert "\n" not in str(err) and str(err)
