"""``compare`` and ``simulate --force-gate/--branch``: values equal the engine's; errors are one line."""

import json

import numpy as np
import pytest

import simulator
import simulator.cli.compare
from simulator.document.presets import PRESET_DIR, load_preset
from simulator.insight import Branch, GateForce, branch_to_dict, default_trio, memory_curve, run_branch
from simulator.io.export import read_trace_npz
from simulator.io.inputs import generate

from .conftest import Result


@pytest.fixture
def compare(capsys):
    def run(*args: object) -> Result:
        capsys.readouterr()
        code = simulator.cli.compare.main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)
    return run


def test_default_trio_traces_and_gradients(compare, tmp_path):
    res = compare("--hidden-size", 4, "--seed", 2, "--generator", "sine:period=9", "--steps", 40,
                  "--gradients", "--out", tmp_path / "c.npz")
    assert res.code == 0 and res.out == f"wrote {tmp_path / 'c.npz'}: rnn, lstm, gru, 40 steps\n"
    data = np.load(tmp_path / "c.npz", allow_pickle=False)
    x = generate("sine", 40, period=9)
    assert np.array_equal(data["x"], x)
    for cell in default_trio(1, 4, seed=2):
        trace = simulator.run(cell, x)
        for key, value in trace.arrays().items():
            if key not in ("x", "h0", "c0"):
                assert np.array_equal(data[f"{cell.kind}/{key}"], value)
        from simulator.core.gradients import gradient_norms
        assert np.array_equal(data[f"{cell.kind}/dhT_dh"], gradient_norms(cell, trace)["dhT_dh"])
    assert json.loads(str(data["metadata"]))["cells"]["gru"].startswith("GRU")


def test_memory_test_of_the_presets_prints_the_delays(compare, tmp_path):
    paths = [PRESET_DIR / f"{p}.json" for p in ("lstm-holds-200", "gru-holds")]
    res = compare("--sessions", *paths, "--memory-test", "--pulse", "0.8,1", "--length", 210,
                  "--out", tmp_path / "m.json")
    assert res.code == 0, res.err
    assert res.out.splitlines()[:2] == ["lstm-holds-200: above 10% for all 210 steps",
                                        "gru-holds: above 10% for all 210 steps"]
    doc = json.loads((tmp_path / "m.json").read_text())
    assert doc["metadata"]["delays_below"] == {"lstm-holds-200": None, "gru-holds": None}
    expected = memory_curve(load_preset("gru-holds").cell, 5, 210, pulse=[0.8, 1.0])
    assert doc["arrays"]["gru-holds/curve"] == expected.curve.tolist()


def test_memory_test_csv_for_the_rnn_preset(compare, tmp_path):
    res = compare("--sessions", PRESET_DIR / "rnn-pulse-fades.json", "--memory-test", "--pulse-at", 3,
                  "--length", 20, "--out", tmp_path / "m.csv")
    assert res.code == 0 and res.out.splitlines()[0] == "rnn-pulse-fades: below 10% after 3 steps"
    lines = (tmp_path / "m.csv").read_text().splitlines()
    header = next(line for line in lines if not line.startswith("#"))
    assert header == "delay,rnn-pulse-fades/curve,rnn-pulse-fades/curve_h,rnn-pulse-fades/norm"
    assert len([line for line in lines if not line.startswith("#")]) == 22


def test_cells_subset_and_sessions_own_inputs(compare, tmp_path):
    res = compare("--cells", "gru,gru", "--input-size", 2, "--generator", "noise", "--steps", 5, "--quiet",
                  "--out", tmp_path / "g.csv")
    assert (res.code, res.out) == (0, "")
    assert "gru-2/h_0" in (tmp_path / "g.csv").read_text()
    paths = [PRESET_DIR / "compare-lstm.json", PRESET_DIR / "compare-gru.json"]
    res = compare("--sessions", *paths, "--out", tmp_path / "s.json")
    doc = json.loads((tmp_path / "s.json").read_text())
    session = load_preset("compare-gru")
    assert doc["arrays"]["compare-gru/h"] == simulator.run(session.cell, session.inputs).h.tolist()


