"""Damaged weight files of every format: a valid cell or one clean InputError, never a crash or a hang.

Seeds are real files from ``save_weights`` (every kind, float64 and float32); hypothesis
truncates them, flips, inserts, deletes and splices bytes, and writes "interesting" integers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_checks import check_cell, feed, fuzz_settings
from hostile_files import mutated, seed_weight_files
from hypothesis import given

from simulator.io.formats import load_weights

FORMATS = [  # (budget key, file name, naming of npz / safetensors arrays, package needed)
    ("weights .safetensors (torch) bytes", "w.safetensors", "torch", None),
    ("weights .safetensors (keras) bytes", "w.safetensors", "keras", None),
    ("weights .npz (torch) bytes", "w.npz", "torch", None),
    ("weights .npz (keras) bytes", "w.npz", "keras", None),
    ("weights .pt bytes", "w.pt", "torch", "torch"),
    ("weights .weights.h5 bytes", "w.weights.h5", "torch", "h5py"),
    ("weights .keras bytes", "w.keras", "torch", "h5py"),
    ("weights .onnx bytes", "w.onnx", "torch", "onnx"),
]


def _keras_seeds() -> list[bytes]:
    """``.keras`` archives: each ``.weights.h5`` seed with a matching ``config.json``."""
    import json

    from hostile_files import KINDS, zip_bytes

    classes = {"lstm": "LSTM", "gru": "GRU", "rnn": "SimpleRNN"}
    out = []
    for blob, kind in zip(seed_weight_files(".weights.h5"), [k for k in KINDS for _ in range(2)],
                          strict=True):
        config = {"class_name": "Sequential", "config": {"name": "m", "layers": [
            {"class_name": "InputLayer", "config": {"batch_shape": [None, None, 2]}},
            {"class_name": classes[kind], "config": {"name": kind, "activation": "tanh",
                                                     "recurrent_activation": "sigmoid"}}]}}
        out.append(zip_bytes({"config.json": json.dumps(config).encode(), "model.weights.h5": blob,
                              "metadata.json": b"{}"}, compressed=kind == "gru"))
    return out


_SEEDS: dict[tuple[str, str], list[bytes]] = {}


def _seeds(name: str, naming: str) -> list[bytes]:
    key = (name, naming)
    if key not in _SEEDS:
        suffix = name[1:]
        _SEEDS[key] = _keras_seeds() if suffix == ".keras" else seed_weight_files(suffix, naming)
    return _SEEDS[key]


@pytest.mark.parametrize(("key", "name", "naming", "package"), FORMATS, ids=[f[0].split()[1] + "-" + f[2]
                                                                            for f in FORMATS])
def test_mutated_weight_files(hostile_dir: Path, key: str, name: str, naming: str, package: str | None):
    if package:
        pytest.importorskip(package)
    seeds = _seeds(name, naming)
    path = hostile_dir / name

    @fuzz_settings(key)
    @given(blob=mutated(seeds))
    def run(blob: bytes) -> None:
        path.write_bytes(blob)
        feed(key, lambda: load_weights(path), check_cell)

    run()


@pytest.mark.parametrize(("name", "naming", "package"), [f[1:] for f in FORMATS])
def test_seeds_load(hostile_dir: Path, name: str, naming: str, package: str | None):
    """The unmutated seeds are valid files (so the mutations start from something real)."""
    if package:
        pytest.importorskip(package)
    path = hostile_dir / f"seed-{name}"
    for blob in _seeds(name, naming):
        path.write_bytes(blob)
        check_cell(load_weights(path))
