"""Keras files: ``.weights.h5`` (``model.save_weights``) and ``.keras`` archives.

Keras 3 stores a layer's variables at ``layers/<snake_class>[_n]/cell/vars/{0,1,2}``
(kernel, recurrent kernel, bias), nested models under their own ``layers/``,
and a ``Bidirectional`` as ``forward_layer`` / ``backward_layer``. A ``.keras``
archive adds ``config.json``, from which the layer order and the settings
(``activation``, ``recurrent_activation``, ``reset_after``, ``use_bias``) come.
"""

from __future__ import annotations

import io
import json
import math
import os
from typing import Any

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.io.atomic import atomic_write
from simulator.io.formats._build import LoadDetails, LoadInfo, choose_module, info_line
from simulator.io.formats._guard import (
    MAX_ZIP_RATIO,
    RATIO_FLOOR,
    LazyArray,
    check_sizes,
    file_size,
    needs_extra,
    open_zip,
    reading,
)
from simulator.io.formats.keras_config import (
    LayerSpec,
    layers_from_config,
    layers_from_h5,
    layers_from_whole_model_h5,
)
from simulator.io.formats.keras_layout import keras_arrays, keras_cell, keras_details

__all__ = ["read_keras", "write_keras_h5"]

MAX_CONFIG = 64 << 20


def read_keras(path: str, *, layer: int, direction: str, options: dict[str, Any]) -> tuple[Cell, LoadInfo]:
    """The cell of the ``layer``-th recurrent layer of a Keras ``.keras`` or ``.h5`` file.

    Parameters
    ----------
    path : str
    layer : int
        Index among the model's LSTM / GRU / SimpleRNN layers (a Bidirectional counts once).
    direction : {"forward", "reverse"}
        For a Bidirectional layer, which of its two layers.
    options : dict
        Load options.
    """
    file_size(path)
    h5py = needs_extra("h5py", "reading a Keras file")
    config = None
    source = "Keras .weights.h5"
    if path.lower().endswith(".keras") or _is_zip(path):
        archive = open_zip(path, "Keras .keras archive")
        with archive, reading(path, "Keras .keras archive"):
            names = set(archive.namelist())
            if "model.weights.h5" not in names:
                raise InputError(f"{path}: the .keras archive has no model.weights.h5 "
                                 f"(members: {', '.join(sorted(names)[:6])})")
            if "config.json" in names and archive.getinfo("config.json").file_size <= MAX_CONFIG:
                config = _json(path, archive.read("config.json"))
            data = io.BytesIO(archive.read("model.weights.h5"))
        source = "Keras .keras"
    else:
        data = path
    with reading(path, "Keras HDF5 weights file"), h5py.File(data, "r") as h5:
        if config is None and "model_weights" in h5 and "model_config" in h5.attrs:  # model.save("m.h5")
            config = _json(path, h5.attrs["model_config"])
            specs = layers_from_whole_model_h5(h5, config)
            source = "Keras whole-model .h5"
        else:
            specs = layers_from_config(config) if config is not None else layers_from_h5(h5)
        if not specs:
            raise InputError(f"{path}: no LSTM, GRU or SimpleRNN layer found")
        names = [s.name for s in specs]
        layer = choose_module(names, layer, options.get("module"), config is not None, "layer")
        spec = specs[layer]
        cell = _cell(h5py, h5, spec, direction, options)
        if (direction == "reverse") != spec.go_backwards:  # a backward layer runs go_backwards=True
            cell.direction = "reverse"
        if config is None:
            bias = _dataset(h5py, h5, f"{spec.path}/{spec.names['bias']}") if "bias" in spec.names else None
            details = keras_details(cell, bias, options, {}, "a .weights.h5")
        else:
            details = LoadDetails()
    details.module, details.modules, details.layer = spec.name, names, None
    where = f"layer {layer} of {len(specs)}" if len(specs) > 1 else ""
    notes = [f"layer '{spec.name}'"]
    if spec.backward_path:
        notes.append(f"{'backward' if direction == 'reverse' else 'forward'} half of a Bidirectional")
    if cell.direction == "reverse":
        notes.append("consumes the sequence last step first")
    return cell, info_line(cell, source, where, tuple(notes), details)


