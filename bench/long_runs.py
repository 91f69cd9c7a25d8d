"""Long runs: 1,000,000 steps of every kind, and 10,000 undoable edits, with their memory.

Usage::

    python bench/long_runs.py [--steps 1000000] [--sizes 4 64] [--edits 10000] [--edit-steps 2000]

For each kind and H (D = 4, float64): the time of ``simulator.run`` over the whole
sequence (µs per step), then the same run under ``tracemalloc``: bytes retained after
it and the peak during it, beside ``trace.nbytes``. Target: retained and peak within
1.1 × the trace plus a fixed 1 MiB.

Edits: an LSTM (H = 16) over ``--edit-steps`` steps takes ``--edits`` random one-row
``Simulation.set_inputs`` edits, each keeping the old row for undo (as a QUndoCommand
does), then undoes them all; the trace must come back bit for bit. Printed: the
median and 99th-percentile time per edit, the resident memory growth, and the bytes
kept per edit under tracemalloc (the undo record only; target: under 1 KiB per edit).
The GUI's long session is measured by the UI bench.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from simulator import Simulation, make_cell, run  # noqa: E402

MiB = 1 << 20
MEMORY_RATIO = 1.1  # retained and peak at most this × trace.nbytes ...
MEMORY_MARGIN = MiB  # ... plus this
EDIT_BYTES_TARGET = 1024  # memory growth per undoable edit


def long_run(kind: str, steps: int, hidden: int, seed: int = 0) -> dict[str, float]:
    """Time one run of ``steps`` steps, then measure its memory under tracemalloc."""
    cell = make_cell(kind, 4, hidden, seed=seed)
    x = np.random.default_rng(seed).normal(size=(steps, 4))
    start = time.perf_counter()
    trace = run(cell, x)
    elapsed = time.perf_counter() - start
    assert all(np.isfinite(a).all() for a in trace.arrays().values()), "non-finite trace"
    nbytes = trace.nbytes
    del trace
    tracemalloc.start()
    try:
        trace = run(cell, x)
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del trace
    return {"seconds": elapsed, "us_per_step": 1e6 * elapsed / steps, "nbytes": nbytes,
            "retained": retained, "peak": peak}


def _rss() -> int:
    """Resident memory of this process in bytes (Linux), else 0."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _edit_session(edits: int, steps: int, hidden: int, seed: int, traced: bool) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    sim = Simulation(make_cell("lstm", 4, hidden, seed=seed), rng.normal(size=(steps, 4)))
    original = {k: v.copy() for k, v in sim.trace.arrays().items()}
    undo: list[tuple[int, np.ndarray]] = []
    times = []
    if traced:
        tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0] if traced else _rss()
    for _ in range(edits):
        t = int(rng.integers(steps))
        row = rng.normal(size=(1, 4))
        undo.append((t, sim.trace.x[t:t + 1].copy()))  # what a QUndoCommand keeps
        start = time.perf_counter()
        sim.set_inputs(t, row)
        times.append(time.perf_counter() - start)
    growth = (tracemalloc.get_traced_memory()[0] if traced else _rss()) - before
    if traced:
        tracemalloc.stop()
    undo_start = time.perf_counter()
    for t, old in reversed(undo):
        sim.set_inputs(t, old)
    undo_seconds = time.perf_counter() - undo_start
    restored = all(np.array_equal(v, original[k]) for k, v in sim.trace.arrays().items())
    times.sort()
    return {"median_ms": 1e3 * statistics.median(times), "p99_ms": 1e3 * times[int(0.99 * (len(times) - 1))],
            "growth": growth, "per_edit": growth / edits, "undo_seconds": undo_seconds, "restored": restored}


def undoable_edits(edits: int, steps: int, hidden: int = 16, seed: int = 0) -> dict[str, float]:
    """``edits`` random one-row edits with their undo records, then every one undone.

    Timed without tracemalloc (memory growth from the resident size); a second pass of up to
    1,000 edits under tracemalloc gives the exact bytes kept per edit.
    """
    timed = _edit_session(edits, steps, hidden, seed, traced=False)
    traced = _edit_session(min(edits, 1000), steps, hidden, seed, traced=True)
    return {**timed, "rss_growth": timed["growth"], "per_edit": traced["per_edit"],
            "restored": timed["restored"] and traced["restored"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 64])
    parser.add_argument("--edits", type=int, default=10_000)
    parser.add_argument("--edit-steps", type=int, default=1_000)
    args = parser.parse_args(argv)
    ok = True
    print(f"long runs: {args.steps:,} steps, D = 4, float64, one thread "
          f"(target: retained and peak ≤ {MEMORY_RATIO} × trace + {MEMORY_MARGIN // MiB} MiB)")
    print(f"{'kind':<5} {'H':>3} {'time s':>7} {'µs/step':>8} {'trace MiB':>10} {'retained':>9} "
          f"{'peak':>9} {'ret/trace':>9} {'peak/trace':>10}  target")
    for hidden in args.sizes:
        for kind in ("rnn", "lstm", "gru"):
            r = long_run(kind, args.steps, hidden)
            limit = MEMORY_RATIO * r["nbytes"] + MEMORY_MARGIN
            good = r["retained"] <= limit and r["peak"] <= limit
            ok &= good
            print(f"{kind:<5} {hidden:>3} {r['seconds']:>7.2f} {r['us_per_step']:>8.2f} "
                  f"{r['nbytes'] / MiB:>10.1f} {r['retained'] / MiB:>9.1f} {r['peak'] / MiB:>9.1f} "
                  f"{r['retained'] / r['nbytes']:>9.4f} {r['peak'] / r['nbytes']:>10.4f}  "
                  f"≤ {MEMORY_RATIO} + {MEMORY_MARGIN // MiB} MiB {'ok' if good else 'MISSED'}", flush=True)
    e = undoable_edits(args.edits, args.edit_steps)
    good = e["per_edit"] <= EDIT_BYTES_TARGET and e["restored"]
    ok &= good
    print(f"\n{args.edits:,} undoable edits (LSTM, H = 16, {args.edit_steps:,} steps, each recomputing from "
          f"its step): median {e['median_ms']:.2f} ms, p99 {e['p99_ms']:.2f} ms per edit; undoing all "
          f"{e['undo_seconds']:.1f} s; resident memory growth {e['rss_growth'] / MiB:.1f} MiB; traced: "
          f"{e['per_edit']:.0f} bytes kept per edit (target ≤ {EDIT_BYTES_TARGET}); "
          f"trace restored bit for bit: {e['restored']}  {'ok' if good else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
