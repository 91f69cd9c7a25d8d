"""``python main.py train``: train one cell and a linear readout on a task, headless.

    python main.py train --cell lstm --task recall:delay=20 --hidden-size 16 --iterations 2000 \\
        --batch 32 --optimizer adam --lr 0.01 --clip 1 --seed 0 --out run.npz \\
        --weights-out final.safetensors --forget-bias 3

``run.npz`` holds ``loss`` (iterations,), ``accuracy`` (class tasks), ``grad_norm``, the snapshots'
``snapshot_iteration``, ``grad_norm_through_time`` (‖∂h_T/∂h_t‖ on the task's probe sequence),
``loss_grad_through_time`` (‖∂L/∂h_t‖), ``weights/<name>`` and ``config`` (JSON). The final cell
goes to ``--weights-out`` in any format ``simulate --weights`` reads. Errors follow ``simulate``'s
contract (:func:`simulator.cli.main.guarded`): one ``gatescope: error:`` line and status 2.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from simulator.cli.args import _finite, _natural, _Parser, _positive
from simulator.cli.invocation import command_name
from simulator.cli.main import guarded
from simulator.core.errors import InputError
from simulator.core.initializers import INITIALIZERS
from simulator.io.atomic import atomic_write
from simulator.io.formats import save_weights
from simulator.io.limits import refuse_overwrite
from simulator.training import OPTIMIZERS, TASKS, TrainConfig, Trainer
from simulator.training.threads import one_blas_thread

__all__ = ["build_train_parser", "main", "train_command"]

WEIGHT_SUFFIXES = (".safetensors", ".npz", ".pt", ".pth", ".onnx", ".h5")

_EPILOG = """\
tasks (name:key=value,...):
  recall:delay=20,symbols=4,distractors=0   remember the symbol of step 0 until the cue (cross-entropy);
                                            distractors=P shows a distractor at each delay step with
                                            probability P
  adding:length=50                          sum of the two marked values (MSE)
  sine:length=50,period=20                  next value of a sine (MSE)
  text:length=50[,path=FILE]                next character (a Korean text on the cells by default)

threads: numpy's BLAS runs on one thread while training (the matrices are small; more threads only
spin on a busy machine); set OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) to choose another count.

