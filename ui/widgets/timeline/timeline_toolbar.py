"""The timeline's toolbar: a toggle button per gate or state (and the lines), and the unit label."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton

from ui.i18n import quantity_label, tr

__all__ = ["fill_toolbar", "say_unit"]


def fill_toolbar(toolbar: QHBoxLayout, names: Iterable[str], hidden: set[str],
                 on_toggle: Callable[[str, bool], None]) -> tuple[dict[str, QToolButton], QLabel]:
    """Replace what ``toolbar`` holds with "Show:", a checkable button per name, and a unit label.

    Parameters
    ----------
    toolbar : QHBoxLayout
        Emptied first (its widgets are deleted).
    names : iterable of str
        The cell's quantities; a ``"lines"`` button follows them.
    hidden : set of str
        The names whose buttons start unchecked.
    on_toggle : callable
        ``on_toggle(name, shown)`` when a button is toggled.

    Returns
    -------
    buttons : dict of str to QToolButton
        Object names ``timeline_show_<name>``.
    unit_label : QLabel
        Says whose lines are drawn (set by the timeline).
    """
    while toolbar.count():
        item = toolbar.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
    show = QLabel(tr("Show:"))
    show.setToolTip(tr("Choose which gates and states the timeline shows"))
    toolbar.addWidget(show)
    buttons = {}
    for name in (*names, "lines"):
        button = QToolButton()
        button.setText(tr("lines") if name == "lines" else name)
        button.setCheckable(True)
        button.setChecked(name not in hidden)
        button.setObjectName(f"timeline_show_{name}")
        what = tr("the selected unit's lines") if name == "lines" else f"{quantity_label(name)} {name}"
        button.setToolTip(tr("Show or hide {what}").format(what=what))
        button.setAccessibleName(tr("Show {what}").format(what=what))
        button.toggled.connect(lambda on, n=name: on_toggle(n, on))
        toolbar.addWidget(button)
        buttons[name] = button
    toolbar.addStretch(1)
    unit_label = QLabel()
    toolbar.addWidget(unit_label)
    return buttons, unit_label


def say_unit(label: QLabel, unit: int, room: bool) -> None:
    """Say on ``label`` whose lines are drawn, or that the timeline is too short for them (``room`` False)."""
    if room:
        label.setText(tr("lines: unit {unit}").format(unit=unit))
        label.setToolTip(tr("The unit whose lines are drawn (select it in the gate panel)"))
    else:
        label.setText(tr("lines: no room"))
        label.setToolTip(tr("The timeline is too short for the lines: enlarge it or hide a row"))
