"""Stopgap for a PySide6 6.12 / shiboken6 defect on Python < 3.12: keep None, True and False alive.

On this stack every call of a Qt method that returns ``void`` (``QPainter.setPen``,
``QWidget.update`` …) or a ``bool`` hands back ``None`` / ``True`` / ``False``
without taking a reference, so each call drops one reference to the singleton. Python
3.12 made them immortal (PEP 683), which hides the bug there; on 3.11 a painting
window drains the few thousand references within seconds and the interpreter aborts
with ``Fatal Python error: none_dealloc`` (or ``bool_dealloc``).

Giving the singletons a huge head start of references is harmless (they are never freed
anyway) and makes the drain irrelevant: 2**40 calls is years of painting.
pyproject.toml pins PySide6 below 6.12 on Python < 3.12 only (an environment marker; 3.12+ gets
current PySide6); this guard protects environments where the pin was bypassed, and
``ui/__init__.py`` applies it only on that combination. ``ui/shell/refcount_repro.py`` reproduces
the defect: when a PySide6 release passes it on Python 3.11, drop the pin and this guard.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["HEAD_START", "protect_singletons"]

HEAD_START = 1 << 40


def protect_singletons() -> bool:
    """Add :data:`HEAD_START` references to None, True and False once (Python < 3.12 only).

    Returns True when it added them (False on immortal-singleton Pythons or when done before).
    """
    if sys.version_info >= (3, 12) or getattr(sys, "_gatescope_singletons_protected", False):
        return False
    import PySide6

    if not PySide6.__version__.startswith("6.12."):
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += HEAD_START  # ob_refcnt is the first field
    sys._gatescope_singletons_protected = True
    return True

