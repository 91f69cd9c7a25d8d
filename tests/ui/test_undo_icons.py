"""Undo and Redo look like undo and redo: the theme's edit icons (or GateScope's), not the step arrows."""

from __future__ import annotations

from PySide6.QtCore import QSize


def _image(action):
    return action.icon().pixmap(QSize(24, 24)).toImage()


def test_undo_and_redo_icons_are_not_the_step_arrows(window):
    actions = window.actions_by_name
    undo, redo = actions["action_undo"], actions["action_redo"]
    assert not undo.icon().isNull() and not redo.icon().isNull()
    steps = [a for name, a in actions.items() if "step" in name and not a.icon().isNull()]
    arrows = [window.style().standardIcon(window.style().StandardPixmap.SP_ArrowBack),
              window.style().standardIcon(window.style().StandardPixmap.SP_ArrowForward)]
    others = [_image(a) for a in steps] + [icon.pixmap(QSize(24, 24)).toImage() for icon in arrows]
    for action in (undo, redo):
        assert all(_image(action) != other for other in others), action.objectName()
    assert _image(undo) != _image(redo)
