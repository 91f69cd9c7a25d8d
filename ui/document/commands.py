"""Every user edit as a ``QUndoCommand``: the old value is kept in ``__init__``, redo/undo set values."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from simulator.document.session import Session
    from ui.document.controller import Controller

__all__ = ["SetParameterCommand", "SetInputsCommand", "ResizeInputsCommand", "ReplaceSessionCommand"]

_PARAMETER_ID = 1001


class SetParameterCommand(QUndoCommand):
    """Set ``cell.<name>[index]`` to ``values``; consecutive commands with one ``merge_key`` merge.

    Parameters
    ----------
    controller : Controller
    name : str
        A parameter name (``weight_ih`` …).
    index : tuple
        A numpy index into that array (ints and slices).
    values : array_like
        Broadcastable to ``array[index]``.
    text : str
        The undo menu's text.
    merge_key : object, optional
        Commands with the same key, name and index merge (one slider drag = one undo step).
    """

    __slots__ = ("_controller", "index", "merge_key", "name", "new", "old")

    def __init__(self, controller: Controller, name: str, index: Any, values: Any, text: str,
                 merge_key: Any = None) -> None:
        super().__init__(text)
        self._controller = controller
        self.name, self.index, self.merge_key = name, index, merge_key
        target = getattr(controller.cell, name)
        self.old = np.array(target[index], copy=True)
        self.new = np.broadcast_to(np.asarray(values, dtype=target.dtype), self.old.shape).copy()

    def id(self) -> int:
        return _PARAMETER_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, SetParameterCommand) or other.merge_key != self.merge_key:
            return False
        if other.name != self.name or repr(other.index) != repr(self.index):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self._controller.apply_parameter(self.name, self.index, self.new)

    def undo(self) -> None:
        self._controller.apply_parameter(self.name, self.index, self.old)


class SetInputsCommand(QUndoCommand):
    """Overwrite input rows ``start … start + n − 1`` (and columns ``cols``) with ``values``.

    A long session holds thousands of these, so each is kept small: the old and the new
    values (n, d) live in one ``bytes`` object rather than two arrays with their headers, and
    ``__slots__`` spare each command a ``__dict__``.
    """

    __slots__ = ("_cols", "_controller", "_data", "start")

    def __init__(self, controller: Controller, start: int, values: np.ndarray, text: str,
                 cols: slice = slice(None)) -> None:
        super().__init__(text)
        self._controller = controller
        self.start = start
        self._cols = None if cols == slice(None) else cols  # None: every column (most edits)
        old = controller.trace.x[start:start + len(values), cols]
        new = np.asarray(values, dtype=old.dtype).reshape(old.shape)
        self._data = old.tobytes() + new.tobytes()

    @property
    def cols(self) -> slice:
        """The input columns the edit wrote."""
        return slice(None) if self._cols is None else self._cols

    def _values(self, which: int) -> np.ndarray:
        """0: the values before the edit; 1: after it, shape (n, d)."""
        d = len(range(self._controller.cell.input_size)[self.cols])
        both = np.frombuffer(self._data, dtype=self._controller.cell.dtype)
        return both.reshape(2, -1, d)[which]

    @property
    def old(self) -> np.ndarray:
        """The values the edit replaced, shape (n, d)."""
        return self._values(0)

    @property
    def new(self) -> np.ndarray:
        """The values the edit wrote, shape (n, d)."""
        return self._values(1)

    def redo(self) -> None:
        self._controller.apply_inputs(self.start, self.new, self.cols)

    def undo(self) -> None:
        self._controller.apply_inputs(self.start, self.old, self.cols)


class ResizeInputsCommand(QUndoCommand):
    """Insert rows before ``start`` (``rows`` given) or delete ``count`` rows at ``start``."""

    def __init__(self, controller: Controller, start: int, text: str, *, rows: np.ndarray | None = None,
                 count: int = 0) -> None:
        super().__init__(text)
        self._controller = controller
        self.start = start
        if rows is not None:
            self.rows, self.inserting = np.array(rows, dtype=controller.cell.dtype), True
        else:
            self.rows, self.inserting = controller.trace.x[start:start + count].copy(), False

    def _insert(self) -> None:
        self._controller.apply_insert(self.start, self.rows)

    def _delete(self) -> None:
        self._controller.apply_delete(self.start, len(self.rows))

    def redo(self) -> None:
        (self._insert if self.inserting else self._delete)()

    def undo(self) -> None:
        (self._delete if self.inserting else self._insert)()


class ReplaceSessionCommand(QUndoCommand):
    """Swap the whole document (new cell kind or sizes, imported weights, new inputs …)."""

    def __init__(self, controller: Controller, new: Session, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self.old = controller.snapshot()
        self.new = new

    def redo(self) -> None:
        self._controller.install(self.new, keep_step=False)

    def undo(self) -> None:
        self._controller.install(self.old, keep_step=True)
