"""The numpy 2.5 deprecation pyqtgraph 0.14 triggers is ignored in pyqtgraph only, never in our code."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QTransform

NUMPY_25 = tuple(int(p) for p in np.__version__.split(".")[:2]) >= (2, 5)


def test_pyqtgraph_inverts_a_singular_transform_without_error():
    inverse = pg.functions.invertQTransform(QTransform(0, 0, 0, 0, 0, 0, 0, 0, 1))  # the pinv fallback
    assert isinstance(inverse, QTransform)


@pytest.mark.skipif(not NUMPY_25, reason="the deprecation arrived in numpy 2.5")
def test_the_same_deprecation_in_our_code_still_fails():
    arr = np.zeros(9)
    with pytest.raises(DeprecationWarning, match="Setting the shape"):
        arr.shape = (3, 3)
