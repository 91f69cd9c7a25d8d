"""Colour maps and fixed levels shared by every view (gate bars, heatmaps, diagram, weights).

Three maps, each built for the widget's palette so the neutral end blends with the
background in light and dark themes:

- :func:`sigmoid_map`: sequential, for σ gates on the fixed levels 0 … 1
  (0 = closed looks like the background, 1 = open is saturated).
- :func:`tanh_map`: diverging blue – neutral – red, for tanh quantities on −1 … 1
  (and for ``c``, whose symmetric levels come from :func:`levels_for`).
- :func:`weights_map`: diverging blue – white – red (CET-D1 style) for weight blocks.

Quantity names are the trace's: gates by PyTorch letter plus ``c`` and ``h``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem

from simulator.core.trace_stats import finite_abs_max

__all__ = [
    "GATE_COLORS",
    "QUANTITY_LABELS",
    "SIGMOID_LEVELS",
    "SIGMOID_NAMES",
    "TANH_LEVELS",
    "TANH_NAMES",
    "color_for",
    "level_fraction",
    "foreground",
    "gate_color",
    "is_dark",
    "is_sigmoid",
    "levels_for",
    "map_for",
    "quantity_names",
    "sigmoid_map",
    "style_plot",
    "symmetric_levels",
    "tanh_map",
    "text_color_on",
    "weights_map",
]

#: Each gate's own colour, one palette for the per-unit lines, the gate panel, the diagram's gate
#: blocks and the dashboard (None: the palette's text colour). Readable on light and dark backgrounds.
GATE_COLORS: dict[str, str | None] = {"i": "#1f77b4", "f": "#2ca02c", "g": "#ff7f0e", "o": "#9467bd",
                                      "r": "#d62728", "z": "#2ca02c", "n": "#ff7f0e", "c": "#8c564b",
                                      "h": None}
SIGMOID_LEVELS = (0.0, 1.0)   # σ gates: i f o (LSTM), r z (GRU)
TANH_LEVELS = (-1.0, 1.0)     # tanh quantities: g n h
SIGMOID_NAMES = frozenset("ifozr")
TANH_NAMES = frozenset("gnh")
QUANTITY_LABELS = {
    "i": "input gate", "f": "forget gate", "g": "cell candidate", "o": "output gate",
    "r": "reset gate", "z": "update gate", "n": "candidate",
    "c": "cell state", "h": "hidden state", "x": "input",
}


def quantity_names(cell: Any) -> tuple[str, ...]:
    """The quantities a view shows, in reading order: LSTM ``i f g o c h``, GRU ``r z n h``, RNN ``h``."""
    return (*cell.gate_names, *(("c",) if cell.has_cell else ()), "h")


def is_sigmoid(name: str) -> bool:
    """True for the σ gates (levels 0 … 1, sequential map)."""
    return name in SIGMOID_NAMES


def symmetric_levels(values: np.ndarray | None, minimum: float = 1.0) -> tuple[float, float]:
    """``(−m, m)`` with m = max(|finite values|, ``minimum``), rounded up to a readable number."""
    top = finite_abs_max(np.asarray(values)) if values is not None else 0.0
    return rounded_levels(top, minimum)


def level_fraction(values: Any, levels: tuple[float, float]) -> np.ndarray:
    """Where ``values`` (any shape, float64) lie between ``levels``: (values − lo) / (hi − lo).

    Halves are subtracted, so levels near the float maximum (a relu RNN about to overflow)
    do not overflow; halving is exact, so elsewhere the result is bit for bit the plain formula.
    """
    lo, hi = levels
    return (np.asarray(values, dtype=np.float64) / 2 - lo / 2) / (hi / 2 - lo / 2)


def rounded_levels(top: float, minimum: float = 1.0) -> tuple[float, float]:
    """``(−m, m)`` with m = max(``top``, ``minimum``) rounded up: 1.37 → 1.4, 23.1 → 25.

    Labels stay short and the scale steady while values wander a little.
    """
    m = max(float(minimum), float(top))
    if m > minimum:
        step = 10.0 ** np.floor(np.log10(m)) / 2
        with np.errstate(over="ignore"):  # near the float maximum the rounded value is inf: keep m
            rounded = float(np.ceil(m / step) * step)
        m = rounded if np.isfinite(rounded) else m
    return -m, m


def levels_for(name: str, cell: Any = None, trace: Any = None) -> tuple[float, float]:
    """The fixed colour/axis levels of quantity ``name``.

    σ gates 0 … 1; g, n and a tanh ``h`` −1 … 1; ``c`` (and ``h`` of a ReLU RNN, which is
    unbounded) symmetric around 0 from the max |value| over the whole trace, at least ±1.
    """
    if is_sigmoid(name):
        return SIGMOID_LEVELS
    unbounded = name == "c" or (name == "h" and cell is not None
                                and cell.options().get("nonlinearity") == "relu")
    if unbounded:
        # the trace keeps its maximum per block of rows: an edit at step t re-reduces rows t … T − 1
        absent = trace is None or (name == "c" and trace.c is None)  # a GRU or RNN has no c
        return rounded_levels(0.0 if absent else trace.abs_max(name))
    return TANH_LEVELS


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's window colour is dark."""
    if palette is None:
        app = QApplication.instance()
        palette = app.palette() if app is not None else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _ramp(colors: list[str], name: str) -> pg.ColorMap:
    pos = np.linspace(0.0, 1.0, len(colors))
    return pg.ColorMap(pos, [QColor(c) for c in colors], name=name)


