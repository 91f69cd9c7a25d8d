"""Reading a PyTorch ``.pt`` state dict without torch: milliseconds beside ``torch.load`` and a target.

Usage::

    python bench/torch_pickle.py [--hidden 1024] [--repeats 3]

Writes a 2-layer ``nn.LSTM(512, H)`` state dict with torch (needed only to write the file),
then times ``load_weights(path, layer=1)`` (restricted unpickler, float64 cell built and
checked) and ``torch.load(weights_only=True)`` alone. Target: under 1 s for H = 1024 (56 MiB).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.io.formats import load_weights


def main() -> None:
    """Print the medians of ``--repeats`` loads beside the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hidden", type=int, default=1024)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        print("torch is needed to write the benchmark's file; skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lstm.pt"
        torch.save(torch.nn.LSTM(512, args.hidden, num_layers=2).state_dict(), path)
        mib = path.stat().st_size / 2**20
        ours, theirs = [], []
        for _ in range(args.repeats):
            start = time.perf_counter()
            load_weights(path, layer=1)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            torch.load(path, weights_only=True)
            theirs.append(time.perf_counter() - start)
    print(f"load_weights without torch, {mib:.0f} MiB: {statistics.median(ours) * 1000:.0f} ms "
          f"(target < 1000 ms); torch.load alone {statistics.median(theirs) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
