"""``python main.py simulate``: run one cell over a sequence and write its trace, headless.

Exit status 0 on success (one summary line on stdout unless ``--quiet``),
2 on any bad input or argument (one ``gatescope: error: ...`` line on stderr,
no output file), 1 on an internal error (one line too, unless ``GATESCOPE_DEBUG=1``).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

import simulator
from simulator.cli.args import build_parser
from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.core.simulation import validate_state
from simulator.io.export import export_trace, output_format
from simulator.io.formats import LoadInfo, load_weights_with_info
from simulator.io.inputs import (
    GENERATORS,
    encode_text,
    generate,
    load_inputs,
    load_npz_arrays,
    parse_generator_spec,
)
from simulator.io.inputs.numeric_text import loads_bounded
from simulator.io.limits import read_limited, refuse_overwrite

__all__ = ["guarded", "main", "simulate"]


def _fail(message: str) -> None:
    sys.stderr.write(f"gatescope: error: {' '.join(str(message).split())}\n")


def _check_against_file(args: argparse.Namespace, cell: Cell) -> None:
    """Refuse options that contradict the weight file, naming both values."""
    name = Path(args.weights).name
    given = (("--cell", args.cell, cell.kind, cell.kind.upper()),
             ("--input-size", args.input_size, cell.input_size, f"{cell.input_size} inputs"),
             ("--hidden-size", args.hidden_size, cell.hidden_size, f"{cell.hidden_size} units"))
    for flag, value, actual, shown in given:
        if value is not None and value != actual:
            raise InputError(f"{flag} {value} contradicts {name}, which holds {shown}")
    if args.init is not None:
        raise InputError("--init applies to new cells only, not with --weights")
    wanted = _reset_after(args)
    if wanted is not None and not (cell.kind == "gru" and cell.options()["reset_after"] == wanted):
        flag = "--reset-before" if args.reset_before else f"--reset-after {str(wanted).lower()}"
        where = "after" if cell.kind == "gru" and cell.options()["reset_after"] else "before"
        what = f"a GRU with the reset {where} the matmul" if cell.kind == "gru" else f"an {cell.kind.upper()}"
        raise InputError(f"{flag} contradicts {name}, which holds {what}")


def _rnn_nonlinearity(args: argparse.Namespace) -> str | None:
    """--nonlinearity or --activation (the same setting for an RNN); they must agree."""
    if args.nonlinearity and args.activation and args.nonlinearity != args.activation:
        raise InputError(f"--nonlinearity {args.nonlinearity} contradicts --activation {args.activation}")
    return args.nonlinearity or args.activation


def _reset_after(args: argparse.Namespace) -> bool | None:
    """--reset-after, or False for --reset-before; None when neither is given."""
    if args.reset_before and args.reset_after:
        raise InputError("--reset-before contradicts --reset-after true")
    return False if args.reset_before else args.reset_after


def _check_activation(args: argparse.Namespace, kind: str) -> None:
    if kind != "rnn" and args.activation not in (None, "tanh"):
        raise InputError(f"--activation {args.activation} cannot run: the simulator's {kind.upper()} uses "
                         "tanh only")
    if kind == "rnn" and args.recurrent_activation is not None:
        raise InputError("--recurrent-activation applies to the LSTM and GRU, not the RNN")


def _weights_cell(args: argparse.Namespace) -> tuple[Cell, LoadInfo]:
    options: dict[str, Any] = {"layer": args.layer or 0, "direction": args.direction or "forward"}
    if args.module is not None:
        options["module"] = args.module
    reset_after = _reset_after(args)
    if reset_after is not None:
        options["reset_after"] = reset_after
    nonlinearity = _rnn_nonlinearity(args)
    if args.nonlinearity is not None:
        options["nonlinearity"] = args.nonlinearity
    cell, info = load_weights_with_info(args.weights, format=args.weights_format, **options)
    if cell.kind == "rnn" and nonlinearity is not None and "nonlinearity" not in options:
        options["nonlinearity"] = nonlinearity
        cell, info = load_weights_with_info(args.weights, format=args.weights_format, **options)
    _check_activation(args, cell.kind)
    _check_against_file(args, cell)
    if args.forget_bias is not None:
        if cell.kind != "lstm":
            raise InputError(f"--forget-bias applies to the LSTM only, and {Path(args.weights).name} "
                             f"holds an {cell.kind.upper()}")
        H = cell.hidden_size
        cell.bias_ih[H:2 * H] = args.forget_bias
        cell.bias_hh[H:2 * H] = 0.0
    if args.activation is not None and args.recurrent_activation is not None:  # the user confirmed them
        info.assumptions = tuple(a for a in info.assumptions if not a.startswith("activation and"))
    return (cell if cell.dtype == np.dtype(args.dtype) else cell.copy(dtype=args.dtype)), info


def _new_cell(args: argparse.Namespace, input_size: int) -> Cell:
    kind = args.cell or "lstm"
    if args.hidden_size is None:
        raise InputError("--hidden-size H is needed to build a new cell (or give --weights FILE)")
    if args.layer is not None or args.weights_format is not None or args.module is not None:
        raise InputError("--layer, --module and --weights-format need --weights FILE")
    _check_activation(args, kind)
    options: dict[str, Any] = {}
    nonlinearity = _rnn_nonlinearity(args)
    if nonlinearity is not None and kind == "rnn":
        options["nonlinearity"] = nonlinearity
    elif args.nonlinearity is not None:
        raise InputError(f"--nonlinearity applies to the RNN only, not the {kind.upper()}")
    reset_after = _reset_after(args)
    if reset_after is not None:
        if kind != "gru":
            flag = "--reset-before" if args.reset_before else "--reset-after"
            raise InputError(f"{flag} applies to the GRU only, not the {kind.upper()}")
        options["reset_after"] = reset_after
    if args.forget_bias is not None and kind != "lstm":
        raise InputError(f"--forget-bias applies to the LSTM only, not the {kind.upper()}")
    cell = simulator.make_cell(kind, input_size, args.hidden_size, seed=args.seed,
                               init=args.init or "pytorch", dtype=args.dtype,
                               forget_bias=args.forget_bias, **options)
    cell.direction = args.direction or "forward"
    return cell


def _sequence(args: argparse.Namespace, input_size: int | None) -> np.ndarray:
    """The inputs (T, D) from --inputs, --text or --generator."""
    if args.steps is not None and args.generator is None:
        raise InputError("--steps applies to --generator only")
    if args.vocabulary is not None and args.text is None:
        raise InputError("--vocabulary applies to --text only")
    if args.inputs is not None:
        return load_inputs(args.inputs, input_size)
    if args.text is not None:
        x, vocab = encode_text(args.text, args.vocabulary)
        if input_size is not None and x.shape[1] != input_size:
            raise InputError(f"--text has a vocabulary of {len(vocab)} characters but the cell takes "
                             f"{input_size} inputs; give --vocabulary with {input_size} characters")
        return x
    if args.steps is None:
        raise InputError("--generator needs --steps T")
    name, params = parse_generator_spec(args.generator)
    if "seed" in GENERATORS[name].defaults():
        params.setdefault("seed", args.seed)
    return generate(name, args.steps, input_size, **params)


def _initial_state(path: str, cell: Cell) -> dict[str, np.ndarray]:
    name = Path(path).name
    if Path(path).suffix.lower() != ".npz":
        raise InputError(f"--initial-state {name}: expected an .npz file holding h0 (and c0)")
    arrays = load_npz_arrays(path)
    allowed = ("h0", "c0") if cell.has_cell else ("h0",)
    unknown = sorted(set(arrays) - set(allowed))
    if unknown or "h0" not in arrays:
        found = ", ".join(sorted(arrays)) or "nothing"
        raise InputError(f"{name}: an initial state holds {' and '.join(allowed)}, found {found}")
    try:
        validate_state(cell, arrays)
    except InputError as err:
        raise InputError(f"{name}: {err} (the cell has {cell.hidden_size} units)") from None
    return arrays


def _gradients(cell: Cell, trace: simulator.Trace) -> dict[str, np.ndarray]:
    from simulator.core.gradients import gradient_norms

    return gradient_norms(cell, trace)


def simulate(args: argparse.Namespace) -> str:
    """Do what the parsed ``args`` ask and return the summary line.

    Raises
    ------
    InputError
        Any bad input; nothing is written then.
    """
    out = Path(args.out)
    fmt = output_format(out, long=args.csv_long)
    refuse_overwrite("--out", out, (("--inputs", args.inputs), ("--weights", args.weights),
                                    ("--initial-state", args.initial_state), ("--branch", args.branch)))
    if not out.parent.is_dir():
        raise InputError(f"cannot write {out}: the directory {out.parent} does not exist")
    if out.is_dir():
        raise InputError(f"cannot write {out}: it is a directory")
    cell, info = _weights_cell(args) if args.weights is not None else (None, None)
    x = _sequence(args, cell.input_size if cell is not None else args.input_size)
    if cell is None:
        cell = _new_cell(args, x.shape[1])
    state = _initial_state(args.initial_state, cell) if args.initial_state is not None else None
    branch = _branch(args) if args.force_gate or args.branch is not None else None
    if branch is not None and args.gradients:
        raise InputError("--gradients cannot be combined with --branch or --force-gate: a branched run "
                         "is not the cell's own, so its Jacobians are not the cell's")
    trace = simulator.run(cell, x, state)
    overflow = trace.first_nonfinite()
    if overflow is not None:
        raise InputError(f"the hidden state overflows float64 at step {overflow}: the recurrent weights "
                         f"are too large for this {cell.label()}; scale weight_hh down or use tanh")
    gradients = _gradients(cell, trace) if args.gradients else None
    summary = f"wrote {out}: {cell.describe()}, {trace.length} steps"
    if cell.direction == "reverse":
        summary += ", consumed last step first (trace rows in that order)"
    extra: dict[str, Any] = {}
    if info is not None:
        extra = {"weights": info.as_dict(), "module": info.module, "assumptions": list(info.assumptions)}
        summary += "".join(f"\nassumed: {a}" for a in info.assumptions)
    if branch is not None:
        from simulator.insight import branch_to_dict, divergence, run_branch

        branched = run_branch(cell, trace.x, state, branch, original=trace)  # steps as consumed
        first = divergence(trace, branched)[0]
        extra |= {"branch": branch_to_dict(branch), "divergence_step": first}
        trace = branched
        summary += "; the branch never diverges" if first is None else \
            f"; the branch diverges at step {first}"
    export_trace(cell, trace, out, fmt, gradients=gradients, metadata=extra)
    return summary


def _branch(args: argparse.Namespace) -> Any:
    """The :class:`~simulator.insight.Branch` of --branch FILE.json plus every --force-gate."""
    from simulator.insight import Branch, branch_from_dict, parse_force_spec

    forces = [parse_force_spec(spec) for spec in args.force_gate or []]
    branch = Branch(name="command line", start=min(f.start for f in forces)) if forces else None
    if args.branch is not None:
        branch = branch_from_dict(read_json(args.branch, "--branch"))
        if forces:
            branch.start = min([branch.start, *(f.start for f in forces)])
    branch.forced.extend(forces)
    return branch


def read_json(path: str, flag: str, limit: int = 64 * 1024 * 1024) -> Any:
    """A small JSON file's content; :class:`InputError` on a missing, huge or malformed file."""

    name = Path(path).name
    try:  # a regular file only: a named pipe or a link to /dev/zero is refused, never read
        return loads_bounded(read_limited(path, limit, f"{flag} file"), f"{flag} {name}",
                             parse_constant=_no_constant)
    except InputError:
        raise
    except (UnicodeDecodeError, ValueError) as err:
        raise InputError(f"{flag} {name}: not valid JSON ({err})") from None
    except RecursionError:
        raise InputError(f"{flag} {name}: JSON nested too deeply") from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``simulate`` with ``argv`` (without the sub-command name); return the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or an argument error (2, already printed on one line)
        return stop.code if isinstance(stop.code, int) else 2
    return guarded(lambda: simulate(args), args.quiet)


def guarded(action: Callable[[], str], quiet: bool = False) -> int:
    """Run a headless command's ``action`` under the exit-status contract of this module.

    ``action`` returns the text to print on success (skipped with ``quiet``); an
    :class:`InputError`, an ``OSError`` or a ``MemoryError`` becomes one ``gatescope: error:``
    line and status 2, anything else status 1 (re-raised with ``GATESCOPE_DEBUG=1``).
    """
    try:
        with warnings.catch_warnings():  # a library's warning would break the one-line contract
            warnings.simplefilter("ignore")
            summary = action()
    except InputError as err:
        _fail(str(err))
        return 2
    except OSError as err:  # a file that vanished or cannot be read: the user's to fix
        _fail(f"{err.filename or ''}: {err.strerror or err}".lstrip(": "))
        return 2
    except MemoryError:
        _fail("not enough memory: the inputs or the sizes are too large")
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        if os.environ.get("GATESCOPE_DEBUG") == "1":
            raise
        _fail(f"internal error ({type(err).__name__}: {err}); run again with GATESCOPE_DEBUG=1 for details")
        return 1
    if not quiet:
        print(summary)
    return 0
