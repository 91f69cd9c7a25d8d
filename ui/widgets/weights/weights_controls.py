"""What the weights editor's controls do: drags, the slider and the block actions.

:class:`BlockActions` is mixed into :class:`~ui.widgets.weights.weights_editor.WeightsEditor` (it uses
the editor's controller, selection and seed box); the controls themselves are built and laid
out by :mod:`~ui.widgets.weights.weights_fields`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QInputDialog, QMenu

from ui.i18n import tr
from ui.widgets.weights.weights_view import Block

__all__ = ["SLIDER_STEPS", "BlockActions"]

SLIDER_STEPS = 1000  # slider positions on each side of zero


class BlockActions:
    """Drags and the slider on the selected weight, and the block actions.

    A drag or a slider movement is one undo step; scale, randomise or zero one gate block
    (each one undo step), from the buttons or the block's context menu.
    """

    def drag_started(self, block: Block, r: int, c: int) -> None:
        """A drag began on pixel (r, c): select it and open one merged undo step."""
        self.block_clicked(block, r, c)
        name, index, _ = self.selected()
        self._drag = (next(self._keys), float(getattr(self.controller.cell, name)[index]), self.level)

    def drag_moved(self, pixels_up: float, fine: bool = False) -> None:
        """Move the dragged weight: 100 pixels span the colour range (Shift: ten times finer)."""
        if self._drag is None:
            return
        key, start, level = self._drag
        step = level / 100.0 * (0.1 if fine else 1.0)
        self._set_selected(round(start + pixels_up * step, 6), merge_key=("drag", key))

    def drag_finished(self) -> None:
        """The drag ended: the colour levels may follow the new values now."""
        self._drag = None
        self.refresh()

    def _slider_pressed(self) -> None:
        self._slider_key = next(self._keys)

    def _slider_released(self) -> None:
        self._slider_key = None
        self.refresh()

    def _slider_moved(self, position: int) -> None:
        if self._updating or self._selection is None:
            return
        key = ("slider", self._slider_key) if self._slider_key is not None else None
        self._set_selected(round(position / SLIDER_STEPS * self.level, 6), merge_key=key)

    def _block_index(self, name: str, gate: str) -> tuple[Any, ...]:
        cell = self.controller.cell
        k = cell.gate_names.index(gate) if cell.gate_names else 0
        rows = slice(k * cell.hidden_size, (k + 1) * cell.hidden_size)
        return (rows, slice(None)) if name.startswith("weight") else (rows,)

    def _block_label(self, name: str, gate: str) -> str:
        block, r, c = self._find(name, (self._block_index(name, gate)[0].start, 0))
        return block.target(r, c)[2]

    def _apply_block(self, name: str, gate: str, values: Any, action: str) -> None:
        """``action``: the edit's name with a ``{label}`` placeholder for the block."""
        index = self._block_index(name, gate)
        text = action.format(label=self._block_label(name, gate))
        self.controller.set_parameter(name, index, values, text=text)
        self.message.emit(f"{text}.")

    def zero_block(self, name: str, gate: str) -> None:
        """Set one gate block of ``name`` to zero (one undo step)."""
        self._apply_block(name, gate, 0.0, tr("Zero {label}"))

    def scale_block(self, name: str, gate: str, factor: float) -> None:
        """Multiply one gate block of ``name`` by ``factor`` (one undo step)."""
        values = getattr(self.controller.cell, name)[self._block_index(name, gate)] * float(factor)
        action = tr("Scale ×{factor} {label}").replace("{factor}", f"{factor:g}")
        self._apply_block(name, gate, values, action)

    def randomise_block(self, name: str, gate: str, seed: int | None = None) -> None:
        """Redraw one gate block from U(−1/√H, 1/√H), seeded (the seed box counts up after use)."""
        seed = self.seed_spin.value() if seed is None else int(seed)
        shape = getattr(self.controller.cell, name)[self._block_index(name, gate)].shape
        k = 1.0 / np.sqrt(self.controller.cell.hidden_size)
        values = np.random.default_rng(seed).uniform(-k, k, shape)
        action = tr("Randomise (seed {seed}) {label}").replace("{seed}", str(seed))
        self._apply_block(name, gate, values, action)
        self.seed_spin.setValue(seed + 1)

    def _selected_block(self) -> tuple[str, str] | None:
        return None if self._selection is None else (self.selected()[0], self._selection[0].gate)

    def _ask_scale(self) -> None:
        target = self._selected_block()
        if target is None:
            return
        prompt = tr("Multiply every value of {label} by:").format(label=self._block_label(*target))
        factor, ok = QInputDialog.getDouble(self, tr("Scale block"), prompt, 0.5, -1000.0, 1000.0, 4)
        if ok:
            self.scale_block(*target, factor)

    def _randomise_selected(self) -> None:
        if (target := self._selected_block()) is not None:
            self.randomise_block(*target)

    def _zero_selected(self) -> None:
        if (target := self._selected_block()) is not None:
            self.zero_block(*target)

    def block_menu(self, block: Block, r: int, c: int, screen_pos: QPoint) -> None:
        """Right-click on a block: select the pixel and offer the block actions."""
        self.block_clicked(block, r, c)
        menu = QMenu(self)
        label = self.selected()[2]
        menu.addAction(tr("Scale {label}…").format(label=label), self._ask_scale)
        menu.addAction(tr("Randomise {label}").format(label=label), self._randomise_selected)
        menu.addAction(tr("Zero {label}").format(label=label), self._zero_selected)
        menu.exec(screen_pos)
