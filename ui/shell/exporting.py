"""Exports: the trace (every engine format), the weights, the current view (PNG/SVG) and an animated GIF.

Every method takes an optional path (scripts and tests pass one; the menu asks).
Engine writes are atomic; errors are shown and nothing half-written is left.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QT_TR_NOOP, QObject, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPaintDevice, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from simulator.core.errors import InputError
from ui.dialogs.export_dialog import (
    TRACE_FORMATS,
    WEIGHT_FORMATS,
    GifOptions,
    GifOptionsDialog,
    ask_save_path,
    ask_view,
)
from ui.dialogs.replace_guard import may_replace
from ui.i18n import tr

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["Exporter", "qimage_to_rgb", "safe_stem", "write_svg"]

IMAGE_FORMATS = [(QT_TR_NOOP("PNG image (*.png)"), "png", ".png"),
                 (QT_TR_NOOP("SVG drawing (*.svg)"), "svg", ".svg")]
DIAGRAM_SIZE = QSize(1600, 1000)  # the PNG and the SVG of the diagram: the same picture
_GIF_FORMATS = [(QT_TR_NOOP("Animated GIF (*.gif)"), "gif", ".gif")]


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """A QImage as an (h, w, 3) uint8 RGB array (a copy)."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return data[:, :w * 3].reshape(h, w, 3).copy()


