"""The ``simulate`` command's arguments (a contract: scripts use these exact names)."""

from __future__ import annotations

import argparse
import math
from typing import NoReturn

from simulator.cli.invocation import command_name, version_line
from simulator.core.initializers import INITIALIZERS
from simulator.io.inputs.generators import MAX_STEPS

__all__ = ["build_parser"]

WEIGHT_FORMATS = ("torch", "keras", "onnx", "npz", "safetensors")

_EPILOG = """\
The NPZ trace holds x (T, D), h (T, H), h0 (H,); LSTM also c, c0 and the gates i f g o (T, H);
GRU r z n (T, H); with --gradients dhT_dh (T,) and, for the LSTM, dcT_dc (T,). Row t is the
state after consuming x[t]. Any bad input prints one line on stderr and exits with status 2.

With --force-gate or --branch the file holds the branched run (the original up to the branch's
first step) and its metadata the branch and divergence_step, the first step whose h differs.

example (a forget-bias sweep):
  for b in -2 -1 0 1 2 3 4; do
    python main.py simulate --cell lstm --input-size 1 --hidden-size 4 --forget-bias $b \\
        --generator impulse:at=5 --steps 300 --out sweep_$b.csv || break
  done
"""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message (still exit status 2) and ``--version``."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_argument("--version", action="version", version=version_line(),
                          help="print the GateScope version and exit")

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"gatescope: error: {' '.join(message.split())} (see --help)\n")


def _whole(text: str, least: int, most: int | None = None) -> int:
    if len(text) > 40:  # int() of a literal of thousands of digits is slow, and no count needs them
        raise argparse.ArgumentTypeError(f"{text[:20]!r}…: too many digits")
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from None
    if value < least or (most is not None and value > most):
        raise argparse.ArgumentTypeError(f"must be from {least} to {most}, not {value}" if most is not None
                                         else f"must be at least {least}, not {value}")
    return value


def _step_count(text: str) -> int:
    """A number of steps or a step index: 0 to MAX_STEPS (what a generated sequence may hold)."""
    return _whole(text, 0, MAX_STEPS)


def _positive(text: str) -> int:
    return _whole(text, 1)


def _natural(text: str) -> int:
    return _whole(text, 0)


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be finite, not {text}")
    return value


def _recurrent_activation(text: str) -> str:
    if text.lower() != "sigmoid":
        raise argparse.ArgumentTypeError(f"{text!r} cannot run: the simulator's gates use the logistic "
                                         "sigmoid only")
    return "sigmoid"


def _truth(text: str) -> bool:
    if text.lower() not in ("true", "false"):
        raise argparse.ArgumentTypeError(f"expected true or false, not {text!r}")
    return text.lower() == "true"


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``python main.py simulate``; options left out are None (their defaults apply later)."""
    p = _Parser(prog=prog or command_name("simulate"), allow_abbrev=False, epilog=_EPILOG,
                formatter_class=argparse.RawDescriptionHelpFormatter,
                description="Run one RNN, LSTM or GRU cell over a sequence and write its trace.")
    cell = p.add_argument_group("cell")
    cell.add_argument("--cell", choices=("rnn", "lstm", "gru"), type=str.lower,
                      help="cell kind (default lstm; with --weights, must match the file)")
    cell.add_argument("--weights", metavar="FILE", help="read the cell from a weight file")
    cell.add_argument("--weights-format", choices=WEIGHT_FORMATS,
                      help="the weight file's format (default: from its extension)")
    cell.add_argument("--layer", type=_natural, metavar="K",
                      help="layer of a multi-layer model (default 0); refused when the file does not "
                           "record the model's order and holds several modules: use --module")
    cell.add_argument("--module", metavar="NAME",
                      help="the recurrent module to load: a state-dict prefix (encoder.lstm), a Keras "
                           "layer or an ONNX node name; refusals list the file's modules")
    cell.add_argument("--direction", choices=("forward", "reverse"), type=str.lower,
                      help="reverse: the backward half of a bidirectional layer, consuming the sequence "
                           "last step first (trace rows in that order; default forward, or what the file "
                           "says: Keras go_backwards, a reverse ONNX node)")
    cell.add_argument("--input-size", type=_positive, metavar="D",
                      help="inputs per step (default: from the inputs)")
    cell.add_argument("--hidden-size", type=_positive, metavar="H", help="units (needed without --weights)")
    cell.add_argument("--seed", type=_natural, default=0, metavar="S",
                      help="seed of the initial weights and random generators (default 0)")
    cell.add_argument("--init", choices=INITIALIZERS, help="weight initialiser (default pytorch)")
    cell.add_argument("--nonlinearity", choices=("tanh", "relu"), help="RNN nonlinearity (default tanh)")
    cell.add_argument("--activation", choices=("tanh", "relu"), type=str.lower,
                      help="the layer's activation (relu: RNN only), for files that do not store it")
    cell.add_argument("--recurrent-activation", type=_recurrent_activation, metavar="sigmoid",
                      help="LSTM/GRU gate activation; only sigmoid runs (a file saying otherwise is refused)")
    cell.add_argument("--reset-after", type=_truth, metavar="true|false",
                      help="GRU: reset after the recurrent matmul (PyTorch, Keras 3 default) or before")
    cell.add_argument("--reset-before", action="store_true",
                      help="GRU: reset before the recurrent matmul (Cho v3, Keras reset_after=False)")
    cell.add_argument("--forget-bias", type=_finite, metavar="B",
                      help="LSTM: set the forget-gate bias b_if to B (and b_hf to 0)")
    cell.add_argument("--dtype", choices=("float64", "float32"), default="float64",
                      help="arithmetic precision (default float64)")

    seq = p.add_argument_group("inputs (exactly one)")
    source = seq.add_mutually_exclusive_group(required=True)
    source.add_argument("--inputs", metavar="FILE", help="a (T, D) sequence in .npy, .csv or .json")
    source.add_argument("--text", metavar="STRING", help="characters, one-hot (D = vocabulary size)")
    source.add_argument("--generator", metavar="NAME[:key=value,...]",
                        help="sine, square, impulse, step, noise or copy, e.g. sine:period=20,amplitude=0.5")
    seq.add_argument("--steps", type=_positive, metavar="T", help="steps to generate (with --generator)")
    seq.add_argument("--vocabulary", metavar="CHARS",
                     help="with --text: the characters of the one-hot columns, in order")
    seq.add_argument("--initial-state", metavar="FILE.npz",
                     help="h0 (and c0 for the LSTM, zeros if absent), shape (H,)")

    what_if = p.add_argument_group("what if (writes the branched run; divergence_step in its metadata)")
    what_if.add_argument("--force-gate", action="append", metavar="GATE[:UNITS]=VALUE@STEP",
                         help="hold a gate from STEP on, for UNITS (comma-separated; default all), "
                              "e.g. f=1@10 or i:0,2=0@5; repeatable")
    what_if.add_argument("--branch", metavar="FILE.json",
                         help="a branch: forced gates, input and weight edits "
                              "(see simulator.insight.branch_io)")

    out = p.add_argument_group("output")
    out.add_argument("--gradients", action="store_true", help="also write ‖∂h_T/∂h_t‖ (and ‖∂c_T/∂c_t‖)")
    out.add_argument("--out", required=True, metavar="TRACE", help="the trace file: .npz, .csv or .json")
    out.add_argument("--csv-long", action="store_true", help="CSV as step, quantity, unit, value rows")
    out.add_argument("--quiet", "-q", action="store_true", help="print nothing on success")
    return p
