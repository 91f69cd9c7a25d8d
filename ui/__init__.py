"""GateScope's desktop app (PySide6 + pyqtgraph); imports the engine, never the reverse."""

from ui.shell.refcount_guard import protect_singletons

protect_singletons()  # a no-op except on PySide6 6.12.x with Python < 3.12
