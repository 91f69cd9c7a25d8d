"""One BLAS thread for a training process, unless its environment chose a number.

A training iteration multiplies small matrices (batch × hidden size, a few dozen each way) many
times over. OpenBLAS's worker threads gain little there and, on a machine whose cores are busy,
spin while they wait: measured on the 2-core development machine (LSTM, recall over 40 steps,
100 iterations, batch 32), one thread took 0.5 / 1.1 / 3.0 s at H = 16 / 64 / 128 and the default
two threads 0.5–2.1 / 1.0–5.0 / 2.7–13.6 s, with about twice the CPU time. The issue's figures
are for one thread, so ``train`` uses one.

numpy loads its BLAS when it is imported, before any command runs, so setting
``OPENBLAS_NUM_THREADS`` then is too late; the thread count is set through the library numpy
loaded (OpenBLAS's ``openblas_set_num_threads``, found with ctypes, as threadpoolctl does). A
``OPENBLAS_NUM_THREADS``, ``OMP_NUM_THREADS`` or ``MKL_NUM_THREADS`` in the environment wins,
and a numpy built on another BLAS is left as it is (the returned text says which happened).
"""

from __future__ import annotations

import ctypes
import glob
import os
from pathlib import Path

import numpy as np

__all__ = ["THREAD_VARIABLES", "one_blas_thread"]

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# the setter's name in OpenBLAS as numpy's wheels bundle it (64-bit integers, prefixed) and plain
_SETTERS = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads")


def _openblas_libraries() -> list[str]:
    """Paths of the OpenBLAS shared libraries bundled with numpy (wheels), if any."""
    root = Path(np.__file__).resolve().parent
    found: list[str] = []
    for folder in (root.parent / "numpy.libs", root / ".dylibs"):  # Linux and macOS wheels
        found += glob.glob(str(folder / "*openblas*"))
    return sorted(set(found))


def one_blas_thread() -> str:
    """Limit numpy's BLAS to one thread unless the environment set a count; say what was done.

    Returns
    -------
    str
        ``"BLAS threads: 1"``, ``"BLAS threads from OPENBLAS_NUM_THREADS=…"`` (or the variable
        that was set), or ``"BLAS threads: unchanged (…)"`` when no OpenBLAS setter was found.
    """
    for name in THREAD_VARIABLES:
        if os.environ.get(name):
            return f"BLAS threads from {name}={os.environ[name]}"
    for path in _openblas_libraries():
        try:
            library = ctypes.CDLL(path)  # already loaded by numpy: the same handle, nothing new runs
        except OSError:
            continue
        for setter in _SETTERS:
            function = getattr(library, setter, None)
            if function is not None:
                function(1)
                return "BLAS threads: 1"
    return "BLAS threads: unchanged (no OpenBLAS setter found in numpy's libraries)"
