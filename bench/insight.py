"""Insight benchmark: the memory test, dashboard, branch rerun and conventions explorer at H = 64, T = 10,000.

Usage::

    python bench/insight.py [--steps 10000] [--hidden 64] [--repeats 3]

One thread, float64, D = 8, median of the repeats. Each figure is printed beside the
16 ms frame budget with *when* the view recomputes it: none of these runs per frame
(stepping and scrubbing only move a cursor over arrays already computed); they run
when the trace changes (an edit, a new branch, a new cell) or when a view is opened.
Figures above the budget say the view must compute off the UI thread or for a window.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from simulator import make_cell, run  # noqa: E402
from simulator.core.gradients import gradient_window  # noqa: E402
from simulator.insight import (  # noqa: E402
    Branch,
    GateForce,
    convention_errors,
    divergence,
    jacobian_norms,
    memory_curve,
    recurrent_spectrum,
    run_branch,
    saturation,
    timescales,
)

FRAME_MS = 16.0


def _ms(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def _row(label: str, ms: float, when: str) -> None:
    verdict = "within" if ms <= FRAME_MS else f"{ms / FRAME_MS:.0f}× over"
    print(f"  {label:<34} {ms:10.1f} ms   {verdict:>10} the {FRAME_MS:g} ms frame   ({when})")


def bench(kind: str, T: int, H: int, repeats: int) -> None:
    D = 8
    cell = make_cell(kind, D, H, seed=0)
    x = np.random.default_rng(0).normal(size=(T, D))
    trace = run(cell, x)
    gate = {"lstm": "f", "gru": "z"}.get(kind)
    print(f"{kind.upper()}  H={H}  T={T}")
    _row("run (reference)", _ms(lambda: run(cell, x), repeats), "per edit")
    _row("memory test (2 runs of T)", _ms(lambda: memory_curve(cell, 5, T - 6), repeats), "per weight edit")
    _row("saturation", _ms(lambda: saturation(trace, cell=cell), repeats), "per trace change")
    _row("timescales", _ms(lambda: timescales(cell, trace), repeats), "per trace change")
    _row("recurrent spectrum", _ms(lambda: recurrent_spectrum(cell), repeats), "per weight edit")
    _row("gradient view window, 400 steps",
         _ms(lambda: gradient_window(cell, trace, T - 1, start=T - 400), repeats),
         "4× a second while playing")
    _row("jacobian norms, Frobenius, all T", _ms(lambda: jacobian_norms(cell, trace), 1), "per trace change")
    _row("jacobian norms, Frobenius, 500 steps",
         _ms(lambda: jacobian_norms(cell, trace, start=T - 500), repeats), "per trace change, window")
    _row("jacobian norms, spectral, 500 steps",
         _ms(lambda: jacobian_norms(cell, trace, ord="spectral", start=T - 500), repeats),
         "per trace change, window")
    if gate is not None:
        branch = Branch("bench", T // 2, [GateForce(gate, 1.0, tuple(range(0, H, 2)))])
        _row("branch rerun, forced gate, from T/2",
             _ms(lambda: run_branch(cell, x, None, branch, original=trace), repeats), "per branch edit")
    edit = Branch("bench", T // 2, weights={"bias_ih": cell.bias_ih + 0.1})
    _row("branch rerun, weight edit, from T/2",
         _ms(lambda: run_branch(cell, x, None, edit, original=trace), repeats), "per branch edit")
    other = run_branch(cell, x, None, edit, original=trace)
    _row("divergence", _ms(lambda: divergence(trace, other), repeats), "per branch edit")
    _row("conventions explorer (all variants)", _ms(lambda: convention_errors(cell, x), 1),
         "when opened / per weight edit")
    print()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=10_000)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    for kind in ("rnn", "lstm", "gru"):
        bench(kind, args.steps, args.hidden, args.repeats)


if __name__ == "__main__":
    main()
