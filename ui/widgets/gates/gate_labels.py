"""Where the gate panel writes a row's name, its word and its scale, for the height the row has.

A row of the gate panel is labelled by its symbol (``f``, large), a word or range under it
(``forget``, ``±1.5``, small) and scale numbers beside the bars (``1`` at the top, ``0`` at the
bottom, ``0`` in the middle of a signed scale). On a short screen (1024 × 700) a row can be
about 25 pixels high: stacked, the word would run into the next row's symbol, and the two scale
numbers into each other. These functions decide, from the font metrics, what fits: the word
moves beside the symbol on one line, and the scale keeps only the numbers that have a line of
their own. Every box they return lies inside its row, so rows never overlap.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

__all__ = ["label_boxes", "tick_values"]

_RIGHT = Qt.AlignmentFlag.AlignRight


def label_boxes(row: QRectF, width: float, name: str, sub: str, big_font: QFont,
                small_font: QFont) -> list[tuple[QRectF, Qt.AlignmentFlag, str]]:
    """The symbol's box and the word's box in the label column of one row.

    Parameters
    ----------
    row : QRectF
        The row's bar area (its top and height are used).
    width : float
        The label column's width (boxes are right-aligned at ``width``, left margin 2).
    name, sub : str
        The symbol (large font) and the word or range (small font).
    big_font, small_font : QFont
        Their fonts.

    Returns
    -------
    list of (QRectF, Qt.AlignmentFlag, str)
        ``[symbol, word]``: stacked when the row holds both lines, else on one line, centred.
    """
    big, small = QFontMetricsF(big_font), QFontMetricsF(small_font)
    top, height = row.top(), row.height()
    if height >= big.height() + small.height() - 2:  # stacked: the symbol above, the word below
        middle = top + height / 2 + (big.height() - small.height()) / 2
        below = QRectF(2, middle, width - 2, top + height - middle)
        return [(QRectF(2, top, width - 2, middle - top), _RIGHT | Qt.AlignmentFlag.AlignBottom, name),
                (below, _RIGHT | Qt.AlignmentFlag.AlignTop, sub)]
    centre = Qt.AlignmentFlag.AlignVCenter
    word = small.horizontalAdvance(sub) + 2
    return [(QRectF(2, top, max(width - 2 - word - 3, 0), height), _RIGHT | centre, name),
            (QRectF(width - word, top, word, height), _RIGHT | centre, sub)]


def tick_values(lo: float, hi: float, height: float, font: QFont) -> list[float]:
    """The scale numbers a row of ``height`` pixels has room for, each on a line of its own.

    Both ends when two lines fit, and 0 between them on a signed scale when three do; only the top
    (``hi``) in a row shorter than two lines (the bars' baseline shows the other end).
    """
    line = QFontMetricsF(font).height()
    if height < 2 * line:
        return [hi]
    if lo < 0 < hi and height >= 3 * line:
        return [hi, lo, 0.0]
    return [hi, lo]
