"""Runners for the headless command: in-process (fast) and as a real ``python main.py`` process."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import simulator.cli.main

MAIN = Path(__file__).resolve().parents[2] / "main.py"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def assert_refused(self, *names: Path) -> None:
        """Exit 2, exactly one ``gatescope: error:`` line on stderr, nothing on stdout, no files."""
        assert self.code == 2, (self.code, self.err)
        assert self.err.startswith("gatescope: error: ") and self.err.count("\n") == 1, self.err
        assert "Traceback" not in self.err and self.out == ""
        for name in names:
            assert not name.exists(), name


@pytest.fixture
def cli(capsys):
    """``cli("--text", "ab", ...)`` runs ``simulator.cli.main.main`` in this process."""
    def run(*args: object) -> Result:
        capsys.readouterr()
        code = simulator.cli.main.main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)
    return run


@pytest.fixture
def main_py(tmp_path):
    """``main_py("simulate", ...)`` runs ``python main.py`` in ``tmp_path``; ``env`` replaces variables."""
    def run(*args: object, env: dict[str, str | None] | None = None) -> Result:
        environ = {k: v for k, v in os.environ.items() if k != "GATESCOPE_DEBUG"}
        for key, value in (env or {}).items():
            if value is None:
                environ.pop(key, None)
            else:
                environ[key] = value
        proc = subprocess.run([sys.executable, str(MAIN), *map(str, args)], cwd=tmp_path, env=environ,
                              capture_output=True, text=True, timeout=120, check=False)
        return Result(proc.returncode, proc.stdout, proc.stderr)
    return run
