"""The preset files: they load, round-trip, are rebuilt bit for bit, and each shows what it claims."""

from __future__ import annotations

import importlib.util
import json
import re

import numpy as np
import pytest

from simulator import InputError, RNNCell, run
from simulator.core.gradients import gradient_norms
from simulator.document import presets as presets_module
from simulator.document.presets import PRESET_DIR, default_session, list_presets, load_preset
from simulator.document.session import Session

KINDS = {"lstm-first-look": "lstm", "rnn-pulse-fades": "rnn", "rnn-explodes": "rnn", "lstm-holds-200": "lstm",
         "gru-holds": "gru", "compare-lstm": "lstm", "compare-gru": "gru", "gru-reset": "gru"}
CUE = 5  # the write step of lstm-holds-200 and gru-holds


def _run(preset_id: str):
    session = load_preset(preset_id)
    return session, run(session.cell, session.inputs, session.state())


def _fd_norm(cell, trace, end: int, t: int, var: str, eps: float = 1e-6) -> float:
    """‖∂var[end]/∂var_t‖_F by central differences, the other state held fixed (a reference)."""
    h, c = trace.state_before(t)
    cols = []
    for j in range(cell.hidden_size):
        outs = []
        for sign in (1.0, -1.0):
            state = {"h": h.copy()} if c is None else {"h": h.copy(), "c": c.copy()}
            state[var][j] += sign * eps
            tail = run(cell, trace.x[t:end + 1], state)
            outs.append(getattr(tail, var)[-1])
        cols.append((outs[0] - outs[1]) / (2 * eps))
    return float(np.linalg.norm(np.array(cols)))


# -- the files ---------------------------------------------------------------------------
def test_list_presets_is_complete_and_in_lesson_order():
    infos = list_presets()
    assert [i.id for i in infos] == list(KINDS)  # KINDS is written in lesson order
    assert [(i.lesson, i.id) for i in infos] == sorted((i.lesson, i.id) for i in infos)
    assert {i.id: i.kind for i in infos} == KINDS
    for info in infos:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", info.description) if s]
        assert info.title and 2 <= len(sentences) <= 5, (info.id, len(sentences))


@pytest.mark.parametrize("preset_id", list(KINDS))
def test_preset_loads_and_round_trips(preset_id, tmp_path):
    session = load_preset(preset_id)
    assert session.cell.kind == KINDS[preset_id]
    assert session.settings["preset_id"] == preset_id
    assert 1 <= session.cell.hidden_size <= 4 and 1 <= session.cell.input_size <= 2
    assert len(session.input_labels) == session.cell.input_size
    again = Session.from_dict(json.loads(session.to_json()))
    assert again.to_dict() == session.to_dict() and again.cell == session.cell
    session.save(tmp_path / "copy.json")
    assert Session.load(tmp_path / "copy.json").to_dict() == session.to_dict()


def test_generator_rebuilds_every_file_exactly():
    spec = importlib.util.spec_from_file_location("make_presets", PRESET_DIR / "make_presets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build_presets()
    assert set(built) == set(KINDS)
    for preset_id, session in built.items():
        on_disk = json.loads((PRESET_DIR / f"{preset_id}.json").read_text(encoding="utf-8"))
        assert session.to_dict() == on_disk, f"{preset_id}.json is stale: run make_presets.py"


def test_default_session_is_the_first_look_preset():
    session = default_session()
    assert session.to_dict() == load_preset("lstm-first-look").to_dict()
    assert (session.cell.kind, session.cell.input_size, session.cell.hidden_size) == ("lstm", 1, 4)
    assert 30 <= len(session.inputs) <= 50


@pytest.mark.parametrize("bad_id", ["no-such-preset", "../session", "RNN-PULSE-FADES", ""])
def test_unknown_preset_lists_the_known_ones(bad_id):
    with pytest.raises(InputError, match=r"known presets: .*rnn-pulse-fades") as err:
        load_preset(bad_id)
    assert "lstm-holds-200" in str(err.value)


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"format": "gatescope-session", "title": "x"}',
                                  "\xff\xfe"])
