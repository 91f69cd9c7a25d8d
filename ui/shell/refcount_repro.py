"""Minimal reproduction of the PySide6 6.12 defect that ``refcount_guard`` works around.

Run it with the PySide6 you want to try, *without* GateScope's guard::

    python ui/shell/refcount_repro.py

On Python 3.11 with PySide6-Essentials 6.12.0 every call of a Qt method returning ``void`` drops
one reference to ``None`` without having taken it (measured: 500 of 500 calls; ``bool`` results
did not leak in this script); it makes 500 such calls, prints how far each count fell, gives the
references back and exits 1. A painting window
drains the few thousand references in seconds and the interpreter aborts (``none_dealloc``).
Python 3.12+ makes the singletons immortal (PEP 683): the counts cannot move and the script says
so (exit 0). When a PySide6 release passes here on 3.11, drop the ``<6.12`` pin in pyproject.toml
and the guard.
"""

from __future__ import annotations

import ctypes
import sys

CALLS = 500  # few enough that None (a few thousand references at start) survives the test


def leaked_references(calls: int = CALLS) -> dict[str, int]:
    """How many references None, True and False lost over ``calls`` Qt calls returning void/bool."""
    from PySide6.QtCore import QObject

    obj = QObject()
    singletons = {"None": None, "True": True, "False": False}
    before = {name: sys.getrefcount(value) for name, value in singletons.items()}
    for _ in range(calls):
        obj.setObjectName("x")  # void → None
        obj.blockSignals(False)  # bool → False (the previous state)
        obj.blockSignals(True)  # … then True
        obj.blockSignals(False)
    after = {name: sys.getrefcount(value) for name, value in singletons.items()}
    lost = {name: before[name] - after[name] for name in before}
    for name, value in singletons.items():  # give them back, so the interpreter can exit cleanly
        if sys.version_info < (3, 12) and lost[name] > 0:
            ctypes.c_ssize_t.from_address(id(value)).value += lost[name]
    return lost


def main() -> int:
    """Print the finding; exit status 1 when references leak (the defect), else 0."""
    import PySide6

    lost = leaked_references()
    where = f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}"
    if sys.version_info >= (3, 12):
        print(f"{where}: None/True/False are immortal here (PEP 683); the defect cannot show")
        return 0
    if any(n >= CALLS // 2 for n in lost.values()):
        print(f"{where}: DEFECT — references lost over {CALLS} calls: {lost}")
        return 1
    print(f"{where}: no references lost over {CALLS} calls ({lost})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
