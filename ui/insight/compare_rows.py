"""One compared cell as a compact row: its diagram, its h heatmap (units × steps) and its gradient norms.

Each row listens to its own :class:`~ui.document.controller.Controller`; the compare window keeps
all of them on one step. The heatmap image is set on ``trace_changed`` only; a step
moves the cursor line.
"""

from __future__ import annotations

import contextlib

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.document.controller import Controller
from ui.i18n import describe_cell, tr
from ui.insight.plots import KIND_COLORS, cursor_line, heatmap, make_plot, set_heatmap
from ui.widgets.common import colormaps as cm
from ui.widgets.gates.gate_panel import GatePanel
from ui.widgets.gradients.gradient_plot import GradientPlot

__all__ = ["CellRow"]


class CellRow(QFrame):
    """The row of one compared cell.

    Parameters
    ----------
    controller : Controller
        The cell's own controller (its inputs are the shared ones).
    label : str
        The cell's name in the compare window (``rnn``, ``lstm``, a session's file name …).
    index : int
        Its position (object names end in it).

    Attributes
    ----------
    image : pyqtgraph.ImageItem
        The (T, H) hidden state, step t in column t.
    cursor : pyqtgraph.InfiniteLine
        At the current step.
    diagram : CellDiagram
    gate_panel : GatePanel
        Every unit's gates and states at the current step (shown by default).
    diagram : CellDiagram or None
        Built when :meth:`show_diagram` first asks for it.
    gradients : GradientPlot

    Signals
    -------
    remove_requested()
    seek_requested(int)
        A click in the heatmap asks the shared transport for that step.
    """

    remove_requested = Signal()
    seek_requested = Signal(int)

    def __init__(self, controller: Controller, label: str, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"compare_row_{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.controller, self.label = controller, label
        color = KIND_COLORS.get(controller.cell.kind, "#7f7f7f")
        text = f"<b style='color:{color}'>■</b> <b>{label}</b> &nbsp; {describe_cell(controller.cell)}"
        self.title = QLabel(text, self)
        self.title.setObjectName(f"compare_title_{index}")
        remove = QToolButton(self)
        remove.setObjectName(f"compare_remove_{index}")
        remove.setText(tr("Remove"))
        remove.setAutoRaise(True)
        remove.setToolTip(tr("Take {label} out of the comparison").format(label=label))
        remove.setAccessibleName(tr("Remove {label}").format(label=label))
        remove.clicked.connect(self.remove_requested)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 1)
        header.addWidget(remove)

        ignored = QSizePolicy.Policy.Ignored  # the row's height comes from the window, not the views' hints
        self.gate_panel = GatePanel(controller, self)
        self.gate_panel.setObjectName(f"compare_gates_{index}")
        self.diagram = None  # built when first shown
        self.view_stack = QStackedWidget(self)
        self.view_stack.setObjectName(f"compare_view_{index}")
        self.view_stack.addWidget(self.gate_panel)
        self.view_stack.setMinimumWidth(330)
        self.view_stack.setSizePolicy(QSizePolicy.Policy.Preferred, ignored)

        self.plot = make_plot(self, f"compare_heatmap_{index}",
                              tr("{label}: the hidden state h of every unit (rows) at every step (columns), "
                                 "blue −1 … red +1; click to go to a step").format(label=label),
                              title=tr("{label}: hidden state h").format(label=label), bottom=tr("step"))
        item = self.plot.getPlotItem()
        self.image = heatmap(item, cm.tanh_map(self.palette()), cm.TANH_LEVELS)
        self.cursor = cursor_line(item, self.palette())
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, ignored)
        self.plot.scene().sigMouseClicked.connect(self._clicked)

        self.gradients = GradientPlot(controller, self)
        self.gradients.setObjectName(f"compare_gradients_{index}")
        self.gradients.setMinimumWidth(300)  # its title and legend fold onto more lines when narrow
        self.gradients.setSizePolicy(QSizePolicy.Policy.Preferred, ignored)

        row = self.views = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view_stack, 3)
        row.addWidget(self.plot, 4)
        row.addWidget(self.gradients, 5)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 2, 6, 4)
        column.setSpacing(2)
        column.addLayout(header)
        column.addLayout(row, 1)
        controller.trace_changed.connect(self.refresh)
        controller.step_changed.connect(self._move)
        self.refresh()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # as tall as the minimum: the rows share the window's height instead of scrolling
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False  # the word-wrapped status lines would otherwise make the scroll area size rows

    def show_diagram(self, on: bool) -> None:
        """Show the cell diagram (True) or the gates-and-states panel (False) beside the heatmap."""
        if on and self.diagram is None:
            from ui.widgets.diagram.cell_diagram import (
                CellDiagram,  # only when asked for: it is the heaviest view
            )

            self.diagram = CellDiagram(self.controller, self)
            self.diagram.setObjectName(f"compare_diagram_{self.objectName()[-1]}")
            self.diagram.set_compact(True)
            self.view_stack.addWidget(self.diagram)
        self.view_stack.setCurrentWidget(self.diagram if on else self.gate_panel)
        self.views.setStretch(0, 6 if on else 3)  # the schematic needs width to be legible

    def refresh(self, *_args: object) -> None:
        """Show the whole trace's h (once per trace change)."""
        trace = self.controller.trace
        levels = cm.levels_for("h", self.controller.cell, trace)
        set_heatmap(self.image, trace.h, levels)
        self.image.setRect(QRectF(-0.5, -0.5, max(trace.length, 1), trace.hidden_size))
        item = self.plot.getPlotItem()
        item.setLimits(xMin=-0.5, xMax=trace.length - 0.5)
        H = trace.hidden_size
        major = max(1, int(np.ceil(H / 8)))  # whole unit numbers, at most about 8 labels
        item.getAxis("left").setTickSpacing(major, major)
        self._move(self.controller.step)

    def _move(self, step: int) -> None:
        self.cursor.setValue(step)

    def _clicked(self, event) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        if event.button() == Qt.MouseButton.LeftButton and vb.sceneBoundingRect().contains(event.scenePos()):
            self.seek_requested.emit(int(np.rint(vb.mapSceneToView(event.scenePos()).x())))

    def link_steps(self, other: CellRow) -> None:
        """Share the step axis with ``other`` (zooming one zooms all)."""
        self.plot.getPlotItem().setXLink(other.plot.getPlotItem())

    def dispose(self) -> None:
        """Stop listening to the controller (before the row is deleted)."""
        for signal, slot in ((self.controller.trace_changed, self.refresh),
                             (self.controller.step_changed, self._move)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