def render_widget(widget: QWidget, size: QSize) -> QImage:
    """``widget`` painted into an image of ``size`` (scaled to fit, on the window colour)."""
    if hasattr(widget, "render_to_image"):
        return widget.render_to_image(size)
    pixmap = widget.grab()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(widget.palette().window().color())
    scaled = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)
    painter = QPainter(image)
    painter.drawPixmap((size.width() - scaled.width()) // 2, (size.height() - scaled.height()) // 2, scaled)
    painter.end()
    return image


def safe_stem(name: str) -> str:
    """``name`` made easy to use as a file name: no ``: / \\ * ? " < > |``, control characters or spaces."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f\s]+', "-", name).strip("-. ")
    return re.sub(r"-{2,}", "-", stem) or "gatescope"


def write_svg(paint: Callable[[QPaintDevice, QSize], None], size: QSize, path: str, title: str) -> None:
    """An SVG of what ``paint(device, size)`` draws (written beside the target, then moved into place)."""
    from PySide6.QtSvg import QSvgGenerator

    tmp = f"{path}.part"
    generator = QSvgGenerator()
    generator.setFileName(tmp)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("GateScope")
    paint(generator, size)
    del generator  # closes the file
    if not os.path.exists(tmp):
        raise OSError(f"cannot write {path}")
    os.replace(tmp, path)


class Exporter(QObject):
    """The window's exports; ``window.exporter``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.gif_options: GifOptions | None = None

    def _start(self, suffix: str) -> str:
        base = safe_stem(os.path.splitext(self.window.documents.display_name())[0])
        return os.path.join(self.window.documents._last_dir(), base + suffix)

    def _fail(self, what: str, err: Exception) -> None:
        titles = {"trace": tr("Cannot export the trace"), "weights": tr("Cannot export the weights"),
                  "view": tr("Cannot export the view"), "GIF": tr("Cannot export the GIF")}
        self.window.documents.error(titles.get(what, what), str(err))

    def _may_write(self, path: str) -> bool:
        """False when ``path`` is the open document's own file and the user keeps it."""
        return may_replace(self.window, path, getattr(self.controller, "path", None))

    def _done(self, path: str) -> None:
        self.window.documents._remember_dir(path)
        self.window.statusBar().showMessage(tr("Exported {path}").format(path=path), 8000)

    # -- trace and weights ------------------------------------------------------------------
    def full_gradients(self) -> dict[str, np.ndarray] | None:
        """‖∂h_T/∂h_t‖ over the whole trace (and ‖∂c_T/∂c_t‖ for the LSTM), each shape (T,)."""
        try:
            from simulator.core.gradients import gradient_norms
        except ImportError:
            return None
        c = self.controller
        return gradient_norms(c.cell, c.trace, c.length - 1) if c.length else None

    def export_trace(self, path: str | None = None, fmt: str | None = None) -> bool:
        """Write the trace (with the gradients when they are cheap enough) as NPZ, CSV, CSV long or JSON."""
        from simulator.io.export import export_trace

        if path is None:
            chosen = ask_save_path(self.window, tr("Export the trace"), self._start(".npz"), TRACE_FORMATS)
            if chosen is None:
                return False
            path, fmt = chosen
        if not self._may_write(path):
            return False
        c = self.controller
        try:
            cost = c.length * (2 * c.cell.hidden_size) ** 3
            gradients = self.full_gradients() if cost < 5e10 else None
            export_trace(c.cell, c.final_trace(), path, fmt, gradients=gradients)
        except (InputError, OSError) as err:
            self._fail("trace", err)
            return False
        self._done(path)
        return True

    def export_weights(self, path: str | None = None, fmt: tuple[str, str] | None = None) -> bool:
        """Write the weights in any format :func:`simulator.io.formats.save_weights` supports."""
        from simulator.io.formats import save_weights

        if path is None:
            chosen = ask_save_path(self.window, tr("Export the weights"), self._start(".safetensors"),
                                   WEIGHT_FORMATS)
            if chosen is None:
                return False
            path, fmt = chosen
        if not self._may_write(path):
            return False
        fmt_name, naming = fmt or (None, "torch")
        try:
            save_weights(self.controller.cell, path, fmt_name, naming=naming)
        except (InputError, OSError) as err:
            self._fail("weights", err)
            return False
        self._done(path)
        return True

    # -- images ----------------------------------------------------------------------------
    def export_image(self, path: str | None = None, view: str | None = None) -> bool:
        """Save the diagram, the gradient plot or the whole window as PNG (or SVG by the suffix)."""
        if view is None:
            view = ask_view(self.window)
            if view is None:
                return False
        if path is None:
            chosen = ask_save_path(self.window, tr("Export the view"), self._start(f"-{view}.png"),
                                   IMAGE_FORMATS if view != "window" else IMAGE_FORMATS[:1])
            if chosen is None:
                return False
            path = chosen[0]
        svg = path.lower().endswith(".svg")
        views = {"diagram": self.window.diagram, "gradients": self.window.gradient_plot}
        widget = views.get(view, self.window)
        try:
            if view == "gradients" and hasattr(widget, "export_png"):
                widget.export_svg(path) if svg else widget.export_png(path)
            elif svg and view == "diagram":
                widget.finish_animation()
                write_svg(widget.paint_on, DIAGRAM_SIZE, path, f"GateScope — {view}")
            elif svg:
                raise InputError(tr("SVG is drawn for the diagram and the gradient plot; "
                                    "save the whole window as PNG"))
            else:
                image = (render_widget(widget, DIAGRAM_SIZE) if view == "diagram"
                         else widget.grab().toImage())
                if not image.save(f"{path}.part.png"):
                    raise OSError(f"cannot write {path}")
                os.replace(f"{path}.part.png", path)
        except (InputError, OSError) as err:
            self._fail("view", err)
            return False
        self._done(path)
        return True

    # -- animated GIF ----------------------------------------------------------------------------
    def export_gif(self, path: str | None = None, options: GifOptions | None = None) -> bool:
        """Render the diagram at each chosen step into an animated GIF, with a cancellable progress dialog."""
        c = self.controller
        if options is None:
            default = self.gif_options or GifOptions(0, c.length - 1, max(1, c.length // 300), 8, 640)
            default.last = min(default.last, c.length - 1) or c.length - 1
            dialog = GifOptionsDialog(self.window, c.length, default)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            options = self.gif_options = dialog.options()
        if path is None:
            chosen = ask_save_path(self.window, tr("Export the run as a GIF"), self._start(".gif"),
                                   _GIF_FORMATS)
            if chosen is None:
                return False
            path = chosen[0]
        try:
            written = self._write_gif(path, options)
        except (InputError, OSError, ValueError) as err:
            self._fail("GIF", err)
            return False
        if written:
            self._done(path)
        return written

    def _write_gif(self, path: str, options: GifOptions) -> bool:
        from ui.shell.gif import GifWriter, median_cut_palette

        c, widget = self.controller, self.window.diagram
        steps = list(range(options.first, options.last + 1, max(1, options.stride)))
        hint = widget.size() if widget.width() > 50 else QSize(800, 500)
        height = max(2, round(options.width * hint.height() / max(1, hint.width())))
        size = QSize(options.width, height)
        was, playing = c.step, c.playing
        c.pause()
        progress = QProgressDialog(tr("Rendering the animation…"), tr("Cancel"), 0, len(steps), self.window)
        progress.setObjectName("gif_progress")
        progress.setWindowTitle(tr("Export GIF"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def frame(step: int) -> np.ndarray:
            c.seek(step)
            return qimage_to_rgb(render_widget(widget, size))

        writer: Any = None
        try:
            picks = sorted(set(np.linspace(0, len(steps) - 1, 6).astype(int).tolist()))
            samples = [frame(steps[i]) for i in picks]  # the palette is built from a spread of frames
            writer = GifWriter(path, size.width(), size.height(), median_cut_palette(samples),
                               delay_ms=round(1000 / options.fps))
            for i, step in enumerate(steps):
                progress.setValue(i)
                QApplication.processEvents()
                if progress.wasCanceled():
                    writer.abort()
                    self.window.statusBar().showMessage(tr("GIF export cancelled; nothing was written"), 8000)
                    return False
                writer.add_frame(frame(step))
            writer.close()
            writer = None
            progress.setValue(len(steps))
            return True
        finally:
            if writer is not None:
                writer.abort()
            progress.close()
            progress.deleteLater()
            c.seek(was)
            if playing:
                c.play()
