"""Reproduce: a standalone Python script that rebuilds the cell in PyTorch or Keras and checks the trace.

The script embeds the weights, the initial state, the inputs and GateScope's trace as
base64 of little-endian float64 bytes (exact), rebuilds the cell with the framework's own
layers, runs it and asserts that it matches::

    python reproduce_lstm.py        ->  OK: matches GateScope trace

PyTorch runs in the cell's dtype (``rtol 1e-10`` for float64, ``1e-5`` for float32) with
``nn.RNNCell`` / ``LSTMCell`` / ``GRUCell`` in a loop; a GRU with the reset before the
matmul has no PyTorch module, so its step is written out in torch operations. Keras 3
runs ``SimpleRNN`` / ``LSTM`` / ``GRU`` (``return_sequences=True``, ``reset_after`` as the
cell's) in float32 (``rtol 1e-5``); the Keras LSTM has one bias, ``b_ih + b_hh``, and its
GRU stores the gates in the order z, r, h. Peephole LSTMs exist in neither and are refused.
"""

from __future__ import annotations

import base64
import os
import textwrap
from typing import Any

import numpy as np

import simulator
from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.simulation import validate_inputs, validate_state
from simulator.core.trace import Trace
from simulator.io.atomic import atomic_write

__all__ = ["FRAMEWORKS", "reproduce_script", "write_reproduce_script"]

FRAMEWORKS = ("torch", "keras")
_MODULES = {"rnn": "RNNCell", "lstm": "LSTMCell", "gru": "GRUCell"}
_KERAS = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


def _literal(arr: np.ndarray) -> str:
    """``_array("...", shape)``: exact float64 bytes as base64, wrapped at 100 characters."""
    arr = np.ascontiguousarray(arr, dtype="<f8")
    text = base64.b64encode(arr.tobytes()).decode("ascii")
    chunks = [text[k:k + 100] for k in range(0, len(text), 100)] or [""]
    body = "\n".join(f'    "{c}"' for c in chunks)
    return f"_array(\n{body},\n    {tuple(arr.shape)!r})"


def _data(cell: Cell, x: np.ndarray, h0: np.ndarray, c0: np.ndarray | None, trace: Trace) -> str:
    named = {"WEIGHT_IH": cell.weight_ih, "WEIGHT_HH": cell.weight_hh, "BIAS_IH": cell.bias_ih,
             "BIAS_HH": cell.bias_hh, "X": x, "H0": h0, "EXPECTED_H": trace.h}
    if c0 is not None:
        named.update(C0=c0, EXPECTED_C=trace.c)
    return "\n".join(f"{k} = {_literal(v)}" for k, v in named.items())


_TORCH_MODULE = """\
cell = torch.nn.{module}(D, H, {option}dtype=DTYPE)
with torch.no_grad():
    for name, value in (("weight_ih", WEIGHT_IH), ("weight_hh", WEIGHT_HH), ("bias_ih", BIAS_IH),
                        ("bias_hh", BIAS_HH)):
        getattr(cell, name).copy_(torch.from_numpy(value))
"""

_TORCH_RESET_BEFORE = """\
# PyTorch's GRUCell applies the reset after the matmul; this GRU applies it before
# (Cho et al. v3, Keras reset_after=False), so its step is written out by hand.
W_IH, W_HH, B_IH, B_HH = (torch.from_numpy(a).to(DTYPE) for a in (WEIGHT_IH, WEIGHT_HH, BIAS_IH, BIAS_HH))


def cell(x, h):
    gi = x @ W_IH.T + B_IH
    r = torch.sigmoid(gi[:, :H] + h @ W_HH[:H].T + B_HH[:H])
    z = torch.sigmoid(gi[:, H:2 * H] + h @ W_HH[H:2 * H].T + B_HH[H:2 * H])
    n = torch.tanh(gi[:, 2 * H:] + (r * h) @ W_HH[2 * H:].T + B_HH[2 * H:])
    return (1 - z) * n + z * h
"""

_TORCH_LOOP = """\
x = torch.from_numpy(X).to(DTYPE)
h = torch.from_numpy(H0).to(DTYPE)[None]
{init_c}hs, cs = [], []
with torch.no_grad():
    for t in range(len(X)):
        {step}
        hs.append(h[0].double().numpy().copy())
{check}
"""

_KERAS_BODY = """\
import keras  # noqa: E402  (the backend comes from KERAS_BACKEND)

layer = keras.layers.{layer}(H, return_sequences=True, return_state=True, dtype="float32"{options})
layer.build((1, len(X), D))
layer.set_weights([w.astype("float32") for w in {weights}])
outputs = layer(X[None].astype("float32"), initial_state=[{initial}])
hs = keras.ops.convert_to_numpy(outputs[0])[0].astype("float64")
np.testing.assert_allclose(hs, EXPECTED_H, rtol=RTOL, atol=ATOL)
{check_c}print("OK: matches GateScope trace")
"""


