"""ONNX LSTM / GRU / RNN nodes: ours against ONNX Runtime (float32, so to 1e-5)."""

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.io.formats import load_weights, load_weights_with_info, save_weights

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

D, H, T = 3, 4, 6
G = {"LSTM": 4, "GRU": 3, "RNN": 1}
X = np.random.default_rng(7).normal(size=(T, D)).astype(np.float32)


def _weights(op: str, dirs: int = 1, seed: int = 0, peep: bool = False) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    gh = G[op] * H
    arrays = {"W": rng.uniform(-0.7, 0.7, (dirs, gh, D)), "R": rng.uniform(-0.7, 0.7, (dirs, gh, H)),
              "B": rng.uniform(-0.5, 0.5, (dirs, 2 * gh))}
    if peep:
        arrays["P"] = rng.uniform(-0.5, 0.5, (dirs, 3 * H))
    return {k: v.astype(np.float32) for k, v in arrays.items()}


def _model(op: str, arrays: dict[str, np.ndarray], *, constants: bool = False, **attrs):
    dirs = arrays["W"].shape[0]
    inputs = ["X", "W", "R", "B"] + (["", "", "", "P"] if "P" in arrays else [])
    outputs = ["Y", "Y_h"]
    node = helper.make_node(op, inputs, outputs, hidden_size=H, name="rec", **attrs)
    tensors = [numpy_helper.from_array(v, k) for k, v in arrays.items()]
    nodes = [node]
    if constants:  # weights as Constant nodes instead of initializers
        nodes = [helper.make_node("Constant", [], [t.name], value=t) for t in tensors] + nodes
        tensors = []
    f32 = TensorProto.FLOAT
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("X", f32, [T, 1, D])],
                              [helper.make_tensor_value_info("Y", f32, [T, dirs, 1, H]),
                               helper.make_tensor_value_info("Y_h", f32, [dirs, 1, H])], tensors)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
    model.ir_version = 8
    return model


def _save(model, tmp_path, name="m.onnx"):
    path = tmp_path / name
    onnx.save(model, path)
    return path


def _ort(model_or_path, x=X) -> np.ndarray:
    ort = pytest.importorskip("onnxruntime")
    data = model_or_path.SerializeToString() if hasattr(model_or_path, "SerializeToString") else str(
        model_or_path)
    session = ort.InferenceSession(data, providers=["CPUExecutionProvider"])
    return session.run(["Y"], {"X": x[:, None, :]})[0]  # (T, dirs, 1, H)


CASES = [("LSTM", {}, False), ("LSTM", {}, True), ("GRU", {"linear_before_reset": 0}, False),
         ("GRU", {"linear_before_reset": 1}, False), ("RNN", {}, False),
         ("RNN", {"activations": ["Relu"]}, False)]


@pytest.mark.onnxruntime
@pytest.mark.parametrize(("op", "attrs", "peep"), CASES)
def test_onnx_nodes_match_onnxruntime(tmp_path, op, attrs, peep):
    model = _model(op, _weights(op, peep=peep), **attrs)
    cell, info = load_weights_with_info(_save(model, tmp_path))
    assert cell.kind == op.lower() and "(ONNX)" in info
    if op == "GRU":
        assert cell.reset_after is bool(attrs["linear_before_reset"])
    if op == "LSTM":
        assert (cell.weight_peephole is not None) is peep
    if op == "RNN":
        assert cell.nonlinearity == ("relu" if attrs else "tanh")
    np.testing.assert_allclose(simulator.run(cell, X).h, _ort(model)[:, 0, 0], atol=1e-5)


def test_constant_nodes_and_zero_peepholes(tmp_path):
    arrays = _weights("LSTM", peep=True)
    arrays["P"][:] = 0  # all-zero peepholes: a plain LSTM
    cell = load_weights(_save(_model("LSTM", arrays, constants=True), tmp_path))
    assert cell.weight_peephole is None
    np.testing.assert_array_equal(cell.block("weight_ih", "o"), arrays["W"][0, H:2 * H])  # ONNX i, o, f, c
    np.testing.assert_array_equal(cell.block("weight_hh", "g"), arrays["R"][0, 3 * H:])
    np.testing.assert_array_equal(cell.block("bias_hh", "f"), arrays["B"][0, 4 * H + 2 * H:4 * H + 3 * H])


@pytest.mark.onnxruntime
def test_bidirectional_halves(tmp_path):
    model = _model("GRU", _weights("GRU", dirs=2), direction="bidirectional", linear_before_reset=1)
    path = _save(model, tmp_path)
    ref = _ort(model)
    fwd, info = load_weights_with_info(path)
    assert "forward half" in info
    np.testing.assert_allclose(simulator.run(fwd, X).h, ref[:, 0, 0], atol=1e-5)
    back = load_weights(path, direction="reverse")
    np.testing.assert_allclose(simulator.run(back, X).h[::-1], ref[:, 1, 0], atol=1e-5)


