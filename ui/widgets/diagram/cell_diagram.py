"""The cell diagram: the schematic of the current cell with its gates coloured by their values.

The centrepiece of the window. The layout is built on ``cell_changed`` only; a step
change reads a dozen numbers from the trace and animates the shown values toward them
(~120 ms), or jumps when playing fast or seeking far.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TR_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPaintDevice
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ui.document.controller import Controller
from ui.i18n import describe_cell, tr
from ui.widgets.common import colormaps as cm
from ui.widgets.diagram.canvas import DiagramCanvas
from ui.widgets.diagram.equations import equation_text
from ui.widgets.diagram.layout import build_layout
from ui.widgets.diagram.style import Scene
from ui.widgets.diagram.tween import Tween
from ui.widgets.diagram.values import pre_terms, step_values

__all__ = ["CellDiagram"]

ANIMATION_MS = 120
FAST_PLAY = 15.0  # steps per second above which the values jump
FAR_SEEK = 3  # steps; a longer jump is not animated
HINT = QT_TR_NOOP(
    "Hover a gate or state to see its equation with this step's numbers; click it to pin it here.")


class CellDiagram(QWidget):
    """Schematic of the current RNN, LSTM or GRU cell, animated step by step.

    Parameters
    ----------
    controller : Controller
    parent : QWidget, optional

    Signals
    -------
    gate_clicked(str)
        The value key of a clicked node (``"f"``, ``"z"``, ``"c"`` …).
    """

    gate_clicked = Signal(str)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cell_diagram")
        self.setAccessibleName(self.tr("Cell diagram"))
        self.controller = controller
        self._targets: dict[str, float] = {}
        self._last_step = controller.step
        self._pinned: str | None = None  # node id
        self._highlight: frozenset[str] = frozenset()
        self._compact = False
        self._build_ui()
        self._tween = Tween(ANIMATION_MS, self.canvas.update, self)
        controller.cell_changed.connect(self._rebuild)
        controller.trace_changed.connect(self._on_trace)
        controller.step_changed.connect(self._on_step)
        controller.unit_changed.connect(self._on_unit)
        self._rebuild()

    def _build_ui(self) -> None:
        self.mode_combo = QComboBox(objectName="diagram_mode_combo")
        self.mode_combo.addItem(self.tr("Selected unit"), "unit")
        self.mode_combo.addItem(self.tr("Mean of units"), "mean")
        self.mode_combo.setToolTip(self.tr(
            "Colour the diagram by one unit's values or by the mean over all units"))
        self.mode_combo.setAccessibleName(self.tr("Diagram values: one unit or the mean of units"))
        self.mode_combo.currentIndexChanged.connect(lambda _: self._refresh(animate=True))
        self.unit_spin = QSpinBox(objectName="diagram_unit_spin")
        self.unit_spin.setToolTip(self.tr("The unit the diagram and its equations show"))
        self.unit_spin.setAccessibleName(self.tr("Selected unit"))
        self.unit_spin.valueChanged.connect(self.controller.set_selected_unit)
        self.canvas = DiagramCanvas(self)
        self.canvas.tooltip_for = self._tooltip
        self.canvas.node_clicked.connect(self._on_node_clicked)
        self.caption = QLabel(tr(HINT), objectName="diagram_caption")
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption.setToolTip(self.tr(
            "The pinned equation (click a gate to pin it, click empty space to clear)"))
        self.caption.setAccessibleName(self.tr("Pinned equation"))
        self.caption.setContentsMargins(10, 2, 6, 2)
        self.caption.setMinimumWidth(200)
        lines = self.caption.fontMetrics().lineSpacing()
        self.caption.setFixedHeight(lines * 4 + 6)  # a pinned equation: its title and three lines
        controls = QGridLayout()
        controls.setContentsMargins(0, 2, 8, 2)
        controls.setVerticalSpacing(4)
        controls.addWidget(QLabel(self.tr("Show"), buddy=self.mode_combo), 0, 0, Qt.AlignmentFlag.AlignRight)
        controls.addWidget(self.mode_combo, 0, 1)
        controls.addWidget(QLabel(self.tr("Unit"), buddy=self.unit_spin), 1, 0, Qt.AlignmentFlag.AlignRight)
        controls.addWidget(self.unit_spin, 1, 1, Qt.AlignmentFlag.AlignLeft)
        self.unit_spin.setMinimumWidth(self.unit_spin.fontMetrics().horizontalAdvance("0000") + 40)
        controls.setRowStretch(2, 1)
        self.footer = QWidget(self, objectName="diagram_footer")  # hidden in a compact diagram
        bottom = QHBoxLayout(self.footer)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.caption, 1)
        bottom.addLayout(controls)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 2)
        col.setSpacing(0)
        col.addWidget(self.canvas, 1)
        col.addWidget(self.footer)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(900, 620)

    # -- public API -----------------------------------------------------------------------
    @property
    def mean_mode(self) -> bool:
        """True when the diagram shows the mean over units."""
        return self.mode_combo.currentData() == "mean"

    def set_mean_mode(self, mean: bool) -> None:
        """Show the mean over units (True) or the selected unit (False)."""
        self.mode_combo.setCurrentIndex(1 if mean else 0)

    def displayed_values(self) -> dict[str, float]:
        """The target value of every gate and state key at the current step (see ``values.KEYS``)."""
        return dict(self._targets)

    def equation_text(self, gate: str) -> str:
        """The equation of value key ``gate`` with the live numbers of the selected unit."""
        c = self.controller
        return equation_text(c.cell, c.trace, c.step, gate, c.selected_unit, self.mean_mode)

    def pre_activation(self, gate: str, unit: int | None = None) -> float:
        """The argument of ``gate``'s activation for ``unit`` (default: the selected one) now."""
        c = self.controller
        unit = c.selected_unit if unit is None else unit
        return pre_terms(c.cell, c.trace, c.step, "a" if c.cell.kind == "rnn" else gate, unit)["pre"]

    def pinned(self) -> str | None:
        """The value key whose equation is pinned in the caption, if any."""
        return None if self._pinned is None else self.canvas.layout_.nodes[self._pinned].key

    def set_highlight(self, keys: set[str]) -> None:
        """Outline the parts named by ``keys`` with a glow (a lesson points at them); empty clears.

        A key is a value key (``"f"``, ``"c"``, ``"1-z"`` …: every node showing it glows), a
        node id, or ``"cell_line"`` (the state line across the top). Keys the current cell
        does not draw are kept but show nothing; a new cell clears the highlight.
        """
        self._highlight = frozenset(keys)
        nodes = self.canvas.layout_.nodes if self.canvas.layout_ else {}
        ids = {i for i, n in nodes.items() if i in keys or n.key in keys}
        self.canvas.scene.highlight = frozenset(ids | ({"cell_line"} & self._highlight))
        self.canvas.update()

    def highlighted(self) -> frozenset[str]:
        """The keys given to :meth:`set_highlight` (empty after a new cell)."""
        return self._highlight

    def set_compact(self, compact: bool) -> None:
        """A small diagram (the compare window's rows): no caption, controls or footer notes."""
        self._compact = compact
        self.footer.setVisible(not compact)
        self.canvas.setMinimumSize(*((240, 150) if compact else (360, 220)))
        self._rebuild()

    def render_to_image(self, size: QSize) -> QImage:
        """The diagram at the current step drawn at ``size`` pixels, without animation."""
        scene = self._scene(dict(self._targets))
        return self.canvas.render_image(size, scene)

    def paint_on(self, device: QPaintDevice, size: QSize) -> None:
        """Paint the diagram at the current step on ``device`` at ``size`` (the SVG export's picture)."""
        self.canvas.paint_on(device, size, self._scene(dict(self._targets)))

    # -- updates --------------------------------------------------------------------------
    def _rebuild(self) -> None:
        c = self.controller
        self._tween.stop()
        self._pinned = None
        self.caption.setText(tr(HINT))
        self.canvas.layout_ = build_layout(c.cell)
        if self._compact:
            self.canvas.layout_.notes = []  # the row's title says what the cell is: room for the schematic
        self.canvas.scene.hover = None
        self.canvas.scene.pinned = None
        self.set_highlight(set())
        self.unit_spin.blockSignals(True)
        self.unit_spin.setRange(0, c.cell.hidden_size - 1)
        self.unit_spin.setValue(c.selected_unit)
        self.unit_spin.blockSignals(False)
        self._on_trace(0)

    def _on_trace(self, _first: int = 0) -> None:
        c = self.controller
        levels = {"cell": cm.levels_for("c", c.cell, c.trace)[1]}
        x_max = float(np.nanmax(np.abs(c.trace.x), initial=0.0)) if c.length else 0.0
        levels["x"] = x_max if 0.0 < x_max < float("inf") else 1.0  # the input chips' colour scale
        if c.cell.kind == "rnn":  # a ReLU RNN's h is unbounded
            levels["tanh"] = cm.levels_for("h", c.cell, c.trace)[1]
        self.canvas.scene.levels = levels
        self._refresh(animate=False)

    def _on_step(self, step: int) -> None:
        c = self.controller
        far = abs(step - self._last_step) > FAR_SEEK
        self._refresh(animate=not far and not (c.playing and c.speed > FAST_PLAY))

    def _on_unit(self, unit: int) -> None:
        if self.unit_spin.value() != unit:
            self.unit_spin.blockSignals(True)
            self.unit_spin.setValue(unit)
            self.unit_spin.blockSignals(False)
        self._refresh(animate=True)

    def _refresh(self, animate: bool) -> None:
        """Read the current step's values, update the header and caption, start or skip the animation."""
        c = self.controller
        self._last_step = c.step
        self._targets = step_values(c.cell, c.trace, c.step, None if self.mean_mode else c.selected_unit)
        scene = self.canvas.scene
        scene.header_left, scene.header_right = self._header()
        scene.x_text = self._x_text()
        x = c.trace.x[c.step] if c.length else ()
        scene.x_vector = tuple(float(a) for a in x) if len(x) > 1 and scene.x_text is None else ()
        if self._pinned is not None:
            self.caption.setText(self._equation_for(self._pinned))
        shown = scene.values
        if animate and self.isVisible() and shown.keys() == self._targets.keys():
            self._tween.start(shown, self._targets)  # paints its first frame, already moving
            return
        self._tween.stop()
        scene.values = dict(self._targets)
        self.canvas.update()

    def finish_animation(self) -> None:
        """Show the current step's values now (exports, and the benchmark's steps from rest)."""
        self._tween.finish()

    def _header(self) -> tuple[str, str]:
        c = self.controller
        who = (self.tr("mean of {units} units").format(units=c.cell.hidden_size) if self.mean_mode
               else self.tr("unit {unit}").format(unit=c.selected_unit))
        return describe_cell(c.cell), f"t = {c.step} / {max(c.length - 1, 0)}   ·   {who}"  # as the transport

    def _x_text(self) -> str | None:
        """The token a one-hot input stands for, when the session labels its input dimensions."""
        c = self.controller
        labels = c.session.input_labels
        if not c.length or len(labels) != c.cell.input_size or c.cell.input_size < 2:
            return None
        x = c.trace.x[c.step]
        k = int(np.argmax(x))
        if x[k] != 1.0 or np.count_nonzero(x) != 1:
            return None
        return repr(labels[k])[:5]

    def _scene(self, values: dict[str, float]) -> Scene:
        s = self.canvas.scene
        return Scene(values, s.levels, s.header_left, s.header_right, x_text=s.x_text, x_vector=s.x_vector,
                     highlight=s.highlight)

    # -- interaction ----------------------------------------------------------------------
    def _equation_for(self, ident: str) -> str:
        return self.equation_text(self.canvas.layout_.nodes[ident].key)

    def _tooltip(self, ident: str) -> str:
        return self._equation_for(ident) + "\n\n" + self.tr("Click to pin this equation below the diagram.")

    def _on_node_clicked(self, ident: str) -> None:
        if not ident or ident == self._pinned:
            self._pinned = None
            self.caption.setText(tr(HINT))
        else:
            self._pinned = ident
            self.caption.setText(self._equation_for(ident))
            self.gate_clicked.emit(self.canvas.layout_.nodes[ident].key)
        self.canvas.scene.pinned = self._pinned
        self.canvas.update()
