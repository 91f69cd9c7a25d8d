"""Exports from the window: trace, weights, images and the animated GIF (and the GIF writer itself)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtGui import QImage, QImageReader

from simulator.io.formats import load_weights
from ui.dialogs.export_dialog import GifOptions
from ui.shell.exporting import qimage_to_rgb
from ui.shell.gif import GifWriter, median_cut_palette


def _frames(path):
    reader = QImageReader(str(path))
    frames = []
    while True:
        image = reader.read()
        if image.isNull():
            return frames
        frames.append(qimage_to_rgb(image))


def test_trace_npz_matches_the_trace(window, tmp_path):
    c = window.controller
    path = tmp_path / "trace.npz"
    assert window.exporter.export_trace(str(path), "npz")
    with np.load(path, allow_pickle=False) as data:
        np.testing.assert_array_equal(data["x"], c.trace.x)
        np.testing.assert_array_equal(data["h"], c.trace.h)
        np.testing.assert_array_equal(data["c"], c.trace.c)
        for gate in "ifgo":
            np.testing.assert_array_equal(data[gate], c.trace.gates[gate])
        assert data["dhT_dh"].shape == (c.length,)
        assert json.loads(str(data["metadata"]))["kind"] == "lstm"


@pytest.mark.parametrize("fmt, suffix", [("csv", ".csv"), ("csv-long", ".csv"), ("json", ".json")])
def test_trace_text_formats(window, tmp_path, fmt, suffix):
    path = tmp_path / f"trace{suffix}"
    assert window.exporter.export_trace(str(path), fmt)
    text = path.read_text()
    if fmt == "json":
        arrays = json.loads(text)["arrays"]
        np.testing.assert_array_equal(np.array(arrays["h"]), window.controller.trace.h)
    else:
        rows = [r for r in text.splitlines() if r and not r.startswith("#")]
        assert len(rows) > window.controller.length


@pytest.mark.parametrize("fmt, suffix", [(("safetensors", "torch"), ".safetensors"),
                                         (("npz", "keras"), ".npz"), (("npz", "torch"), ".npz")])
def test_weights_round_trip(window, tmp_path, fmt, suffix):
    path = tmp_path / f"w{suffix}"
    assert window.exporter.export_weights(str(path), fmt)
    assert load_weights(path) == window.controller.cell


def test_view_images(window, tmp_path):
    for view in ("diagram", "window", "gradients"):
        png = tmp_path / f"{view}.png"
        assert window.exporter.export_image(str(png), view)
        image = QImage(str(png))
        assert not image.isNull() and image.width() > 100, view
    svg = tmp_path / "diagram.svg"
    assert window.exporter.export_image(str(svg), "diagram")
    assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()


def test_gif_export_has_one_frame_per_step(window, tmp_path):
    c = window.controller
    c.seek(4)
    path = tmp_path / "run.gif"
    assert window.exporter.export_gif(str(path), GifOptions(first=0, last=9, stride=3, fps=10, width=240))
    assert path.read_bytes()[:6] == b"GIF89a"
    frames = _frames(path)
    assert len(frames) == 4 and frames[0].shape[1] == 240
    assert c.step == 4  # the cursor is put back


def test_gif_writer_round_trips_palette_colours(tmp_path):
    rng = np.random.default_rng(0)
    palette = np.zeros((256, 3), np.uint8)
    palette[:64] = rng.integers(0, 256, (64, 3))
    frames = [palette[rng.integers(0, 64, (37, 53))] for _ in range(3)]
    frames.append(palette[np.zeros((37, 53), int)])  # long runs exercise the code-width growth
    path = tmp_path / "t.gif"
    writer = GifWriter(path, 53, 37, palette, delay_ms=50)
    for f in frames:
        writer.add_frame(f)
    writer.close()
    data = path.read_bytes()
    assert data[:6] == b"GIF89a" and b"NETSCAPE2.0" in data and data[-1:] == b"\x3b"
    decoded = _frames(path)
    assert len(decoded) == 4
    for got, want in zip(decoded, frames, strict=True):
        np.testing.assert_array_equal(got, want)


def test_gif_of_noise_stays_close_and_decodes_in_qt(tmp_path):
    frame = np.random.default_rng(1).integers(0, 256, (120, 160, 3)).astype(np.uint8)
    palette = median_cut_palette([frame])
    assert palette.shape == (256, 3) and len(np.unique(palette, axis=0)) > 200
    path = tmp_path / "noise.gif"
    writer = GifWriter(path, 160, 120, palette)
    writer.add_frame(frame)
    writer.close()
    (decoded,) = _frames(path)
    assert np.abs(decoded.astype(int) - frame).mean() < 40
    # pixels take their nearest palette colour, or one as near as makes no difference (no dithering)
    nearest = ((frame[:, :, None, :].astype(int) - palette[None, None].astype(int)) ** 2).sum(-1).min(-1)
    got = ((decoded.astype(int) - frame) ** 2).sum(-1)
    assert (got == nearest).mean() > 0.85 and got.mean() < 1.03 * nearest.mean()


def test_gif_encodes_only_what_changed_and_decodes_exactly(tmp_path):
    palette = np.zeros((256, 3), np.uint8)
    palette[1], palette[2] = (250, 250, 250), (200, 30, 40)
    frames = []
    for x in (10, 30, 30, 55):  # a square moves, stays (an unchanged frame), moves again
        index = np.ones((60, 80), int)
        index[20:30, x:x + 10] = 2
        frames.append(palette[index])
    path = tmp_path / "moving.gif"
    writer = GifWriter(path, 80, 60, palette, delay_ms=40)
    for f in frames:
        writer.add_frame(f)
    writer.close()
    decoded = _frames(path)
    assert len(decoded) == 4
    for got, want in zip(decoded, frames, strict=True):
        np.testing.assert_array_equal(got, want)
    from PIL import Image

    with Image.open(path) as gif:
        boxes = []
        for i in range(4):
            gif.seek(i)
            boxes.append(gif.dispose_extent if hasattr(gif, "dispose_extent") else gif.tile[0][1])
            np.testing.assert_array_equal(np.asarray(gif.convert("RGB")), frames[i])
    assert boxes[1] == (10, 20, 40, 30) and boxes[2] == (0, 0, 1, 1)  # only the changed rectangle


def test_gif_palette_of_few_colours_holds_them_exactly():
    colours = np.array([[255, 0, 0], [0, 128, 255], [20, 20, 20]], np.uint8)
    frame = colours[np.arange(60).reshape(6, 10) % 3]
    palette = median_cut_palette([frame], colours=256)
    assert palette.shape == (256, 3)
    assert {tuple(c) for c in palette[:3]} == {tuple(c) for c in colours}
    assert not palette[3:].any()  # padded with black


def test_gif_frames_carry_the_delay_and_loop_forever(tmp_path):
    from PIL import Image

    path = tmp_path / "timing.gif"
    writer = GifWriter(path, 8, 6, median_cut_palette([np.zeros((6, 8, 3), np.uint8)]), delay_ms=120)
    for value in (0, 255):
        writer.add_frame(np.full((6, 8, 3), value, np.uint8))
    writer.close()
    with Image.open(path) as gif:
        assert gif.n_frames == 2 and gif.info["loop"] == 0 and gif.info["duration"] == 120


def test_gif_abort_leaves_nothing(tmp_path):
    path = tmp_path / "gone.gif"
    writer = GifWriter(path, 4, 4, np.zeros((256, 3), np.uint8))
    writer.add_frame(np.zeros((4, 4, 3), np.uint8))
    writer.abort()
    assert list(tmp_path.iterdir()) == []
