"""Autosave and crash recovery: SIGKILL mid-editing, then the next launch restores the work bit for bit."""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from simulator import make_cell
from simulator.core.errors import InputError
from simulator.document.session import Session
from ui.background.recovery import RecoveryManager
from ui.background.recovery_file import find_orphans, read_recovery, write_recovery

ROOT = Path(__file__).resolve().parents[2]

DRIVER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from ui.shell.app import build_window, make_application, parse_args

    app = make_application()
    window = build_window(parse_args([]))
    window.show()
    c, recovery = window.controller, window.recovery
    window.documents.save_to({document!r})          # the user's file, then unsaved edits on top
    c.set_inputs(3, [[0.7]])
    c.set_parameter("weight_hh", (1, 2), 0.1 + 0.2)  # 0.30000000000000004: bits must survive
    c.seek(11)
    c.set_selected_unit(2)
    c.set_speed(24.0)
    c.set_inputs(20, [[-1.5e-300]])
    deadline = time.monotonic() + 30
    while (recovery.writes == 0 or recovery.pending) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    expected = c.snapshot()
    expected.settings.update(window.view_settings())
    Path({expected!r}).write_text(expected.to_json())
    print("ready", recovery.writes, flush=True)
    app.exec()                                       # editing goes on ... until SIGKILL
