"""Well-formed weight files with wrong content: shapes, dtypes, NaN / inf, lying headers, pickles, links.

Each file is built from :func:`weight_sets` (right names, random kind and sizes, some arrays
wrong) in every format; the loader must give a valid cell or one clean InputError.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hostile_checks import check_cell, feed, fuzz_settings
from hostile_files import arrays, with_lying_zip_sizes, zip_bytes
from hypothesis import given
from hypothesis import strategies as st
from weight_sets import npz_file, safetensors_file, weight_sets

from simulator.io.formats import load_weights


class Payload:
    """A custom class: ``torch.save`` pickles it, ``weights_only`` loading must refuse it."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (print, ("unpickled!",))


def _load(path: Path, key: str) -> None:
    feed(key, lambda: load_weights(path), check_cell)


@fuzz_settings("weights .safetensors built")
@given(data=st.data())
def test_built_safetensors(hostile_dir: Path, data: st.DataObject):
    path = hostile_dir / "built.safetensors"
    path.write_bytes(data.draw(safetensors_file(data.draw(weight_sets()))))
    _load(path, "weights .safetensors built")


@fuzz_settings("weights .npz built")
@given(data=st.data(), lie=st.sampled_from([None, None, 0, 1, 2**31, 2**32 - 1]))
def test_built_npz(hostile_dir: Path, data: st.DataObject, lie: int | None):
    blob = data.draw(npz_file(data.draw(weight_sets())))
    if lie is not None:  # the zip's own declared sizes lie too
        blob = with_lying_zip_sizes(blob, lambda size: lie or size + 1)
    path = hostile_dir / "built.npz"
    path.write_bytes(blob)
    _load(path, "weights .npz built")


def _torch_value(torch: Any, arr: np.ndarray, how: int) -> Any:
    try:
        tensor = torch.from_numpy(np.ascontiguousarray(arr, dtype=arr.dtype.newbyteorder("=")))
    except (TypeError, ValueError):
        return arr.tolist() if arr.dtype.kind in "US" else str(arr.dtype)
    if how == 1 and tensor.is_floating_point():
        return tensor.to(torch.bfloat16)
    if how == 2 and tensor.ndim == 2:
        return tensor.t()  # a non-contiguous view
    if how == 3 and tensor.ndim == 2 and tensor.is_floating_point():
        return tensor.to_sparse()
    return tensor


@fuzz_settings("weights .pt built")
@given(data=st.data(), wrap=st.integers(0, 6), legacy=st.booleans())
def test_built_pt(hostile_dir: Path, data: st.DataObject, wrap: int, legacy: bool):
    torch = pytest.importorskip("torch")
    state = {k: _torch_value(torch, v, data.draw(st.integers(0, 5)))
             for k, v in data.draw(weight_sets("torch")).items()}
    obj: Any = [state, {"state_dict": state}, {"model_state_dict": state, "epoch": 3}, Payload(),
                {"x": Payload()}, list(state.values()), state][wrap]
    buffer = io.BytesIO()
    try:
        torch.save(obj, buffer, _use_new_zipfile_serialization=not legacy)
    except Exception:  # torch cannot save this draw; nothing to load
        return
    path = hostile_dir / "built.pt"
    path.write_bytes(buffer.getvalue())
    _load(path, "weights .pt built")


def _h5_weights(h5py: Any, data: st.DataObject, path: Path) -> None:
    """A Keras 3 or legacy HDF5 tree whose datasets are drawn (links, groups and fill-only too)."""
    sets = data.draw(weight_sets("keras"))
    roles = [n for n in sets if n.removesuffix(":0").endswith(("kernel", "bias"))]
    legacy = data.draw(st.booleans())
    layer = data.draw(st.sampled_from(["lstm", "gru", "simple_rnn", "bidirectional/forward_layer"]))
    group_name = f"model_weights/{layer}/{layer}" if legacy else f"layers/{layer}/cell/vars"
    with h5py.File(path, "w") as f:
        group = f.create_group(group_name)
        for name in roles:
            arr = sets[name]
            short = name.removesuffix(":0")
            role = next(r for r in ("recurrent_kernel", "bias", "kernel") if short.endswith(r))
            key = f"{role}:0" if legacy else {"kernel": "0", "recurrent_kernel": "1", "bias": "2"}[role]
            if key in group:
                continue
            how = data.draw(st.integers(0, 9))
            if how == 0:
                group[key] = h5py.SoftLink(f"/{group_name}")
            elif how == 1:
                group[key] = h5py.ExternalLink("other.h5", "/data")
            elif how == 2:
                group.create_group(key)
            elif how == 3:  # declares a large array, stores nothing (the fill value)
                group.create_dataset(key, shape=(8192, 8192), dtype="f8", chunks=(64, 64))
            elif how == 4:
                group.create_dataset(key, data=h5py.Empty("f8"))
            else:
                try:
                    group.create_dataset(key, data=arr, compression="gzip" if how == 5 else None)
                except (TypeError, ValueError):
                    group.create_dataset(key, data=np.bytes_(b"not numbers"))
        f.attrs["backend"] = "tensorflow"


