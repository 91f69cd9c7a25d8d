"""The kept branches of a session: a list in ``session.settings["branches"]``, edited by undoable commands.

Each branch is stored as :func:`simulator.insight.branch_to_dict` data, so it is saved with
the session (``Controller.snapshot`` copies the settings) and read back with
:func:`simulator.insight.branch_from_dict`. Adding, discarding and renaming are
``QUndoCommand`` s on the controller's undo stack: Ctrl+Z brings a discarded branch back.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from simulator.core.errors import InputError
from simulator.insight import Branch, branch_from_dict, branch_to_dict
from ui.i18n import tr

if TYPE_CHECKING:
    from ui.document.controller import Controller

__all__ = ["KEY", "BranchListCommand", "BranchStore"]

KEY = "branches"


class BranchListCommand(QUndoCommand):
    """Replace the branch list: the old list is kept in ``__init__``, redo/undo set one or the other."""

    def __init__(self, store: BranchStore, new: list[dict[str, Any]], text: str) -> None:
        super().__init__(text)
        self._store = store
        self.old = copy.deepcopy(store.items())
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self._store._write(self.new)

    def undo(self) -> None:
        self._store._write(self.old)


class BranchStore(QObject):
    """The branches of the controller's current document.

    Parameters
    ----------
    controller : Controller

    Signals
    -------
    changed()
        The list changed (an edit, its undo, or a new document).
    """

    changed = Signal()

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        controller.cell_changed.connect(self.changed)  # a new document brings its own branches

    def items(self) -> list[dict[str, Any]]:
        """The stored branch dicts (JSON data), in order; malformed content reads as none."""
        raw = self.controller.session.settings.get(KEY, [])
        return [b for b in raw if isinstance(b, dict)] if isinstance(raw, list) else []

    def names(self) -> list[str]:
        """The branches' names, in order."""
        return [str(b.get("name", "branch")) for b in self.items()]

    def branch(self, index: int) -> Branch:
        """Branch ``index`` rebuilt (:class:`InputError` if its stored data is malformed)."""
        items = self.items()
        if not 0 <= index < len(items):
            raise InputError(f"no branch {index}")
        return branch_from_dict(items[index])

    def unique_name(self, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)`` … if it is taken."""
        name, taken, k = name.strip() or "branch", set(self.names()), 1
        candidate = name
        while candidate in taken:
            k += 1
            candidate = f"{name} ({k})"
        return candidate

    # -- undoable edits -------------------------------------------------------------------------
    def add(self, branch: Branch) -> int:
        """Keep ``branch`` (its name made unique) as one undoable edit; returns its index."""
        branch.name = self.unique_name(branch.name)
        items = [*self.items(), branch_to_dict(branch)]
        self._push(items, tr("Keep branch “{name}”").format(name=branch.name))
        return len(items) - 1

    def remove(self, index: int) -> None:
        """Discard branch ``index`` as one undoable edit."""
        items = self.items()
        name = items[index].get("name", "branch")
        del items[index]
        self._push(items, tr("Discard branch “{name}”").format(name=name))

    def rename(self, index: int, name: str) -> None:
        """Rename branch ``index`` as one undoable edit (nothing when the name does not change)."""
        items = copy.deepcopy(self.items())
        if items[index].get("name") == name.strip() or not name.strip():
            return
        items[index]["name"] = self.unique_name(name)
        self._push(items, tr("Rename branch to “{name}”").format(name=items[index]["name"]))

    def _push(self, items: list[dict[str, Any]], text: str) -> None:
        self.controller.undo_stack.push(BranchListCommand(self, items, text))

    def _write(self, items: list[dict[str, Any]]) -> None:
        self.controller.session.settings[KEY] = copy.deepcopy(items)
        self.changed.emit()
