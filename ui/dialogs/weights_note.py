"""The note above the diagram after a weight import: where the cell came from and what was assumed.

A weight file does not always record the settings that change the numbers (an RNN's
nonlinearity in a state dict, ``go_backwards`` in a ``.weights.h5`` …). The engine then
runs the framework's default and says so; this note keeps that visible beside the cell
(not only in a tooltip or the status bar), with the module, layer and direction used and a
button that reopens the import dialog to choose again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.document.controller import Controller
from ui.i18n import tr

__all__ = ["WeightsNote", "weights_note_text"]


def weights_note_text(source: dict[str, Any]) -> str:
    """The note's lines for a ``settings["weights_source"]`` record (see ``WeightChoice.record``)."""
    where = [tr("module {name}").format(name=source["module"])] if source.get("module") else []
    where.append(tr("layer {layer}").format(layer=source.get("layer", 0)))
    reverse = source.get("cell_direction", source.get("direction")) == "reverse"
    where.append(tr("reverse direction: consumes the sequence last step first") if reverse
                 else tr("forward direction"))
    lines = [tr("Weights from {file}: {where}").format(file=source.get("file", "?"), where=", ".join(where))]
    assumed = source.get("assumptions", [])
    lines += [tr("Assumed: {what}").format(what=a) for a in assumed]
    if any("not stored" in a and ("nonlinearity" in a or "reset_after" in a) for a in assumed):
        lines.append(tr("Change… sets what the file does not store."))
    return "\n".join(lines)


class WeightsNote(QFrame):
    """Shown while the document's cell came from a weight file; ``on_change`` reopens the import."""

    def __init__(self, controller: Controller, on_change: Callable[[], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weights_note")
        self.setAccessibleName(tr("Imported weights"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.controller = controller
        self.label = QLabel(self, objectName="weights_note_text", wordWrap=True)
        self.button = QPushButton(tr("Change…"), self, objectName="weights_note_change")
        self.button.setToolTip(tr("Choose the module, layer and direction again"))
        self.button.clicked.connect(lambda: on_change())
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        controller.cell_changed.connect(self.refresh)
        controller.trace_changed.connect(lambda _first: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Show the current document's weight source, or hide when it has none."""
        source = self.controller.session.settings.get("weights_source")
        if not isinstance(source, dict):
            self.hide()
            return
        text = weights_note_text(source)
        if text != self.label.text():
            self.label.setText(text)
        self.show()
