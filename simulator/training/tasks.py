"""Tasks to train a cell on: batches of ``(inputs, targets)`` drawn with a seeded generator.

Specs are written like the input generators', ``name:key=value,...``:

``recall:delay=K,symbols=S,distractors=P``
    Delayed recall, the long-term dependency in its purest form. T = K + 2, O = S. Step 0
    shows one of S symbols (one-hot in columns 0 … S−1); steps 1 … K are blank (``P = 0``,
    the default; D = S + 1), or each shows, with probability P, a random distractor symbol
    from a second alphabet of S (columns S … 2S−1; D = 2S + 1); the last step is the cue
    (the last column). The target, at the cue only, is the symbol of step 0 (cross-entropy;
    −1 elsewhere). Chance accuracy is 1/S.
``adding:length=L``
    The adding problem (Hochreiter & Schmidhuber 1997, in the form of Le et al. 2015):
    D = 2, O = 1. Column 0 holds L values from U(0, 1), column 1 marks one step in the first
    half and one in the second; the target at the last step is the sum of the two marked
    values (MSE; NaN elsewhere). Predicting 1 always gives an MSE of about 0.167.
``sine:length=L,period=P``
    Next value of a sine with a random phase per sequence: D = O = 1, a target at every step.
``text:length=L,path=FILE``
    Next character of a text (``assets/texts/gates-ko.txt``, a Korean text on RNN, LSTM and GRU,
    by default): D = O = the number of distinct characters, one-hot inputs, class targets at
    every step, windows at random offsets. ``path`` takes the rest of the spec, so it may contain commas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from simulator import InputError
from simulator.io.limits import read_limited

__all__ = ["TASKS", "Task", "default_text_path", "parse_task"]

MAX_TEXT_BYTES = 16 * 2**20  # a training text: far more than a vocabulary of MAX_VOCABULARY needs
MAX_VOCABULARY = 4096
MAX_LENGTH = 100_000

#: name -> {parameter: (type, default, minimum, maximum)}
TASKS: dict[str, dict[str, tuple[type, Any, float, float]]] = {
    "recall": {"delay": (int, 20, 0, MAX_LENGTH), "symbols": (int, 4, 2, 256),
               "distractors": (float, 0.0, 0.0, 1.0)},
    "adding": {"length": (int, 50, 2, MAX_LENGTH)},
    "sine": {"length": (int, 50, 1, MAX_LENGTH), "period": (float, 20.0, 2.0, 1e6)},
    "text": {"length": (int, 50, 1, MAX_LENGTH), "path": (str, "", 0, 0)},
}


def default_text_path() -> Path:
    """The default training text: ``assets/texts/gates-ko.txt``, a Korean text on RNN, LSTM and GRU."""
    from simulator.document.paths import assets_dir

    return assets_dir() / "texts" / "gates-ko.txt"


@dataclass
class Task:
    """A parsed task: its sizes, loss, and a batch sampler.

    Attributes
    ----------
    name : str
    params : dict
        Every parameter, defaults filled in.
    input_size, output_size, steps : int
        D, O and T.
    loss : {"mse", "cross_entropy"}
    vocabulary : str
        The text task's characters, in class order (empty otherwise).
    """

    name: str
    params: dict[str, Any]
    input_size: int
    output_size: int
    steps: int
    loss: str
    vocabulary: str = ""
    _codes: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64), repr=False)

    @property
    def spec(self) -> str:
        """The spec that builds this task again, every parameter written out."""
        return f"{self.name}:" + ",".join(f"{k}={v}" if isinstance(v, str) else f"{k}={v:g}"
                                          for k, v in self.params.items())

    @property
    def has_accuracy(self) -> bool:
        """True for class targets (recall, text)."""
        return self.loss == "cross_entropy"

    def batch(self, rng: np.random.Generator, size: int) -> tuple[np.ndarray, np.ndarray]:
        """``size`` fresh sequences.

        Returns
        -------
        inputs : ndarray, shape (B, T, D), float64
        targets : ndarray, shape (B, T) int64 (−1 = none) for cross-entropy tasks,
            (B, T, O) float64 (NaN = none) for MSE tasks
        """
        return getattr(self, f"_{self.name}")(rng, int(size))

    def probe(self, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """One fixed sequence to look at while training: inputs (T, D) and its targets (unbatched)."""
        x, y = self.batch(np.random.default_rng(seed), 1)
        return x[0], y[0]

    def _recall(self, rng: np.random.Generator, B: int) -> tuple[np.ndarray, np.ndarray]:
        S, K, T = self.params["symbols"], self.params["delay"], self.steps
        x = np.zeros((B, T, self.input_size))
        rows = np.arange(B)
        symbol = rng.integers(0, S, B)
        x[rows, 0, symbol] = 1.0
        density = self.params["distractors"]
        if density and K:
            noise = S + rng.integers(0, S, (B, K))
            shown = rng.random((B, K)) < density if density < 1.0 else 1.0
            x[rows[:, None], np.arange(1, K + 1), noise] = shown
        x[:, T - 1, -1] = 1.0
        y = np.full((B, T), -1, dtype=np.int64)
        y[:, T - 1] = symbol
        return x, y

    def _adding(self, rng: np.random.Generator, B: int) -> tuple[np.ndarray, np.ndarray]:
        L = self.steps
        x = np.zeros((B, L, 2))
        x[:, :, 0] = rng.random((B, L))
        half = L // 2
        first, second = rng.integers(0, half, B), rng.integers(half, L, B)
        rows = np.arange(B)
        x[rows, first, 1] = x[rows, second, 1] = 1.0
        y = np.full((B, L, 1), np.nan)
        y[:, L - 1, 0] = x[rows, first, 0] + x[rows, second, 0]
        return x, y

    def _sine(self, rng: np.random.Generator, B: int) -> tuple[np.ndarray, np.ndarray]:
        L, period = self.steps, self.params["period"]
        phase = rng.uniform(0.0, 2.0 * np.pi, (B, 1))
        wave = np.sin(2.0 * np.pi * np.arange(L + 1) / period + phase)
        return wave[:, :L, None].copy(), wave[:, 1:, None].copy()

    def _text(self, rng: np.random.Generator, B: int) -> tuple[np.ndarray, np.ndarray]:
        L, codes = self.steps, self._codes
        start = rng.integers(0, codes.size - L, B)
        window = codes[start[:, None] + np.arange(L + 1)]
        x = np.zeros((B, L, self.input_size))
        x[np.arange(B)[:, None], np.arange(L), window[:, :L]] = 1.0
        return x, window[:, 1:].copy()


def _value(task: str, key: str, text: str, kind: type, low: float, high: float) -> Any:
    where = f"task {task}: {key}={text!r}"
    if kind is str:
        return text
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{where} is not a number") from None
    if not math.isfinite(value):
        raise InputError(f"{where} must be finite")
    if kind is int:
        if value != int(value):
            raise InputError(f"{where} must be a whole number")
        value = int(value)
    if not low <= value <= high:
        raise InputError(f"{where} is outside {low:g} … {high:g}")
    return value


def _read_text(path: str) -> tuple[str, np.ndarray]:
    """The vocabulary (sorted characters) and the text as class codes.

    Read like every untrusted file (:func:`simulator.io.limits.read_limited`): a directory,
    named pipe or device is refused by its ``stat`` before anything is opened, and a file over
    :data:`MAX_TEXT_BYTES` before it is read.
    """
    file = Path(path) if path else default_text_path()
    try:
        data = read_limited(file, MAX_TEXT_BYTES, "text file")
    except InputError as err:
        raise InputError(f"task text: {err}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"task text: {file.name} is not UTF-8 text") from None
    vocabulary = "".join(sorted(set(text)))
    if len(vocabulary) > MAX_VOCABULARY:
        raise InputError(f"task text: {file.name} has {len(vocabulary)} distinct characters "
                         f"(at most {MAX_VOCABULARY})")
    lookup = {ch: k for k, ch in enumerate(vocabulary)}
    return vocabulary, np.fromiter((lookup[ch] for ch in text), dtype=np.int64, count=len(text))


def parse_task(spec: str) -> Task:
    """Build a :class:`Task` from ``"recall:delay=40,symbols=4,distractors=0.25"`` and the like.

    Raises
    ------
    InputError
        An unknown task or parameter, a value out of range, or an unreadable text.
    """
    name, _, rest = str(spec).strip().partition(":")
    name = name.strip().lower()
    if name not in TASKS:
        raise InputError(f"unknown task {name!r}; choose one of {', '.join(TASKS)}")
    known = TASKS[name]
    given: dict[str, str] = {}
    head, found, path = rest.partition("path=")
    if found and (not head.strip() or head.rstrip().endswith(",")):
        given["path"], rest = path, head
    for piece in filter(None, (s.strip() for s in rest.split(","))):
        key, eq, value = (s.strip() for s in piece.partition("="))
        if not eq or not key:
            raise InputError(f"task {name}: {piece!r} should be key=value")
        if key in given:
            raise InputError(f"task {name}: {key} is given twice")
        if key not in known:
            raise InputError(f"task {name} has no parameter {key!r}; its parameters are {', '.join(known)}")
        given[key] = value
    params: dict[str, Any] = {}
    for key, (kind, default, low, high) in known.items():
        params[key] = _value(name, key, given[key], kind, low, high) if key in given else default
    if name == "recall":
        S = params["symbols"]
        D = 2 * S + 1 if params["distractors"] else S + 1
        return Task(name, params, D, S, params["delay"] + 2, "cross_entropy")
    if name == "adding":
        return Task(name, params, 2, 1, params["length"], "mse")
    if name == "sine":
        return Task(name, params, 1, 1, params["length"], "mse")
    vocabulary, codes = _read_text(params["path"])
    if codes.size < params["length"] + 1:
        raise InputError(f"task text: the text has {codes.size} characters, fewer than length + 1 = "
                         f"{params['length'] + 1}")
    return Task(name, params, len(vocabulary), len(vocabulary), params["length"], "cross_entropy",
                vocabulary, codes)