example (the forget gate's lesson):
  for b in 0 3; do
    python main.py train --cell lstm --task recall:delay=20 --forget-bias $b --iterations 1500 \\
        --out lstm_fb$b.npz || break
  done
"""


def build_train_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``python main.py train``."""
    p = _Parser(prog=prog or command_name("train"), allow_abbrev=False, epilog=_EPILOG,
                formatter_class=argparse.RawDescriptionHelpFormatter,
                description="Train one cell (with a linear readout) on a task and record the run.")
    p.add_argument("--task", default="recall:delay=20", metavar="NAME[:key=value,...]",
                   help=f"one of {', '.join(TASKS)} (default recall:delay=20)")
    cell = p.add_argument_group("cell")
    cell.add_argument("--cell", choices=("rnn", "lstm", "gru"), default="lstm", help="kind (default lstm)")
    cell.add_argument("--hidden-size", type=_positive, default=16, metavar="H", help="units (default 16)")
    cell.add_argument("--init", choices=INITIALIZERS, default="pytorch", help="initialiser (default pytorch)")
    cell.add_argument("--forget-bias", type=_finite, metavar="B", help="LSTM: the forget-gate bias b_if")
    cell.add_argument("--nonlinearity", choices=("tanh", "relu"), help="RNN: tanh (default) or relu")
    cell.add_argument("--reset-before", action="store_true", help="GRU: the reset gate before the matmul")
    opt = p.add_argument_group("training")
    opt.add_argument("--iterations", type=_natural, default=2000, metavar="N", help="default 2000")
    opt.add_argument("--batch", type=_positive, default=32, metavar="B",
                     help="sequences per batch (default 32)")
    opt.add_argument("--optimizer", choices=OPTIMIZERS, default="adam", help="default adam")
    opt.add_argument("--lr", type=_finite, default=0.01, metavar="RATE", help="learning rate (default 0.01)")
    opt.add_argument("--momentum", type=_finite, default=0.0, metavar="M", help="SGD momentum (default 0)")
    opt.add_argument("--clip", type=_finite, default=1.0, metavar="NORM",
                     help="clip the gradient's norm to this (default 1; 0 = no clipping)")
    opt.add_argument("--seed", type=_natural, default=0, metavar="S", help="seed of weights and batches")
    opt.add_argument("--snapshot-every", type=_positive, default=100, metavar="N",
                     help="record weights and gradient norms every N iterations (default 100)")
    out = p.add_argument_group("output")
    out.add_argument("--out", required=True, metavar="RUN.npz", help="the run's record")
    out.add_argument("--weights-out", metavar="FILE",
                     help="the final cell: .safetensors, .npz, .pt, .onnx or .weights.h5")
    out.add_argument("--quiet", action="store_true", help="no summary line")
    return p


def train_command(args: argparse.Namespace) -> str:
    """Train as ``args`` say, write the files, and return the summary line."""
    if not args.out.lower().endswith(".npz"):
        raise InputError(f"--out {Path(args.out).name}: the run is written as .npz")
    for flag, value in (("--out", args.out), ("--weights-out", args.weights_out)):
        if value is not None and not Path(value).resolve().parent.is_dir():
            raise InputError(f"{flag} {value}: the folder does not exist")
    task_file = dict(p.partition("=")[::2] for p in args.task.partition(":")[2].split(",")).get("path")
    refuse_overwrite("--out", args.out, [("--weights-out", args.weights_out), ("the task's path", task_file)])
    refuse_overwrite("--weights-out", args.weights_out, [("the task's path", task_file)])
    if args.weights_out is not None and not args.weights_out.lower().endswith(WEIGHT_SUFFIXES):
        raise InputError(f"--weights-out {Path(args.weights_out).name}: use one of "
                         f"{', '.join(WEIGHT_SUFFIXES)}")
    if args.nonlinearity is not None and args.cell != "rnn":
        raise InputError(f"--nonlinearity applies to the RNN only, not the {args.cell.upper()}")
    if args.reset_before and args.cell != "gru":
        raise InputError(f"--reset-before applies to the GRU only, not the {args.cell.upper()}")
    if args.forget_bias is not None and args.cell != "lstm":
        raise InputError(f"--forget-bias applies to the LSTM only, not the {args.cell.upper()}")
    if args.momentum and args.optimizer != "sgd":
        raise InputError("--momentum applies to --optimizer sgd only")
    config = TrainConfig(cell=args.cell, task=args.task, hidden_size=args.hidden_size,
                         optimizer=args.optimizer, lr=args.lr, momentum=args.momentum,
                         clip=args.clip or None, batch=args.batch,
                         iterations=args.iterations, seed=args.seed, init=args.init,
                         forget_bias=args.forget_bias, nonlinearity=args.nonlinearity or "tanh",
                         reset_after=not args.reset_before, snapshot_every=args.snapshot_every)
    one_blas_thread()  # small matrices: more threads only spin (simulator/training/threads.py)
    start = time.perf_counter()
    trainer = Trainer(config)
    trainer.run()
    took = time.perf_counter() - start
    if args.weights_out is not None:  # first: a format that cannot hold the cell leaves no run file
        save_weights(trainer.final_cell(), args.weights_out)
    with atomic_write(args.out) as f:
        np.savez(f, **trainer.arrays())
    return _summary(trainer, took, [args.out, args.weights_out])


def _summary(trainer: Trainer, took: float, files: Sequence[str | None]) -> str:
    history = trainer.history()
    tail = slice(-min(100, trainer.iteration), None) if trainer.iteration else slice(0, 0)
    n = len(history["loss"][tail])
    result = "no iterations" if not n else f"loss {history['loss'][tail].mean():.4g}"
    if n and trainer.task.has_accuracy:
        result += f", accuracy {history['accuracy'][tail].mean():.2f}"
    if n:
        result += f" (mean of the last {n} iterations)"
    wrote = ", ".join(os.path.basename(f) for f in files if f)
    return (f"trained {trainer.cell.describe()} on {trainer.task.spec} for {trainer.iteration} iterations "
            f"in {took:.1f} s: {result}; wrote {wrote}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``train`` with ``argv`` (without the sub-command name); return the exit status."""
    try:
        args = build_train_parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or an argument error (2, already printed on one line)
        return stop.code if isinstance(stop.code, int) else 2
    return guarded(lambda: train_command(args), args.quiet)
