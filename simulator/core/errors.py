"""The one error type for anything from outside that the engine refuses."""

from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """A file, array or setting that cannot be used; ``str(err)`` is one line for the user."""