def _torch(cell: Cell) -> str:
    dtype = "torch.float64" if cell.dtype == np.float64 else "torch.float32"
    head = f"import torch  # noqa: E402\n\nDTYPE = {dtype}\n"
    if cell.kind == "gru" and not cell.reset_after:
        build, step = _TORCH_RESET_BEFORE, "h = cell(x[t:t + 1], h)"
    else:
        option = f'nonlinearity="{cell.nonlinearity}", ' if cell.kind == "rnn" else ""
        build = _TORCH_MODULE.format(module=_MODULES[cell.kind], option=option)
        step = "h, c = cell(x[t:t + 1], (h, c))\n        cs.append(c[0].double().numpy().copy())" \
            if cell.has_cell else "h = cell(x[t:t + 1], h)"
    check = "np.testing.assert_allclose(np.array(hs), EXPECTED_H, rtol=RTOL, atol=ATOL)\n"
    if cell.has_cell:
        check += "np.testing.assert_allclose(np.array(cs), EXPECTED_C, rtol=RTOL, atol=ATOL)\n"
    check += 'print("OK: matches GateScope trace")'
    init_c = "c = torch.from_numpy(C0).to(DTYPE)[None]\n" if cell.has_cell else ""
    return head + "\n" + build + "\n" + _TORCH_LOOP.format(init_c=init_c, step=step, check=check)


def _keras(cell: Cell) -> str:
    if cell.kind == "gru":
        zrh = ("[np.concatenate([a[H:2 * H], a[:H], a[2 * H:]])\n"
               "                  for a in (WEIGHT_IH, WEIGHT_HH, BIAS_IH, BIAS_HH)]")
        bias = "np.stack([B_I, B_H])" if cell.reset_after else "B_I + B_H"
        weights = f"[W_I.T, W_H.T, {bias}]"
        prelude = f"W_I, W_H, B_I, B_H = {zrh}  # PyTorch r, z, n -> Keras z, r, h\n"
        options = f", reset_after={cell.reset_after}"
    else:
        weights, prelude = "[WEIGHT_IH.T, WEIGHT_HH.T, BIAS_IH + BIAS_HH]", ""
        options = f', activation="{cell.nonlinearity}"' if cell.kind == "rnn" else ""
    initial = "H0[None].astype(\"float32\")" + (", C0[None].astype(\"float32\")" if cell.has_cell else "")
    check_c = ("np.testing.assert_allclose(keras.ops.convert_to_numpy(outputs[2])[0], EXPECTED_C[-1], "
               "rtol=RTOL, atol=ATOL)\n") if cell.has_cell else ""
    return prelude + "\n" + _KERAS_BODY.format(layer=_KERAS[cell.kind], options=options, weights=weights,
                                                initial=initial, check_c=check_c)


def reproduce_script(cell: Cell, inputs: Any, state: dict[str, Any] | None, trace: Trace,
                     framework: str = "torch") -> str:
    """The text of a standalone script that rebuilds ``cell`` in ``framework`` and checks ``trace``.

    Parameters
    ----------
    cell : Cell
    inputs : array_like, shape (T, D)
    state : dict, optional
        ``{"h": (H,), "c": (H,)}``, zeros where absent.
    trace : Trace
        GateScope's run of ``cell`` on ``inputs`` from ``state`` (T ≥ 1 steps).
    framework : {"torch", "keras"}

    Returns
    -------
    str
        Python source; run it to print ``OK: matches GateScope trace`` (or fail an assertion).

    Raises
    ------
    InputError
        Unknown framework, a peephole LSTM, or a trace that does not belong to the inputs.
    """
    if framework not in FRAMEWORKS:
        raise InputError(f"framework must be 'torch' or 'keras', not {framework!r}")
    if getattr(cell, "weight_peephole", None) is not None:
        raise InputError("PyTorch and Keras have no peephole LSTM; this cell cannot be reproduced there")
    x = validate_inputs(inputs, cell.input_size, np.float64)
    h0, c0 = validate_state(cell, state)
    if trace.length != len(x) or trace.length == 0 or trace.hidden_size != cell.hidden_size:
        raise InputError(f"reproduce: the trace has {trace.length} steps of {trace.hidden_size} units, "
                         f"the inputs {len(x)} steps and the cell {cell.hidden_size} units (need ≥ 1 step)")
    rtol, atol = ("1e-10", "1e-12") if framework == "torch" and cell.dtype == np.float64 else ("1e-5", "1e-6")
    header = textwrap.dedent(f'''\
        """Rebuild {cell.describe()} in {"PyTorch" if framework == "torch" else "Keras 3"} and check it
        against the trace GateScope {simulator.__version__} computed ({len(x)} steps).

        Arrays are exact float64 values, stored as base64 of little-endian bytes.
        Run: python this_file.py   ->   OK: matches GateScope trace
        """

        import base64

        import numpy as np


        def _array(text, shape):
            return np.frombuffer(base64.b64decode(text), dtype="<f8").reshape(shape).copy()


        D, H = {cell.input_size}, {cell.hidden_size}
        RTOL, ATOL = {rtol}, {atol}
        ''')
    body = _torch(cell) if framework == "torch" else _keras(cell)
    return header + _data(cell, x, h0, c0, trace) + "\n\n" + body


def write_reproduce_script(path: str | os.PathLike[str], cell: Cell, inputs: Any,
                           state: dict[str, Any] | None, trace: Trace, framework: str = "torch") -> None:
    """Write :func:`reproduce_script`'s text to ``path`` atomically (UTF-8)."""
    text = reproduce_script(cell, inputs, state, trace, framework)
    with atomic_write(path, binary=False, encoding="utf-8") as fh:
        fh.write(text)
