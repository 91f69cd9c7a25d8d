"""Where a Keras model keeps its recurrent layers: from ``config.json``, or guessed from the HDF5 tree.

Keras 3 names each child of a layer list by its snake-cased class name, with
``_1``, ``_2`` … for repeats of the same class, in list order; the config's
``layers`` list has that order, so config entry → HDF5 path is exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from simulator.core.errors import InputError

__all__ = ["LayerSpec", "layers_from_config", "layers_from_h5", "layers_from_whole_model_h5"]

_KINDS = {"LSTM": "lstm", "GRU": "gru", "SimpleRNN": "rnn",
          "LSTMCell": "lstm", "GRUCell": "gru", "SimpleRNNCell": "rnn"}
_VARS = {"kernel": "0", "recurrent_kernel": "1", "bias": "2"}
_LEGACY = {"kernel": "kernel:0", "recurrent_kernel": "recurrent_kernel:0", "bias": "bias:0"}


@dataclass
class LayerSpec:
    """One recurrent layer: its HDF5 group(s), kind and settings.

    Attributes
    ----------
    name : str
        The layer's name in the model (or its HDF5 path).
    path : str
        Group holding the variables (the forward layer of a Bidirectional).
    backward_path : str
        The backward layer's group of a Bidirectional, else "".
    kind : {"rnn", "lstm", "gru"} or None
        None when unknown (inferred from the shapes).
    settings : dict
        ``nonlinearity`` / ``reset_after`` for :func:`keras_cell`.
    names : dict
        Dataset name of kernel, recurrent_kernel and bias within the group.
    backward_names : dict
        The same for ``backward_path`` when they differ (a whole-model ``.h5``), else empty.
    """

    name: str
    path: str
    backward_path: str = ""
    kind: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=lambda: dict(_VARS))
    use_bias: bool = True
    go_backwards: bool = False
    backward_names: dict[str, str] = field(default_factory=dict)


def _snake(name: str) -> str:
    """Keras' ``to_snake_case``: ``"SimpleRNN"`` → ``"simple_rnn"``."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _activation(value: Any) -> str:
    if isinstance(value, dict):  # {"class_name": "function", "config": "tanh", ...}
        value = value.get("config", value.get("class_name"))
    return str(value)


def _settings(layer_name: str, class_name: str, cfg: dict[str, Any]) -> dict[str, Any]:
    """Refuse settings the simulator does not model; return nonlinearity / reset_after."""
    kind = _KINDS[class_name]
    act = _activation(cfg.get("activation", "tanh"))
    allowed = ("tanh", "relu") if kind == "rnn" else ("tanh",)
    if act not in allowed:
        raise InputError(f"layer '{layer_name}': activation {act!r} is not supported "
                         f"(the simulator's {class_name} uses {' or '.join(allowed)})")
    if kind != "rnn":
        rec = _activation(cfg.get("recurrent_activation", "sigmoid"))
        if rec != "sigmoid":
            raise InputError(f"layer '{layer_name}': recurrent_activation {rec!r} is not supported "
                             "(the simulator's gates use the logistic sigmoid)")
    if kind == "rnn":
        return {"nonlinearity": act}
    if kind == "gru":
        return {"reset_after": bool(cfg.get("reset_after", True))}
    return {}


def _spec(name: str, path: str, class_name: str, cfg: dict[str, Any]) -> LayerSpec:
    use_bias = bool(cfg.get("use_bias", True))
    names = dict(_VARS) if use_bias else {"kernel": "0", "recurrent_kernel": "1"}
    return LayerSpec(name, path, kind=_KINDS[class_name], settings=_settings(name, class_name, cfg),
                     names=names, use_bias=use_bias, go_backwards=bool(cfg.get("go_backwards", False)))


