"""``simulate`` succeeds with every option and writes what the engine computes, to the last bit."""

import itertools
import json

import numpy as np
import pytest

import simulator
from simulator.core.gradients import gradient_norms
from simulator.io.export import read_trace_npz
from simulator.io.inputs import encode_text, generate


def test_inputs_file_matches_engine(cli, tmp_path):
    x = np.random.default_rng(0).normal(size=(12, 3))
    np.save(tmp_path / "x.npy", x)
    res = cli("--cell", "lstm", "--hidden-size", 5, "--seed", 3, "--inputs", tmp_path / "x.npy",
              "--out", tmp_path / "t.npz")
    assert res.code == 0 and res.err == ""
    assert res.out == f"wrote {tmp_path / 't.npz'}: LSTM, 3 inputs, 5 units, 12 steps\n"
    arrays, meta = read_trace_npz(tmp_path / "t.npz")
    cell = simulator.make_cell("lstm", 3, 5, seed=3)
    trace = simulator.run(cell, x)
    for key, value in trace.arrays().items():
        assert np.array_equal(arrays[key], value), key
    assert meta["weights_sha256"] == cell.sha256() and meta["steps"] == 12


@pytest.mark.parametrize(("kind", "flags", "option"), [
    ("rnn", ["--nonlinearity", "relu"], {"nonlinearity": "relu"}),
    ("gru", ["--reset-before"], {"reset_after": False}),
    ("gru", [], {"reset_after": True}),
    ("lstm", ["--forget-bias", "2.5", "--init", "glorot"], {"forget_bias": 2.5, "init": "glorot"}),
])
def test_cell_options(cli, tmp_path, kind, flags, option):
    res = cli("--cell", kind, "--hidden-size", 3, "--generator", "sine:period=7", "--steps", 30,
              *flags, "--out", tmp_path / "t.npz", "--quiet")
    assert (res.code, res.out, res.err) == (0, "", "")
    cell = simulator.make_cell(kind, 1, 3, **option)
    trace = simulator.run(cell, generate("sine", 30, period=7))
    arrays, meta = read_trace_npz(tmp_path / "t.npz")
    assert meta["weights_sha256"] == cell.sha256()
    assert all(np.array_equal(arrays[k], v) for k, v in trace.arrays().items())


def test_text_vocabulary_and_json(cli, tmp_path):
    res = cli("--cell", "gru", "--hidden-size", 2, "--text", "abba", "--vocabulary", "abc",
              "--out", tmp_path / "t.json")
    assert res.code == 0 and "GRU (reset after matmul), 3 inputs, 2 units, 4 steps" in res.out
    doc = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert doc["arrays"]["x"] == encode_text("abba", "abc")[0].tolist()
    assert doc["metadata"]["input_size"] == 3


def test_initial_state_dtype_and_gradients(cli, tmp_path):
    h0, c0 = np.array([0.5, -0.25]), np.array([1.0, 2.0])
    np.savez(tmp_path / "s.npz", h0=h0, c0=c0)
    res = cli("--hidden-size", 2, "--input-size", 2, "--generator", "noise:std=0.3", "--steps", 9,
              "--seed", 4, "--initial-state", tmp_path / "s.npz", "--dtype", "float32", "--gradients",
              "--out", tmp_path / "t.npz")
    assert res.code == 0, res.err
    arrays, meta = read_trace_npz(tmp_path / "t.npz")
    cell = simulator.make_cell("lstm", 2, 2, seed=4, dtype="float32")
    trace = simulator.run(cell, generate("noise", 9, 2, seed=4, std=0.3), {"h": h0, "c": c0})
    assert meta["dtype"] == "float32" and arrays["h"].dtype == np.float32
    assert np.array_equal(arrays["h0"], h0.astype(np.float32)) and np.array_equal(arrays["h"], trace.h)
    grads = gradient_norms(cell, trace)
    assert np.array_equal(arrays["dhT_dh"], grads["dhT_dh"]) and np.array_equal(arrays["dcT_dc"],
                                                                              grads["dcT_dc"])
    assert meta["gradients"] == ["dhT_dh", "dcT_dc"]


def test_generator_seed_in_spec_overrides(cli, tmp_path):
    for name, spec in (("a.npz", "copy:length=2,symbols=3,delay=1,seed=9"), ("b.npz", "copy:length=2,"
                                                                             "symbols=3,delay=1")):
        assert cli("--hidden-size", 2, "--generator", spec, "--steps", 6, "--seed", 1, "--quiet",
                   "--out", tmp_path / name).code == 0
    a, b = read_trace_npz(tmp_path / "a.npz")[0], read_trace_npz(tmp_path / "b.npz")[0]
    assert np.array_equal(a["x"], generate("copy", 6, length=2, symbols=3, delay=1, seed=9))
    assert np.array_equal(b["x"], generate("copy", 6, length=2, symbols=3, delay=1, seed=1))


