"""How much labelling the timeline's rows can carry at the height they are given.

A label needs about a line of text (:func:`line_height`). A heatmap row labels as many of
its units as fit (all, or a nice stride from the first to the last, or only the first, or
none); its colour bar shows its levels' low, middle and high only while they fit. The
"step" axis title and then the selected unit's line plot give way before the rows fall
below two lines each (first and last unit, low and high level).
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QWidget

__all__ = ["apply_room", "bar_ticks", "fit_labels", "fit_rows", "line_height", "unit_ticks"]

NICE = (1, 2, 5)  # strides 1, 2, 5, 10, 20, 50 …
SLACK = 0.5  # pixels: a row laid out at its two lines' minimum may come out a fraction short


def line_height(widget: QWidget) -> float:
    """Pixels one tick label takes: the height of ``widget``'s font."""
    return QFontMetricsF(widget.font()).height()


def _stride(least: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 … that is at least ``least``."""
    scale = 1
    while True:
        for nice in NICE:
            if nice * scale >= least:
                return nice * scale
        scale *= 10


def unit_ticks(units: int, pixels: float, line: float) -> list[int]:
    """The units to label on a heatmap row of ``units`` units, ``pixels`` high, labels ``line`` high.

    Every unit when each has a line; else the first and the last (labels kept inside the
    row, see :func:`~ui.widgets.timeline.timeline_heatmap.labels_inside`) with multiples of
    a nice stride between that keep a line clear of each other and of the ends; only the
    first on a row of one line; none on a shorter row.
    """
    pixels += SLACK
    if units <= 0 or pixels < line:
        return []
    if pixels >= units * line:
        return list(range(units))
    if pixels < 2 * line:
        return [0]
    per_unit = pixels / units
    stride = _stride(line / per_unit)
    inner = [u for u in range(stride, units - 1, stride)
             if 1.5 * line <= (u + 0.5) * per_unit <= pixels - 1.5 * line]
    return [0, *inner, units - 1]


def bar_ticks(levels: tuple[float, float], pixels: float, line: float) -> list[tuple[float, str]]:
    """A colour bar's labels, ``pixels`` high: low, middle and high, or low and high, or none."""
    low, high, pixels = *levels, pixels + SLACK
    shown = (low, (low + high) / 2, high) if pixels >= 3 * line else (low, high) if pixels >= 2 * line else ()
    return [(v, f"{v:g}") for v in shown]


def fit_rows(height: float, rows: int, line: float, lines_height: float) -> tuple[float, bool, bool]:
    """How high each heatmap row is kept; whether the line plot and "step" title fit a view ``height`` high.

    Each of ``rows`` heatmap rows is to keep two lines (plus three pixels of margins and
    spacing); the step axis takes a line and nine pixels, its title a line and four, the
    line plot ``lines_height`` and a pixel. The title gives way first, then the line plot;
    in a shorter view still, the rows share what is left equally.

    Returns
    -------
    row : float
        The pixels each heatmap keeps at least (two lines, or its equal share of less).
    lines, title : bool
    """
    fixed, title, row = line + 9, line + 4, 2 * line
    need = rows * (row + 3) + fixed
    if height >= need + lines_height + 1 + title:
        return row, True, True
    if height >= need + lines_height + 1:
        return row, True, False
    titled = height >= need + title
    share = (height - fixed - (title if titled else 0)) / max(rows, 1) - 3
    return max(0.0, min(row, share)), False, titled


def apply_room(heatmaps: dict, plots: dict, room: tuple[float, bool, bool]) -> None:
    """Keep each heatmap row ``room[0]`` high, and title the step axis if ``room[2]``.

    ``heatmaps`` and ``plots`` are the timeline's (the last plot carries the step axis). The
    least height is on the view boxes, so the last row is as high as the others besides its axis.
    """
    for heatmap in heatmaps.values():
        heatmap.plot.getViewBox().setMinimumHeight(room[0])
    if plots:
        list(plots.values())[-1].getAxis("bottom").showLabel(room[2])


def fit_labels(heatmaps: dict, units: int, line: float) -> None:
    """Label each heatmap's ``units`` units and its colour bar as far as its row's height allows."""
    for heatmap in heatmaps.values():
        heatmap.fit(units, heatmap.plot.getViewBox().height(), line)
