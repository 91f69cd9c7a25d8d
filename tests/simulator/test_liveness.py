"""process_alive: this process, a live child, a reaped child and impossible ids, without signals."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.io import liveness
from simulator.io.liveness import process_alive


def test_this_and_a_live_child_are_alive_a_finished_one_is_not():
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        assert process_alive(os.getpid())
        assert process_alive(live.pid)
        assert not process_alive(dead.pid)
    finally:
        live.kill()
        live.wait()
    assert not process_alive(live.pid)  # asking never killed it: it was alive until we did


@pytest.mark.parametrize("pid", [0, -1, -os.getpid(), 2**31, 2**40])
def test_impossible_ids_are_not_alive(pid):
    assert process_alive(pid) is False


def test_no_signal_is_sent(monkeypatch):
    def refuse(*_args):
        raise AssertionError("os.kill must not be used to ask")

    monkeypatch.setattr(os, "kill", refuse)
    assert process_alive(os.getppid())


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX path")
def test_a_process_we_may_not_inspect_counts_as_alive(monkeypatch):
    def denied(_pid):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(liveness.os, "getpgid", denied)
    assert process_alive(12345)


def test_stale_temp_of_a_dead_writer_is_removed_a_live_ones_kept(tmp_path: Path):
    from simulator.io.atomic import remove_stale_temps

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    target = tmp_path / "run.npz"
    stale = tmp_path / f".run.npz.gatescope-{dead.pid}.abc.tmp"
    mine = tmp_path / f".run.npz.gatescope-{os.getppid()}.def.tmp"
    stale.write_bytes(b"half")
    mine.write_bytes(b"half")
    assert remove_stale_temps(target) == [stale.name]
    assert mine.exists() and not stale.exists()
