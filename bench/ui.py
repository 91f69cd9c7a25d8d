"""UI benchmark (offscreen): the whole window's cost per step, play, seek, edits, launch, and H = 256.

    python bench/ui.py [--steps 10000] [--hidden 64] [--full-repaint] [--no-profile] [--drag-only]

Every frame is timed from the controller call to the end of ``processEvents``, which
delivers the signals and performs the repaints Qt scheduled (the offscreen platform
paints into its backing store exactly as a screen would); a paint counter proves the
views really painted. Every figure is printed beside its target with PASS or FAIL
(exit status 1 on any FAIL), then a profile of where the time goes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project before bench/ (this ui.py)
sys.path.append(str(Path(__file__).resolve().parent))  # ui_probe

import numpy as np
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui_probe import (
    PaintCounter,
    launch_time,
    ms,
    on_screen,
    paint_costs,
    profile,
    show_every_dock,
)

from simulator import make_cell
from simulator.document.session import Session

FULL_REPAINT = False  # --full-repaint: repaint the whole window every frame (worst case)


def report(name: str, value: float, target: float, unit: str = "ms", higher_is_better: bool = False) -> bool:
    """Print ``value`` beside its target with PASS or FAIL; True when met."""
    ok = value >= target if higher_is_better else value <= target
    sign = "≥" if higher_is_better else "≤"
    verdict = "PASS" if ok else "FAIL"
    print(f"  {name:<58} {value:9.2f} {unit:<3} (target {sign} {target:g} {unit})  {verdict}")
    return ok


def make_window(hidden: int, steps: int, kind: str = "lstm"):
    """A shown main window (default layout, 1280×800) on a ``kind`` cell with a T = ``steps`` sine input."""
    from ui.document.controller import Controller
    from ui.shell.main_window import MainWindow

    cell = make_cell(kind, 4, hidden, seed=0)
    t = np.arange(steps)[:, None]
    x = np.sin(t * np.array([0.05, 0.11, 0.17, 0.23]))
    controller = Controller(Session(cell=cell, inputs=x))
    window = MainWindow(controller, restore=False)
    window.persist_layout = False
    window.resize(1280, 800)
    window.show()
    settle()
    return window


def settle() -> None:
    for _ in range(3):
        QApplication.instance().processEvents()


def frame(window) -> None:
    """Deliver pending signals and paint what changed (the whole window with --full-repaint)."""
    QApplication.instance().processEvents()
    if FULL_REPAINT:
        window.repaint()


def step_times(window, count: int, from_rest: bool = False,
               counter: PaintCounter | None = None) -> list[float]:
    """Seconds per step forward, each followed by its frame.

    ``from_rest``: before each (untimed), the diagram's easing of the previous step is finished
    and painted, as when a user presses → once; otherwise steps follow each other at once, and
    a frame of the previous step's easing can land in a step's time (play and held keys).
    ``counter`` counts only the timed paints.
    """
    c = window.controller
    times = []
    for _ in range(count):
        if from_rest:
            if counter is not None:
                counter.active = False
            window.diagram.finish_animation()
            QApplication.instance().processEvents()
            if counter is not None:
                counter.active = True
        start = time.perf_counter()
        c.step_forward()
        frame(window)
        times.append(time.perf_counter() - start)
    return times


def measured_step(window, label: str, count: int = 200, target: float = 8.0) -> bool:
    """The median step over ``count`` frames, after checking that every on-screen view painted."""
    window.controller.seek(100)
    step_times(window, 20)  # warm up
    views = on_screen(window)
    with PaintCounter(window) as counter:
        median = statistics.median(step_times(window, count, from_rest=True, counter=counter))
    painted = {v: counter.counts[v] / count for v in views}
    print(f"  {label}: on screen {', '.join(views)}")
    print("    paints per step: " + ", ".join(f"{v} {n:.1f}" for v, n in painted.items()))
    unpainted = [v for v in ("diagram", "timeline", "gate_panel", "inspector", "inputs_editor")
                 if v in views and painted[v] < 1]
    if unpainted:
        print(f"    NOT PAINTED each step: {', '.join(unpainted)} (the figure would not include rendering)")
    return report(f"{label}: one step, every view updated and painted (median)", ms(median), target) \
        and not unpainted


def edit_time(window) -> float:
    """Median seconds of an input edit at step 9,000 (of 10,000) until redrawn."""
    c = window.controller
    c.seek(min(9_000, c.length - 1))
    edits = []
    for value in (0.5, -0.5, 0.25, 0.1, -0.1):
        start = time.perf_counter()
        c.set_inputs(c.step, [[value] * c.cell.input_size])
        frame(window)
        edits.append(time.perf_counter() - start)
    return statistics.median(edits)


def weight_drag(window, moves: int = 40) -> tuple[float, float, float, bool]:
    """A drag of ``moves`` frames, one mouse move each.

    Returns (p95 frame s, settled s after the last move, p95 frame s while settling, exact). A frame
    is the move plus one event-loop pass (the settle's slice and the repaints). Settled is the time
    from the last move until every row is final and the views have repainted; the passes in
    between are the frames while settling. Exact: the trace then equals a fresh run bit for bit.
    """
    from simulator.core.simulation import run

    c = window.controller
    c.seek(c.length // 2)
    frame(window)
    frames, value = [], float(c.cell.weight_hh[3, 2])
    for _ in range(moves):
        value += 0.01
        start = time.perf_counter()
        c.set_parameter("weight_hh", (3, 2), value, text="Drag", merge_key="bench-drag")
        frame(window)
        frames.append(time.perf_counter() - start)
    start = time.perf_counter()
    passes = []
    while c.settling:
        before = time.perf_counter()
        frame(window)
        passes.append(time.perf_counter() - before)
    frame(window)  # the views' repaint of the final trace
    settled = time.perf_counter() - start
    trace = c.simulation.trace
    fresh = run(c.cell.copy(), trace.x, {"h": trace.h0, "c": trace.c0})
    exact = all(np.array_equal(trace.arrays()[k], v) for k, v in fresh.arrays().items())
    exact = exact and c.cell.weight_hh[3, 2] == value and c.undo_stack.count() == 1
    c.undo_stack.clear()
    return float(np.percentile(frames, 95)), settled, float(np.percentile(passes or [0.0], 95)), exact


SETTLED_MS = 150.0  # issue 15: the whole 10,000-step trace final within 150 ms of the last move
SETTLED_STEPS = 10_000


def drag_report(cells: list[tuple[str, int]], steps: int) -> list[bool]:
    """Issue 15's figures for each (kind, H) on its own window (default layout).

    The settled target is 150 ms at T = 10,000 and the same rate beyond (15 s at T = 1,000,000,
    where the issue asks that the drag stays at 60 fps while the rest settles progressively: the
    frames while settling are timed against the frame budget too).
    """
    results = []
    target = SETTLED_MS * max(1.0, steps / SETTLED_STEPS)
    for kind, hidden in cells:
        window = make_window(hidden, steps, kind)
        p95, settled, settling_p95, exact = weight_drag(window)
        results.append(report(f"{kind.upper()} weight drag frame (p95)", ms(p95), 1000 / 60) and exact)
        results.append(report(f"{kind.upper()} weight drag settled", ms(settled), target))
        results.append(report(f"{kind.upper()} frames while settling (p95)", ms(settling_p95), 1000 / 60))
        print(f"    after it the trace {'equals' if exact else 'DIFFERS from'} a fresh run; one undo step")
        window.controller.undo_stack.setClean()
        window.close()
        window.deleteLater()
        settle()
    return results


def insight_step(window) -> bool:
    """The step cost with the branch and dashboard docks open (issue 4's frame budget)."""
    from PySide6.QtGui import QAction

    for name in ("action_branch", "action_dashboard"):
        window.findChild(QAction, name).trigger()
    deadline = time.perf_counter() + 8.0  # their background work (branch run, dashboard) finishes
    while time.perf_counter() < deadline:
        QApplication.instance().processEvents()
        time.sleep(0.01)
    # issue 4 asks for the app's frame budget (60 frames per second), not issue 3's 8 ms step
    return measured_step(window, "branch and dashboard docks open", target=1000 / 60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--full-repaint", action="store_true", help="repaint the whole window every frame")
    parser.add_argument("--no-profile", action="store_true", help="targets only, no profile")
    parser.add_argument("--drag-only", action="store_true", help="only the weight-drag figures (issue 15)")
    args = parser.parse_args(argv)
    global FULL_REPAINT
    FULL_REPAINT = args.full_repaint
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("GateScopeBench")  # never the user's settings
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    results = []
    print(f"GateScope UI benchmark (offscreen), LSTM H = {args.hidden}, T = {args.steps}")
    results += drag_report([(kind, args.hidden) for kind in ("lstm", "gru", "rnn")], args.steps)
    if args.drag_only:
        print(f"{sum(results)} of {len(results)} targets met")
        return 0 if all(results) else 1
    window = make_window(args.hidden, args.steps)
    c = window.controller
    results.append(measured_step(window, "default layout"))
    c.seek(500)
    frames = step_times(window, 300)
    within = sum(t <= 1 / 60 for t in frames) / len(frames)
    results.append(report("play: frames within 16.7 ms (300 frames)", 100 * within, 95.0, "%", True))
    rng = np.random.default_rng(0)
    seeks = []
    for step in rng.integers(0, c.length, 100):
        start = time.perf_counter()
        c.seek(int(step))
        frame(window)
        seeks.append(time.perf_counter() - start)
    results.append(report("seek to a random step (median)", ms(statistics.median(seeks)), 16.0))
    p95 = float(np.percentile(seeks, 95))
    results.append(report("seek to a random step (95th percentile)", ms(p95), 16.0))
    edit = edit_time(window)
    results.append(report("input edit at step 9,000 redrawn (median of 5)", ms(edit), 50.0))
    if not args.no_profile:
        print(f"profile at H = {args.hidden}:")
        profile(lambda: (c.step_forward(), frame(window)), "one step", 100)
        paint_costs(window)
        profile(lambda: (c.set_inputs(9_000, [[0.1] * 4]), frame(window)), "input edit at step 9,000", 3)
    show_every_dock(window)
    settle()
    results.append(measured_step(window, "every panel on screen (no tabs)"))
    results.append(insight_step(window))
    c.undo_stack.setClean()  # no "save changes?" prompt
    window.close()
    window.deleteLater()
    settle()
    big = make_window(256, args.steps)
    big.controller.seek(100)
    step_times(big, 5)
    big_step = statistics.median(step_times(big, 60))
    results.append(report("H = 256: one step, every view (median)", ms(big_step), 33.0))
    if not args.no_profile:
        print("profile at H = 256:")
        profile(lambda: (big.controller.step_forward(), frame(big)), "one step", 30)
    big.close()
    big.deleteLater()
    settle()
    launches = sorted(launch_time() for _ in range(3))
    results.append(report("launch to first painted window (median of 3)", ms(launches[1]), 1500.0))
    print(f"{sum(results)} of {len(results)} targets met")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
