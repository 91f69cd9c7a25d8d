"""Atomic file writes: write beside the target, then ``os.replace`` it into place.

A crash, a full disk or an exception halfway through a write leaves the old
file untouched and no partial file behind. A process killed mid-write (SIGKILL,
power loss) cannot clean up: its temporary file ``.<name>.gatescope-<pid>.*.tmp``
stays, and the next write of the same target removes it once that process is gone.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from simulator.core.errors import InputError
from simulator.io.liveness import process_alive

__all__ = ["atomic_write", "remove_stale_temps"]


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], binary: bool = True,
                 encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on a clean exit it replaces ``path``.

    Parameters
    ----------
    path : str or os.PathLike
        The file to (re)write. Its directory must exist.
    binary : bool
        True (default) yields a binary file, False a text file.
    encoding, newline : str, optional
        For text mode only, as in :func:`open`.

    Yields
    ------
    file object
        Write to it; do not close it yourself.

    Raises
    ------
    InputError
        The directory is missing or not writable, or the write fails (disk full, ...).
        Exceptions raised by the caller's block propagate unchanged; in every
        failing case the temporary file is removed and ``path`` is left as it was.
    """
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    remove_stale_temps(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target, os.getpid()), suffix=".tmp", dir=directory)
    except OSError as err:
        raise InputError(f"cannot write {target}: {err.strerror or err}") from None
    try:
        handle = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline=newline)
    except Exception:
        os.close(fd)
        os.unlink(tmp)
        raise
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(target, tmp)
        os.replace(tmp, target)
    except OSError as err:
        _discard(tmp)
        raise InputError(f"cannot write {target}: {err.strerror or err}") from None
    except BaseException:
        _discard(tmp)
        raise


def _temp_prefix(target: str, pid: int) -> str:
    """``.<name>.gatescope-<pid>.``: hidden, beside the target, naming the process that writes it."""
    return f".{os.path.basename(target)}.gatescope-{pid}."


def remove_stale_temps(path: str | os.PathLike[str]) -> list[str]:
    """Delete temporary files of ``path`` left by writers that were killed mid-write.

    A temporary file names its writer's process id; it is stale when that process no
    longer exists (a live writer's file, in this process or another, is left alone).

    Returns
    -------
    list of str
        The files removed.
    """
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    head = f".{os.path.basename(target)}.gatescope-"
    removed = []
    try:
        names = [n for n in os.listdir(directory) if n.startswith(head) and n.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        pid_text = name[len(head):].split(".", 1)[0]
        if not pid_text.isdigit() or process_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(directory, name))
            removed.append(name)
    return removed


def _keep_mode(target: str, tmp: str) -> None:
    """Give the new file the old file's permissions, or the usual umask default."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
