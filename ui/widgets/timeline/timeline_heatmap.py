"""One quantity's heatmap (units × steps) as a single image at about the screen's resolution.

Whatever T is, the image has one column per one or two pixels of the plot: columns come
from the quantity's :class:`~ui.widgets.timeline.timeline_pyramid.Pyramid`, and when a column
covers more than one step it shows the most extreme of the N steps it covers — the value
farthest from the colour map's middle (0.5 for σ gates, 0 for tanh quantities, ``c`` and
a relu ``h``), so a single forget-gate dip or input-gate write stays visible at any zoom.
Zoomed in to a step or less per pixel, the columns are the exact steps. Units are pooled
the same way when there are more units than pixel rows. NaN (an overflowed state) is
drawn grey, ±inf at the ends of the colour map.

The colours are looked up here (float32 values → RGBA bytes), so pyqtgraph only turns a
small byte image into a QImage; :attr:`Heatmap.image` counts those renders for the tests.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette

from ui.i18n import tr
from ui.widgets.common import colormaps as cm
from ui.widgets.timeline.timeline_fit import bar_ticks, unit_ticks
from ui.widgets.timeline.timeline_pyramid import Pyramid, pool_extreme

__all__ = ["NAN_RGBA", "CountingImage", "Heatmap", "Window", "colorize", "extreme_pyramid", "labels_inside",
           "rgba_table", "row_label", "view_tip"]

NAN_RGBA = (128, 128, 128, 255)  # an overflowed value: mid grey, as in the diagram (colormaps.color_for)
F32_MAX = float(np.finfo(np.float32).max)


class Window(NamedTuple):
    """The shown steps ``start`` … ``stop`` − 1 in columns of ``width`` steps, ``rows`` pixels high."""

    start: int
    stop: int
    width: int
    rows: int


def rgba_table(lut: np.ndarray) -> np.ndarray:
    """A colour map's (256, 3 or 4) uint8 lookup table as (256, 4) RGBA, opaque where it had no alpha."""
    lut = np.asarray(lut, dtype=np.uint8)
    if lut.shape[1] == 4:
        return lut
    return np.hstack([lut, np.full((lut.shape[0], 1), 255, np.uint8)])


def colorize(values: np.ndarray, levels: tuple[float, float], table: np.ndarray) -> np.ndarray:
    """RGBA bytes of ``values`` on ``levels`` through ``table``, as pyqtgraph maps a float image.

    Parameters
    ----------
    values : ndarray, shape (N, H), float32
    levels : (low, high)
        ``low`` maps to the table's first entry, ``high`` and above to its last.
    table : ndarray, shape (256, 4), uint8

    Returns
    -------
    ndarray, shape (N, H, 4), uint8
        NaN is :data:`NAN_RGBA`.
    """
    lo, hi = levels
    with np.errstate(invalid="ignore", over="ignore"):  # NaN casts to any index: painted over below
        if max(-lo, hi) < F32_MAX / 2:
            scaled = (values - np.float32(lo)) * np.float32(table.shape[0] / (hi - lo))
        else:  # levels beyond float32's range (a relu RNN near overflow): in float64
            scaled = cm.level_fraction(values, levels) * table.shape[0]
        index = np.clip(scaled, 0, table.shape[0] - 1).astype(np.uint8)
    rgba = table[index]
    rgba[np.isnan(values)] = NAN_RGBA
    return rgba


class CountingImage(pg.ImageItem):
    """An ImageItem that counts how often it turns its data into a QImage (:attr:`renders`)."""

    def __init__(self) -> None:
        super().__init__(axisOrder="col-major")
        self.renders = 0

    def render(self) -> None:  # pyqtgraph calls it in paint() after setImage
        self.renders += 1
        super().render()


