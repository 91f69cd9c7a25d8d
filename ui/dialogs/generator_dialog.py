"""The signal generator dialog: a form built from ``GENERATORS`` and a live preview."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
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

from simulator.core.errors import InputError
from simulator.io.inputs import GENERATORS, MAX_STEPS, generate
from ui.i18n import tr
from ui.widgets.common.colormaps import sigmoid_map, style_plot
from ui.widgets.inputs.inputs_model import apply_inputs

if TYPE_CHECKING:
    from ui.document.controller import Controller

__all__ = ["GeneratorDialog"]

_INT_MAX = 2**31 - 1  # QSpinBox holds a C int
_MAX_CURVES = 12
_LINE_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
# The generators' names, parameters and help (simulator.io.inputs.GENERATORS), for the translation:
# shown through _gen(), so a text changed in the simulator shows in English until translated again.
_GENERATOR_TEXTS = (
    QT_TRANSLATE_NOOP("Generator", "sine"),
    QT_TRANSLATE_NOOP("Generator", "square"),
    QT_TRANSLATE_NOOP("Generator", "impulse"),
    QT_TRANSLATE_NOOP("Generator", "step"),
    QT_TRANSLATE_NOOP("Generator", "noise"),
    QT_TRANSLATE_NOOP("Generator", "copy"),
    QT_TRANSLATE_NOOP("Generator", "Period"),
    QT_TRANSLATE_NOOP("Generator", "Amplitude"),
    QT_TRANSLATE_NOOP("Generator", "Phase"),
    QT_TRANSLATE_NOOP("Generator", "Duty"),
    QT_TRANSLATE_NOOP("Generator", "At"),
    QT_TRANSLATE_NOOP("Generator", "Std"),
    QT_TRANSLATE_NOOP("Generator", "Seed"),
    QT_TRANSLATE_NOOP("Generator", "Length"),
    QT_TRANSLATE_NOOP("Generator", "Symbols"),
    QT_TRANSLATE_NOOP("Generator", "Delay"),
    QT_TRANSLATE_NOOP("Generator", "amplitude · sin(2π t / period + phase)"),
    QT_TRANSLATE_NOOP("Generator", "+amplitude for the first duty fraction of each period, −amplitude after"),
    QT_TRANSLATE_NOOP("Generator", "amplitude at one step, 0 elsewhere"),
    QT_TRANSLATE_NOOP("Generator", "0 before one step, amplitude from it on"),
    QT_TRANSLATE_NOOP("Generator", "seeded Gaussian white noise, each column independent"),
    QT_TRANSLATE_NOOP("Generator",
                      "the copy task: a one-hot pattern, blanks, a recall cue (D = symbols + 2)"),
    QT_TRANSLATE_NOOP("Generator", "steps per cycle"),
    QT_TRANSLATE_NOOP("Generator", "peak value"),
    QT_TRANSLATE_NOOP("Generator", "phase offset in radians"),
    QT_TRANSLATE_NOOP("Generator", "fraction of each period high"),
    QT_TRANSLATE_NOOP("Generator", "the step (from 0) where it happens"),
    QT_TRANSLATE_NOOP("Generator", "standard deviation"),
    QT_TRANSLATE_NOOP("Generator", "random seed (the same seed gives the same sequence)"),
    QT_TRANSLATE_NOOP("Generator", "symbols in the pattern"),
    QT_TRANSLATE_NOOP("Generator", "size of the alphabet"),
    QT_TRANSLATE_NOOP("Generator", "blank steps between pattern and cue")
)


def _gen(text: str) -> str:
    """A generator's name, parameter or help in the interface language (context "Generator")."""
    return QCoreApplication.translate("Generator", text)


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
    box.setToolTip(tr("{help} ({low} … {high}, default {default})").format(
        help=_gen(param.help), low=f"{param.minimum:g}", high=f"{param.maximum:g}",
        default=f"{param.default:g}"))
    box.setAccessibleName(param.name)
    box.setKeyboardTracking(False)
    return box


