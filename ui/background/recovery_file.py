"""Recovery files: the open session plus who wrote it and when, streamed to JSON; finding orphans.

One file per running GateScope, ``recovery-<pid>-<stamp>.json`` in :func:`recovery_dir`::

    {"format": "gatescope-recovery", "version": 2, "pid": 4711, "process_start": "123456",
     "saved_at": 1718000000.5, "document_path": "/home/me/mine.json", "name": "mine.json",
     "session": { ...exactly Session.to_dict()... }}

Arrays of more than :data:`ROWS_PER_CHUNK` rows (the inputs of a long sequence) are stored as
``{"shape": [T, D], "float64_base64": "..."}``: their little-endian float64 bytes in base64,
exact and about fifty times faster to write and read than JSON numbers. They are encoded
:data:`ROWS_PER_CHUNK` rows at a time, so a writer in a background thread hands the interpreter
back to the GUI between chunks. Version 1 files (numbers only) are still read. A file is an *orphan*
when the process that wrote it is gone (or its pid now belongs to another process).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import math
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from simulator.core.errors import InputError
from simulator.document.session import MAX_SESSION_BYTES, SESSION_FORMAT, SESSION_VERSION, Session
from simulator.io.atomic import atomic_write, remove_stale_temps
from simulator.io.limits import read_limited
from simulator.io.liveness import process_alive

__all__ = ["RECOVERY_FORMAT", "RecoveryInfo", "recovery_dir", "write_recovery", "read_recovery",
           "find_orphans", "process_start"]

RECOVERY_FORMAT = "gatescope-recovery"
RECOVERY_VERSION = 2
ROWS_PER_CHUNK = 3 * 1024  # a multiple of 3: every chunk's bytes encode to base64 without padding
_MARK = "\x00gatescope-array-{}\x00"


@dataclass
class RecoveryInfo:
    """What a recovery file says about itself (the session is read separately)."""

    path: Path
    pid: int
    saved_at: float
    document_path: str | None
    name: str


def recovery_dir() -> Path:
    """``$GATESCOPE_DATA_DIR/recovery`` when set (tests), else the app-data folder's ``recovery``."""
    base = os.environ.get("GATESCOPE_DATA_DIR")
    if not base:
        from PySide6.QtCore import QStandardPaths

        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def process_start(pid: int) -> str | None:
    """The kernel's start time of ``pid`` (Linux ``/proc``), to tell a reused pid apart; None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return fields[19]  # field 22 of stat(5), counted after the command name
    except (OSError, IndexError):
        return None


def _alive(pid: int, start: str | None) -> bool:
    if not process_alive(pid):
        return False
    now = process_start(pid)
    return start is None or now is None or now == start


# -- writing ------------------------------------------------------------------------------------
def _chunks(data: dict[str, Any], arrays: list[np.ndarray]) -> Iterator[str]:
    """JSON text of ``data`` with each marker string replaced by its array, a few rows at a time."""
    text = json.dumps(data, allow_nan=False)
    for i, arr in enumerate(arrays):
        head, text = text.split(json.dumps(_MARK.format(i)), 1)
        yield head
        if arr.ndim < 2 or len(arr) <= ROWS_PER_CHUNK:
            yield json.dumps(arr.tolist(), allow_nan=False)
            continue
        yield f'{{"shape": {list(arr.shape)}, "float64_base64": "'
        for start in range(0, len(arr), ROWS_PER_CHUNK):
            rows = np.ascontiguousarray(arr[start:start + ROWS_PER_CHUNK], dtype="<f8")
            yield base64.b64encode(rows.data).decode("ascii")
        yield '"}'
    yield text


def _skeleton(session: Session, arrays: list[np.ndarray]) -> dict[str, Any]:
    """``session.to_dict()`` with markers in place of the big arrays (appended to ``arrays``)."""
    def mark(arr: np.ndarray) -> str:
        arrays.append(arr)
        return _MARK.format(len(arrays) - 1)

    cell = session.cell
    state = {"h0": session.h0.tolist()}
    if session.c0 is not None:
        state["c0"] = session.c0.tolist()
    return {"format": SESSION_FORMAT, "version": SESSION_VERSION, "title": session.title,
            "description": session.description,
            "cell": {**cell.config(), "parameters": {k: mark(v) for k, v in cell.parameters().items()}},
            "inputs": mark(session.inputs), "input_labels": list(session.input_labels),
            "initial_state": state, "step": session.step, "settings": session.settings}


def write_recovery(path: Path, session: Session, document_path: str | None, name: str,
                   saved_at: float, pid: int | None = None, pause: Callable[[], None] | None = None) -> None:
    """Write ``session`` with its metadata to ``path`` atomically (safe to call from a thread).

    ``pid`` names the writer (this process by default; tests write other processes' files);
    ``pause()``, when given, is called between pieces of the file (it may wait).
    """
    arrays: list[np.ndarray] = []
    pid = os.getpid() if pid is None else pid
    head = {"format": RECOVERY_FORMAT, "version": RECOVERY_VERSION, "pid": pid,
            "process_start": process_start(pid), "saved_at": saved_at,
            "document_path": document_path, "name": name}
    data = {**head, "session": _skeleton(session, arrays)}
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, binary=True) as fh:
        for chunk in _chunks(data, arrays):
            fh.write(chunk.encode("utf-8"))
            if pause is not None:
                pause()


# -- reading ------------------------------------------------------------------------------------
def _refuse(name: str) -> None:
    raise InputError(f"{name} is not allowed in a recovery file")


def _load_json(path: Path) -> dict[str, Any]:
    try:  # a regular file only: a pipe or a link to /dev/zero named recovery-*.json never blocks
        data = json.loads(read_limited(path, MAX_SESSION_BYTES, "recovery file").decode("utf-8"),
                          parse_constant=_refuse)
    except InputError:
        raise
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as err:
        text = " ".join(f"{type(err).__name__}: {err}".split())[:160]
        raise InputError(f"{path.name}: unreadable ({text})") from None
    if not isinstance(data, dict) or data.get("format") != RECOVERY_FORMAT:
        raise InputError(f"{path.name}: not a GateScope recovery file")
    return data


def _array(value: Any, where: str) -> Any:
    """``value``, or the array a ``{"shape", "float64_base64"}`` object encodes (checked)."""
    if not isinstance(value, dict) or set(value) != {"shape", "float64_base64"}:
        return value
    shape, text = value["shape"], value["float64_base64"]
    if (not isinstance(shape, list) or not 1 <= len(shape) <= 2 or not isinstance(text, str)
            or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape)):
        raise InputError(f"{where}: an encoded array needs a shape of one or two sizes and base64 text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, binascii.Error):
        raise InputError(f"{where}: the encoded array is not valid base64") from None
    if len(raw) != 8 * math.prod(shape):
        raise InputError(f"{where}: the encoded array holds {len(raw) // 8} numbers, its shape "
                         f"{shape} needs {math.prod(shape)}")
    return np.frombuffer(raw, dtype="<f8").reshape(shape).astype(np.float64)


def _decoded(session: Any) -> Any:
    """The session dict with its encoded arrays (inputs, cell parameters) decoded."""
    if not isinstance(session, dict):
        return session
    out = {**session, "inputs": _array(session.get("inputs"), "session: inputs")}
    cell = session.get("cell")
    if isinstance(cell, dict) and isinstance(cell.get("parameters"), dict):
        out["cell"] = {**cell, "parameters": {k: _array(v, f"session: {k}")
                                              for k, v in cell["parameters"].items()}}
    return out


def _info(path: Path, data: dict[str, Any]) -> RecoveryInfo:
    pid, saved, doc, name = (data.get(k) for k in ("pid", "saved_at", "document_path", "name"))
    if not isinstance(pid, int) or not isinstance(saved, (int, float)) or isinstance(saved, bool):
        raise InputError(f"{path.name}: pid or saved_at missing")
    if doc is not None and not isinstance(doc, str):
        raise InputError(f"{path.name}: document_path must be text")
    return RecoveryInfo(path, pid, float(saved), doc, name if isinstance(name, str) else "Untitled")


def read_recovery(path: Path) -> tuple[RecoveryInfo, Session]:
    """The metadata and the validated session of a recovery file; :class:`InputError` when unusable."""
    data = _load_json(path)
    info = _info(path, data)
    try:
        session = Session.from_dict(_decoded(data.get("session")))
    except RecursionError:
        raise InputError(f"{path.name}: JSON nested too deeply") from None
    except InputError as err:
        raise InputError(f"{path.name}: {err}") from None
    return info, session


def _owner(path: Path) -> tuple[int, str | None] | None:
    """The writer's pid (from the name) and start time (from the file's first bytes), or None."""
    parts = path.stem.split("-")
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    start = None
    with contextlib.suppress(OSError, InputError):
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe would block the launch
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            head = os.read(fd, 512).decode("utf-8", "replace")
        finally:
            os.close(fd)
        marker = '"process_start": "'
        if marker in head:
            start = head.split(marker, 1)[1].split('"', 1)[0]
    return int(parts[1]), start


def find_orphans(directory: Path, own: Path | None = None) -> list[Path]:
    """Recovery files in ``directory`` whose writer is gone, newest first (stale temporaries removed)."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    for name in names:  # a writer killed mid-write leaves .recovery-….gatescope-<pid>.….tmp
        if name.startswith(".recovery-") and name.endswith(".tmp") and ".gatescope-" in name:
            remove_stale_temps(directory / name[1:].split(".gatescope-", 1)[0])
    orphans = []
    for name in names:
        path = directory / name
        if not (name.startswith("recovery-") and name.endswith(".json")) or path == own:
            continue
        owner = _owner(path)
        if owner is None or owner[0] == os.getpid() or not _alive(*owner):
            orphans.append(path)
    return sorted(orphans, key=_mtime, reverse=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
