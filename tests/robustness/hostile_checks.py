"""The property every hostile file must satisfy, and the checks of what a loader returns.

:func:`feed` hands one file to one loader: it must return a valid object or raise
:class:`~simulator.core.errors.InputError` with one non-empty line; anything else fails the
test. It also counts the files per loader and checks that the open session is untouched.
"""

from __future__ import annotations

import contextlib
import json
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from hypothesis import HealthCheck, settings

import simulator
from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.document.session import Session

__all__ = ["BUDGET", "COUNTS", "LOADED", "OPEN_SESSION", "check_cell", "check_inputs", "check_session",
           "feed", "fuzz_settings", "open_session_unchanged"]

settings.register_profile(
    "robustness", database=None, derandomize=True, deadline=1000, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

# Generated files per test (hypothesis max_examples); together at least 10,000.
BUDGET = {
    "weights .safetensors (torch) bytes": 700, "weights .safetensors (keras) bytes": 300,
    "weights .npz (torch) bytes": 600, "weights .npz (keras) bytes": 300, "weights .pt bytes": 400,
    "weights .weights.h5 bytes": 300, "weights .keras bytes": 300, "weights .onnx bytes": 400,
    "weights .safetensors built": 900, "weights .npz built": 800, "weights .pt built": 300,
    "weights .weights.h5 built": 250, "weights .keras built": 200, "weights .onnx built": 400,
    "inputs .npy bytes": 500, "inputs .npy built": 800, "inputs .csv": 900, "inputs .json": 900,
    "initial state .npz": 500,
    "session bytes": 500, "session built": 700, "preset": 400,
    "recovery bytes": 400, "recovery encoded array": 400,
}


def fuzz_settings(key: str) -> settings:
    """The reproducible profile with ``BUDGET[key]`` examples."""
    return settings(settings.get_profile("robustness"), max_examples=BUDGET[key])

COUNTS: Counter[str] = Counter()  # files fed, per loader
LOADED: Counter[str] = Counter()  # of which loaded (the rest were refused)
HANG_SECONDS = 10  # a hard stop well past hypothesis' 1 s deadline, so a real hang fails, not stalls


def _open_session() -> Session:
    cell = simulator.make_cell("lstm", 2, 3, seed=7)
    inputs = np.linspace(-1.0, 1.0, 10).reshape(5, 2)
    return Session(cell=cell, inputs=inputs, title="open", settings={"unit": 1})


OPEN_SESSION = _open_session()
_OPEN_JSON = json.dumps(OPEN_SESSION.to_dict(), sort_keys=True)


def open_session_unchanged() -> None:
    """Assert the session the user has open is exactly as it was."""
    assert json.dumps(OPEN_SESSION.to_dict(), sort_keys=True) == _OPEN_JSON


class Hang(Exception):  # noqa: N818 - reported as a failure, not an error type of the engine
    """A loader ran past :data:`HANG_SECONDS`."""


@contextlib.contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    def ring(signum: int, frame: Any) -> None:
        raise Hang(f"loader still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def feed(key: str, load: Callable[[], Any], check: Callable[[Any], None]) -> str:
    """Run ``load()``; return "loaded" (after ``check`` of the result) or "refused".

    Any exception other than a one-line :class:`InputError` propagates and fails the example.
    """
    COUNTS[key] += 1
    try:
        with _alarm(HANG_SECONDS):
            result = load()
    except InputError as err:
        message = str(err)
        assert message.strip(), "empty InputError message"
        assert len(message.splitlines()) == 1, f"message spans lines: {message!r}"
        open_session_unchanged()
        return "refused"
    check(result)
    LOADED[key] += 1
    open_session_unchanged()
    return "loaded"


def _finite(arr: Any, name: str) -> np.ndarray:
    assert isinstance(arr, np.ndarray), f"{name} is a {type(arr).__name__}"
    assert arr.dtype in (np.float32, np.float64), f"{name} has dtype {arr.dtype}"
    assert np.isfinite(arr).all(), f"{name} holds NaN or inf"
    return arr


def check_cell(cell: Any) -> None:
    """A cell: float parameters, all finite, shapes (G·H, D), (G·H, H), (G·H,)."""
    assert isinstance(cell, Cell), type(cell)
    D, H, G = cell.input_size, cell.hidden_size, cell.blocks
    assert D >= 1 and H >= 1
    shapes = {"weight_ih": (G * H, D), "weight_hh": (G * H, H), "bias_ih": (G * H,), "bias_hh": (G * H,)}
    for name, shape in shapes.items():
        assert _finite(getattr(cell, name), name).shape == shape, name
    peephole = getattr(cell, "weight_peephole", None)
    if peephole is not None:
        assert _finite(peephole, "weight_peephole").shape == (3, H)


def check_inputs(arr: Any, input_size: int | None = None) -> None:
    """An input sequence: finite float64, shape (T, D), T ≥ 1."""
    _finite(arr, "inputs")
    assert arr.dtype == np.float64 and arr.ndim == 2 and arr.shape[0] >= 1 and arr.shape[1] >= 1
    assert input_size is None or arr.shape[1] == input_size


def check_state(cell: Cell, state: Any) -> None:
    """An initial state for ``cell``: h0 (and c0 for the LSTM), finite, shape (H,)."""
    assert isinstance(state, dict) and "h0" in state
    for arr in state.values():
        assert _finite(np.asarray(arr, dtype=np.float64), "state").shape == (cell.hidden_size,)


def check_session(session: Any) -> None:
    """A session: a valid cell, inputs (T, D) of its dtype, h0/c0 of (H,), a step inside T, JSON-able."""
    assert isinstance(session, Session)
    check_cell(session.cell)
    cell = session.cell
    assert session.inputs.ndim == 2 and session.inputs.shape[1] == cell.input_size
    assert session.inputs.dtype == cell.dtype and np.isfinite(session.inputs).all()
    assert _finite(session.h0, "h0").shape == (cell.hidden_size,)
    assert (session.c0 is not None) == cell.has_cell
    if session.c0 is not None:
        assert _finite(session.c0, "c0").shape == (cell.hidden_size,)
    assert 0 <= session.step <= max(len(session.inputs) - 1, 0)
    assert isinstance(session.title, str) and isinstance(session.settings, dict)
    json.dumps(session.to_dict(), allow_nan=False)  # saving it again must work
