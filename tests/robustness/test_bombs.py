"""Memory bombs: small files that declare (or unpack to) far more than they hold.

Each is refused within a second, and the peak of traced allocations while loading stays
under max(64 MiB, 10 × the file size): nothing is allocated on the file's word alone.
"""

from __future__ import annotations

import json
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hostile_files import npy_bytes, with_lying_zip_sizes, zip_bytes
from weight_sets import lying_npy

import simulator
from simulator.cli.main import _initial_state
from simulator.core.errors import InputError
from simulator.document.session import Session
from simulator.io.formats import load_weights, save_weights
from simulator.io.inputs import load_inputs

MiB = 1 << 20


def _zeros_member(path: Path, member: str, mebibytes: int, extra: dict[str, bytes] | None = None) -> None:
    """A deflated archive whose ``member`` unpacks to ``mebibytes`` MiB of zeros (about 1/1000 on disk)."""
    chunk = b"\0" * MiB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
        with zf.open(member, "w", force_zip64=True) as fh:
            fh.write(b"\x93NUMPY\x01\x00v\x00{'descr': '<f8', 'fortran_order': False, 'shape': (%d,), }"
                     % (mebibytes * MiB // 8) + b" " * 52 + b"\n")
            for _ in range(mebibytes):
                fh.write(chunk)


def _h5_fill_bomb(path: Path) -> None:
    h5py = pytest.importorskip("h5py")
    with h5py.File(path, "w") as f:
        group = f.create_group("layers/lstm/cell/vars")
        group.create_dataset("0", shape=(8192, 4096), dtype="f8", chunks=(64, 64))  # 256 MiB, never written
        group.create_dataset("1", shape=(1024, 4096), dtype="f8", chunks=(64, 64))
        group.create_dataset("2", shape=(4096,), dtype="f8")


def _safetensors(shape: list[int], offsets: list[int], data: bytes = b"\0" * 64) -> bytes:
    text = json.dumps({"weight_hh": {"dtype": "F64", "shape": shape, "data_offsets": offsets}}).encode()
    return struct.pack("<Q", len(text)) + text + data


def _weights(path: Path) -> Any:
    return load_weights(path)


def _inputs(path: Path) -> Any:
    return load_inputs(path)


def _state(path: Path) -> Any:
    return _initial_state(str(path), simulator.make_cell("lstm", 2, 3))


def _write(blob: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(blob)


SMALL = np.zeros(4)
BOMBS: list[tuple[str, str, Callable[[Path], None], Callable[[Path], Any]]] = [
    ("npy shape 1e12", "x.npy", _write(lying_npy(SMALL, (10**12,))), _inputs),
    ("npy shape 2^31 x 2^31", "x.npy", _write(lying_npy(SMALL, (2**31, 2**31))), _inputs),
    ("npz header lies", "w.npz", _write(zip_bytes({"weight_hh.npy": lying_npy(SMALL, (10**9, 3))})),
     _weights),
    ("npz zip sizes lie", "w.npz", _write(with_lying_zip_sizes(zip_bytes({"weight_hh.npy": npy_bytes(SMALL)}),
                                                               lambda size: 2**31 - 1)), _weights),
    ("npz 256 MiB of zeros", "w.npz", lambda p: _zeros_member(p, "weight_hh.npy", 256), _weights),
    ("state npz 256 MiB of zeros", "s.npz", lambda p: _zeros_member(p, "h0.npy", 256), _state),
    ("state npz header lies", "s.npz", _write(zip_bytes({"h0.npy": lying_npy(SMALL, (10**12,))})), _state),
    ("keras weights 256 MiB of zeros", "w.keras",
     lambda p: _zeros_member(p, "model.weights.h5", 256, {"config.json": b"{}"}), _weights),
    ("keras config 256 MiB of zeros", "w.keras",
     lambda p: _zeros_member(p, "config.json", 256, {"model.weights.h5": b"\x89HDF"}), _weights),
    ("safetensors shape lies", "w.safetensors", _write(_safetensors([2**20, 2**20], [0, 64])), _weights),
    ("safetensors offsets lie", "w.safetensors", _write(_safetensors([2**27], [0, 2**30])), _weights),
    ("h5 fill-value datasets (288 MiB declared)", "w.weights.h5", _h5_fill_bomb, _weights),
    ("session nested 100,000 deep", "s.json", _write(b"[" * 100_000 + b"]" * 100_000), Session.load),
    ("inputs nested 100,000 deep", "x.json", _write(b"[" * 100_000 + b"]" * 100_000), _inputs),
]


@pytest.mark.parametrize(("name", "file", "build", "load"), BOMBS, ids=[b[0] for b in BOMBS])
def test_bomb_is_refused_quickly_and_small(tmp_path: Path, name: str, file: str,
                                           build: Callable[[Path], None], load: Callable[[Path], Any]):
    path = tmp_path / file
    build(path)
    size = path.stat().st_size
    limit = max(64 * MiB, 10 * size)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(InputError) as caught:
            load(path)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(str(caught.value).splitlines()) == 1
    assert elapsed < 1.0, f"{name}: {elapsed:.2f} s"
    assert peak < limit, f"{name}: peak {peak / MiB:.1f} MiB from a {size / MiB:.2f} MiB file"


def test_many_tiny_csv_rows_stay_small(tmp_path: Path):
    """100,000 rows of two one-digit values: a flat float buffer, not a Python object per value.

    The reader used to hold a string and a tuple per line and a float object per value:
    85 × the file size at peak; now about 9 × (11.5 × on Python 3.13, whose own allocations differ).
    """
    path = tmp_path / "x.csv"
    path.write_bytes(b"0,1\n" * 100_000)
    tracemalloc.start()
    try:
        x = load_inputs(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert x.shape == (100_000, 2)
    assert peak < 13 * path.stat().st_size, f"peak {peak / MiB:.1f} MiB"


def test_a_legitimate_large_file_still_loads(tmp_path: Path):
    """The bomb checks do not refuse honest files: a 1024-unit LSTM in every flat format."""
    cell = simulator.make_cell("lstm", 64, 1024, seed=3)
    for suffix in (".npz", ".safetensors"):
        path = tmp_path / f"big{suffix}"
        save_weights(cell, path)
        assert load_weights(path) == cell
