"""GateScope's entry point: the window by default, ``simulate`` for headless runs.

    python main.py                      open the window (needs a display)
    python main.py simulate --help      run a cell headless and write its trace
    python main.py compare --help       run cells side by side (or their memory test) headless
"""

from __future__ import annotations

import difflib
import importlib
import os
import sys
from collections.abc import Sequence

COMMANDS = {"simulate": "run one cell over a sequence and write its trace (no window)",
            "compare": "run two or three cells on the same inputs, or their memory test (no window)",
            "train": "train one cell on a task and record the run (no window)"}

_USAGE = """\
usage: python main.py [GUI options]
       python main.py simulate [options] --out TRACE.(npz|csv|json)
       python main.py compare [options] --out TABLE.(csv|json|npz)
       python main.py train [options] --out RUN.npz

GateScope: see inside one RNN, LSTM or GRU cell, token by token.

commands:
{commands}
  (none)      open the window; GUI options such as --preset, --step and --screenshot
              are passed to it

Run `python main.py simulate --help` or `python main.py compare --help` for the headless
commands' options.
"""

_HEADLESS_HINT = "to run without a window, use `python main.py simulate --help`"


def _no_display() -> bool:
    """True on Linux with neither an X11 nor a Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _error(message: str) -> int:
    sys.stderr.write(f"gatescope: error: {message}\n")
    return 2


def _gui(argv: list[str]) -> int:
    screenshot = any(a == "--screenshot" or a.startswith("--screenshot=") for a in argv)
    if _no_display() and not screenshot:  # a screenshot renders offscreen (ui.shell.app sees to it)
        return _error(f"no display found (DISPLAY and WAYLAND_DISPLAY are unset); {_HEADLESS_HINT}")
    try:
        app = importlib.import_module("ui.shell.app")  # Qt is loaded only for the window
    except ImportError as err:
        return _error(f"the window cannot start ({err}); {_HEADLESS_HINT}")
    return int(app.run(argv) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch on the first argument and return the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the program name (``sys.argv[1:]`` by default).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "simulate":
        from simulator.cli.main import main as simulate

        return simulate(args[1:])
    if args and args[0] == "compare":
        from simulator.cli.compare import main as compare

        return compare(args[1:])
    if args and args[0] == "train":
        from simulator.cli.train import main as train

        return train(args[1:])
    if args and args[0] in ("-h", "--help", "help"):
        width = max(map(len, COMMANDS))
        print(_USAGE.format(commands="\n".join(f"  {k:<{max(width, 10)}}  {v}" for k, v in COMMANDS.items())))
        return 0
    if args and not args[0].startswith("-") and not os.path.exists(args[0]):
        close = difflib.get_close_matches(args[0], COMMANDS, n=1)
        if close:
            return _error(f"unknown command {args[0]!r}; did you mean {close[0]!r}? (see --help)")
    return _gui(args)


if __name__ == "__main__":
    sys.exit(main())
