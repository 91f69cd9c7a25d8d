"""UI benchmark (offscreen): the whole window's cost per step, play, seek, edit, launch, and H = 256.

    python bench/ui.py [--steps 10000] [--hidden 64]

Every figure is printed beside its target with PASS or FAIL, then a profile of which view
costs most per step (signal handlers and painting measured apart).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from simulator import make_cell  # noqa: E402
from simulator.session import Session  # noqa: E402


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def report(name: str, value: float, target: float, unit: str = "ms", higher_is_better: bool = False) -> bool:
    ok = value >= target if higher_is_better else value <= target
    sign = "≥" if higher_is_better else "≤"
    verdict = "PASS" if ok else "FAIL"
    print(f"  {name:<52} {value:10.2f} {unit:<3} (target {sign} {target:g} {unit})  {verdict}")
    return ok


def make_window(hidden: int, steps: int, kind: str = "lstm"):
    """A shown main window on a ``kind`` cell with H = ``hidden`` and a T = ``steps`` sine input."""
    from ui.controller import Controller
    from ui.main_window import MainWindow

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
    app = QApplication.instance()
    for _ in range(3):
        app.processEvents()


FULL_REPAINT = False  # --full-repaint: repaint the whole window every frame (worst case)


def frame(window) -> None:
    """Deliver pending updates and paint what changed (the whole window with --full-repaint)."""
    QApplication.instance().processEvents()
    if FULL_REPAINT:
        window.repaint()


def step_times(window, count: int) -> list[float]:
    c = window.controller
    times = []
    for _ in range(count):
        start = time.perf_counter()
        c.step_forward()
        frame(window)
        times.append(time.perf_counter() - start)
    return times


def profile(action, label: str, count: int) -> None:
    """cProfile ``action`` ``count`` times; print the files (views) that take the most time."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for _ in range(count):
        action()
    prof.disable()
    by_file: dict[str, float] = {}
    for (filename, _line, _func), (_cc, _nc, tottime, _cum, _callers) in pstats.Stats(prof).stats.items():
        path = Path(filename)
        key = str(path.relative_to(ROOT)) if ROOT in path.parents else (
            "pyqtgraph" if "pyqtgraph" in filename else "numpy" if "numpy" in filename else
            "Qt (painting, events)" if filename == "~" else path.name)
        by_file[key] = by_file.get(key, 0.0) + tottime
    total = sum(by_file.values())
    print(f"  {label}: {_ms(total / count):.2f} ms per call, by where the time goes:")
    for key, value in sorted(by_file.items(), key=lambda kv: -kv[1])[:6]:
        print(f"    {key:<50} {_ms(value / count):8.2f} ms  ({100 * value / total:4.1f} %)")


def paint_costs(window, count: int = 20) -> None:
    """Median time to paint each visible view alone (``grab``) after a step: which one dominates."""
    c = window.controller
    views = {"diagram": window.diagram, "timeline": window.timeline, "gate panel": window.gate_panel,
             "gradient plot": window.gradient_plot, "inspector": window.inspector,
             "inputs editor": window.inputs_editor, "weights editor": window.weights_editor,
             "transport": window.transport, "cell set-up": window.cell_setup, "preset": window.preset_info}
    costs = {}
    for name, view in views.items():
        if not view.isVisible():
            continue
        samples = []
        for _ in range(count):
            c.step_forward()
            QApplication.instance().processEvents()
            start = time.perf_counter()
            view.grab()
            samples.append(time.perf_counter() - start)
        costs[name] = statistics.median(samples)
    print("  paint cost of each visible view (grab, median):")
    for name, value in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"    {name:<50} {_ms(value):8.2f} ms")


_FIRST_PAINT = """
import os, sys
sys.path.insert(0, {root!r})
from ui.app import build_window, make_application, parse_args
app = make_application()
window = build_window(parse_args([]))
window.show()
app.processEvents()
window.repaint()
print("painted", flush=True)
os._exit(0)
"""


def launch_time() -> float:
    """Seconds from starting a fresh Python to the window's first paint (timed from outside)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": tmp}
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _FIRST_PAINT.format(root=str(ROOT))], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.wait(timeout=30)
        if line.strip() != "painted":
            raise RuntimeError("the window did not paint")
        return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--full-repaint", action="store_true", help="repaint the whole window every frame")
    args = parser.parse_args(argv)
    global FULL_REPAINT
    FULL_REPAINT = args.full_repaint
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("GateScopeBench")  # never the user's settings
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    results = []
    print(f"GateScope UI benchmark (offscreen), LSTM H = {args.hidden}, T = {args.steps}")
    window = make_window(args.hidden, args.steps)
    c = window.controller
    c.seek(100)
    step_times(window, 20)  # warm up
    results.append(report("one step, every visible view updated and painted (median)",
                          _ms(statistics.median(step_times(window, 200))), 8.0))
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
    results.append(report("seek to a random step (median)", _ms(statistics.median(seeks)), 16.0))
    p95 = float(np.percentile(seeks, 95))
    results.append(report("seek to a random step (95th percentile)", _ms(p95), 16.0))
    c.seek(9_000)
    edits = []
    for value in (0.5, -0.5, 0.25):
        start = time.perf_counter()
        c.set_inputs(9_000, [[value] * 4])
        frame(window)
        edits.append(time.perf_counter() - start)
    edit = statistics.median(edits)
    results.append(report("input edit at step 9,000 redrawn (median of 3)", _ms(edit), 50.0))
    print(f"profile at H = {args.hidden}:")
    profile(lambda: (c.step_forward(), frame(window)), "one step", 100)
    paint_costs(window)
    profile(lambda: (c.set_inputs(9_000, [[0.1] * 4]), frame(window)), "input edit at step 9,000", 3)
    c.undo_stack.setClean()  # no "save changes?" prompt
    window.close()
    window.deleteLater()
    settle()
    big = make_window(256, args.steps)
    big.controller.seek(100)
    step_times(big, 5)
    results.append(report("H = 256: one step, every view (median)",
                          _ms(statistics.median(step_times(big, 60))), 33.0))
    print("profile at H = 256:")
    profile(lambda: (big.controller.step_forward(), frame(big)), "one step", 30)
    big.close()
    big.deleteLater()
    settle()
    launches = sorted(launch_time() for _ in range(3))
    results.append(report("launch to first painted window (median of 3)", _ms(launches[1]), 1500.0))
    print(f"{sum(results)} of {len(results)} targets met")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
