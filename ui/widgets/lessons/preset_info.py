"""The preset panel: the example's title and its one-paragraph explanation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.document.controller import Controller
from ui.i18n import describe_cell, localized

__all__ = ["PresetInfo"]


class PresetInfo(QScrollArea):
    """Shows ``controller.session.title`` and ``description``, updated when the document changes."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preset_info")
        self.controller = controller
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = QLabel(body)
        self.title.setObjectName("preset_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(body)
        self.text.setObjectName("preset_description")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setToolTip(self.tr("What this example shows and what to try"))
        self.cell = QLabel(body)
        self.cell.setObjectName("preset_cell")
        self.cell.setWordWrap(True)
        self.cell.setEnabled(False)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(6)
        layout.addWidget(self.cell)
        layout.addStretch(1)
        self.setWidget(body)
        controller.cell_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the current document's title, explanation and cell."""
        session = self.controller.session
        title, description = localized(session.title, session.description,
                                       session.settings.get("translations"))
        self.title.setText(title or self.tr("Your own session"))
        self.text.setText(description or self.tr(
            "Choose an example from the Presets menu, or build a cell in the Cell set-up panel and edit its "
            "inputs and weights."))
        c = self.controller
        self.cell.setText(self.tr("{cell}; {steps} steps. Space plays, ← → step, Home/End jump.").format(
            cell=describe_cell(c.cell), steps=c.length))
