"""The one QObject that owns the document, the undo stack and the play timer.

Views listen to its snake_case signals and never to each other; edits come in
through its methods, which push commands on :attr:`Controller.undo_stack`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack

from simulator import Cell, Simulation, Trace
from simulator.document.session import Session
from ui.background.long_work import LONG_RECOMPUTE
from ui.document import commands
from ui.document.playback import Playback
from ui.document.settling import Settler

__all__ = ["Controller"]

GRADIENT_WINDOW = 400  # steps back from the current one the live gradient view covers


class Controller(Playback, QObject):
    """Owns the :class:`~simulator.document.session.Session`, its simulation, the undo stack and playback.

    Signals
    -------
    step_changed(int)       the cursor moved (0 … T − 1)
    trace_changed(int)      the trace was recomputed from this step onward
    trace_progress(int, int) rows first … done − 1 of a long recompute or a drag's settle are final
                            (trace_changed follows; ``(0, 0)`` restarts a settle)
    weights_changed()       a parameter changed (same kind and sizes)
    cell_changed()          kind, sizes or dtype changed, or a new document: views rebuild
    unit_changed(int)       the selected unit changed
    playing_changed(bool)
    dirty_changed(bool)     unsaved changes appeared or were saved
    """

    step_changed = Signal(int)
    trace_changed = Signal(int)
    trace_progress = Signal(int, int)
    weights_changed = Signal()
    cell_changed = Signal()
    unit_changed = Signal(int)
    playing_changed = Signal(bool)
    dirty_changed = Signal(bool)

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if session is None:
            from simulator.document.presets import default_session

            session = default_session()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undo_stack")
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.path: str | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self._tick)
        self.speed = 8.0  # steps per second
        self._carry = 0.0
        self._last_tick = 0.0
        self.selected_unit = 0
        self._gradient_cache: tuple[Any, dict[str, np.ndarray] | None] = (None, None)
        self._version = 0
        # a drag (merged edits) writes at once; the trace settles in slices between frames
        self._deferring = False
        self.settler = Settler(self)
        # the window's RecomputeProgress: called between chunks of a recompute of ≥ LONG_RECOMPUTE steps
        self.progress_hook: Callable[[int, int], None] | None = None
        self.install(session, keep_step=True)

    # -- document ----------------------------------------------------------------------
    @property
    def cell(self) -> Cell:
        """The current cell."""
        return self.simulation.cell

    @property
    def trace(self) -> Trace:
        """The current trace (T rows); while :attr:`settling`, rows from ``settler.final`` on are stale."""
        return self.simulation.trace

    @property
    def settling(self) -> bool:
        """True while a drag's new weights have not reached every row of the trace yet."""
        return self.settler.active

    def final_trace(self) -> Trace:
        """The trace with every row final (settles a drag's rest now): for exports and saves."""
        self.settler.settle_now()
        return self.simulation.trace

    @property
    def version(self) -> int:
        """A number every edit of the document changes (weights, inputs, a new document)."""
        return self._version

    @property
    def length(self) -> int:
        """T, the number of steps."""
        return self.simulation.length

    def snapshot(self) -> Session:
        """A deep copy of the document as it is now (for undo, autosave and saving)."""
        return Session(**self.snapshot_fields())

    def snapshot_fields(self, inputs: np.ndarray | None = None) -> dict[str, Any]:
        """The :class:`Session` keyword arguments of the document now (a Session copies ``inputs``).

        ``inputs`` (T, D) stands in for the trace's inputs when given (the autosave's own copy).
        """
        if inputs is not None and self.cell.direction == "reverse":
            inputs = inputs[::-1]  # the trace's copy is in the order consumed; a session keeps the caller's
        s, trace = self.session, self.final_trace()
        return {"cell": self.cell.copy(), "inputs": self.simulation.inputs if inputs is None else inputs,
                "h0": trace.h0.copy(), "c0": None if trace.c0 is None else trace.c0.copy(),
                "step": self.step, "title": s.title,
                "description": s.description, "input_labels": list(s.input_labels),
                "settings": copy.deepcopy(self.settings())}

    def settings(self) -> dict[str, Any]:
        """View settings stored with the document."""
        return {**self.session.settings, "selected_unit": self.selected_unit, "speed": self.speed}

    def load_session(self, session: Session, path: str | None = None) -> None:
        """Open a document: replaces everything and clears the undo history."""
        self.pause()
        self.undo_stack.clear()
        self.install(session, keep_step=True)
        self.path = path
        self.undo_stack.setClean()

    def replace_session(self, session: Session, text: str) -> None:
        """Replace the document as one undoable edit (kind change, import, new inputs …)."""
        self.undo_stack.push(commands.ReplaceSessionCommand(self, session, text))

    def install(self, session: Session, keep_step: bool) -> None:
        """Make ``session`` the document (views rebuild); commands and :meth:`load_session` call it."""
        self.settler.cancel()  # a drag's settle is superseded
        self.session = session
        self.simulation = Simulation(session.cell.copy(), session.inputs, session.state(),
                                     progress=self._report)  # views are rebuilt: nothing to settle
        self.simulation.progress = self._progress
        self.selected_unit = int(min(max(session.settings.get("selected_unit", 0), 0),
                                     self.cell.hidden_size - 1))
        self.speed = float(session.settings.get("speed", self.speed))
        self.step = min(session.step if keep_step else 0, max(self.length - 1, 0))
        self._changed()
        self.cell_changed.emit()
        self.trace_changed.emit(0)
        self.step_changed.emit(self.step)

    def _changed(self) -> None:
        self._version += 1

    def _progress(self, done: int, total: int) -> None:
        if total >= LONG_RECOMPUTE:  # the recompute started at T − total
            first = self.length - total
            self.trace_progress.emit(first, first + done)
        self._report(done, total)

    def _report(self, done: int, total: int) -> None:
        if self.progress_hook is not None and total >= LONG_RECOMPUTE:
            self.progress_hook(done, total)

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    # -- edits (each is one command) -------------------------------------------------------
    def set_parameter(self, name: str, index: Any, values: Any, text: str | None = None,
                      merge_key: Any = None) -> None:
        """Set ``cell.<name>[index] = values`` as an undoable edit (merged while ``merge_key`` repeats)."""
        values = np.asarray(values, dtype=float)
        if not np.all(np.isfinite(values)):
            raise ValueError("weights must be finite numbers")
        self._deferring = merge_key is not None  # a drag: recompute once per event-loop pass
        try:
            self.undo_stack.push(commands.SetParameterCommand(
                self, name, index, values, text or f"Edit {name}", merge_key))
        finally:
            self._deferring = False

    def flush(self) -> None:
        """Finish a drag's settle now: every row final and the views notified (no-op otherwise)."""
        self.settler.settle_now()

    def set_inputs(self, start: int, values: Any, text: str = "Edit inputs",
                   cols: slice = slice(None)) -> None:
        """Overwrite input rows from ``start`` (columns ``cols``) as one undoable edit."""
        values = np.atleast_2d(np.asarray(values, dtype=float))
        if not np.all(np.isfinite(values)):
            raise ValueError("inputs must be finite numbers")
        self.undo_stack.push(commands.SetInputsCommand(self, start, values, text, cols))

    def insert_inputs(self, start: int, rows: Any, text: str = "Insert steps") -> None:
        """Insert rows (n, D) before step ``start`` as one undoable edit."""
        rows = np.atleast_2d(np.asarray(rows, dtype=float))
        self.undo_stack.push(commands.ResizeInputsCommand(self, start, text, rows=rows))

    def delete_inputs(self, start: int, count: int, text: str = "Delete steps") -> None:
        """Delete ``count`` steps at ``start`` as one undoable edit (at least one step stays)."""
        count = min(count, self.length - 1 - start) if start == 0 else min(count, self.length - start)
        if count > 0 and self.length - count >= 1:
            self.undo_stack.push(commands.ResizeInputsCommand(self, start, text, count=count))

    # -- applying an edit: what commands call (redo and undo); each updates the model, then signals
    def apply_parameter(self, name: str, index: Any, values: np.ndarray) -> None:
        """Write a parameter through :meth:`Simulation.set_parameter`; a drag's rows settle later."""
        drag = self._deferring  # a drag: the rows settle in slices between frames
        if not drag:
            self.settler.cancel()
        self.simulation.set_parameter(name, index, values, recompute_now=not drag)
        self._changed()
        if drag:
            self.settler.restart()
            return
        self.weights_changed.emit()
        self.trace_changed.emit(0)

    def apply_inputs(self, start: int, values: np.ndarray, cols: slice) -> None:
        """Write input rows (columns ``cols``) through :meth:`Simulation.set_inputs`."""
        self.flush()  # the rows before ``start`` must be final
        rows = self.trace.x[start:start + len(values)].copy()
        rows[:, cols] = values
        self.simulation.set_inputs(start, rows)
        self._changed()
        self.trace_changed.emit(start)

    def apply_insert(self, start: int, rows: np.ndarray) -> None:
        """Insert rows (n, D) before ``start`` through :meth:`Simulation.insert`."""
        self.flush()
        self.simulation.insert(start, rows)
        self._resized(start)

    def apply_delete(self, start: int, count: int) -> None:
        """Delete ``count`` rows at ``start`` through :meth:`Simulation.delete`."""
        self.flush()
        self.simulation.delete(start, count)
        self._resized(start)

    def _resized(self, start: int) -> None:
        self.step = min(self.step, self.length - 1)
        self._changed()
        self.trace_changed.emit(start)
        self.step_changed.emit(self.step)

    # -- cursor and playback ----------------------------------------------------------------
    def seek(self, step: int) -> None:
        """Move the cursor to ``step`` (clamped to 0 … T − 1)."""
        step = int(min(max(step, 0), max(self.length - 1, 0)))
        if step != self.step:
            self.step = step
            self.step_changed.emit(step)

    def step_forward(self) -> None:
        """One step on."""
        self.seek(self.step + 1)

    def step_back(self) -> None:
        """One step back."""
        self.seek(self.step - 1)

    def go_to_start(self) -> None:
        """To step 0 (and stop playing)."""
        self.pause()
        self.seek(0)

    def go_to_end(self) -> None:
        """To the last step."""
        self.seek(self.length - 1)

    def set_selected_unit(self, unit: int) -> None:
        """Select the unit the diagram shows."""
        unit = int(min(max(unit, 0), self.cell.hidden_size - 1))
        if unit != self.selected_unit:
            self.selected_unit = unit
            self.unit_changed.emit(unit)

    # -- derived quantities ----------------------------------------------------------------
    def gradients(self, end: int | None = None) -> dict[str, np.ndarray] | None:
        """‖∂h_end/∂h_t‖ (and ‖∂c_end/∂c_t‖ for the LSTM) for t in a window before ``end``.

        Returns a dict with ``t`` (the steps, shape (n,)), ``dhT_dh`` (n,) and, for the LSTM,
        ``dcT_dc`` (n,); cached until the trace changes; None while those rows settle.
        """
        return self.gradient_job(end)()

    def gradient_job(self, end: int | None = None) -> Callable[[], dict[str, np.ndarray] | None]:
        """:meth:`gradients` as work for another thread: call this on the GUI thread, run the result anywhere.

        The job holds copies of the cell and of the window's rows, never the live trace.
        """
        end = self.step if end is None else end
        key = (self._version, end)
        if self._gradient_cache[0] == key:
            cached = self._gradient_cache[1]
            return lambda: cached
        if self.settling and end >= self.settler.final:
            return lambda: None  # its rows are not final yet; the settle announces the step when they are
        from simulator.core.gradients import gradient_window

        start = max(0, end - GRADIENT_WINDOW)
        cell, window = self.cell.copy(), self.simulation.trace.copy(start, end + 1)

        def job() -> dict[str, np.ndarray]:
            result = {"t": np.arange(start, end + 1), **gradient_window(cell, window, end - start)}
            self._gradient_cache = (key, result)  # one assignment: safe from a worker thread
            return result

        return job