def test_malformed_preset_file_is_an_input_error(text, tmp_path, monkeypatch):
    monkeypatch.setattr(presets_module, "PRESET_DIR", tmp_path)
    (tmp_path / "broken.json").write_bytes(text.encode("latin-1"))
    with pytest.raises(InputError, match="broken"):
        presets_module.load_preset("broken")
    with pytest.raises(InputError, match="broken"):
        presets_module.list_presets()


def test_preset_with_bad_weights_is_an_input_error(tmp_path, monkeypatch):
    data = load_preset("rnn-pulse-fades").to_dict()
    data["cell"]["parameters"]["weight_hh"] = [[0.25, 0.2]]  # one row short
    monkeypatch.setattr(presets_module, "PRESET_DIR", tmp_path)
    (tmp_path / "short.json").write_text(json.dumps(data), encoding="utf-8")
    assert [i.id for i in presets_module.list_presets()] == ["short"]  # the header is fine
    with pytest.raises(InputError, match=r"short.*weight_hh"):
        presets_module.load_preset("short")


def test_no_preset_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(presets_module, "PRESET_DIR", tmp_path / "missing")
    assert presets_module.list_presets() == []
    with pytest.raises(InputError, match="no preset files"):
        presets_module.load_preset("lstm-first-look")


# -- the claims ---------------------------------------------------------------------------
def test_rnn_pulse_fades_and_its_gradient_vanishes():
    session, trace = _run("rnn-pulse-fades")
    pulse = int(np.flatnonzero(session.inputs[:, 0])[0])
    blank = run(session.cell, np.zeros_like(session.inputs))
    memory = np.linalg.norm(trace.h - blank.h, axis=1) / np.linalg.norm(trace.h[pulse] - blank.h[pulse])
    below = int(np.argmax(memory[pulse:] < 0.1))
    assert 1 <= below <= 6 and np.all(memory[pulse + below:] < 0.1)  # measured: 3 steps
    g = gradient_norms(session.cell, trace)["dhT_dh"]
    E = trace.length - 1
    assert g[E - 10] <= 1e-3 * g[E]  # measured: 3.4e-4
    assert np.all(np.diff(g[E - 10:]) > 0)  # the further back, the smaller
    assert g[E - 3] == pytest.approx(_fd_norm(session.cell, trace, E, E - 3, "h"), rel=1e-5)


def test_rnn_explodes():
    session, trace = _run("rnn-explodes")
    assert session.cell.nonlinearity == "relu"
    g = gradient_norms(session.cell, trace)["dhT_dh"]
    E = trace.length - 1
    assert E - 19 >= 0 and g[E - 19] >= 1e3 * g[E]  # measured: 6.6e3 over 20 steps
    assert np.all(np.diff(g) < 0)  # grows with every step back
    assert trace.h[-1].min() > 1e3 > trace.h[5].max()
    assert g[E - 5] == pytest.approx(_fd_norm(session.cell, trace, E, E - 5, "h"), rel=1e-5)


def test_lstm_holds_a_value_for_200_steps():
    session, trace = _run("lstm-holds-200")
    i, f, c = trace.gates["i"], trace.gates["f"], trace.c
    assert session.inputs[CUE, 1] == 1 and np.count_nonzero(session.inputs[:, 1]) == 1
    assert i[CUE, 0] > 0.99 and np.delete(i[:, 0], CUE).max() < 1e-3  # open on the cue only
    assert f[CUE:, 0].min() > 0.999
    assert c[CUE, 0] > 0.8 and c[CUE + 200, 0] >= 0.9 * c[CUE, 0]  # measured: 0.991
    assert abs(c[CUE + 10, 1]) < 0.1 * c[CUE, 1]  # the unit with forget bias 1 has lost it
    end = CUE + 200
    dc = gradient_norms(session.cell, trace, end)["dcT_dc"]
    assert dc[CUE + 1] >= 0.5  # c[5] -> c[205] along the cell path; measured: 0.993
    assert dc[CUE + 1] == pytest.approx(_fd_norm(session.cell, trace, end, CUE + 1, "c"), rel=1e-5)
    # A comparable tanh RNN, generous recurrent weights 0.9 · I, on the same inputs: gone.
    rnn = RNNCell(np.eye(2), 0.9 * np.eye(2))
    g = gradient_norms(rnn, run(rnn, session.inputs), end)["dhT_dh"]
    assert g[CUE + 1] < 1e-9


