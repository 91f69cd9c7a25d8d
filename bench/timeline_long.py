"""The timeline alone on a long trace (offscreen): play frames, edits, zoom and pan, pyramid build and memory.

    python bench/timeline_long.py [--steps 1000000] [--cells lstm:4 gru:16] [--size 570x360]
                                  [--frames 200] [--seek 570] [--edits 60] [--baseline REV]

For each cell (kind:H, D = 4, the sine inputs of ``bench/ui.py``) a
:class:`ui.widgets.timeline.timeline.Timeline`
is shown at the size it has in the default 1280×800 window, on a controller of ``--steps`` steps.
With ``--baseline REV`` the timeline of git revision REV (``timeline.py`` and its helpers, loaded
from ``git show``) is measured in the same run; each timeline runs in a process of its own (its
memory and signal connections its own) on the same inputs, and the figures are printed side by
side. Reported, beside the targets (the timeline's share of the window's 16.7 ms frame and
50 ms edit):

- play: seek ``--seek`` steps on (570 is a frame of ``bench/ui_long.py``'s play; 1 a step) and
  deliver the frame (``processEvents``: signals and paint), median and 95th percentile, and how
  many pyqtgraph images were re-rendered during the frames (target 0);
- edit: one input row in the last 2,000 steps, then the frame; the engine's own recompute is
  measured first without any view, and the timeline's share is the difference of the medians;
- wheel zoom in and out at the full range, and a pan of a tenth of the range when zoomed in;
- build: the timeline's construction and first paint; the pooled levels' bytes (or the copies
  of the trace the old timeline kept) and the resident memory growth over the play frames.
"""

from __future__ import annotations

import argparse
import importlib
import json
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
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

MiB = 1 << 20
RENDERS = [0]  # pyqtgraph ImageItem.render calls, whichever timeline made them
_render = pg.ImageItem.render


def _counting_render(self) -> None:
    RENDERS[0] += 1
    _render(self)


pg.ImageItem.render = _counting_render