class GeneratorDialog(QDialog):
    """Generate an input sequence (sine, square, impulse, step, noise, copy task) and use it.

    OK replaces the document's inputs with :func:`simulator.io.inputs.generate`'s output as one
    undo step (the cell keeps its weights when D matches; otherwise the user confirms a
    re-initialised input layer).
    """

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("generator_dialog")
        self.setWindowTitle(tr("Generate inputs"))
        self.resize(720, 460)
        self.combo = QComboBox(self)
        self.combo.setObjectName("generator_combo")
        self.combo.setAccessibleName(tr("Generator"))
        self.combo.setToolTip(tr("The kind of signal to generate"))
        for name, gen in GENERATORS.items():
            self.combo.addItem(_gen(name), name)
            self.combo.setItemData(self.combo.count() - 1, _gen(gen.help), Qt.ItemDataRole.ToolTipRole)
        self.steps = QSpinBox(self)
        self.steps.setObjectName("generator_steps")
        self.steps.setRange(1, MAX_STEPS)
        self.steps.setValue(max(controller.length, 1))
        self.steps.setToolTip(tr("Number of steps T (1 … {max})").format(max=MAX_STEPS))
        self.steps.setAccessibleName(tr("Steps"))
        self.steps.setKeyboardTracking(False)
        self.input_size = QSpinBox(self)
        self.input_size.setObjectName("generator_input_size")
        self.input_size.setRange(1, 4096)
        self.input_size.setValue(controller.cell.input_size)
        self.input_size.setToolTip(tr("Inputs per step D (the signal is repeated in every column)"))
        self.input_size.setAccessibleName(tr("Input size"))
        self.input_size.setKeyboardTracking(False)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("generator_error")
        self.error.setWordWrap(True)
        self.params: dict[str, QAbstractSpinBox] = {}

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(tr("&Generator"), self.combo)  # parameter rows go between these and the sizes
        self.form.addRow(tr("&Steps"), self.steps)
        self.form.addRow(tr("&Input size"), self.input_size)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("generator_preview")
        self.plot.setToolTip(tr("Preview of the generated sequence (one line per input; columns offset)"))
        self.plot.setMinimumWidth(380)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setLabel("bottom", tr("step"))
        self.plot.setLabel("left", tr("value"))
        self.plot.getPlotItem().setDownsampling(auto=True, mode="peak")
        self.plot.getPlotItem().setClipToView(True)
        style_plot(self.plot, [self.plot.getPlotItem()], self.palette())
        self.curves: list[pg.PlotDataItem] = []
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.hide()
        self.plot.addItem(self.image)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Use these inputs"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            tr("Replace the session's inputs by this sequence (one undo step)"))
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
            self.form.insertRow(1 + k, _gen(param.name.capitalize()), box)
        self.help.setText(_gen(gen.help))
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
            self.input_size.setToolTip(tr("Fixed by the {name} generator: {n} inputs per step").format(
                name=_gen(self.name()), n=fixed))
            return fixed
        self.input_size.setToolTip(tr("Inputs per step D (the signal is repeated in every column)"))
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
        self.error.setText(tr("{steps} steps × {inputs} inputs").format(steps=x.shape[0], inputs=x.shape[1])
                           + (tr(" — the cell takes {n}: its input weights will be re-initialised.").format(
                               n=self.controller.cell.input_size) if reinit else ""))
        if self.name() == "copy":
            self._show_heatmap(x)
        else:
            self._show_lines(x)

    def _show_lines(self, x: np.ndarray) -> None:
        """Signals: one line per column (repeated columns overlap), up to a dozen."""
        self.image.hide()
        self.plot.getViewBox().invertY(False)
        self.plot.getAxis("left").setTicks(None)
        self.plot.setLabel("left", tr("value"))
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
        self.plot.setLabel("left", tr("input"))
        self.plot.setRange(xRange=(0, x.shape[0]), yRange=(0, x.shape[1]), padding=0)

    # -- result -------------------------------------------------------------------------------
    def accept(self) -> None:
        """Use the generated sequence (asking first if the cell's input size must change)."""
        try:
            x = self.generated()
        except InputError as err:
            self.error.setText(str(err))
            return
        text = tr("Generate {name} ({steps} steps)").format(name=_gen(self.name()), steps=x.shape[0])
        if apply_inputs(self.controller, x, self.labels(), text, self):
            super().accept()
