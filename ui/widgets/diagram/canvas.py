"""The drawing surface: lays the frame out, scales the schematic into it, hit-tests, shows tooltips."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QImage,
    QMouseEvent,
    QPaintDevice,
    QPainter,
    QPaintEvent,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.errors.hook import crash_safe_override
from ui.i18n import tr
from ui.widgets.diagram.frame import (
    Geometry,
    compute_geometry,
    header_left_text,
    header_needs_two_lines,
    legend_note,
    paint_step_header,
    paint_still_frame,
)
from ui.widgets.diagram.layout import HEIGHT, WIDTH, Layout
from ui.widgets.diagram.painter import paint_body, paint_parts
from ui.widgets.diagram.style import FrameFonts, Scene, Theme

__all__ = ["DiagramCanvas", "paint_diagram", "paint_moving", "paint_still"]


def paint_diagram(p: QPainter, geo: Geometry, lay: Layout, scene: Scene, th: Theme) -> None:
    """The whole diagram: :func:`paint_still`, then :func:`paint_moving` on top."""
    paint_still(p, geo, lay, scene, th)
    p.resetTransform()
    paint_moving(p, geo, lay, scene, th)


def paint_still(p: QPainter, geo: Geometry, lay: Layout, scene: Scene, th: Theme) -> None:
    """What a step leaves alone: the description, notes and legend (device pixels), then the body."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    paint_still_frame(p, geo, lay, scene, th)
    p.setTransform(geo.transform)
    paint_body(p, lay, scene, th)


def paint_moving(p: QPainter, geo: Geometry, lay: Layout, scene: Scene, th: Theme) -> None:
    """What changes with the step: the step text, then the wires and nodes through ``geo.transform``."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    paint_step_header(p, geo, scene, th)
    p.setTransform(geo.transform)
    paint_parts(p, lay, scene, th, geo.fonts, geo.placement)


class DiagramCanvas(QWidget):
    """Paints a :class:`Layout` with a :class:`Scene`; emits ``node_clicked(id)`` (``""`` off nodes).

    ``tooltip_for`` is called with a node id and returns the tooltip text. The geometry
    (:func:`~ui.widgets.diagram.frame.compute_geometry`) is made once per size, layout,
    font and header shape, never per frame.
    """

    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cell_diagram_canvas")
        self.setMouseTracking(True)
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # it fills its background itself: a repaint does not first repaint the window, the central
        # area, the splitter and the diagram widget behind it (four window-sized fills a step)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAccessibleName(tr("Cell diagram"))
        self.setAccessibleDescription(
            tr("Schematic of the cell; hover a gate for its equation, click to pin."))
        self.layout_: Layout | None = None
        self.scene = Scene({}, {}, "", "")
        self.tooltip_for: Callable[[str], str] = lambda ident: ""
        self.theme = Theme(self.palette())
        self._geometry: Geometry | None = None
        self._key: tuple | None = None
        self._still: tuple[tuple, QPixmap] | None = None  # (key, the still layer at the widget's size)

    # -- geometry ---------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(900, 540)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False

    def geometry_for(self, width: float, height: float, scene: Scene | None = None) -> Geometry | None:
        """The layout of everything at a pane size (cached for the widget's own size)."""
        if self.layout_ is None:
            return None
        scene = scene or self.scene
        frame_fonts = FrameFonts.make(self.font(), min(width / WIDTH, height / HEIGHT))
        two = header_needs_two_lines(width, frame_fonts, scene.header_left, scene.header_right)
        key = (width, height, id(self.layout_), two, self.font().key())
        if key != self._key:
            self._geometry = compute_geometry(width, height, self.layout_, self.font(), two_lines=two)
            self._key = key
        return self._geometry

    @property
    def transform_(self) -> QTransform:
        """Logical → widget coordinates of the schematic at the widget's current size."""
        geo = self.geometry_for(self.width(), self.height())
        return QTransform() if geo is None else geo.transform

    def to_logical(self, pos: QPointF) -> QPointF:
        """Widget coordinates → diagram coordinates."""
        inverse, _ = self.transform_.inverted()
        return inverse.map(QPointF(pos))

    def to_widget(self, pos: QPointF) -> QPointF:
        """Diagram coordinates → widget coordinates (tests click on node centres with this)."""
        return self.transform_.map(QPointF(pos))

    def node_at(self, pos: QPointF) -> str | None:
        """The id of the node under a widget position, if any."""
        return None if self.layout_ is None else self.layout_.node_at(self.to_logical(pos))

    # -- painting ---------------------------------------------------------------------------
    @crash_safe_override  # Qt reaches it through event(): see ui.errors.hook
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        geo = self.geometry_for(self.width(), self.height())
        if geo is None:
            QPainter(self).fillRect(event.rect(), self.theme.window)
            return
        p = QPainter(self)
        p.drawPixmap(0, 0, self._still_layer(geo))
        paint_moving(p, geo, self.layout_, self.scene, self.theme)
        p.end()

    def _still_layer(self, geo: Geometry) -> QPixmap:
        """The window colour, frame text, legend and body, drawn once per size, text, theme or glow."""
        scene, dpr = self.scene, self.devicePixelRatioF()
        key = (self._key, self.layout_, self.theme, dpr, header_left_text(geo, scene),
               legend_note(self.layout_, scene), frozenset(scene.highlight))
        if self._still is None or self._still[0] != key:
            pixmap = QPixmap(round(self.width() * dpr), round(self.height() * dpr))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(self.theme.window)
            p = QPainter(pixmap)
            paint_still(p, geo, self.layout_, scene, self.theme)
            p.end()
            self._still = (key, pixmap)
        return self._still[1]

    def render_image(self, size: QSize, scene: Scene) -> QImage:
        """The diagram drawn at ``size`` pixels on the window colour (no hover, no pin)."""
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.theme.window)
        self.paint_on(image, size, scene)
        return image

    def paint_on(self, device: QPaintDevice, size: QSize, scene: Scene) -> None:
        """Paint the diagram at ``size`` on any paint device (an image, an SVG generator, a printer).

        The same painter code as the screen and the PNG export: vector paths and text, no pixmaps.
        """
        p = QPainter(device)
        p.fillRect(QRectF(0, 0, size.width(), size.height()), self.theme.window)
        if self.layout_ is not None:
            frame_fonts = FrameFonts.make(self.font(), min(size.width() / WIDTH, size.height() / HEIGHT))
            two = header_needs_two_lines(size.width(), frame_fonts, scene.header_left, scene.header_right)
            geo = compute_geometry(size.width(), size.height(), self.layout_, self.font(), two_lines=two)
            paint_diagram(p, geo, self.layout_, scene, self.theme)
        p.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.theme = Theme(self.palette())
            self.update()
        elif event.type() == QEvent.Type.FontChange:
            self._key = None
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
        return self.transform_.mapRect(self.layout_.nodes[ident].rect)
