"""The document: a cell, its inputs, the initial state and the view settings, saved as JSON.

A session file is plain JSON (no pickle), validated on load; floats are written
with ``repr`` so they read back bit for bit. Writes are atomic.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from simulator.core.cells import CELL_CLASSES, Cell
from simulator.core.errors import InputError
from simulator.core.simulation import validate_inputs, validate_state
from simulator.io.inputs.numeric_text import loads_bounded
from simulator.io.limits import read_limited

__all__ = ["Session", "SESSION_FORMAT", "MAX_SESSION_BYTES", "cell_to_dict", "cell_from_dict"]

SESSION_FORMAT = "gatescope-session"
SESSION_VERSION = 1
MAX_SESSION_BYTES = 512 * 1024 * 1024
_CELL_OPTIONS = {"rnn": {"nonlinearity"}, "lstm": set(), "gru": {"reset_after"}}


def cell_to_dict(cell: Cell) -> dict[str, Any]:
    """The cell as JSON-ready data: its config plus ``parameters`` as nested lists."""
    return {**cell.config(), "parameters": {k: v.tolist() for k, v in cell.parameters().items()}}


def cell_from_dict(data: Any) -> Cell:
    """Rebuild a cell from :func:`cell_to_dict` output, validating every field."""
    if not isinstance(data, dict):
        raise InputError("session: 'cell' must be an object")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in CELL_CLASSES:
        raise InputError(f"session: unknown cell kind {kind!r}")
    params = data.get("parameters")
    if not isinstance(params, dict):
        raise InputError("session: cell 'parameters' missing")
    allowed = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}
    if kind == "lstm":
        allowed.add("weight_peephole")
    unknown = set(params) - allowed
    if unknown or not {"weight_ih", "weight_hh"} <= set(params):
        raise InputError(f"session: cell parameters must be {sorted(allowed)}, got {sorted(params)}")
    options = {k: data[k] for k in _CELL_OPTIONS[kind] if k in data}
    if "reset_after" in options and not isinstance(options["reset_after"], bool):
        raise InputError("session: reset_after must be true or false")
    dtype = data.get("dtype", "float64")
    if dtype not in ("float64", "float32"):
        raise InputError(f"session: dtype must be float64 or float32, not {dtype!r}")
    arrays = {k: _numeric(v, f"cell.{k}") for k, v in params.items()}
    cell = CELL_CLASSES[kind](**arrays, dtype=dtype, **options)
    direction = data.get("direction", "forward")
    if direction not in ("forward", "reverse"):
        raise InputError(f"session: direction must be 'forward' or 'reverse', not {direction!r}")
    cell.direction = direction
    for key in ("input_size", "hidden_size"):
        if key in data and data[key] != getattr(cell, key):
            raise InputError(f"session: {key} is {data[key]} but the weights say {getattr(cell, key)}")
    return cell


def _numeric(value: Any, name: str) -> np.ndarray:
    """A nested list of numbers as a float64 array (bools, strings, null and ragged lists refused)."""
    try:
        arr = np.array(value)
    except (TypeError, ValueError):
        arr = np.array(None, dtype=object)
    if arr.dtype.kind not in "fiu":
        raise InputError(f"session: {name} must be a rectangular array of numbers")
    return arr.astype(np.float64)


@dataclass
class Session:
    """Everything the user made: the cell, the inputs, the initial state and the view.

    Attributes
    ----------
    cell : Cell
    inputs : ndarray, shape (T, D)
    h0, c0 : ndarray, shape (H,), optional
        Initial state (``c0`` only for the LSTM); zeros when None.
    step : int
        The step the user was looking at.
    title, description : str
        A preset's name and its explanation (empty for the user's own work).
    input_labels : list of str
        One label per input dimension (the vocabulary for text), or empty.
    settings : dict
        View settings (selected unit, speed …), JSON values only.
    """

    cell: Cell
    inputs: np.ndarray
    h0: np.ndarray | None = None
    c0: np.ndarray | None = None
    step: int = 0
    title: str = ""
    description: str = ""
    input_labels: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.inputs = validate_inputs(self.inputs, self.cell.input_size, self.cell.dtype)
        given = {k: v for k, v in (("h", self.h0), ("c", self.c0)) if v is not None}
        self.h0, self.c0 = validate_state(self.cell, given)
        if not isinstance(self.step, int) or isinstance(self.step, bool):
            raise InputError("session: step must be an integer")
        self.step = max(0, min(self.step, max(len(self.inputs) - 1, 0)))

    @classmethod
    def trusted(cls, **fields: Any) -> Session:
        """A Session of fields taken from a document already validated (no checks, no copies).

        The autosave writes the open document from its own copy; validating and copying
        32 MB of inputs again in the writer thread would only hold the interpreter longer.
        """
        session = cls.__new__(cls)
        for f in dataclasses.fields(cls):
            value = fields.get(f.name, f.default)
            if value is dataclasses.MISSING:
                value = f.default_factory()  # type: ignore[misc]
            setattr(session, f.name, value)
        return session

    def state(self) -> dict[str, np.ndarray]:
        """The initial state as ``{"h": (H,), "c": (H,)}``."""
        out = {"h": self.h0}
        if self.c0 is not None:
            out["c"] = self.c0
        return out

    # -- JSON --------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (see the module docstring)."""
        state = {"h0": self.h0.tolist()}
        if self.c0 is not None:
            state["c0"] = self.c0.tolist()
        return {"format": SESSION_FORMAT, "version": SESSION_VERSION, "title": self.title,
                "description": self.description, "cell": cell_to_dict(self.cell),
                "inputs": self.inputs.tolist(), "input_labels": list(self.input_labels),
                "initial_state": state, "step": self.step, "settings": self.settings}

    @classmethod
    def from_dict(cls, data: Any) -> Session:
        """Validate and rebuild a session; :class:`InputError` names the first problem."""
        try:
            return cls._from_dict(data)
        except (InputError, RecursionError):
            raise
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as err:
            # a check this function lacks: still the file's fault, still one line
            text = " ".join(f"{type(err).__name__}: {err}".split())[:200]
            raise InputError(f"session: unusable content ({text})") from None

    @classmethod
    def _from_dict(cls, data: Any) -> Session:
        if not isinstance(data, dict) or data.get("format") != SESSION_FORMAT:
            raise InputError("not a GateScope session (missing \"format\": \"gatescope-session\")")
        version = data.get("version", 0)
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise InputError(f"session: version must be a whole number, not {json.dumps(version)[:40]}")
        if version > SESSION_VERSION:
            raise InputError(f"session version {version} is newer than this GateScope reads")
        cell = cell_from_dict(data.get("cell"))
        inputs = _numeric(data.get("inputs"), "inputs")
        if inputs.ndim != 2:
            raise InputError(f"session: inputs must be a list of steps, got shape {inputs.shape}")
        state = data.get("initial_state") or {}
        if not isinstance(state, dict):
            raise InputError("session: initial_state must be an object")
        h0 = _numeric(state["h0"], "h0") if "h0" in state else None
        c0 = _numeric(state["c0"], "c0") if "c0" in state else None
        for key, kind in (("title", str), ("description", str), ("settings", dict),
                          ("input_labels", list), ("step", int)):
            if key in data and not isinstance(data[key], kind):
                raise InputError(f"session: {key} has the wrong type")
        labels = data.get("input_labels", [])
        if not all(isinstance(s, str) for s in labels):
            raise InputError("session: input_labels must be strings")
        return cls(cell=cell, inputs=inputs, h0=h0, c0=c0, step=data.get("step", 0),
                   title=data.get("title", ""), description=data.get("description", ""),
                   input_labels=labels, settings=data.get("settings", {}))

    def to_json(self) -> str:
        """The session as JSON text."""
        return json.dumps(self.to_dict(), indent=1, allow_nan=False)

    def save(self, path: str | os.PathLike) -> None:
        """Write the session atomically (temporary file, then rename)."""
        from simulator.io.atomic import atomic_write

        text = self.to_json().encode("utf-8")
        with atomic_write(path, binary=True) as fh:
            fh.write(text)

    @classmethod
    def load(cls, path: str | os.PathLike) -> Session:
        """Read and validate a session file."""
        path = Path(path)
        try:  # a regular file only; its inputs table parsed by numpy, not into a list per step
            data = loads_bounded(read_limited(path, MAX_SESSION_BYTES, "session file"), path.name,
                                 parse_constant=_refuse_constant)
        except InputError:
            raise
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"{path.name}: cannot read ({err})") from None
        except json.JSONDecodeError as err:
            raise InputError(f"{path.name}: not valid JSON ({err.msg} at line {err.lineno})") from None
        except ValueError as err:  # e.g. an integer literal of thousands of digits
            raise InputError(f"{path.name}: not usable JSON ({' '.join(str(err).split())[:120]})") from None
        except RecursionError:
            raise InputError(f"{path.name}: JSON nested too deeply") from None
        try:
            return cls.from_dict(data)
        except RecursionError:
            raise InputError(f"{path.name}: JSON nested too deeply") from None


def _refuse_constant(name: str) -> None:
    raise InputError(f"session: {name} is not allowed in a session file")