def _json(path: str, text: Any) -> Any:
    """A model config (``config.json`` or the ``model_config`` attribute) as JSON data."""
    if isinstance(text, (bytes, str)) and len(text) > MAX_CONFIG:
        raise InputError(f"{path}: the model config is larger than {MAX_CONFIG} bytes")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError) as err:
        raise InputError(f"{path}: the model config is not valid JSON ({err})") from None


def _is_zip(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _cell(h5py: Any, h5: Any, spec: LayerSpec, direction: str, options: dict[str, Any]) -> Cell:
    if direction == "reverse":
        if not spec.backward_path:
            raise InputError(f"layer '{spec.name}' is not Bidirectional; it has no reverse direction")
        group_path = spec.backward_path
    else:
        group_path = spec.path
    names = spec.backward_names if direction == "reverse" and spec.backward_names else spec.names
    arrays = {role: _dataset(h5py, h5, f"{group_path}/{name}") for role, name in names.items()}
    missing = [role for role in ("kernel", "recurrent_kernel") if arrays[role] is None]
    if missing:
        raise InputError(f"layer '{spec.name}': no {' or '.join(missing)} at {group_path} in the weights")
    if spec.use_bias and "bias" in names and arrays["bias"] is None:
        raise InputError(f"layer '{spec.name}': use_bias is set but there is no bias at {group_path}")
    return keras_cell(arrays["kernel"], arrays["recurrent_kernel"], arrays.get("bias"), options,
                      kind=spec.kind, settings=spec.settings)


def _dataset(h5py: Any, h5: Any, path: str) -> LazyArray | None:
    """A dataset as a LazyArray, refusing links and storage that point outside the file."""
    parts = path.strip("/").split("/")
    node = h5
    for part in parts:
        link = node.get(part, getlink=True)
        if link is None:
            return None
        if not isinstance(link, h5py.HardLink):
            raise InputError(f"{path}: links to other files or paths are refused")
        node = node[part]
    if not isinstance(node, h5py.Dataset):
        raise InputError(f"{path}: expected an array, found a group")
    if node.is_virtual or node.external:
        raise InputError(f"{path}: data stored outside the file is refused")
    if node.dtype.kind not in "fiu":
        raise InputError(f"{path}: expected real numbers, got dtype {node.dtype}")
    shape = tuple(int(d) for d in node.shape)
    check_sizes(path, shape, node.dtype.itemsize)
    declared = math.prod(shape) * node.dtype.itemsize
    stored = node.id.get_storage_size()  # bytes in the file: 0 for fill values, less when compressed
    if declared > RATIO_FLOOR and declared > MAX_ZIP_RATIO * stored:
        raise InputError(f"{path}: declares {declared / 2**20:.0f} MiB but stores {stored} bytes in the file "
                         "(fill values or a compression bomb); refusing")
    return LazyArray(path, shape, lambda: node[()])


def write_keras_h5(cell: Cell, path: str | os.PathLike[str]) -> None:
    """Write a Keras 3 ``.weights.h5`` for ``Sequential([Input((None, D)), <layer>(H)])``, atomically.

    The layer is ``LSTM``, ``GRU`` (with the cell's ``reset_after``) or ``SimpleRNN`` (with
    ``activation`` = the cell's nonlinearity); arrays as in :func:`keras_arrays`.
    """
    h5py = needs_extra("h5py", "writing a Keras weights file")
    layer = {"lstm": "lstm", "gru": "gru", "rnn": "simple_rnn"}[cell.kind]
    arrays = keras_arrays(cell)
    with atomic_write(path) as fh, reading(os.fspath(path), "Keras HDF5 weights file"), \
            h5py.File(fh, "w") as h5:
        group = h5.create_group(f"layers/{layer}/cell/vars")
        group.attrs["name"] = f"{layer}_cell"
        for index, key in enumerate(("kernel", "recurrent_kernel", "bias")):
            group.create_dataset(str(index), data=arrays[key].astype(cell.dtype))
        h5.create_group(f"layers/{layer}/vars").attrs["name"] = layer
        h5.create_group("vars").attrs["name"] = "sequential"
