"""Engine benchmark: microseconds per step of ``simulator.run`` beside PyTorch, and trace memory.

Usage::

    python bench/engine.py [--steps 10000] [--repeats 5] [--sizes 8 64 256]

One thread everywhere (the thread variables are set before numpy is imported and
``torch.set_num_threads(1)``), float64, D = 8. Each figure is the median of the
repeats of a whole 10,000-step sequence divided by the steps. PyTorch is compared
two ways: a Python loop over ``nn.LSTMCell`` / ``GRUCell`` / ``RNNCell`` under
``no_grad`` (what a step-by-step simulator would otherwise do), and ``nn.LSTM`` /
``GRU`` / ``RNN`` over the whole sequence in one call (C++ loop). Targets: at least
2× faster than the cell loop and no slower than the layer. Without torch only our
figures are printed. Then issue 15's floor (one matvec, an add and a tanh a step) beside ours,
measured in turn in the same run, with the numpy kernels' own figures (the fallback when the
compiled loops of ``simulator.core.native`` are unavailable or ``GATESCOPE_NATIVE=0``).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from simulator import make_cell, run  # noqa: E402
from simulator.core import native  # noqa: E402

try:
    import torch
except ImportError:  # torch is a reference, not a dependency
    torch = None

KINDS = (("rnn", "RNN tanh"), ("lstm", "LSTM"), ("gru", "GRU"))
CELL_LOOP_TARGET = 2.0  # ours must be at least this many times faster than the torch cell loop
LAYER_TARGET = 1.0  # ours may take at most this fraction of the torch layer's time
MEMORY_TARGET = 1.1  # retained bytes / trace.nbytes
FLOOR_TARGET = 1.5  # ours / the bare Python-level floor (issue 15)


def floor_seconds(H: int, width: int, x: np.ndarray, repeats: int) -> float:
    """The bare Python-level floor: per step one (H, width) matvec into a buffer, an add and a tanh.

    ``width`` is the kind's gate block (H, 3H or 4H), so the floor does the same BLAS work.
    """
    rng = np.random.default_rng(1)
    w_t = np.ascontiguousarray(rng.standard_normal((width, H)).T * 0.1)
    rows = x @ rng.standard_normal((x.shape[1], width))  # the input projection, outside the timing
    out, tmp = np.empty((len(x), width)), np.empty(width)

    def loop() -> None:
        h = np.zeros(H)
        for row, o in zip(rows, out, strict=True):
            np.dot(h, w_t, out=tmp)
            np.add(row, tmp, out=o)
            np.tanh(o, out=o)
            h = o[:H]

    return median_seconds(loop, repeats)


def floor_rows(sizes: list[int], x: np.ndarray, repeats: int) -> int:
    """Print each kind's floor and its ratio to it, measured side by side; the number of FAILs."""
    T, failures = len(x), 0
    compiled = "compiled LSTM / GRU loops" if native.available() else "numpy kernels (no compiled loops)"
    print(f"\nfloor: one (H, G·H) matvec, an add and a tanh per step (µs); ours / floor ≤ {FLOOR_TARGET}×")
    print(f"ours: {compiled}; numpy: the numpy kernels alone (the fallback, no target)")
    print(f"{'kind':<9}{'H':>5}{'floor':>9}{'ours':>9}{'ratio':>9}{'':8}{'numpy':>9}{'ratio':>9}")
    for kind, label in KINDS:
        for H in sizes:
            cell = make_cell(kind, x.shape[1], H, seed=0)
            floor = floor_seconds(H, cell.blocks * H, x, repeats)
            ours = median_seconds(lambda c=cell: run(c, x), repeats)
            native.ENABLED, enabled = False, native.ENABLED
            fallback = median_seconds(lambda c=cell: run(c, x), repeats)
            native.ENABLED = enabled
            ratio = ours / floor
            failures += ratio > FLOOR_TARGET
            print(f"{label:<9}{H:>5}{floor / T * 1e6:>9.2f}{ours / T * 1e6:>9.2f}{ratio:>8.2f}×  "
                  f"{'PASS' if ratio <= FLOOR_TARGET else 'FAIL'}{fallback / T * 1e6:>9.2f}"
                  f"{fallback / floor:>8.2f}×")
    return failures


def blas_info() -> str:
    """Which BLAS numpy calls, with its threads and the OpenBLAS variables that steer it."""
    try:
        from threadpoolctl import threadpool_info

        pools = [f"{p['internal_api']} {p.get('version')} ({p.get('architecture')}, "
                 f"{p['num_threads']} thread)" for p in threadpool_info() if p["user_api"] == "blas"]
        text = "; ".join(pools)
    except ImportError:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        text = f"{blas.get('name')} {blas.get('version')} ({blas.get('openblas configuration', '')})"
    env = {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ}
    return text + (f", env {env}" if env else "")


