"""One training iteration (forward, backward, Adam step), numpy BPTT beside PyTorch autograd.

    python bench/training.py [--repeats 40] [--hidden 32] [--steps 50] [--batch 32]

For each kind, the same iteration at H=32, T=50, batch 32, float64 (the engine's precision)
on the recall task's shapes (D = O = 6, cross-entropy at the last step): the engine's
``evaluate`` plus :class:`~simulator.training.Adam`, and ``nn.RNN`` / ``nn.LSTM`` /
``nn.GRU`` + ``nn.Linear`` + ``cross_entropy`` + ``backward`` + ``torch.optim.Adam``.
Both run on one thread (threadpoolctl when installed, else the BLAS environment variables,
set before numpy loads); the two are timed alternately and the medians compared. The
float32 PyTorch time is printed too, for reference. Target: ≤ 1.0× torch (float64).
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before numpy loads its BLAS

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator import make_cell  # noqa: E402
from simulator.training import Adam, clip_grad_norm, evaluate  # noqa: E402

TARGET = 1.0


def _one_thread() -> str:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return "BLAS threads from the environment (1)"
    threadpool_limits(1)
    return "threadpoolctl: 1 thread"


def _batch(B: int, T: int, D: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = np.zeros((B, T, D))
    x[np.arange(B), 0, rng.integers(0, D - 2, B)] = 1.0
    x[:, -1, D - 1] = 1.0
    y = np.full((B, T), -1)
    y[:, -1] = x[:, 0, : D - 2].argmax(axis=1)
    return x, y


def numpy_iteration(kind: str, H: int, x: np.ndarray, y: np.ndarray) -> Callable[[], float]:
    """A closure running one engine iteration; returns the loss."""
    D = x.shape[-1]
    cell = make_cell(kind, D, H, seed=0)
    rng = np.random.default_rng(1)
    k = 1.0 / np.sqrt(H)
    params = {**cell.parameters(), "readout.weight": rng.uniform(-k, k, (D, H)),
              "readout.bias": rng.uniform(-k, k, D)}
    opt = Adam(0.01)

    def run() -> float:
        result = evaluate(cell, x, y, params["readout.weight"], params["readout.bias"], loss="cross_entropy")
        clip_grad_norm(result.grads, 1.0)
        opt.step(params, result.grads)
        return result.loss

    return run


def torch_iteration(kind: str, H: int, x: np.ndarray, y: np.ndarray, dtype: object) -> Callable[[], float]:
    """The same iteration with PyTorch modules and autograd."""
    import torch

    D = x.shape[-1]
    layer = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](D, H, batch_first=True)
    readout = torch.nn.Linear(H, D)
    layer.to(dtype)
    readout.to(dtype)
    params = [*layer.parameters(), *readout.parameters()]
    opt = torch.optim.Adam(params, lr=0.01)
    xt, yt = torch.tensor(x, dtype=dtype), torch.tensor(y)

    def run() -> float:
        opt.zero_grad()
        out, _ = layer(xt)
        logits = readout(out)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, D), yt.reshape(-1), ignore_index=-1)
        loss.backward()
        value = loss.detach().item()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        return value

    return run


def timed(fn: Callable[[], float]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    threads = _one_thread()
    try:
        import torch
    except ImportError:
        torch = None
    if torch is not None:
        torch.set_num_threads(1)
    x, y = _batch(args.batch, args.steps, 6)
    print(f"one iteration (forward, backward, clip, Adam), H={args.hidden}, T={args.steps}, "
          f"batch {args.batch}, D=O=6; {threads}; median of {args.repeats}")
    print(f"{'kind':<6}{'numpy f64':>12}{'torch f64':>12}{'ratio':>8}   target   {'torch f32':>10}")
    worst = 0.0
    for kind in ("rnn", "lstm", "gru"):
        ours = numpy_iteration(kind, args.hidden, x, y)
        runners = {"numpy": ours}
        if torch is not None:
            runners["torch"] = torch_iteration(kind, args.hidden, x, y, torch.float64)
            runners["torch32"] = torch_iteration(kind, args.hidden, x, y, torch.float32)
        times: dict[str, list[float]] = {name: [] for name in runners}
        for fn in runners.values():  # warm up
            fn()
            fn()
        for _ in range(args.repeats):  # alternate, so drifts in machine load hit both
            for name, fn in runners.items():
                times[name].append(timed(fn))
        med = {name: statistics.median(values) * 1e3 for name, values in times.items()}
        if torch is None:
            print(f"{kind:<6}{med['numpy']:>10.2f}ms{'—':>12}{'—':>8}   ≤ {TARGET:.1f}×  (no torch)")
            continue
        ratio = med["numpy"] / med["torch"]
        worst = max(worst, ratio)
        verdict = "ok" if ratio <= TARGET else "MISSED"
        print(f"{kind:<6}{med['numpy']:>10.2f}ms{med['torch']:>10.2f}ms{ratio:>7.2f}×   "
              f"≤ {TARGET:.1f}× {verdict:<6}{med['torch32']:>8.2f}ms")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
