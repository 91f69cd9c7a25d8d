"""Session.trusted: the fields as given, no validation and no copies (the autosave's own document)."""

from __future__ import annotations

import numpy as np

from simulator import make_cell
from simulator.document.session import Session


def test_trusted_keeps_the_arrays_and_fills_the_defaults():
    cell = make_cell("gru", 2, 3, seed=0)
    inputs = np.arange(8.0).reshape(4, 2)
    session = Session.trusted(cell=cell, inputs=inputs, step=2, settings={"speed": 4.0})
    assert session.inputs is inputs and session.cell is cell and session.step == 2
    assert session.h0 is None and session.c0 is None and session.title == "" and session.input_labels == []
    assert session.settings == {"speed": 4.0}
    other = Session.trusted(cell=cell, inputs=inputs)
    assert other.input_labels is not session.input_labels  # a fresh default list each time
    checked = Session(cell=cell, inputs=inputs)
    assert checked.inputs is not inputs and np.array_equal(checked.inputs, inputs)  # the checked path copies
    assert Session.trusted(cell=cell, inputs=inputs, h0=checked.h0).to_json() == checked.to_json()
