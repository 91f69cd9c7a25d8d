"""Hostile session files and presets: a valid session or one clean InputError, and the open session untouched.

Sessions are damaged two ways: at the JSON level (a value anywhere in the tree replaced by
another of any type, a key dropped, the nesting made 100,000 deep) and at the byte level.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
from hostile_checks import OPEN_SESSION, check_session, feed, fuzz_settings, open_session_unchanged
from hostile_files import mutated
from hypothesis import given
from hypothesis import strategies as st

import simulator
from simulator.document import presets
from simulator.document.session import Session


def _seed_dicts() -> list[dict[str, Any]]:
    out = [OPEN_SESSION.to_dict()]
    for k, (kind, dtype) in enumerate((("rnn", "float64"), ("gru", "float32"), ("lstm", "float32"))):
        cell = simulator.make_cell(kind, 1 + k, 2, seed=k, dtype=dtype)
        inputs = np.sin(np.arange(4.0 * cell.input_size)).reshape(4, cell.input_size)
        out.append(Session(cell=cell, inputs=inputs, step=2, input_labels=["a"] * cell.input_size).to_dict())
    return out


SEEDS = _seed_dicts()
SEED_BYTES = [json.dumps(d, indent=1).encode() for d in SEEDS]
LEAVES = (st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False)
          | st.text(max_size=6) | st.sampled_from(["lstm", "gru", "rnn", "float32", "relu", "tanh"]))
VALUES = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=10)
RAW = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "9" * 5000, "[" * 100_000 + "]" * 100_000,
                       "-0.0", "1e-320", "true", '"\\ud800"'])
STEPS = st.lists(st.integers(0, 2**16), min_size=0, max_size=5)


def _mutate(doc: Any, steps: list[int], op: int, value: Any) -> Any:
    """Walk ``steps`` into the tree, then replace (op 0), delete (op 1) or wrap in a list (op 2) that node."""
    doc = copy.deepcopy(doc)
    parent, key, node = None, None, doc
    for step in steps:
        if isinstance(node, dict) and node:
            key = sorted(node)[step % len(node)]
        elif isinstance(node, list) and node:
            key = step % len(node)
        else:
            break
        parent, node = node, node[key]
    if parent is None:
        return value if op == 0 else [doc]
    if op == 1 and isinstance(parent, dict):
        del parent[key]
    else:
        parent[key] = [node] if op == 2 else value
    return doc


RAW_MARK = "\u0000RAW\u0000"


@fuzz_settings("session built")
@given(seed=st.integers(0, len(SEEDS) - 1), edits=st.lists(st.tuples(STEPS, st.integers(0, 3), VALUES),
                                                            min_size=1, max_size=3), raw=st.none() | RAW)
def test_built_sessions(hostile_dir: Path, seed: int, edits: list[tuple[list[int], int, Any]],
                        raw: str | None):
    doc: Any = SEEDS[seed]
    for steps, op, value in edits:
        doc = _mutate(doc, steps, op, RAW_MARK if op == 3 and raw is not None else value)
    text = json.dumps(doc).replace(json.dumps(RAW_MARK), raw or "null")
    path = hostile_dir / "s.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    feed("session built", lambda: Session.load(path), check_session)


@fuzz_settings("session bytes")
@given(blob=mutated(SEED_BYTES))
def test_mutated_sessions(hostile_dir: Path, blob: bytes):
    path = hostile_dir / "m.gatescope"
    path.write_bytes(blob)
    feed("session bytes", lambda: Session.load(path), check_session)


def _load_preset(directory: Path) -> Any:
    """``list_presets`` then ``load_preset`` with :data:`PRESET_DIR` pointing at ``directory``."""
    with mock.patch.object(presets, "PRESET_DIR", directory):
        infos = presets.list_presets()
        assert [i.id for i in infos] == ["hostile"]
        return presets.load_preset("hostile")


@fuzz_settings("preset")
@given(blob=mutated(SEED_BYTES, max_ops=2) | st.sampled_from([b"[]", b"{}", b"\xff\xfe", b"null"]))
def test_hostile_presets(hostile_dir: Path, blob: bytes):
    directory = hostile_dir / "presets"
    directory.mkdir(exist_ok=True)
    (directory / "hostile.json").write_bytes(blob)
    feed("preset", lambda: _load_preset(directory), check_session)
    assert directory != presets.PRESET_DIR


def test_open_session_is_untouched_by_every_refusal(hostile_dir: Path):
    """A plain-sight version of the property: refusals leave an open session bit for bit as it was."""
    before = json.dumps(OPEN_SESSION.to_dict())
    bad = hostile_dir / "bad.json"
    for text in ("{", "[" * 100_000, '{"format": "gatescope-session", "version": "2"}', "9" * 5000):
        bad.write_text(text)
        feed("session built", lambda: Session.load(bad), check_session)
    assert json.dumps(OPEN_SESSION.to_dict()) == before
    open_session_unchanged()