def median_seconds(fn, repeats: int) -> float:
    fn()  # warm-up: first-touch allocation, BLAS dispatch
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def torch_pair(kind: str, D: int, H: int):
    """The torch cell and layer with the same random weights, and our cell made from them."""
    name = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}[kind]
    torch.manual_seed(0)
    layer = getattr(torch.nn, name)(D, H).double()
    cell = getattr(torch.nn, name + "Cell")(D, H).double()
    params = {k: getattr(layer, k + "_l0").detach() for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}
    with torch.no_grad():
        for k, v in params.items():
            getattr(cell, k).copy_(v)
    ours = make_cell(kind, D, H)
    ours = type(ours)(**{k: v.numpy() for k, v in params.items()})
    return ours, cell, layer


def bench_torch(kind: str, cell, layer, x: np.ndarray, repeats: int) -> tuple[float, float, np.ndarray]:
    xt = torch.from_numpy(x)
    rows = list(xt.unsqueeze(1))  # (1, D) each, split once outside the timing
    H = cell.hidden_size

    def loop() -> None:
        with torch.no_grad():
            h = torch.zeros(1, H, dtype=torch.float64)
            if kind == "lstm":
                c = torch.zeros_like(h)
                for row in rows:
                    h, c = cell(row, (h, c))
            else:
                for row in rows:
                    h = cell(row, h)

    def whole() -> torch.Tensor:
        with torch.no_grad():
            return layer(xt.unsqueeze(1))[0]

    return median_seconds(loop, repeats), median_seconds(whole, repeats), whole()[:, 0].numpy()


def memory_row(kind: str, H: int, steps: int) -> str:
    cell = make_cell(kind, 8, H)
    x = np.random.default_rng(1).standard_normal((steps, 8))
    tracemalloc.start()
    trace = run(cell, x)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ratio, peak_ratio = retained / trace.nbytes, peak / trace.nbytes
    verdict = "PASS" if ratio <= MEMORY_TARGET else "FAIL"
    return (f"{kind:<5}{H:>5}{trace.nbytes / 1e6:>12.2f}{retained / 1e6:>12.2f}{ratio:>8.3f}"
            f"{peak / 1e6:>10.2f}{peak_ratio:>8.3f}   ≤{MEMORY_TARGET}  {verdict}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="+", default=[8, 64, 256])
    args = ap.parse_args(argv)
    D, T = 8, args.steps
    print(f"numpy {np.__version__}; BLAS: {blas_info()}")
    if torch is not None:
        torch.set_num_threads(1)
        print(f"torch {torch.__version__}, {torch.get_num_threads()} thread")
    print(f"{T} steps, D = {D}, float64, median of {args.repeats} repeats; µs per step\n")
    head = f"{'kind':<9}{'H':>5}{'ours':>9}"
    if torch is not None:
        head += f"{'cell-loop':>11}{'layer':>9}{'loop/ours':>11}{'ours/layer':>12}  target            result"
    print(head)
    x = np.random.default_rng(0).standard_normal((T, D))
    failures = 0
    for kind, label in KINDS:
        for H in args.sizes:
            if torch is None:
                ours = make_cell(kind, D, H)
                t_ours = median_seconds(lambda c=ours: run(c, x), args.repeats)
                print(f"{label:<9}{H:>5}{t_ours / T * 1e6:>9.2f}")
                continue
            ours, cell, layer = torch_pair(kind, D, H)
            t_ours = median_seconds(lambda c=ours: run(c, x), args.repeats)
            t_loop, t_layer, h_torch = bench_torch(kind, cell, layer, x, args.repeats)
            err = float(np.max(np.abs(run(ours, x).h - h_torch)))
            speedup, share = t_loop / t_ours, t_ours / t_layer
            ok = speedup >= CELL_LOOP_TARGET and share <= LAYER_TARGET and err <= 1e-12
            failures += not ok
            print(f"{label:<9}{H:>5}{t_ours / T * 1e6:>9.2f}{t_loop / T * 1e6:>11.2f}"
                  f"{t_layer / T * 1e6:>9.2f}{speedup:>10.1f}×{share:>11.2f}×  "
                  f"≥{CELL_LOOP_TARGET:.0f}× / ≤{LAYER_TARGET:.1f}×   {'PASS' if ok else 'FAIL'}"
                  f"  (max|Δh| {err:.1e})")
    failures += floor_rows(args.sizes, x, args.repeats)
    print(f"\nmemory, {T} steps, D = {D}: tracemalloc around run() vs trace.nbytes (MB)")
    print(f"{'kind':<5}{'H':>5}{'nbytes':>12}{'retained':>12}{'ratio':>8}{'peak':>10}{'ratio':>8}   target")
    for kind, _ in KINDS:
        line = memory_row(kind, 64, T)
        failures += line.endswith("FAIL")
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
