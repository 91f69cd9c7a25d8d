"""The engine never imports Qt: importing every simulator module leaves PySide6 and pyqtgraph out."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib, json, pkgutil, sys
import simulator, simulator.core.gradients, simulator.core.simulation
skipped, imported = [], []
for info in pkgutil.walk_packages(simulator.__path__, "simulator."):
    try:
        importlib.import_module(info.name)
        imported.append(info.name)
    except ImportError as err:  # only an optional dependency (h5py, onnx ...) may be missing
        if err.name is None or err.name.split(".")[0] in ("simulator", "PySide6", "pyqtgraph", "ui"):
            raise
        skipped.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6", "ui"))
print(json.dumps({"qt": qt, "imported": imported, "skipped": skipped}))
"""


def test_simulator_imports_no_qt():
    import json

    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["qt"] == []
    expected = {"simulator.core.gradients", "simulator.core.simulation", "simulator.core.cells.lstm"}
    assert expected <= set(report["imported"])
