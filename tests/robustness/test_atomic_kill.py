"""Writers killed mid-write: the old file stays bit for bit, and the next write removes the stray temp.

A child process writes a large session, trace export or weight file with the engine's
own writers; its file object writes half of the k-th chunk, flushes, says so, and
sleeps. The test then SIGKILLs it a random few milliseconds later.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import simulator
from simulator.document.session import Session

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import io, os, sys, time
sys.path.insert(0, sys.argv[4])
writer, target, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
calls = [0]

class Slow(io.BufferedWriter):
    def write(self, b):
        calls[0] += 1
        if calls[0] == k:  # half of this chunk reaches the disk, then the process hangs until killed
            super().write(bytes(b)[: max(len(b) // 2, 1)])
            self.flush()
            print("mid", flush=True)
            time.sleep(60)
        return super().write(b)

real_fdopen = os.fdopen
def fdopen(fd, mode="r", *args, **kwargs):
    if "w" not in mode:
        return real_fdopen(fd, mode, *args, **kwargs)
    raw = Slow(io.FileIO(fd, "wb"))
    if "b" in mode:
        return raw
    return io.TextIOWrapper(raw, encoding=kwargs.get("encoding"), newline=kwargs.get("newline"))
os.fdopen = fdopen

import numpy as np
import simulator
from simulator.io.export import export_trace
from simulator.io.formats import save_weights
from simulator.document.session import Session
cell = simulator.make_cell("lstm", 4, 64 if writer.startswith("weights") else 4, seed=5)
if writer == "session":
    Session(cell=cell, inputs=np.random.default_rng(1).normal(size=(50_000, 4))).save(target)
elif writer.startswith("export"):
    trace = simulator.run(cell, np.random.default_rng(1).normal(size=(20_000, 4)))
    export_trace(cell, trace, target)
else:
    save_weights(cell, target)
print("done", flush=True)
"""

WRITERS = [("session", "s.gatescope"), ("session", "s.json"), ("export-npz", "t.npz"),
           ("export-csv", "t.csv"), ("export-json", "t.json"), ("weights", "w.safetensors"),
           ("weights", "w.npz"), ("weights", "w.weights.h5"), ("weights", "w.onnx"), ("weights", "w.pt")]
TEMP = re.compile(r"^\.(?P<name>.+)\.gatescope-(?P<pid>\d+)\..+\.tmp$")


def _write_in_process(writer: str, path: Path, seed: int) -> None:
    """The same writer, completing normally (the "next write")."""
    import numpy as np

    from simulator.io.export import export_trace
    from simulator.io.formats import save_weights

    cell = simulator.make_cell("lstm", 4, 8, seed=seed)
    if writer == "session":
        Session(cell=cell, inputs=np.ones((3, 4)) * seed).save(path)
    elif writer.startswith("export"):
        export_trace(cell, simulator.run(cell, np.ones((3, 4))), path)
    else:
        save_weights(cell, path)


@pytest.mark.parametrize(("writer", "name"), WRITERS)
def test_killed_writer_leaves_the_old_file(tmp_path: Path, writer: str, name: str):
    if name.endswith(".h5"):
        pytest.importorskip("h5py")
    if name.endswith(".onnx"):
        pytest.importorskip("onnx")
    if name.endswith(".pt"):
        pytest.importorskip("torch")
    rng = random.Random(f"{writer}{name}")
    path = tmp_path / name
    _write_in_process(writer, path, seed=1)
    old = path.read_bytes()
    k = 1 if writer == "session" else rng.randint(1, 3)  # a session is one write() of its JSON
    proc = subprocess.Popen([sys.executable, "-c", CHILD, writer, str(path), str(k), str(ROOT)],
                            stdout=subprocess.PIPE, text=True)
    try:
        said = proc.stdout.readline().strip()
        time.sleep(rng.uniform(0.0, 0.02))
        proc.kill()
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
    assert said == "mid", f"the writer finished after {k} writes without being killed ({said!r})"
    assert path.read_bytes() == old, "the old file changed"
    strays = [p for p in tmp_path.iterdir() if p.name != name]
    assert len(strays) == 1, strays  # the killed writer's half-written temporary file, nothing else
    match = TEMP.match(strays[0].name)
    assert match and match["name"] == name and int(match["pid"]) == proc.pid, strays[0].name
    _write_in_process(writer, path, seed=2)  # the next write of the same target cleans up
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert path.read_bytes() != old


def test_a_live_writers_temp_file_is_left_alone(tmp_path: Path):
    """Only temps of dead processes are removed: this process's own (in use) survives a cleanup."""
    from simulator.io.atomic import atomic_write, remove_stale_temps

    path = tmp_path / "x.bin"
    with atomic_write(path) as fh:
        fh.write(b"first")
        assert remove_stale_temps(path) == []
        assert len(list(tmp_path.iterdir())) == 1
    assert path.read_bytes() == b"first"
