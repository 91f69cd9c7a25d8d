"""The gate panel's row labels at every row height: inside their row, never on top of each other."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from ui.widgets.gates.gate_labels import label_boxes, tick_values


@pytest.fixture
def fonts(qapp):
    big, small = QFont(qapp.font()), QFont(qapp.font())
    big.setPointSizeF(11)
    big.setBold(True)
    small.setPointSizeF(9)
    return big, small


@pytest.mark.parametrize("height", range(16, 90, 3))
@pytest.mark.parametrize(("name", "sub"), [("f", "forget"), ("g", "cand."), ("c", "±1.5"), ("h", "hidden")])
def test_symbol_and_word_stay_in_their_row_and_apart(fonts, height, name, sub):
    big, small = fonts
    row = QRectF(92, 100, 200, height)
    (name_box, _, _), (sub_box, _, _) = label_boxes(row, 56, name, sub, big, small)
    for box in (name_box, sub_box):
        assert box.top() >= row.top() - 1e-9 and box.bottom() <= row.bottom() + 1e-9  # never in the next row
        assert box.left() >= 0 and box.right() <= 58
    assert not name_box.intersects(sub_box)
    line_big, line_small = QFontMetricsF(big).height(), QFontMetricsF(small).height()
    if name_box.width() == sub_box.width():  # stacked: each has its line's height
        assert name_box.height() >= line_big - 2 and sub_box.height() >= line_small - 2
    else:  # side by side: the word's whole width, the symbol to its left
        assert sub_box.width() >= QFontMetricsF(small).horizontalAdvance(sub)
        assert name_box.right() <= sub_box.left()
    stacked = height >= line_big + line_small - 2
    assert (name_box.width() == sub_box.width()) == stacked


@pytest.mark.parametrize("height", range(12, 90, 2))
def test_scale_numbers_each_get_a_line(fonts, height):
    _, small = fonts
    line = QFontMetricsF(small).height()
    ticks = tick_values(-1.5, 1.5, height, small)
    assert len(ticks) * line <= max(height, line) + 1e-9  # no two numbers share a line
    assert ticks[0] == 1.5
    assert tick_values(0.0, 1.0, height, small) == ([1.0] if height < 2 * line else [1.0, 0.0])
    if height >= 3 * line:
        assert ticks == [1.5, -1.5, 0.0]
