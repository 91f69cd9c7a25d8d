"""A state that overflows float64 is refused with the step named, not written as inf."""

import numpy as np

import simulator


def _exploding_relu(tmp_path):
    cell = simulator.make_cell("rnn", 1, 3, nonlinearity="relu", seed=0)
    cell.weight_hh[:] = 1e6
    cell.bias_ih[:] = 1.0
    path = tmp_path / "relu.npz"
    np.savez(path, weight_ih=cell.weight_ih, weight_hh=cell.weight_hh, bias_ih=cell.bias_ih,
             bias_hh=cell.bias_hh)
    return cell, path


def test_trace_names_the_first_overflowing_step(tmp_path):
    cell, _ = _exploding_relu(tmp_path)
    trace = simulator.run(cell, np.ones((100, 1)))
    step = trace.first_nonfinite()
    assert step is not None and np.isfinite(trace.h[:step]).all() and not np.isfinite(trace.h[step]).all()


def test_bounded_cells_never_overflow():
    for kind in ("lstm", "gru", "rnn"):
        cell = simulator.make_cell(kind, 2, 4, seed=1)
        cell.weight_hh *= 1e6
        assert simulator.run(cell, np.full((50, 2), 1e6)).first_nonfinite() is None


def test_simulate_refuses_an_overflowing_run(cli, tmp_path):
    _, weights = _exploding_relu(tmp_path)
    out = tmp_path / "t.npz"
    res = cli("--weights", weights, "--nonlinearity", "relu", "--generator", "step:at=0",
              "--steps", 100, "--out", out)
    res.assert_refused(out)
    assert "overflows float64 at step" in res.err and "RNN (relu)" in res.err
