"""``--version`` everywhere, and usage text naming the command as it was typed."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import simulator
from simulator.cli.args import build_parser
from simulator.cli.compare import build_compare_parser
from simulator.cli.invocation import command_name, program_name, version_line
from simulator.cli.train import build_train_parser

MAIN = Path(__file__).resolve().parents[2] / "main.py"
VERSION = f"gatescope {simulator.__version__}\n"


@pytest.mark.parametrize("command", [(), ("simulate",), ("compare",), ("train",)])
def test_version_everywhere_without_a_display(main_py, command):
    no_display = {"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}
    res = main_py(*command, "--version", env=no_display)
    assert (res.code, res.out, res.err) == (0, VERSION, "")


def test_version_line_reads_the_package():
    assert version_line() == "gatescope 0.1.0" == VERSION.strip()


@pytest.mark.parametrize(("argv0", "name"), [
    ("/usr/local/bin/gatescope", "gatescope"), (r"C:\Py\Scripts\gatescope.exe", "gatescope"),
    ("gatescope-script.py", "gatescope"), ("main.py", "python main.py"),
    ("/src/gatescope/main.py", "python main.py"),
    ("", "python main.py"), ("-c", "python main.py")])
def test_program_name_follows_argv0(argv0, name):
    assert program_name(argv0.replace("\\", os.sep)) == name


def test_subcommand_usage_names_the_invocation(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/venv/bin/gatescope", "simulate"])
    assert command_name("simulate") == "gatescope simulate"
    for build, command in ((build_parser, "simulate"), (build_compare_parser, "compare"),
                           (build_train_parser, "train")):
        assert build().format_usage().startswith(f"usage: gatescope {command} ")
    monkeypatch.setattr(sys, "argv", ["main.py", "simulate"])
    assert build_parser().format_usage().startswith("usage: python main.py simulate ")


def test_top_level_help_names_python_main_py(main_py):
    res = main_py("--help")
    assert res.code == 0 and res.out.startswith("usage: python main.py [GUI options]")
    assert "gatescope simulate" not in res.out


def test_installed_entry_point_says_gatescope(tmp_path):
    script = shutil.which("gatescope", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the gatescope entry point is not installed in this environment")
    run = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.returncode == 0 and run.stdout.startswith("usage: gatescope [GUI options]")
    assert "`gatescope simulate --help`" in run.stdout
    bad = subprocess.run([script, "simulate", "--bogus"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.startswith("gatescope: error: ")
    usage = subprocess.run([script, "train", "--help"], capture_output=True, text=True, timeout=60)
    assert usage.stdout.startswith("usage: gatescope train ")
