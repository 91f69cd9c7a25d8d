"""Weight import and export: PyTorch, Keras, ONNX, NPZ and safetensors files.

Every file is untrusted: nothing is unpickled, declared sizes are checked before
anything is read, and every problem is one :class:`~simulator.core.errors.InputError`.
Optional packages (h5py, onnx, torch) are imported only when a file needs them.
"""

from simulator.io.atomic import atomic_write
from simulator.io.formats.api import (
    WEIGHT_FILE_FILTERS,
    LoadInfo,
    ModuleChoiceError,
    load_weights,
    load_weights_with_info,
    save_weights,
)

__all__ = ["WEIGHT_FILE_FILTERS", "LoadInfo", "ModuleChoiceError", "atomic_write", "load_weights",
           "load_weights_with_info", "save_weights"]
