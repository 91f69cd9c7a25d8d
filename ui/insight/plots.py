"""Small building blocks shared by the insight views: styled plots, cursors, heatmaps, explanations.

Every plot is created once and fed with ``setData`` / ``setImage``; cursors move with
``setValue``. Colours come from the widget's palette (light and dark themes) and from
:mod:`ui.widgets.common.colormaps`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.widgets.common import colormaps as cm

__all__ = ["KIND_COLORS", "SERIES_COLORS", "Explanation", "InsightPlot", "cursor_line", "export_plot_png",
           "heatmap", "make_plot", "marker_line", "series_color", "set_heatmap"]

KIND_COLORS = {"rnn": "#d62728", "lstm": "#1f77b4", "gru": "#2ca02c"}
SERIES_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")


def series_color(k: int) -> str:
    """The k-th colour of a categorical palette readable on light and dark backgrounds."""
    return SERIES_COLORS[k % len(SERIES_COLORS)]


class InsightPlot(pg.PlotWidget):
    """A plot that lets the page scroll: the wheel zooms only once the plot has focus (a click).

    A small "Reset view" button in the top-left corner (``<objectName>_reset``) calls :attr:`home`,
    which by default fits the data again; a view with fixed ranges sets its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.home: Callable[[], None] = self.fit
        self.reset_button = QToolButton(self)
        self.reset_button.setText(tr("Reset view"))
        self.reset_button.setToolTip(tr("Show all the data again after zooming or panning"))
        self.reset_button.setAutoRaise(False)
        self.reset_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.reset_button.clicked.connect(lambda: self.home())

    def fit(self) -> None:
        """Fit the data now (pyqtgraph waits for the next paint, which a scrolled-away plot never gets)."""
        self.getPlotItem().enableAutoRange()
        self.getPlotItem().getViewBox().updateAutoRange()

    def set_name(self, name: str) -> None:
        """Set the objectName of the plot and of its reset button (``<name>_reset``)."""
        self.setObjectName(name)
        self.reset_button.setObjectName(f"{name}_reset")
        self.reset_button.setAccessibleName(tr("Reset view") + f" ({name})")

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
            return
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()
            return
        bar = area.verticalScrollBar() if event.angleDelta().y() else area.horizontalScrollBar()
        QApplication.sendEvent(bar, event)  # the panel scrolls as if the plot were not there

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        button = getattr(self, "reset_button", None)  # pyqtgraph resizes before __init__ has made it
        if button is not None:
            hint = button.sizeHint()
            button.setGeometry(2, 2, hint.width(), hint.height())  # over the axis corner, clear of the title
            button.raise_()


def make_plot(parent: QWidget, name: str, tip: str, *, title: str = "", left: str = "", bottom: str = "",
              log_y: bool = False, legend: bool = False) -> InsightPlot:
    """A pyqtgraph plot in the palette's colours, with a visible "Reset view" and no context menu.

    Parameters
    ----------
    parent : QWidget
    name : str
        objectName.
    tip : str
        Tooltip (what the plot shows and how to read it in one line).
    """
    widget = InsightPlot(parent)
    widget.set_name(name)
    widget.setToolTip(tip)
    widget.setAccessibleName(title or name)
    widget.setMinimumHeight(90)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    item = widget.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setLogMode(x=False, y=log_y)
    palette = widget.palette()
    text = cm.foreground(palette).name()
    if title:
        item.setTitle(title, color=text, size="10pt")
    if left:
        item.setLabel("left", left, color=text)
    if bottom:
        item.setLabel("bottom", bottom, color=text)
    item.getAxis("left").setWidth(48)
    item.getAxis("left").enableAutoSIPrefix(False)  # "(x1e-18)" beside a label reads as noise
    if legend:
        item.addLegend(offset=(-6, 6), labelTextColor=cm.foreground(palette), labelTextSize="9pt",
                       brush=pg.mkBrush(palette.color(QPalette.ColorRole.Base)),
                       pen=pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
    cm.style_plot(widget, [item], palette)
    return widget


def cursor_line(plot: pg.PlotItem, palette: QPalette) -> pg.InfiniteLine:
    """The current-step cursor: a thin vertical line in the palette's highlight colour."""
    line = pg.InfiniteLine(pos=0, angle=90, movable=False,
                           pen=pg.mkPen(palette.color(QPalette.ColorRole.Highlight), width=1.5))
    line.setZValue(20)
    plot.addItem(line, ignoreBounds=True)
    return line


def marker_line(plot: pg.PlotItem, color: str, label: str = "", position: float = 0.9) -> pg.InfiniteLine:
    """A dashed vertical marker with a label (the divergence step, a memory delay …)."""
    line = pg.InfiniteLine(pos=0, angle=90, movable=False, label=label or None,
                           pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine),
                           labelOpts={"position": position, "color": color, "anchors": [(0, 0.5), (0, 0.5)]})
    line.setZValue(15)
    plot.addItem(line, ignoreBounds=True)
    return line


def heatmap(plot: pg.PlotItem, cmap: pg.ColorMap, levels: tuple[float, float]) -> pg.ImageItem:
    """An ImageItem for (T, H) arrays: steps along x, units along y, fixed ``levels``."""
    image = pg.ImageItem(axisOrder="col-major")
    image.setLookupTable(cmap.getLookupTable(nPts=256))
    image.setLevels(levels)
    plot.addItem(image)
    plot.invertY(True)
    plot.getAxis("left").setLabel(tr("unit"))
    return image


def set_heatmap(image: pg.ImageItem, values: np.ndarray, levels: tuple[float, float]) -> None:
    """Show ``values`` (T, H): column t is step t, row j unit j (non-finite values drawn at the top)."""
    data = np.nan_to_num(np.asarray(values, dtype=np.float32), nan=levels[1], posinf=levels[1],
                         neginf=levels[0])
    image.setImage(data, autoLevels=False, levels=levels)


def export_plot_png(plot: pg.PlotWidget, path: str, width: int = 1600) -> None:
    """Write ``plot`` as a PNG ``width`` pixels wide."""
    exporter = pg.exporters.ImageExporter(plot.getPlotItem())
    exporter.parameters()["width"] = int(width)
    exporter.export(str(path))


class Explanation(QWidget):
    """A collapsible "How to read this" note: a toggle button over a word-wrapped paragraph."""

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.button = QToolButton(self)
        self.button.setObjectName(f"{name}_toggle")
        self.button.setText(tr("How to read this"))
        self.button.setCheckable(True)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setToolTip(tr("Show or hide a short explanation of this chart"))
        self.button.setAccessibleName(tr("How to read this"))
        self.label = QLabel(text, self)
        self.label.setObjectName(f"{name}_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setContentsMargins(14, 0, 6, 4)
        self.label.setVisible(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.label)
        self.button.toggled.connect(self.set_expanded)

    def set_expanded(self, expanded: bool) -> None:
        """Show (True) or hide the paragraph."""
        self.label.setVisible(expanded)
        self.button.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if self.button.isChecked() != expanded:
            self.button.setChecked(expanded)
