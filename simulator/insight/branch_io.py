"""Branches as JSON (kept in a session under ``settings["branches"]``) and as command-line specs.

JSON form (every key but ``start`` optional)::

    {"name": "hold unit 0", "start": 10,
     "forced": [{"gate": "f", "value": 1.0, "units": [0], "start": 10, "stop": null}],
     "inputs": {"12": [0.0, 1.0]},
     "weights": {"bias_ih": [...]}}

Input edits are keyed by the step as a string (JSON object keys are strings). Values are
plain numbers; NaN and infinity are refused.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from simulator.core.errors import InputError
from simulator.insight.branch import Branch, GateForce

__all__ = ["branch_from_dict", "branch_to_dict", "branches_from_settings", "parse_force_spec"]

_KEYS = {"name", "start", "forced", "inputs", "weights"}
_FORCE_KEYS = {"gate", "value", "units", "start", "stop"}
_SPEC = re.compile(r"^([a-z])(?::([0-9,\s]+))?=([^@]+)@([0-9]+)$")
MAX_INDEX = 2**31 - 1  # steps and units; the run refuses anything past its own length and size


def _int(value: Any, what: str, least: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not least <= value <= MAX_INDEX:
        raise InputError(f"branch: {what} must be a whole number from {least} to {MAX_INDEX}, "
                         f"not {str(value)[:40]}")
    return value


def _number(value: Any, what: str) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise InputError(f"branch: {what} must be a finite number, not {value!r}")
    return float(value)


def _array(value: Any, what: str) -> np.ndarray:
    try:
        arr = np.array(value)
    except (TypeError, ValueError):
        arr = np.array(None, dtype=object)
    if arr.dtype.kind not in "fiu" or arr.ndim == 0 or not np.isfinite(arr).all():
        raise InputError(f"branch: {what} must be a rectangular array of finite numbers")
    return arr.astype(np.float64)


def branch_to_dict(branch: Branch) -> dict[str, Any]:
    """The branch as JSON-ready data (lists and numbers; floats round-trip exactly)."""
    return {
        "name": branch.name, "start": int(branch.start),
        "forced": [{"gate": f.gate, "value": float(f.value),
                    "units": None if f.units is None else [int(u) for u in f.units],
                    "start": f.start, "stop": f.stop} for f in branch.forced],
        "inputs": {str(int(k)): np.asarray(v, dtype=np.float64).tolist() for k, v in branch.inputs.items()},
        "weights": {k: np.asarray(v, dtype=np.float64).tolist() for k, v in branch.weights.items()},
    }


def _force_from_dict(data: Any, k: int) -> GateForce:
    if not isinstance(data, dict) or set(data) - _FORCE_KEYS or not {"gate", "value"} <= set(data):
        raise InputError(f"branch: forced[{k}] must be an object with gate, value (units, start, stop)")
    gate = data["gate"]
    if not isinstance(gate, str) or len(gate) != 1:
        raise InputError(f"branch: forced[{k}].gate must be one letter, not {gate!r}")
    units = data.get("units")
    if units is not None:
        if not isinstance(units, list) or not units:
            raise InputError(f"branch: forced[{k}].units must be a non-empty list or null")
        units = tuple(_int(u, f"forced[{k}].units") for u in units)
    start, stop = data.get("start"), data.get("stop")
    return GateForce(gate=gate, value=_number(data["value"], f"forced[{k}].value"), units=units,
                     start=None if start is None else _int(start, f"forced[{k}].start"),
                     stop=None if stop is None else _int(stop, f"forced[{k}].stop", 1))


def branch_from_dict(data: Any) -> Branch:
    """Rebuild a branch from :func:`branch_to_dict` output, checking every field.

    Shapes and ranges that depend on the cell (gate letters, units, steps, parameter
    shapes) are checked when the branch runs (:func:`~simulator.insight.branch.run_branch`).

    Raises
    ------
    InputError
        Not an object, unknown keys, wrong types, NaN or infinity.
    """
    if not isinstance(data, dict):
        raise InputError("branch: expected a JSON object")
    unknown = sorted(set(data) - _KEYS)
    if unknown or "start" not in data:
        raise InputError(f"branch: keys must be {sorted(_KEYS)} with start required, got {sorted(data)}")
    name = data.get("name", "branch")
    if not isinstance(name, str):
        raise InputError("branch: name must be a string")
    forced, inputs, weights = data.get("forced", []), data.get("inputs", {}), data.get("weights", {})
    if not isinstance(forced, list) or not isinstance(inputs, dict) or not isinstance(weights, dict):
        raise InputError("branch: forced must be a list, inputs and weights objects")
    steps = {}
    for key, row in inputs.items():
        if not (isinstance(key, str) and key.isascii() and key.isdigit() and len(key) <= 10):
            raise InputError(f"branch: input edit key {key[:40]!r} is not a step number (0 to {MAX_INDEX})")
        steps[_int(int(key), f"inputs key {key}")] = _array(row, f"inputs[{key}]")
    return Branch(name=name, start=_int(data["start"], "start"),
                  forced=[_force_from_dict(f, k) for k, f in enumerate(forced)], inputs=steps,
                  weights={str(k): _array(v, f"weights[{k}]") for k, v in weights.items()})


def branches_from_settings(settings: dict[str, Any]) -> list[Branch]:
    """The branches a session keeps in ``settings["branches"]`` (a list of branch dicts)."""
    raw = settings.get("branches", [])
    if not isinstance(raw, list):
        raise InputError("session: settings.branches must be a list")
    return [branch_from_dict(item) for item in raw]


def parse_force_spec(spec: str) -> GateForce:
    """Read ``GATE[:UNITS]=VALUE@STEP``, e.g. ``f=1@10`` or ``i:0,2=0@5``.

    Returns
    -------
    GateForce
        Forced from STEP to the end of the run.
    """
    m = _SPEC.match(spec.strip())
    if m is None:
        raise InputError(f"--force-gate {spec!r}: expected GATE[:UNITS]=VALUE@STEP, e.g. f=1@10 or i:0,2=0@5")
    gate, units_text, value_text, step = m.groups()
    try:
        value = float(value_text)
    except ValueError:
        raise InputError(f"--force-gate {spec!r}: {value_text!r} is not a number") from None
    if not math.isfinite(value):
        raise InputError(f"--force-gate {spec!r}: the value must be finite")
    units = None
    if units_text is not None:
        parts = [p.strip() for p in units_text.split(",")]
        if not all(p.isdigit() and len(p) <= 10 and int(p) <= MAX_INDEX for p in parts):
            raise InputError(f"--force-gate {spec!r}: units must be numbers from 0 to {MAX_INDEX} "
                             "separated by commas")
        units = tuple(int(p) for p in parts)
    if len(step) > 10 or int(step) > MAX_INDEX:
        raise InputError(f"--force-gate {spec!r}: the step must be from 0 to {MAX_INDEX}")
    return GateForce(gate=gate, value=value, units=units, start=int(step))
