"""Issue 12, goals 1–3 on real screen sizes: the offscreen platform given one screen from a JSON file.

Each case runs ``tests/ui/layout_probe.py`` in a subprocess (the screen is fixed when Qt
starts) and checks the window fits the screen, the diagram's share of the window, and that
every dock shown keeps at least its minimum.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("layout_probe.py")
SCREENS = [(1024, 700), (1366, 768), (1920, 1080)]


def _probe(tmp_path: Path, width: int, height: int, *args: str) -> dict:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, str(PROBE), str(tmp_path / "settings"), *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _check(found: dict, share: float) -> None:
    ax, ay, aw, ah = found["screen"]
    x, y, w, h = found["frame"]
    assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, found  # within the screen
    assert w * h <= 0.95 * aw * ah, found  # about 90 %, never the whole screen
    win_w, win_h = found["window"]
    dw, dh, shown = found["diagram"]
    assert shown and dw * dh >= share * win_w * win_h, (dw * dh / (win_w * win_h), found)
    for name, dock in found["docks"].items():
        (cw, ch), (mw, mh) = dock["size"], dock["min"]
        assert mh >= 90 and mw >= 240, (name, dock)  # a usable minimum: a few rows, a readable width
        assert cw >= mw and ch >= mh, (name, dock)  # and never squeezed below it


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_the_default_window_fits_and_the_diagram_is_the_hero(tmp_path, width, height):
    found = _probe(tmp_path, width, height)
    _check(found, 0.25)
    assert {"dock_gates", "dock_inputs"} <= set(found["docks"])  # the panels are there, not collapsed
    assert not any(dock["sideways"] for dock in found["docks"].values()), found["docks"]  # none cut at a side
    assert len(found["tabs"]) >= 7  # every panel is a tab (three above and five below when narrow)
    for title, width, need in found["tabs"]:
        assert width >= need, (title, width, need)  # every tab title in full


@pytest.mark.parametrize(("width", "height"), SCREENS)
@pytest.mark.parametrize("tool", ["show_branch", "show_dashboard"])
def test_with_a_tools_dock_open_the_diagram_keeps_a_fifth(tmp_path, width, height, tool):
    _check(_probe(tmp_path, width, height, tool), 0.2)


def test_focus_hides_every_dock(tmp_path):
    found = _probe(tmp_path, 1024, 700, "focus")
    assert found["docks"] == {}
    _check(found, 0.5)
