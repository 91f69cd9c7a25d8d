"""``python main.py compare``: two or three cells on the same inputs, or their memory test, headless.

    python main.py compare --cells rnn,lstm,gru --hidden-size 8 --generator sine --steps 200 --out c.csv
    python main.py compare --sessions a.json b.json --memory-test --length 300 --out memory.json

Traces (or memory curves) are written aligned by step (or delay) in one CSV, JSON or NPZ;
the memory test also prints, one line per cell, the delay at which the curve falls below
10%. Errors follow ``simulate``'s contract (:func:`simulator.cli.main.guarded`): one
``gatescope: error:`` line and status 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

import simulator
from simulator.cli.args import _finite, _natural, _Parser, _positive, _step_count
from simulator.cli.invocation import command_name
from simulator.cli.main import _sequence, guarded
from simulator.core.errors import InputError
from simulator.document.session import Session
from simulator.insight.compare import TRIO, aligned_arrays, compare_cells, default_trio, unique_labels
from simulator.insight.memory import memory_curve
from simulator.insight.tables import table_format, write_table
from simulator.io.limits import refuse_overwrite

__all__ = ["build_compare_parser", "compare", "main"]


def build_compare_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``python main.py compare``."""
    p = _Parser(prog=prog or command_name("compare"), allow_abbrev=False,
                description="Run two or three cells on the same inputs (or the memory test) and write "
                            "their traces aligned by step.")
    which = p.add_argument_group("cells (one of)").add_mutually_exclusive_group()
    which.add_argument("--cells", metavar="KINDS", default=None,
                       help="comma-separated kinds, new cells of the same size (default rnn,lstm,gru)")
    which.add_argument("--sessions", nargs="+", metavar="FILE.json", help="saved sessions (or preset files)")
    new = p.add_argument_group("new cells (with --cells)")
    new.add_argument("--hidden-size", type=_positive, default=8, metavar="H", help="units (default 8)")
    new.add_argument("--input-size", type=_positive, metavar="D",
                     help="inputs per step (default: from the inputs)")
    new.add_argument("--seed", type=_natural, default=0, metavar="S", help="seed of weights and generators")
    new.add_argument("--init", default="pytorch", help="weight initialiser (default pytorch)")
    seq = p.add_argument_group("inputs (one of; with --sessions, none uses each session's own)")
    source = seq.add_mutually_exclusive_group()
    source.add_argument("--inputs", metavar="FILE", help="a (T, D) sequence in .npy, .csv or .json")
    source.add_argument("--generator", metavar="NAME[:key=value,...]", help="e.g. sine:period=20")
    source.add_argument("--memory-test", action="store_true",
                        help="feed a pulse then blanks; write the memory curves and print the 10%% delays")
    seq.add_argument("--steps", type=_positive, metavar="T", help="steps to generate (with --generator)")
    mem = p.add_argument_group("memory test")
    mem.add_argument("--pulse-at", type=_step_count, default=5, metavar="K",
                     help="step of the pulse (default 5)")
    mem.add_argument("--length", type=_step_count, default=200, metavar="L",
                     help="delays after it (default 200)")
    mem.add_argument("--pulse", metavar="V1,V2,...", help="the whole pulse vector (default 1 on input 0)")
    mem.add_argument("--amplitude", type=_finite, default=1.0, metavar="A", help="pulse value (default 1)")
    mem.add_argument("--threshold", type=_finite, default=0.1, metavar="F",
                     help="the delay mark (default 0.1)")
    out = p.add_argument_group("output")
    out.add_argument("--gradients", action="store_true", help="also write each cell's ‖∂h_T/∂h_t‖")
    out.add_argument("--out", required=True, metavar="FILE", help=".csv, .json or .npz")
    out.add_argument("--quiet", "-q", action="store_true", help="print nothing on success")
    p.set_defaults(text=None, vocabulary=None)  # what simulate's input reader also looks at
    return p


