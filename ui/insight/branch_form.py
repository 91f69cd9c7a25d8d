"""The "what if" form: from a step, force a gate, change the input row, or change one weight.

:meth:`BranchForm.branch` turns the form into a :class:`simulator.insight.Branch`; the
panel runs it. The form follows the current step and shows the current values (the
input row at that step, the chosen weight) so an edit starts from what is there.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from simulator.core.errors import InputError
from simulator.insight import Branch, GateForce
from ui.i18n import quantity_label, tr
from ui.widgets.common import colormaps as cm

__all__ = ["MODES", "BranchForm", "parse_numbers"]

MODES = (("gate", "Force a gate"), ("input", "Change the input"), ("weight", "Change a weight"))
_MODE_TEXTS = {"gate": lambda: tr("Force a gate"), "input": lambda: tr("Change the input"),
               "weight": lambda: tr("Change a weight")}
_ALL = ("", "all", "*", "전체")
_PARAMETERS = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


def parse_numbers(text: str, what: str) -> list[float]:
    """``"0.5, 1"`` -> ``[0.5, 1.0]`` (commas or spaces); :class:`InputError` names ``what``."""
    parts = [p for p in text.replace(",", " ").split() if p]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise InputError(tr("{what}: {text} is not a list of numbers").format(
            what=what, text=repr(text))) from None
    if not values or not all(np.isfinite(values)):
        raise InputError(tr("{what}: give finite numbers separated by commas").format(what=what))
    return values


def _spin(name: str, tip: str, cls=QSpinBox, **kwargs) -> QSpinBox | QDoubleSpinBox:
    spin = cls(objectName=name, toolTip=tip, **kwargs)
    spin.setAccessibleName(tip.split(":")[0])
    return spin


class BranchForm(QWidget):
    """The fields of a new branch; :meth:`branch` reads them."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branch_form")
        self.controller = controller
        self.start = _spin("branch_start",
                           tr("From step: the branch's first step (follows the current step)"))
        self.mode = QComboBox(objectName="branch_mode", toolTip=tr("What the branch changes"))
        self.mode.setAccessibleName(tr("Branch change"))
        for key, _text in MODES:
            self.mode.addItem(_MODE_TEXTS[key](), key)
        self.gate = QComboBox(objectName="branch_gate", toolTip=tr("The gate held at the value"))
        self.gate.setAccessibleName(tr("Gate to force"))
        self.value = _spin("branch_value", tr("Value: the gate's value (0 … 1 for σ gates, −1 … 1 for tanh)"),
                           QDoubleSpinBox, decimals=3, singleStep=0.1, minimum=-1.0, maximum=1.0, value=1.0)
        self.units = QLineEdit(tr("all"), objectName="branch_units")
        self.units.setToolTip(tr("Units: “all”, or unit numbers separated by commas, e.g. 0,2"))
        self.units.setAccessibleName(tr("Units to force"))
        self.input_row = QLineEdit(objectName="branch_input_row")
        self.input_row.setToolTip(tr("The input at the start step, one value per input dimension"))
        self.input_row.setAccessibleName(tr("Input row"))
        self.parameter = QComboBox(objectName="branch_parameter", toolTip=tr("The parameter to change"))
        self.parameter.setAccessibleName(tr("Parameter"))
        self.parameter.addItems(_PARAMETERS)
        self.row = _spin("branch_weight_row",
                         tr("Row: the weight's row (gate blocks stacked, PyTorch layout)"))
        self.col = _spin("branch_weight_col", tr("Column: the weight's column (input or unit)"))
        self.weight = _spin("branch_weight_value", tr("New value: the weight's value in the branch"),
                            QDoubleSpinBox, decimals=4, singleStep=0.1, minimum=-1e6, maximum=1e6)
        self.pages = QStackedWidget(self, objectName="branch_pages")
        for rows in (((tr("Gate"), self.gate), (tr("Value"), self.value), (tr("Units"), self.units)),
                     ((tr("Input row"), self.input_row),),
                     ((tr("Parameter"), self.parameter), (tr("Row, column"), self._pair()),
                      (tr("Value"), self.weight))):
            page = QWidget(self.pages)
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            for label, widget in rows:
                form.addRow(label, widget)
            self.pages.addWidget(page)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("From step"), self.start)
        form.addRow(tr("Change"), self.mode)
        form.addRow(self.pages)
        self.mode.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.gate.currentIndexChanged.connect(self._gate_range)
        for signal in (self.parameter.currentIndexChanged, self.row.valueChanged, self.col.valueChanged):
            signal.connect(self._show_weight)
        self.start.valueChanged.connect(self._show_input)
        controller.cell_changed.connect(self.rebuild)
        controller.trace_changed.connect(self._on_trace)
        controller.step_changed.connect(self.start.setValue)
        self.rebuild()

    def _pair(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.row)
        row.addWidget(self.col)
        return box

    def rebuild(self) -> None:
        """Fill the choices for the current cell (gates, sizes, steps)."""
        cell = self.controller.cell
        self.gate.blockSignals(True)
        self.gate.clear()
        for g in cell.gate_names:
            self.gate.addItem(f"{g}  ({quantity_label(g)})", g)
        self.gate.blockSignals(False)
        gated = bool(cell.gate_names)
        self.mode.model().item(0).setEnabled(gated)  # a plain RNN has no gate to force
        if not gated and self.mode.currentIndex() == 0:
            self.mode.setCurrentIndex(1)
        self._gate_range()
        self._on_trace()
        self._show_weight()

    def _on_trace(self, *_args: object) -> None:
        self.start.setMaximum(max(self.controller.length - 1, 0))
        self.start.setValue(self.controller.step)
        self._show_input()

    def _gate_range(self, *_args: object) -> None:
        gate = self.gate.currentData()
        self.value.setMinimum(0.0 if gate is None or cm.is_sigmoid(gate) else -1.0)

    def _show_input(self, *_args: object) -> None:
        t = min(self.start.value(), self.controller.length - 1)
        if t >= 0 and not self.input_row.hasFocus():
            self.input_row.setText(", ".join(f"{v:.6g}" for v in self.controller.trace.x[t]))

    def _show_weight(self, *_args: object) -> None:
        arr = getattr(self.controller.cell, self.parameter.currentText())
        self.row.setMaximum(arr.shape[0] - 1)
        self.col.setEnabled(arr.ndim == 2)
        self.col.setMaximum(arr.shape[1] - 1 if arr.ndim == 2 else 0)
        self.weight.setValue(float(arr[self._index()]))

    def _index(self) -> tuple[int, ...]:
        arr = getattr(self.controller.cell, self.parameter.currentText())
        return (self.row.value(), self.col.value()) if arr.ndim == 2 else (self.row.value(),)

    def units_value(self) -> tuple[int, ...] | None:
        """The units field: None for all, else the unit numbers."""
        text = self.units.text().strip().lower()
        if text in _ALL:
            return None
        values = parse_numbers(text, tr("units"))
        if any(v != int(v) for v in values):
            raise InputError(tr("units: {text} must be whole unit numbers").format(text=repr(text)))
        return tuple(int(v) for v in values)

    def describe(self) -> str:
        """A default name for the branch the form describes, e.g. ``f = 1 from step 5``."""
        mode, t = self.mode.currentData(), self.start.value()
        if mode == "gate":
            units = self.units.text().strip()
            where = "" if units.lower() in _ALL else tr(" (units {units})").format(units=units)
            return tr("{what}{where} from step {t}").format(
                what=f"{self.gate.currentData()} = {self.value.value():g}", where=where, t=t)
        if mode == "input":
            return tr("input {row} at step {t}").format(row=self.input_row.text().strip(), t=t)
        idx = ", ".join(map(str, self._index()))
        return tr("{what}{where} from step {t}").format(
            what=f"{self.parameter.currentText()}[{idx}] = {self.weight.value():g}", where="", t=t)

    def branch(self, name: str = "") -> Branch:
        """The branch the form describes (:class:`InputError` on an unreadable field)."""
        t, mode = self.start.value(), self.mode.currentData()
        branch = Branch(name=name.strip() or self.describe(), start=t)
        if mode == "gate":
            if not self.controller.cell.gate_names:
                raise InputError(tr("a plain RNN has no gates to force"))
            force = GateForce(self.gate.currentData(), float(self.value.value()), self.units_value())
            branch.forced = [force]
        elif mode == "input":
            branch.inputs = {t: np.array(parse_numbers(self.input_row.text(), tr("input row")))}
        else:
            name_ = self.parameter.currentText()
            values = getattr(self.controller.cell, name_).astype(np.float64)
            values[self._index()] = self.weight.value()
            branch.weights = {name_: values}
        return branch
