"""Hostile input sequences (.npy, .csv, .json) and initial-state .npz files.

``load_inputs`` must return a finite (T, D) float64 array or raise one clean InputError;
the CLI's initial-state reader must return h0 (and c0) the cell accepts, or refuse.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from hostile_checks import check_inputs, check_state, feed, fuzz_settings
from hostile_files import arrays, mutated, npy_bytes, with_lying_zip_sizes
from hypothesis import given
from hypothesis import strategies as st
from weight_sets import lies, lying_npy, npz_file

import simulator
from simulator.cli.main import _initial_state
from simulator.io.inputs import load_inputs

SEQUENCE_SHAPES = st.lists(st.integers(0, 6), min_size=0, max_size=3).map(tuple)
NPY_SEEDS = [npy_bytes(np.linspace(-1, 1, 12).reshape(6, 2)), npy_bytes(np.arange(5.0, dtype=np.float32)),
             npy_bytes(np.eye(3), fortran=True)]


@fuzz_settings("inputs .npy bytes")
@given(blob=mutated(NPY_SEEDS))
def test_mutated_npy(hostile_dir: Path, blob: bytes):
    path = hostile_dir / "x.npy"
    path.write_bytes(blob)
    feed("inputs .npy bytes", lambda: load_inputs(path), check_inputs)


@fuzz_settings("inputs .npy built")
@given(arr=arrays(shape=SEQUENCE_SHAPES), lie=lies(), width=st.none() | st.integers(1, 3))
def test_built_npy(hostile_dir: Path, arr: np.ndarray, lie: tuple[int, ...] | None, width: int | None):
    path = hostile_dir / "built.npy"
    path.write_bytes(lying_npy(arr, lie))
    feed("inputs .npy built", lambda: load_inputs(path, width), lambda x: check_inputs(x, width))


CSV_CELLS = st.sampled_from(["0", "1.5", "-2e-3", "1e999", "nan", "inf", "-inf", "1,5", "", " ", "abc", '"3"',
                             "1e-320", "0x10", "1_000", "１", "\x00", "\ufeff1", "9" * 400, "LONG"])
CSV_ROWS = st.lists(st.lists(CSV_CELLS, min_size=1, max_size=4), min_size=0, max_size=6)
CSV_SEEDS = [b"x0,x1\n0.1,0.2\n0.3,0.4\n", b"# comment\n1\n2\n3\n", b"1;2;3\n4;5;6\n", b"\xef\xbb\xbf1\t2\n"]


@fuzz_settings("inputs .csv")
@given(rows=CSV_ROWS, delimiter=st.sampled_from([",", ";", "\t", " "]), header=st.booleans(),
       raw=st.none() | mutated(CSV_SEEDS), encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_csv(hostile_dir: Path, rows: list[list[str]], delimiter: str, header: bool, raw: bytes | None,
             encoding: str):
    if raw is None:
        long = "x" * 200_000  # past the csv module's field limit
        rows = [[cell.replace("LONG", long) for cell in row] for row in rows]
        lines = (["a,b"] if header else []) + [delimiter.join(row) for row in rows]
        raw = "\n".join(lines).encode(encoding, "replace")
    path = hostile_dir / "x.csv"
    path.write_bytes(raw)
    feed("inputs .csv", lambda: load_inputs(path), check_inputs)


JSON_LEAVES = (st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=False)
               | st.text(max_size=4))
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=20)
JSON_SPECIAL = st.sampled_from(["[" * 100_000 + "]" * 100_000, "[[1e999]]", "[NaN]", "[-Infinity, 1]",
                                "[" + "9" * 5000 + "]", "[[1, 2], [3]]", "[[1], 2]", "[]", "[[]]", "{}", "",
                                "[1, 2", "\ufeff[1]", "[[true]]", '[["1"]]', "[1e-400]"])


@fuzz_settings("inputs .json")
@given(value=JSON_VALUES, special=st.none() | JSON_SPECIAL, wrap=st.integers(0, 2))
def test_json(hostile_dir: Path, value: object, special: str | None, wrap: int):
    if special is None:
        value = [value] if wrap == 1 else [[value, 1.0]] if wrap == 2 else value
        text = json.dumps(value)
    else:
        text = special
    path = hostile_dir / "x.json"
    path.write_text(text, encoding="utf-8")
    feed("inputs .json", lambda: load_inputs(path), check_inputs)


STATE_CELLS = [simulator.make_cell("lstm", 2, 3), simulator.make_cell("gru", 1, 2)]
STATE_MEMBERS = st.dictionaries(st.sampled_from(["h0", "h0", "c0", "c0", "h", "x", "h0.npy/../c0"]),
                                arrays(shape=st.sampled_from([(3,), (2,), (3,), (1, 3), (), (0,)])),
                                min_size=0, max_size=3)


@fuzz_settings("initial state .npz")
@given(data=st.data(), which=st.integers(0, 1), lie=st.sampled_from([None, None, None, 0, 2**31]),
       clean=st.booleans())
def test_initial_state_npz(hostile_dir: Path, data: st.DataObject, which: int, lie: int | None, clean: bool):
    cell = STATE_CELLS[which]
    members = data.draw(STATE_MEMBERS)
    if clean:  # the right names and shapes, so the reader's success path runs too
        H = cell.hidden_size
        members = {name: data.draw(arrays(shape=st.just((H,)), dtypes=("<f4", "<i4"), finite=True))
                   for name in cell.state_names and ("h0", "c0")[: len(cell.state_names)]}
    blob = data.draw(npz_file(members))
    if lie is not None:
        blob = with_lying_zip_sizes(blob, lambda size: lie or size)
    path = hostile_dir / "state.npz"
    path.write_bytes(blob)
    feed("initial state .npz", lambda: _initial_state(str(path), cell), lambda s: check_state(cell, s))
