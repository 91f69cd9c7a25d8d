"""Whether a process still runs, without signalling it, on Linux, macOS and Windows.

Temporary files (:mod:`simulator.io.atomic`) and recovery files name their writer's pid; a file
is stale when that process is gone. ``os.kill(pid, 0)`` is the POSIX idiom but on Windows it
*terminates* the process, so: Windows asks ``OpenProcess``/``GetExitCodeProcess`` (as QLockFile
does there); POSIX asks ``getpgid``, which fails with ESRCH exactly when no such process exists.
"""

from __future__ import annotations

import os
import sys

__all__ = ["process_alive"]

_STILL_ACTIVE = 259
_QUERY_LIMITED_INFORMATION = 0x1000
_ACCESS_DENIED = 5


def process_alive(pid: int) -> bool:
    """True when a process with id ``pid`` exists (this one included).

    A process we may not inspect (another user's) counts as alive, so its files are left alone;
    ids that cannot name a process (0, negative, too large) are not alive.
    """
    if pid == os.getpid():
        return True
    if not 0 < pid < 2**31:
        return False
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.getpgid(pid)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # EPERM and the like: it exists
    return True


def _windows_alive(pid: int) -> bool:  # pragma: no cover - runs on Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return ctypes.get_last_error() == _ACCESS_DENIED  # it exists but is not ours to open
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
