"""``main.py``: dispatch to ``simulate``, to the window, or to a one-line hint when there is no window."""

import importlib.util
import shutil
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

import simulator
from simulator.io.export import read_trace_npz
from simulator.io.inputs import generate

MAIN = Path(__file__).resolve().parents[2] / "main.py"

CONTRACT_OPTIONS = ["--cell", "--weights", "--weights-format", "--layer", "--input-size", "--hidden-size",
                    "--seed", "--init", "--nonlinearity", "--inputs", "--text", "--generator", "--steps",
                    "--initial-state", "--dtype", "--gradients", "--out", "--reset-before", "--forget-bias",
                    "--csv-long", "--quiet"]
NO_DISPLAY = {"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}


@pytest.fixture
def entry():
    spec = importlib.util.spec_from_file_location("gatescope_main", MAIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_help_lists_subcommands(main_py):
    res = main_py("--help")
    assert res.code == 0 and "simulate" in res.out and "python main.py simulate --help" in res.out


def test_simulate_help_has_the_contract(main_py):
    res = main_py("simulate", "--help")
    assert res.code == 0 and res.err == ""
    missing = [opt for opt in CONTRACT_OPTIONS if opt not in res.out]
    assert not missing


def test_simulate_as_a_process_matches_engine(main_py, tmp_path):
    res = main_py("simulate", "--cell", "lstm", "--input-size", "1", "--hidden-size", "4",
                  "--forget-bias", "1", "--generator", "impulse:at=5", "--steps", "40", "--out", "t.npz")
    assert (res.code, res.err) == (0, "")
    assert res.out == "wrote t.npz: LSTM, 1 input, 4 units, 40 steps\n"
    cell = simulator.make_cell("lstm", 1, 4, forget_bias=1.0)
    trace = simulator.run(cell, generate("impulse", 40, at=5))
    arrays = read_trace_npz(tmp_path / "t.npz")[0]
    assert all(np.array_equal(arrays[k], v) for k, v in trace.arrays().items())


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_shell_sweep_stops_at_the_first_mistake(tmp_path):
    """Journey 5's loop: good biases write files; a bad one exits 2 and the loop's `|| break` fires."""
    script = (f'for b in 0 1 oops 2; do "{sys.executable}" "{MAIN}" simulate --cell lstm --input-size 1 '
              '--hidden-size 4 --forget-bias $b --generator impulse:at=5 --steps 50 --quiet '
              '--out sweep_$b.csv || { echo "stopped at $b with $?"; break; }; done')
    proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False,
                          timeout=120)
    assert proc.stdout == "stopped at oops with 2\n"
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("gatescope: error: argument --forget-bias")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sweep_0.csv", "sweep_1.csv"]


def test_no_display_prints_the_headless_hint(main_py):
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is Linux-only")
    res = main_py(env=NO_DISPLAY)
    assert res.code == 2 and res.out == "" and res.err.count("\n") == 1
    assert res.err.startswith("gatescope: error: no display") and "python main.py simulate --help" in res.err


def test_missing_ui_prints_the_headless_hint(entry, monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setitem(sys.modules, "ui.shell.app", None)  # import ui.shell.app now raises ImportError
    assert entry.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the window cannot start" in err and "simulate --help" in err


@pytest.fixture
def window_calls(monkeypatch):
    """A stand-in ``ui.shell.app`` whose ``run`` records its argv and returns 7."""
    seen = []
    fake = types.ModuleType("ui.shell.app")
    fake.run = lambda argv: seen.append(argv) or 7
    monkeypatch.setitem(sys.modules, "ui.shell.app", fake)
    return seen


def test_gui_flags_go_to_the_window(entry, monkeypatch, window_calls):
    seen = window_calls
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert entry.main(["--preset", "rnn-pulse", "--step", "3"]) == 7
    assert seen == [["--preset", "rnn-pulse", "--step", "3"]]


def test_dispatch_in_process(entry, capsys, tmp_path):
    assert entry.main(["simulate", "--hidden-size", "2", "--text", "ab", "--quiet",
                       "--out", str(tmp_path / "t.json")]) == 0
    assert (tmp_path / "t.json").exists()
    assert entry.main(["simulat"]) == 2
    assert "did you mean 'simulate'" in capsys.readouterr().err


def test_screenshot_needs_no_display(entry, monkeypatch, window_calls):
    seen = window_calls
    for name in NO_DISPLAY:
        monkeypatch.delenv(name, raising=False)
    assert entry.main(["--screenshot", "shot.png"]) == 7 and seen == [["--screenshot", "shot.png"]]
    if sys.platform.startswith("linux"):
        assert entry.main(["--preset", "x"]) == 2 and len(seen) == 1
