"""The import contracts (pyproject.toml [tool.importlinter]) and tools/import_cycles.py hold, and bite."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("import_cycles", ROOT / "tools" / "import_cycles.py")
import_cycles = importlib.util.module_from_spec(spec)
spec.loader.exec_module(import_cycles)


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    if not exe.exists():
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    return subprocess.run([str(exe), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300)


def _copy_tree(tmp_path: Path) -> Path:
    for name in ("simulator", "ui"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_tree_keeps_every_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_a_qt_import_in_the_engine_breaks_the_contract(tmp_path):
    tree = _copy_tree(tmp_path)
    _append(tree / "simulator" / "core" / "trace.py", "import PySide6.QtCore  # noqa")
    result = _lint_imports(tree)
    assert result.returncode == 1
    assert "simulator.core.trace -> PySide6 (l." in result.stdout


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path):
    tree = _copy_tree(tmp_path)
    _append(tree / "simulator" / "io" / "atomic.py", "import simulator.document.paths  # noqa")
    result = _lint_imports(tree)
    assert result.returncode == 1
    assert "simulator.io.atomic -> simulator.document.paths" in result.stdout


def test_the_tree_has_no_module_level_cycle():
    graph = import_cycles.module_graph()
    assert "simulator.core.cells" in graph["simulator.core.simulation"]  # the graph is real
    assert import_cycles.cycles(graph) == []


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_cycle_is_found_and_deferred_or_typing_imports_are_not(tmp_path):
    _write(tmp_path, "simulator/__init__.py", "")
    _write(tmp_path, "ui/__init__.py", "")
    _write(tmp_path, "simulator/a.py", "from simulator import b\n")
    _write(tmp_path, "simulator/b.py", "try:\n    from . import c\nexcept ImportError:\n    pass\n")
    _write(tmp_path, "simulator/c.py", "import simulator.a\n")
    _write(tmp_path, "ui/x.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import ui.y\n")
    _write(tmp_path, "ui/y.py", "def f():\n    import ui.x\n")
    graph = import_cycles.module_graph(tmp_path)
    assert graph["simulator.b"] == {"simulator.c"}
    assert graph["ui.x"] == set() and graph["ui.y"] == set()
    assert import_cycles.cycles(graph) == [["simulator.a", "simulator.b", "simulator.c"]]


def test_the_cycle_script_exits_1_on_a_cycle(tmp_path):
    for name in ("simulator", "ui"):
        _write(tmp_path, f"{name}/__init__.py", "")
    _write(tmp_path, "ui/p.py", "import ui.q\n")
    _write(tmp_path, "ui/q.py", "import ui.p\n")
    _write(tmp_path, "tools/import_cycles.py", (ROOT / "tools" / "import_cycles.py").read_text())
    result = subprocess.run([sys.executable, str(tmp_path / "tools" / "import_cycles.py")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "import cycle: ui.p -> ui.q"
