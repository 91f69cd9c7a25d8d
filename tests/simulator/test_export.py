"""Trace exports: every format reads back bit for bit, carries its metadata, and writes atomically."""

import json

import numpy as np
import pytest

import simulator
import simulator.io.export as export
from simulator.core.errors import InputError
from simulator.core.gradients import gradient_norms
from simulator.io.export import export_trace, output_format, read_trace_npz

KINDS = {"rnn": {"nonlinearity": "relu"}, "lstm": {}, "gru": {"reset_after": False}}


def make_run(kind, dtype="float64", steps=7):
    cell = simulator.make_cell(kind, 3, 4, seed=5, dtype=dtype, **KINDS[kind])
    x = np.random.default_rng(1).normal(size=(steps, 3)) * 1.7
    state = {"h": np.linspace(-0.5, 0.5, 4)}
    if kind == "lstm":
        state["c"] = np.linspace(1, 2, 4)
    return cell, simulator.run(cell, x, state)


def expected_arrays(trace, gradients=None):
    return {**trace.arrays(), **(gradients or {})}


def read_csv(path):
    """(metadata, header, rows of str) of a CSV export."""
    meta, lines = {}, path.read_text(encoding="utf-8").splitlines()
    while lines[0].startswith("# "):
        key, _, value = lines.pop(0)[2:].partition(": ")
        meta[key] = value
    return meta, lines[0].split(","), [line.split(",") for line in lines[1:]]


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_npz_round_trip(tmp_path, kind, dtype):
    cell, trace = make_run(kind, dtype)
    grads = gradient_norms(cell, trace)
    export_trace(cell, trace, tmp_path / "t.npz", gradients=grads)
    with np.load(tmp_path / "t.npz", allow_pickle=False) as data:
        names = set(data.files) - {"metadata"}
        want = expected_arrays(trace, grads)
        assert names == set(want)
        for key, value in want.items():
            assert data[key].shape == value.shape and np.array_equal(data[key], value), key
        meta = json.loads(str(data["metadata"]))
    arrays, meta2 = read_trace_npz(tmp_path / "t.npz")
    assert meta2 == meta and all(np.array_equal(arrays[k], v) for k, v in want.items())
    assert meta["kind"] == kind and meta["dtype"] == dtype and meta["steps"] == 7
    assert meta["weights_sha256"] == cell.sha256() and meta["gatescope_version"] == simulator.__version__


def test_npz_contract_names():
    for kind, extra in (("rnn", set()), ("lstm", {"c", "c0", "i", "f", "g", "o", "dcT_dc"}),
                        ("gru", {"r", "z", "n"})):
        cell, trace = make_run(kind)
        arrays = export._arrays(cell, trace, gradient_norms(cell, trace))
        assert set(arrays) == {"x", "h", "h0", "dhT_dh"} | extra


def test_metadata_content():
    cell, trace = make_run("gru")
    meta = export.trace_metadata(cell, trace)
    assert meta["layout"] == "pytorch" and meta["reset_after"] is False
    assert "reset applied before" in meta["convention"] and "h' = (1 − z) ⊙ n + z ⊙ h" in meta["convention"]
    assert (meta["input_size"], meta["hidden_size"], meta["steps"]) == (3, 4, 7)
    assert meta["created"].endswith("Z") and meta["created"][:2] == "20"
    rnn, rtrace = make_run("rnn")
    assert export.trace_metadata(rnn, rtrace)["nonlinearity"] == "relu"
    assert "relu(" in export.trace_metadata(rnn, rtrace)["convention"]


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_csv_wide_round_trip_bitwise(tmp_path, dtype):
    cell, trace = make_run("lstm", dtype)
    grads = gradient_norms(cell, trace)
    export_trace(cell, trace, tmp_path / "w.csv", gradients=grads)
    meta, header, rows = read_csv(tmp_path / "w.csv")
    assert header[:5] == ["step", "x_0", "x_1", "x_2", "h_0"] and header[-2:] == ["dhT_dh", "dcT_dc"]
    assert [int(r[0]) for r in rows] == list(range(7))
    table = np.array([[float(v) for v in r[1:]] for r in rows])
    col = {name: k for k, name in enumerate(header[1:])}
    for key, value in expected_arrays(trace, grads).items():
        if key in ("h0", "c0"):
            assert np.array_equal(np.array(json.loads(meta[key])).astype(dtype), value)
            continue
        got = table[:, [col[f"{key}_{j}"] for j in range(4 if key != "x" else 3)]] if value.ndim == 2 \
            else table[:, col[key]]
        assert np.array_equal(got.astype(value.dtype), value), key
    assert meta["kind"] == "lstm" and meta["weights_sha256"] == cell.sha256()
    assert json.loads(meta["steps"]) == 7 and meta["dtype"] == dtype


