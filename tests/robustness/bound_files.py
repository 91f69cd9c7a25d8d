"""Builders of the issue's hostile files (item 8), fast: raw zip records instead of zipfile's writer.

Each builder writes one file and returns the bytes of arrays a correct load legitimately
produces (0 for a file that must be refused). Also runnable as ``python bound_files.py KIND PATH``:
the child process of the bound tests, which loads PATH with the loader KIND and prints one JSON
line with the outcome, the seconds it took and the peak resident memory it added.
"""

from __future__ import annotations

import json
import os
import resource
import struct
import sys
import time
import zlib
from pathlib import Path

MiB = 1 << 20


def raw_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip of ``(name, data, uncompressed size, method)`` members (method 0 stored, 8 deflated).

    CRCs are left 0: every file built here must be refused before a member is read.
    """
    local, central, offset = [], [], 0
    for name, data, size, method in members:
        raw = name.encode()
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, 0, len(data), size, len(raw), 0)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, 0, len(data), size,
                                   len(raw), 0, 0, 0, 0, 0, offset) + raw)
        local.append(header + raw + data)
        offset += len(header) + len(raw) + len(data)
    directory = b"".join(central)
    count = min(len(members), 0xFFFF)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    with open(path, "wb") as fh:
        fh.writelines(local)
        fh.write(directory)
        fh.write(end)


def _deflated_zeros(mebibytes: int) -> bytes:
    """A raw deflate stream of ``mebibytes`` MiB of zeros, built from one repeated fully-flushed block."""
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    chunk = b"\0" * MiB
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    assert packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH) == block
    return first + block * (mebibytes - 2) + packer.compress(chunk) + packer.flush()


def npz_inflating_to_3_gb(path: Path) -> int:
    """22 MB on disk: 20 MB of honest float noise and a member of 3,000 MiB of zeros."""
    noise = os.urandom(20 * MiB)
    raw_zip(path, [("weight_ih.npy", noise, len(noise), 0),
                   ("weight_hh.npy", _deflated_zeros(3000), 3000 * MiB, 8)])
    return 0


def npz_200k_members(path: Path) -> int:
    raw_zip(path, [(f"a{k}.npy", b"\x93NUMPY", 6, 0) for k in range(200_000)])
    return 0


def keras_config_1000x(path: Path) -> int:
    """A .keras archive whose config.json inflates 1000× to 60 MiB of empty JSON lists."""
    text = b"[" + b"[]," * (20 * MiB) + b"[]]"
    raw_zip(path, [("config.json", zlib.compress(text, 9)[2:-4], len(text), 8),
                   ("model.weights.h5", b"\x89HDF\r\n\x1a\n", 8, 0)])
    return 0


def safetensors_million_tensors(path: Path) -> int:
    """A 100 MiB header listing a million one-byte tensors."""
    entries = b",".join(b'"t%07d":{"dtype":"U8","shape":[1],"data_offsets":[%d,%d]}' % (k, k, k + 1)
                        for k in range(1_000_000))
    header = b"{" + entries + b"}"
    header += b" " * (100 * MiB - len(header))
    with open(path, "wb") as fh:
        fh.write(struct.pack("<Q", len(header)) + header + b"\0" * 1_000_000)
    return 0


def json_one_number_rows(path: Path) -> int:
    """64 MiB of ``[0.5],`` rows: 11 million steps of one input (an honest file: it loads)."""
    rows = (64 * MiB - 2) // 6
    path.write_bytes(b"[" + b"[0.5]," * (rows - 1) + b"[0.5]]")
    return rows * 8


def csv_one_number_rows(path: Path) -> int:
    """64 MiB of ``0.5`` lines (an honest file: it loads)."""
    rows = 64 * MiB // 4
    path.write_bytes(b"0.5\n" * rows)
    return rows * 8


def _load(kind: str, path: str) -> object:
    if kind == "weights":
        from simulator.io.formats import load_weights

        return load_weights(path)
    if kind == "inputs":
        from simulator.io.inputs import load_inputs

        return load_inputs(path)
    if kind == "session":
        from simulator.document.session import Session

        return Session.load(path)
    if kind == "branch":
        from simulator.cli.main import read_json

        return read_json(path, "--branch")
    if kind == "recovery":
        from ui.background.recovery_file import read_recovery

        return read_recovery(Path(path))
    raise SystemExit(f"unknown kind {kind}")


def _peak() -> int:
    """Peak resident bytes of this process image: VmHWM (ru_maxrss keeps the forking parent's peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) * 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(kind: str, path: str) -> None:
    """Load ``path`` as ``kind`` and print {"refused", "message", "seconds", "peak_added"} as JSON."""
    import simulator.cli.main
    import simulator.document.session
    import simulator.io.formats
    import simulator.io.inputs  # noqa: F401
    from simulator.core.errors import InputError
    if kind == "recovery":
        import ui.background.recovery_file  # noqa: F401

    before = _peak()
    start = time.perf_counter()
    try:
        _load(kind, path)
        refused, message = False, ""
    except InputError as err:
        refused, message = True, str(err)
    seconds = time.perf_counter() - start
    added = _peak() - before
    print(json.dumps({"refused": refused, "message": message, "seconds": seconds, "peak_added": added}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
