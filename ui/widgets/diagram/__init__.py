"""The pieces of the cell diagram: values, equations, layouts per kind, painting and the canvas.

:class:`ui.widgets.diagram.cell_diagram.CellDiagram` puts them together.
"""
