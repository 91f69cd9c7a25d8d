"""How tables and tooltips write a number: a few significant digits, never ``-0``, the full value on hover.

The diagram has its own fixed-decimal style (:func:`ui.widgets.diagram.equations.fmt`); tables
and legends use :func:`number_text`, and :func:`full_text` gives the exact value for tooltips
and copying.
"""

from __future__ import annotations

import math

__all__ = ["full_text", "number_text"]


def number_text(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits: ``0.15``, ``-2.5e-05``, ``1235``; ``0`` for ±0.

    Anything that rounds to zero is written ``0`` (never ``-0``); NaN is ``nan`` and ±inf is ``±∞``.
    """
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:.{digits}g}"
    return "0" if float(text) == 0.0 else text


def full_text(value: float) -> str:
    """The exact value, as Python reads it back (``repr``), with ``-0.0`` written ``0.0``."""
    value = float(value)
    return repr(0.0 if value == 0.0 else value)
