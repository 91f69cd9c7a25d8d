"""Weight import: choosing a layer and direction when a file holds several, and the recorded source.

The always-run tests use an ``.npz`` with PyTorch layer names written by numpy alone (a
two-layer bidirectional LSTM); the others use files written by PyTorch, Keras and ONNX
and skip when those are absent. The choice dialog is answered through its real modal
``exec()``: a timer clicks a row and OK while it runs.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

import simulator
from simulator import make_cell
from simulator.core.errors import InputError
from simulator.document.session import Session
from simulator.io.formats import save_weights
from ui.dialogs.import_dialog import WeightChoiceDialog, weight_choices
from ui.insight.conventions_dialog import SOURCES

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen notes on show()

D, H = 3, 2
HEADINGS = ["Layer 0, forward direction", "Layer 0, reverse direction", "Layer 1, forward direction",
            "Layer 1, reverse direction"]


def _bidirectional_npz(path) -> dict[str, np.ndarray]:
    """A 2-layer bidirectional ``nn.LSTM`` state dict (module ``rnn``) with distinct values everywhere."""
    rng = np.random.default_rng(11)
    arrays = {}
    for layer, inputs in ((0, D), (1, 2 * H)):
        for rev in ("", "_reverse"):
            shapes = {"weight_ih": (4 * H, inputs), "weight_hh": (4 * H, H), "bias_ih": (4 * H,),
                      "bias_hh": (4 * H,)}
            arrays |= {f"rnn.{n}_l{layer}{rev}": rng.uniform(-1, 1, s) for n, s in shapes.items()}
    np.savez(path, **arrays)
    return arrays


@pytest.fixture
def answer(qtbot):
    """``answer(row)`` arms a click on ``row`` and OK (None: Cancel) in the next choice dialog.

    Returns the list that receives, per dialog shown, the texts of its rows.
    """
    seen: list[list[str]] = []

    def act(row: int | None, tries: int) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WeightChoiceDialog):
            if tries:
                QTimer.singleShot(10, lambda: act(row, tries - 1))
            return
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        buttons = dialog.findChild(QDialogButtonBox)
        if row is None:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
            return
        rect = dialog.list.visualItemRect(dialog.list.item(row))
        qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert dialog.list.currentRow() == row
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def arm(row: int | None, tries: int = 300) -> list[list[str]]:
        QTimer.singleShot(0, lambda: act(row, tries))
        return seen
    return arm


def _assert_cell_is(cell, arrays: dict[str, np.ndarray], suffix: str) -> None:
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        np.testing.assert_array_equal(getattr(cell, name), arrays[f"rnn.{name}{suffix}"], err_msg=name)


# -- always run: numpy-written files -------------------------------------------------------------
def test_weight_choices_lists_every_layer_and_direction(tmp_path):
    arrays = _bidirectional_npz(tmp_path / "bi.npz")
    choices = weight_choices(tmp_path / "bi.npz")
    assert [(c.layer, c.direction) for c in choices] == [(0, "forward"), (0, "reverse"), (1, "forward"),
                                                         (1, "reverse")]
    for choice in choices:
        suffix = f"_l{choice.layer}" + ("_reverse" if choice.direction == "reverse" else "")
        _assert_cell_is(choice.cell, arrays, suffix)
        assert choice.format == "torch" and f"layer {choice.layer} of 2" in choice.description
    assert [c.cell.input_size for c in choices] == [D, D, 2 * H, 2 * H]
    assert [c.heading() for c in choices] == HEADINGS


def test_weight_choices_of_a_single_cell_and_of_keras_names(tmp_path):
    save_weights(make_cell("gru", D, H, seed=2), tmp_path / "k.npz", naming="keras")
    (only,) = weight_choices(tmp_path / "k.npz")
    assert (only.layer, only.direction, only.format, only.cell.kind) == (0, "forward", "keras", "gru")
    record = only.record(tmp_path / "k.npz")
    assert record == {"file": "k.npz", "format": "keras", "layer": 0, "direction": "forward",
                      "description": only.description, "module": None, "modules": ["(top level)"],
                      "assumptions": record["assumptions"], "cell_direction": "forward"}
    assert any("go_backwards not stored" in a for a in record["assumptions"])
    assert {"torch", "keras", "onnx"} <= {key for key, _ in SOURCES}  # the conventions explorer's keys
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(b"\x05\x00\x00\x00\x00\x00\x00\x00{}")
    with pytest.raises(InputError, match=r"bad\.safetensors"):
        weight_choices(bad)


def test_import_asks_for_the_layer_and_records_the_source(window, answer, tmp_path):
    c = window.controller
    arrays = _bidirectional_npz(tmp_path / "bi.npz")
    before = c.cell.weight_hh.copy()
    seen = answer(3)
    assert window.importer.open_file(str(tmp_path / "bi.npz"))
    assert len(seen) == 1 and [text.split("\n")[0] for text in seen[0]] == HEADINGS
    assert "layer 1 of 2, reverse direction" in seen[0][3]
    _assert_cell_is(c.cell, arrays, "_l1_reverse")
    assert c.trace.x.shape == (40, 2 * H) and not c.trace.x.any()  # D changed: inputs zeroed
    source = c.session.settings["weights_source"]
    assert source == {"file": "bi.npz", "format": "torch", "layer": 1, "direction": "reverse",
                      "description": source["description"], "module": "rnn", "modules": ["rnn"],
                      "assumptions": [], "cell_direction": "reverse"}
    assert "layer 1 of 2, reverse direction" in source["description"]
    assert source["description"] in window.statusBar().currentMessage()
    window.documents.save_to(str(tmp_path / "doc.json"))
    assert Session.load(tmp_path / "doc.json").settings["weights_source"] == source
    c.undo_stack.undo()
    np.testing.assert_array_equal(c.cell.weight_hh, before)
    assert "weights_source" not in c.session.settings
    c.undo_stack.redo()
    _assert_cell_is(c.cell, arrays, "_l1_reverse")
    assert c.session.settings["weights_source"] == source


def test_cancelling_the_choice_changes_nothing(window, answer, tmp_path):
    c = window.controller
    _bidirectional_npz(tmp_path / "bi.npz")
    before, count = c.cell.weight_ih.copy(), c.undo_stack.count()
    seen = answer(None)
    assert not window.importer.import_weights_file(str(tmp_path / "bi.npz"))
    assert len(seen) == 1
    np.testing.assert_array_equal(c.cell.weight_ih, before)
    assert c.undo_stack.count() == count and "weights_source" not in c.session.settings


def test_one_cell_or_a_given_layer_imports_without_asking(window, answer, tmp_path):
    c = window.controller
    cell = make_cell("gru", 1, 5, seed=1)
    save_weights(cell, tmp_path / "one.safetensors")
    seen = answer(0, tries=20)  # would answer a dialog if one came up
    assert window.importer.import_weights_file(str(tmp_path / "one.safetensors"))
    np.testing.assert_array_equal(c.cell.weight_hh, cell.weight_hh)
    assert c.session.settings["weights_source"]["format"] == "torch"
    arrays = _bidirectional_npz(tmp_path / "bi.npz")
    assert window.importer.import_weights_file(str(tmp_path / "bi.npz"), layer=1)
    _assert_cell_is(c.cell, arrays, "_l1")
    source = c.session.settings["weights_source"]
    assert (source["file"], source["layer"], source["direction"]) == ("bi.npz", 1, "forward")
    QApplication.processEvents()
    assert seen == []


# -- files written by the frameworks ---------------------------------------------------------------
@pytest.mark.torch
@pytest.mark.parametrize("suffix", [".pt", ".safetensors"])
def test_torch_two_layer_lstm(window, answer, tmp_path, suffix):
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    net = torch.nn.LSTM(D, H, num_layers=2, dtype=torch.float64)
    state = {f"rnn.{k}": v for k, v in net.state_dict().items()}
    path = tmp_path / f"lstm{suffix}"
    if suffix == ".pt":
        torch.save(state, path)
    else:
        pytest.importorskip("safetensors.torch").save_file(state, str(path))
    seen = answer(1)
    assert window.importer.open_file(str(path))
    assert [text.split("\n")[0] for text in seen[0]] == HEADINGS[::2]
    _assert_cell_is(window.controller.cell, {k: v.numpy() for k, v in state.items()}, "_l1")
    x = np.random.default_rng(1).normal(size=(7, D))
    with torch.no_grad():
        ref = net(torch.from_numpy(x))[0].numpy()
    first = weight_choices(path)[0].cell
    np.testing.assert_allclose(simulator.run(window.controller.cell, simulator.run(first, x).h).h, ref,
                               rtol=0, atol=1e-12)
    assert window.controller.session.settings["weights_source"]["format"] == "torch"


@pytest.mark.keras
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Keras variables and the old __array__
def test_keras_bidirectional_gru(window, answer, tmp_path):
    pytest.importorskip("h5py")
    keras = pytest.importorskip("keras")
    layer = keras.layers.Bidirectional(keras.layers.GRU(H, return_sequences=True))
    model = keras.Sequential([keras.Input((None, D)), layer])
    rng = np.random.default_rng(3)
    layer.set_weights([rng.uniform(-0.7, 0.7, w.shape).astype(np.float32) for w in layer.get_weights()])
    model.save(tmp_path / "bi.keras")
    seen = answer(1)
    assert window.importer.open_file(str(tmp_path / "bi.keras"))
    assert [text.split("\n")[0] for text in seen[0]] == HEADINGS[:2]
    x = np.random.default_rng(5).normal(size=(6, D)).astype(np.float32)
    ref = keras.ops.convert_to_numpy(model(x[None]))[0]
    back = simulator.run(window.controller.cell, x).h[::-1]  # the backward layer consumes x[T-1] first
    np.testing.assert_allclose(back, ref[:, H:], rtol=0, atol=1e-5)
    source = window.controller.session.settings["weights_source"]
    assert (source["format"], source["layer"], source["direction"]) == ("keras", 0, "reverse")


@pytest.mark.onnxruntime
def test_onnx_bidirectional_lstm(window, answer, tmp_path):
    onnx = pytest.importorskip("onnx")
    ort = pytest.importorskip("onnxruntime")
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(9)
    arrays = {"W": rng.uniform(-0.7, 0.7, (2, 4 * H, D)), "R": rng.uniform(-0.7, 0.7, (2, 4 * H, H)),
              "B": rng.uniform(-0.5, 0.5, (2, 8 * H))}
    tensors = [numpy_helper.from_array(v.astype(np.float32), k) for k, v in arrays.items()]
    node = helper.make_node("LSTM", ["X", "W", "R", "B"], ["Y"], hidden_size=H, direction="bidirectional")
    f32, T = TensorProto.FLOAT, 6
    graph = helper.make_graph([node], "g", [helper.make_tensor_value_info("X", f32, [T, 1, D])],
                              [helper.make_tensor_value_info("Y", f32, [T, 2, 1, H])], tensors)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
    model.ir_version = 8
    onnx.save(model, tmp_path / "bi.onnx")
    seen = answer(1)
    assert window.importer.open_file(str(tmp_path / "bi.onnx"))
    assert [text.split("\n")[0] for text in seen[0]] == HEADINGS[:2]
    x = np.random.default_rng(2).normal(size=(T, D)).astype(np.float32)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    ref = session.run(["Y"], {"X": x[:, None, :]})[0][:, 1, 0]  # (T, H): the reverse direction
    back = simulator.run(window.controller.cell, x).h[::-1]
    np.testing.assert_allclose(back, ref, rtol=0, atol=1e-5)
    source = window.controller.session.settings["weights_source"]
    assert (source["file"], source["format"], source["direction"]) == ("bi.onnx", "onnx", "reverse")
