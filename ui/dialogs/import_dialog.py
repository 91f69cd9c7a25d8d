"""File choosers for weight and input imports (the import itself lives in :mod:`ui.documents`)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from simulator.formats import WEIGHT_FILE_FILTERS
from ui.i18n import tr

__all__ = ["WEIGHT_SUFFIXES", "INPUT_SUFFIXES", "weight_filter", "ask_weights_file", "ask_inputs_file"]

WEIGHT_SUFFIXES: tuple[str, ...] = tuple(s for _name, group in WEIGHT_FILE_FILTERS for s in group)
INPUT_SUFFIXES: tuple[str, ...] = (".npy", ".csv", ".tsv", ".txt")  # and .json that is not a session


def weight_filter() -> str:
    """A QFileDialog filter: every weight format first, then one entry per format."""
    everything = " ".join(f"*{s}" for s in WEIGHT_SUFFIXES)
    parts = [tr("All weight files") + f" ({everything})"]
    parts += [f"{name} ({' '.join('*' + s for s in group)})" for name, group in WEIGHT_FILE_FILTERS]
    return ";;".join([*parts, tr("All files") + " (*)"])


def ask_weights_file(parent: QWidget, directory: str) -> str:
    """Ask for a weight file to import; '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("Import weights"), directory, weight_filter())
    return path


def ask_inputs_file(parent: QWidget, directory: str) -> str:
    """Ask for an input-sequence file; '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, tr("Load inputs"), directory,
        tr("Input sequences") + " (*.npy *.csv *.tsv *.txt *.json);;NumPy (*.npy);;CSV (*.csv *.tsv *.txt);;"
        "JSON (*.json);;" + tr("All files") + " (*)")
    return path