class Heatmap:
    """A (T, H) quantity drawn from its pyramid in one :class:`CountingImage`, with its colour bar.

    Each column shows the most extreme of the N steps it covers (farthest from the
    colour map's middle); at one step per column, the exact values.

    Parameters
    ----------
    plot : pyqtgraph.PlotItem
        x = step, y = unit.
    pyramid : Pyramid
        The quantity's pooled levels (built and updated by the owner).
    cmap : pyqtgraph.ColorMap
    levels : (low, high)
    palette : QPalette
        For the colour bar's frame and labels.

    Attributes
    ----------
    values : ndarray, shape (N, R), float32
        What is shown: column ``n`` covers steps ``(first + n) * window.width`` onward,
        row ``r`` units ``r * unit_group`` onward (``R = H`` unless units are pooled).
    first : int
        The first column's index (in columns of ``window.width`` steps).
    unit_group : int
        Units per image row (1 unless H exceeds the plot's pixel rows).
    window : Window or None
        The range and resolution ``values`` were derived for.
    image : CountingImage
    bar : pyqtgraph.ColorBarItem
        The levels' colour bar (the owner places it).
    """

    def __init__(self, plot: pg.PlotItem, pyramid: Pyramid, cmap: pg.ColorMap, levels: tuple[float, float],
                 palette: QPalette) -> None:
        self.plot, self.pyramid = plot, pyramid
        self.table = rgba_table(cmap.getLookupTable(nPts=256))
        self.values = np.zeros((0, 0), np.float32)
        self.rgba = np.zeros((0, 0, 4), np.uint8)
        self.first, self.unit_group = 0, 1
        self.window: Window | None = None
        self.image = CountingImage()
        plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=levels, colorMap=cmap, interactive=False, width=10,
                                   colorMapMenu=False, pen=pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
        self.bar.axis.setTextPen(cm.foreground(palette))
        labels_inside(self.bar.axis)
        labels_inside(plot.getAxis("left"))  # the first and last unit's labels stay in their row
        self.levels = (0.0, 0.0)
        self.fitted: tuple[int, float, float] = (0, 0.0, 1.0)  # (units, pixels, line) labelled for
        self.set_levels(levels)

    def show(self, source: np.ndarray, window: Window, changed: int | None = None) -> None:
        """Show ``window`` of ``source`` (T, H); after a trace change from step ``changed``, re-derive.

        Nothing is recomputed when neither the window nor the shown steps changed, so only an
        edit inside the visible range re-renders the image (from its first changed column).
        """
        if window != self.window:
            changed = window.start
        elif changed is None or changed >= window.stop:
            return
        first, values = self.pyramid.columns(source, max(changed, window.start), window.stop, window.width)
        H = source.shape[1]
        group = -(-H // max(window.rows, 1))
        if group > 1:  # more units than pixel rows: pool units too, by the same rule
            values = self.pyramid.pool(np.ascontiguousarray(values.T), group).T
        rgba = colorize(values, self.levels, self.table)
        if window != self.window:
            self.values, self.rgba, self.first, self.unit_group = values, rgba, first, group
            self.window = window
            self.image.setRect(QRectF(first * window.width - 0.5, -0.5, values.shape[0] * window.width,
                                      values.shape[1] * group))
        else:  # the columns before the change keep their values and colours
            self.values[first - self.first:] = values
            self.rgba[first - self.first:] = rgba
        self.image.setImage(self.rgba, autoLevels=False)

    def set_levels(self, levels: tuple[float, float]) -> None:
        """New colour levels (``c``'s scale grew): the bar's ticks, and the shown values recoloured."""
        levels = (float(levels[0]), float(levels[1]))
        if levels != self.levels:
            self.levels = levels
            self.bar.setLevels(values=levels)
            self._label_bar()
            if self.window is not None:
                self.rgba = colorize(self.values, self.levels, self.table)
                self.image.setImage(self.rgba, autoLevels=False)


    def fit(self, units: int, pixels: float, line: float) -> None:
        """Label ``units`` units and the colour bar on a row ``pixels`` high (labels ``line`` high)."""
        if (units, pixels, line) != self.fitted:
            self.fitted = (units, pixels, line)
            self.plot.getAxis("left").setTicks([[(u, str(u)) for u in unit_ticks(units, pixels, line)], []])
            self._label_bar()

    def _label_bar(self) -> None:
        _, pixels, line = self.fitted
        self.bar.axis.setTicks([bar_ticks(self.levels, pixels, line), []])
        self.bar.setToolTip(tr("Colour scale: {low} to {high}").format(low=f"{self.levels[0]:g}",
                                                                      high=f"{self.levels[1]:g}"))


def labels_inside(axis: pg.AxisItem) -> None:
    """Keep a vertical axis' tick labels within its own height.

    pyqtgraph centres each label on its tick, so the end labels of a colour bar reach half a
    line beyond it, into the bar of the row above or below; here they are moved inside.
    """
    generate = axis.generateDrawSpecs

    def inside(painter: QPainter) -> tuple | None:  # pyqtgraph's (axis, ticks, texts)
        specs = generate(painter)
        if specs is None:
            return specs
        axis_spec, ticks, texts = specs
        bounds = axis.mapRectFromParent(axis.geometry())
        moved = []
        for rect, flags, text in texts:
            top = max(min(rect.top(), bounds.bottom() - rect.height()), bounds.top())
            moved.append((QRectF(rect.left(), top, rect.width(), rect.height()), flags, text))
        return axis_spec, ticks, moved

    axis.generateDrawSpecs = inside


def row_label(layout: pg.GraphicsLayout, name: str, row: int, text: QColor) -> pg.LabelItem:
    """Quantity ``name``'s label in column 0 of ``row`` of ``layout``, in ``text`` colour, one line high."""
    html = f"<span style='color:{text.name()}; font-size:10pt'><b><i>{name}</i></b></span>"
    label = layout.addLabel(html, row=row, col=0)
    label.setToolTip(tr("{name}: one row per {unit}, one column per step").format(name=name, unit=tr("unit")))
    return label


def extreme_pyramid(name: str) -> Pyramid:
    """An empty pyramid for quantity ``name`` pooling by the value farthest from its colour map's middle.

    The middle is that of the quantity's fixed levels: 0.5 for σ gates, 0 for the rest
    (``c`` and a relu ``h`` have symmetric levels, whatever their scale).
    """
    low, high = cm.levels_for(name)
    return Pyramid(pool_extreme, neutral=(low + high) / 2)


def view_tip(width: int) -> str:
    """The timeline's tooltip at ``width`` steps per column: how to seek and zoom, and what a column shows.

    "Most extreme" is the value farthest from the colour map's middle (0.5 for σ gates, else 0).
    """
    tip = tr("Click or drag to seek; the mouse wheel zooms the steps")
    if width > 1:
        tip += "\n" + tr("Each column shows the most extreme of the {n} steps it covers").format(n=width)
    return tip
