"""Reproduce scripts: generated, then run for real in PyTorch and Keras 3 (skipped where absent)."""

import importlib.util
import os
import subprocess
import sys

import numpy as np
import pytest

import simulator
from simulator.core.cells import LSTMCell
from simulator.core.errors import InputError
from simulator.insight import reproduce_script, write_reproduce_script

CASES = {"rnn-tanh": ("rnn", {"nonlinearity": "tanh"}), "rnn-relu": ("rnn", {"nonlinearity": "relu"}),
         "lstm": ("lstm", {}), "gru-reset-after": ("gru", {}),
         "gru-reset-before": ("gru", {"reset_after": False}),
         "lstm-float32": ("lstm", {"dtype": "float32"})}


def _setup(name):
    kind, options = CASES[name]
    cell = simulator.make_cell(kind, 3, 4, seed=7, init="glorot", **options)
    cell.bias_ih[:] = np.linspace(-0.5, 0.5, len(cell.bias_ih))
    cell.bias_hh[:] = np.linspace(0.3, -0.2, len(cell.bias_hh))  # b_hn ≠ b_in: the GRU bias rows matter
    x = np.random.default_rng(1).normal(size=(25, 3))
    state = {"h": np.linspace(-0.5, 0.5, 4)}
    if cell.has_cell:
        state["c"] = np.linspace(1.0, -1.0, 4)
    return cell, x, state, simulator.run(cell, x, state)


def _run(path, framework):
    env = dict(os.environ, KERAS_BACKEND="torch", OMP_NUM_THREADS="1")
    return subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300,
                          env=env, check=False)


def _needs(module):
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed")


@pytest.mark.slow
@pytest.mark.parametrize("framework", [pytest.param("torch", marks=pytest.mark.torch),
                                       pytest.param("keras", marks=pytest.mark.keras)])
@pytest.mark.parametrize("name", list(CASES))
def test_exported_script_runs_and_matches(tmp_path, name, framework):
    _needs("torch")  # the Keras scripts run on the torch backend here
    _needs(framework)
    cell, x, state, trace = _setup(name)
    path = tmp_path / f"reproduce_{name}_{framework}.py"
    write_reproduce_script(path, cell, x, state, trace, framework)
    proc = _run(path, framework)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().endswith("OK: matches GateScope trace")


@pytest.mark.slow
@pytest.mark.torch
def test_script_fails_on_a_wrong_trace(tmp_path):
    _needs("torch")
    cell, x, state, trace = _setup("lstm")
    trace._h[10, 2] += 1e-8  # beyond rtol 1e-10: the script must notice
    path = tmp_path / "wrong.py"
    write_reproduce_script(path, cell, x, state, trace, "torch")
    proc = _run(path, "torch")
    assert proc.returncode != 0 and "AssertionError" in proc.stderr and "OK" not in proc.stdout


def test_script_embeds_exact_values():
    cell, x, state, trace = _setup("gru-reset-before")
    text = reproduce_script(cell, x, state, trace, "torch")
    namespace = {}
    head = text.split("import torch")[0]  # the data section needs numpy only
    exec(compile(head, "reproduce", "exec"), namespace)
    assert np.array_equal(namespace["WEIGHT_HH"], cell.weight_hh)
    assert np.array_equal(namespace["X"], x) and np.array_equal(namespace["EXPECTED_H"], trace.h)
    assert "written out by hand" in text and "nn.GRUCell" not in text
    compile(text, "reproduce", "exec")
    compile(reproduce_script(cell, x, state, trace, "keras"), "reproduce", "exec")


def test_refusals(tmp_path):
    cell, x, state, trace = _setup("lstm")
    with pytest.raises(InputError, match="framework"):
        reproduce_script(cell, x, state, trace, "jax")
    with pytest.raises(InputError, match="steps"):
        reproduce_script(cell, x[:5], state, trace)
    peep = LSTMCell(cell.weight_ih, cell.weight_hh, weight_peephole=np.ones((3, 4)))
    with pytest.raises(InputError, match="peephole"):
        reproduce_script(peep, x, state, simulator.run(peep, x, state))
    with pytest.raises(InputError):
        write_reproduce_script(tmp_path / "missing" / "x.py", cell, x, state, trace)
