"""Lesson checks: small claims a lesson page makes, measured against the engine.

A check is a JSON object with a ``type`` from :data:`CHECK_FIELDS` and the fields that
type takes (nothing else). :func:`validate_check` refuses a malformed one without running
anything; :func:`run_check` runs the preset(s) and measures. Steps and units are 0-based
and step ranges ``[a, b]`` include both ends.

The types (``assets/lessons/README.md`` has the table for authors): ``memory_below``
(zeroing input row ``pulse`` stops mattering within ``within`` steps), ``gradient_drop`` /
``gradient_growth`` (‖∂q_end/∂q_t‖ changes by ``factor`` over ``within`` steps back),
``gradient_kept`` (it stays ≥ ``min``), ``step_gain`` / ``gate_range`` / ``value_range``
(one-step gain, a gate or a state within ``min`` / ``max`` on ``steps``), ``value_held``,
``traces_match``, ``parameter_count`` (also checks G·H·(D + H + 2)), ``state_size``,
``step_time`` (a report: timing is never asserted) and ``text_mentions``.

The gradient quantities are those of :func:`simulator.core.gradients.gradient_norms`:
``dhT_dh`` (default) and, for the LSTM, ``dcT_dc``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.gradients import gradient_norms, one_step_jacobian_norms
from simulator.core.simulation import run
from simulator.core.trace import Trace
from simulator.document.presets import load_preset
from simulator.document.session import Session
from simulator.lessons.training_checks import run_trained, trained_problems

__all__ = ["CHECK_FIELDS", "LANGUAGES", "CheckResult", "measure_step_time", "run_check", "validate_check"]

_P, _U = {"preset": str}, {"unit": int}
_GRADIENT = {**_P, "end": int, "within": int, "factor": float}
_BOUNDS = {"min": float, "max": float}
#: type -> (required fields, optional fields), each field -> its JSON type.
CHECK_FIELDS: dict[str, tuple[dict[str, type], dict[str, type]]] = {
    "memory_below": ({**_P, "pulse": int, "threshold": float, "within": int},
                     {"quantity": str, **_U}),
    "gradient_drop": (_GRADIENT, {"quantity": str, "monotonic": bool}),
    "gradient_growth": (_GRADIENT, {"quantity": str, "monotonic": bool}),
    "gradient_kept": ({**_P, "end": int, "from": int, "min": float}, {"quantity": str}),
    "step_gain": ({**_P, "steps": list}, _BOUNDS),
    "gate_range": ({**_P, "gate": str, **_U, "steps": list}, _BOUNDS),
    "value_range": ({**_P, "quantity": str, **_U, "steps": list}, _BOUNDS),
    "value_held": ({**_P, "quantity": str, **_U, "from": int, "to": int, "ratio": float}, {}),
    "traces_match": ({"presets": list, "quantities": list, "atol": float}, {}),
    "parameter_count": ({**_P, "equals": int}, {}),
    "state_size": ({**_P, "equals": int}, {}),
    "step_time": (_P, {"repeats": int}),
    "text_mentions": ({"lang": str, "terms": list}, {}),
    "trained": ({"train": dict, "last": int}, {**_P, **_BOUNDS, "measure": str, "slow": bool}),
}
_TEXT_ONLY = {"text_mentions"}
LANGUAGES = ("en", "ko")  # every text of a lesson exists in each


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check.

    Attributes
    ----------
    ok : bool
    measured : float or tuple of float
        The value compared with the claim; ``(lowest, highest)`` for the range checks.
    message : str
        One line for people: the claim and what was measured.
    """

    ok: bool
    measured: float | tuple[float, float]
    message: str


# -- validation ---------------------------------------------------------------------------
def _is(value: Any, kind: type) -> bool:
    if isinstance(value, bool):
        return kind is bool
    return isinstance(value, kind) or (kind is float and isinstance(value, int))


