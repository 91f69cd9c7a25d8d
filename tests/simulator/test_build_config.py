"""The published extras and the Makefile: no torch build pinned, the reference list written once."""

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_reference_extra_does_not_pin_one_torch_build():
    (torch,) = [Requirement(r) for r in PROJECT["optional-dependencies"]["reference"]
                if Requirement(r).name == "torch"]
    assert all(spec.operator not in ("==", "===") for spec in torch.specifier)
    assert torch.specifier.contains("2.13.0") and torch.specifier.contains("3.0")


def test_makefile_installs_the_extra_instead_of_repeating_it():
    makefile = (ROOT / "Makefile").read_text()
    assert "'.[reference]' -c .ci/torch-cpu.txt" in makefile
    assert "keras" not in makefile and "onnxruntime" not in makefile
    constraint = Requirement(next(line for line in (ROOT / ".ci" / "torch-cpu.txt").read_text().splitlines()
                                  if line and not line.startswith("#")))
    assert constraint.name == "torch" and str(constraint.specifier) == "==2.13.0+cpu"


def test_extra_without_torch_is_the_rest_of_the_list():
    out = subprocess.run([sys.executable, str(ROOT / ".ci" / "extra.py"), "reference", "--without", "torch"],
                         capture_output=True, text=True, timeout=60, check=True).stdout.split()
    assert out == [r for r in PROJECT["optional-dependencies"]["reference"] if not r.startswith("torch")]
    assert len(out) == 3


def test_pillow_and_import_linter_are_declared():
    names = {Requirement(r).name.lower() for r in PROJECT["dependencies"]}
    assert {"pillow", "numpy", "pyqtgraph", "pyside6-essentials"} <= names
    assert any(Requirement(r).name == "import-linter" for r in PROJECT["optional-dependencies"]["test"])
