"""The three cells in PyTorch's canonical layout."""

from simulator.core.cells.base import PARAMETER_NAMES, Cell
from simulator.core.cells.gru import GRUCell
from simulator.core.cells.lstm import LSTMCell
from simulator.core.cells.rnn import RNNCell

CELL_CLASSES: dict[str, type[Cell]] = {"rnn": RNNCell, "lstm": LSTMCell, "gru": GRUCell}

__all__ = ["CELL_CLASSES", "PARAMETER_NAMES", "Cell", "GRUCell", "LSTMCell", "RNNCell"]
