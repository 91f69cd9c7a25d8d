"""Input sequences: file readers, a one-hot text tokenizer and signal generators.

Every function returns float64 arrays of shape (T, D) and raises
:class:`~simulator.core.errors.InputError` with one clear line on bad input.
"""

from simulator.io.inputs.generators import (
           GENERATORS,
           MAX_STEPS,
           Generator,
           Param,
           generate,
           parse_generator_spec,
)
from simulator.io.inputs.readers import (
           MAX_FILE_BYTES,
           MAX_VALUES,
           check_sequence,
           load_inputs,
           load_npz_arrays,
)
from simulator.io.inputs.text import decode_onehot, encode_text

__all__ = [
           "GENERATORS",
           "MAX_FILE_BYTES",
           "MAX_STEPS",
           "MAX_VALUES",
           "Generator",
           "Param",
           "check_sequence",
           "decode_onehot",
           "encode_text",
           "generate",
           "load_inputs",
           "load_npz_arrays",
           "parse_generator_spec",
]