def _cells(args: argparse.Namespace, input_size: int) -> tuple[list[str], list[Any], list[Any]]:
    """(labels, cells, initial states) from --cells; see :func:`_sessions` for --sessions."""
    kinds = TRIO if args.cells is None else tuple(k.strip().lower() for k in args.cells.split(","))
    if not kinds or any(k not in TRIO for k in kinds):
        raise InputError(f"--cells {args.cells!r}: give kinds from rnn, lstm, gru separated by commas")
    if kinds == TRIO:
        cells = default_trio(input_size, args.hidden_size, args.seed, init=args.init)
    else:
        cells = [simulator.make_cell(k, input_size, args.hidden_size, seed=args.seed, init=args.init)
                 for k in kinds]
    return unique_labels(list(kinds)), cells, [None] * len(cells)


def _memory(args: argparse.Namespace, labels: list[str], cells: list[Any], states: list[Any]) -> tuple:
    pulse = None
    if args.pulse is not None:
        try:
            pulse = [float(v) for v in args.pulse.split(",")]
        except ValueError:
            raise InputError(f"--pulse {args.pulse!r}: expected numbers separated by commas") from None
    results = [memory_curve(c, args.pulse_at, args.length, args.amplitude, 0, s, pulse=pulse)
               for c, s in zip(cells, states, strict=True)]
    delays = {label: r.delay_below(args.threshold) for label, r in zip(labels, results, strict=True)}
    columns: dict[str, np.ndarray] = {}
    for label, r in zip(labels, results, strict=True):
        columns.update({f"{label}/curve": r.curve, f"{label}/curve_h": r.curve_h, f"{label}/norm": r.norms})
    meta = {"pulse_at": args.pulse_at, "length": args.length, "threshold": args.threshold,
            "state": "[h; c] for the LSTM, h otherwise; curve_h from h alone", "delays_below": delays}
    pct = f"{100 * args.threshold:g}%"
    lines = [f"{label}: below {pct} after {d} steps" if d is not None
             else f"{label}: above {pct} for all {args.length} steps" for label, d in delays.items()]
    return columns, meta, lines


def compare(args: argparse.Namespace) -> str:
    """Do what ``args`` ask; return the lines to print."""
    out = Path(args.out)
    table_format(out)
    sessions = [("--sessions", path) for path in args.sessions or []]
    refuse_overwrite("--out", out, [("--inputs", args.inputs), *sessions])
    if not out.parent.is_dir():
        raise InputError(f"cannot write {out}: the directory {out.parent} does not exist")
    if args.steps is not None and args.generator is None:
        raise InputError("--steps applies to --generator only")
    own = not (args.memory_test or args.inputs or args.generator)  # each session's own inputs
    if own and not args.sessions:
        raise InputError("give the inputs: --inputs FILE, --generator NAME --steps T, or --memory-test")
    x = None if args.memory_test or own else _sequence(args, args.input_size)
    if args.sessions:
        if args.input_size is not None:
            raise InputError("--input-size applies to new cells (--cells) only")
        sessions = [Session.load(path) for path in args.sessions]
        labels = unique_labels([Path(p).stem for p in args.sessions])
        cells, states = [s.cell for s in sessions], [s.state() for s in sessions]
    else:
        labels, cells, states = _cells(args, x.shape[1] if x is not None else (args.input_size or 1))
    meta: dict[str, Any] = {"format": "gatescope-compare", "gatescope_version": simulator.__version__,
                            "cells": {label: c.describe() for label, c in zip(labels, cells, strict=True)}}
    if args.memory_test:
        columns, extra, lines = _memory(args, labels, cells, states)
        write_table(out, columns, {**meta, **extra}, index="delay")
        return "\n".join([*lines, f"wrote {out}: memory test of {len(cells)} cells"])
    if own:
        traces = [simulator.run(s.cell, s.inputs, s.state()) for s in sessions]
    else:
        traces = compare_cells(cells, x, states)
    gradients = None
    if args.gradients:
        from simulator.core.gradients import gradient_norms

        gradients = [gradient_norms(c, t) for c, t in zip(cells, traces, strict=True)]
    write_table(out, aligned_arrays(labels, traces, gradients), meta)
    return f"wrote {out}: {', '.join(labels)}, {traces[0].length} steps"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``compare`` with ``argv`` (without the sub-command name); return the exit status."""
    try:
        args = build_compare_parser().parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    return guarded(lambda: compare(args), args.quiet)