def validate_check(check: Any, kinds: dict[str, tuple[str, int, int]]) -> list[str]:
    """The problems of one check as short phrases (empty when it is well formed).

    Parameters
    ----------
    check : object
        The check as read from JSON.
    kinds : dict of str to (kind, length, hidden_size)
        Every known preset id with its cell kind, its number of steps and H.
    """
    if not (isinstance(check, dict) and isinstance(check.get("type"), str) and check["type"] in CHECK_FIELDS):
        got = check.get("type") if isinstance(check, dict) else check
        return [f"unknown check type {got!r}; known: {', '.join(CHECK_FIELDS)}"]
    required, optional = CHECK_FIELDS[check["type"]]
    fields = {"type": str, **required, **optional}
    problems = [f"unknown field {k!r}" for k in check if k not in fields]
    problems += [f"missing field {k!r}" for k in required if k not in check]
    problems += [f"{k!r} must be {fields[k].__name__}" for k in check if k in fields
                 and not _is(check[k], fields[k])]
    if problems or check["type"] in _TEXT_ONLY:
        return problems or _text_problems(check)
    if check["type"] == "trained":
        return trained_problems(check)
    presets = check["presets"] if "presets" in check else [check["preset"]]
    unknown = [p for p in presets if p not in kinds]
    if unknown or len(presets) != (2 if "presets" in check else 1):
        return [f"unknown preset(s) {unknown}" if unknown else "'presets' must name two presets"]
    kind, length, hidden = kinds[presets[0]]
    if check["type"] == "traces_match":
        qs = check["quantities"]
        ok = len(qs) == 2 and all(q in ("x", *_states(kinds[p][0]))
                                  for p, q in zip(presets, qs, strict=False))
        return [] if ok else [f"'quantities' must name a state of each preset, got {qs}"]
    steps = [check[k] for k in ("pulse", "end", "from", "to") if k in check] + list(check.get("steps", []))
    problems += [f"step {s!r} outside 0..{length - 1}" for s in steps
                 if not (_is(s, int) and 0 <= s < length)]
    if not problems and "steps" in check and not (len(check["steps"]) == 2
                                                  and check["steps"][0] <= check["steps"][1]):
        problems.append(f"'steps' must be [first, last], got {check['steps']}")
    if "unit" in check and not 0 <= check["unit"] < hidden:
        problems.append(f"unit {check['unit']} outside 0..{hidden - 1}")
    if "gate" in check and check["gate"] not in _GATES[kind]:
        problems.append(f"the {kind.upper()} cell has no gate {check['gate']!r}")
    allowed = _GRADIENTS[kind] if check["type"].startswith("gradient") else _states(kind)
    if "quantity" in check and check["quantity"] not in allowed:
        problems.append(f"quantity {check['quantity']!r} is not one of {allowed}")
    if not 0 <= check.get("within", 0) <= check.get("end", check.get("within", 0)):
        problems.append(f"'within' {check['within']} must be ≥ 0 and not reach before step 0")
    if "from" in check and "end" in check and check["from"] > check["end"]:
        problems.append(f"'from' {check['from']} is after 'end' {check['end']}")
    if not {"min", "max"} & set(check) and check["type"] in ("step_gain", "gate_range", "value_range"):
        problems.append("a range needs 'min' or 'max'")
    return problems


def _text_problems(check: dict[str, Any]) -> list[str]:
    terms = check["terms"]
    if check["lang"] not in LANGUAGES:
        return [f"lang {check['lang']!r} is not one of {LANGUAGES}"]
    if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
        return ["'terms' must be a non-empty list of words"]
    return []


