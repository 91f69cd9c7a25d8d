"""A warning bar above the diagram while the trace holds inf or NaN (a relu RNN that overflows).

The engine lets a relu RNN with large recurrent weights run to ±inf and then NaN (the float
type's range is simply exceeded). The bar says from which step and what to change; it is
recomputed once per trace change and hides itself when the trace is finite again.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from ui.background.long_work import SettledRows
from ui.document.controller import Controller
from ui.i18n import cell_label, tr

__all__ = ["OverflowBar", "first_non_finite"]

_WARNING = QColor(240, 160, 0)


def first_non_finite(h: np.ndarray, start: int = 0) -> int | None:
    """The first step ≥ ``start`` whose row of ``h`` (T, H) holds inf or NaN, or None.

    Row sums are a cheap filter (no (T, H) boolean temporary): a non-finite element makes its
    row's sum non-finite; rows flagged only because finite values overflowed the sum are
    checked element by element.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        sums = h[start:].sum(axis=1)
    for t in np.flatnonzero(~np.isfinite(sums)):
        if not np.isfinite(h[start + t]).all():
            return start + int(t)
    return None


class OverflowBar(QFrame):
    """The non-modal warning shown above the diagram; hidden while the trace is finite.

    Attributes
    ----------
    step : int or None
        The first non-finite step of the current trace.
    """

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overflow_warning")
        self.setAccessibleName(tr("Overflow warning"))
        self.controller = controller
        self.step: int | None = None
        self._settled = SettledRows()  # rows of a running long recompute already scanned
        self._found: int | None = None  # the first non-finite step among them
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        self.label = QLabel(self)
        self.label.setObjectName("overflow_text")
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(icon)
        row.addWidget(self.label, 1)
        self._apply_palette()
        self.hide()
        controller.trace_changed.connect(self._trace_changed)
        controller.trace_progress.connect(self._scan_settled)
        self._trace_changed(0)

    def _apply_palette(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window).getRgbF()[:3]
        tint = _WARNING.getRgbF()[:3]
        mix = QColor.fromRgbF(*(0.75 * a + 0.25 * b for a, b in zip(base, tint, strict=True)))
        palette.setColor(QPalette.ColorRole.Window, mix)
        self.setPalette(palette)

    def _scan_settled(self, first: int, done: int) -> None:
        """Scan the rows a long recompute has finished while it still runs (``trace_progress``)."""
        rows = self._settled.feed(first, done)
        if rows is None:
            return
        if rows[0] == first:
            self._found = None
        if self._found is None:
            self._found = first_non_finite(self.controller.trace.h[:rows[1]], rows[0])

    def _trace_changed(self, first: int) -> None:
        h = self.controller.trace.h
        rest, found, self._found = self._settled.take(first), self._found, None
        if self.step is not None and self.step < first:
            step = self.step  # rows before ``first`` did not change
        elif rest != first and found is not None:
            step = found  # found in the rows scanned during the recompute
        else:
            step = first_non_finite(h, min(max(rest, 0), len(h)))
        self.step = step
        if step is None:
            self.hide()
            return
        self.label.setText(self.message(step))
        self.setToolTip(tr("The trace holds inf or NaN from this step on; the views cannot show those "
                           "values."))
        self.show()

    def message(self, step: int) -> str:
        """The warning text for an overflow at ``step``."""
        cell = self.controller.cell
        dtype = cell.dtype.name
        if cell.kind == "rnn" and cell.options().get("nonlinearity") == "relu":
            return tr("The state overflows {dtype} at step {step}: the relu RNN's recurrent weights are too "
                      "large to simulate. Scale W_hh down or use tanh.").format(dtype=dtype, step=step)
        return tr("The state overflows {dtype} at step {step}: the {cell} produced inf or NaN. "
                  "Scale the weights or inputs down.").format(dtype=dtype, step=step, cell=cell_label(cell))
