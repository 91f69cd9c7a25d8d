"""A long (T, H) heatmap as a row of image tiles, so an edit late in the sequence re-renders one tile.

pyqtgraph renders an :class:`~pyqtgraph.ImageItem` as a whole (levels, lookup table,
downsampling to the screen) whenever its data change. With T = 10,000 steps and six
quantities, re-rendering every image after an input edit at step 9,000 costs tens of
milliseconds although only the last tenth of each image changed. :class:`TiledImage`
splits the steps into tiles of :data:`TILE` steps, one ImageItem each (placed end to
end in step coordinates), and gives new data only to the tiles from the first changed
step onward. Each tile keeps pyqtgraph's ``autoDownsample``, so values are exact when
zoomed in, and the whole image stays available as :attr:`TiledImage.image`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

__all__ = ["TILE", "TiledImage"]

TILE = 1024  # steps per tile: an edit re-renders at most the tiles after it


class TiledImage:
    """A (T, H) float image shown as ImageItems of up to :data:`TILE` steps each.

    Parameters
    ----------
    plot : pyqtgraph.PlotItem
        The plot the tiles are added to (x = step, y = unit).
    lut : numpy.ndarray
        (256, 3 or 4) uint8 lookup table of the colour map.

    Attributes
    ----------
    image : numpy.ndarray
        (T, H) float32, the values shown (a copy of the trace array).
    levels : tuple of float
        The fixed (low, high) levels of every tile.
    tiles : list of pyqtgraph.ImageItem
        Tile ``k`` shows steps ``k * TILE`` … ``min((k + 1) * TILE, T) − 1``.
    rendered : list of int
        How many times each tile was given new data (for tests and the benchmark).
    """

    def __init__(self, plot: pg.PlotItem, lut: np.ndarray) -> None:
        self.plot, self.lut = plot, lut
        self.image = np.zeros((0, 0), dtype=np.float32)
        self.levels: tuple[float, float] = (0.0, 1.0)
        self.tiles: list[pg.ImageItem] = []
        self.rendered: list[int] = []

    def set_data(self, values: np.ndarray, levels: tuple[float, float], start: int = 0) -> None:
        """Show ``values`` (T, H) on ``levels``; only steps ``start`` … T − 1 changed.

        Tiles wholly before ``start`` keep their rendering unless the shape or the
        levels changed, in which case every tile is set again.
        """
        values = np.asarray(values)
        T = values.shape[0]
        if values.shape != self.image.shape or tuple(levels) != self.levels:
            start = 0
            self.image = np.empty(values.shape, dtype=np.float32)
            self.levels = (float(levels[0]), float(levels[1]))
        start = int(min(max(start, 0), T))
        first = start // TILE
        with np.errstate(over="ignore"):  # beyond float32's range shows as ±inf, the colour ends
            self.image[first * TILE:] = values[first * TILE:]
        count = -(-T // TILE)
        while len(self.tiles) > count:
            self.plot.removeItem(self.tiles.pop())
            self.rendered.pop()
        while len(self.tiles) < count:
            tile = pg.ImageItem(axisOrder="col-major", autoDownsample=True)
            tile.setLookupTable(self.lut)
            self.plot.addItem(tile)
            self.tiles.append(tile)
            self.rendered.append(0)
        H = values.shape[1] if values.ndim == 2 else 0
        for k in range(first, count):
            lo, hi = k * TILE, min((k + 1) * TILE, T)
            tile = self.tiles[k]
            tile.setImage(self.image[lo:hi], autoLevels=False, levels=self.levels)
            tile.setRect(QRectF(lo - 0.5, -0.5, hi - lo, H))
            self.rendered[k] += 1

    def set_lut(self, lut: np.ndarray) -> None:
        """A new colour map (palette change) for every tile."""
        self.lut = lut
        for tile in self.tiles:
            tile.setLookupTable(lut)
