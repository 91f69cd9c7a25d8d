"""The open document in the window: the controller (session, undo stack, playback) and the undo commands."""
