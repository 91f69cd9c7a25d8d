"""The ``trained`` lesson check and a page's ``train`` set-up: claims about what a cell learns.

A ``trained`` check trains a cell with :mod:`simulator.training` (seeded, so the result is
the same on every machine) and compares the mean batch accuracy (or loss) of the last
``last`` iterations with ``min`` / ``max``. Runs are cached per settings, so a page and its
neighbour stating two facts of one run train it once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import numpy as np

from simulator import InputError

__all__ = ["MAX_CHECK_ITERATIONS", "TRAIN_KEYS", "run_trained", "trained_problems", "train_settings_problems"]

#: A page's ``train`` object and a check's ``train`` settings: the Train panel's fields.
TRAIN_KEYS: dict[str, type] = {"task": str, "cell": str, "hidden_size": int, "optimizer": str, "lr": float,
                               "clip": float, "batch": int, "forget_bias": float, "seed": int,
                               "iterations": int}
MAX_CHECK_ITERATIONS = 3000  # a lesson's claim is about a demonstration the user can watch


def _is(value: Any, kind: type) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, kind) or (kind is float and isinstance(value, int))


def train_settings_problems(settings: Any) -> list[str]:
    """The problems of a ``train`` object (empty when the Train panel can take it)."""
    if not isinstance(settings, dict):
        return ["'train' must be an object"]
    problems = [f"unknown training setting {k!r}" for k in settings if k not in TRAIN_KEYS]
    problems += [f"training setting {k!r} must be {TRAIN_KEYS[k].__name__}" for k in settings
                 if k in TRAIN_KEYS and not _is(settings[k], TRAIN_KEYS[k])]
    if problems:
        return problems
    from simulator.training import TrainConfig, Trainer

    try:
        Trainer(TrainConfig(**{**settings, "iterations": 0}))
    except InputError as err:
        return [str(err)]
    if settings.get("iterations", 1) > MAX_CHECK_ITERATIONS:
        return [f"'iterations' above {MAX_CHECK_ITERATIONS}"]
    return []


def trained_problems(check: dict[str, Any]) -> list[str]:
    """The problems of a ``trained`` check whose fields have the right types."""
    problems = train_settings_problems(check["train"])
    if problems:
        return problems
    iterations = check["train"].get("iterations", 2000)
    if not 1 <= check["last"] <= iterations:
        problems.append(f"'last' must be 1 … {iterations}")
    if check.get("measure", "accuracy") not in ("accuracy", "loss"):
        problems.append("'measure' must be 'accuracy' or 'loss'")
    if not {"min", "max"} & set(check):
        problems.append("a trained check needs 'min' or 'max'")
    return problems


@lru_cache(maxsize=32)
def _history(settings_json: str) -> dict[str, np.ndarray]:
    from simulator.training import train

    settings = json.loads(settings_json)
    return train(**{**settings, "snapshot_every": 10**6}).history()


def run_trained(check: dict[str, Any]) -> tuple[bool, float, str]:
    """Train as the check says; ``(ok, measured, message)`` with the mean of the last ``last`` iterations.

    Returns
    -------
    ok : bool
    measured : float
        The mean batch accuracy (or loss) over the last ``last`` iterations.
    message : str
    """
    measure = check.get("measure", "accuracy")
    history = _history(json.dumps(check["train"], sort_keys=True))
    measured = float(np.mean(history[measure][-check["last"]:]))
    low, high = check.get("min", -np.inf), check.get("max", np.inf)
    ok = bool(low <= measured <= high)
    settings = ", ".join(f"{k}={v}" for k, v in sorted(check["train"].items()))
    return ok, measured, (f"{measure} over the last {check['last']} iterations is {measured:.3f} "
                          f"(claimed {low:g} … {high:g}; {settings})")
