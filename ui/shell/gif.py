"""Animated-GIF export through Pillow: a global palette, frames streamed into an atomic file.

Qt reads GIF but cannot write it. Pillow builds the palette (median cut over a few sample
frames), maps each frame to it and LZW-encodes it (``GifImagePlugin.getdata``, its documented
frame-by-frame writer); this module writes the GIF89a header with that global colour table and the
NETSCAPE2.0 loop extension, and streams the frames into :func:`simulator.io.atomic.atomic_write`,
each one cropped to what changed since the previous frame, so memory stays one frame whatever the
run's length and a cancelled export leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import struct

import numpy as np
from PIL import GifImagePlugin, Image

from simulator.io.atomic import atomic_write

__all__ = ["median_cut_palette", "GifWriter"]


def median_cut_palette(samples: list[np.ndarray], colours: int = 256,
                       max_pixels: int = 4_000_000) -> np.ndarray:
    """A palette of at most ``colours`` RGB colours by Pillow's median cut over sample frames.

    Parameters
    ----------
    samples : list of ndarray, each shape (h, w, 3), uint8
    colours : int
        At most 256.
    max_pixels : int
        The pixels are subsampled evenly to at most this many (all of them give the truest
        palette: six 800x500 frames take ~0.1 s).

    Returns
    -------
    ndarray, shape (colours, 3), uint8 (padded with black when there are fewer distinct colours)
    """
    pixels = np.concatenate([np.asarray(s, np.uint8).reshape(-1, 3) for s in samples])
    if len(pixels) > max_pixels:
        pixels = pixels[np.linspace(0, len(pixels) - 1, max_pixels).astype(np.int64)]
    strip = Image.fromarray(np.ascontiguousarray(pixels).reshape(1, -1, 3), "RGB")
    quantized = strip.quantize(colours, method=Image.Quantize.MEDIANCUT)
    found = np.frombuffer(bytes(quantized.getpalette() or []), np.uint8).reshape(-1, 3)[:colours]
    palette = np.zeros((colours, 3), np.uint8)
    palette[:len(found)] = found
    return palette


class GifWriter:
    """Write an animated GIF frame by frame; :meth:`close` moves it into place atomically.

    Parameters
    ----------
    path : str or os.PathLike
    width, height : int
        The frame size in pixels.
    palette : ndarray, shape (256, 3), uint8
        The global colour table (see :func:`median_cut_palette`).
    delay_ms : int
        Time per frame (GIF counts in 1/100 s; at least 20 ms, as browsers clamp faster ones).
    loop : int
        0 loops forever.
    """

    def __init__(self, path: str | os.PathLike, width: int, height: int, palette: np.ndarray,
                 delay_ms: int = 100, loop: int = 0) -> None:
        self.width, self.height = int(width), int(height)
        self.frames = 0
        self._previous: np.ndarray | None = None
        self._delay_ms = 10 * max(2, round(delay_ms / 10))
        table = np.zeros((256, 3), np.uint8)
        palette = np.asarray(palette, np.uint8).reshape(-1, 3)[:256]
        table[:len(palette)] = palette
        self._palette = Image.new("P", (1, 1))
        self._palette.putpalette(table.tobytes())
        self._context = atomic_write(path, binary=True)
        self._fh = self._context.__enter__()
        self._fh.write(b"GIF89a" + struct.pack("<HHBBB", self.width, self.height, 0xF7, 0, 0))
        self._fh.write(table.tobytes())
        self._fh.write(b"\x21\xff\x0bNETSCAPE2.0\x03\x01" + struct.pack("<H", loop) + b"\x00")

    def add_frame(self, rgb: np.ndarray) -> None:
        """Append one frame, shape (height, width, 3) uint8 (RGB), mapped to the nearest palette colours."""
        rgb = np.asarray(rgb, np.uint8)
        if rgb.shape != (self.height, self.width, 3):
            raise ValueError(f"frame shape {rgb.shape}, expected {(self.height, self.width, 3)}")
        image = Image.fromarray(np.ascontiguousarray(rgb), "RGB")
        indexed = image.quantize(palette=self._palette, dither=Image.Dither.NONE)
        box = self._changed_box(np.asarray(indexed))
        chunks = GifImagePlugin.getdata(indexed.crop(box), offset=box[:2], duration=self._delay_ms,
                                        disposal=1)  # 1: the next frame paints over this one
        for chunk in chunks:
            self._fh.write(chunk)
        self.frames += 1

    def _changed_box(self, indices: np.ndarray) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) of the pixels that differ from the previous frame (all at first).

        Only that rectangle is encoded, as Pillow's own multi-frame writer does; an unchanged frame
        is one repeated pixel that carries the frame's delay.
        """
        previous, self._previous = self._previous, indices
        if previous is None:
            return 0, 0, self.width, self.height
        changed = indices != previous
        rows, cols = np.flatnonzero(changed.any(1)), np.flatnonzero(changed.any(0))
        if not rows.size:
            return 0, 0, 1, 1
        return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1

    def close(self) -> None:
        """Write the trailer and move the file into place."""
        self._fh.write(b"\x3b")
        self._context.__exit__(None, None, None)

    def abort(self) -> None:
        """Drop the partial file; the target is left as it was."""
        with contextlib.suppress(RuntimeError):
            self._context.__exit__(RuntimeError, RuntimeError("cancelled"), None)
