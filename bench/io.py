"""Reading large input files: 20 M CSV values, and a 64 MiB JSON of one-number rows.

    python bench/io.py

Prints each figure beside its target (issue 11, item 8): the seconds to load and the peak
resident memory added (VmHWM, Linux) above the float64 array the file yields.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.io.inputs import load_inputs

MiB = 1 << 20


def _peak() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) * 1024
    except (OSError, StopIteration):
        return 0


def _measure(label: str, path: Path, target_s: float) -> None:
    before = _peak()
    start = time.perf_counter()
    x = load_inputs(path)
    took = time.perf_counter() - start
    added = max(_peak() - before - x.nbytes, 0)
    print(f"{label:<44} {took:6.2f} s (target < {target_s:g} s)   "
          f"+{added / MiB:5.0f} MiB above the {x.nbytes / MiB:.0f} MiB array (target < 512)")


def main() -> None:
    """Write the two files to a temporary folder and load each once."""
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "x.csv"
        csv.write_bytes(b"0.125,-1.5,2.25,3e-5\n" * 5_000_000)  # 20 M values, 100 MB
        _measure("CSV, 5,000,000 rows x 4 (20 M values)", csv, 5)
        csv.unlink()
        js = Path(tmp) / "x.json"
        rows = (64 * MiB - 2) // 6
        js.write_bytes(b"[" + b"[0.5]," * (rows - 1) + b"[0.5]]")
        _measure(f"JSON, 64 MiB of one-number rows ({rows:,})", js, 5)


if __name__ == "__main__":
    main()
