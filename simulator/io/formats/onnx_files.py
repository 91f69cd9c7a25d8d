"""ONNX models with an ``LSTM``, ``GRU`` or ``RNN`` node: read its weights, or write such a model.

ONNX stacks LSTM gates as i, o, f, c (canonical i, f, g, o) and GRU gates as
z, r, h (canonical r, z, n); ``B`` is ``[Wb, Rb]``; peepholes ``P`` are i, o, f.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.io.atomic import atomic_write
from simulator.io.formats._build import (
    KIND_BY_BLOCKS,
    LoadDetails,
    LoadInfo,
    block_count,
    build_cell,
    choose_module,
    info_line,
    permute_blocks,
)
from simulator.io.formats._guard import check_sizes, file_size, float_array, needs_extra, reading

__all__ = ["read_onnx", "write_onnx"]

_KIND = {"LSTM": "lstm", "GRU": "gru", "RNN": "rnn"}
_OP = {v: k for k, v in _KIND.items()}
_TO_CANONICAL = {"lstm": [0, 2, 3, 1], "gru": [1, 0, 2], "rnn": [0]}  # canonical block j <- ONNX block
_TO_ONNX = {"lstm": [0, 3, 1, 2], "gru": [1, 0, 2], "rnn": [0]}
_DEFAULT_ACTS = {"lstm": ["sigmoid", "tanh", "tanh"], "gru": ["sigmoid", "tanh"], "rnn": ["tanh"]}
MAX_ONNX = 2 << 30


def read_onnx(path: str, *, layer: int, direction: str, options: dict[str, Any]) -> tuple[Cell, LoadInfo]:
    """The cell of the ``layer``-th LSTM / GRU / RNN node of an ONNX model.

    Parameters
    ----------
    path : str
    layer : int
        Index among the graph's recurrent nodes, in graph order.
    direction : {"forward", "reverse"}
        Which half of a bidirectional node (a ``reverse`` node needs "reverse").
    options : dict
        Load options.

    Notes
    -----
    ``W`` (dirs, G·H, D), ``R`` (dirs, G·H, H), ``B`` (dirs, 2·G·H), ``P`` (dirs, 3H)
    must be initializers or Constant nodes; external data is refused.
    """
    if file_size(path) > MAX_ONNX:
        raise InputError(f"{path}: larger than 2 GiB; refusing")
    onnx = needs_extra("onnx", "reading an ONNX model")
    from onnx import numpy_helper

    with reading(path, "ONNX model"):
        model = onnx.load(path, load_external_data=False)
    graph = model.graph
    nodes = [n for n in graph.node if n.op_type in _KIND and n.domain in ("", "ai.onnx")]
    if not nodes:
        ops = sorted({_text(n.op_type) for n in graph.node})
        raise InputError(f"{path}: no LSTM, GRU or RNN node in the ONNX graph "
                         f"(ops: {', '.join(ops[:8]) or 'none'})")
    names = [n.name or f"#{k}" for k, n in enumerate(nodes)]
    layer = choose_module(names, layer, options.get("module"), True, "node")
    node = nodes[layer]
    kind = _KIND[node.op_type]
    attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
    node_dir = _text(attrs.get("direction", b"forward"))
    index = _direction_index(node_dir, direction)
    _check_attrs(node.op_type, kind, attrs, index)
    tensors = _constants(graph)

    def weight(slot: int, label: str) -> np.ndarray | None:
        name = node.input[slot] if slot < len(node.input) else ""
        if not name:
            return None
        if name not in tensors:
            raise InputError(f"{label} ({name!r}) is computed in the graph; only initializers and "
                             "Constant nodes are supported")
        tensor = tensors[name]
        if tensor.data_location == onnx.TensorProto.EXTERNAL:
            raise InputError(f"{label} ({name!r}) is stored as external data; refusing")
        check_sizes(label, tuple(int(d) for d in tensor.dims), 8)
        with reading(path, "ONNX tensor"):
            arr = numpy_helper.to_array(tensor)
        return float_array(label, arr)

    W, R = weight(1, "W"), weight(2, "R")
    if W is None or R is None:
        raise InputError(f"{node.op_type} node lacks W or R")
    if W.ndim != 3 or R.ndim != 3 or R.shape[0] != W.shape[0] or W.shape[0] <= index:
        raise InputError(f"W {W.shape} and R {R.shape} must be (directions, G·H, ·)")
    GH, H = R.shape[1:]
    if KIND_BY_BLOCKS[block_count(GH, H, "R")] != kind or W.shape[1] != GH:
        raise InputError(f"{node.op_type}: W {W.shape} / R {R.shape} do not fit {node.op_type} gates")
    if "hidden_size" in attrs and attrs["hidden_size"] != H:
        raise InputError(f"hidden_size attribute {attrs['hidden_size']} disagrees with R {R.shape}")
    perm = _TO_CANONICAL[kind]
    params: dict[str, np.ndarray | None] = {"weight_ih": permute_blocks(W[index], perm),
                                            "weight_hh": permute_blocks(R[index], perm)}
    B = weight(3, "B")
    if B is not None:
        if B.shape != (W.shape[0], 2 * GH):
            raise InputError(f"B: expected shape {(W.shape[0], 2 * GH)}, got {B.shape}")
        params["bias_ih"] = permute_blocks(B[index, :GH], perm)
        params["bias_hh"] = permute_blocks(B[index, GH:], perm)
    notes = []
    if kind == "lstm":
        P = weight(7, "P")
        if P is not None:
            if P.shape != (W.shape[0], 3 * H):
                raise InputError(f"P: expected shape {(W.shape[0], 3 * H)}, got {P.shape}")
            if P[index].any():
                params["weight_peephole"] = P[index].reshape(3, H)[[0, 2, 1]]  # i, o, f -> i, f, o
    settings = {"reset_after": bool(attrs.get("linear_before_reset", 0))} if kind == "gru" else {}
    if kind == "rnn":
        settings["nonlinearity"] = _acts(attrs, kind, index)[0]
    cell = build_cell(kind, params, options, settings)
    if node_dir == "reverse" or index == 1:
        cell.direction = "reverse"
    if attrs.get("layout", 0):
        notes.append("layout 1 (batch first) noted; weights are unaffected")
    for slot, label in ((4, "sequence_lens"), (5, "initial_h"), (6, "initial_c")):
        name = node.input[slot] if slot < len(node.input) else ""
        if name in tensors:
            raise InputError(f"{label} ({name!r}) is stored in the graph; the simulator does not apply it, "
                             "so it would run different numbers (pass a state with --initial-state instead)")
    if any(node.input[k] for k in range(4, min(len(node.input), 7))):
        notes.append("sequence_lens / initial state are graph inputs: GateScope starts from its own state")
    if node_dir != "forward":
        how = "(consumes the sequence last step first)" if cell.direction == "reverse" else "(forward half)"
        notes.append(f"{'reverse half' if index else node_dir} of a {node_dir} node {how}")
    where = f"node {layer} of {len(nodes)}" if len(nodes) > 1 else ""
    details = LoadDetails(module=names[layer], modules=names)
    return cell, info_line(cell, "ONNX", where, (f"node '{node.name}'" if node.name else "", *notes), details)


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _direction_index(node_dir: str, wanted: str) -> int:
    if node_dir not in ("forward", "reverse", "bidirectional"):
        raise InputError(f"unknown direction attribute {node_dir!r}")
    if wanted == "forward":  # a reverse-only node has one half: the cell then runs reversed
        return 0
    if node_dir == "forward":
        raise InputError("the node runs forward only; it has no reverse direction")
    return 1 if node_dir == "bidirectional" else 0


def _acts(attrs: dict[str, Any], kind: str, index: int) -> list[str]:
    default = _DEFAULT_ACTS[kind]
    acts = [_text(a).lower() for a in attrs.get("activations", [])]
    return acts[index * len(default):(index + 1) * len(default)] if acts else default


def _check_attrs(op: str, kind: str, attrs: dict[str, Any], index: int) -> None:
    acts = _acts(attrs, kind, index)
    ok = acts in (["tanh"], ["relu"]) if kind == "rnn" else acts == _DEFAULT_ACTS[kind]
    if not ok:
        raise InputError(f"{op} activations {acts} are not supported (the simulator uses "
                         f"{'Tanh or Relu' if kind == 'rnn' else _DEFAULT_ACTS[kind]})")
    if attrs.get("activation_alpha") or attrs.get("activation_beta"):
        raise InputError(f"{op} activation_alpha / activation_beta are not supported")
    if "clip" in attrs:
        raise InputError(f"{op} clip={attrs['clip']} is set; the simulator does not clip pre-activations")
    if attrs.get("input_forget", 0):
        raise InputError("LSTM input_forget=1 (coupled input and forget gates) is not supported")


def _constants(graph: Any) -> dict[str, Any]:
    """Tensor name -> TensorProto for initializers, Constant outputs and Identity of those."""
    tensors = {t.name: t for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant" and node.output:
            for attr in node.attribute:
                if attr.name == "value" and attr.t is not None:
                    tensors[node.output[0]] = attr.t
        elif node.op_type == "Identity" and node.input and node.input[0] in tensors:
            tensors[node.output[0]] = tensors[node.input[0]]
    return tensors


def write_onnx(cell: Cell, path: str | os.PathLike[str]) -> None:
    """Write a float32 ONNX model (opset 14) with one node running ``cell``.

    Input ``X`` (T, 1, D); outputs ``Y`` (T, 1, 1, H), ``Y_h`` (1, 1, H) and for the LSTM ``Y_c``.
    float32 because ONNX Runtime implements these operators in float32 only.
    """
    needs_extra("onnx", "writing an ONNX model")
    from onnx import TensorProto, helper, numpy_helper

    perm, H, D = _TO_ONNX[cell.kind], cell.hidden_size, cell.input_size
    p = cell.parameters()
    biases = [permute_blocks(p["bias_ih"], perm), permute_blocks(p["bias_hh"], perm)]
    arrays = {"W": permute_blocks(p["weight_ih"], perm)[None],
              "R": permute_blocks(p["weight_hh"], perm)[None], "B": np.concatenate(biases)[None]}
    inputs = ["X", "W", "R", "B"]
    attrs: dict[str, Any] = {"hidden_size": H}
    if cell.kind == "gru":
        attrs["linear_before_reset"] = int(cell.options()["reset_after"])
    if cell.kind == "rnn":
        attrs["activations"] = [cell.options()["nonlinearity"].capitalize()]
    if p.get("weight_peephole") is not None:
        arrays["P"] = p["weight_peephole"][[0, 2, 1]].reshape(1, 3 * H)  # i, f, o -> i, o, f
        inputs += ["", "", "", "P"]
    outputs = ["Y", "Y_h"] + (["Y_c"] if cell.kind == "lstm" else [])
    node = helper.make_node(_OP[cell.kind], inputs, outputs, name=cell.kind, **attrs)
    f32 = TensorProto.FLOAT
    out_shapes = {"Y": ["T", 1, 1, H], "Y_h": [1, 1, H], "Y_c": [1, 1, H]}
    graph = helper.make_graph(
        [node], f"gatescope_{cell.kind}", [helper.make_tensor_value_info("X", f32, ["T", 1, D])],
        [helper.make_tensor_value_info(o, f32, out_shapes[o]) for o in outputs],
        [numpy_helper.from_array(np.ascontiguousarray(a, dtype=np.float32), k) for k, a in arrays.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)],
                              producer_name="gatescope", doc_string=cell.describe())
    model.ir_version = 8
    with atomic_write(path) as fh:
        fh.write(model.SerializeToString())
