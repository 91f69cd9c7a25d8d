"""Choosers for the exports: a file name with its format, the view to capture, and the GIF's options."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QSpinBox,
    QWidget,
)

from ui.i18n import tr

__all__ = ["TRACE_FORMATS", "WEIGHT_FORMATS", "GifOptions", "GifOptionsDialog", "ask_save_path",
           "ask_view", "resolve_format", "VIEWS"]

# (file-dialog filter, format argument, suffix)
TRACE_FORMATS: list[tuple[str, str, str]] = [
    (QT_TR_NOOP("NumPy arrays with metadata (*.npz)"), "npz", ".npz"),
    (QT_TR_NOOP("CSV, one row per step (*.csv)"), "csv", ".csv"),
    (QT_TR_NOOP("CSV long, one row per number (*.csv)"), "csv-long", ".csv"),
    (QT_TR_NOOP("JSON (*.json)"), "json", ".json"),
]
# (filter, (format, naming), suffix) — every format simulator.io.formats.save_weights writes
WEIGHT_FORMATS: list[tuple[str, tuple[str, str], str]] = [
    (QT_TR_NOOP("safetensors, PyTorch names (*.safetensors)"), ("safetensors", "torch"), ".safetensors"),
    (QT_TR_NOOP("safetensors, Keras names (*.safetensors)"), ("safetensors", "keras"), ".safetensors"),
    (QT_TR_NOOP("NumPy archive, PyTorch names (*.npz)"), ("npz", "torch"), ".npz"),
    (QT_TR_NOOP("NumPy archive, Keras names (*.npz)"), ("npz", "keras"), ".npz"),
    (QT_TR_NOOP("PyTorch state dict (*.pt)"), ("torch", "torch"), ".pt"),
    (QT_TR_NOOP("Keras weights (*.weights.h5)"), ("keras", "keras"), ".weights.h5"),
    (QT_TR_NOOP("ONNX model (*.onnx)"), ("onnx", "torch"), ".onnx"),
]
VIEWS = [("diagram", QT_TR_NOOP("The cell diagram")), ("gradients", QT_TR_NOOP("The gradient plot")),
         ("window", QT_TR_NOOP("The whole window"))]


def ask_save_path(parent: QWidget, title: str, start: str, formats: list[tuple[str, object, str]]
                  ) -> tuple[str, object] | None:
    """A save dialog over ``formats``; returns (path with the format's suffix, format value) or None."""
    filters = [tr(f) for f, _value, _suffix in formats]
    path, chosen = QFileDialog.getSaveFileName(parent, title, start, ";;".join(filters))
    if not path:
        return None
    index = filters.index(chosen) if chosen in filters else 0
    return resolve_format(path, index, formats)


def resolve_format(path: str, index: int, formats: list[tuple[str, object, str]]) -> tuple[str, object]:
    """The typed extension decides the format; without a known one, the chosen filter's suffix is added.

    ``"run.csv"`` with the NPZ filter chosen writes CSV; ``"run"`` with the NPZ filter writes ``run.npz``.
    When several formats share the suffix (CSV and CSV long), the chosen filter wins if it is one of them.
    """
    lower = path.lower()
    _f, value, suffix = formats[index]
    if lower.endswith(suffix):
        return path, value
    for _f, value, suffix in sorted(formats, key=lambda f: -len(f[2])):  # ".weights.h5" before ".h5"
        if lower.endswith(suffix):
            return path, value
    return path + formats[index][2], formats[index][1]


def ask_view(parent: QWidget) -> str | None:
    """Which view to save as an image: "diagram", "gradients" or "window" (None when cancelled)."""
    labels = [tr(label) for _key, label in VIEWS]
    label, ok = QInputDialog.getItem(parent, tr("Export view"), tr("Save which view?"), labels, 0, False)
    return VIEWS[labels.index(label)][0] if ok else None


@dataclass
class GifOptions:
    """What the GIF shows: steps ``first`` … ``last`` every ``stride``, at ``fps``, ``width`` pixels wide."""

    first: int = 0
    last: int = 0
    stride: int = 1
    fps: int = 8
    width: int = 640


class GifOptionsDialog(QDialog):
    """Choose the steps, the frame rate and the size of the animated GIF."""

    def __init__(self, parent: QWidget | None, length: int, options: GifOptions) -> None:
        super().__init__(parent)
        self.setObjectName("gif_options_dialog")
        self.setWindowTitle(tr("Export the run as an animated GIF"))
        form = QFormLayout(self)
        self.first = self._spin(0, length - 1, options.first, tr("The first step shown"))
        self.last = self._spin(0, length - 1, options.last, tr("The last step shown"))
        self.stride = self._spin(1, max(1, length), options.stride, tr("Show every n-th step"))
        self.fps = self._spin(1, 50, options.fps, tr("Frames per second when the GIF plays"))
        self.width = self._spin(160, 1600, options.width, tr("Width of the GIF in pixels"))
        rows = ((tr("From step"), self.first), (tr("To step"), self.last),
                (tr("Every n-th step"), self.stride),
                (tr("Frames per second"), self.fps), (tr("Width (px)"), self.width))
        for label, widget in rows:
            form.addRow(label, widget)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _spin(self, low: int, high: int, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, max(low, high))
        spin.setValue(value)
        spin.setToolTip(tip)
        spin.setAccessibleName(tip)
        return spin

    def options(self) -> GifOptions:
        """The chosen options (first ≤ last)."""
        first, last = sorted((self.first.value(), self.last.value()))
        return GifOptions(first, last, self.stride.value(), self.fps.value(), self.width.value())
