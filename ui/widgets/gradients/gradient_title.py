"""The gradient view's title, which is also its legend, laid out to fit the plot's width.

A mixin of :class:`ui.widgets.gradients.gradient_plot.GradientPlot`: the title names each curve after a
line in its colour and is given the longest of several layouts that fits, from one line
with everything to a few short lines, and the x-axis label shortens when the full one does
not fit, so nothing is clipped in a narrow dock or a compare row.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from ui.i18n import tr
from ui.widgets.common import colormaps as cm

__all__ = ["SERIES", "TitleFitting"]

SERIES = {"dhT_dh": ("‖∂h_T/∂h_t‖", "#1f77b4"), "dcT_dc": ("‖∂c_T/∂c_t‖", "#2ca02c")}
_TITLE_PT = 9  # the title's font size in points (the insight plots' titles use the same)
_SPACE = "&nbsp;&nbsp; "  # between two legend keys


def _join(*parts: str) -> str:
    """Title parts on one line, the empty ones left out."""
    return "&nbsp; · &nbsp;".join(p for p in parts if p)


class TitleFitting:
    """Title and axis-label layout for the plot's width (needs ``plot``, ``curves``, ``_end``,
    ``_measure`` (a QTextDocument), ``_axis_labels`` and ``_shown_labels`` on the widget)."""

    # -- the title (the legend in it) and the x-axis label, for the width -----------------------
    def title_layouts(self) -> list[list[str]]:
        """The title's layouts, preferred first: each a list of lines (HTML), a coloured key per curve."""
        keys = {n: f"<b style='color:{SERIES[n][1]}'>━━</b>&nbsp;{SERIES[n][0]}" for n in self.curves}
        path = tr("(cell path)")
        long_keys = _SPACE.join(f"{k} {path}" if n == "dcT_dc" else k for n, k in keys.items())
        head, end, short_keys = tr("Gradient through time (log scale)"), self._end, _SPACE.join(keys.values())
        when, short = (tr("T = step {end}").format(end=end), f"T = {end}") if end is not None else ("", "")
        return [[_join(f"{head}: {long_keys}", when)], [_join(head, when), long_keys],
                [_join(head, short), short_keys], [_join(short_keys, short)], [short, short_keys],
                [short, *keys.values()]]

    def _text_width(self, html: str) -> float:
        self._measure.setHtml(f"<span style='font-size:{_TITLE_PT}pt'>{html}</span>")
        return self._measure.idealWidth() + 2 * self._measure.documentMargin()

    def fit_labels(self) -> None:
        """Title (with the legend) and x-axis label laid out to fit the plot's current width."""
        item = self.plot.getPlotItem()
        room = self.plot.width() - item.getAxis("left").width() - 8
        layouts = self.title_layouts()
        lines = next((ls for ls in layouts if max(map(self._text_width, ls)) <= room), layouts[-1])
        html = "<br>".join(ln for ln in lines if ln)
        if html != self._shown_labels[0]:
            text = item.titleLabel.item
            text.setTextWidth(-1)  # measured afresh by setTitle (a width left from before would stay)
            item.setTitle(f"<center>{html}</center>", color=cm.foreground(self.palette()).name(),
                          size=f"{_TITLE_PT}pt")
            text.setTextWidth(text.document().idealWidth())  # a width to centre the lines in
            height = int(text.boundingRect().height()) + 4
            item.titleLabel.setMaximumHeight(height)
            item.layout.setRowFixedHeight(0, height)
            # the view set the plot's geometry when it last resized, clamped to the minimum width a
            # longer title had then; set it again now that the title is shorter
            item.setGeometry(QRectF(0, 0, self.plot.width(), self.plot.height()))
        full, short = self._axis_labels
        bottom = full if self._text_width(full) <= room else short
        if bottom != self._shown_labels[1]:
            item.setLabel("bottom", bottom)
            item.getAxis("bottom").resizeEvent(None)  # centre the new label (pyqtgraph places it on resize)
        self._shown_labels = (html, bottom)