def test_csv_long_output(cli, tmp_path):
    res = cli("--cell", "rnn", "--hidden-size", 2, "--generator", "step:at=1", "--steps", 3, "--csv-long",
              "--out", tmp_path / "t.csv")
    assert res.code == 0
    rows = [r for r in (tmp_path / "t.csv").read_text().splitlines() if not r.startswith("#")]
    assert rows[0] == "step,quantity,unit,value" and len(rows) == 1 + 3 * (1 + 2)
    assert rows[1] == "0,x,0,0.0" and rows[2].startswith("0,h,0,") and rows[4] == "1,x,0,1.0"


def read_columns(path):
    """A wide CSV export as {column: values}, the way a script would read it."""
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    table = np.array([[float(v) for v in line.split(",")] for line in lines[1:]])
    return dict(zip(lines[0].split(","), table.T, strict=True))


def test_forget_bias_sweep(cli, tmp_path):
    """Journey 5: a larger forget bias keeps an impulse in the state for longer."""
    def memory(bias):
        for name, amp in (("on", 1.0), ("off", 0.0)):
            res = cli("--cell", "lstm", "--input-size", 1, "--hidden-size", 4, "--forget-bias", bias,
                      "--generator", f"impulse:at=5,amplitude={amp}", "--steps", 300, "--quiet",
                      "--out", tmp_path / f"sweep_{bias}_{name}.csv")
            assert res.code == 0, res.err
        on, off = (read_columns(tmp_path / f"sweep_{bias}_{n}.csv") for n in ("on", "off"))
        diff = np.max([np.abs(on[f"c_{j}"] - off[f"c_{j}"]) for j in range(4)], axis=0)
        return int(np.nonzero(diff > 1e-6)[0].max()) - 5  # steps the impulse stays visible

    lengths = [memory(b) for b in (-2, -1, 0, 1, 2, 3, 4)]
    assert all(a <= b for a, b in itertools.pairwise(lengths)), lengths
    print("memory length by forget bias -2..4:", lengths)
    assert lengths[0] < 30 < 200 < lengths[-1], lengths


@pytest.mark.torch
def test_matches_torch(cli, tmp_path):
    torch = pytest.importorskip("torch")
    x = np.random.default_rng(2).normal(size=(20, 3))
    np.save(tmp_path / "x.npy", x)
    assert cli("--cell", "gru", "--hidden-size", 4, "--inputs", tmp_path / "x.npy", "--seed", 8,
               "--out", tmp_path / "t.npz").code == 0
    cell = simulator.make_cell("gru", 3, 4, seed=8)
    ref = torch.nn.GRUCell(3, 4, dtype=torch.float64)
    with torch.no_grad():
        for name, value in cell.parameters().items():
            getattr(ref, name).copy_(torch.from_numpy(value))
        h, hs = torch.zeros(1, 4, dtype=torch.float64), []
        for row in torch.from_numpy(x):
            h = ref(row[None], h)
            hs.append(h[0].numpy().copy())
    np.testing.assert_allclose(read_trace_npz(tmp_path / "t.npz")[0]["h"], np.array(hs), rtol=0, atol=1e-13)


def test_weights_file(cli, tmp_path):
    formats = pytest.importorskip("simulator.io.formats.api")
    cell = simulator.make_cell("gru", 2, 3, seed=11)
    formats.save_weights(cell, tmp_path / "w.npz")
    res = cli("--weights", tmp_path / "w.npz", "--weights-format", "npz", "--layer", 0, "--cell", "gru",
              "--hidden-size", 3, "--generator", "sine", "--input-size", 2, "--steps", 5,
              "--out", tmp_path / "t.npz")
    assert res.code == 0, res.err
    arrays, meta = read_trace_npz(tmp_path / "t.npz")
    assert meta["weights_sha256"] == cell.sha256()
    assert np.array_equal(arrays["h"], simulator.run(cell, generate("sine", 5, 2)).h)
    res = cli("--weights", tmp_path / "w.npz", "--generator", "sine", "--steps", 5, "--quiet",
              "--out", tmp_path / "s.npz")
    assert res.code == 0 and read_trace_npz(tmp_path / "s.npz")[0]["x"].shape == (5, 2)
