"""A reverse cell (``cell.direction``): consumption order, Simulation edits, copies and sessions."""

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.core.simulation import Simulation
from simulator.document.session import Session, cell_from_dict, cell_to_dict
from simulator.io.export import trace_metadata

X = np.random.default_rng(3).normal(size=(6, 2))


def _reverse(kind="gru"):
    cell = simulator.make_cell(kind, 2, 3, seed=1)
    cell.direction = "reverse"
    return cell


def test_run_consumes_last_step_first():
    cell = _reverse("lstm")
    forward = cell.copy()
    assert forward.direction == "reverse" and forward == cell and cell.config()["direction"] == "reverse"
    forward.direction = "forward"
    assert forward != cell
    trace, plain = simulator.run(cell, X), simulator.run(forward, X[::-1])
    np.testing.assert_array_equal(trace.h, plain.h)
    np.testing.assert_array_equal(trace.x, X[::-1])
    h, c = np.zeros(3), np.zeros(3)  # by hand: step() over x[T-1], x[T-2], …
    for t, row in enumerate(X[::-1]):
        state, _ = cell.step(row, {"h": h, "c": c})
        h, c = state["h"], state["c"]
        np.testing.assert_allclose(trace.h[t], h, rtol=0, atol=1e-15)
    meta = trace_metadata(cell, trace)
    assert meta["direction"] == "reverse" and "last step first" in meta["rows"]


def test_simulation_keeps_the_callers_order():
    cell = _reverse()
    sim = Simulation(cell, X)
    np.testing.assert_array_equal(sim.inputs, X)
    sim.set_inputs(0, np.ones((1, 2)))  # row 0 of the trace is the step consumed first: x[T-1]
    np.testing.assert_array_equal(sim.inputs[-1], [1.0, 1.0])
    forward = cell.copy()
    forward.direction = "forward"
    sim.set_cell(forward)
    expected = X.copy()
    expected[-1] = 1.0
    np.testing.assert_array_equal(sim.inputs, expected)
    np.testing.assert_array_equal(sim.trace.h, simulator.run(forward, expected).h)


def test_sessions_keep_the_direction(tmp_path):
    cell = _reverse()
    data = cell_to_dict(cell)
    assert data["direction"] == "reverse" and cell_from_dict(data) == cell
    assert cell_from_dict({**data, "direction": "forward"}).direction == "forward"
    with pytest.raises(InputError, match="direction must be"):
        cell_from_dict({**data, "direction": "sideways"})
    Session(cell=cell, inputs=X).save(tmp_path / "s.json")
    loaded = Session.load(tmp_path / "s.json")
    assert loaded.cell.direction == "reverse"
    np.testing.assert_array_equal(loaded.inputs, X)
