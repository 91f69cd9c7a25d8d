"""Heatmaps of a cell's parameter blocks: one canvas per parameter, one image per gate block.

A :class:`Block` maps image pixels to parameter entries: weight blocks are the
(H, D) or (H, H) rows of one gate; bias blocks put ``b_i·`` and ``b_h·`` of one
gate side by side as an (H, 2) image. Images are row-major (row = unit).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from ui.i18n import quantity_label, tr
from ui.widgets.common.colormaps import level_fraction, style_plot, text_color_on, weights_map
from ui.widgets.common.numbers import number_text
from ui.widgets.weights.thin_axis import ThinAxis

__all__ = ["MAX_TEXT_CELLS", "Block", "BlockImage", "ParameterCanvas", "blocks_of", "columns_for"]

MAX_TEXT_CELLS = 6  # blocks up to 6×6 print their numbers in the cells
MIN_BLOCK_WIDTH = 150.0  # pixels a block's heatmap needs beside its neighbours


@dataclass(frozen=True)
class Block:
    """One gate's rows of one parameter (or of both biases) as an image."""

    names: tuple[str, ...]   # ("weight_hh",) or ("bias_ih", "bias_hh")
    gate: str                # PyTorch letter, "" for the RNN
    rows: slice              # the gate's rows in the stacked parameter
    labels: tuple[str, ...]  # "W_hf" or ("b_if", "b_hf"), one per name
    axis: str                # "x", "h" or "" (biases)

    @property
    def title(self) -> str:
        """E.g. ``"W_hf"`` or ``"b_if, b_hf"``."""
        return ", ".join(self.labels)

    @property
    def caption(self) -> str:
        """The bottom axis label, e.g. ``"forget gate · from h"``."""
        what = quantity_label(self.gate) if self.gate else ""
        source = {"x": tr("from x"), "h": tr("from h")}.get(self.axis, "")
        return " · ".join(s for s in (what, source) if s)

    def values(self, cell: Any) -> np.ndarray:
        """The block as an image, shape (H, cols)."""
        if self.axis:
            return getattr(cell, self.names[0])[self.rows]
        return np.stack([getattr(cell, name)[self.rows] for name in self.names], axis=1)

    def target(self, r: int, c: int) -> tuple[str, tuple[int, ...], str]:
        """The parameter name, its index and the block label of image pixel (row r, column c)."""
        unit = self.rows.start + r
        if self.axis:
            return self.names[0], (unit, c), self.labels[0]
        return self.names[c], (unit,), self.labels[c]


def blocks_of(cell: Any) -> dict[str, list[Block]]:
    """The blocks of ``cell`` grouped by canvas: ``weight_ih``, ``weight_hh`` and ``bias``."""
    H = cell.hidden_size
    gates = cell.gate_names or ("",)
    out: dict[str, list[Block]] = {"weight_ih": [], "weight_hh": [], "bias": []}
    for k, g in enumerate(gates):
        rows = slice(k * H, (k + 1) * H)
        suffix = g or "h"  # the RNN's single block: W_ih, W_hh, b_ih, b_hh
        for name, side, axis in (("weight_ih", "i", "x"), ("weight_hh", "h", "h")):
            label = f"W_{side}{g}" if g else f"W_{side}h"
            out[name].append(Block((name,), g, rows, (label,), axis))
        out["bias"].append(Block(("bias_ih", "bias_hh"), g, rows, (f"b_i{suffix}", f"b_h{suffix}"), ""))
    return out


def _ticks(n: int, labels: list[str] | None = None) -> list[tuple[float, str]]:
    """A tick at every pixel centre (the axis thins them to what fits, see :class:`ThinAxis`)."""
    return [(k + 0.5, labels[k] if labels else str(k)) for k in range(n)]


