"""Show a training run in the open document: the probe sequence with the run's weights.

A whole run is one undoable command: the first update pushes a :class:`TrainingCommand` and
later updates (live previews, scrubbing the history) replace its "after" document while it
is still the newest command on the stack. Undo brings back the document from before training.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulator import Cell
from simulator.document.session import Session
from simulator.training import Snapshot
from ui.document.commands import ReplaceSessionCommand
from ui.i18n import tr
from ui.widgets.training.run import cell_from_snapshot

if TYPE_CHECKING:
    from ui.document.controller import Controller

__all__ = ["TrainingCommand", "TrainingView"]


class TrainingCommand(ReplaceSessionCommand):
    """Replace the document by the training probe; :meth:`update` swaps the "after" document in place."""

    def redo(self) -> None:
        self._controller.install(self.new, keep_step=True)  # the step the user looks at stays

    def update(self, session: Session) -> None:
        """Make ``session`` the document this command leads to, and show it.

        The document already shows this run's probe, so only the weights are written, in one
        combined write: every parameter but the last goes into the cell's arrays without a
        recompute, the last through the controller's weight-edit path, so the probe trace is
        recomputed once and the views refresh once (nothing is rebuilt).
        """
        self.new = session
        *first, (last, last_values) = session.cell.parameters().items()
        for name, values in first:
            self._controller.simulation.set_parameter(name, slice(None), values, recompute_now=False)
        self._controller.apply_parameter(last, slice(None), last_values)


class TrainingView:
    """Puts a run's weights into ``controller``'s document as one undoable command per run.

    Parameters
    ----------
    controller : Controller
    """

    def __init__(self, controller: Controller) -> None:
        self.controller = controller
        self.command: TrainingCommand | None = None

    def forget(self) -> None:
        """The next :meth:`show` starts a new command (a new run)."""
        self.command = None

    def _is_top(self) -> bool:
        stack = self.controller.undo_stack
        index = stack.index()
        return self.command is not None and index > 0 and stack.command(index - 1) is self.command

    def show(self, template: Cell, snapshot: Snapshot, probe_inputs: np.ndarray, title: str) -> None:
        """The probe sequence ``probe_inputs`` (T, D) run by ``snapshot``'s weights, in the document."""
        cell = cell_from_snapshot(template, snapshot)
        top = self._is_top()
        T = len(probe_inputs)
        unit = self.controller.selected_unit if self.controller.selected_unit < cell.hidden_size else 0
        step = self.controller.step if top else T - 1
        session = Session(cell=cell, inputs=probe_inputs, step=min(step, T - 1), title=title,
                          description=tr("The task's probe sequence, run by the weights being trained."),
                          settings={**self.controller.settings(), "selected_unit": unit})
        if top:
            self.command.update(session)
        else:
            self.command = TrainingCommand(self.controller, session, tr("Train {cell}").format(
                cell=template.kind.upper()))
            self.controller.undo_stack.push(self.command)