def rss() -> int:
    """Resident memory of this process in bytes (Linux /proc)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmRSS:"))


def baseline_class(rev: str):
    """The Timeline class of git revision ``rev`` (its timeline_*.py helpers loaded alongside)."""
    folder = Path(tempfile.mkdtemp()) / "baseline_timeline"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    names = subprocess.run(["git", "ls-tree", "--name-only", rev, "ui/widgets/"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    for path in (n for n in names if Path(n).name.startswith("timeline")):
        text = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout
        text = text.replace("ui.widgets.timeline.timeline", "baseline_timeline.timeline")
        (folder / Path(path).name).write_text(text)
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module("baseline_timeline.timeline").Timeline


def make_controller(kind: str, hidden: int, steps: int):
    from simulator import make_cell
    from simulator.document.session import Session
    from ui.document.controller import Controller

    x = np.sin(np.arange(steps)[:, None] * np.array([0.05, 0.11, 0.17, 0.23]))
    return Controller(Session(cell=make_cell(kind, 4, hidden, seed=0), inputs=x))


def frame(widget) -> None:
    """Deliver signals and paint; after a deferred view update (zoom, pan), its paint too."""
    app = QApplication.instance()
    app.processEvents()
    timer = getattr(widget, "_view_timer", None)
    if timer is not None and timer.isActive():
        while timer.isActive():
            app.processEvents()
        app.processEvents()


def timed(action, widget, count: int) -> list[float]:
    """Milliseconds of ``action()`` followed by its frame, ``count`` times."""
    out = []
    for _ in range(count):
        start = time.perf_counter()
        action()
        frame(widget)
        out.append((time.perf_counter() - start) * 1000)
    return out


def edits(controller, count: int, seed: int = 0) -> list[float]:
    """Milliseconds of ``count`` one-row input edits in the last 2,000 steps (the frame included)."""
    rng, T = np.random.default_rng(seed), controller.length
    out = []
    for _ in range(count):
        step, row = int(rng.integers(max(T - 2000, 0), T)), rng.normal(size=(1, controller.cell.input_size))
        start = time.perf_counter()
        controller.set_inputs(step, row)
        QApplication.instance().processEvents()
        out.append((time.perf_counter() - start) * 1000)
    controller.undo_stack.clear()
    return out


def wheel(widget, notches: int) -> None:
    """A wheel turn of ``notches`` (positive zooms in) over the middle of the first plot."""
    vb = next(iter(widget.plots.values())).getViewBox()
    pos = QPointF(widget.view.mapFromScene(vb.sceneBoundingRect().center()))
    event = QWheelEvent(pos, QPointF(widget.view.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget.view.viewport(), event)


def kept_bytes(widget) -> int:
    """Bytes the timeline keeps besides the trace: pooled levels, or the old per-quantity copies."""
    pyramids = getattr(widget, "pyramids", None)
    if pyramids is not None:
        lines = widget.lines.nbytes if widget.lines is not None else 0
        return sum(p.nbytes for p in pyramids.values()) + lines
    return sum(image.image.nbytes for image in widget.images.values())


def pool_time(widget) -> float | None:
    """Seconds to pool every level anew (heatmaps and the unit's lines); None without pyramids."""
    if getattr(widget, "pyramids", None) is None:
        return None
    arrays, start = widget._arrays(), time.perf_counter()
    for name, pyramid in widget.pyramids.items():
        pyramid.update(arrays[name], 0)
    if widget.lines is not None:
        widget.lines.set_data(arrays, widget.lines.unit, 0)
    return time.perf_counter() - start


def measure(cls, controller, args) -> dict[str, float]:
    app, (width, height) = QApplication.instance(), map(int, args.size.split("x"))
    start = time.perf_counter()
    widget = cls(controller)
    widget.resize(width, height)
    widget.show()
    frame(widget)
    out = {"build": time.perf_counter() - start, "kept": kept_bytes(widget) / MiB, "pool": pool_time(widget)}
    controller.seek(0)
    frame(widget)
    rss0, renders0 = rss(), RENDERS[0]
    play = timed(lambda: controller.seek(controller.step + args.seek), widget, args.frames)
    out |= {"play": statistics.median(play), "play95": float(np.percentile(play, 95)),
            "renders": (RENDERS[0] - renders0) / args.frames, "rss": (rss() - rss0) / MiB}
    edit = edits(controller, args.edits)
    out |= {"edit": statistics.median(edit), "edit95": float(np.percentile(edit, 95))}
    vb = next(iter(widget.plots.values())).getViewBox()
    zoom = []
    for _ in range(max(args.frames // 20, 3)):
        zoom += timed(lambda: wheel(widget, 1), widget, 1) + timed(lambda: wheel(widget, -1), widget, 1)
    x0, x1 = -0.5, controller.length / 50
    vb.setXRange(x0, x1, padding=0)
    frame(widget)
    shift = (x1 - x0) / 10
    pan = timed(lambda: vb.setXRange(vb.viewRange()[0][0] + shift, vb.viewRange()[0][1] + shift, padding=0),
                widget, max(args.frames // 20, 3))
    out |= {"zoom": statistics.median(zoom), "pan": statistics.median(pan)}
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return out


ROWS = [("build", "build and first paint", "s", None), ("kept", "kept besides the trace", "MiB", None),
        ("pool", "pyramids pooled from scratch", "s", None),
        ("play", "play frame (seek on, paint), median", "ms", 3.0),
        ("play95", "play frame, 95th percentile", "ms", 3.0),
        ("renders", "images re-rendered per play frame", "", 0.0),
        ("rss", "resident memory growth over the play frames", "MiB", 8.0),
        ("engine", "engine alone: the same edits, no view, median", "ms", None),
        ("edit", "edit in the last 2,000 steps + frame, median", "ms", None),
        ("edit95", "edit + frame, 95th percentile", "ms", None),
        ("share", "timeline's share of an edit (median − engine's)", "ms", 10.0),
        ("zoom", "wheel zoom in/out at the full range + frame", "ms", 16.7),
        ("pan", "pan a tenth of a 1/50 zoom + frame", "ms", 16.7)]


def worker(args) -> None:
    """Measure one timeline (``args.worker``: "now" or a git revision) on one cell; print JSON."""
    from ui.widgets.timeline.timeline import Timeline

    kind, hidden = args.cells[0].split(":")
    cls = Timeline if args.worker == "now" else baseline_class(args.worker)
    start = time.perf_counter()
    controller = make_controller(kind, int(hidden), args.steps)
    out = {"trace": time.perf_counter() - start, "engine": statistics.median(edits(controller, args.edits))}
    out |= measure(cls, controller, args)
    out["share"] = out["edit"] - out["engine"]
    controller.undo_stack.clear()
    print(json.dumps(out))


def run_cell(spec: str, args) -> bool:
    """Each timeline in a fresh process (its memory and signal connections its own); print side by side."""
    results = {}
    for label in ([args.baseline] if args.baseline else []) + ["now"]:
        command = [sys.executable, __file__, "--worker", label, "--cells", spec, "--steps", str(args.steps),
                   "--size", args.size, "--frames", str(args.frames), "--edits", str(args.edits),
                   "--seek", str(args.seek)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"the {label} timeline failed:\n{done.stderr[-3000:]}")
        results[label[:10]] = json.loads(done.stdout.strip().splitlines()[-1])
    kind, hidden = spec.split(":")
    trace = statistics.median(r["trace"] for r in results.values())
    print(f"\n{kind.upper()} H = {hidden}, T = {args.steps:,} (trace built in {trace:.1f} s), "
          f"timeline {args.size}")
    print(f"  {'':<50}" + "".join(f"{label:>10}" for label in results) + "    target")
    ok = True
    for key, text, unit, target in ROWS:
        values = [r[key] for r in results.values()]
        goal = "" if target is None else f"≤ {target:g} {unit}"
        verdict = "" if target is None else ("PASS" if values[-1] <= target else "FAIL")
        ok &= verdict != "FAIL"
        shown = "".join(f"{v:10.2f}" if v is not None else f"{'—':>10}" for v in values)
        print(f"  {text:<50}{shown}  {unit:<3} {goal:<10} {verdict}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--cells", nargs="+", default=["lstm:4", "gru:16"], help="kind:H pairs")
    parser.add_argument("--size", default="570x360", help="the timeline's size in the default window")
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--seek", type=int, default=570, help="steps a play frame moves (ui_long's pace)")
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--baseline", metavar="REV", help="also measure the timeline of this git revision")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    QApplication.instance() or QApplication([])
    if args.worker:
        worker(args)
        return 0
    print("GateScope timeline on long traces (offscreen, each timeline in its own process); "
          "the last column is judged")
    results = [run_cell(spec, args) for spec in args.cells]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