class BlockImage(pg.ImageItem):
    """An image of one block that reports clicks, drags and right-clicks to its owner.

    ``owner`` provides ``block_clicked(block, r, c)``, ``block_menu(block, r, c, screen_pos)``,
    ``drag_started(block, r, c)``, ``drag_moved(pixels_up, fine)`` and ``drag_finished()``.
    """

    def __init__(self, block: Block, owner: Any) -> None:
        super().__init__(axisOrder="row-major")
        self.block, self.owner = block, owner
        self.setAcceptHoverEvents(True)

    def _pixel(self, pos: Any) -> tuple[int, int] | None:
        if self.image is None:
            return None
        r, c = int(np.floor(pos.y())), int(np.floor(pos.x()))
        rows, cols = self.image.shape[:2]
        return (r, c) if 0 <= r < rows and 0 <= c < cols else None

    def mouseClickEvent(self, ev: Any) -> None:  # noqa: N802 - pyqtgraph's name
        hit = self._pixel(ev.pos())
        if hit is None:
            return
        ev.accept()
        if ev.button() == Qt.MouseButton.LeftButton:
            self.owner.block_clicked(self.block, *hit)
        elif ev.button() == Qt.MouseButton.RightButton:
            self.owner.block_menu(self.block, *hit, ev.screenPos().toPoint())

    def mouseDragEvent(self, ev: Any) -> None:  # noqa: N802 - pyqtgraph's name
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            hit = self._pixel(ev.buttonDownPos())
            if hit is None:
                ev.ignore()
                return
            self.owner.drag_started(self.block, *hit)
        ev.accept()
        up = ev.buttonDownScreenPos().y() - ev.screenPos().y()
        self.owner.drag_moved(up, bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        if ev.isFinish():
            self.owner.drag_finished()

    def hoverEvent(self, ev: Any) -> None:  # noqa: N802 - pyqtgraph's name
        hit = None if ev.isExit() else self._pixel(ev.pos())
        if hit is not None:
            name, index, label = self.block.target(*hit)
            value = float(self.image[hit])
            self.setToolTip(f"{label}: {name}[{', '.join(map(str, index))}] = {number_text(value)}\n"
                            + tr("Click to select · drag up/down to change · right-click for block actions"))


def columns_for(blocks: int, width: float) -> int:
    """How many of ``blocks`` heatmaps fit side by side in ``width`` pixels: all, half (2 × 2) or one."""
    for columns in sorted({blocks, (blocks + 1) // 2, 1}, reverse=True):
        if (width - 70) / columns >= MIN_BLOCK_WIDTH:
            return columns
    return 1


class ParameterCanvas(pg.GraphicsLayoutWidget):
    """One parameter's gate blocks in a grid ``columns`` wide, with a colour bar on fixed symmetric levels."""

    def __init__(self, blocks: list[Block], owner: Any, axis_labels: list[str] | None = None,
                 parent: QWidget | None = None, columns: int | None = None) -> None:
        super().__init__(parent)
        self.blocks = blocks
        self.images: list[BlockImage] = []
        self.plots: list[pg.PlotItem] = []
        self.markers: list[tuple[QGraphicsRectItem, QGraphicsRectItem]] = []
        self.texts: list[list[pg.TextItem]] = []
        palette = self.palette()
        self._text = palette.color(QPalette.ColorRole.Text)
        self._cmap = weights_map(palette)
        self.columns = columns = max(1, min(columns or len(blocks), len(blocks)))
        for k, block in enumerate(blocks):
            plot = self.addPlot(row=k // columns, col=k % columns,
                                axisItems={"left": ThinAxis("left"), "bottom": ThinAxis("bottom")})
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            plot.getViewBox().invertY(True)
            plot.setDefaultPadding(0.0)
            image = BlockImage(block, owner)
            image.setColorMap(self._cmap)
            plot.addItem(image)
            self.images.append(image)
            self.plots.append(plot)
            self.markers.append(self._marker(plot, palette))
            self.texts.append([])
            plot.setLabel("left", tr("unit") if k % columns == 0 else "")
            if columns == len(blocks):  # in a grid the title names the gate (see _frame)
                plot.setLabel("bottom", block.caption)
        self.bar = pg.ColorBarItem(values=(-1, 1), colorMap=self._cmap, interactive=False, width=12,
                                   pen=pg.mkPen(palette.color(QPalette.ColorRole.Mid)), colorMapMenu=False)
        self.addItem(self.bar, row=0, col=columns, rowspan=(len(blocks) + columns - 1) // columns)
        self.ci.layout.setHorizontalSpacing(14)
        self.ci.layout.setVerticalSpacing(8)
        style_plot(self, [*self.plots, self.bar], palette)
        self._axis_labels = axis_labels

    def _marker(self, plot: pg.PlotItem, palette: QPalette) -> tuple[QGraphicsRectItem, QGraphicsRectItem]:
        pair = []
        for role, width in ((QPalette.ColorRole.Text, 3), (QPalette.ColorRole.Base, 1)):
            rect = QGraphicsRectItem()
            pen = pg.mkPen(palette.color(role), width=width)
            pen.setCosmetic(True)
            rect.setPen(pen)
            rect.setZValue(10 + width)
            rect.hide()
            plot.addItem(rect)
            pair.append(rect)
        return pair[0], pair[1]

    def update_images(self, cell: Any, levels: tuple[float, float]) -> None:
        """Set every block's image (fixed ``levels``) and the colour bar."""
        for k, (block, image, plot) in enumerate(zip(self.blocks, self.images, self.plots, strict=True)):
            values = np.asarray(block.values(cell), dtype=np.float64)
            first = image.image is None or image.image.shape != values.shape
            image.setImage(values, autoLevels=False, levels=levels)
            if first:
                self._frame(plot, block, values.shape)
            self._update_texts(k, values, levels)
        self.bar.setLevels(levels)

    def _frame(self, plot: pg.PlotItem, block: Block, shape: tuple[int, int]) -> None:
        rows, cols = shape
        size = f"{rows}×{cols}" if block.axis else f"{rows}"
        if self.columns == len(self.blocks) or not block.gate:
            title = f"{block.title} ({size})"
        else:  # in a grid: the gate instead of the bottom label, the size in the tooltip
            title = f"{block.title} · {quantity_label(block.gate)}"
            plot.setToolTip(f"{block.title}: {block.caption} ({size})")
        plot.setTitle(title, size="9pt", color=self._text)
        plot.setRange(xRange=(0, cols), yRange=(0, rows), padding=0)
        plot.getAxis("left").set_all_ticks(_ticks(rows), limit=16)
        labels = self._axis_labels if block.axis == "x" else None
        bottom = _ticks(cols, labels) if block.axis else [(0.5, block.labels[0]), (1.5, block.labels[1])]
        plot.getAxis("bottom").set_all_ticks(bottom)

    def _update_texts(self, k: int, values: np.ndarray, levels: tuple[float, float]) -> None:
        rows, cols = values.shape
        if rows > MAX_TEXT_CELLS or cols > MAX_TEXT_CELLS:
            return
        texts = self.texts[k]
        new = not texts
        if new:
            for r in range(rows):
                for c in range(cols):
                    item = pg.TextItem(anchor=(0.5, 0.5))
                    item.setPos(c + 0.5, r + 0.5)
                    item.setZValue(5)
                    self.plots[k].addItem(item)
                    texts.append(item)
        lo, hi = levels
        for item, value in zip(texts, values.ravel(), strict=True):
            frac = float(np.clip(level_fraction(value, levels), 0.0, 1.0)) if hi > lo else 0.5
            item.setText(f"{value:.2f}", color=text_color_on(self._cmap.mapToQColor(frac)))
        if new:
            self.fit_texts()

    def resizeEvent(self, ev: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        if hasattr(self, "texts"):  # pyqtgraph resizes once while it is being built
            self.fit_texts()

    def fit_texts(self) -> None:
        """Show the numbers in the cells only where a cell is big enough to hold one."""
        need_w = self.fontMetrics().horizontalAdvance("−0.00") + 4
        need_h = self.fontMetrics().height()
        for plot, image, texts in zip(self.plots, self.images, self.texts, strict=True):
            if not texts or image.image is None:
                continue
            rect = plot.getViewBox().sceneBoundingRect()
            rows, cols = image.image.shape[:2]
            show = rect.height() / rows >= need_h and rect.width() / cols >= need_w
            for item in texts:
                item.setVisible(show)

    def show_marker(self, block: Block | None, r: int = 0, c: int = 0) -> None:
        """Outline pixel (r, c) of ``block`` (None hides every marker)."""
        for candidate, pair in zip(self.blocks, self.markers, strict=True):
            for rect in pair:
                rect.setVisible(candidate == block)
                rect.setRect(QRectF(c, r, 1, 1))

    def image_of(self, block: Block) -> BlockImage:
        """The image item showing ``block``."""
        return self.images[self.blocks.index(block)]

