"""Items 7 and 9 of issue 11: an output never overwrites an input; every bad argument exits 2, never 1."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import simulator
from simulator.cli.compare import main as compare_main
from simulator.cli.main import main as simulate_main
from simulator.cli.train import main as train_main
from simulator.document.session import Session
from simulator.io.formats import save_weights

BASE = ["--cell", "lstm", "--hidden-size", "2"]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    x = tmp_path / "x.csv"
    x.write_text("0.5\n-1\n2\n")
    w = tmp_path / "w.npz"
    save_weights(simulator.make_cell("lstm", 1, 2, seed=1), w)
    s = tmp_path / "s.npz"
    np.savez(s, h0=np.zeros(2))
    b = tmp_path / "b.json"
    b.write_text('{"start": 1, "forced": [{"gate": "f", "value": 1.0}]}')
    return {"inputs": x, "weights": w, "initial-state": s, "branch": b}


@pytest.mark.parametrize("flag", ["inputs", "weights", "initial-state", "branch"])
@pytest.mark.parametrize("link", ["same", "symlink", "hardlink"])
def test_simulate_never_overwrites_an_input(files, tmp_path, capsys, flag, link):
    target = files[flag]
    before = target.read_bytes()
    out = {"same": target, "symlink": tmp_path / "out.csv", "hardlink": tmp_path / "hard.csv"}[link]
    if link == "symlink":
        out.symlink_to(target)
    elif link == "hardlink":
        os.link(target, out)
    args = ["--inputs", str(files["inputs"]), "--initial-state", str(files["initial-state"]),
            "--weights", str(files["weights"]), "--branch", str(files["branch"]), "--out", str(out)]
    assert simulate_main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"same file as --{flag}" in err
    assert target.read_bytes() == before


def test_compare_and_train_never_overwrite_an_input(files, tmp_path, capsys):
    session = tmp_path / "a.json"
    Session(simulator.make_cell("rnn", 1, 2), np.zeros((3, 1))).save(session)
    before = session.read_bytes()
    assert compare_main(["--sessions", str(session), str(session), "--out", str(session)]) == 2
    assert session.read_bytes() == before
    assert compare_main(["--inputs", str(files["inputs"]), "--out", str(files["inputs"])]) == 2
    run = tmp_path / "run.npz"
    assert train_main(["--iterations", "1", "--out", str(run), "--weights-out", str(run)]) == 2
    assert not run.exists()
    assert "refusing to overwrite" in capsys.readouterr().err


@pytest.mark.parametrize("extra", [
    ["--force-gate", "f:99999999999999999999=1@1"], ["--force-gate", "f=1@99999999999999999999"],
    ["--force-gate", "f=1@²"], ["--steps", "9" * 400], ["--seed", "-1"],
])
def test_out_of_range_integers_exit_2(tmp_path, capsys, extra):
    args = [*BASE, "--generator", "sine", "--out", str(tmp_path / "t.npz")]
    if "--steps" not in extra:
        args += ["--steps", "5"]
    assert simulate_main(args + extra) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_branch_key_superscript_two_exits_2(tmp_path, capsys):
    branch = tmp_path / "b.json"
    branch.write_text('{"start": 0, "inputs": {"²": [1.0]}}')
    args = [*BASE, "--generator", "sine", "--steps", "5", "--branch", str(branch),
            "--out", str(tmp_path / "t.npz")]
    assert simulate_main(args) == 2
    assert "not a step number" in capsys.readouterr().err


@pytest.mark.parametrize("flag", ["--pulse-at", "--length"])
def test_huge_memory_test_sizes_exit_2(tmp_path, capsys, flag):
    assert compare_main(["--memory-test", flag, "10000000000", "--out", str(tmp_path / "m.csv")]) == 2
    assert "from 0 to 1000000" in capsys.readouterr().err


def test_text_of_40000_distinct_characters_is_refused_before_allocating(tmp_path, capsys):
    text = "".join(chr(0x4E00 + k) for k in range(40_000))
    assert simulate_main([*BASE, "--text", text, "--out", str(tmp_path / "t.npz")]) == 2
    assert "one-hot values, more than the 20000000 allowed" in capsys.readouterr().err


_INTS = st.one_of(st.integers(-10, 10), st.integers(-(2**70), 2**70)).map(str)
_FLAGS = st.sampled_from(["--steps", "--hidden-size", "--seed", "--layer", "--input-size"])


@settings(max_examples=40, deadline=None)
@given(flag=_FLAGS, value=_INTS, force=st.tuples(st.sampled_from("figoxz"), _INTS, _INTS))
def test_fuzzed_integer_arguments_exit_0_or_2(tmp_path_factory, flag, value, force):
    out = tmp_path_factory.mktemp("fuzz") / "t.npz"
    args = [*BASE, "--generator", "sine", "--out", str(out),
            "--force-gate", f"{force[0]}:{force[1]}=1@{force[2]}"]
    args += [] if flag == "--steps" else ["--steps", "4"]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = simulate_main([*args, flag, value])
    assert code in (0, 2), err.getvalue()
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