@fuzz_settings("weights .weights.h5 built")
@given(data=st.data())
def test_built_weights_h5(hostile_dir: Path, data: st.DataObject):
    h5py = pytest.importorskip("h5py")
    path = hostile_dir / "built.weights.h5"
    _h5_weights(h5py, data, path)
    _load(path, "weights .weights.h5 built")


CONFIGS = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                           st.sampled_from(["class_name", "config", "layers", "layer", "cell", "name",
                                            "activation", "reset_after", "use_bias"]), inner, max_size=4),
                       max_leaves=12)
ACTIVATIONS = st.sampled_from(["tanh", "tanh", "relu", "sigmoid", {"config": "tanh"}, 3])
LAYER_CLASSES = st.sampled_from(["LSTM", "GRU", "SimpleRNN", "Bidirectional", "RNN", "Dense"])


@fuzz_settings("weights .keras built")
@given(data=st.data(), config=CONFIGS, cls=LAYER_CLASSES, deep=st.integers(0, 3), bomb=st.booleans())
def test_built_keras(hostile_dir: Path, data: st.DataObject, config: Any, cls: str, deep: int, bomb: bool):
    h5py = pytest.importorskip("h5py")
    h5_path = hostile_dir / "inner.weights.h5"
    _h5_weights(h5py, data, h5_path)
    activation = data.draw(ACTIVATIONS)
    layer = {"class_name": cls, "config": {"name": "x", "activation": activation, "layer": config,
                                           "cell": config}}
    text = [json.dumps({"class_name": "Sequential", "config": {"layers": [layer, config]}}),
            json.dumps(config), "[" * 100_000 + "]" * 100_000, "{not json"][deep].encode()
    members = {"config.json": text, "model.weights.h5": h5_path.read_bytes()}
    if bomb:  # 128 MiB of zeros deflates to about 128 KiB
        members["assets/zeros.bin"] = b"\0" * (128 << 20) if deep == 0 else b"\0" * 4096
    blob = zip_bytes(members, compressed=True)
    if data.draw(st.integers(0, 4)) == 0:
        blob = with_lying_zip_sizes(blob, lambda size: size * 3)
    path = hostile_dir / "built.keras"
    path.write_bytes(blob)
    _load(path, "weights .keras built")


SIZES = st.integers(1, 3)
ONNX_SHAPES = st.lists(st.integers(1, 12), min_size=1, max_size=3).map(tuple)
ONNX_ATTRS = st.just({}) | st.dictionaries(
    st.sampled_from(["direction", "hidden_size", "activations", "clip", "linear_before_reset", "input_forget",
                     "layout"]),
    st.sampled_from([b"forward", b"forward", b"reverse", b"bidirectional", b"sideways", 2, 0, -5, 2**40, 1.5,
                     [b"Tanh"], [b"Relu"], [b"\xff\xfe"]]), max_size=3)


@fuzz_settings("weights .onnx built")
@given(data=st.data(), op=st.sampled_from(["LSTM", "GRU", "RNN", "Add"]), attrs=ONNX_ATTRS,
       constant=st.booleans(), external=st.integers(0, 12))
def test_built_onnx(hostile_dir: Path, data: st.DataObject, op: str, attrs: dict[str, Any], constant: bool,
                    external: int):
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    G, H, D = {"LSTM": 4, "GRU": 3}.get(op, 1), data.draw(SIZES), data.draw(SIZES)
    right = {"W": (1, G * H, D), "R": (1, G * H, H), "B": (1, 2 * G * H), "P": (1, 3 * H)}
    tensors = []
    for name in ("W", "R", "B", "P"):
        good = data.draw(st.integers(0, 4)) > 0
        arr = data.draw(arrays(shape=st.just(right[name]) if good else ONNX_SHAPES, finite=good,
                               dtypes=("<f8", "<f4", "<i4", "<f2", "|b1", "<c16")))
        tensor = numpy_helper.from_array(arr, name)
        if external == 0:
            tensor.data_location = TensorProto.EXTERNAL
            tensor.external_data.add(key="location", value="../../etc/passwd")
        elif external == 1 and tensor.raw_data:
            tensor.raw_data = tensor.raw_data[: len(tensor.raw_data) // 2]  # dims lie about the data
        elif external == 2:
            del tensor.dims[:]
            tensor.dims.extend([2**31, 2**31])
        tensors.append(tensor)
    try:
        node = helper.make_node(op, ["X", "W", "R", "B", "", "", "", "P"], ["Y"], **attrs)
    except (TypeError, ValueError):
        return  # onnx.helper cannot express this attribute mix
    nodes = [node]
    if constant:  # W as a Constant node's output instead of an initializer
        nodes.insert(0, helper.make_node("Constant", [], ["W"], value=tensors.pop(0)))
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("X", TensorProto.FLOAT, None)],
                              [helper.make_tensor_value_info("Y", TensorProto.FLOAT, None)], tensors)
    path = hostile_dir / "built.onnx"
    path.write_bytes(helper.make_model(graph).SerializeToString())
    assert onnx is not None
    _load(path, "weights .onnx built")
