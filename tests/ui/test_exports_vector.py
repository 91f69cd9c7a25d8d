"""What a user gets from the image exports: a vector SVG of the diagram, the extension rule, file names."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QFileDialog

from ui.dialogs.export_dialog import TRACE_FORMATS, WEIGHT_FORMATS, resolve_format
from ui.i18n import tr
from ui.shell.exporting import IMAGE_FORMATS, safe_stem

SVG = "{http://www.w3.org/2000/svg}"


def _tags(path) -> list[str]:
    return [el.tag.removeprefix(SVG) for el in ET.parse(path).getroot().iter()]


def test_diagram_svg_is_a_vector_figure_with_the_node_values(window, tmp_path):
    path = tmp_path / "diagram.svg"
    assert window.exporter.export_image(str(path), "diagram")
    root = ET.parse(path).getroot()
    tags = _tags(path)
    assert "text" in tags and "path" in tags and "image" not in tags
    assert root.get("viewBox") == "0 0 1600 1000"  # the PNG's size: the same picture
    text = " ".join("".join(el.itertext()) for el in root.iter(f"{SVG}text"))
    values = window.diagram.displayed_values()
    from ui.widgets.diagram.equations import short
    assert short(values["f"]) in text and short(values["h"]) in text
    hint = window.diagram.caption.text()
    assert hint[:20] not in text  # no hint text, no combo boxes: the diagram's own painting only
    assert window.diagram.mode_combo.currentText() not in text


def test_whole_window_is_refused_as_svg_with_a_message(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window.documents, "error", lambda title, text: shown.append(text))
    assert not window.exporter.export_image(str(tmp_path / "w.svg"), "window")
    assert shown and "PNG" in shown[0] and not (tmp_path / "w.svg").exists()


@pytest.mark.parametrize("typed, chosen, expected", [
    ("run.csv", 0, ("run.csv", "csv")),  # typed extension beats the NPZ filter
    ("run.json", 0, ("run.json", "json")),
    ("run", 3, ("run.json", "json")),  # no extension: the filter's suffix
    ("run.CSV", 2, ("run.CSV", "csv-long")),  # shared suffix: the chosen filter among them
    ("run.csv", 3, ("run.csv", "csv")),
    ("my.run", 0, ("my.run.npz", "npz")),  # an unknown extension is kept and the format's added
])
def test_a_typed_extension_decides_the_trace_format(typed, chosen, expected):
    assert resolve_format(typed, chosen, TRACE_FORMATS) == expected


def test_a_typed_extension_decides_the_weight_and_image_formats():
    assert resolve_format("w.onnx", 0, WEIGHT_FORMATS) == ("w.onnx", ("onnx", "torch"))
    assert resolve_format("w.weights.h5", 0, WEIGHT_FORMATS) == ("w.weights.h5", ("keras", "keras"))
    assert resolve_format("w.npz", 1, WEIGHT_FORMATS) == ("w.npz", ("npz", "torch"))
    assert resolve_format("fig.svg", 0, IMAGE_FORMATS) == ("fig.svg", "svg")
    assert resolve_format("fig", 1, IMAGE_FORMATS) == ("fig.svg", "svg")


def test_the_dialog_path_goes_through_the_rule(window, tmp_path, monkeypatch):
    typed = str(tmp_path / "picture.svg")
    png_filter = tr("PNG image (*.png)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (typed, png_filter))
    assert window.exporter.export_image(None, "diagram")
    assert "svg" in _tags(typed)[0]


@pytest.mark.parametrize("name, stem", [("LSTM: holds a value", "LSTM-holds-a-value"),
                                        ('a/b\\c*?"<>|d', "a-b-c-d"), (":::", "gatescope"),
                                        ("plain_name", "plain_name")])
def test_default_file_names_have_no_awkward_characters(name, stem):
    assert safe_stem(name) == stem


def test_export_dialog_starts_with_a_safe_name(window, monkeypatch):
    monkeypatch.setattr(window.documents, "display_name", lambda: "GRU: reset: gate")
    seen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _t, start, _f: seen.append(start) or ("", ""))
    window.exporter.export_trace()
    assert seen and seen[0].endswith("GRU-reset-gate.npz") and ":" not in seen[0].rsplit("/", 1)[-1]


def test_script_export_opens_in_the_last_export_folder(window, tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    assert window.exporter.export_trace(str(folder / "t.npz"), "npz")  # remembers the folder
    seen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _t, start, _f: seen.append(start) or ("", ""))
    window.insight.reproduce("torch")
    assert seen and seen[0] == str(folder / "reproduce_lstm_torch.py")
