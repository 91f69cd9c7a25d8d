"""The compiled LSTM / GRU loops (simulator.core.native) against the numpy kernels they replace."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from simulator import GRUCell, LSTMCell, run
from simulator.core import native

ROOT = Path(__file__).resolve().parents[2]
needs_native = pytest.mark.skipif(not native.available(), reason="no C compiler: the numpy kernels run")
CASES = [("lstm", {}), ("gru", {"reset_after": True}), ("gru", {"reset_after": False})]
IDS = ["lstm", "gru-after", "gru-before"]


def _cell(kind, options, H, D=3, seed=0):
    rng = np.random.default_rng(seed)
    G = 4 if kind == "lstm" else 3
    params = [rng.uniform(-1, 1, (G * H, D)), rng.uniform(-1.5, 1.5, (G * H, H)) / np.sqrt(H),
              rng.uniform(-0.5, 0.5, G * H), rng.uniform(-0.5, 0.5, G * H)]
    return (LSTMCell if kind == "lstm" else GRUCell)(*params, **options)


def _numpy_run(monkeypatch, cell, x, state=None, **kwargs):
    with monkeypatch.context() as patch:
        patch.setattr(native, "ENABLED", False)
        return run(cell, x, state, **kwargs)


@needs_native
@pytest.mark.parametrize("H", [1, 5, 64])
@pytest.mark.parametrize(("kind", "options"), CASES, ids=IDS)
def test_compiled_equals_numpy_kernel(monkeypatch, kind, options, H):
    cell = _cell(kind, options, H)
    x = np.random.default_rng(1).normal(size=(400, 3)) * 2
    state = {"h": np.full(H, 0.3)} | ({"c": np.full(H, -0.7)} if kind == "lstm" else {})
    compiled, reference = run(cell, x, state), _numpy_run(monkeypatch, cell, x, state)
    for name, values in reference.arrays().items():
        np.testing.assert_allclose(compiled.arrays()[name], values, rtol=0, atol=1e-13, err_msg=name)


@needs_native
@pytest.mark.parametrize(("kind", "options"), CASES, ids=IDS)
def test_any_split_gives_the_same_bits(kind, options):
    cell = _cell(kind, options, 7)
    x = np.random.default_rng(2).normal(size=(300, 3))
    whole = run(cell, x)
    trace = run(cell, x)
    trace._h[:] = trace._g[:] = 0.0
    for lo, hi in ((0, 37), (37, 64), (64, 65), (65, 300)):
        cell.kernel(trace, lo, hi)
    for name, values in whole.arrays().items():
        np.testing.assert_array_equal(trace.arrays()[name], values, err_msg=name)


@needs_native
@pytest.mark.parametrize(("kind", "options"), CASES, ids=IDS)
def test_forced_steps_run_the_same_compiled_code(monkeypatch, kind, options):
    """A force that changes nothing gives the unforced bits; one that pins a gate matches numpy's."""
    cell = _cell(kind, options, 6)
    x = np.random.default_rng(3).normal(size=(50, 3))
    plain = run(cell, x)
    calls = []

    def idle(row, t, letters):
        calls.append((t, letters))

    trace = run(cell, x)
    cell.kernel(trace, 10, 50, idle)
    for name, values in plain.arrays().items():
        np.testing.assert_array_equal(trace.arrays()[name], values, err_msg=name)
    per_step = ["ifgo"] if kind == "lstm" else ["rz", "n"]
    assert calls == [(t, letters) for t in range(10, 50) for letters in per_step]

    gate = 1 if kind == "lstm" else 0  # f or r, second block or first

    def pin(row, t, letters):
        if t >= 20 and letters[0] in "ir":
            row[gate * 6:(gate + 1) * 6] = 0.25

    forced = run(cell, x)
    cell.kernel(forced, 0, 50, pin)
    reference = _numpy_run(monkeypatch, cell, x)
    with monkeypatch.context() as patch:
        patch.setattr(native, "ENABLED", False)
        cell.kernel(reference, 0, 50, pin)
    for name, values in reference.arrays().items():
        np.testing.assert_allclose(forced.arrays()[name], values, rtol=0, atol=1e-13, err_msg=name)
    assert not np.allclose(forced.h, plain.h)


def test_float32_and_peepholes_keep_the_numpy_kernel(monkeypatch):
    x = np.random.default_rng(4).normal(size=(60, 3))
    rng = np.random.default_rng(5)
    peephole = _cell("lstm", {}, 4).parameters() | {"weight_peephole": rng.normal(size=(3, 4))}
    for cell in (_cell("lstm", {}, 4).copy(dtype="float32"), _cell("gru", {}, 4).copy(dtype="float32"),
                 LSTMCell(**peephole)):
        ours, reference = run(cell, x), _numpy_run(monkeypatch, cell, x)
        for name, values in reference.arrays().items():
            np.testing.assert_array_equal(ours.arrays()[name], values, err_msg=name)


@pytest.mark.parametrize("env", [{"GATESCOPE_NATIVE": "0"}, {"CC": "false"}],
                         ids=["switched-off", "no-compiler"])
def test_without_the_library_the_numpy_kernels_run(tmp_path, env):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), **env}  # an empty cache: it must build
    code = ("import numpy as np; from simulator import make_cell, run; from simulator.core import native; "
            "run(make_cell('lstm', 2, 3, seed=0), np.ones((5, 2))); print(native.available())")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "False"
