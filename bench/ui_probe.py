"""Helpers of the UI benchmark: paint counting, dock arrangements, profiles and the launch timer.

Kept apart from :mod:`bench.ui` (which holds the targets) so each file stays short.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]

VIEWS = ("diagram", "timeline", "gate_panel", "gradient_plot", "inspector", "inputs_editor",
         "weights_editor", "transport", "cell_setup", "preset_info")


def ms(seconds: float) -> float:
    """Seconds as milliseconds."""
    return seconds * 1000.0


class PaintCounter(QObject):
    """Counts the paint events each main view (or any of its children) receives.

    Installed on the application, so it sees the paints processEvents really performs:
    the proof that a timed frame included rendering, not just signal handlers.
    """

    def __init__(self, window) -> None:
        super().__init__()
        self.views = {name: getattr(window, name) for name in VIEWS if hasattr(window, name)}
        self.counts = dict.fromkeys(self.views, 0)
        self.active = True  # False: paints are not counted (an untimed part of a frame)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if self.active and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            for name, view in self.views.items():
                if obj is view or view.isAncestorOf(obj):
                    self.counts[name] += 1
                    break
        return False

    def __enter__(self) -> PaintCounter:
        QApplication.instance().installEventFilter(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        QApplication.instance().removeEventFilter(self)


def on_screen(window) -> list[str]:
    """The views the user can see: the widget at the view's centre is the view or one of its children.

    (A view behind another dock's tab, or squeezed to nothing, is not on screen.)
    """
    shown = []
    for name in VIEWS:
        view = getattr(window, name, None)
        if view is None or not view.isVisible() or view.width() < 2 or view.height() < 2:
            continue
        region = view.visibleRegion().boundingRect()  # a scrolled view: the part in its viewport
        for point in (view.rect().center(), region.center() if not region.isEmpty() else None):
            hit = None if point is None else window.childAt(view.mapTo(window, point))
            if hit is not None and (hit is view or view.isAncestorOf(hit)):
                shown.append(name)
                break
    return shown


def show_every_dock(window) -> None:
    """No tabs: every dock side by side, so every view is on screen and repaints each step."""
    d = window.docks
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
    for dock in d.values():
        window.removeDockWidget(dock)
    window.addDockWidget(left, d["dock_preset"])
    window.splitDockWidget(d["dock_preset"], d["dock_setup"], vertical)
    window.addDockWidget(right, d["dock_gates"])
    window.splitDockWidget(d["dock_gates"], d["dock_inputs"], vertical)
    window.splitDockWidget(d["dock_gates"], d["dock_gradients"], horizontal)
    window.splitDockWidget(d["dock_inputs"], d["dock_inspector"], horizontal)
    window.splitDockWidget(d["dock_inputs"], d["dock_weights"], vertical)
    for dock in d.values():
        dock.show()
    QApplication.instance().processEvents()
    from ui.shell.docks import hide_stale_tab_bars

    hide_stale_tab_bars(window)  # Qt keeps old tab bars around (the window hides them the same way)
    w = window.width()
    window.resizeDocks([d["dock_preset"], d["dock_gates"], d["dock_gradients"]], [w // 7, w // 5, w // 5],
                       horizontal)


def profile(action: Callable[[], object], label: str, count: int) -> None:
    """cProfile ``action`` ``count`` times; print the files (views) that take the most time."""
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
    print(f"  {label}: {ms(total / count):.2f} ms per call (under cProfile), by where the time goes:")
    for key, value in sorted(by_file.items(), key=lambda kv: -kv[1])[:6]:
        print(f"    {key:<50} {ms(value / count):8.2f} ms  ({100 * value / total:4.1f} %)")


def paint_costs(window, count: int = 20) -> None:
    """Median time to paint each on-screen view alone (``grab``) after a step: which one dominates."""
    c = window.controller
    costs = {}
    for name in on_screen(window):
        view = getattr(window, name)
        samples = []
        for _ in range(count):
            c.step_forward()
            QApplication.instance().processEvents()
            start = time.perf_counter()
            view.grab()
            samples.append(time.perf_counter() - start)
        costs[name] = statistics.median(samples)
    print("  full repaint of each on-screen view (grab, median; a step repaints only what changed):")
    for name, value in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"    {name:<50} {ms(value):8.2f} ms")


_FIRST_PAINT = """
import os, sys
sys.path.insert(0, {root!r})
from ui.shell.app import build_window, make_application, parse_args
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
