"""Presets: ready-made sessions in ``assets/presets/*.json`` that teach the ideas.

(Minimal for now: the default example. The preset files and their tests come next.)
"""

from __future__ import annotations

import numpy as np

from simulator.factory import make_cell
from simulator.session import Session

__all__ = ["default_session"]


def default_session() -> Session:
    """The example shown at first launch: an LSTM with 4 units reading a short pulse train."""
    cell = make_cell("lstm", 1, 4, seed=0, forget_bias=1.0)
    x = np.zeros((40, 1))
    x[[3, 15, 27], 0] = 1.0
    return Session(cell=cell, inputs=x, title="LSTM: first look",
                   description="An LSTM with four units reads a train of three pulses.")
