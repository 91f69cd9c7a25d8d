"""Item 8 of issue 11: each hostile file is refused (or loaded) within 512 MiB above what it yields.

Each load runs in its own process, which reports the peak resident memory it added
(``ru_maxrss``); the seconds are recorded in the test's output, never asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import bound_files as bf
import pytest

MiB = 1 << 20
BOUND = 512 * MiB
HELPER = Path(bf.__file__)
ROOT = HELPER.parents[2]


def _run(kind: str, path: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(HELPER), kind, str(path)], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)  # a hang guard only, never the measure
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fifo(path: Path) -> int:
    os.mkfifo(path)
    return 0


def _dev_zero(path: Path) -> int:
    path.symlink_to("/dev/zero")
    return 0


CASES: list[tuple[str, str, str, Callable[[Path], int]]] = [
    ("npz 22 MB inflating to 3 GB", "weights", "w.npz", bf.npz_inflating_to_3_gb),
    ("npz of 200,000 members", "weights", "w.npz", bf.npz_200k_members),
    (".keras config inflating 1000x", "weights", "m.keras", bf.keras_config_1000x),
    ("safetensors 100 MiB header, a million tensors", "weights", "w.safetensors",
     bf.safetensors_million_tensors),
    ("64 MiB JSON of one-number rows", "inputs", "x.json", bf.json_one_number_rows),
    ("64 MiB CSV of one-number rows", "inputs", "x.csv", bf.csv_one_number_rows),
    *[(f"{what} as {kind}", kind, name, build)
      for what, build in (("named pipe", _fifo), ("/dev/zero", _dev_zero))
      for kind, name in (("session", "s.json"), ("branch", "b.json"), ("recovery", "recovery-1-2.json"),
                         ("weights", "w.safetensors"), ("inputs", "x.csv"))],
]


@pytest.mark.parametrize(("name", "kind", "file", "build"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file_stays_within_bounds(tmp_path: Path, name: str, kind: str, file: str,
                                          build: Callable[[Path], int]):
    path = tmp_path / file
    produced = build(path)
    result = _run(kind, path)
    print(f"{name}: {'refused' if result['refused'] else 'loaded'} in {result['seconds']:.2f} s, "
          f"+{result['peak_added'] / MiB:.0f} MiB ({result['message']})")
    assert result["refused"] == (produced == 0), result["message"]
    if result["refused"]:
        assert len(result["message"].splitlines()) == 1
    assert result["peak_added"] < produced + BOUND, f"{name}: +{result['peak_added'] / MiB:.0f} MiB"
