"""Export a standalone PyTorch or Keras script that rebuilds the current cell and checks the trace.

The script (:func:`simulator.insight.write_reproduce_script`) embeds the weights, the
initial state, the inputs and the trace, runs the framework's own layer and prints
``OK: matches GateScope trace``.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from simulator.core.errors import InputError
from simulator.insight import write_reproduce_script
from ui.i18n import tr

__all__ = ["FRAMEWORK_NAMES", "ask_reproduce_script", "export_reproduce_script"]

FRAMEWORK_NAMES = {"torch": "PyTorch", "keras": "Keras"}


def export_reproduce_script(controller, path: str, framework: str) -> None:
    """Write the script for ``controller``'s cell, inputs, initial state and trace to ``path``.

    Raises
    ------
    InputError
        A cell the framework cannot build (a peephole LSTM) or an empty run.
    OSError
        The file cannot be written.
    """
    write_reproduce_script(path, controller.cell, controller.trace.x, controller.session.state(),
                           controller.trace, framework)


def ask_reproduce_script(parent: QWidget, controller, framework: str, directory: str = "") -> str | None:
    """Ask for a file name and export; errors are shown in a message box. Returns the path written."""
    name = FRAMEWORK_NAMES[framework]
    default = os.path.join(directory, f"reproduce_{controller.cell.kind}_{framework}.py")
    path, _ = QFileDialog.getSaveFileName(parent, tr("Export a {name} script").format(name=name), default,
                                          tr("Python script") + " (*.py)")
    if not path:
        return None
    try:
        export_reproduce_script(controller, path, framework)
    except (InputError, OSError) as err:
        QMessageBox.warning(parent, tr("Cannot export the {name} script").format(name=name), str(err))
        return None
    if hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(tr("Wrote {file}: run it with python to check the cell in {name}")
                                       .format(file=os.path.basename(path), name=name), 8000)
    return path
