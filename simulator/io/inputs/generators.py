"""Signal generators: sine, square, impulse, step, noise and the copy task.

Each generator returns a float64 array of shape (T, D). The plain signals are
one scalar sequence repeated in every one of the D columns (``noise`` draws
each column independently). :data:`GENERATORS` describes every parameter
(type, default, range, help) so a dialog can build its form from it, and
:func:`parse_generator_spec` reads the command line's ``name:key=value,...``.

Copy-task layout (``copy``, D = symbols + 2; Hochreiter & Schmidhuber 1997,
Arjovsky et al. 2016)::

    steps 0 … length−1              one-hot symbol in columns 0 … symbols−1 (seeded)
    steps length … length+delay−1   blank: column ``symbols`` = 1
    step  length+delay              recall cue: column ``symbols + 1`` = 1
    every later step                blank; a model should replay the pattern here

so ``steps`` must be at least ``length + delay + 1`` (``2·length + delay + 1``
leaves room for the whole recall). The pattern is ``x[:length, :symbols].argmax(1)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator.core.errors import InputError
from simulator.io.inputs.readers import MAX_VALUES

__all__ = ["GENERATORS", "MAX_STEPS", "Generator", "Param", "generate", "parse_generator_spec"]

MAX_STEPS = 1_000_000


@dataclass(frozen=True)
class Param:
    """One generator parameter: ``minimum`` and ``maximum`` are inclusive."""

    name: str
    type: type
    default: float
    minimum: float
    maximum: float
    help: str


@dataclass(frozen=True)
class Generator:
    """A named generator: ``function(t, params, rng) -> (T,)`` or ``(T, D)`` and its parameters."""

    name: str
    help: str
    params: tuple[Param, ...]
    function: Callable[..., np.ndarray]
    input_size: Callable[[dict[str, Any]], int | None] = lambda p: None  # a fixed D, if any

    def defaults(self) -> dict[str, Any]:
        """Every parameter's default value by name."""
        return {p.name: p.default for p in self.params}


def _sine(t: np.ndarray, p: dict[str, Any], rng: Any) -> np.ndarray:
    return p["amplitude"] * np.sin(2.0 * np.pi * t / p["period"] + p["phase"])


def _square(t: np.ndarray, p: dict[str, Any], rng: Any) -> np.ndarray:
    high = np.mod(t, p["period"]) < p["duty"] * p["period"]
    return np.where(high, p["amplitude"], -p["amplitude"])


def _impulse(t: np.ndarray, p: dict[str, Any], rng: Any) -> np.ndarray:
    return np.where(t == p["at"], p["amplitude"], 0.0)


def _step(t: np.ndarray, p: dict[str, Any], rng: Any) -> np.ndarray:
    return np.where(t >= p["at"], p["amplitude"], 0.0)


def _noise(t: np.ndarray, p: dict[str, Any], rng: np.random.Generator, width: int) -> np.ndarray:
    return rng.normal(0.0, p["std"], (len(t), width))


def _copy(t: np.ndarray, p: dict[str, Any], rng: np.random.Generator, width: int) -> np.ndarray:
    length, symbols, delay = p["length"], p["symbols"], p["delay"]
    x = np.zeros((len(t), symbols + 2))
    x[np.arange(length), rng.integers(0, symbols, length)] = 1.0
    x[length:, symbols] = 1.0             # blanks …
    x[length + delay, symbols] = 0.0
    x[length + delay, symbols + 1] = 1.0  # … except the recall cue
    return x


_AMPLITUDE = Param("amplitude", float, 1.0, -1e6, 1e6, "peak value")
_PERIOD = Param("period", float, 20.0, 1.0, 1e6, "steps per cycle")
_AT = Param("at", int, 0, 0, MAX_STEPS - 1, "the step (from 0) where it happens")
_SEED = Param("seed", int, 0, 0, 2**32 - 1, "random seed (the same seed gives the same sequence)")

GENERATORS: dict[str, Generator] = {g.name: g for g in (
    Generator("sine", "amplitude · sin(2π t / period + phase)",
              (_PERIOD, _AMPLITUDE, Param("phase", float, 0.0, -1e6, 1e6, "phase offset in radians")),
              _sine),
    Generator("square", "+amplitude for the first duty fraction of each period, −amplitude after",
              (_PERIOD, _AMPLITUDE, Param("duty", float, 0.5, 0.0, 1.0, "fraction of each period high")),
              _square),
    Generator("impulse", "amplitude at one step, 0 elsewhere", (_AT, _AMPLITUDE), _impulse),
    Generator("step", "0 before one step, amplitude from it on", (_AT, _AMPLITUDE), _step),
    Generator("noise", "seeded Gaussian white noise, each column independent",
              (Param("std", float, 1.0, 0.0, 1e6, "standard deviation"), _SEED), _noise),
    Generator("copy", "the copy task: a one-hot pattern, blanks, a recall cue (D = symbols + 2)",
              (Param("length", int, 5, 1, 10_000, "symbols in the pattern"),
               Param("symbols", int, 4, 1, 1000, "size of the alphabet"),
               Param("delay", int, 10, 0, MAX_STEPS, "blank steps between pattern and cue"), _SEED),
              _copy, lambda p: p["symbols"] + 2),
)}


