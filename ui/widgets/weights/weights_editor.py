"""The weights editor: every gate block as a heatmap; select, type, drag, scale, randomise, zero."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.i18n import tr
from ui.widgets.common.colormaps import symmetric_levels
from ui.widgets.common.number_edit import NUMBER_HINT, parse_finite, show_hint
from ui.widgets.common.numbers import number_text
from ui.widgets.inputs.inputs_model import display_label
from ui.widgets.weights.weights_controls import SLIDER_STEPS, BlockActions
from ui.widgets.weights.weights_fields import SELECT_HINT, ControlsPanel, build_fields
from ui.widgets.weights.weights_view import Block, BlockImage, ParameterCanvas, blocks_of, columns_for

if TYPE_CHECKING:
    from ui.document.controller import Controller

__all__ = ["WeightsEditor"]

_TABS = (("weight_ih", "Input  x → gates"), ("weight_hh", "Recurrent  h → gates"),
         ("bias", "Biases"))


class WeightsEditor(BlockActions, QWidget):
    """Heatmaps of W_ih, W_hh and the biases split per gate, with a value box and block actions.

    Signals
    -------
    message(str)        a hint or result for the status bar
    import_requested()  the user asked to import weights from a file (the window handles it)
    """

    message = Signal(str)
    import_requested = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("weights_editor")
        self.setAccessibleName(tr("Weights editor"))
        self._keys = itertools.count(1)
        self._selection: tuple[Block, int, int] | None = None
        self._drag: tuple[int, float, float] | None = None  # merge key, start value, level
        self._slider_key: int | None = None
        self._updating = False
        self.level = 1.0
        self.canvases: dict[str, ParameterCanvas] = {}
        self._pages: dict[str, QWidget] = {}
        self._blocks: dict[str, list[Block]] = {}
        self._x_labels: list[str] | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("weights_tabs")
        self.tabs.currentChanged.connect(self._tab_changed)
        build_fields(self)  # where, value_edit, slider, block buttons, seed, range, import, hint
        self.controls = ControlsPanel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.controls)
        self.tabs.setCornerWidget(self.import_button, Qt.Corner.TopRightCorner)

        controller.cell_changed.connect(self.rebuild)
        controller.weights_changed.connect(self.refresh)
        self.rebuild()

    # -- building and updating -------------------------------------------------------------
    def rebuild(self) -> None:
        """Recreate the canvases for the current cell (kind, sizes or document changed)."""
        old = self._selection
        current = max(self.tabs.currentIndex(), 0)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        cell = self.controller.cell
        labels = list(self.controller.session.input_labels)
        self._x_labels = [display_label(s) for s in labels] if len(labels) == cell.input_size else None
        self._blocks = blocks_of(cell)
        self.canvases, self._pages = {}, {}
        self._selection = None
        for key in self._blocks:  # canvases are built when their tab is first shown
            page = QWidget(self.tabs)
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._pages[key] = page
            self.tabs.addTab(page, {"weight_ih": tr("Input  x → gates"),
                                    "weight_hh": tr("Recurrent  h → gates"), "bias": tr("Biases")}[key])
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self._tab_changed(current)
        found = None if old is None else self._same_entry(*old)
        if found is not None:  # the same gate, unit and column, if the new sizes still have it
            self.block_clicked(*found)
        self.refresh()

    def _same_entry(self, block: Block, r: int, c: int) -> tuple[Block, int, int] | None:
        """``block``'s entry (r, c) in the current cell's blocks, or None when it no longer exists."""
        cell = self.controller.cell
        for new in self._blocks.get(block.names[0] if block.axis else "bias", []):
            if new.gate == block.gate and new.names == block.names:
                rows, cols = new.values(cell).shape
                return (new, r, c) if r < rows and c < cols else None
        return None

    def _columns(self, key: str) -> int:
        return columns_for(len(self._blocks[key]), max(self.tabs.width() - 8, 1))

    def canvas(self, key: str) -> ParameterCanvas:
        """The canvas of ``weight_ih``, ``weight_hh`` or ``bias``, built on first use.

        A canvas is built again when the dock's width calls for another grid (four blocks in
        a row, 2 × 2 or one column), except during a drag.
        """
        old = self.canvases.get(key)
        if old is not None and old.columns != self._columns(key) and self._drag is None:
            del self.canvases[key]
            self._pages[key].layout().removeWidget(old)
            old.hide()
            old.deleteLater()
        if key not in self.canvases:
            canvas = ParameterCanvas(self._blocks[key], self, self._x_labels if key == "weight_ih" else None,
                                     self._pages[key], columns=self._columns(key))
            canvas.setObjectName(f"weights_canvas_{key}")
            self._pages[key].layout().addWidget(canvas)
            self.canvases[key] = canvas
            canvas.update_images(self.controller.cell, (-self.level, self.level))
            if self._selection is not None and self._selection[0] in canvas.blocks:
                canvas.show_marker(*self._selection)
        return self.canvases[key]

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._blocks):
            self.canvas(list(self._blocks)[index])

    def levels(self) -> tuple[float, float]:
        """The fixed colour levels: ± the user's range, or ± max |w| over the whole cell."""
        if self.range_spin.value() > 0:
            return -self.range_spin.value(), self.range_spin.value()
        values = np.concatenate([np.ravel(p) for p in self.controller.cell.parameters().values()])
        return symmetric_levels(values, minimum=1e-3)

    def refresh(self) -> None:
        """Update every built image (weights changed) and the selection's value box and slider."""
        if self._drag is None and not self.slider.isSliderDown():
            self.level = self.levels()[1]
        for canvas in self.canvases.values():
            canvas.update_images(self.controller.cell, (-self.level, self.level))
        self._show_selection()

    def image_for(self, name: str, gate: str) -> BlockImage:
        """The image showing ``gate``'s block of parameter ``name`` (biases share one image per gate)."""
        canvas = self.canvas("bias" if name.startswith("bias") else name)
        return canvas.image_of(next(b for b in canvas.blocks if b.gate == gate))

    # -- selection --------------------------------------------------------------------------------
    def _find(self, name: str, index: tuple[int, ...]) -> tuple[Block, int, int] | None:
        H = self.controller.cell.hidden_size
        blocks = self._blocks.get("bias" if name.startswith("bias") else name, [])
        k, r = divmod(int(index[0]), H)
        if not 0 <= k < len(blocks):
            return None
        block = blocks[k]
        c = int(index[1]) if block.axis else block.names.index(name)
        return (block, r, c) if c < block.values(self.controller.cell).shape[1] else None

    def select(self, name: str, index: tuple[int, ...]) -> None:
        """Select parameter entry ``name[index]`` (as a click on its pixel does)."""
        found = self._find(name, tuple(index))
        if found is None:
            raise IndexError(f"{name}{list(index)} is not a parameter entry of this cell")
        self.block_clicked(*found)

    def selected(self) -> tuple[str, tuple[int, ...], str] | None:
        """The selected entry as (parameter name, index, block label), or None."""
        return None if self._selection is None else self._selection[0].target(*self._selection[1:])

    def block_clicked(self, block: Block, r: int, c: int) -> None:
        """Select pixel (r, c) of ``block``."""
        self._selection = (block, r, c)
        key = block.names[0] if block.axis else "bias"
        self.tabs.setCurrentIndex(list(self._blocks).index(key))
        for canvas in self.canvases.values():
            canvas.show_marker(block if block in canvas.blocks else None, r, c)
        self._show_selection()

    def _show_selection(self) -> None:
        has = self._selection is not None
        for widget in (self.value_edit, self.slider, self.scale_button, self.randomise_button,
                       self.zero_button):
            widget.setEnabled(has)
        if not has:  # nothing selected, or the weight is gone (a smaller cell): say so, show no stale value
            self.where.setText(tr(SELECT_HINT))
            self.block_label.setText(tr("Block: —"))
            self.value_edit.clear()
            return
        block, r, c = self._selection
        name, index, label = block.target(r, c)
        value = float(getattr(self.controller.cell, name)[index])
        source = f" ← {block.axis} {c}" if block.axis else ""
        if block.axis == "x":
            source = f" ← x {c}" + (f" '{self._x_labels[c]}'" if self._x_labels else "")
        self.where.setText(tr("{name} ({label}, unit {unit}{source}) =").format(
            name=f"{name}[{', '.join(map(str, index))}]", label=label, unit=r, source=source))
        self.block_label.setText(tr("Block {label}:").format(label=label))
        self._updating = True
        if not self.value_edit.hasFocus() or self._drag is not None:
            self.value_edit.setText(repr(value))
            self.value_edit.setCursorPosition(0)
        if not self.slider.isSliderDown():
            self.slider.setValue(round(np.clip(value / self.level, -1, 1) * SLIDER_STEPS))
        self._updating = False

    def _refused(self) -> None:
        show_hint(self.value_edit)
        self.message.emit(tr(NUMBER_HINT))

    # -- editing one weight ----------------------------------------------------------------------------
    def set_value_text(self, text: str) -> bool:
        """Set the selected weight to the number in ``text``; refuses non-numbers and NaN/inf."""
        number = parse_finite(text)
        if number is None or self._selection is None:
            self._refused()
            return False
        self._set_selected(number)
        return True

    def _set_selected(self, value: float, merge_key: Any = None) -> None:
        name, index, label = self.selected()
        if float(getattr(self.controller.cell, name)[index]) == value:
            return
        where = f"{label}[{', '.join(map(str, index))}]"
        self.controller.set_parameter(name, index, value, text=tr("Set {where} = {value}").format(
                                      where=where, value=number_text(value)),
                                      merge_key=merge_key)

    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        index = self.tabs.currentIndex()
        if 0 <= index < len(self._blocks) and list(self._blocks)[index] in self.canvases:
            self.canvas(list(self._blocks)[index])

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802
        if ev.type() == QEvent.Type.PaletteChange and self.canvases:
            self.rebuild()  # colour maps and axis pens follow the palette
        super().changeEvent(ev)
