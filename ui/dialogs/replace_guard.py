"""Ask before an export replaces the open document's own file (issue 11, item 7)."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox, QWidget

from simulator.io.limits import same_file
from ui.i18n import tr

__all__ = ["may_replace"]


def may_replace(parent: QWidget, path: str, document_path: str | None) -> bool:
    """True unless ``path`` is the open document's file (links resolved) and the user declines.

    Parameters
    ----------
    parent : QWidget
        The window the question is asked over.
    path : str
        Where the export is about to write.
    document_path : str or None
        The open document's file; None for a document never saved.
    """
    if not document_path or not same_file(path, document_path):
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Replace the open document?"),
                      tr("{name} is the open document's own file. Replacing it with this export "
                         "loses the saved session.").format(name=os.path.basename(path)),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("replaceDocumentBox")
    replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is replace