def _lookup(name: str) -> Generator:
    gen = GENERATORS.get(str(name).strip().lower())
    if gen is None:
        raise InputError(f"unknown generator {name!r}; choose one of {', '.join(GENERATORS)}")
    return gen


def _coerce(gen: Generator, param: Param, value: Any) -> float | int:
    where = f"generator {gen.name}: {param.name}={value!r}"
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise InputError(f"{where} is not a number") from None
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise InputError(f"{where} is not a number")
    if not math.isfinite(value):
        raise InputError(f"{where} must be finite")
    if param.type is int:
        if value != int(value):
            raise InputError(f"{where} must be a whole number")
        value = int(value)
    else:
        value = float(value)
    if not param.minimum <= value <= param.maximum:
        raise InputError(f"{where} is outside {param.minimum:g} … {param.maximum:g}")
    return value


def _checked(gen: Generator, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` typed and range-checked, with the defaults filled in."""
    known = {p.name: p for p in gen.params}
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise InputError(f"generator {gen.name} has no parameter {unknown[0]!r}; "
                         f"its parameters are {', '.join(known) or 'none'}")
    return {name: _coerce(gen, p, params[name]) if name in params else p.default for name, p in known.items()}


def parse_generator_spec(spec: str) -> tuple[str, dict[str, Any]]:
    """Split ``"sine:period=20,amplitude=0.5"`` into ``("sine", {"period": 20.0, "amplitude": 0.5})``.

    Only the parameters written are returned, typed and range-checked;
    :func:`generate` fills in the rest.
    """
    name, _, rest = str(spec).partition(":")
    gen = _lookup(name)
    given: dict[str, str] = {}
    for piece in filter(None, (s.strip() for s in rest.split(","))):
        key, eq, value = piece.partition("=")
        key = key.strip()
        if not eq or not key:
            raise InputError(f"generator {gen.name}: {piece!r} should be key=value")
        if key in given:
            raise InputError(f"generator {gen.name}: {key} is given twice")
        given[key] = value
    checked = _checked(gen, given)
    return gen.name, {key: checked[key] for key in given}


def generate(name: str, steps: int, input_size: int | None = None, *, seed: int = 0,
             **params: Any) -> np.ndarray:
    """A generated input sequence.

    Parameters
    ----------
    name : str
        A key of :data:`GENERATORS`.
    steps : int
        T, 1 … 1 000 000.
    input_size : int, optional
        D: the columns to fill (1 by default). ``copy`` fixes D = symbols + 2
        and refuses any other value.
    seed : int
        For ``noise`` and ``copy``.
    **params
        The generator's parameters (see :data:`GENERATORS`); defaults fill the rest.

    Returns
    -------
    ndarray, shape (T, D), float64
    """
    gen = _lookup(name)
    values = _checked(gen, {**params, "seed": seed} if "seed" in gen.defaults() else params)
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 1 <= steps <= MAX_STEPS:
        raise InputError(f"steps must be a whole number from 1 to {MAX_STEPS}, not {steps!r}")
    fixed = gen.input_size(values)
    if fixed is not None and input_size is not None and input_size != fixed:
        raise InputError(f"generator {gen.name} makes {fixed} inputs per step, not {input_size}")
    width = fixed or (1 if input_size is None else int(input_size))
    if width < 1 or steps * width > MAX_VALUES:
        raise InputError(f"generator {gen.name}: {steps} steps × {width} inputs is out of range")
    if "at" in values and values["at"] >= steps:
        raise InputError(f"generator {gen.name}: at={values['at']} is past the last step ({steps - 1})")
    if gen.name == "copy" and steps < values["length"] + values["delay"] + 1:
        raise InputError(f"generator copy: needs at least length + delay + 1 = "
                         f"{values['length'] + values['delay'] + 1} steps, not {steps}")
    t = np.arange(steps, dtype=np.float64)
    if "seed" in values:
        out = gen.function(t, values, np.random.default_rng(values["seed"]), width)
    else:
        out = np.repeat(gen.function(t, values, None).reshape(-1, 1), width, axis=1)
    return np.ascontiguousarray(out, dtype=np.float64)
