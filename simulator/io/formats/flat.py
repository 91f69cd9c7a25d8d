"""Files that are a flat name → array mapping: ``.npz``, ``.safetensors`` and PyTorch ``.pt``.

The naming (PyTorch or Keras) is inferred from the names; our own files also
carry the cell's options (``nonlinearity``, ``reset_after``) as JSON metadata.
"""

from __future__ import annotations

import json
import os
from collections import OrderedDict
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.io.atomic import atomic_write
from simulator.io.formats._build import LoadInfo, choose_module, info_line, read_metadata
from simulator.io.formats._guard import LazyArray, eager, file_size, needs_extra
from simulator.io.formats.keras_layout import (
    find_keras_sets,
    is_keras_naming,
    keras_arrays,
    keras_cell,
    keras_details,
)
from simulator.io.formats.npz import read_npz, write_npz
from simulator.io.formats.safetensors import read_safetensors, write_safetensors
from simulator.io.formats.torch_layout import is_torch_naming, torch_arrays, torch_cell
from simulator.io.formats.torch_pickle import read_torch_zip

__all__ = ["META_KEY", "flat_arrays", "flat_cell", "read_pt", "save_flat"]

META_KEY = "__gatescope__"  # npz member / safetensors metadata entry with our cell options


def flat_cell(arrays: dict[str, LazyArray], meta: str | None, *, layer: int, direction: str,
              options: dict[str, Any], source: str, naming: str | None = None) -> tuple[Cell, LoadInfo]:
    """A cell from PyTorch- or Keras-named arrays; the naming (or ``naming``) decides the layout.

    A ``source`` of "safetensors" marks the names as alphabetical, not the model's order.
    """
    defaults = read_metadata(meta)
    torch_names, keras_names = is_torch_naming(arrays), is_keras_naming(arrays)
    if naming == "torch" and not torch_names:
        raise InputError(f"no PyTorch-named recurrent weights (weight_hh…) in this {source} file")
    if naming == "keras" and not keras_names:
        raise InputError(f"no Keras-named recurrent weights (recurrent_kernel…) in this {source} file")
    if torch_names and naming != "keras":
        return torch_cell(arrays, layer=layer, direction=direction, options=options,
                          source=f"PyTorch {source}", defaults=defaults, ordered=source != "safetensors")
    if keras_names:
        sets = find_keras_sets(arrays)
        if direction != "forward":
            raise InputError("Keras-named arrays hold one direction: this file has no reverse half "
                             "(for --direction reverse)")
        names = [prefix or "(top level)" for prefix, _ in sets]
        layer = choose_module(names, layer, options.get("module"), source != "safetensors", "layer")
        prefix, found = sets[layer]
        cell = keras_cell(found["kernel"], found["recurrent_kernel"], found.get("bias"), options,
                          settings=defaults)
        details = keras_details(cell, found.get("bias"), options, defaults, "these arrays")
        details.module, details.modules = prefix or None, names
        where = f"layer {layer} of {len(sets)}" if len(sets) > 1 else ""
        return cell, info_line(cell, f"Keras {source}", where, (), details)
    names = ", ".join(list(arrays)[:8])
    raise InputError(f"no recurrent weights found: expected PyTorch names (weight_ih, weight_hh, …) or "
                     f"Keras names (kernel, recurrent_kernel, bias); the file has {names}")


def flat_arrays(path: str, kind: str) -> tuple[dict[str, LazyArray], str | None]:
    """The arrays and our metadata (JSON text or None) of a ``kind`` in {npz, safetensors, pt} file."""
    if kind == "safetensors":
        arrays, metadata = read_safetensors(path)
        return arrays, metadata.get(META_KEY)
    if kind == "npz":
        arrays = read_npz(path)
        meta = arrays.pop(META_KEY, None)
        text = None
        if meta is not None and len(meta.shape) == 1 and meta.shape[0] < 65536:
            raw = meta.load()
            if raw.dtype == np.uint8:
                text = raw.tobytes().decode("utf-8", "replace")
        return arrays, text
    return read_pt(path)


def read_pt(path: str) -> tuple[dict[str, LazyArray], str | None]:
    """A PyTorch ``.pt`` / ``.pth`` state dict, read without torch (see :mod:`.torch_pickle`).

    Accepts a state dict or a dict holding one under ``state_dict`` or ``model_state_dict``.
    Our options travel in the state dict's own ``_metadata[""]`` (ignored by ``load_state_dict``).
    """
    file_size(path)
    obj = read_torch_zip(path)
    if isinstance(obj, dict):
        for key in ("state_dict", "model_state_dict"):
            if isinstance(obj.get(key), dict):
                obj = obj[key]
                break
    if not isinstance(obj, dict):
        raise InputError(f"{path}: expected a state dict, found a {type(obj).__name__}")
    arrays = {}
    for name, value in obj.items():
        if isinstance(name, str) and isinstance(value, np.ndarray) and value.dtype.kind == "f":
            arrays[name] = eager(name, value.astype(np.float64))
    meta = getattr(obj, "_metadata", None)
    meta = meta.get("", {}) if isinstance(meta, dict) else {}
    text = meta.get(META_KEY) if isinstance(meta, dict) else None
    return arrays, text if isinstance(text, str) else None


def _metadata(cell: Cell) -> str:
    return json.dumps({"kind": cell.kind, **cell.options()})


def save_flat(cell: Cell, path: str | os.PathLike[str], kind: str, naming: str) -> None:
    """Write the cell's arrays as ``kind`` (npz, safetensors or pt) with ``naming`` torch or keras."""
    if naming not in ("torch", "keras"):
        raise InputError(f"naming must be 'torch' or 'keras', not {naming!r}")
    if naming == "keras" and kind == "pt":
        raise InputError("a PyTorch .pt file uses torch names; use naming='torch'")
    arrays = torch_arrays(cell) if naming == "torch" else keras_arrays(cell)
    arrays = {k: v.astype(cell.dtype) for k, v in arrays.items()}
    if kind == "safetensors":
        write_safetensors(path, arrays, {"format": "pt" if naming == "torch" else "keras",
                                         META_KEY: _metadata(cell)})
    elif kind == "npz":
        meta = np.frombuffer(_metadata(cell).encode("utf-8"), dtype=np.uint8)
        write_npz(path, {**arrays, META_KEY: meta})
    else:
        torch = needs_extra("torch", "writing a PyTorch .pt file")
        state = OrderedDict((k, torch.from_numpy(np.ascontiguousarray(v))) for k, v in arrays.items())
        state._metadata = OrderedDict({"": {"version": 1, META_KEY: _metadata(cell)}})  # type: ignore[attr-defined]
        with atomic_write(path) as fh:
            torch.save(state, fh)