def _entry(entry: Any, path: str, out: list[LayerSpec]) -> None:
    """Append the recurrent layers inside one config entry at HDF5 group ``path``."""
    if not isinstance(entry, dict):
        return
    cls, cfg = entry.get("class_name"), entry.get("config")
    if not isinstance(cfg, dict):
        return
    name = str(cfg.get("name", path))
    if cls in ("LSTM", "GRU", "SimpleRNN"):
        out.append(_spec(name, f"{path}/cell/vars", cls, cfg))
    elif cls == "RNN" and isinstance(cfg.get("cell"), dict) and cfg["cell"].get("class_name") in _KINDS:
        cell = cfg["cell"]
        out.append(_spec(name, f"{path}/cell/vars", cell["class_name"], cell.get("config") or {}))
    elif cls == "Bidirectional":
        inner: list[LayerSpec] = []
        _entry(cfg.get("layer"), f"{path}/forward_layer", inner)
        if inner:
            spec = inner[0]
            spec.name, spec.backward_path = name, f"{path}/backward_layer/cell/vars"
            out.append(spec)
    elif isinstance(cfg.get("layers"), list):
        _container(cfg["layers"], path, out)


def _container(layers: list[Any], path: str, out: list[LayerSpec]) -> None:
    used: dict[str, int] = {}
    for entry in layers:
        if not isinstance(entry, dict) or not isinstance(entry.get("class_name"), str):
            continue
        base = _snake(entry["class_name"])
        used[base] = used.get(base, -1) + 1
        child = base if used[base] == 0 else f"{base}_{used[base]}"
        _entry(entry, f"{path}/layers/{child}".lstrip("/"), out)


def layers_from_config(config: Any) -> list[LayerSpec]:
    """The recurrent layers of a ``config.json`` model, in model order."""
    if not isinstance(config, dict):
        raise InputError("config.json does not describe a Keras model")
    out: list[LayerSpec] = []
    cfg = config.get("config")
    if isinstance(cfg, dict) and isinstance(cfg.get("layers"), list):
        _container(cfg["layers"], "", out)
    else:  # the whole model is one layer
        _entry(config, "", out)
        for spec in out:
            spec.path = spec.path.lstrip("/")
    return out


def layers_from_h5(h5: Any) -> list[LayerSpec]:
    """Recurrent layers guessed from an HDF5 tree alone (Keras 3 ``cell/vars`` or legacy ``kernel:0``).

    Kind and settings are left to the shapes; a ``forward_layer`` / ``backward_layer``
    pair becomes one Bidirectional spec.
    """
    found: list[LayerSpec] = []
    paths: list[tuple[str, dict[str, str]]] = []

    def visit(name: str, obj: Any) -> None:
        keys = set(getattr(obj, "keys", lambda: ())())
        if name.endswith("cell/vars") and {"0", "1"} <= keys:
            paths.append((name, dict(_VARS)))
        elif {"kernel:0", "recurrent_kernel:0"} <= keys:
            paths.append((name, dict(_LEGACY)))

    h5.visititems(visit)
    backward = {p for p, _ in paths if "/backward_layer/" in f"/{p}"}
    for p, names in paths:
        if p in backward:
            continue
        layer = p.removesuffix("/cell/vars")
        twin = p.replace("forward_layer", "backward_layer", 1) if "forward_layer" in p else ""
        found.append(LayerSpec(layer.removesuffix("/forward_layer"), p,
                               backward_path=twin if twin in backward else "", names=names,
                               use_bias=False))  # unknown: take a bias when there is one
    return found


def layers_from_whole_model_h5(h5: Any, config: Any) -> list[LayerSpec]:
    """The recurrent layers of ``model.save("m.h5")`` (Keras 2 style): config order, ``weight_names`` paths.

    Each layer's group ``model_weights/<name>`` lists its variables in its ``weight_names``
    attribute: kernel, recurrent kernel and bias (a Bidirectional: the forward layer's, then the
    backward layer's).
    """
    specs = layers_from_config(config)
    for spec in specs:
        group = h5["model_weights"].get(spec.name)
        names = [] if group is None else group.attrs.get("weight_names", [])
        names = [n.decode("utf-8", "replace") if isinstance(n, bytes) else str(n) for n in names]
        count = 3 if spec.use_bias else 2
        halves = 2 if spec.backward_path else 1
        if len(names) != count * halves:
            raise InputError(f"layer '{spec.name}': model_weights lists {len(names)} variables, expected "
                             f"{count * halves}")
        roles = ("kernel", "recurrent_kernel", "bias")[:count]
        spec.path = f"model_weights/{spec.name}"
        spec.names = dict(zip(roles, names[:count], strict=True))
        if spec.backward_path:
            spec.backward_path = spec.path
            spec.backward_names = dict(zip(roles, names[count:], strict=True))
    return specs