_GATES = {"rnn": (), "lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}
_GRADIENTS = {"rnn": ("dhT_dh",), "lstm": ("dhT_dh", "dcT_dc"), "gru": ("dhT_dh",)}


def _states(kind: str) -> tuple[str, ...]:
    return ("h", "c") if kind == "lstm" else ("h",)


# -- measuring ----------------------------------------------------------------------------
@lru_cache(maxsize=32)
def _preset_run(preset_id: str) -> tuple[Session, Trace]:
    """The preset and its trace (cached: presets are read-only assets)."""
    session = load_preset(preset_id)
    return session, run(session.cell, session.inputs, session.state())


def _series(trace: Trace, quantity: str, unit: int | None) -> np.ndarray:
    """State or gate ``quantity`` over time: one unit (T,), or all units (T, H)."""
    values = trace.gates[quantity] if quantity in trace.gates else getattr(trace, quantity)  # or x, h, c
    return values if unit is None else values[:, unit]


def _memory_below(c: dict[str, Any]) -> CheckResult:
    session, trace = _preset_run(c["preset"])
    quantity, unit, pulse = c.get("quantity", "h"), c.get("unit"), c["pulse"]
    blank_inputs = session.inputs.copy()
    blank_inputs[pulse] = 0.0
    blank = run(session.cell, blank_inputs, session.state())
    diff = np.abs(_series(trace, quantity, unit) - _series(blank, quantity, unit))
    if diff.ndim == 2:
        diff = np.linalg.norm(diff, axis=1)
    memory = diff[pulse:] / diff[pulse] if diff[pulse] > 0 else np.ones(len(diff) - pulse)
    last_above = int(np.flatnonzero(memory >= c["threshold"])[-1]) if c["threshold"] <= 1 else -1
    steps = float(last_above + 1) if last_above + 1 < len(memory) else float("inf")
    return CheckResult(steps <= c["within"], steps,
                       f"{quantity} keeps the step-{pulse} input above {c['threshold']:g} of its size "
                       f"for {steps:g} steps (claim: ≤ {c['within']})")


def _gradient(c: dict[str, Any]) -> CheckResult:
    session, trace = _preset_run(c["preset"])
    quantity, end = c.get("quantity", "dhT_dh"), c["end"]
    t = c.get("from", end - c.get("within", 0))
    g = gradient_norms(session.cell, trace, end, start=min(t, end))[quantity]
    with np.errstate(divide="ignore", invalid="ignore"):
        measured = float({"gradient_drop": g[end] / g[t], "gradient_growth": g[t] / g[end],
                          "gradient_kept": g[t]}[c["type"]])
    bound = c.get("factor", c.get("min"))
    ok = measured >= bound
    if c.get("monotonic"):
        steps = np.diff(g[t:end + 1])
        ok = ok and bool(np.all(steps > 0) if c["type"] == "gradient_drop" else np.all(steps < 0))
    what = {"gradient_drop": "shrinks by", "gradient_growth": "grows by", "gradient_kept": "is"}[c["type"]]
    return CheckResult(bool(ok), measured, f"‖{quantity}‖ from step {end} back to step {t} {what} "
                                           f"{measured:.3g} (claim: ≥ {bound:g})")


def _range(c: dict[str, Any]) -> CheckResult:
    session, trace = _preset_run(c["preset"])
    a, b = c["steps"]
    if c["type"] == "step_gain":
        values, name = one_step_jacobian_norms(session.cell, trace, a, b + 1)[a:b + 1], "one-step gain"
    else:
        name = c.get("gate", c.get("quantity"))
        values = _series(trace, name, c["unit"])[a:b + 1]
    lo, hi = float(values.min()), float(values.max())
    ok = lo >= c.get("min", -np.inf) and hi <= c.get("max", np.inf)
    claim = " and ".join(f"{k} {c[k]:g}" for k in ("min", "max") if k in c) or "no bound"
    return CheckResult(bool(ok), (lo, hi),
                       f"{name} on steps {a}..{b} spans {lo:.4g}..{hi:.4g} (claim: {claim})")


def _value_held(c: dict[str, Any]) -> CheckResult:
    _, trace = _preset_run(c["preset"])
    values = _series(trace, c["quantity"], c["unit"])
    first, last = float(values[c["from"]]), float(values[c["to"]])
    ratio = last / first if first else 0.0
    q = c["quantity"]
    return CheckResult(ratio >= c["ratio"], ratio, f"{q}[{c['to']}] / {q}[{c['from']}] = {last:.4g} / "
                                                   f"{first:.4g} = {ratio:.4g} (claim: ≥ {c['ratio']:g})")


def _traces_match(c: dict[str, Any]) -> CheckResult:
    (a, qa), (b, qb) = zip(c["presets"], c["quantities"], strict=True)
    va, vb = _series(_preset_run(a)[1], qa, None), _series(_preset_run(b)[1], qb, None)
    gap = float(np.abs(va - vb).max()) if va.shape == vb.shape else float("inf")
    return CheckResult(gap <= c["atol"], gap, f"{a} {qa} and {b} {qb} differ by at most {gap:.3g} "
                                              f"(claim: ≤ {c['atol']:g})")


def _sizes(c: dict[str, Any]) -> CheckResult:
    cell: Cell = _preset_run(c["preset"])[0].cell
    D, H = cell.input_size, cell.hidden_size
    if c["type"] == "state_size":
        size = H * len(cell.state_names)
        return CheckResult(size == c["equals"], float(size), f"{cell.kind.upper()} carries "
                           f"{'+'.join(cell.state_names)} = {size} numbers per step (claim: {c['equals']})")
    count = sum(p.size for p in cell.parameters().values() if p is not None)
    formula = cell.blocks * H * (D + H + 2)
    return CheckResult(count == formula == c["equals"], float(count),
                       f"{cell.kind.upper()} has {count} parameters; {cell.blocks}·{H}·({D}+{H}+2) = "
                       f"{formula} (claim: {c['equals']})")


def measure_step_time(preset_id: str, repeats: int = 5) -> float:
    """Microseconds per step for the preset's cell over its inputs, the best of ``repeats`` runs."""
    session = load_preset(preset_id)
    best = float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        run(session.cell, session.inputs, session.state())
        best = min(best, time.perf_counter() - start)
    return 1e6 * best / max(1, len(session.inputs))


def _step_time(c: dict[str, Any]) -> CheckResult:
    us = measure_step_time(c["preset"], c.get("repeats", 5))
    return CheckResult(bool(np.isfinite(us) and us > 0), us,
                       f"{c['preset']}: {us:.1f} µs per step on this machine (reported, not asserted)")


def _text_mentions(c: dict[str, Any], text: str) -> CheckResult:
    missing = [term for term in c["terms"] if term not in text]
    found = len(c["terms"]) - len(missing)
    return CheckResult(not missing, float(found), f"{c['lang']} text mentions {found} of {len(c['terms'])} "
                                                  f"terms" + (f"; missing {missing}" if missing else ""))


_RUNNERS = {"memory_below": _memory_below, "gradient_drop": _gradient, "gradient_growth": _gradient,
            "gradient_kept": _gradient, "step_gain": _range, "gate_range": _range, "value_range": _range,
            "value_held": _value_held, "traces_match": _traces_match, "parameter_count": _sizes,
            "state_size": _sizes, "step_time": _step_time}


def run_check(check: dict[str, Any], text: dict[str, str] | None = None) -> CheckResult:
    """Measure one validated check against the engine.

    Parameters
    ----------
    check : dict
        A check that :func:`validate_check` accepts (``preset`` filled in).
    text : dict of str to str, optional
        The page's title and body by language, for ``text_mentions``.

    Returns
    -------
    CheckResult
    """
    if check["type"] == "text_mentions":
        return _text_mentions(check, (text or {}).get(check["lang"], ""))
    if check["type"] == "trained":
        return CheckResult(*run_trained(check))
    return _RUNNERS[check["type"]](check)
