"""The PySide6 pin names exactly the broken combination; the reproduction and the guard agree with it."""

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from ui.shell import refcount_guard, refcount_repro

ROOT = Path(__file__).resolve().parents[2]


def _pyside_requirements():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return [Requirement(d) for d in deps if d.lower().startswith("pyside6")]


@pytest.mark.parametrize(("python", "allowed", "refused"), [
    ("3.11", "6.11.3", "6.12.0"), ("3.12", "6.12.0", "6.5.0"), ("3.13", "6.12.0", "6.5.0")])
def test_the_pin_applies_below_312_only(python, allowed, refused):
    active = [r for r in _pyside_requirements() if r.marker.evaluate({"python_version": python})]
    assert len(active) == 1
    assert active[0].specifier.contains(allowed) and not active[0].specifier.contains(refused)


def test_no_references_lost_on_this_stack():
    # the pinned stack on 3.11, or immortal singletons on 3.12+: the reproduction must see nothing
    assert refcount_repro.leaked_references(200) == {"None": 0, "True": 0, "False": 0}
    assert refcount_guard.protect_singletons() is False  # the guard stays out of the way here


def test_the_reproduction_runs_as_a_script():
    if importlib.util.find_spec("PySide6") is None:
        pytest.skip("PySide6 is absent")
    run = subprocess.run([sys.executable, str(ROOT / "ui" / "shell" / "refcount_repro.py")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith("PySide6 ")
