"""The controls under the weights heatmaps: built for the editor and laid out in rows.

:func:`build_fields` makes the selected weight's description, value box and slider, the
block actions (Scale…, Randomise with its seed, Zero), the colour range, Import… and the
message line, as attributes of the editor whose slots they call. :class:`ControlsPanel` lays
them out in two rows when the dock is wide and in four when it is narrow, so the editor fits
a 1280 × 800 window's side column without scrolling sideways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from ui.i18n import tr
from ui.widgets.common.number_edit import FiniteValidator
from ui.widgets.weights.weights_controls import SLIDER_STEPS

if TYPE_CHECKING:
    from ui.widgets.weights.weights_editor import WeightsEditor

__all__ = ["SELECT_HINT", "ControlsPanel", "build_fields"]

SELECT_HINT = QT_TR_NOOP("Click a weight to select it; drag up or down to change it.")
WIDE = 720  # pixels from which the controls take two rows


def _button(editor: QWidget, name: str, text: str, tip: str, slot: Any) -> QToolButton:
    button = QToolButton(editor)
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAccessibleName(text.rstrip("…"))
    button.clicked.connect(slot)
    return button


def build_fields(editor: WeightsEditor) -> None:
    """Make the editor's controls (see the module docstring) and connect them to its slots."""
    editor.where = QLabel(tr(SELECT_HINT), editor)
    editor.where.setObjectName("weight_label")
    editor.where.setWordWrap(True)
    editor.value_edit = QLineEdit(editor)
    editor.value_edit.setObjectName("weight_value_edit")
    editor.value_edit.setAccessibleName(tr("Selected weight value"))
    editor.value_edit.setToolTip(tr("The selected weight: type an exact value and press Enter"))
    editor.value_edit.setValidator(FiniteValidator(editor.value_edit))
    editor.value_edit.setMinimumWidth(editor.fontMetrics().horizontalAdvance("−0.1234567890123") + 16)
    editor.value_edit.returnPressed.connect(lambda: editor.set_value_text(editor.value_edit.text()))
    editor.value_edit.inputRejected.connect(editor._refused)
    editor.slider = QSlider(Qt.Orientation.Horizontal, editor)
    editor.slider.setObjectName("weight_slider")
    editor.slider.setAccessibleName(tr("Selected weight slider"))
    editor.slider.setToolTip(tr("Drag to change the selected weight across the colour range "
                                "(one undo step per drag)"))
    editor.slider.setRange(-SLIDER_STEPS, SLIDER_STEPS)
    editor.slider.sliderPressed.connect(editor._slider_pressed)
    editor.slider.sliderReleased.connect(editor._slider_released)
    editor.slider.valueChanged.connect(editor._slider_moved)

    editor.block_label = QLabel(tr("Block: —"), editor)
    editor.block_label.setObjectName("weight_block_label")
    editor.scale_button = _button(editor, "weight_scale", tr("Scale…"),
                                  tr("Multiply every value of the block by a factor"), editor._ask_scale)
    editor.randomise_button = _button(editor, "weight_randomise", tr("Randomise"),
                                      tr("Draw the block again from U(−1/√H, 1/√H) (PyTorch's "
                                         "default) with the seed on the right"),
                                      editor._randomise_selected)
    editor.zero_button = _button(editor, "weight_zero", tr("Zero"), tr("Set every value of the block to 0"),
                                 editor._zero_selected)
    editor.seed_spin = QSpinBox(editor)
    editor.seed_spin.setObjectName("weight_seed_spin")
    editor.seed_spin.setRange(0, 2**31 - 1)
    editor.seed_spin.setPrefix(tr("seed "))
    editor.seed_spin.setToolTip(tr("Seed of the next Randomise (it counts up after each use)"))
    editor.seed_spin.setAccessibleName(tr("Randomise seed"))
    digits = editor.seed_spin.fontMetrics().horizontalAdvance(tr("seed ") + "0000000")
    editor.seed_spin.setFixedWidth(digits + 28)
    editor.range_spin = QDoubleSpinBox(editor)
    editor.range_spin.setObjectName("weight_range_spin")
    editor.range_spin.setRange(0.0, 1e6)
    editor.range_spin.setDecimals(3)
    editor.range_spin.setSingleStep(0.1)
    editor.range_spin.setPrefix("± ")
    editor.range_spin.setSpecialValueText(tr("auto"))
    editor.range_spin.setToolTip(tr("Colour range: ± this value (auto = the largest |weight| of the cell)"))
    editor.range_spin.setAccessibleName(tr("Colour range"))
    editor.range_spin.setFixedWidth(editor.range_spin.fontMetrics().horizontalAdvance("± 000.000") + 28)
    editor.range_spin.valueChanged.connect(lambda _: editor.refresh())
    editor.import_button = _button(
        editor, "weight_import", tr("Import…"),
        tr("Import weights from a PyTorch, Keras, ONNX, NPZ or safetensors file"),
        editor.import_requested.emit)
    editor.hint = QLabel(editor)
    editor.hint.setObjectName("weights_hint")
    editor.hint.setWordWrap(True)
    editor.message.connect(editor.hint.setText)


class ControlsPanel(QWidget):
    """The editor's value box, slider, block actions, colour range and import button.

    Narrow: the selection's description; value box and slider; block actions; colour range
    and the last message. Wide: the description, value box and slider on one row, the rest on
    another. (Import sits in the tabs' corner.)
    """

    def __init__(self, editor: Any) -> None:
        super().__init__(editor)
        self.setObjectName("weights_controls")
        self.editor = editor
        self.range_label = QLabel(tr("Colour range"), self)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 2, 0, 0)
        self.grid.setVerticalSpacing(4)
        self.wide: bool | None = None
        self.arrange(False)
        self.setMinimumWidth(self.grid.minimumSize().width())

    def _row(self, *widgets: QWidget, stretch_after: int | None = None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for k, widget in enumerate(widgets):
            row.addWidget(widget, 1 if widget is self.editor.hint else 0)
            if k == stretch_after:
                row.addStretch(1)
        return row

    def arrange(self, wide: bool) -> None:
        """Lay the controls out in two rows (``wide``) or four."""
        if wide == self.wide:
            return
        self.wide = wide
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    item.layout().takeAt(0)
                item.layout().deleteLater()
        e = self.editor
        actions = (e.block_label, e.scale_button, e.randomise_button, e.seed_spin, e.zero_button)
        tail = (self.range_label, e.range_spin, e.hint)
        if wide:
            self.grid.addWidget(e.where, 0, 0)
            self.grid.addLayout(self._row(e.value_edit, e.slider), 0, 1)
            self.grid.addLayout(self._row(*actions, *tail), 1, 0, 1, 2)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 1)
        else:
            self.grid.addWidget(e.where, 0, 0)
            self.grid.addLayout(self._row(e.value_edit, e.slider), 1, 0)
            self.grid.addLayout(self._row(*actions, stretch_after=len(actions) - 1), 2, 0)
            self.grid.addLayout(self._row(*tail), 3, 0)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 0)
        e.slider.setMinimumWidth(80)
        e.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self.arrange(event.size().width() >= WIDE)
        super().resizeEvent(event)
