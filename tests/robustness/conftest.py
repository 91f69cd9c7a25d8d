"""The robustness suite's shared set-up: a reproducible hypothesis profile and the example counter.

The helper modules beside this file (``hostile_files``, ``hostile_checks``) are put on
``sys.path`` so the test modules can import them under ``--import-mode=importlib``.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_checks

for _package in ("h5py", "onnx", "torch"):  # imported up front so no first example pays for it
    with contextlib.suppress(ImportError):
        __import__(_package)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print how many generated files each loader received, and how many it loaded or refused."""
    counts = hostile_checks.COUNTS
    if not counts:
        return
    terminalreporter.section("hostile files fed to the loaders")
    for key in sorted(counts):
        loaded = hostile_checks.LOADED[key]
        terminalreporter.write_line(f"{key:<36} {counts[key]:>6} files  ({loaded} loaded, "
                                    f"{counts[key] - loaded} refused with InputError)")
    terminalreporter.write_line(f"{'total':<36} {sum(counts.values()):>6} files")


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One directory for every generated file (session-scoped, so hypothesis may use it)."""
    return tmp_path_factory.mktemp("hostile")
