"""The training loop: a cell and a linear readout learning a task, seeded and recorded.

A :class:`Trainer` owns its cell, readout and optimiser; nothing else should touch them
while it runs. Everything it hands out (:class:`Record`, :class:`Snapshot`, the arrays of
:meth:`Trainer.arrays`) is a plain copy, so a GUI can run the trainer in a worker thread and
pass what the callback receives to the GUI thread as it is.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from simulator import Cell, InputError, make_cell
from simulator.training.bptt import state_gradient_norms
from simulator.training.loss import evaluate
from simulator.training.optim import clip_grad_norm, make_optimizer
from simulator.training.tasks import Task, parse_task

__all__ = ["Record", "Snapshot", "TrainConfig", "Trainer", "train"]

MAX_BATCH = 4096
MAX_ITERATIONS = 10_000_000


@dataclass
class TrainConfig:
    """Everything that defines a run; the same config and seed give the same run, bit for bit.

    ``forget_bias`` (LSTM only) sets ``b_if`` and zeroes ``b_hf``; ``clip`` None or 0 means
    no clipping; a snapshot is taken at iteration 0, every ``snapshot_every`` iterations
    and at the end.
    """

    cell: str = "lstm"
    task: str = "recall:delay=20"
    hidden_size: int = 16
    optimizer: str = "adam"
    lr: float = 0.01
    momentum: float = 0.0
    clip: float | None = 1.0
    batch: int = 32
    iterations: int = 2000
    seed: int = 0
    init: str = "pytorch"
    forget_bias: float | None = None
    nonlinearity: str = "tanh"
    reset_after: bool = True
    snapshot_every: int = 100


@dataclass(frozen=True)
class Record:
    """One iteration: the loss and accuracy of its batch before the update, and the gradient norm."""

    iteration: int
    loss: float
    accuracy: float
    grad_norm: float


@dataclass
class Snapshot:
    """The weights at an iteration and what they do on the task's probe sequence.

    Attributes
    ----------
    iteration : int
        Updates applied so far.
    weights : dict of str to ndarray
        Copies: the cell's parameters by PyTorch name, ``readout.weight`` (O, H), ``readout.bias`` (O,).
    dh_norms : ndarray, shape (T,)
        ‖∂h_T/∂h_t‖_F on the probe (the state entering step t).
    loss_grad_norms : ndarray, shape (T,)
        ‖∂L/∂h_t‖ on the probe (the state entering step t).
    probe_loss, probe_accuracy : float
    """

    iteration: int
    weights: dict[str, np.ndarray]
    dh_norms: np.ndarray
    loss_grad_norms: np.ndarray
    probe_loss: float
    probe_accuracy: float


def _whole(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise InputError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    return int(value)


class Trainer:
    """Train ``config.cell`` on ``config.task``; :meth:`step` one iteration, :meth:`run` them all.

    Parameters
    ----------
    config : TrainConfig

    Attributes
    ----------
    cell : Cell
        Float64, updated in place by every step.
    task : Task
    iteration : int
    records : list of Record
    snapshots : list of Snapshot
    """

    def __init__(self, config: TrainConfig) -> None:
        self.config = config
        _whole("batch", config.batch, 1, MAX_BATCH)
        _whole("iterations", config.iterations, 0, MAX_ITERATIONS)
        _whole("snapshot_every", config.snapshot_every, 1, MAX_ITERATIONS)
        _whole("seed", config.seed, 0, 2**63 - 1)
        self.task: Task = parse_task(config.task)
        kind = str(config.cell).lower()
        options: dict[str, Any] = {}
        if kind == "rnn":
            options["nonlinearity"] = config.nonlinearity
        elif kind == "gru":
            options["reset_after"] = bool(config.reset_after)
        self.cell: Cell = make_cell(kind, self.task.input_size, config.hidden_size, seed=config.seed,
                                    init=config.init, forget_bias=config.forget_bias, **options)
        clip = config.clip
        if clip is not None and clip != 0 and not (math.isfinite(clip) and clip > 0):
            raise InputError(f"clip must be a positive number (or 0 for none), not {config.clip!r}")
        self.optimizer = make_optimizer(config.optimizer, config.lr, momentum=config.momentum)
        H, O = self.cell.hidden_size, self.task.output_size
        bound = 1.0 / math.sqrt(H)  # nn.Linear's default initialisation
        init_rng = np.random.default_rng((config.seed, 1))
        self.params: dict[str, np.ndarray] = {
            **self.cell.parameters(), "readout.weight": init_rng.uniform(-bound, bound, (O, H)),
            "readout.bias": init_rng.uniform(-bound, bound, O)}
        self._rng = np.random.default_rng((config.seed, 2))
        self.probe_inputs, self.probe_targets = self.task.probe(seed=config.seed)
        self.iteration = 0
        self.records: list[Record] = []
        self.snapshots: list[Snapshot] = [self.snapshot()]

    # -- one iteration ------------------------------------------------------------
    def step(self) -> Record:
        """Draw a batch, compute loss and gradients, clip, update; snapshot when due.

        Raises
        ------
        InputError
            The loss or the gradient is no longer finite (nothing is updated then).
        """
        cfg = self.config
        x, y = self.task.batch(self._rng, cfg.batch)
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging run is reported just below
            result = evaluate(self.cell, x, y, self.params["readout.weight"], self.params["readout.bias"],
                              loss=self.task.loss)
            if cfg.clip:
                norm = clip_grad_norm(result.grads, cfg.clip)
            else:
                norm = math.sqrt(sum(float(np.vdot(g, g)) for g in result.grads.values()))
        if not (math.isfinite(result.loss) and math.isfinite(norm)):
            raise InputError(f"training diverged at iteration {self.iteration + 1} (loss {result.loss:g}, "
                             f"gradient norm {norm:g}); lower the learning rate or clip the gradient")
        self.optimizer.step(self.params, result.grads)
        self.iteration += 1
        record = Record(self.iteration, result.loss, result.accuracy, norm)
        self.records.append(record)
        if self.iteration % cfg.snapshot_every == 0:
            self.snapshots.append(self.snapshot())
        return record

    def run(self, callback: Callable[[Record], Any] | None = None) -> list[Record]:
        """Step until ``config.iterations``; ``callback(record)`` after each; a false answer (not None) stops.

        A final snapshot is taken when the last iteration did not already have one.
        """
        while self.iteration < self.config.iterations:
            record = self.step()
            keep = None if callback is None else callback(record)
            if keep is not None and not keep:  # None (no answer) goes on; False or numpy's False stops
                break
        if self.snapshots[-1].iteration != self.iteration:
            self.snapshots.append(self.snapshot())
        return self.records

    # -- what it hands out ----------------------------------------------------------
    def weights(self) -> dict[str, np.ndarray]:
        """Copies of every parameter (the cell's by PyTorch name, and the readout's)."""
        return {name: value.copy() for name, value in self.params.items()}

    def final_cell(self) -> Cell:
        """A copy of the trained cell (safe to hand to another thread or a weight writer)."""
        return self.cell.copy()

    def cell_at(self, snapshot: Snapshot) -> Cell:
        """A new cell holding a snapshot's weights (for scrubbing the history; the readout is not in it)."""
        params = {name: snapshot.weights[name] for name in self.cell.parameters()}
        return type(self.cell)(**params, **self.cell.options())

    def snapshot(self) -> Snapshot:
        """The weights now and their behaviour on the probe sequence."""
        probe = evaluate(self.cell, self.probe_inputs, self.probe_targets, self.params["readout.weight"],
                         self.params["readout.bias"], loss=self.task.loss)
        dh_in = probe.dh_in[:, 0]
        return Snapshot(self.iteration, self.weights(), state_gradient_norms(self.cell, self.probe_inputs),
                        np.sqrt(np.einsum("th,th->t", dh_in, dh_in)), probe.loss, probe.accuracy)

    def history(self) -> dict[str, np.ndarray]:
        """``loss``, ``accuracy`` (NaN for MSE tasks) and ``grad_norm``, each shape (iterations,)."""
        return {key: np.array([getattr(r, key) for r in self.records], dtype=np.float64)
                for key in ("loss", "accuracy", "grad_norm")}

    def arrays(self) -> dict[str, np.ndarray]:
        """Everything of the run as named arrays for ``numpy.savez`` (no objects, no pickle).

        ``loss`` (N,), ``grad_norm`` (N,), ``accuracy`` (N,) for class tasks;
        ``snapshot_iteration`` (S,), ``grad_norm_through_time`` (S, T) = ‖∂h_T/∂h_t‖,
        ``loss_grad_through_time`` (S, T) = ‖∂L/∂h_t‖, ``probe_loss`` (S,), ``probe_inputs`` (T, D),
        ``probe_targets``; ``weights/<name>`` (S, *shape) per parameter; ``config`` (JSON text).
        """
        out = self.history()
        if not self.task.has_accuracy:
            del out["accuracy"]
        snaps = self.snapshots
        out["snapshot_iteration"] = np.array([s.iteration for s in snaps], dtype=np.int64)
        out["grad_norm_through_time"] = np.stack([s.dh_norms for s in snaps])
        out["loss_grad_through_time"] = np.stack([s.loss_grad_norms for s in snaps])
        out["probe_loss"] = np.array([s.probe_loss for s in snaps])
        if self.task.has_accuracy:
            out["probe_accuracy"] = np.array([s.probe_accuracy for s in snaps])
        out["probe_inputs"], out["probe_targets"] = self.probe_inputs, self.probe_targets
        for name in self.params:
            out[f"weights/{name}"] = np.stack([s.weights[name] for s in snaps])
        out["config"] = np.array(json.dumps(self.describe(), ensure_ascii=False))
        return out

    def describe(self) -> dict[str, Any]:
        """The config with the task spelled out in full and the cell's description (JSON-ready)."""
        return {**asdict(self.config), "task": self.task.spec, "cell_description": self.cell.describe(),
                "loss": self.task.loss, "input_size": self.task.input_size,
                "output_size": self.task.output_size, "steps": self.task.steps}


def train(config: TrainConfig | None = None, callback: Callable[[Record], Any] | None = None,
          **settings: Any) -> Trainer:
    """Build a :class:`Trainer` from ``config`` (or keyword settings of :class:`TrainConfig`) and run it."""
    if config is None:
        try:
            config = TrainConfig(**settings)
        except TypeError as err:
            raise InputError(f"unknown training setting ({err})") from None
    elif settings:
        raise InputError("give either a TrainConfig or keyword settings, not both")
    trainer = Trainer(config)
    trainer.run(callback)
    return trainer

