"""``python main.py train``: the run file, the final weights read back by ``simulate``, one-line errors."""

import json
import os

import numpy as np
import pytest

import simulator
import simulator.cli.main
import simulator.cli.train
from simulator.training import TrainConfig, Trainer

from .conftest import Result

SMALL = ("--task", "recall:delay=3,symbols=3", "--hidden-size", "5", "--iterations", "12", "--batch", "4",
         "--snapshot-every", "5")


@pytest.fixture
def train(capsys, tmp_path, monkeypatch):
    """``train(...)`` runs ``simulator.cli.train.main`` in ``tmp_path``, in this process."""
    monkeypatch.chdir(tmp_path)

    def run(*args: object) -> Result:
        capsys.readouterr()
        code = simulator.cli.train.main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)
    return run


def test_run_file_and_weights_match_the_engine(train, tmp_path):
    result = train(*SMALL, "--cell", "lstm", "--forget-bias", "3", "--seed", "4", "--out", "run.npz",
                   "--weights-out", "final.safetensors")
    assert result.code == 0, result.err
    assert result.out.startswith("trained LSTM, 4 inputs, 5 units on recall:delay=3,symbols=3,distractors=0 "
                                 "for 12 iterations") and "accuracy" in result.out
    expected = Trainer(TrainConfig(cell="lstm", task="recall:delay=3,symbols=3", hidden_size=5, iterations=12,
                                   batch=4, snapshot_every=5, seed=4, forget_bias=3.0))
    expected.run()
    with np.load(tmp_path / "run.npz") as run:
        np.testing.assert_array_equal(run["loss"], expected.history()["loss"])
        assert run["accuracy"].shape == (12,)
        np.testing.assert_array_equal(run["snapshot_iteration"], [0, 5, 10, 12])
        assert run["grad_norm_through_time"].shape == (4, 5)
        assert run["weights/weight_hh"].shape == (4, 20, 5)
        assert json.loads(str(run["config"]))["forget_bias"] == 3.0
    cell = simulator.load_weights(tmp_path / "final.safetensors")
    assert cell == expected.cell


def test_final_weights_run_in_simulate(train, tmp_path, capsys):
    assert train(*SMALL, "--cell", "gru", "--reset-before", "--out", "run.npz",
                 "--weights-out", "final.npz").code == 0
    code = simulator.cli.main.main(["--weights", "final.npz", "--reset-before", "--generator", "sine",
                                    "--steps", "5", "--out", "trace.npz"])
    assert code == 0, capsys.readouterr().err
    with np.load(tmp_path / "trace.npz") as trace:
        assert trace["h"].shape == (5, 5)


def test_mse_task_has_no_accuracy(train, tmp_path):
    result = train("--task", "adding:length=6", "--cell", "rnn", "--nonlinearity", "relu",
                   "--hidden-size", "3", "--iterations", "3", "--batch", "2", "--optimizer", "sgd",
                   "--momentum", "0.9",
                   "--clip", "0", "--quiet", "--out", "run.npz")
    assert (result.code, result.out, result.err) == (0, "", "")
    with np.load(tmp_path / "run.npz") as run:
        assert "accuracy" not in run and run["loss"].shape == (3,)


@pytest.mark.parametrize("args", [
    ("--task", "recall:delay=-3"),
    ("--task", "nonsense"),
    ("--task", "text:path=missing.txt"),
    ("--cell", "lstm", "--nonlinearity", "relu"),
    ("--cell", "rnn", "--forget-bias", "2"),
    ("--cell", "lstm", "--reset-before"),
    ("--optimizer", "adam", "--momentum", "0.9"),
    ("--lr", "0"),
    ("--lr", "nan"),
    ("--clip", "-1"),
    ("--batch", "0"),
    ("--hidden-size", "100000"),
    ("--optimizer", "rmsprop"),
    ("--out", "run.csv"),
    ("--out", "no/such/folder/run.npz"),
    ("--weights-out", "final.txt"),
    ("--iterations", "lots"),
    ("--unknown-flag",),
], ids=lambda a: " ".join(a))
def test_bad_inputs_are_one_line_and_status_2(train, tmp_path, args):
    result = train("--iterations", "2", "--batch", "2", "--hidden-size", "3", "--out", "run.npz", *args)
    result.assert_refused(tmp_path / "run.npz", tmp_path / "final.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("kind", ["named pipe", "directory"])
def test_a_text_that_is_not_a_regular_file_is_refused(train, tmp_path, kind):
    target = tmp_path / "text"
    if kind == "named pipe":
        os.mkfifo(target)  # reading it would block until a writer came
    else:
        target.mkdir()
    result = train("--task", f"text:length=5,path={target}", "--iterations", "2", "--out", "run.npz")
    result.assert_refused(tmp_path / "run.npz")
    assert kind in result.err


def test_diverging_run_is_refused(train, tmp_path):
    result = train("--task", "sine:length=10", "--cell", "rnn", "--nonlinearity", "relu",
                   "--optimizer", "sgd", "--lr", "1e200", "--clip", "0", "--iterations", "20",
                   "--out", "run.npz")
    result.assert_refused(tmp_path / "run.npz")
    assert "diverged" in result.err


def test_as_a_process(main_py, tmp_path):
    result = main_py("train", *SMALL, "--cell", "rnn", "--out", "run.npz")
    assert result.code == 0 and result.err == "", result.err
    assert (tmp_path / "run.npz").exists()
    assert "train" in main_py("--help").out
    refused = main_py("train", "--task", "recall:symbols=1", "--out", "run.npz")
    refused.assert_refused(tmp_path / "nothing")


def test_blas_runs_on_one_thread_unless_the_environment_says(monkeypatch):
    from simulator.training import threads

    for name in threads.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    said = threads.one_blas_thread()
    assert said == "BLAS threads: 1" or said.startswith("BLAS threads: unchanged")
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert threads.one_blas_thread() == "BLAS threads from OMP_NUM_THREADS=3"