def sigmoid_map(palette: QPalette | None = None) -> pg.ColorMap:
    """Sequential map for 0 … 1: background-like at 0, a saturated teal/amber at 1."""
    if is_dark(palette):
        return _ramp(["#15191f", "#15384a", "#17657a", "#2a9d8f", "#8fd694", "#f4e285"], "sigmoid-dark")
    return _ramp(["#f7fbfc", "#cde8ea", "#8cc9cf", "#3f9ea8", "#17697a", "#0b3954"], "sigmoid-light")


def tanh_map(palette: QPalette | None = None) -> pg.ColorMap:
    """Diverging map for −1 … 1: blue below zero, red above, neutral (background-like) at 0."""
    if is_dark(palette):
        return _ramp(["#6fb7ff", "#2f6fb3", "#1d2b3d", "#1c1d21", "#44231f", "#c0463b", "#ff9a7a"],
                     "tanh-dark")
    return _ramp(["#08306b", "#3a78b8", "#a6c8e6", "#f7f7f7", "#f2b09a", "#cc4236", "#67000d"],
                 "tanh-light")


def weights_map(palette: QPalette | None = None) -> pg.ColorMap:
    """Diverging blue – white – red for weights (CET-D1; a darker centre on dark palettes)."""
    cmap = pg.colormap.get("CET-D1")
    if not is_dark(palette):
        return cmap
    return _ramp(["#2151db", "#5a78c8", "#2a2d36", "#c4504a", "#c00206"], "weights-dark")


def map_for(name: str, palette: QPalette | None = None) -> pg.ColorMap:
    """The map of a quantity: sequential for σ gates, diverging for everything else."""
    return sigmoid_map(palette) if is_sigmoid(name) else tanh_map(palette)


def color_for(name: str, value: float, levels: tuple[float, float] | None = None,
              palette: QPalette | None = None) -> QColor:
    """The colour of ``value`` of quantity ``name`` (clipped to its levels; NaN → mid grey)."""
    lo, hi = levels or levels_for(name)
    if not np.isfinite(value):
        return QColor(128, 128, 128)
    frac = float(np.clip(level_fraction(value, (lo, hi)), 0.0, 1.0)) if hi > lo else 0.5
    return map_for(name, palette).mapToQColor(frac)


def gate_color(name: str, palette: QPalette | None = None) -> QColor | None:
    """The colour of gate or state ``name`` (:data:`GATE_COLORS`), the text colour for ``h``; None if none."""
    if name not in GATE_COLORS:
        return None
    code = GATE_COLORS[name]
    return QColor(code) if code else foreground(palette)


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (relative luminance)."""
    r, g, b = (c / 255.0 for c in background.getRgb()[:3])
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#000000") if luminance > 0.5 else QColor("#ffffff")


def foreground(palette: QPalette | None = None, role: QPalette.ColorRole = QPalette.ColorRole.Text) -> QColor:
    """The palette's text colour (or another role) for axes, labels and lines."""
    if palette is None:
        app = QApplication.instance()
        palette = app.palette() if app is not None else QPalette()
    return palette.color(role)


def style_plot(view: pg.GraphicsView, plots: Any = (), palette: QPalette | None = None) -> None:
    """Give a pyqtgraph view the palette's base background and every plot's axes its text colour.

    The axes are also given a pixmap cache, so views whose cursors move every step stay cheap.
    """
    palette = palette if palette is not None else view.palette()
    view.setBackground(palette.color(QPalette.ColorRole.Base))
    text = palette.color(QPalette.ColorRole.Text)
    axis_pen = pg.mkPen(palette.color(QPalette.ColorRole.Mid))
    for plot in plots:
        for name in ("left", "bottom", "right", "top"):
            axis = plot.getAxis(name)
            axis.setPen(axis_pen)
            axis.setTextPen(text)
            # moving cursors repaint strips across axes: blit them from a cache, not re-render text
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
