"""Long GUI sessions (offscreen): play through 1,000,000 steps, then 10,000 undoable edits, with autosave on.

    python bench/ui_long.py [--steps 1000000] [--cells lstm:4 gru:16] [--edits 10000]
                            [--edit-window 2000] [--parameter-edits 3] [--no-autosave] [--drag-only]

For each cell (kind:H, D = 4) the whole window is shown at 1280×800 with every view visible
and the autosave of :mod:`ui.background.recovery` writing to a temporary folder (5 s after a change).

Play: the controller's own play timer at the top speed (10,000 steps/s, many steps a frame)
from step 0 to the end. Each frame's work — the tick, every view's signal handlers and the
paint of what changed — is timed (target ≤ 16.7 ms median and 95th percentile), and so is
the frame period. Resident memory (VmRSS) before and after must not grow.

Edits: ``--edits`` one-row ``set_inputs`` at random steps of the last ``--edit-window`` steps
(an edit at step t recomputes t … T−1, so edits early in a 1,000,000-step trace would take
seconds each), each timed with its redraw, plus ``--parameter-edits`` weight edits (each
recomputes the whole trace, seconds at 1,000,000 steps, behind a progress dialog), timed with
the longest GUI stall while they run. Reported: time per input edit, resident memory growth
per undoable edit (target ≤ 1 KiB: the Theil–Sen slope of resident memory, sampled after
``malloc_trim`` every 500 edits), the longest GUI stall while an autosave of the whole
session runs in the background, and undo of every edit restoring the trace bit for bit.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_ui", Path(__file__).with_name("ui.py"))
bench_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_ui)
report, settle = bench_ui.report, bench_ui.settle

MiB = 1 << 20
SAMPLE_EVERY = 500  # edits between two samples of resident memory
FRAME_MS = 1000 / 60


def rss() -> int:
    """Resident memory of this process in bytes (Linux /proc)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def trimmed_rss() -> int:
    """Resident memory after glibc hands free heap pages back (``malloc_trim``): memory held, not slack.

    Freed blocks of a long session's temporaries (the autosave's copy, a redraw's arrays) stay
    resident in the allocator's arenas until trimmed; they are reused, not leaked.
    """
    import contextlib
    import ctypes
    import ctypes.util

    with contextlib.suppress(OSError, AttributeError):  # not glibc: the raw figure
        ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim(0)
    return rss()


def theil_sen(points: list[tuple[int, int]]) -> float:
    """The median of the slopes between every two points: a line's slope that one-off jumps
    (an autosave's buffer, a pool growing once) barely move. NaN for fewer than two points."""
    slopes = [(b[1] - a[1]) / (b[0] - a[0]) for i, a in enumerate(points) for b in points[i + 1:]]
    return float(np.median(slopes)) if slopes else float("nan")


def play_through(window) -> tuple[list[float], list[float]]:
    """Play from 0 to the end at top speed; each frame's work and the frame periods, in ms."""
    app, c = QApplication.instance(), window.controller
    work, starts = [], []
    c._timer.timeout.disconnect(c._tick)  # time each frame: the tick, then the paint it caused

    def timed_tick() -> None:
        start = time.perf_counter()
        starts.append(start)
        c._tick()
        app.sendPostedEvents()  # the views' update requests: paint now, inside the frame
        work.append((time.perf_counter() - start) * 1000)

    c._timer.timeout.connect(timed_tick)
    loop = QEventLoop()
    c.playing_changed.connect(lambda playing: playing or loop.quit())
    c.seek(0)
    c.set_speed(10_000)
    c.play()
    loop.exec()
    c._timer.timeout.disconnect(timed_tick)
    c._timer.timeout.connect(c._tick)
    periods = list(np.diff(starts) * 1000)
    return work, periods


def longest_stall(action) -> tuple[float, float]:
    """Run ``action()`` while a 5 ms GUI timer beats; (seconds it took, longest gap between beats in ms).

    The gaps include the start of the action to the first beat and the last beat to its end, so
    work that never lets the event loop run counts as one stall of its whole length.
    """
    last = [time.perf_counter()]
    gaps = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(5)
    start = time.perf_counter()
    action()
    beat()
    timer.stop()
    return time.perf_counter() - start, max(gaps)


def autosave_stall(window) -> tuple[float, float]:
    """Force an autosave of the whole session; (seconds it took, longest GUI stall in ms)."""
    app, recovery = QApplication.instance(), window.recovery

    def save() -> None:
        recovery.autosave()
        while recovery.busy:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    return longest_stall(save)


