"""The public entry points: ``load_weights``, ``load_weights_with_info``, ``save_weights``."""

from __future__ import annotations

import os
from typing import Any

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.io.formats._build import LoadInfo, ModuleChoiceError, check_options
from simulator.io.formats._guard import file_size

__all__ = ["WEIGHT_FILE_FILTERS", "LoadInfo", "ModuleChoiceError", "load_weights", "load_weights_with_info",
           "save_weights"]

WEIGHT_FILE_FILTERS: list[tuple[str, tuple[str, ...]]] = [
    ("PyTorch safetensors", (".safetensors",)),
    ("PyTorch state dict", (".pt", ".pth")),
    ("Keras model", (".keras",)),
    ("Keras weights", (".weights.h5", ".h5", ".hdf5")),
    ("ONNX model", (".onnx",)),
    ("NumPy archive", (".npz",)),
]

_BY_SUFFIX = {".safetensors": "safetensors", ".npz": "npz", ".pt": "pt", ".pth": "pt", ".bin": "pt",
              ".onnx": "onnx", ".keras": "keras", ".h5": "keras", ".hdf5": "keras"}
_FORMATS = ("torch", "keras", "onnx", "npz", "safetensors")


def _sniff(path: str) -> str:
    """The container from the extension, else from the first bytes."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    if head.startswith(b"\x89HDF"):
        return "keras"
    if len(head) > 8 and head[8:9] == b"{":
        return "safetensors"
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError) as err:
            raise InputError(f"{path}: damaged zip archive ({err})") from None
        if "config.json" in names or "model.weights.h5" in names:
            return "keras"
        return "npz" if all(n.endswith(".npy") for n in names) else "pt"
    raise InputError(f"{path}: unknown weight file type; expected one of "
                     + ", ".join(s for _, group in WEIGHT_FILE_FILTERS for s in group))


def load_weights_with_info(path: str | os.PathLike[str], format: str | None = None, *,  # noqa: A002
                           layer: int = 0, direction: str = "forward",
                           **options: Any) -> tuple[Cell, LoadInfo]:
    """Read a cell from a weight file and describe what was read, in one line and as facts.

    Parameters
    ----------
    path : str or os.PathLike
        ``.safetensors``, ``.npz``, ``.pt`` / ``.pth``, ``.keras``, ``.weights.h5`` or ``.onnx``.
    format : {None, "torch", "keras", "onnx", "npz", "safetensors"}
        None infers it from the extension or the content. "torch" / "keras" on an
        ``.npz`` or ``.safetensors`` file insist on that naming of the arrays.
    layer : int
        Which recurrent layer (PyTorch ``_l{k}``, the k-th Keras layer or ONNX node). Refused
        when the file does not record the model's order (a safetensors header, a ``.weights.h5``)
        and holds several modules: pass ``module`` then.
    direction : {"forward", "reverse"}
        The backward half of a bidirectional layer with "reverse" (for Keras weights without a
        config, which do not store ``go_backwards``, the layer run backwards). The cell's own
        ``direction`` says how it consumes a sequence (a reverse-only ONNX node loads as reverse).
    **options
        ``nonlinearity`` ("tanh" | "relu", an RNN's, which a state dict does not store),
        ``reset_after`` (bool, a GRU's), ``dtype`` ("float64" default or "float32"),
        ``module`` (a PyTorch module prefix such as "encoder.lstm", a Keras layer or ONNX node name).

    Returns
    -------
    cell : Cell
        float64 by default, in the canonical PyTorch layout.
    info : LoadInfo
        A ``str``, e.g. ``"LSTM, 8 inputs, 32 units, layer 0 of 2 (PyTorch safetensors)"``, whose
        attributes are the facts: ``kind``, ``input_size``, ``hidden_size``, ``source``, ``module``,
        ``layer``, ``direction``, ``modules`` (every recurrent module, by the model's names) and
        ``assumptions`` (sentences for the settings the file does not record).

    Raises
    ------
    InputError
        Any problem with the file or the options, in one line.
    """
    path = os.fspath(path)
    check_options(options)
    if format is not None and format not in _FORMATS:
        raise InputError(f"unknown format {format!r}; choose {', '.join(_FORMATS)} or None")
    if direction not in ("forward", "reverse"):
        raise InputError(f"direction must be 'forward' or 'reverse', not {direction!r}")
    if not isinstance(layer, int) or isinstance(layer, bool) or layer < 0:
        raise InputError(f"layer must be a non-negative integer, not {layer!r}")
    file_size(path)
    try:
        return _load(path, format, layer, direction, options)
    except InputError as err:
        text = " ".join(str(err).split())  # names from the file may hold newlines or U+2028
        text = "".join(ch if ch.isprintable() else "?" for ch in text)  # no terminal escape codes
        if isinstance(err, ModuleChoiceError) and text != str(err):
            raise ModuleChoiceError(text, err.modules) from None
        if text != str(err):
            raise InputError(text) from None
        raise
    except MemoryError:
        raise InputError(f"{path}: not enough memory to read this file") from None
    except Exception as err:  # a reader's unforeseen failure on damaged data is still the file's fault
        text = f"{type(err).__name__}: {' '.join(str(err).split())[:200]}"
        raise InputError(f"{path}: damaged or unsupported weight file ({text})") from None


def _load(path: str, format: str | None, layer: int, direction: str,  # noqa: A002
          options: dict[str, Any]) -> tuple[Cell, LoadInfo]:
    container = _sniff(path)
    flat = container in ("npz", "safetensors")
    if format in ("npz", "safetensors", "onnx") or (format == "keras" and not flat):
        container = format
    elif format == "torch" and not flat:
        container = "pt"
    if container == "onnx":
        from simulator.io.formats.onnx_files import read_onnx

        return read_onnx(path, layer=layer, direction=direction, options=options)
    if container == "keras":
        from simulator.io.formats.keras_files import read_keras

        return read_keras(path, layer=layer, direction=direction, options=options)
    from simulator.io.formats.flat import flat_arrays, flat_cell

    arrays, meta = flat_arrays(path, container)
    naming = format if format in ("torch", "keras") else None
    label = {"pt": "state dict", "npz": ".npz", "safetensors": "safetensors"}[container]
    return flat_cell(arrays, meta, layer=layer, direction=direction, options=options, source=label,
                     naming=naming)


def load_weights(path: str | os.PathLike[str], format: str | None = None, *,  # noqa: A002
                 layer: int = 0, direction: str = "forward", **options: Any) -> Cell:
    """Read a cell from a weight file; see :func:`load_weights_with_info`."""
    return load_weights_with_info(path, format, layer=layer, direction=direction, **options)[0]


def save_weights(cell: Cell, path: str | os.PathLike[str], format: str | None = None, *,  # noqa: A002
                 naming: str = "torch") -> None:
    """Write the cell's weights, atomically.

    Parameters
    ----------
    cell : Cell
    path : str or os.PathLike
    format : {None, "safetensors", "npz", "onnx", "torch", "keras"}
        None infers from the extension: ``.safetensors``, ``.npz``, ``.onnx``,
        ``.pt`` / ``.pth`` (torch), ``.h5`` / ``.weights.h5`` (Keras, loadable by
        ``keras.Sequential([Input((None, D)), LSTM(H)]).load_weights``).
    naming : {"torch", "keras"}
        Array names for ``.npz`` and ``.safetensors``: ``weight_ih`` … or
        ``kernel`` / ``recurrent_kernel`` / ``bias``.

    Raises
    ------
    InputError
        Unknown format, a missing optional package, a cell the format cannot hold
        (peepholes in Keras), or a failed write (the old file is then untouched).
    """
    path = os.fspath(path)
    if not isinstance(cell, Cell):
        raise InputError(f"save_weights needs a Cell, not {type(cell).__name__}")
    kind = {"torch": "pt", "keras": "keras"}.get(format or "", format)
    if kind is None:
        kind = _BY_SUFFIX.get(os.path.splitext(path)[1].lower())
    if kind not in ("safetensors", "npz", "onnx", "pt", "keras"):
        raise InputError(f"cannot tell the format of {os.path.basename(path)!r}; use .safetensors, .npz, "
                         ".onnx, .pt or .weights.h5, or pass format=")
    if kind == "onnx":
        from simulator.io.formats.onnx_files import write_onnx

        write_onnx(cell, path)
    elif kind == "keras":
        from simulator.io.formats.keras_files import write_keras_h5

        write_keras_h5(cell, path)
    else:
        from simulator.io.formats.flat import save_flat

        save_flat(cell, path, kind, naming)