def test_gru_holds_a_value_with_its_update_gate():
    session, trace = _run("gru-holds")
    z, n, h = trace.gates["z"], trace.gates["n"], trace.h
    assert z[CUE, 0] < 0.01 and h[CUE, 0] == pytest.approx(np.tanh(2 * 0.8), abs=1e-3)
    assert z[CUE + 1:, 0].min() > 0.999
    assert h[CUE + 200, 0] >= 0.9 * h[CUE, 0]  # measured: 0.977
    assert np.allclose(h[1:], (1 - z[1:]) * n[1:] + z[1:] * h[:-1])  # PyTorch's convention: z = 1 keeps
    x_unwritten = session.inputs.copy()
    x_unwritten[CUE, 1] = 0.0
    diff = np.abs(h[:, 1] - run(session.cell, x_unwritten).h[:, 1])
    assert diff[CUE + 10] < 0.1 * diff[CUE]  # unit 1 (z ≈ 0.73) forgets the write
    end = CUE + 200
    assert gradient_norms(session.cell, trace, end)["dhT_dh"][CUE + 1] >= 0.5  # measured: 0.976


def test_lstm_and_gru_compare_on_identical_inputs():
    lstm, lt = _run("compare-lstm")
    gru, gt = _run("compare-gru")
    assert np.array_equal(lstm.inputs, gru.inputs) and lstm.input_labels == gru.input_labels
    assert lstm.settings["compare_with"] == "compare-gru" and gru.settings["compare_with"] == "compare-lstm"
    cues = np.flatnonzero(lstm.inputs[:, 1])
    assert len(cues) == 2
    for stored in (lt.c[:, 0], gt.h[:, 0]):
        for start, stop in zip(cues, [*cues[1:], len(stored)], strict=True):
            value = np.tanh(1.5 * lstm.inputs[start, 0])
            assert np.abs(stored[start:stop] - value).max() < 0.02 * abs(value)
    assert np.sign(gt.h[cues[0], 0]) != np.sign(gt.h[cues[1], 0])
    assert np.allclose(lt.c, gt.h, atol=1e-12)  # f = 1 − i makes this LSTM's c the GRU's h
    assert np.all(np.abs(lt.h[cues[0]:, 0]) < 0.85 * np.abs(lt.c[cues[0]:, 0]))  # h is squashed
    assert np.abs(gt.h[:, 1] - np.tanh(1.5 * gru.inputs[:, 0])).max() < 0.05  # unit 1 follows


def test_first_look_forget_gate_dims_and_cell_brightens():
    session, trace = _run("lstm-first-look")
    x, f, c = session.inputs[:, 0], trace.gates["f"], trace.c
    pulses = np.flatnonzero(x > 0.7)
    quiet = np.setdiff1d(np.arange(len(x)), pulses)
    assert len(pulses) == 3
    assert f[pulses, 0].max() < 0.05 and f[quiet, 0].min() > 0.95  # the forget gate dims on a change
    jumps = np.abs(np.diff(c[:, 0], prepend=0.0))
    assert jumps[pulses].min() > 0.5 and jumps[quiet].max() < 0.05  # written on the pulses only
    assert np.all(np.diff(c[:, 1], prepend=0.0)[pulses] > 0.25)  # unit 1 counts
    assert np.ptp(f[:, 2]) > 0.5  # unit 2's forget gate follows the wave
    assert np.all(np.abs(c[pulses + 5, 3]) < 0.1 * np.abs(c[pulses, 3]))  # unit 3 forgets fast


def test_gru_reset_drops_the_past():
    session, trace = _run("gru-reset")
    x, r, h = session.inputs, trace.gates["r"], trace.h
    resets = np.flatnonzero(x[:, 1])
    assert len(resets) == 2
    assert r[resets, 0].max() < 0.01 and r[:, 1].min() > 0.99
    assert h[resets - 1, 0].min() > 0.7 and h[resets, 1].min() > 0.7  # built up; unit 1 keeps it
    assert np.abs(h[resets, 0] - np.tanh(x[resets, 0])).max() < 0.01  # only the new input counts
