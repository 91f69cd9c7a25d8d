"""The training tasks' batches, and the training loop: records, snapshots, reproducibility."""

import json
import os
import threading

import numpy as np
import pytest

from simulator import InputError
from simulator.training import TrainConfig, Trainer, parse_task, train


def test_recall_batch_layout():
    task = parse_task("recall:delay=5,symbols=3")
    assert (task.input_size, task.output_size, task.steps, task.loss) == (4, 3, 7, "cross_entropy")
    x, y = task.batch(np.random.default_rng(0), 8)
    assert x.shape == (8, 7, 4) and y.shape == (8, 7) and y.dtype == np.int64
    np.testing.assert_array_equal(x[:, 0, :3].sum(axis=1), 1.0)
    np.testing.assert_array_equal(x[:, 1:6], 0.0)  # a clean delay
    np.testing.assert_array_equal(x[:, 6], np.tile([0, 0, 0, 1.0], (8, 1)))  # the cue
    np.testing.assert_array_equal(y[:, :6], -1)
    np.testing.assert_array_equal(y[:, 6], x[:, 0, :3].argmax(axis=1))


def test_recall_distractors_use_their_own_symbols():
    task = parse_task("recall:delay=6,symbols=4,distractors=1")
    assert task.input_size == 9
    x, y = task.batch(np.random.default_rng(1), 16)
    delay = x[:, 1:7]
    np.testing.assert_array_equal(delay.sum(axis=2), 1.0)  # one distractor every step
    np.testing.assert_array_equal(delay[:, :, :4], 0.0)
    assert len(np.unique(delay[:, :, 4:8].argmax(axis=2))) == 4
    np.testing.assert_array_equal(y[:, -1], x[:, 0, :4].argmax(axis=1))
    sparse, _ = parse_task("recall:delay=400,distractors=0.25").batch(np.random.default_rng(2), 16)
    shown = sparse[:, 1:401].sum(axis=2)
    assert set(np.unique(shown)) == {0.0, 1.0} and 0.2 < shown.mean() < 0.3


def test_adding_problem():
    task = parse_task("adding:length=10")
    x, y = task.batch(np.random.default_rng(2), 5)
    assert x.shape == (5, 10, 2) and y.shape == (5, 10, 1) and task.loss == "mse"
    marks = x[:, :, 1]
    np.testing.assert_array_equal(marks.sum(axis=1), 2.0)
    np.testing.assert_array_equal(marks[:, :5].sum(axis=1), 1.0)  # one in each half
    np.testing.assert_allclose(y[:, -1, 0], (x[:, :, 0] * marks).sum(axis=1))
    assert np.isnan(y[:, :-1]).all()
    assert ((x[:, :, 0] >= 0) & (x[:, :, 0] < 1)).all()


def test_sine_targets_are_the_next_value():
    x, y = parse_task("sine:length=30,period=12").batch(np.random.default_rng(3), 4)
    np.testing.assert_array_equal(y[:, :-1], x[:, 1:])
    np.testing.assert_allclose(x[:, 12], x[:, 0], atol=1e-12)  # one period later


def test_text_defaults_to_our_korean_text(tmp_path):
    from simulator.training.tasks import default_text_path

    assert default_text_path().name == "gates-ko.txt" and default_text_path().stat().st_size > 4000
    task = parse_task("text:length=20")
    assert "기" in task.vocabulary and task.input_size == task.output_size == len(task.vocabulary)
    x, y = task.batch(np.random.default_rng(4), 3)
    codes = x.argmax(axis=2)
    np.testing.assert_array_equal(x.sum(axis=2), 1.0)
    np.testing.assert_array_equal(y[:, :-1], codes[:, 1:])
    text = tmp_path / "a,b.txt"
    text.write_text("abcabcabd", encoding="utf-8")
    own = parse_task(f"text:length=3,path={text}")
    assert own.vocabulary == "abcd"
    x, y = own.batch(np.random.default_rng(5), 50)
    assert set(np.unique(y)) <= {0, 1, 2, 3}


@pytest.mark.parametrize(("spec", "message"), [
    ("memorise", "unknown task"), ("recall:delay=-1", "outside"), ("recall:delay=2.5", "whole number"),
    ("recall:lag=3", "no parameter 'lag'"), ("recall:delay", "key=value"),
    ("recall:delay=1,delay=2", "twice"),
    ("sine:period=x", "not a number"), ("text:path=/no/such/file.txt", "no such file"),
    ("text:length=100000", "fewer than"), ("recall:distractors=1.5", "outside"),
])
def test_bad_task_specs(spec, message):
    with pytest.raises(InputError, match=message):
        parse_task(spec)


def _refusal(spec: str) -> str:
    """The message parse_task refuses ``spec`` with, from a thread (a read that blocks fails the test)."""
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            parse_task(spec)
            outcome.append(None)
        except BaseException as err:  # handed to the test thread
            outcome.append(err)
    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    assert outcome, f"{spec} blocked"
    assert isinstance(outcome[0], InputError), outcome[0]
    return str(outcome[0])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_text_refuses_a_named_pipe_without_blocking(tmp_path):
    pipe = tmp_path / "text.fifo"
    os.mkfifo(pipe)
    assert "named pipe" in _refusal(f"text:path={pipe}")


