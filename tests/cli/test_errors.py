"""Every kind of bad input: one ``gatescope: error:`` line, exit status 2, no traceback, no output file."""

import os

import numpy as np
import pytest

import simulator
import simulator.cli.main

BASE = ("--hidden-size", "3", "--generator", "sine", "--steps", "5")


def make_files(d):
    """Bad and good input files in directory ``d``."""
    np.save(d / "x3.npy", np.zeros((4, 3)))
    np.save(d / "obj.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    np.savez(d / "state_bad.npz", h0=np.zeros(4))
    np.savez(d / "state_nan.npz", h0=np.array([0.0, np.nan, 0.0]))
    np.savez(d / "state_obj.npz", h0=np.array([None, None, None], dtype=object))
    np.savez(d / "state_extra.npz", h0=np.zeros(3), w=np.zeros(3))
    np.savez(d / "weights_nan.npz", weight_ih=np.full((12, 1), np.nan), weight_hh=np.zeros((12, 3)),
             bias_ih=np.zeros(12), bias_hh=np.zeros(12))
    (d / "nan.csv").write_text("1\nnan\n")
    (d / "abc.csv").write_text("1,2\n3,abc\n")
    (d / "deep.json").write_text("[" * 50_000 + "]" * 50_000)
    (d / "trunc.npy").write_bytes((d / "x3.npy").read_bytes()[:90])
    (d / "junk.pt").write_bytes(b"\x80\x04 not a pickle you want")
    with open(d / "bomb.npy", "wb") as f:
        np.lib.format.write_array_header_1_0(f, {"descr": "<f8", "fortran_order": False, "shape": (2**40, 8)})


CASES = {
    "missing inputs": ("--hidden-size", 3, "--inputs", "nope.npy"),
    "inputs D contradicts": ("--hidden-size", 3, "--input-size", 2, "--inputs", "x3.npy"),
    "nan in csv": ("--hidden-size", 3, "--inputs", "nan.csv"),
    "bad csv cell": ("--hidden-size", 3, "--inputs", "abc.csv"),
    "pickled npy": ("--hidden-size", 3, "--inputs", "obj.npy"),
    "truncated npy": ("--hidden-size", 3, "--inputs", "trunc.npy"),
    "huge header npy": ("--hidden-size", 3, "--inputs", "bomb.npy"),
    "deep json": ("--hidden-size", 3, "--inputs", "deep.json"),
    "unknown input format": ("--hidden-size", 3, "--inputs", "junk.pt"),
    "unknown generator": ("--hidden-size", 3, "--generator", "saw", "--steps", 5),
    "bad generator value": ("--hidden-size", 3, "--generator", "sine:period=x", "--steps", 5),
    "generator without steps": ("--hidden-size", 3, "--generator", "sine"),
    "steps without generator": ("--hidden-size", 3, "--text", "ab", "--steps", 5),
    "text outside vocabulary": ("--hidden-size", 3, "--text", "abz", "--vocabulary", "ab"),
    "no hidden size": ("--generator", "sine", "--steps", 5),
    "nonlinearity on lstm": (*BASE, "--nonlinearity", "relu"),
    "reset-before on rnn": (*BASE, "--cell", "rnn", "--reset-before"),
    "forget-bias on gru": (*BASE, "--cell", "gru", "--forget-bias", 1),
    "layer without weights": (*BASE, "--layer", 1),
    "state wrong shape": (*BASE, "--initial-state", "state_bad.npz"),
    "state nan": (*BASE, "--initial-state", "state_nan.npz"),
    "state pickled": (*BASE, "--initial-state", "state_obj.npz"),
    "state extra arrays": (*BASE, "--initial-state", "state_extra.npz"),
    "state not npz": (*BASE, "--initial-state", "x3.npy"),
    "state missing": (*BASE, "--initial-state", "gone.npz"),
    "missing weights": ("--weights", "gone.pt", "--generator", "sine", "--steps", 5),
    "junk weights": ("--weights", "junk.pt", "--generator", "sine", "--steps", 5),
    "nan weights": ("--weights", "weights_nan.npz", "--generator", "sine", "--steps", 5),
    "csv-long to npz": (*BASE, "--csv-long"),
    # argparse's own refusals, made one line
    "argparse: bad int": ("--hidden-size", "abc", "--generator", "sine", "--steps", 5),
    "argparse: unknown option": (*BASE, "--colour", "red"),
    "argparse: two sources": (*BASE, "--text", "ab"),
    "argparse: no source": ("--hidden-size", 3),
    "argparse: bad cell": (*BASE, "--cell", "transformer"),
    "argparse: nan forget bias": (*BASE, "--forget-bias", "nan"),
    "argparse: zero steps": ("--hidden-size", 3, "--generator", "sine", "--steps", 0),
}


@pytest.mark.parametrize("case", list(CASES))
def test_refused_in_process(cli, tmp_path, monkeypatch, case):
    make_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.npz"
    cli(*CASES[case], "--out", out).assert_refused(out)


@pytest.mark.parametrize("case", ["pickled npy", "huge header npy", "state nan", "junk weights",
                                  "argparse: unknown option", "no hidden size"])
def test_refused_as_a_process(main_py, tmp_path, case):
    make_files(tmp_path)
    main_py("simulate", *CASES[case], "--out", "out.csv").assert_refused(tmp_path / "out.csv")


def test_bad_out(cli, tmp_path):
    cli(*BASE, "--out", tmp_path / "t.txt").assert_refused(tmp_path / "t.txt")
    cli(*BASE, "--out", tmp_path / "no" / "t.npz").assert_refused(tmp_path / "no")
    (tmp_path / "d.npz").mkdir()
    cli(*BASE, "--out", tmp_path / "d.npz").assert_refused()
    cli("--hidden-size", 3, "--generator", "sine", "--steps", 5).assert_refused()  # no --out


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_out_dir(cli, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        cli(*BASE, "--out", locked / "t.npz").assert_refused(locked / "t.npz")
    finally:
        locked.chmod(0o700)


def test_existing_out_untouched_on_refusal(cli, tmp_path):
    out = tmp_path / "keep.npz"
    out.write_bytes(b"previous run")
    res = cli("--hidden-size", 3, "--inputs", tmp_path / "gone.csv", "--out", out)
    assert res.code == 2 and out.read_bytes() == b"previous run"


def test_sizes_contradicting_weights_name_both(cli, tmp_path):
    formats = pytest.importorskip("simulator.io.formats.api")
    formats.save_weights(simulator.make_cell("lstm", 2, 4), tmp_path / "w.npz")
    common = ("--weights", tmp_path / "w.npz", "--generator", "sine", "--steps", 4,
              "--out", tmp_path / "t.npz")
    for flags, words in ((("--hidden-size", 8), ("--hidden-size 8", "4 units")),
                         (("--input-size", 3), ("--input-size 3", "2 inputs")),
                         (("--cell", "gru"), ("--cell gru", "LSTM")),
                         (("--init", "zeros"), ("--init",)),
                         (("--reset-before",), ("reset", "LSTM"))):
        res = cli(*flags, *common)
        res.assert_refused(tmp_path / "t.npz")
        assert all(w in res.err for w in words), res.err


def test_internal_error_is_one_line_exit_1(cli, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(simulator.cli.main.simulator, "run", broken)
    monkeypatch.delenv("GATESCOPE_DEBUG", raising=False)
    res = cli(*BASE, "--out", tmp_path / "t.npz")
    assert res.code == 1 and res.err.count("\n") == 1 and "RuntimeError: a bug over two lines" in res.err
    assert res.err.startswith("gatescope: error: internal error") and not (tmp_path / "t.npz").exists()
    monkeypatch.setenv("GATESCOPE_DEBUG", "1")
    with pytest.raises(RuntimeError, match="a bug"):
        cli(*BASE, "--out", tmp_path / "t.npz")
