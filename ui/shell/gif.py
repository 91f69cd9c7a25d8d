"""A small animated-GIF (GIF89a) writer in numpy and pure Python.

Qt reads GIF but cannot write it, so the "export the run as a GIF" feature
encodes its own: one global 256-colour palette built by median cut from a few
sample frames, a 15-bit lookup table mapping any RGB colour to its nearest
palette entry, LZW compression of each frame and the NETSCAPE2.0 extension so
the animation loops. The file is written atomically.
"""

from __future__ import annotations

import contextlib
import os
import struct

import numpy as np

from simulator.io.atomic import atomic_write

__all__ = ["median_cut_palette", "GifWriter", "lzw_encode"]

_MAX_CODE = 4096


def median_cut_palette(samples: list[np.ndarray], colours: int = 256, max_pixels: int = 60_000) -> np.ndarray:
    """A palette of at most ``colours`` RGB colours by median cut over sample frames.

    Parameters
    ----------
    samples : list of ndarray, each shape (h, w, 3), uint8
    colours : int
        At most 256.
    max_pixels : int
        The pixels are subsampled evenly to at most this many.

    Returns
    -------
    ndarray, shape (colours, 3), uint8 (padded with black when there are fewer distinct colours)
    """
    pixels = np.concatenate([np.asarray(s, np.uint8).reshape(-1, 3) for s in samples])
    if len(pixels) > max_pixels:
        pixels = pixels[np.linspace(0, len(pixels) - 1, max_pixels).astype(np.int64)]
    boxes = [np.unique(pixels, axis=0)]
    while len(boxes) < colours:
        ranges = [(b.max(0).astype(int) - b.min(0)).max() * len(b) if len(b) > 1 else -1 for b in boxes]
        k = int(np.argmax(ranges))
        if ranges[k] <= 0:
            break  # every box holds one colour
        box = boxes.pop(k)
        axis = int(np.argmax(box.max(0).astype(int) - box.min(0)))
        box = box[np.argsort(box[:, axis], kind="stable")]
        half = len(box) // 2
        boxes += [box[:half], box[half:]]
    palette = np.zeros((colours, 3), np.uint8)
    for i, box in enumerate(boxes):
        palette[i] = np.round(box.mean(0))
    return palette


def _lookup_table(palette: np.ndarray) -> np.ndarray:
    """For every 15-bit colour (5 bits per channel) the index of the nearest palette entry, (32768,)."""
    levels = (np.arange(32) * 8 + 4).astype(np.int32)
    r, g, b = np.meshgrid(levels, levels, levels, indexing="ij")
    grid = np.stack([r.ravel(), g.ravel(), b.ravel()], axis=1)
    pal = palette.astype(np.int32)
    lut = np.empty(len(grid), np.uint8)
    for start in range(0, len(grid), 4096):
        chunk = grid[start:start + 4096]
        d = ((chunk[:, None, :] - pal[None, :, :]) ** 2).sum(-1)
        lut[start:start + 4096] = d.argmin(1)
    return lut


def lzw_encode(indices: np.ndarray, min_code_size: int = 8) -> bytes:
    """GIF's variable-width LZW of a flat array of palette indices (the bytes before sub-blocking)."""
    clear, eoi = 1 << min_code_size, (1 << min_code_size) + 1
    codes: list[int] = []
    widths: list[int] = []
    data = indices.tobytes()
    width, next_code = min_code_size + 1, eoi + 1
    table: dict[int, int] = {}
    codes.append(clear)
    widths.append(width)
    prefix = data[0] if data else 0
    for k in data[1:]:
        key = (prefix << 8) | k
        code = table.get(key)
        if code is not None:
            prefix = code
            continue
        codes.append(prefix)
        widths.append(width)
        if next_code < _MAX_CODE:
            table[key] = next_code
            next_code += 1
            if next_code > (1 << width) and width < 12:
                width += 1  # the decoder widens one code later than the encoder adds
        else:
            codes.append(clear)
            widths.append(width)
            table.clear()
            width, next_code = min_code_size + 1, eoi + 1
        prefix = k
    codes.append(prefix)
    widths.append(width)
    if next_code < _MAX_CODE and next_code + 1 > (1 << width) and width < 12:
        width += 1
    codes.append(eoi)
    widths.append(width)
    return _pack_bits(np.asarray(codes, np.int64), np.asarray(widths, np.int64))


def _pack_bits(codes: np.ndarray, widths: np.ndarray) -> bytes:
    """Pack codes of the given bit widths least-significant bit first."""
    starts = np.cumsum(widths) - widths
    total = int(widths.sum())
    owner = np.repeat(np.arange(len(codes)), widths)
    shift = np.arange(total) - starts[owner]
    bits = ((codes[owner] >> shift) & 1).astype(np.uint8)
    return np.packbits(bits, bitorder="little").tobytes()


def _sub_blocks(data: bytes) -> bytes:
    out = bytearray()
    for i in range(0, len(data), 255):
        chunk = data[i:i + 255]
        out.append(len(chunk))
        out += chunk
    out.append(0)
    return bytes(out)


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
        self._delay = max(2, round(delay_ms / 10))
        self._lut = _lookup_table(np.asarray(palette, np.uint8))
        self._context = atomic_write(path, binary=True)
        self._fh = self._context.__enter__()
        table = np.zeros((256, 3), np.uint8)
        table[:len(palette)] = palette
        self._fh.write(b"GIF89a" + struct.pack("<HHBBB", self.width, self.height, 0xF7, 0, 0))
        self._fh.write(table.tobytes())
        self._fh.write(b"\x21\xff\x0bNETSCAPE2.0\x03\x01" + struct.pack("<H", loop) + b"\x00")

    def add_frame(self, rgb: np.ndarray) -> None:
        """Append one frame, shape (height, width, 3) uint8 (RGB)."""
        rgb = np.asarray(rgb, np.uint8)
        if rgb.shape != (self.height, self.width, 3):
            raise ValueError(f"frame shape {rgb.shape}, expected {(self.height, self.width, 3)}")
        q = rgb >> 3
        idx = self._lut[(q[..., 0].astype(np.int32) << 10) | (q[..., 1].astype(np.int32) << 5) | q[..., 2]]
        self._fh.write(b"\x21\xf9\x04\x04" + struct.pack("<H", self._delay) + b"\x00\x00")
        self._fh.write(b"\x2c" + struct.pack("<HHHHB", 0, 0, self.width, self.height, 0))
        self._fh.write(b"\x08" + _sub_blocks(lzw_encode(idx.ravel())))
        self.frames += 1

    def close(self) -> None:
        """Write the trailer and move the file into place."""
        self._fh.write(b"\x3b")
        self._context.__exit__(None, None, None)

    def abort(self) -> None:
        """Drop the partial file; the target is left as it was."""
        with contextlib.suppress(RuntimeError):
            self._context.__exit__(RuntimeError, RuntimeError("cancelled"), None)
