"""Reading untrusted files within bounds, and never writing over one of them.

Every reader asks :func:`regular_file` before it opens anything: a symlink to ``/dev/zero``,
a named pipe or a directory is refused by its ``stat``, never read (a FIFO would block,
a device would stream forever). :func:`read_limited` opens with ``O_NONBLOCK`` and checks the
opened descriptor again, so a file swapped for a pipe between the two calls cannot block either.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from simulator.core.errors import InputError

__all__ = ["read_limited", "refuse_overwrite", "regular_file", "same_file"]

_CHUNK = 1 << 20


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def regular_file(path: str | os.PathLike[str], what: str = "file") -> int:
    """Size in bytes of ``path`` (links followed) when it is a regular file.

    Raises
    ------
    InputError
        Missing, unreadable, or a directory, device, named pipe or socket.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    if not stat.S_ISREG(info.st_mode):
        article = "an" if what[:1].lower() in "aeiou" else "a"
        raise InputError(f"{path} is {_kind(info.st_mode)}, not {article} {what}; refusing to read it")
    return info.st_size


def read_limited(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Parameters
    ----------
    path : str or os.PathLike
    limit : int
        Largest size accepted; a file that grows past it while being read is refused too.
    what : str
        Named in messages ("session file", "branch file" ...).

    Raises
    ------
    InputError
        Not a regular file, larger than ``limit``, or unreadable.
    """
    name = Path(path).name
    size = regular_file(path, what)
    if size > limit:
        raise InputError(f"{name}: {size} bytes is more than the {limit // (1 << 20)} MiB allowed "
                         f"for a {what}")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(f"{path} changed into something other than a regular file; refusing to read it")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    finally:
        os.close(fd)
    if total > limit:
        raise InputError(f"{name}: grew past the {limit // (1 << 20)} MiB allowed for a {what}")
    return b"".join(chunks)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: the same inode (hard and symbolic links), or one resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they lead
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_overwrite(out_flag: str, out: str | os.PathLike[str] | None,
                     inputs: Iterable[tuple[str, str | os.PathLike[str] | None]]) -> None:
    """Refuse an output path that is one of the inputs (after links are resolved).

    Parameters
    ----------
    out_flag : str
        The option naming the output, e.g. ``"--out"``.
    out : path or None
        None: nothing to check.
    inputs : iterable of (flag, path or None)
        Each input the command reads; None entries are skipped.

    Raises
    ------
    InputError
        ``out`` is one of the inputs; nothing has been written.
    """
    if out is None:
        return
    for flag, path in inputs:
        if path is not None and same_file(out, path):
            raise InputError(f"{out_flag} {out} is the same file as {flag} {path}; refusing to overwrite "
                             f"an input (choose another {out_flag})")
