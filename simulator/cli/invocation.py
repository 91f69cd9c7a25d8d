"""How the user started GateScope: the command name for usage text, and the ``--version`` line."""

from __future__ import annotations

import os
import sys

__all__ = ["program_name", "command_name", "version_line"]


def program_name(argv0: str | None = None) -> str:
    """``gatescope`` when started through the installed entry point, else ``python main.py``.

    Parameters
    ----------
    argv0 : str, optional
        The program path as started (``sys.argv[0]`` by default).
    """
    name = os.path.basename(sys.argv[0] if argv0 is None else argv0).lower()
    stem = name.removesuffix(".exe").removesuffix("-script.py")  # Windows launchers
    return "gatescope" if stem == "gatescope" else "python main.py"


def command_name(command: str, argv0: str | None = None) -> str:
    """The usage name of a sub-command, e.g. ``gatescope simulate`` or ``python main.py simulate``."""
    return f"{program_name(argv0)} {command}"


def version_line() -> str:
    """``gatescope 0.1.0``: what ``--version`` prints for the app and every sub-command."""
    from simulator import __version__

    return f"gatescope {__version__}"