""")


def _canonical(session: Session) -> str:
    return json.dumps(json.loads(session.to_json()), sort_keys=True)


def _answer(monkeypatch, choice: str) -> list[str]:
    """Make QMessageBox.exec record the question and click ``recovery_<choice>``."""
    asked = []

    def fake_exec(box):
        asked.append(box.text())
        if box.objectName() == "recovery_dialog":
            box.findChild(QPushButton, f"recovery_{choice}").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GATESCOPE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "recovery"


@pytest.fixture
def managed(window, tmp_path):
    return window.enable_recovery(directory=tmp_path / "recovery", seconds=0.05)


def test_sigkill_mid_editing_then_the_next_launch_restores_the_work(tmp_path, data_dir, qtbot, monkeypatch):
    document, expected_path = tmp_path / "mine.json", tmp_path / "expected.json"
    script = tmp_path / "drive.py"
    script.write_text(DRIVER.format(root=str(ROOT), document=str(document), expected=str(expected_path)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GATESCOPE_DATA_DIR": str(tmp_path / "data"),
           "GATESCOPE_AUTOSAVE_SECONDS": "0.2", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "share")}
    log = tmp_path / "stderr.txt"
    with log.open("w") as err, subprocess.Popen([sys.executable, str(script)], cwd=ROOT, env=env, text=True,
                                                stdout=subprocess.PIPE, stderr=err) as child:
        try:
            line = child.stdout.readline()
            assert line.startswith("ready"), log.read_text()
            files = list(data_dir.glob("recovery-*.json"))
            assert [f.name.split("-")[1] for f in files] == [str(child.pid)]
        finally:
            child.send_signal(signal.SIGKILL)  # mid-editing: no close, no clean-up
            child.wait(10)
    assert child.returncode == -signal.SIGKILL

    from ui.shell.app import build_window, parse_args

    window = build_window(parse_args([]))  # the next launch, in this process
    qtbot.addWidget(window)
    asked = _answer(monkeypatch, "restore")
    assert window.recovery.offer()
    assert len(asked) == 1 and "GateScope closed unexpectedly. Restore the work on “mine.json”" in asked[0]
    c = window.controller
    expected = Session.load(expected_path)
    assert _canonical(c.snapshot()) == _canonical(expected)  # weights, inputs, step, settings: bit for bit
    assert c.step == 11 and c.selected_unit == 2 and c.speed == 24.0
    assert c.cell.weight_hh[1, 2] == 0.1 + 0.2 and c.trace.x[20, 0] == -1.5e-300
    assert c.path == str(document)
    assert window.isWindowModified() and window.windowTitle() == "mine.json[*] — GateScope"
    assert [p.name for p in data_dir.iterdir()] == [window.recovery.path.name]  # re-secured, old one gone
    c.undo_stack.setClean()
    window.close()
    assert not window.recovery.path.exists()


def test_autosave_follows_changes_and_nothing_is_written_without_them(window, managed, qtbot):
    c = window.controller
    c.seek(5)  # looking around is not a change
    qtbot.wait(150)
    assert not managed.path.exists() and managed.writes == 0
    c.set_inputs(2, [[0.25]])
    qtbot.waitUntil(lambda: managed.writes == 1 and not managed.busy, timeout=2000)
    info, session = read_recovery(managed.path)
    assert info.pid == os.getpid() and abs(info.saved_at - time.time()) < 5
    assert session.inputs[2, 0] == 0.25 and session.step == 5
    c.seek(9)  # the step is part of the work: saved too, later
    qtbot.waitUntil(lambda: managed.writes == 2 and not managed.busy, timeout=2000)
    assert read_recovery(managed.path)[1].step == 9


def test_the_writer_works_on_its_own_copy_of_the_inputs(window, managed, qtbot):
    """The GUI copies the inputs into a reused buffer; an edit during a write is not in that file."""
    c, copy = window.controller, managed._copy
    c.set_inputs(2, [[0.25]])
    managed._timer.stop()
    copied = []
    copy._done = copied.append  # a short copy completes at once; keep it instead of writing
    copy.start()
    copy._done = managed._start_writer
    fields = managed._fields(copied[0])[0]
    buffer = copy.buffer
    assert fields["inputs"] is buffer and not np.shares_memory(buffer, c.trace.x)
    c.set_inputs(2, [[-4.0]])  # edited after the snapshot: the snapshot keeps 0.25
    assert Session(**fields).inputs[2, 0] == 0.25
    managed.autosave()
    qtbot.waitUntil(lambda: not managed.busy, timeout=2000)
    assert read_recovery(managed.path)[1].inputs[2, 0] == -4.0
    assert copy.buffer is buffer  # same shape: the buffer (its mapped pages) is reused
    c.insert_inputs(0, [[1.0]])  # a new length gets a new buffer
    managed.autosave()
    qtbot.waitUntil(lambda: not managed.busy, timeout=2000)
    assert copy.buffer is not buffer and len(read_recovery(managed.path)[1].inputs) == c.length


def test_long_inputs_are_copied_a_slice_per_pass_and_an_edit_between_slices_starts_over(window, qtbot):
    from ui.background.recovery_copy import SlicedCopy

    c = window.controller
    c.load_session(Session(cell=make_cell("gru", 2, 3, seed=0), inputs=np.arange(100.0).reshape(50, 2)))
    copied = []
    copy = SlicedCopy(c, copied.append, window, rows=8)
    copy.start()
    assert copy.active and copy._next == 8 and not copied  # the first slice; the rest in later passes
    qtbot.waitUntil(lambda: bool(copied), timeout=2000)  # the event loop drives the passes
    np.testing.assert_array_equal(copied.pop(), c.trace.x)
    copy.start()
    copy._timer.stop()  # drive the passes by hand to place an edit between two slices
    copy._step()
    assert copy._next == 16
    c.set_inputs(40, [[-1.0, -2.0]])
    while copy.active:
        copy._step()
    assert copy.restarts == 1
    np.testing.assert_array_equal(copied.pop(), c.trace.x)  # one version: the edited one
    assert c.trace.x[40].tolist() == [-1.0, -2.0]
    c.set_inputs(0, [[5.0, 5.0]])
    copy.start()
    copy.complete()  # a flush: the rest at once
    assert not copy.active and copied[0][0].tolist() == [5.0, 5.0]
    np.testing.assert_array_equal(copied[0], c.trace.x)


def test_no_autosave_starts_while_a_long_recompute_runs(window, managed):
    class Running:
        active = True

    c = window.controller
    c.set_inputs(2, [[0.25]])
    c.progress_hook = Running()
    managed.autosave()
    assert not managed.busy and managed._timer.isActive()  # tried again shortly
    assert managed._timer.interval() == 100
def test_the_delay_is_capped_at_thirty_seconds(window, tmp_path, monkeypatch):
    monkeypatch.setenv("GATESCOPE_AUTOSAVE_SECONDS", "600")
    assert RecoveryManager(window, directory=tmp_path).seconds == 30.0
    monkeypatch.delenv("GATESCOPE_AUTOSAVE_SECONDS")
    assert RecoveryManager(window, directory=tmp_path).seconds == 5.0


def test_save_undo_to_clean_and_close_delete_the_file(window, managed, qtbot, tmp_path, monkeypatch):
    c = window.controller
    c.set_inputs(0, [[0.5]])
    managed.flush()
    assert managed.path.exists()
    assert window.documents.save_to(str(tmp_path / "saved.json"))
    assert not managed.path.exists()
    c.set_inputs(1, [[0.5]])
    managed.flush()
    c.undo_stack.undo()  # back to the saved state
    assert not managed.path.exists()
    c.set_inputs(1, [[0.75]])
    managed.flush()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert not managed.path.exists() and not managed.pending


def test_a_live_process_file_is_not_offered_a_dead_one_is(window, managed, tmp_path):
    session = window.controller.snapshot()
    directory = managed.directory
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        for pid in (live.pid, dead.pid):
            write_recovery(directory / f"recovery-{pid}-1.json", session, None, "x", time.time(), pid=pid)
        (directory / f"recovery-{os.getpid()}-1.json").write_text("{}")  # our pid, not our file: a reuse
        reused = directory / f"recovery-{live.pid}-2.json"  # the pid lives, but it is another process now
        text = (directory / f"recovery-{live.pid}-1.json").read_text()
        start = json.loads(text)["process_start"]
        reused.write_text(text.replace(f'"process_start": "{start}"', '"process_start": "1"', 1))
        orphans = {p.name for p in find_orphans(directory, own=managed.path)}
    finally:
        live.kill()
        live.wait()
    assert orphans == {f"recovery-{dead.pid}-1.json", f"recovery-{os.getpid()}-1.json", reused.name}


def test_a_corrupt_recovery_file_is_reported_and_removed(window, managed, monkeypatch):
    managed.directory.mkdir(parents=True)
    bad = managed.directory / "recovery-999999999-1.json"
    bad.write_bytes(b'{"format": "gatescope-recovery", "pid": 999999999, "saved_at": 1, "session": {"cel')
    before = _canonical(window.controller.snapshot())
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text)))
    asked = _answer(monkeypatch, "restore")
    assert not managed.offer()
    assert not asked and len(shown) == 1 and "could not be read and was removed" in shown[0][1]
    assert not bad.exists()
    assert _canonical(window.controller.snapshot()) == before


@pytest.mark.parametrize("choice", ["discard", "later"])
def test_discard_deletes_and_later_keeps(window, managed, monkeypatch, choice):
    path = managed.directory / "recovery-999999999-1.json"
    write_recovery(path, window.controller.snapshot(), None, "Untitled", time.time())
    asked = _answer(monkeypatch, choice)
    assert not managed.offer()
    assert len(asked) == 1 and path.exists() == (choice == "later")
    assert window.controller.undo_stack.isClean()


def test_the_streamed_file_is_exactly_the_session(tmp_path):
    cell = make_cell("gru", 3, 5, seed=1, reset_after=False)
    x = np.random.default_rng(2).normal(size=(10_000, 3)) * 1e-200
    session = Session(cell=cell, inputs=x, step=777, title="t", settings={"a": [1, 2]})
    path = tmp_path / "recovery-1-1.json"
    write_recovery(path, session, "/some/doc.json", "doc.json", 12.5)
    written, expected = json.loads(path.read_text())["session"], json.loads(session.to_json())
    encoded = written.pop("inputs")  # long inputs: their float64 bytes in base64, exact
    assert encoded["shape"] == [10_000, 3] and written == {k: v for k, v in expected.items() if k != "inputs"}
    assert np.frombuffer(base64.b64decode(encoded["float64_base64"]), "<f8").reshape(10_000, 3).tolist() \
        == expected["inputs"]
    info, back = read_recovery(path)
    assert (info.document_path, info.name, info.saved_at) == ("/some/doc.json", "doc.json", 12.5)
    assert back.to_json() == session.to_json()


def test_a_slow_write_spaces_the_next_autosave_but_never_beyond_thirty_seconds(window, managed, qtbot):
    c = window.controller
    c.set_inputs(2, [[0.25]])
    qtbot.waitUntil(lambda: managed.writes == 1 and not managed.busy, timeout=2000)
    assert 0.0 < managed.last_write_seconds < 2.0
    assert managed.interval == max(0.05, 10 * managed.last_write_seconds)
    managed.last_write_seconds = 1.5  # as a 1,000,000-step session takes
    c.set_inputs(3, [[0.5]])
    assert managed.interval == 15.0 and managed._timer.isActive() and managed._timer.interval() == 15_000
    managed.last_write_seconds = 9.0
    assert managed.interval == 30.0  # the promise: at most 30 s after a change
    managed._timer.stop()


def test_a_copy_restarted_by_edits_in_every_pass_finishes_in_one_pass_after_three(window):
    from ui.background.recovery_copy import MAX_RESTARTS, SlicedCopy

    c = window.controller
    c.load_session(Session(cell=make_cell("rnn", 1, 2, seed=0), inputs=np.zeros((40, 1))))
    copied = []
    copy = SlicedCopy(c, copied.append, window, rows=8)
    copy.start()
    copy._timer.stop()
    for k in range(MAX_RESTARTS):
        c.set_inputs(30, [[float(k + 1)]])  # a drag: an edit before every pass
        copy._step()
    assert copy.restarts == MAX_RESTARTS and not copy.active  # the third restart copied everything
    assert copied[0][30, 0] == MAX_RESTARTS
    np.testing.assert_array_equal(copied[0], c.trace.x)


def test_the_writer_pauses_between_pieces_while_a_long_recompute_runs(window, managed, qtbot):
    class Hook:
        active = True

    c = window.controller
    c.load_session(Session(cell=make_cell("gru", 2, 3, seed=0), inputs=np.zeros((3000, 2))))
    c.set_inputs(5, [[1.0, 2.0]])
    managed._timer.stop()
    c.progress_hook = Hook()  # a long recompute runs
    managed._start_writer(c.trace.x.copy())  # and a write starts (it began just before, say)
    time.sleep(0.3)
    assert managed.busy and managed.writes == 0  # the writer waits
    Hook.active = False  # the recompute ends
    qtbot.waitUntil(lambda: not managed.busy, timeout=3000)
    assert managed.writes == 1 and read_recovery(managed.path)[1].inputs[5].tolist() == [1.0, 2.0]


def test_write_recovery_calls_pause_between_pieces(tmp_path):
    session = Session(cell=make_cell("rnn", 1, 2, seed=0), inputs=np.zeros((2000, 1)))
    calls = []
    write_recovery(tmp_path / "r.json", session, None, "x", time.time(), pause=lambda: calls.append(1))
    assert len(calls) >= 2000 // 512 and read_recovery(tmp_path / "r.json")[1].inputs.shape == (2000, 1)


@pytest.mark.parametrize(("inputs", "message"), [
    ({"shape": [4, 1], "float64_base64": "AAAA"}, "holds 0 numbers, its shape [4, 1] needs 4"),
    ({"shape": [1, 1], "float64_base64": "@@@@"}, "not valid base64"),
    ({"shape": [-1, 1], "float64_base64": ""}, "a shape of one or two sizes"),
    ({"shape": [True, 1], "float64_base64": ""}, "a shape of one or two sizes"),
    ({"shape": [1, 1], "float64_base64": base64.b64encode(np.array([np.nan]).tobytes()).decode()}, "inputs"),
])
def test_a_damaged_encoded_array_is_refused_with_its_place(tmp_path, inputs, message):
    session = Session(cell=make_cell("rnn", 1, 2, seed=0), inputs=np.zeros((4, 1)))
    path = tmp_path / "recovery-1-1.json"
    write_recovery(path, session, None, "x", 1.0)
    doc = json.loads(path.read_text())
    doc["session"]["inputs"] = inputs
    path.write_text(json.dumps(doc))
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        read_recovery(path)
    assert str(caught.value).startswith("recovery-1-1.json: ") and "inputs" in str(caught.value)


def test_encoded_weights_of_a_wide_cell_read_back_bit_for_bit(tmp_path):
    cell = make_cell("lstm", 2, 769, seed=5)  # weight_hh and weight_ih: 3,076 rows, more than a chunk
    session = Session(cell=cell, inputs=np.ones((3, 2)))
    path = tmp_path / "recovery-1-1.json"
    write_recovery(path, session, None, "wide", 1.0)
    parameters = json.loads(path.read_text())["session"]["cell"]["parameters"]
    assert set(parameters["weight_hh"]) == {"shape", "float64_base64"}
    assert isinstance(parameters["bias_hh"], list)  # one dimension: plain numbers
    back = read_recovery(path)[1].cell
    for name, array in cell.parameters().items():
        np.testing.assert_array_equal(getattr(back, name), array)
