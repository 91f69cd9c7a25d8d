"""What the About box lists: GateScope's version and the versions of the stack under it."""

from __future__ import annotations

import html
import platform

__all__ = ["versions", "versions_html"]


def versions() -> dict[str, str]:
    """Name → version of GateScope, Qt (at run time), PySide6, Python, numpy and pyqtgraph."""
    import numpy
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    import simulator

    return {"GateScope": simulator.__version__, "Qt": qVersion(), "PySide6": PySide6.__version__,
            "Python": platform.python_version(), "numpy": numpy.__version__,
            "pyqtgraph": pyqtgraph.__version__}


def versions_html() -> str:
    """:func:`versions` as a small HTML table (names are not translated: they are names)."""
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>&nbsp;{html.escape(v)}</td></tr>"
                   for k, v in versions().items())
    return f"<table>{rows}</table>"
