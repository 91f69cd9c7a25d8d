"""After a weight import: the note beside the cell, the document's name and description, the modules."""

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from ui.dialogs.import_dialog import WeightChoiceDialog, weight_choices

torch = pytest.importorskip("torch")
pytestmark = [pytest.mark.torch,
              pytest.mark.qt_log_ignore("This plugin does not support")]  # offscreen, on show()

H = 3


def _uniform(module, seed=0):
    torch.manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.uniform_(-0.6, 0.6)
    return module


def test_choices_list_every_module_by_its_name(tmp_path):
    st = pytest.importorskip("safetensors.torch")
    encoder = _uniform(torch.nn.LSTM(2, H, dtype=torch.float64), 1)
    decoder = _uniform(torch.nn.GRU(2, H, num_layers=2, dtype=torch.float64), 2)
    state = {**{f"encoder.{k}": v for k, v in encoder.state_dict().items()},
             **{f"decoder.{k}": v for k, v in decoder.state_dict().items()}}
    st.save_file(state, str(tmp_path / "two.safetensors"))
    choices = weight_choices(tmp_path / "two.safetensors")
    assert [(c.module, c.layer, c.cell.kind) for c in choices] == [
        ("decoder", 0, "gru"), ("decoder", 1, "gru"), ("encoder", 0, "lstm")]
    assert choices[0].heading() == "decoder — Layer 0, forward direction"
    np.testing.assert_array_equal(choices[2].cell.weight_hh, encoder.weight_hh_l0.detach().numpy())


def test_import_shows_module_direction_and_assumptions(window, tmp_path):
    c = window.controller
    note = window.findChild(type(window.centralWidget()), "weights_note")
    assert note is not None and not note.isVisible()
    D = c.cell.input_size
    before = c.snapshot().inputs.copy()
    net = _uniform(torch.nn.GRU(D, H, bidirectional=True, dtype=torch.float64))
    torch.save({f"rnn.{k}": v for k, v in net.state_dict().items()}, tmp_path / "bi_gru.pt")
    assert window.importer.import_weights_file(str(tmp_path / "bi_gru.pt"), layer=0, direction="reverse")
    text = window.findChild(type(note.label), "weights_note_text").text()
    assert note.isVisible()
    assert "bi_gru.pt" in text and "module rnn" in text and "consumes the sequence last step first" in text
    session = c.session
    assert session.title == "bi_gru" and "GRU" in session.description and "reverse" in session.description
    with torch.no_grad():
        ref = net(torch.from_numpy(before))[0].numpy()[:, H:]
    np.testing.assert_allclose(c.trace.h[::-1], ref, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(c.snapshot().inputs, before)  # saved in the caller's order
    np.testing.assert_array_equal(c.snapshot_fields(inputs=c.trace.x.copy())["inputs"], before)  # autosave

    rnn = _uniform(torch.nn.RNN(D, H, nonlinearity="relu", dtype=torch.float64))
    torch.save(rnn.state_dict(), tmp_path / "relu.pt")
    assert window.importer.import_weights_file(str(tmp_path / "relu.pt"))
    text = note.label.text()
    assert "Assumed: nonlinearity not stored in a state dict" in text and "forward direction" in text
    np.testing.assert_array_equal(c.snapshot().inputs, before)

    assert window.documents.display_name() == "relu"  # the save prompt's name

    def pick_relu(tries=50):  # the dialog Change… opens: choose relu, then OK
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WeightChoiceDialog):
            if tries:
                QTimer.singleShot(10, lambda: pick_relu(tries - 1))
            return
        dialog.findChild(QComboBox, "weight_nonlinearity").setCurrentIndex(1)
        dialog.accept()

    QTimer.singleShot(0, pick_relu)
    window.findChild(type(note.button), "weights_note_change").click()
    assert c.cell.options()["nonlinearity"] == "relu" and "Assumed" not in note.label.text()
    with torch.no_grad():
        ref = rnn(torch.from_numpy(before))[0].numpy()
    np.testing.assert_allclose(c.trace.h, ref, rtol=0, atol=1e-12)
    for _ in range(3):
        c.undo_stack.undo()
    assert not note.isVisible()
