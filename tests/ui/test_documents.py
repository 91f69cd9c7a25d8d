"""Documents: save/open round trip, bad files, recent files, drag and drop of weights, inputs and sessions."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from simulator import make_cell
from simulator.io.formats import save_weights
from ui.shell.main_window import MainWindow


def _errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text)))
    return shown


def _drop(window, path):
    """Drag ``path`` over the window and drop it (Qt delivers a drop only after an accepted enter)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:  # PySide6 6.12 takes a QPointF (and deprecates QPoint); earlier releases take a QPoint only
        enter = QDragEnterEvent(QPointF(200, 200), *args)
    except TypeError:
        enter = QDragEnterEvent(QPoint(200, 200), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(200, 200), *args)
    QApplication.sendEvent(window, event)
    assert event.isAccepted()


def test_save_and_open_round_trip_restores_everything(window, qtbot, tmp_path):
    c = window.controller
    c.set_inputs(5, [[0.75]])
    c.set_parameter("weight_hh", (2, 1), 0.125)
    c.seek(17)
    c.set_selected_unit(2)
    path = tmp_path / "mine.json"
    assert window.documents.save_to(str(path))
    saved = {k: v.copy() for k, v in c.cell.parameters().items()}
    x, h = c.trace.x.copy(), c.trace.h.copy()

    other = MainWindow()
    qtbot.addWidget(other)
    assert other.documents.open_session(str(path))
    d = other.controller
    assert d.step == 17 and d.selected_unit == 2 and d.path == str(path)
    for name, arr in saved.items():
        np.testing.assert_array_equal(getattr(d.cell, name), arr)
    np.testing.assert_array_equal(d.trace.x, x)
    np.testing.assert_array_equal(d.trace.h, h)
    assert not other.isWindowModified()
    assert other.windowTitle() == "mine.json[*] — GateScope"


def test_corrupt_session_shows_a_message_and_keeps_the_session(window, tmp_path, monkeypatch):
    shown = _errors(monkeypatch)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "gatescope-session", "cell": {"kind": "lstm"')
    before = window.controller.cell.weight_ih.copy()
    assert not window.documents.open_session(str(bad))
    assert len(shown) == 1 and "bad.json" in shown[0][1] and "\n" not in shown[0][1]
    np.testing.assert_array_equal(window.controller.cell.weight_ih, before)
    assert window.controller.path is None


def test_recent_files_list_saved_files_and_prune_missing(window, tmp_path, monkeypatch):
    shown = _errors(monkeypatch)
    paths = [tmp_path / f"s{i}.json" for i in range(3)]
    for p in paths:
        window.documents.save_to(str(p))
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts == ["&1 s2.json", "&2 s1.json", "&3 s0.json"]
    paths[1].unlink()
    window.documents.open_recent(str(paths[1]))
    assert shown and "no longer exists" in shown[0][1]
    assert [a.data() for a in window.recent_menu.actions()] == [str(paths[2]), str(paths[0])]
    for i in range(10):
        window.documents.add_recent(str(tmp_path / f"more{i}.json"))
    assert len(window.recent_menu.actions()) == 8


def test_drop_a_weight_file_imports_it(window, qtbot, tmp_path):
    rng = np.random.default_rng(3)
    H, D = 3, 1  # an LSTM with torch names written by numpy alone
    arrays = {"weight_ih_l0": rng.normal(size=(4 * H, D)), "weight_hh_l0": rng.normal(size=(4 * H, H)),
              "bias_ih_l0": rng.normal(size=4 * H), "bias_hh_l0": rng.normal(size=4 * H)}
    path = tmp_path / "model.npz"
    np.savez(path, **arrays)
    inputs = window.controller.trace.x.copy()
    _drop(window, path)
    c = window.controller
    qtbot.waitUntil(lambda: c.cell.hidden_size == H)
    np.testing.assert_array_equal(c.cell.weight_hh, arrays["weight_hh_l0"])
    np.testing.assert_array_equal(c.trace.x, inputs)  # D matches: inputs kept
    assert "LSTM" in window.statusBar().currentMessage()
    c.undo_stack.undo()
    assert c.cell.hidden_size == 4


def test_drop_weights_with_another_input_size_zeroes_the_inputs(window, qtbot, tmp_path):
    path = tmp_path / "gru.npz"
    save_weights(make_cell("gru", 3, 5, seed=1), path)
    _drop(window, path)
    c = window.controller
    qtbot.waitUntil(lambda: c.cell.kind == "gru")
    assert c.trace.x.shape == (40, 3) and not c.trace.x.any()
    assert "reset to zeros" in window.statusBar().currentMessage()


def test_drop_inputs_and_a_session(window, qtbot, tmp_path):
    csv = tmp_path / "x.csv"
    csv.write_text("x\n" + "\n".join(str(v) for v in np.linspace(0, 1, 12)) + "\n")
    _drop(window, csv)
    c = window.controller
    qtbot.waitUntil(lambda: c.length == 12)
    np.testing.assert_allclose(c.trace.x[:, 0], np.linspace(0, 1, 12))
    session = tmp_path / "doc.json"
    window.documents.save_to(str(session))
    c.set_inputs(0, [[9.0]])
    window.controller.undo_stack.setClean()
    _drop(window, session)
    qtbot.waitUntil(lambda: c.trace.x[0, 0] == 0.0)
    assert c.path == str(session)


def test_a_corrupt_weight_file_changes_nothing(window, qtbot, tmp_path, monkeypatch):
    shown = _errors(monkeypatch)
    path = tmp_path / "broken.safetensors"
    path.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json")
    before = window.controller.cell.weight_ih.copy()
    _drop(window, path)
    qtbot.waitUntil(lambda: bool(shown))
    np.testing.assert_array_equal(window.controller.cell.weight_ih, before)
    assert window.controller.undo_stack.count() == 0


def test_saving_and_opening_show_the_wait_cursor(window, tmp_path, monkeypatch):
    from simulator.document.session import Session

    cursors = []

    def seen(original):
        def wrapped(*args, **kwargs):
            cursor = QApplication.overrideCursor()
            cursors.append(None if cursor is None else cursor.shape())
            return original(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(Session, "save", seen(Session.save))
    monkeypatch.setattr(Session, "load", staticmethod(seen(Session.load)))
    path = str(tmp_path / "s.json")
    assert window.documents.save_to(path)
    assert window.documents.open_session(path)
    assert cursors == [Qt.CursorShape.WaitCursor] * 2
    assert QApplication.overrideCursor() is None  # restored