@pytest.mark.parametrize("args", [
    ("--cells", "lstm,tanh", "--generator", "sine", "--steps", 5),
    ("--cells", "lstm"),
    ("--memory-test", "--pulse", "1,x"),
    ("--memory-test", "--pulse", "1,2"),
    ("--generator", "sine"),
    ("--memory-test", "--steps", 4),
    ("--sessions", "missing.json", "--memory-test"),
    ("--cells", "rnn", "--sessions", "a.json", "--memory-test"),
    ("--memory-test", "--hidden-size", 0),
])
def test_compare_errors_are_one_line(compare, tmp_path, args):
    compare(*args, "--out", tmp_path / "x.csv").assert_refused(tmp_path / "x.csv")


def test_wrong_extension_and_directory(compare, tmp_path):
    compare("--memory-test", "--out", tmp_path / "x.txt").assert_refused(tmp_path / "x.txt")
    compare("--memory-test", "--out", tmp_path / "no" / "x.csv").assert_refused()


def test_main_py_dispatches_compare(main_py):
    res = main_py("compare", "--memory-test", "--hidden-size", 3, "--length", 30, "--out", "m.npz")
    assert res.code == 0 and res.err == "" and res.out.count("\n") == 4
    assert main_py("compare", "--help").code == 0
    assert "compare" in main_py("--help").out


def test_force_gate_writes_the_branch(cli, tmp_path):
    res = cli("--cell", "lstm", "--hidden-size", 3, "--generator", "sine:period=7", "--steps", 30,
              "--force-gate", "f=1@10", "--force-gate", "i:0,2=0@5", "--out", tmp_path / "b.npz")
    assert res.code == 0 and res.out.endswith("30 steps; the branch diverges at step 5\n"), res.out
    arrays, meta = read_trace_npz(tmp_path / "b.npz")
    cell, x = simulator.make_cell("lstm", 1, 3), generate("sine", 30, period=7)
    branch = Branch("command line", 5, [GateForce("f", 1.0, None, 10), GateForce("i", 0.0, (0, 2), 5)])
    expected = run_branch(cell, x, None, branch)
    assert all(np.array_equal(arrays[k], v) for k, v in expected.arrays().items())
    assert meta["divergence_step"] == 5 and meta["branch"] == branch_to_dict(branch)
    assert np.all(arrays["f"][10:] == 1.0)


def test_branch_file_with_weight_edit(cli, tmp_path):
    cell = simulator.make_cell("gru", 1, 2)
    branch = Branch("edit", 12, weights={"bias_ih": np.ones(6)})
    (tmp_path / "b.json").write_text(json.dumps(branch_to_dict(branch)))
    res = cli("--cell", "gru", "--hidden-size", 2, "--generator", "impulse:at=3", "--steps", 20,
              "--branch", tmp_path / "b.json", "--out", tmp_path / "b.json.csv")
    assert res.code == 0 and "diverges at step 12" in res.out
    text = (tmp_path / "b.json.csv").read_text()
    assert "# divergence_step: 12" in text
    expected = run_branch(cell, generate("impulse", 20, at=3), None, branch)
    rows = [line.split(",") for line in text.splitlines() if line[:1].isdigit()]
    assert [float(r[2]) for r in rows] == expected.h[:, 0].tolist()


@pytest.mark.parametrize(("flags", "files"), [
    (("--force-gate", "x=1@3"), {}),
    (("--force-gate", "f=2@3"), {}),
    (("--force-gate", "f=1@99"), {}),
    (("--force-gate", "f:7=1@3"), {}),
    (("--force-gate", "f=1"), {}),
    (("--force-gate", "f=1@3", "--gradients"), {}),
    (("--branch", "nope.json"), {}),
    (("--branch", "bad.json"), {"bad.json": "{not json"}),
    (("--branch", "nan.json"), {"nan.json": '{"start": 0, "forced": [{"gate": "f", "value": NaN}]}'}),
    (("--branch", "keys.json"), {"keys.json": '{"start": 0, "colour": 1}'}),
])
def test_branch_errors_are_one_line(cli, tmp_path, flags, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    flags = [str(tmp_path / f) if f.endswith(".json") else f for f in flags]
    res = cli("--cell", "lstm", "--hidden-size", 3, "--generator", "sine", "--steps", 10, *flags,
              "--out", tmp_path / "o.npz")
    res.assert_refused(tmp_path / "o.npz")