@pytest.mark.onnxruntime
def test_reverse_only_node_runs_reversed(tmp_path):
    model = _model("RNN", _weights("RNN"), direction="reverse")
    path = _save(model, tmp_path)
    cell, info = load_weights_with_info(path)
    assert cell.direction == "reverse" and "last step first" in info
    assert load_weights(path, direction="reverse").direction == "reverse"
    trace = simulator.run(cell, X)  # rows in the order consumed: row 0 is after x[T-1]
    np.testing.assert_allclose(trace.x, X[::-1])
    np.testing.assert_allclose(trace.h[::-1], _ort(model)[:, 0, 0], atol=1e-5)
    forward = _save(_model("RNN", _weights("RNN")), tmp_path, "f.onnx")
    with pytest.raises(InputError, match="no reverse direction"):
        load_weights(forward, direction="reverse")


@pytest.mark.parametrize(("op", "attrs", "message"), [
    ("LSTM", {"clip": 3.0}, "clip=3.0"),
    ("LSTM", {"activations": ["Sigmoid", "Tanh", "Relu"]}, "activations"),
    ("GRU", {"activations": ["HardSigmoid", "Tanh"]}, "activations"),
    ("RNN", {"activations": ["Sigmoid"]}, "Tanh or Relu"),
    ("LSTM", {"input_forget": 1}, "input_forget"),
])
def test_unsupported_attributes(tmp_path, op, attrs, message):
    with pytest.raises(InputError, match=message):
        load_weights(_save(_model(op, _weights(op), **attrs), tmp_path))


def test_computed_and_external_weights_are_refused(tmp_path):
    model = _model("RNN", _weights("RNN"))
    model.graph.node[0].input[1] = "W_computed"
    model.graph.node.insert(0, helper.make_node("Identity", ["X"], ["W_computed"]))
    with pytest.raises(InputError, match="computed in the graph"):
        load_weights(_save(model, tmp_path))
    model = _model("RNN", _weights("RNN"))
    onnx.save(model, tmp_path / "ext.onnx", save_as_external_data=True, all_tensors_to_one_file=True,
              location="ext.data", size_threshold=0)
    with pytest.raises(InputError, match="external data"):
        load_weights(tmp_path / "ext.onnx")


def test_no_recurrent_node(tmp_path):
    graph = helper.make_graph([helper.make_node("Relu", ["X"], ["Y"])], "g",
                              [helper.make_tensor_value_info("X", TensorProto.FLOAT, [1])],
                              [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [1])])
    with pytest.raises(InputError, match=r"no LSTM, GRU or RNN node.*Relu"):
        load_weights(_save(helper.make_model(graph), tmp_path))


@pytest.mark.onnxruntime
@pytest.mark.parametrize(("kind", "options"), [("lstm", {}), ("lstm", {"peep": True}), ("gru", {}),
                                               ("gru", {"reset_after": False}), ("rnn", {}),
                                               ("rnn", {"nonlinearity": "relu"})])
def test_export_runs_in_onnxruntime(tmp_path, kind, options):
    options = dict(options)
    peep = options.pop("peep", False)
    cell = simulator.make_cell(kind, D, H, seed=3, **options)
    if peep:
        cell = simulator.LSTMCell(cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh,
                                  weight_peephole=np.random.default_rng(0).uniform(-1, 1, (3, H)))
    path = tmp_path / "ours.onnx"
    save_weights(cell, path)
    onnx.checker.check_model(str(path))
    np.testing.assert_allclose(_ort(path)[:, 0, 0], simulator.run(cell, X).h, atol=1e-5)
    back = load_weights(path)
    assert back.config() == cell.config()
    np.testing.assert_allclose(back.weight_hh, cell.weight_hh, atol=1e-7)  # float32 in the file


@pytest.mark.parametrize(("slot", "name", "value"), [
    (4, "sequence_lens", np.array([3], np.int32)),
    (5, "initial_h", np.full((1, 1, H), 0.5, np.float32)),
])
def test_initial_state_or_lengths_stored_in_the_graph_are_refused(tmp_path, slot, name, value):
    model = _model("RNN", _weights("RNN"))
    node = model.graph.node[0]
    while len(node.input) <= slot:
        node.input.append("")
    node.input[slot] = name
    model.graph.initializer.append(numpy_helper.from_array(value, name))
    with pytest.raises(InputError, match=f"{name} .* is stored in the graph; the simulator does not apply"):
        load_weights(_save(model, tmp_path))


def test_initial_state_as_a_graph_input_is_noted(tmp_path):
    model = _model("GRU", _weights("GRU"), linear_before_reset=1)
    node = model.graph.node[0]
    node.input.extend(["", "h0"])
    model.graph.input.append(helper.make_tensor_value_info("h0", TensorProto.FLOAT, [1, 1, H]))
    _, info = load_weights_with_info(_save(model, tmp_path))
    assert "GateScope starts from its own state" in info and info.module == "rec" and info.modules == ("rec",)
