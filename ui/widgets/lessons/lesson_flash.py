"""A short glowing frame over a panel, so the eye finds the view a lesson page talks about."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ui.theme import is_dark

__all__ = ["FLASH_MS", "flash"]

FLASH_MS = 1600


class _Flash(QWidget):
    """A transparent child of ``target`` that draws a fading frame around it, then deletes itself."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("lesson_flash")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(target.rect())
        self.colour = QColor("#b197fc") if is_dark(target.palette()) else QColor("#7048e8")
        self.strength = 1.0
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(FLASH_MS)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setEasingCurve(QEasingCurve.Type.InQuad)
        self.animation.valueChanged.connect(self._fade)
        self.animation.finished.connect(self.deleteLater)
        target.installEventFilter(self)
        self.raise_()
        self.show()
        self.animation.start()

    def _fade(self, t: float) -> None:
        self.strength = 1.0 - t
        self.update()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and obj is self.parent():
            self.setGeometry(obj.rect())
        return False

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for width, alpha in ((10.0, 0.25), (4.0, 0.95)):
            c = QColor(self.colour)
            c.setAlphaF(alpha * self.strength)
            p.setPen(QPen(c, width))
            p.setBrush(Qt.BrushStyle.NoBrush)
            inset = width / 2
            p.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 8, 8)
        p.end()


def flash(target: QWidget) -> QWidget:
    """Flash a fading frame over ``target`` (about 1.6 s); returns the overlay (it deletes itself)."""
    for old in target.findChildren(_Flash, options=Qt.FindChildOption.FindDirectChildrenOnly):
        old.animation.stop()
        old.deleteLater()
    return _Flash(target)
