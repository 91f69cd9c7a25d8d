"""The measurements behind the lesson "Why the LSTM learns what the RNN cannot".

    python bench/training_lesson.py [--seeds 0 1 2 3 4 5] [--iterations 1500]

16 units, batch 32, Adam 0.01, clip 1, recall of one of 4 symbols. For every setting and seed it
prints the accuracy over the last 100 iterations, the first iteration at which the accuracy
averaged over 50 iterations reached 0.95 (— when it never did), and the run's time. Then the
time of the lesson's demonstration (the LSTM with forget bias 3 on the clean delay of 20 until
it reaches 0.95), and of the whole race the lesson shows (four cells, 1,500 iterations each);
target under 30 s. One training process at a time, on one thread.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.training import TrainConfig, Trainer  # noqa: E402

#: label -> settings; the lesson's claims, in order
SETTINGS = {
    "rnn, clean delay 20": {"cell": "rnn", "task": "recall:delay=20"},
    "rnn, distractors, delay 30": {"cell": "rnn", "task": "recall:delay=30,distractors=1"},
    "gru, distractors, delay 30": {"cell": "gru", "task": "recall:delay=30,distractors=1"},
    "rnn, distractors, delay 40": {"cell": "rnn", "task": "recall:delay=40,distractors=1"},
    "gru, distractors, delay 40": {"cell": "gru", "task": "recall:delay=40,distractors=1"},
    "lstm torch init, clean delay 20": {"cell": "lstm", "task": "recall:delay=20"},
    "lstm fb 0, clean delay 20": {"cell": "lstm", "task": "recall:delay=20", "forget_bias": 0.0},
    "lstm fb 3, clean delay 20": {"cell": "lstm", "task": "recall:delay=20", "forget_bias": 3.0},
    "lstm fb 0, distractors, delay 30": {"cell": "lstm", "task": "recall:delay=30,distractors=1",
                                         "forget_bias": 0.0},
    "lstm fb 3, distractors, delay 30": {"cell": "lstm", "task": "recall:delay=30,distractors=1",
                                         "forget_bias": 3.0},
}
DEMO = {"cell": "lstm", "task": "recall:delay=20", "forget_bias": 3.0}
#: the lesson's race: every cell the lesson shows, 1,500 iterations each, one after the other
RACE = ("rnn, distractors, delay 40", "gru, distractors, delay 40", "lstm fb 0, clean delay 20",
        "lstm fb 3, clean delay 20")
DEMO_TARGET_S = 30.0


def first_reaching(accuracy: np.ndarray, level: float = 0.95, window: int = 50) -> int | None:
    """The first iteration whose trailing ``window``-iteration mean accuracy is ≥ ``level``."""
    if accuracy.size < window:
        return None
    means = np.convolve(accuracy, np.ones(window) / window, mode="valid")
    hits = np.flatnonzero(means >= level)
    return int(hits[0]) + window if hits.size else None


def measure(settings: dict, seed: int, iterations: int) -> tuple[float, int | None, float]:
    """(accuracy over the last 100 iterations, first iteration at 0.95, seconds)."""
    start = time.perf_counter()
    trainer = Trainer(TrainConfig(hidden_size=16, batch=32, optimizer="adam", lr=0.01, clip=1.0, seed=seed,
                                  iterations=iterations, snapshot_every=iterations, **settings))
    trainer.run()
    accuracy = trainer.history()["accuracy"]
    return float(accuracy[-100:].mean()), first_reaching(accuracy), time.perf_counter() - start


def demo_time(seed: int, limit: int = 1500) -> tuple[float, int | None]:
    """Seconds until the demonstration's LSTM reaches 0.95 (stopping there), and at which iteration."""
    start = time.perf_counter()
    trainer = Trainer(TrainConfig(hidden_size=16, batch=32, lr=0.01, seed=seed, iterations=limit, **DEMO))
    accuracy: list[float] = []

    def watch(record: object) -> bool:
        accuracy.append(record.accuracy)  # type: ignore[attr-defined]
        return first_reaching(np.array(accuracy)) is None

    trainer.run(watch)
    return time.perf_counter() - start, first_reaching(np.array(accuracy))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4, 5])
    parser.add_argument("--iterations", type=int, default=1500)
    parser.add_argument("--only", nargs="*", default=None, help="labels (substrings) of the settings to run")
    args = parser.parse_args()
    print(f"16 units, batch 32, Adam 0.01, clip 1, 4 symbols, {args.iterations} iterations; "
          "per seed: accuracy of the last 100 iterations / first iteration at 0.95 (—: never)")
    for label, settings in SETTINGS.items():
        if args.only and not any(key in label for key in args.only):
            continue
        cells, seconds = [], []
        for seed in args.seeds:
            acc, first, took = measure(settings, seed, args.iterations)
            cells.append(f"{acc:.2f}/{first if first is not None else '—'}")
            seconds.append(took)
        row = "  ".join(f"{c:>9}" for c in cells)
        print(f"{label:<34} {row}   ({np.median(seconds):.1f} s a run)", flush=True)
    for seed in args.seeds[:3]:
        took, at = demo_time(seed)
        verdict = "ok" if took < DEMO_TARGET_S and at is not None else "MISSED"
        print(f"demo (LSTM fb 3, clean delay 20), seed {seed}: 0.95 at iteration {at} in {took:.1f} s "
              f"(target < {DEMO_TARGET_S:.0f} s) {verdict}")
    start = time.perf_counter()
    for label in RACE:
        measure(SETTINGS[label], args.seeds[0], args.iterations)
    took = time.perf_counter() - start
    verdict = "ok" if took < DEMO_TARGET_S else "MISSED"
    print(f"race ({', '.join(RACE)}; {args.iterations} iterations each, seed {args.seeds[0]}): {took:.1f} s "
          f"(target < {DEMO_TARGET_S:.0f} s) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