def edit_session(window, edits: int, window_steps: int, parameter_edits: int, seed: int = 0) -> dict:
    """Input edits near the end (each timed with its redraw) and a few weight edits (each a full
    recompute, timed with the longest GUI stall while it runs); then undo of everything."""
    c = window.controller
    rng = np.random.default_rng(seed)
    T = c.length
    h_before = c.trace.h.copy()
    c.undo_stack.clear()
    times, weights = [], []
    rss0, samples = rss(), [(0, trimmed_rss())]
    every = max(edits // max(parameter_edits, 1), 1) if parameter_edits else 0
    for i in range(edits):
        if every and i % every == every - 1:
            r, k = int(rng.integers(c.cell.weight_hh.shape[0])), int(rng.integers(c.cell.hidden_size))
            value = float(rng.normal(scale=0.1))
            weights.append(longest_stall(lambda r=r, k=k, value=value: (
                c.set_parameter("weight_hh", (r, k), value, text="Edit weight"), bench_ui.frame(window))))
            continue
        start = time.perf_counter()
        c.set_inputs(int(rng.integers(T - window_steps, T)), rng.normal(size=(1, c.cell.input_size)))
        bench_ui.frame(window)
        times.append(time.perf_counter() - start)
        if (i + 1) % SAMPLE_EVERY == 0:
            samples.append((i + 1, trimmed_rss()))
    window.recovery.wait()
    grown = rss() - rss0
    undo_start = time.perf_counter()
    while c.undo_stack.canUndo():
        c.undo_stack.undo()
    undo_seconds = time.perf_counter() - undo_start
    return {"times": times, "weights": weights, "grown": grown, "slope": theil_sen(samples),
            "count": c.undo_stack.count(), "undo_seconds": undo_seconds,
            "restored": bool(np.array_equal(c.trace.h, h_before))}


def run_cell(kind: str, hidden: int, args: argparse.Namespace) -> list[bool]:
    results = []
    print(f"\n{kind.upper()} H = {hidden}, D = 4, T = {args.steps:,}")
    rss_start = rss()
    start = time.perf_counter()
    window = bench_ui.make_window(hidden, args.steps, kind)
    window.enable_recovery(directory=Path(tempfile.mkdtemp()) / "recovery", seconds=5.0)
    if args.no_autosave:
        window.recovery._timer.timeout.disconnect()
    c = window.controller
    print(f"  window with the trace built in {time.perf_counter() - start:.1f} s; trace "
          f"{c.trace.nbytes / MiB:.0f} MiB; resident memory +{(rss() - rss_start) / MiB:.0f} MiB")
    settle()
    rss_play = rss()
    start = time.perf_counter()
    work, periods = play_through(window)
    took = time.perf_counter() - start
    growth = rss() - rss_play
    print(f"  played {c.length:,} steps in {took:.1f} s ({len(work):,} frames, "
          f"{c.length / max(len(work), 1):.0f} steps a frame)")
    results.append(report("play: frame work, median", statistics.median(work), FRAME_MS))
    results.append(report("play: frame work, 95th percentile", float(np.percentile(work, 95)), FRAME_MS))
    results.append(report("play: frame period, median", statistics.median(periods), FRAME_MS + 1))
    results.append(report("play: resident memory growth", growth / MiB, 8.0, "MiB"))
    if not args.no_autosave:
        c.set_inputs(c.length - 1, np.zeros((1, 4)))
        bench_ui.frame(window)  # the edit's own redraw is not the autosave's
        window.recovery._timer.stop()
        seconds, stall = autosave_stall(window)
        print(f"  autosave of the whole session: {seconds:.1f} s in the background")
        results.append(report("autosave: longest GUI stall while it writes", stall, 50.0))
    e = edit_session(window, args.edits, args.edit_window, args.parameter_edits)
    ms = np.array(e["times"]) * 1000
    print(f"  {args.edits:,} edits ({args.parameter_edits} of a weight), inputs {ms.sum() / 1000:.1f} s; "
          f"undo stack {e['count']:,} commands; all undone in {e['undo_seconds']:.1f} s")
    results.append(report("input edit + redraw, median", float(np.median(ms)), 50.0))
    results.append(report("input edit + redraw, 95th percentile", float(np.percentile(ms, 95)), 50.0))
    if e["weights"]:
        took, stall = max(e["weights"])
        print(f"  weight edit (recomputes all {c.length:,} steps): {took:.1f} s with a progress dialog")
        results.append(report("weight edit: longest GUI stall while it recomputes",
                              max(s for _, s in e["weights"]), 50.0))
    print(f"  resident memory growth over the edits: {e['grown'] / MiB:.1f} MiB "
          f"({e['grown'] / args.edits:,.0f} B an edit, first to last)")
    results.append(report("resident memory per undoable edit (slope)", e["slope"], 1024, "B"))
    results.append(report("undo of every edit restores h bit for bit", float(e["restored"]), 1, "", True))
    window.controller.undo_stack.setClean()
    window.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--cells", nargs="+", default=["lstm:4", "gru:16"], help="kind:H pairs")
    parser.add_argument("--edits", type=int, default=10_000)
    parser.add_argument("--edit-window", type=int, default=2_000)
    parser.add_argument("--parameter-edits", type=int, default=3)
    parser.add_argument("--no-autosave", action="store_true")
    parser.add_argument("--drag-only", action="store_true", help="only the weight-drag figures (issue 15)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("GateScopeBench")  # never the user's settings
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    print("GateScope long-session benchmark (offscreen, 1280×800, every view visible, autosave "
          f"{'off' if args.no_autosave else 'on'})")
    results = []
    cells = [(kind, int(hidden)) for kind, hidden in (spec.split(":") for spec in args.cells)]
    if args.drag_only:
        results = bench_ui.drag_report(cells, args.steps)
        print(f"{sum(results)} of {len(results)} targets met")
        return 0 if all(results) else 1
    for kind, hidden in cells:
        results += run_cell(kind, hidden, args)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