def test_csv_long_round_trip_bitwise(tmp_path):
    cell, trace = make_run("gru")
    export_trace(cell, trace, tmp_path / "l.csv", long=True)
    meta, header, rows = read_csv(tmp_path / "l.csv")
    assert header == ["step", "quantity", "unit", "value"]
    assert len(rows) == 7 * (3 + 4 * 4)  # x, h, r, z, n per step
    got = {}
    for step, quantity, unit, value in rows:
        got.setdefault(quantity, np.zeros(expected_arrays(trace)[quantity].shape))[int(step), int(unit)] = \
            float(value)
    for key, value in expected_arrays(trace).items():
        if key != "h0":
            assert np.array_equal(got[key], value), key
    assert np.array_equal(json.loads(meta["h0"]), trace.h0)
    assert meta["kind"] == "gru" and export_trace(cell, trace, tmp_path / "l2.csv", "csv-long").exists()


def test_json_round_trip_bitwise(tmp_path):
    cell, trace = make_run("rnn")
    export_trace(cell, trace, tmp_path / "t.json")
    doc = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert doc["metadata"]["kind"] == "rnn" and doc["metadata"]["weights_sha256"] == cell.sha256()
    for key, value in trace.arrays().items():
        assert np.array_equal(np.array(doc["arrays"][key]), value), key


def test_format_inference_and_refusals(tmp_path):
    assert output_format("a.NPZ") == "npz" and output_format("a.csv", long=True) == "csv-long"
    cell, trace = make_run("lstm")
    for bad in ("t.txt", "t"):
        with pytest.raises(InputError, match=r"use a \.npz, \.csv or \.json"):
            export_trace(cell, trace, tmp_path / bad)
    with pytest.raises(InputError, match="CSV only"):
        output_format("t.npz", long=True)
    other, _ = make_run("gru")
    with pytest.raises(InputError, match="does not belong"):
        export_trace(other, trace, tmp_path / "t.npz")
    with pytest.raises(InputError, match=r"shape \(3,\), expected \(7,\)"):
        export_trace(cell, trace, tmp_path / "t.npz", gradients={"dhT_dh": np.zeros(3)})
    with pytest.raises(InputError, match="cannot write"):
        export_trace(cell, trace, tmp_path / "missing" / "t.npz")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "target"), [("t.csv", "_write_csv_wide"), ("t.npz", "np.savez")])
def test_failed_write_keeps_previous_file(tmp_path, monkeypatch, name, target):
    cell, trace = make_run("lstm")
    path = tmp_path / name
    export_trace(cell, trace, path)
    before = path.read_bytes()

    def boom(*args, **kwargs):  # an array is called "f", so no named first argument
        args[0].write("half a row," if name.endswith(".csv") else b"PK\x03\x04 half a zip")
        raise RuntimeError("disk on fire")

    if target == "np.savez":
        monkeypatch.setattr(export.np, "savez", boom)
    else:
        monkeypatch.setattr(export, target, boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_trace(cell, trace, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_read_trace_npz_refuses_foreign_files(tmp_path):
    np.savez(tmp_path / "w.npz", weight_ih=np.zeros((4, 2)))
    with pytest.raises(InputError, match="no metadata"):
        read_trace_npz(tmp_path / "w.npz")
    cell, trace = make_run("lstm")
    export_trace(cell, trace, tmp_path / "t.npz")
    arrays, meta = read_trace_npz(tmp_path / "t.npz")
    arrays["c"] = arrays["c"][:3]
    np.savez(tmp_path / "cut.npz", **arrays, metadata=np.array(json.dumps(meta)))
    with pytest.raises(InputError, match=r"'c' has shape \(3, 4\)"):
        read_trace_npz(tmp_path / "cut.npz")


@pytest.mark.parametrize("name", ["t.csv", "l.csv", "t.json", "t.npz"])
def test_extreme_values_round_trip_bit_for_bit(tmp_path, name):
    cell = simulator.make_cell("rnn", 1, 2, seed=0)
    x = np.array([[-0.0], [5e-324], [1.7976931348623157e308], [0.1], [-2.2250738585072014e-308]])
    trace = simulator.run(cell, x)
    export_trace(cell, trace, tmp_path / name, long=name == "l.csv")
    if name == "t.npz":
        got = read_trace_npz(tmp_path / name)[0]["x"]
    elif name == "t.json":
        got = np.array(json.loads((tmp_path / name).read_text())["arrays"]["x"])
    else:
        rows = read_csv(tmp_path / name)[2]
        got = np.array([[float(r[1])] for r in rows] if name == "t.csv" else
                       [[float(r[3])] for r in rows if r[1] == "x"])
    assert got.view(np.uint64).tolist() == x.view(np.uint64).tolist()
