"""GateScope's engine: RNN, LSTM and GRU cells in numpy, their traces, formats and exports.

This package never imports Qt (a test enforces it).
"""

from __future__ import annotations

from typing import Any

from simulator.core.cells import CELL_CLASSES, Cell, GRUCell, LSTMCell, RNNCell
from simulator.core.errors import InputError
from simulator.core.factory import make_cell
from simulator.core.simulation import Simulation, recompute, run
from simulator.core.trace import Trace

__version__ = "0.1.0"

__all__ = ["Cell", "RNNCell", "LSTMCell", "GRUCell", "CELL_CLASSES", "InputError", "Trace",
           "Simulation", "make_cell", "run", "recompute", "load_weights", "__version__"]


def load_weights(path: Any, format: str | None = None, **options: Any) -> Cell:  # noqa: A002
    """Read a cell from a weight file (PyTorch, Keras, ONNX, NPZ, safetensors).

    See :func:`simulator.io.formats.load_weights`.
    """
    from simulator.io.formats import load_weights as _load

    return _load(path, format=format, **options)
