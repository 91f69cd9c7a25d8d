"""The three cells in PyTorch's canonical layout."""

from simulator.cells.base import PARAMETER_NAMES, Cell
from simulator.cells.gru import GRUCell
from simulator.cells.lstm import LSTMCell
from simulator.cells.rnn import RNNCell

CELL_CLASSES: dict[str, type[Cell]] = {"rnn": RNNCell, "lstm": LSTMCell, "gru": GRUCell}

__all__ = ["CELL_CLASSES", "PARAMETER_NAMES", "Cell", "GRUCell", "LSTMCell", "RNNCell"]
