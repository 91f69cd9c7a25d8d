"""Exports ask before replacing the open document's own file (issue 11, item 7)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def _answer(button_text: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "replaceDocumentBox"
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text}")

    QTimer.singleShot(0, click)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform, on exec()
def test_export_onto_the_document_asks_and_cancel_keeps_it(window, tmp_path):
    doc = tmp_path / "mine.json"
    assert window.documents.save_to(str(doc))
    before = doc.read_bytes()
    link = tmp_path / "link.json"
    os.link(doc, link)
    _answer("Cancel")
    assert not window.exporter.export_trace(str(link), "json")
    assert doc.read_bytes() == before
    _answer("Replace")
    assert window.exporter.export_trace(str(doc), "json")
    assert doc.read_bytes() != before


def test_export_elsewhere_does_not_ask(window, tmp_path):
    assert window.documents.save_to(str(tmp_path / "mine.json"))
    assert window.exporter.export_weights(str(tmp_path / "w.safetensors"), ("safetensors", "torch"))
