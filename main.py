"""GateScope's entry point: the window by default, ``simulate`` for headless runs.

    python main.py                      open the window (needs a display)
    python main.py simulate --help      run a cell headless and write its trace
    python main.py compare --help       run cells side by side (or their memory test) headless
    python main.py --version            print the version (also after any command)

Installed, the same commands start with ``gatescope`` (the usage text names what was typed).
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
usage: {prog} [GUI options]
       {prog} simulate [options] --out TRACE.(npz|csv|json)
       {prog} compare [options] --out TABLE.(csv|json|npz)
       {prog} train [options] --out RUN.npz
       {prog} --version

GateScope: see inside one RNN, LSTM or GRU cell, token by token.

commands:
{commands}
  (none)      open the window; GUI options such as --preset, --step and --screenshot
              are passed to it

Run `{prog} simulate --help` or `{prog} compare --help` for the headless commands' options.
"""


def _prog() -> str:
    from simulator.cli.invocation import program_name

    return program_name()


def _headless_hint() -> str:
    return f"to run without a window, use `{_prog()} simulate --help`"


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
        return _error(f"no display found (DISPLAY and WAYLAND_DISPLAY are unset); {_headless_hint()}")
    try:
        app = importlib.import_module("ui.shell.app")  # Qt is loaded only for the window
    except ImportError as err:
        return _error(f"the window cannot start ({err}); {_headless_hint()}")
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
        listing = "\n".join(f"  {k:<{max(width, 10)}}  {v}" for k, v in COMMANDS.items())
        print(_USAGE.format(prog=_prog(), commands=listing))
        return 0
    if args and args[0] in ("-V", "--version"):  # before Qt loads: works without a display
        from simulator.cli.invocation import version_line

        print(version_line())
        return 0
    if args and not args[0].startswith("-") and not os.path.exists(args[0]):
        close = difflib.get_close_matches(args[0], COMMANDS, n=1)
        if close:
            return _error(f"unknown command {args[0]!r}; did you mean {close[0]!r}? (see --help)")
    return _gui(args)


if __name__ == "__main__":
    sys.exit(main())
