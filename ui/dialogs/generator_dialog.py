"""The signal generator dialog: a form built from ``GENERATORS`` and a live preview."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from simulator.errors import InputError
from simulator.inputs import GENERATORS, MAX_STEPS, generate
from ui.widgets.colormaps import sigmoid_map, style_plot
from ui.widgets.inputs_model import apply_inputs

if TYPE_CHECKING:
    from ui.controller import Controller

__all__ = ["GeneratorDialog"]

_INT_MAX = 2**31 - 1  # QSpinBox holds a C int
_MAX_CURVES = 12
_LINE_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")


def _spin(param: Any, parent: QWidget) -> QAbstractSpinBox:
    """A spin box for one generator parameter, with its range, default and help."""
    if param.type is int:
        box: QAbstractSpinBox = QSpinBox(parent)
        box.setRange(int(param.minimum), int(min(param.maximum, _INT_MAX)))
    else:
        box = QDoubleSpinBox(parent)
        box.setDecimals(4)
        box.setRange(float(param.minimum), float(param.maximum))
        box.setSingleStep(0.1 if param.maximum - param.minimum <= 10 else 1.0)
    box.setValue(param.default)
    box.setObjectName(f"param_{param.name}")
    box.setToolTip(f"{param.help} ({param.minimum:g} … {param.maximum:g}, default {param.default:g})")
    box.setAccessibleName(param.name)
    box.setKeyboardTracking(False)
    return box


class GeneratorDialog(QDialog):
    """Generate an input sequence (sine, square, impulse, step, noise, copy task) and use it.

    OK replaces the document's inputs with :func:`simulator.inputs.generate`'s output as one
    undo step (the cell keeps its weights when D matches; otherwise the user confirms a
    re-initialised input layer).
    """

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("generator_dialog")
        self.setWindowTitle("Generate inputs")
        self.resize(720, 460)
        self.combo = QComboBox(self)
        self.combo.setObjectName("generator_combo")
        self.combo.setAccessibleName("Generator")
        self.combo.setToolTip("The kind of signal to generate")
        for name, gen in GENERATORS.items():
            self.combo.addItem(name, name)
            self.combo.setItemData(self.combo.count() - 1, gen.help, Qt.ItemDataRole.ToolTipRole)
        self.steps = QSpinBox(self)
        self.steps.setObjectName("generator_steps")
        self.steps.setRange(1, MAX_STEPS)
        self.steps.setValue(max(controller.length, 1))
        self.steps.setToolTip(f"Number of steps T (1 … {MAX_STEPS})")
        self.steps.setAccessibleName("Steps")
        self.steps.setKeyboardTracking(False)
        self.input_size = QSpinBox(self)
        self.input_size.setObjectName("generator_input_size")
        self.input_size.setRange(1, 4096)
        self.input_size.setValue(controller.cell.input_size)
        self.input_size.setToolTip("Inputs per step D (the signal is repeated in every column)")
        self.input_size.setAccessibleName("Input size")
        self.input_size.setKeyboardTracking(False)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("generator_error")
        self.error.setWordWrap(True)
        self.params: dict[str, QAbstractSpinBox] = {}

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow("&Generator", self.combo)  # parameter rows go between these and the sizes
        self.form.addRow("&Steps", self.steps)
        self.form.addRow("&Input size", self.input_size)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("generator_preview")
        self.plot.setToolTip("Preview of the generated sequence (one line per input; columns offset)")
        self.plot.setMinimumWidth(380)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setLabel("bottom", "step")
        self.plot.setLabel("left", "value")
        self.plot.getPlotItem().setDownsampling(auto=True, mode="peak")
        self.plot.getPlotItem().setClipToView(True)
        style_plot(self.plot, [self.plot.getPlotItem()], self.palette())
        self.curves: list[pg.PlotDataItem] = []
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.hide()
        self.plot.addItem(self.image)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Use these inputs")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            "Replace the session's inputs by this sequence (one undo step)")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.help)
        left.addStretch(1)
        left.addWidget(self.error)
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addWidget(self.plot, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.update_preview)
        self.combo.currentIndexChanged.connect(self._build_form)
        self.steps.valueChanged.connect(self._timer.start)
        self.input_size.valueChanged.connect(self._timer.start)
        self._build_form()

    # -- form ------------------------------------------------------------------------------
    def name(self) -> str:
        """The selected generator's name."""
        return str(self.combo.currentData())

    def _build_form(self) -> None:
        for _ in self.params:
            self.form.removeRow(1)  # deletes the old parameter's label and spin box
        gen = GENERATORS[self.name()]
        self.params = {}
        for k, param in enumerate(gen.params):
            box = _spin(param, self)
            box.valueChanged.connect(self._timer.start)
            self.params[param.name] = box
            self.form.insertRow(1 + k, param.name.capitalize(), box)
        self.help.setText(gen.help)
        self.update_preview()

    def values(self) -> dict[str, Any]:
        """The form's parameter values by name (``seed`` included where the generator has one)."""
        return {name: box.value() for name, box in self.params.items()}

    def generated(self) -> np.ndarray:
        """The sequence the form describes, shape (T, D); raises InputError when the form is invalid."""
        params = self.values()
        seed = params.pop("seed", 0)
        return generate(self.name(), self.steps.value(), self._width(), seed=seed, **params)

    def _width(self) -> int | None:
        fixed = GENERATORS[self.name()].input_size(self.values())
        self.input_size.setEnabled(fixed is None)
        if fixed is not None:
            self.input_size.blockSignals(True)
            self.input_size.setValue(fixed)
            self.input_size.blockSignals(False)
            self.input_size.setToolTip(f"Fixed by the {self.name()} generator: {fixed} inputs per step")
            return fixed
        self.input_size.setToolTip("Inputs per step D (the signal is repeated in every column)")
        return self.input_size.value()

    def labels(self) -> list[str]:
        """Column labels for the copy task (symbols, blank, recall cue); none for the signals."""
        if self.name() != "copy":
            return []
        return [f"s{k}" for k in range(int(self.values()["symbols"]))] + ["blank", "recall"]

    # -- preview ---------------------------------------------------------------------------------
    def update_preview(self) -> None:
        """Regenerate and redraw; an invalid form shows its message and disables OK."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            x = self.generated()
        except InputError as err:
            self.error.setText(str(err))
            self.error.setStyleSheet("color: #c0392b;")
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        reinit = x.shape[1] != self.controller.cell.input_size
        self.error.setStyleSheet("")
        self.error.setText(f"{x.shape[0]} steps × {x.shape[1]} inputs"
                           + (f" — the cell takes {self.controller.cell.input_size}: its input weights "
                              "will be re-initialised." if reinit else ""))
        if self.name() == "copy":
            self._show_heatmap(x)
        else:
            self._show_lines(x)

    def _show_lines(self, x: np.ndarray) -> None:
        """Signals: one line per column (repeated columns overlap), up to a dozen."""
        self.image.hide()
        self.plot.getViewBox().invertY(False)
        self.plot.getAxis("left").setTicks(None)
        self.plot.setLabel("left", "value")
        shown = min(x.shape[1], _MAX_CURVES)
        steps = np.arange(x.shape[0])
        for k in range(shown):
            if k == len(self.curves):
                self.curves.append(self.plot.plot())
            pen = pg.mkPen(_LINE_COLORS[k % len(_LINE_COLORS)], width=1.5)
            self.curves[k].setData(steps, x[:, k], pen=pen)
            self.curves[k].show()
        for curve in self.curves[shown:]:
            curve.hide()
        self.plot.enableAutoRange()

    def _show_heatmap(self, x: np.ndarray) -> None:
        """The copy task: its one-hot columns as rows of a 0 … 1 heatmap, labelled."""
        for curve in self.curves:
            curve.hide()
        self.image.setColorMap(sigmoid_map(self.palette()))
        self.image.setImage(x.T, autoLevels=False, levels=(0.0, 1.0))
        self.image.show()
        labels = self.labels()
        self.plot.getViewBox().invertY(True)
        self.plot.getAxis("left").setTicks([[(k + 0.5, s) for k, s in enumerate(labels)]])
        self.plot.setLabel("left", "input")
        self.plot.setRange(xRange=(0, x.shape[0]), yRange=(0, x.shape[1]), padding=0)

    # -- result -------------------------------------------------------------------------------
    def accept(self) -> None:
        """Use the generated sequence (asking first if the cell's input size must change)."""
        try:
            x = self.generated()
        except InputError as err:
            self.error.setText(str(err))
            return
        text = f"Generate {self.name()} ({x.shape[0]} steps)"
        if apply_inputs(self.controller, x, self.labels(), text, self):
            super().accept()