@pytest.mark.parametrize(("target", "kind"), [("folder", "directory"), ("/dev/zero", "device")])
def test_text_refuses_what_is_not_a_regular_file(tmp_path, target, kind):
    if target == "folder":
        target = tmp_path
    elif not os.path.exists(target):
        pytest.skip(f"no {target}")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert kind in _refusal(f"text:path={target}")
    assert kind in _refusal(f"text:path={link}")  # a link is followed, then refused


def test_text_size_is_bounded_and_utf8_required(tmp_path, monkeypatch):
    from simulator.training import tasks

    monkeypatch.setattr(tasks, "MAX_TEXT_BYTES", 1 << 20)
    big = tmp_path / "big.txt"
    big.write_bytes(b"ab" * (1 << 19) + b"c")
    with pytest.raises(InputError, match="more than the 1 MiB"):
        parse_task(f"text:path={big}")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9 ".encode("latin-1") * 20)
    with pytest.raises(InputError, match="not UTF-8"):
        parse_task(f"text:path={latin}")


def _config(**changes):
    return TrainConfig(**{"cell": "gru", "task": "recall:delay=4,symbols=3", "hidden_size": 6, "batch": 8,
                          "iterations": 12, "snapshot_every": 5, **changes})


def test_same_seed_same_run_bit_for_bit():
    a, b = train(_config()), train(_config())
    np.testing.assert_array_equal(a.history()["loss"], b.history()["loss"])
    for key, value in a.weights().items():
        np.testing.assert_array_equal(value, b.weights()[key])
    c = train(_config(seed=1))
    assert not np.array_equal(a.history()["loss"], c.history()["loss"])


def test_records_snapshots_and_arrays():
    trainer = train(_config())
    assert [s.iteration for s in trainer.snapshots] == [0, 5, 10, 12]
    history = trainer.history()
    assert history["loss"].shape == history["accuracy"].shape == (12,)
    assert np.isin(history["accuracy"] * 8, np.arange(9)).all()  # one target per sequence
    arrays = trainer.arrays()
    assert arrays["grad_norm_through_time"].shape == arrays["loss_grad_through_time"].shape == (4, 6)
    assert arrays["weights/weight_hh"].shape == (4, 18, 6)
    assert arrays["weights/readout.weight"].shape == (4, 3, 6)
    assert json.loads(str(arrays["config"]))["task"] == "recall:delay=4,symbols=3,distractors=0"
    np.testing.assert_array_equal(arrays["weights/weight_ih"][-1], trainer.cell.weight_ih)
    assert not np.array_equal(arrays["weights/weight_ih"][0], arrays["weights/weight_ih"][-1])
    first = trainer.cell_at(trainer.snapshots[0])
    assert first.config() == trainer.cell.config()
    np.testing.assert_array_equal(first.weight_hh, arrays["weights/weight_hh"][0])
    snap = trainer.snapshots[-1]
    snap.weights["weight_ih"][...] = 0.0  # a copy: the trainer's cell is untouched
    assert trainer.cell.weight_ih.any()


def test_callback_sees_every_iteration_and_can_stop():
    seen = []
    trainer = Trainer(_config(iterations=50))
    trainer.run(lambda r: seen.append(r.iteration) or r.iteration < 7)
    assert seen == list(range(1, 8)) and trainer.iteration == 7
    assert trainer.snapshots[-1].iteration == 7


def test_forget_bias_and_mse_tasks():
    trainer = Trainer(_config(cell="lstm", forget_bias=3.0, task="sine:length=20", iterations=60))
    np.testing.assert_array_equal(trainer.cell.bias_ih[6:12], 3.0)
    trainer.run()
    loss = trainer.history()["loss"]
    assert np.isnan(trainer.history()["accuracy"]).all() and "accuracy" not in trainer.arrays()
    assert loss[-10:].mean() < 0.5 * loss[:10].mean()  # it learns


@pytest.mark.parametrize(("changes", "message"), [
    ({"batch": 0}, "batch"), ({"cell": "transformer"}, "cell kind"), ({"optimizer": "lbfgs"}, "optimiser"),
    ({"lr": 0.0}, "learning rate"), ({"clip": -1.0}, "clip"), ({"forget_bias": 1.0}, "LSTM only"),
    ({"hidden_size": 0}, "hidden_size"), ({"task": "recall:symbols=1"}, "outside"),
])
def test_bad_settings(changes, message):
    with pytest.raises(InputError, match=message):
        Trainer(_config(**changes))


def test_divergence_is_reported_not_hidden():
    trainer = Trainer(_config(cell="rnn", nonlinearity="relu", optimizer="sgd", lr=1e200, clip=None,
                              task="sine:length=10", iterations=20))
    with pytest.raises(InputError, match="diverged"):
        trainer.run()
    assert all(np.isfinite(v).all() for v in trainer.weights().values())
