"""Input readers, the text tokenizer and the signal generators, on real values."""

import json
import math
import time
from pathlib import Path

import numpy as np
import pytest

from simulator.core.errors import InputError
from simulator.io.inputs import (
    GENERATORS,
    decode_onehot,
    encode_text,
    generate,
    load_inputs,
    load_npz_arrays,
    parse_generator_spec,
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- .npy --------------------------------------------------------------------------------------------------
def test_npy_2d_and_1d(tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(3, 2) / 3
    np.save(tmp_path / "a.npy", a)
    np.save(tmp_path / "b.npy", np.array([1, 2, 3], dtype=np.int16))
    x = load_inputs(tmp_path / "a.npy", input_size=2)
    assert x.dtype == np.float64 and np.array_equal(x, a.astype(np.float64))
    assert load_inputs(tmp_path / "b.npy").tolist() == [[1.0], [2.0], [3.0]]


def test_npy_object_dtype_refused(tmp_path):
    np.save(tmp_path / "o.npy", np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
    with pytest.raises(InputError, match="pickle"):
        load_inputs(tmp_path / "o.npy")


def test_npy_huge_declared_shape_refused_quickly(tmp_path):
    path = tmp_path / "bomb.npy"
    with open(path, "wb") as f:
        np.lib.format.write_array_header_1_0(f, {"descr": "<f8", "fortran_order": False,
                                                 "shape": (10**9, 10**6)})
        f.write(b"\0" * 64)
    start = time.perf_counter()
    with pytest.raises(InputError, match="truncated or corrupt"):
        load_inputs(path)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("payload", [b"", b"\x93NUMPY garbage", b"not an npy file at all"])
def test_npy_garbage_refused(tmp_path, payload):
    (tmp_path / "g.npy").write_bytes(payload)
    with pytest.raises(InputError, match=r"g\.npy"):
        load_inputs(tmp_path / "g.npy")


def test_npy_nan_named_by_step_and_dim(tmp_path):
    a = np.zeros((4, 3))
    a[2, 1] = np.inf
    np.save(tmp_path / "n.npy", a)
    with pytest.raises(InputError, match=r"inf at step 2, dim 1"):
        load_inputs(tmp_path / "n.npy")


def test_shape_checks(tmp_path):
    np.save(tmp_path / "e.npy", np.zeros((0, 3)))
    np.save(tmp_path / "c.npy", np.zeros((2, 2, 2)))
    np.save(tmp_path / "ok.npy", np.zeros((5, 3)))
    with pytest.raises(InputError, match="no input steps"):
        load_inputs(tmp_path / "e.npy")
    with pytest.raises(InputError, match=r"shape \(2, 2, 2\)"):
        load_inputs(tmp_path / "c.npy")
    with pytest.raises(InputError, match="3 values but the cell takes 4"):
        load_inputs(tmp_path / "ok.npy", input_size=4)
    with pytest.raises(InputError, match="no such file"):
        load_inputs(tmp_path / "missing.npy")
    with pytest.raises(InputError, match="unknown input format"):
        load_inputs(write(tmp_path, "x.xlsx", "1"))


# -- .csv --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_csv_separators_and_header(tmp_path, sep):
    text = f"a{sep}b\n\n0.1{sep}-2\n  \n3e-5{sep}4\n"
    x = load_inputs(write(tmp_path, "s.csv", text), input_size=2)
    assert x.tolist() == [[0.1, -2.0], [3e-5, 4.0]]


def test_csv_without_header_single_column_and_comments(tmp_path):
    text = "# made by hand\n1\n2.5\n# mid comment\n-3\n"
    assert load_inputs(write(tmp_path, "s.csv", text)).tolist() == [[1.0], [2.5], [-3.0]]


def test_csv_bad_cell_named_by_line_and_column(tmp_path):
    text = "x0,x1\n1,2\n\n3,abc\n"
    with pytest.raises(InputError, match=r"b.csv: line 4, column 2: 'abc' is not a number"):
        load_inputs(write(tmp_path, "b.csv", text))


def test_csv_empty_cell_and_ragged_rows(tmp_path):
    with pytest.raises(InputError, match="line 2, column 2: an empty value"):
        load_inputs(write(tmp_path, "e.csv", "1,2\n3,\n"))
    with pytest.raises(InputError, match="line 3 has 3 values, the rows before it have 2"):
        load_inputs(write(tmp_path, "r.csv", "1,2\n3,4\n5,6,7\n"))
    with pytest.raises(InputError, match="only a header"):
        load_inputs(write(tmp_path, "h.csv", "a,b\n"))
    with pytest.raises(InputError, match="no rows"):
        load_inputs(write(tmp_path, "z.csv", "\n\n"))


def test_csv_nan_named(tmp_path):
    with pytest.raises(InputError, match="nan at step 1, dim 0"):
        load_inputs(write(tmp_path, "n.csv", "1;2\nnan;3\n"))


def test_csv_not_utf8(tmp_path):
    (tmp_path / "l.csv").write_bytes(b"1,2\n\xff\xfe,3\n")
    with pytest.raises(InputError, match="not UTF-8"):
        load_inputs(tmp_path / "l.csv")


# -- .json -------------------------------------------------------------------------------------------------
def test_json_lists(tmp_path):
    assert load_inputs(write(tmp_path, "a.json", "[[1, 2.5], [3, -4]]")).tolist() == [[1, 2.5], [3, -4]]
    assert load_inputs(write(tmp_path, "b.json", "[0.5, 1, 2]")).tolist() == [[0.5], [1.0], [2.0]]


@pytest.mark.parametrize(("text", "message"), [
    ("[[1, true]]", r"step 0, dim 1: expected a number, got true"),
    ('[[1, 2], [3, "x"]]', r'step 1, dim 1: expected a number, got "x"'),
    ("[1, null]", r"step 1, dim 0: expected a number, got null"),
    ("[[1, 2], [3]]", r"step 1 has 1 values, step 0 has 2"),
    ("[[1], 2]", r"mixes lists and numbers"),
    ("[[[1]]]", r"step 0, dim 0: expected a number, got a list"),
    ('{"x": [1]}', r"expected a list of steps"),
    ("[]", r"no input steps"),
    ("[1, 2", r"not valid JSON"),
    ("[1, NaN]", r"nan at step 1, dim 0"),
    ("[1, 1e999]", r"inf at step 1, dim 0"),
    ("[" * 100_000 + "]" * 100_000, r"nested|expected a number"),
])
def test_json_refusals(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        load_inputs(write(tmp_path, "bad.json", text))


# -- .npz (initial states, traces) -------------------------------------------------------------------------
def test_npz_arrays_and_refusals(tmp_path):
    np.savez(tmp_path / "s.npz", h0=np.ones(3), c0=np.zeros(3))
    arrays = load_npz_arrays(tmp_path / "s.npz")
    assert sorted(arrays) == ["c0", "h0"] and arrays["h0"].tolist() == [1.0, 1.0, 1.0]
    np.savez(tmp_path / "o.npz", h0=np.array([None], dtype=object))
    with pytest.raises(InputError, match="pickle"):
        load_npz_arrays(tmp_path / "o.npz")
    (tmp_path / "t.npz").write_bytes((tmp_path / "s.npz").read_bytes()[:100])
    with pytest.raises(InputError, match=r"t\.npz"):
        load_npz_arrays(tmp_path / "t.npz")


# -- text --------------------------------------------------------------------------------------------------
def test_encode_text_default_vocabulary():
    x, vocab = encode_text("hello")
    assert vocab == ["e", "h", "l", "o"]
    assert x.shape == (5, 4)
    assert x.argmax(1).tolist() == [1, 0, 2, 2, 3] and x.sum(1).tolist() == [1.0] * 5
    assert decode_onehot(x, vocab) == "hello"


def test_encode_text_given_vocabulary_and_refusals():
    x, vocab = encode_text("ba", "abc")
    assert vocab == ["a", "b", "c"] and x.tolist() == [[0, 1, 0], [1, 0, 0]]
    with pytest.raises(InputError, match=r"character 'z' at position 2 is not in the vocabulary"):
        encode_text("abz", "abc")
    with pytest.raises(InputError, match="appears twice"):
        encode_text("a", "aa")
    with pytest.raises(InputError, match="empty"):
        encode_text("")
    with pytest.raises(InputError, match=r"expected shape \(steps, 3\)"):
        decode_onehot(np.zeros((2, 2)), "abc")


# -- generators ----------------------------------------------------------------------------------------------
def test_sine_known_points():
    x = generate("sine", 41, period=20, amplitude=0.5)
    assert x.shape == (41, 1)
    assert x[0, 0] == 0.0
    assert x[5, 0] == pytest.approx(0.5, abs=1e-15)
    assert x[15, 0] == pytest.approx(-0.5, abs=1e-15)
    assert np.allclose(x[:20], x[20:40], atol=1e-14)
    shifted = generate("sine", 3, phase=math.pi / 2)
    assert shifted[0, 0] == 1.0


def test_square_duty_and_columns():
    x = generate("square", 8, 3, period=4, amplitude=2, duty=0.25)
    assert x.shape == (8, 3) and np.all(x == x[:, :1])
    assert x[:, 0].tolist() == [2, -2, -2, -2, 2, -2, -2, -2]


def test_impulse_and_step():
    assert generate("impulse", 6, at=3, amplitude=5)[:, 0].tolist() == [0, 0, 0, 5, 0, 0]
    assert generate("step", 5, at=2)[:, 0].tolist() == [0, 0, 1, 1, 1]
    with pytest.raises(InputError, match="past the last step"):
        generate("impulse", 3, at=3)


def test_noise_seeded():
    a = generate("noise", 2000, 2, seed=7, std=0.5)
    assert np.array_equal(a, generate("noise", 2000, 2, seed=7, std=0.5))
    assert not np.array_equal(a, generate("noise", 2000, 2, seed=8, std=0.5))
    assert abs(a.std() - 0.5) < 0.03 and not np.array_equal(a[:, 0], a[:, 1])


def test_copy_task_layout():
    x = generate("copy", 14, length=3, symbols=4, delay=5, seed=1)
    assert x.shape == (14, 6) and np.all(x.sum(1) == 1.0)
    pattern = x[:3, :4].argmax(1)
    assert np.all(x[np.arange(3), pattern] == 1)
    assert np.all(x[3:8, 4] == 1)               # blanks during the delay
    assert x[8, 5] == 1 and x[:, 5].sum() == 1  # one recall cue, right after the delay
    assert np.all(x[9:, 4] == 1)                # blanks while recalling
    with pytest.raises(InputError, match="makes 6 inputs per step, not 2"):
        generate("copy", 14, 2, length=3, symbols=4, delay=5)
    with pytest.raises(InputError, match="at least length"):
        generate("copy", 5, length=3, delay=5)


def test_generator_table_is_complete():
    assert set(GENERATORS) == {"sine", "square", "impulse", "step", "noise", "copy"}
    for gen in GENERATORS.values():
        assert gen.help
        for p in gen.params:
            assert p.type in (int, float) and p.help and p.minimum <= p.default <= p.maximum
        generate(gen.name, 200)  # every default works


def test_parse_generator_spec():
    expected = ("sine", {"period": 20.0, "amplitude": 0.5})
    assert parse_generator_spec("sine:period=20,amplitude=0.5") == expected
    assert parse_generator_spec("Impulse") == ("impulse", {})
    assert parse_generator_spec("copy:length=4, seed=3") == ("copy", {"length": 4, "seed": 3})
    name, params = parse_generator_spec("step:at=2")
    assert generate(name, 4, **params)[:, 0].tolist() == [0, 0, 1, 1]


@pytest.mark.parametrize(("spec", "message"), [
    ("saw", r"unknown generator 'saw'; choose one of sine, square"),
    ("sine:freq=3", r"sine has no parameter 'freq'; its parameters are period, amplitude, phase"),
    ("sine:period=abc", r"period='abc' is not a number"),
    ("sine:period=0", r"period='0' is outside 1 … 1e\+06"),
    ("sine:period=nan", r"must be finite"),
    ("impulse:at=2.5", r"at='2.5' must be a whole number"),
    ("sine:period", r"'period' should be key=value"),
    ("sine:period=2,period=3", r"period is given twice"),
    ("sine:seed=1", r"no parameter 'seed'"),
])
def test_parse_generator_spec_errors(spec, message):
    with pytest.raises(InputError, match=message):
        parse_generator_spec(spec)


def test_generate_argument_errors():
    with pytest.raises(InputError, match="steps must be"):
        generate("sine", 0)
    with pytest.raises(InputError, match="is not a number"):
        generate("sine", 5, period=True)
    assert json.dumps({g: GENERATORS[g].defaults() for g in GENERATORS})  # plain values for a form


EXAMPLES = Path(__file__).resolve().parents[2] / "assets" / "examples"


@pytest.mark.parametrize(("name", "shape"), [("sine.csv", (40, 1)), ("pulse.json", (30, 1)),
                                             ("embeddings.npy", (12, 3)), ("copy_task.json", (16, 5))])
def test_example_files_load(name, shape):
    x = load_inputs(EXAMPLES / name)
    assert x.shape == shape
    if name == "copy_task.json":
        assert np.array_equal(x, generate("copy", 16, length=3, symbols=3, delay=6, seed=0))
    if name == "pulse.json":
        assert np.nonzero(x[:, 0])[0].tolist() == [3]


def test_csv_decimal_comma_hint(tmp_path):
    hint = r"line 1, column 1: '1,5' is not a number \(write decimals with a point\)"
    with pytest.raises(InputError, match=hint):
        load_inputs(write(tmp_path, "eu.csv", "1,5;2\n"))
