"""The C-parser fast paths give exactly the precise reader's values, or step aside (None)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.core.errors import InputError
from simulator.document.session import Session
from simulator.io.inputs import load_inputs
from simulator.io.inputs.numeric_text import MAX_JSON_CONTAINERS, loads_bounded, numeric_csv, numeric_json

_FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6).flatmap(lambda d: st.lists(st.lists(_FLOATS, min_size=d, max_size=d), min_size=1,
                                                    max_size=20)))
def test_fast_paths_equal_repr_of_every_float(rows):
    expected = np.array(rows, dtype=np.float64)
    csv = "\n".join(",".join(repr(v) for v in row) for row in rows).encode()
    np.testing.assert_array_equal(numeric_csv(csv, ","), expected)
    np.testing.assert_array_equal(numeric_json(json.dumps(rows, indent=1).encode()), expected)


@pytest.mark.parametrize("text", [b"1,2\n3\n", b"1,2\n3,4,5\n6\n", b"1,,2\n", b"1,2,\n3,4\n", b"1 2,3\n4,5\n",
                                  b"nan,1\n", b'"1",2\n', b"1;2\n"])
def test_csv_fast_path_steps_aside(text):
    assert numeric_csv(text, ",") is None


@pytest.mark.parametrize("text", [b"[[1,2],[3]]", b"[[1,2],,[3,4]]", b"[[[1]]]", b"[1,,2]", b"[[1],[]]",
                                  b"[]", b"[1 2]", b'["1"]', b"[[1,2]", b"{}"])
def test_json_fast_path_steps_aside(text):
    assert numeric_json(text) is None


def test_ragged_csv_whose_counts_add_up_is_refused_with_its_line(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"1,2\n3,4,5\n6\n")
    with pytest.raises(InputError, match="line 2 has 3 values"):
        load_inputs(path)


def test_session_inputs_table_is_read_exactly(tmp_path):
    import simulator

    x = np.random.default_rng(0).standard_normal((300, 3))
    path = tmp_path / "s.json"
    Session(simulator.make_cell("gru", 3, 2, seed=2), x).save(path)
    np.testing.assert_array_equal(Session.load(path).inputs, x)


def test_too_many_json_containers_are_refused():
    text = b"[" + b"[]," * MAX_JSON_CONTAINERS + b"[]]"
    with pytest.raises(InputError, match="JSON lists and objects"):
        loads_bounded(text, "x.json")
