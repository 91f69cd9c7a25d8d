"""An optional compiled loop for the LSTM and GRU kernels, built once with the system C compiler.

A numpy kernel pays a ufunc call (about 0.3 µs) for every elementwise operation of every step;
the LSTM needs ten a step, the GRU eight to ten. The loops below do the same arithmetic in C: one
pass over the steps, the recurrent product written out (the compiler vectorises it) and tanh from
glibc's vector math library. The input projection stays in numpy (``project_inputs``), so rows
are still projected in blocks aligned to step 0 and any split of a range gives the same bits.

The library is compiled on first use (about 0.3 s, once per machine: it is cached under
``$XDG_CACHE_HOME/gatescope``), checked against the equations on a small case, and used only
for float64 cells without peepholes or forced gates. Without a C compiler, when the build or the
check fails, or with ``GATESCOPE_NATIVE=0``, the cells keep their numpy kernels: the two agree
within 1e-15 on a step (``tests/simulator/test_native.py``). Within one process the choice never
changes, so a rerun from step t equals a full run bit for bit either way.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import platform
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from simulator.core.native_source import SOURCE

if TYPE_CHECKING:
    from simulator.core.cells.base import Forcer

__all__ = ["ENABLED", "available", "gru", "lstm"]

#: False keeps every cell on its numpy kernel (``GATESCOPE_NATIVE=0``; tests switch it).
ENABLED = os.environ.get("GATESCOPE_NATIVE", "1") != "0"

_lock = threading.Lock()
_local = threading.local()
_loaded: list[ctypes.CDLL | None] = []  # empty until the first try, then [library or None]
_P, _L, _I = ctypes.c_void_p, ctypes.c_long, ctypes.c_int


def _flags() -> list[str]:
    """Compiler flags: AVX2 and FMA where this CPU has them (never -march=native: the cache may move)."""
    flags = ["-O3", "-ffast-math", "-fPIC"]  # fast-math lets gcc call glibc's vector tanh
    try:
        cpu = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").split()
    except OSError:
        cpu = []
    if platform.machine() in ("x86_64", "AMD64") and "avx2" in cpu and "fma" in cpu:
        flags += ["-mavx2", "-mfma"]
    return flags


def _build() -> ctypes.CDLL | None:
    """Compile (or find cached) and load the library; None without a compiler."""
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    flags = _flags()
    key = hashlib.sha256("\0".join([SOURCE, cc, platform.machine(), *flags]).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gatescope"
    target = cache / f"kernels-{key}.so"
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            src, obj = Path(tmp) / "kernels.c", Path(tmp) / "kernels.o"
            src.write_text(SOURCE, encoding="ascii")
            subprocess.run([cc, *flags, "-c", str(src), "-o", str(obj)], check=True, capture_output=True,
                           timeout=120)
            built = cache / f"kernels-{key}.{os.getpid()}.tmp"
            # linked without -ffast-math: no crtfastmath.o, so the process's denormal mode is untouched
            subprocess.run([cc, "-shared", str(obj), "-o", str(built), "-lm"], check=True,
                           capture_output=True, timeout=120)
            os.replace(built, target)  # atomic: another process never loads half a file
    lib = ctypes.CDLL(str(target))
    signatures = {"gs_lstm": [_L, _I] + [_P] * 7, "gs_lstm_gates": [_I] + [_P] * 4,
                  "gs_lstm_state": [_I] + [_P] * 4, "gs_gru": [_L, _I, _I] + [_P] * 6,
                  "gs_gru_rz": [_I, _I] + [_P] * 4, "gs_gru_n": [_I, _I] + [_P] * 5,
                  "gs_gru_state": [_I] + [_P] * 3}
    for name, args in signatures.items():
        getattr(lib, name).argtypes = args
        getattr(lib, name).restype = None
    return lib


def _library() -> ctypes.CDLL | None:
    if not _loaded:
        with _lock:
            if not _loaded:
                try:
                    lib = _build()
                except (OSError, subprocess.SubprocessError, AttributeError):
                    lib = None
                _loaded.append(lib if lib is not None and _agrees(lib) else None)
    return _loaded[0]


def available() -> bool:
    """True when the compiled loops are built, checked and enabled."""
    return ENABLED and _library() is not None


def _ready(*arrays: np.ndarray) -> ctypes.CDLL | None:
    """The library when it may run on ``arrays`` (C-contiguous float64), else None."""
    if not ENABLED or not all(a.dtype == np.float64 and a.flags.c_contiguous for a in arrays):
        return None
    checking = getattr(_local, "lib", None)  # the load-time check runs before the library is published
    return checking if checking is not None else _library()


def lstm(gates: np.ndarray, w_t: np.ndarray, h: np.ndarray, c: np.ndarray, h_out: np.ndarray,
         c_out: np.ndarray, force: Forcer | None = None, start: int = 0) -> bool:
    """The LSTM's steps in C; False (nothing written) when the numpy kernel must run instead.

    Parameters
    ----------
    gates : ndarray, shape (n, 4H)
        The projected inputs in engine order i, f, o, g with the sigmoid rows halved; overwritten
        with the gate values.
    w_t : ndarray, shape (H, 4H)
        The recurrent weight, transposed, engine order, sigmoid columns halved.
    h, c : ndarray, shape (H,)
        The state entering the first step.
    h_out, c_out : ndarray, shape (n, H)
    force : Forcer, optional
        Called as ``force(gates[k], start + k, "ifgo")`` once the gates of a step are computed;
        the steps then run one at a time through the same compiled code.
    """
    lib = _ready(gates, w_t, h, c, h_out, c_out)
    if lib is None:
        return False
    H, acc = h.shape[0], np.empty(4 * h.shape[0])
    w, hp, cp, a, g, ho, co = (arr.ctypes.data for arr in (w_t, h, c, acc, gates, h_out, c_out))
    if force is None:
        lib.gs_lstm(len(gates), H, g, w, hp, cp, ho, co, a)
        return True
    for k, row in enumerate(gates):  # addresses in bytes: a gate row is 4H doubles, a state row H
        lib.gs_lstm_gates(H, g + k * 32 * H, w, hp, a)
        force(row, start + k, "ifgo")
        lib.gs_lstm_state(H, g + k * 32 * H, cp, ho + k * 8 * H, co + k * 8 * H)
        hp, cp = ho + k * 8 * H, co + k * 8 * H
    return True


def gru(gates: np.ndarray, w_t: np.ndarray, b_hn: np.ndarray, h: np.ndarray, h_out: np.ndarray,
        reset_after: bool, force: Forcer | None = None, start: int = 0) -> bool:
    """The GRU's steps in C; False (nothing written) when the numpy kernel must run instead.

    Parameters
    ----------
    gates : ndarray, shape (n, 3H)
        The projected inputs r, z, n with the r and z rows halved; overwritten with the gates.
    w_t : ndarray, shape (H, 3H)
        The recurrent weight, transposed, r and z columns halved.
    b_hn : ndarray, shape (H,)
        The recurrent bias of n (used only with ``reset_after``).
    h : ndarray, shape (H,)
    h_out : ndarray, shape (n, H)
    force : Forcer, optional
        Called as ``force(gates[k], start + k, "rz")`` after r and z, then with ``"n"``.
    """
    lib = _ready(gates, w_t, b_hn, h, h_out)
    if lib is None:
        return False
    H, acc, after = h.shape[0], np.empty(4 * h.shape[0]), int(reset_after)
    w, b, hp, a, g, ho = (arr.ctypes.data for arr in (w_t, b_hn, h, acc, gates, h_out))
    if force is None:
        lib.gs_gru(len(gates), H, after, g, w, b, hp, ho, a)
        return True
    for k, row in enumerate(gates):
        lib.gs_gru_rz(H, after, g + k * 24 * H, w, hp, a)
        force(row, start + k, "rz")
        lib.gs_gru_n(H, after, g + k * 24 * H, w, b, hp, a)
        force(row, start + k, "n")
        lib.gs_gru_state(H, g + k * 24 * H, hp, ho + k * 8 * H)
        hp = ho + k * 8 * H
    return True


def _agrees(lib: ctypes.CDLL) -> bool:
    """Run a small LSTM and both GRUs through ``lib`` and through the cells' equations (``step``)."""
    from simulator.core.cells import GRUCell, LSTMCell  # here: the cells import this module

    rng = np.random.default_rng(15)
    T, D, H = 7, 3, 5
    x = rng.standard_normal((T, D))
    cells = [LSTMCell(*(rng.standard_normal(s) for s in ((4 * H, D), (4 * H, H), 4 * H, 4 * H)))]
    cells += [GRUCell(*(rng.standard_normal(s) for s in ((3 * H, D), (3 * H, H), 3 * H, 3 * H)),
                      reset_after=after) for after in (True, False)]
    _local.lib = lib  # this thread's kernels use it; others wait on the lock until it is checked
    try:
        for cell in cells:
            trace = cell.new_trace(T)
            trace.write_inputs(0, x)
            cell.kernel(trace, 0, T)
            state = None
            for t in range(T):
                state, gates = cell.step(x[t], state)
                row = trace.row(t)
                if any(not np.allclose(row[k], v, rtol=0, atol=1e-12) for k, v in {**state, **gates}.items()):
                    return False
        return True
    finally:
        _local.lib = None
