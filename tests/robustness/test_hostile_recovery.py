"""Hostile recovery files (a crash can leave anything behind): a valid session or one clean InputError.

Seeds are real recovery files, one with its inputs encoded as base64 float64 (more than
``ROWS_PER_CHUNK`` rows) and one with plain JSON numbers (a version 1 file). They are damaged at
the byte level, and the encoded array object is rewritten with any shape and any text.
"""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any

import numpy as np
from hostile_checks import check_session, feed, fuzz_settings
from hostile_files import mutated
from hypothesis import given
from hypothesis import strategies as st

import simulator
from simulator.document.session import Session
from ui.background.recovery_file import ROWS_PER_CHUNK, read_recovery, write_recovery


def _seed(tmp: Path, rows: int, kind: str) -> bytes:
    cell = simulator.make_cell(kind, 1, 2, seed=rows)
    inputs = np.sin(np.arange(float(rows)))[:, None]
    write_recovery(tmp / "seed.json", Session(cell=cell, inputs=inputs), None, "seed", time.time(), pid=4711)
    return (tmp / "seed.json").read_bytes()


def _seeds() -> list[bytes]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return [_seed(Path(tmp), ROWS_PER_CHUNK + 7, "gru"), _seed(Path(tmp), 6, "lstm")]


SEEDS = _seeds()
ENCODED = json.loads(SEEDS[0])
assert set(ENCODED["session"]["inputs"]) == {"shape", "float64_base64"}
SIZES = st.integers(-2, 2**62) | st.sampled_from([0, 1, ROWS_PER_CHUNK + 7, 2 * ROWS_PER_CHUNK])
SHAPES = (st.just([ROWS_PER_CHUNK + 7, 1]) | st.just([1, ROWS_PER_CHUNK + 7])
          | st.lists(SIZES | st.booleans() | st.none() | st.floats(0, 10), max_size=3)
          | st.none() | st.text(max_size=3))


def _filled(value: float) -> str:
    return base64.b64encode(np.full(ROWS_PER_CHUNK + 7, value).tobytes()).decode()


TEXT = (st.binary(max_size=64).map(lambda b: base64.b64encode(b).decode())
        | st.text(max_size=20) | st.sampled_from(["", "====", "AAAA" * 3, "@@@@"])
        | st.floats(allow_nan=False).map(_filled) | st.just(_filled(np.nan)))


def _load(path: Path) -> Any:
    return read_recovery(path)[1]


@fuzz_settings("recovery bytes")
@given(blob=mutated(SEEDS))
def test_mutated_recovery_files(hostile_dir: Path, blob: bytes):
    path = hostile_dir / "recovery-4711-1.json"
    path.write_bytes(blob)
    feed("recovery bytes", lambda: _load(path), check_session)


@fuzz_settings("recovery encoded array")
@given(shape=SHAPES, text=TEXT, extra=st.booleans())
def test_rewritten_encoded_arrays(hostile_dir: Path, shape: Any, text: str, extra: bool):
    doc = json.loads(json.dumps(ENCODED))
    doc["session"]["inputs"] = {"shape": shape, "float64_base64": text, **({"x": 1} if extra else {})}
    path = hostile_dir / "recovery-4711-2.json"
    path.write_text(json.dumps(doc))
    feed("recovery encoded array", lambda: _load(path), check_session)


def test_the_encoded_seed_and_a_version_1_file_load_exactly(hostile_dir: Path):
    session = _load_bytes(hostile_dir, SEEDS[0])
    np.testing.assert_array_equal(session.inputs[:, 0], np.sin(np.arange(float(ROWS_PER_CHUNK + 7))))
    assert _load_bytes(hostile_dir, SEEDS[1]).inputs.shape == (6, 1)  # plain JSON numbers


def _load_bytes(directory: Path, blob: bytes) -> Session:
    path = directory / "recovery-4711-3.json"
    path.write_bytes(blob)
    return _load(path)
