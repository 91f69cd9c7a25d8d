"""The drawing surface: scales the logical diagram to the widget, hit-tests, shows tooltips."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QImage, QMouseEvent, QPainter, QPaintEvent, QTransform
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.widgets.diagram.layout import HEIGHT, WIDTH, Layout
from ui.widgets.diagram.painter import paint_scene
from ui.widgets.diagram.style import Fonts, Scene, Theme

__all__ = ["DiagramCanvas"]


def fit_transform(width: float, height: float) -> QTransform:
    """Logical → device transform that fits the diagram in ``width`` × ``height``, centred."""
    s = min(width / WIDTH, height / HEIGHT)
    return QTransform(s, 0, 0, s, (width - WIDTH * s) / 2, (height - HEIGHT * s) / 2)


class DiagramCanvas(QWidget):
    """Paints a :class:`Layout` with a :class:`Scene`; emits ``node_clicked(id)`` (``""`` off nodes).

    ``tooltip_for`` is called with a node id and returns the tooltip text.
    """

    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cell_diagram_canvas")
        self.setMouseTracking(True)
        self.setMinimumSize(420, 250)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Cell diagram")
        self.setAccessibleDescription("Schematic of the cell; hover a gate for its equation, click to pin.")
        self.layout_: Layout | None = None
        self.scene = Scene({}, {}, "", "")
        self.tooltip_for: Callable[[str], str] = lambda ident: ""
        self.theme = Theme(self.palette())
        self._transform = QTransform()
        self._fonts: Fonts | None = None

    # -- geometry ---------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(900, 540)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._transform = fit_transform(self.width(), self.height())
        self._fonts = None
        super().resizeEvent(event)

    def to_logical(self, pos: QPointF) -> QPointF:
        """Widget coordinates → diagram coordinates."""
        inverse, _ = self._transform.inverted()
        return inverse.map(QPointF(pos))

    def to_widget(self, pos: QPointF) -> QPointF:
        """Diagram coordinates → widget coordinates (tests click on node centres with this)."""
        return self._transform.map(QPointF(pos))

    def node_at(self, pos: QPointF) -> str | None:
        """The id of the node under a widget position, if any."""
        return None if self.layout_ is None else self.layout_.node_at(self.to_logical(pos))

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.layout_ is None:
            return
        if self._fonts is None:
            self._fonts = Fonts.make(self.font(), self._transform.m11())
        p = QPainter(self)
        p.setTransform(self._transform)
        paint_scene(p, self.layout_, self.scene, self.theme, self._fonts)
        p.end()

    def render_image(self, size: QSize, scene: Scene) -> QImage:
        """The diagram drawn at ``size`` pixels on the window colour (no hover, no pin)."""
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.theme.window)
        if self.layout_ is None:
            return image
        transform = fit_transform(size.width(), size.height())
        p = QPainter(image)
        p.setTransform(transform)
        paint_scene(p, self.layout_, scene, self.theme, Fonts.make(self.font(), transform.m11()))
        p.end()
        return image

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.theme = Theme(self.palette())
            self.update()
        elif event.type() == QEvent.Type.FontChange:
            self._fonts = None
        super().changeEvent(event)

    # -- interaction ------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            ident = self.node_at(QPointF(event.pos()))
            if ident:
                QToolTip.showText(event.globalPos(), self.tooltip_for(ident), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        ident = self.node_at(event.position())
        if ident != self.scene.hover:
            self.scene.hover = ident
            self.setCursor(Qt.CursorShape.PointingHandCursor if ident else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if self.scene.hover is not None:
            self.scene.hover = None
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.node_clicked.emit(self.node_at(event.position()) or "")
            event.accept()
            return
        super().mousePressEvent(event)

    def node_rect(self, ident: str) -> QRectF:
        """A node's rectangle in widget coordinates."""
        return self._transform.mapRect(self.layout_.nodes[ident].rect)
