"""Gate and state panel: every unit of every gate, of ``c`` and of ``h`` at the current step.

One row per quantity (LSTM ``i f g o c h``, GRU ``r z n h``, RNN ``h``) sharing a unit
axis. Up to :data:`STRIP_THRESHOLD` units a row is a bar chart on a fixed scale
(0 … 1 for σ gates, −1 … 1 for tanh quantities with a marked zero, ``c`` symmetric
from its max |c| over the trace); above it a row is a colour strip.

The widget paints itself with one :class:`QPainter`: labels, scales and axes are drawn
once into a cached pixmap (on resize, rebuild or a change of levels), and a step only
repaints the bar areas (one ``fillRect`` per bar, colours from a 65-step palette), so a
step costs well under a millisecond at H = 64.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TR_NOOP, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from ui.i18n import quantity_label, tr
from ui.widgets.common import colormaps as cm
from ui.widgets.common.numbers import number_text
from ui.widgets.gates.gate_labels import label_boxes, tick_values

__all__ = ["STRIP_THRESHOLD", "GatePanel"]

STRIP_THRESHOLD = 64  # above this many units the rows become colour strips
_BRUSH_STEPS = 64
_SHORT = {"i": QT_TR_NOOP("input"), "f": QT_TR_NOOP("forget"), "g": QT_TR_NOOP("cand."),
          "o": QT_TR_NOOP("output"), "r": QT_TR_NOOP("reset"), "z": QT_TR_NOOP("update"),
          "n": QT_TR_NOOP("cand."), "h": QT_TR_NOOP("hidden")}
_LABEL_W, _TICK_W, _RIGHT, _TOP, _BOTTOM, _GAP = 62, 30, 10, 6, 34, 6


class _Row:
    """One quantity: its levels, the values shown (H,), its colours and its plot rectangle."""

    def __init__(self, name: str, hidden: int, palette: QPalette) -> None:
        self.name, self.levels = name, cm.levels_for(name)
        self.values = np.zeros(hidden)
        self.rect = QRectF()
        cmap = cm.map_for(name, palette)
        # bar colours span the map's strong part so small values stay visible on the background
        if cm.is_sigmoid(name):
            pos = np.linspace(0.3, 1.0, _BRUSH_STEPS + 1)
        else:
            pos = np.concatenate([np.linspace(0.0, 0.35, _BRUSH_STEPS // 2),
                                  np.linspace(0.65, 1.0, _BRUSH_STEPS // 2 + 1)])
        self.colors: list[QColor] = list(cmap.map(pos, mode="qcolor"))
        self.lut = cmap.getLookupTable(nPts=256, alpha=True)  # (256, 4) uint8 for strips

    def y_of(self, value: float | np.ndarray) -> float | np.ndarray:
        """Pixel row of ``value`` inside :attr:`rect` (the levels span the rect's height)."""
        return self.rect.bottom() - cm.level_fraction(value, self.levels) * self.rect.height()


class GatePanel(QWidget):
    """Bars (or strips) of every gate, ``c`` and ``h`` for all units at the current step.

    Parameters
    ----------
    controller : ui.document.controller.Controller
    parent : QWidget, optional

    Attributes
    ----------
    rows : dict of str to _Row
        ``rows[name].values`` (H,) are the values shown, ``rows[name].levels`` the fixed scale.
    strips : bool
        True when H > :data:`STRIP_THRESHOLD` (colour strips instead of bars).
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gate_panel")
        self.setAccessibleName(tr("Gate and state values"))
        self.setToolTip(tr("Every unit's gates and states at the current step; click a unit to select it"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # we paint every pixel
        self.setMouseTracking(True)
        self.setMinimumSize(260, 200)
        self.controller = controller
        self.rows: dict[str, _Row] = {}
        self.strips = False
        self._static: QPixmap | None = None
        controller.cell_changed.connect(self.rebuild)
        controller.trace_changed.connect(self._on_trace_changed)
        controller.step_changed.connect(self.refresh)
        controller.unit_changed.connect(self._update_bars)
        self.rebuild()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(420, 340)

    # -- building (on cell_changed only) -------------------------------------------------
    def rebuild(self) -> None:
        """Recreate the rows for the current cell kind and size."""
        H = self.controller.cell.hidden_size
        self.strips = H > STRIP_THRESHOLD
        self.rows = {name: _Row(name, H, self.palette()) for name in cm.quantity_names(self.controller.cell)}
        self._layout()
        self._static = None
        self.update()
        self._on_trace_changed(0)

    def _layout(self) -> None:
        names = list(self.rows)
        left = _LABEL_W + _TICK_W
        height = self.height() - _TOP - _BOTTOM - _GAP * (len(names) - 1)
        each = max(height / max(len(names), 1), 4.0)
        width = max(self.width() - left - _RIGHT, 1)
        for k, name in enumerate(names):
            self.rows[name].rect = QRectF(left, _TOP + k * (each + _GAP), width, each)

    def _unit_x(self, rect: QRectF) -> tuple[float, float]:
        """Left edge of unit 0 and the width of one unit in ``rect``."""
        H = self.controller.cell.hidden_size
        return rect.left(), rect.width() / max(H, 1)

    # -- the static layer: labels, scales, axes -------------------------------------------
    def _render_static(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(QSize(self.width(), self.height()) * ratio)
        pixmap.setDevicePixelRatio(ratio)
        palette = self.palette()
        base, text = palette.color(QPalette.ColorRole.Base), cm.foreground(palette)
        mid = palette.color(QPalette.ColorRole.Mid)
        pixmap.fill(base)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        big, small = QFont(self.font()), QFont(self.font())
        big.setPointSizeF(11)
        big.setBold(True)
        big.setItalic(True)
        small.setPointSizeF(9)  # content, not decoration: readable at arm's length
        H = self.controller.cell.hidden_size
        for row in self.rows.values():
            r = row.rect
            lo, hi = row.levels
            sub = f"±{hi:g}" if row.name == "c" or (self.strips and lo < 0) else (
                f"{lo:g}…{hi:g}" if self.strips else tr(_SHORT.get(row.name, row.name)))
            (name_box, name_align, _), (sub_box, sub_align, _) = label_boxes(
                r, _LABEL_W - 6, row.name, sub, big, small)
            p.setPen(cm.gate_color(row.name, palette) or text)  # the same colour as its line in the timeline
            p.setFont(big)
            p.drawText(name_box, name_align, row.name)
            p.setFont(small)
            p.setPen(text)
            p.drawText(sub_box, sub_align, sub)
            p.setPen(QPen(mid, 1))
            p.drawLine(QPointF(r.left() - 0.5, r.top()), QPointF(r.left() - 0.5, r.bottom()))
            if self.strips:
                continue
            p.setPen(text)
            right = Qt.AlignmentFlag.AlignRight
            aligns = (Qt.AlignmentFlag.AlignTop, Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignVCenter)
            for value, place in zip(tick_values(lo, hi, r.height(), small), aligns, strict=False):
                align = right | place  # hi at the top, lo at the bottom, 0 between: each on its own line
                y = float(row.y_of(value))
                box = QRectF(_LABEL_W, r.top() - 1, _TICK_W - 6, r.height() + 2) if value != 0.0 else \
                    QRectF(_LABEL_W, y - 8, _TICK_W - 6, 16)
                p.drawText(box, align, number_text(value))
                p.drawLine(QPointF(r.left() - 4, y), QPointF(r.left(), y))
            if lo < 0 < hi:
                p.setPen(QPen(mid, 1, Qt.PenStyle.DashLine))
                y0 = float(row.y_of(0.0))
                p.drawLine(QPointF(r.left(), y0), QPointF(r.right(), y0))
        if self.rows:
            last = list(self.rows.values())[-1].rect
            x0, w = self._unit_x(last)
            p.setPen(QPen(mid, 1))
            p.drawLine(QPointF(last.left(), last.bottom() + 0.5), QPointF(last.right(), last.bottom() + 0.5))
            p.setPen(text)
            p.setFont(small)
            step = max(1, int(np.ceil(28 / max(w, 1e-9))))
            step = next(s for s in (1, 2, 5, 10, 16, 20, 32, 50, 64, 100, 128, 256, 512, 1024, 10**9)
                        if s >= step)
            for u in range(0, H, step):
                x = x0 + (u + 0.5) * w
                p.drawLine(QPointF(x, last.bottom()), QPointF(x, last.bottom() + 3))
                p.drawText(QRectF(x - 20, last.bottom() + 3, 40, 14), Qt.AlignmentFlag.AlignCenter, str(u))
            p.drawText(QRectF(last.left(), last.bottom() + 16, last.width(), 16),
                       Qt.AlignmentFlag.AlignCenter, tr("unit"))
        p.end()
        return pixmap

    # -- updates ----------------------------------------------------------------------------
    def _on_trace_changed(self, _start: int = 0) -> None:
        cell, trace = self.controller.cell, self.controller.trace
        changed = False
        for row in self.rows.values():
            levels = cm.levels_for(row.name, cell, trace)
            changed |= levels != row.levels
            row.levels = levels
        if changed or self._static is None:
            self._static = None
            self.update()
        self.refresh()

    def refresh(self, _step: int | None = None) -> None:
        """Show the values at the controller's current step (repaints the bar areas only)."""
        trace = self.controller.trace
        if trace.length == 0:
            return
        values = trace.row(self.controller.step)
        for name, row in self.rows.items():
            row.values = values[name]
        self._update_bars()

    def _update_bars(self, *_args: object) -> None:
        for row in self.rows.values():
            self.update(row.rect.adjusted(-1, -1, 1, 1).toAlignedRect())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._layout()
        self._static = None

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        kind = event.type()
        if kind == event.Type.PaletteChange and self.rows:
            self.rebuild()  # new colours
        elif kind in (event.Type.FontChange, event.Type.StyleChange):
            self._static = None
            self.update()

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self._static is None:
            self._static = self._render_static()
        p = QPainter(self)
        clip = QRectF(event.rect())
        p.drawPixmap(clip, self._static, QRectF(clip.topLeft() * self._static.devicePixelRatio(),
                                                clip.size() * self._static.devicePixelRatio()))
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        highlight.setAlpha(60)
        unit = self.controller.selected_unit
        for row in self.rows.values():
            if not clip.intersects(row.rect):
                continue
            x0, w = self._unit_x(row.rect)
            p.fillRect(QRectF(x0 + unit * w, row.rect.top(), w, row.rect.height()), highlight)
            self._paint_strip(p, row) if self.strips else self._paint_bars(p, row, x0, w)
        p.end()

    def _paint_bars(self, p: QPainter, row: _Row, x0: float, w: float) -> None:
        lo, hi = row.levels
        shown = np.clip(np.nan_to_num(row.values, nan=lo, posinf=hi, neginf=lo), lo, hi)  # never off-scale
        idx = np.rint(cm.level_fraction(shown, (lo, hi)) * _BRUSH_STEPS).astype(int).tolist()
        base = max(lo, min(0.0, hi))
        tops = row.y_of(np.maximum(shown, base))
        heights = np.maximum(row.y_of(np.minimum(shown, base)) - tops, 1.0).tolist()
        bar = max(w * 0.8, 1.0)
        lefts = (x0 + (w - bar) / 2 + w * np.arange(len(idx))).tolist()
        fill, colors = p.fillRect, row.colors
        for left, top, height, k in zip(lefts, tops.tolist(), heights, idx, strict=True):
            fill(QRectF(left, top, bar, height), colors[k])

    def _paint_strip(self, p: QPainter, row: _Row) -> None:
        lo, hi = row.levels
        frac = np.clip(cm.level_fraction(np.nan_to_num(row.values, nan=lo), (lo, hi)), 0.0, 1.0)
        rgba = np.ascontiguousarray(row.lut[np.rint(frac * 255).astype(int)][None, :, :])
        image = QImage(rgba.data, rgba.shape[1], 1, rgba.shape[1] * 4, QImage.Format.Format_RGBA8888)
        p.drawImage(row.rect, image)

    # -- mouse ------------------------------------------------------------------------------
    def unit_at(self, pos: QPointF) -> tuple[str, int] | None:
        """The quantity and unit under ``pos`` (widget coordinates), or None."""
        H = self.controller.cell.hidden_size
        for name, row in self.rows.items():
            if row.rect.contains(pos):
                x0, w = self._unit_x(row.rect)
                unit = int((pos.x() - x0) // w)
                return (name, unit) if 0 <= unit < H else None
        return None

    def unit_center(self, name: str, unit: int) -> QPointF:
        """The widget position of ``unit``'s bar in row ``name`` (for tests and scripts)."""
        x0, w = self._unit_x(self.rows[name].rect)
        return QPointF(x0 + (unit + 0.5) * w, self.rows[name].rect.center().y())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.unit_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and hit is not None:
            self.controller.set_selected_unit(hit[1])
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.unit_at(event.position())
        if hit is None or self.controller.trace.length == 0:
            QToolTip.hideText()
            return
        name, unit = hit
        value = float(self.rows[name].values[unit])
        text = tr("{name}[{unit}] = {value}  ({label}, step {step})").format(
            name=name, unit=unit, value=number_text(value, 6), label=quantity_label(name),
            step=self.controller.step)
        QToolTip.showText(event.globalPosition().toPoint(), text, self)
