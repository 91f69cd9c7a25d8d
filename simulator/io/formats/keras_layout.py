"""Keras-layout weights: ``kernel`` (D, G·H), ``recurrent_kernel`` (H, G·H), ``bias``.

Conversions to the canonical layout: kernels are transposed; GRU blocks go
from Keras' z, r, h to r, z, n; the one LSTM / RNN bias goes into ``bias_ih``;
a GRU ``bias`` (2, 3H) (``reset_after=True``) is row 0 input, row 1 recurrent.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from simulator.core.cells import Cell
from simulator.core.errors import InputError
from simulator.io.formats._build import (
    KIND_BY_BLOCKS,
    NAMES,
    LoadDetails,
    assumed_settings,
    block_count,
    build_cell,
    check_input_size,
    expect,
    permute_blocks,
)
from simulator.io.formats._guard import LazyArray, short_name

__all__ = ["find_keras_sets", "is_keras_naming", "keras_arrays", "keras_cell", "keras_details"]

_GRU_SWAP = [1, 0, 2]  # z, r, h <-> r, z, n (its own inverse)


def is_keras_naming(names: list[str] | dict[str, Any]) -> bool:
    """True when some name ends in ``recurrent_kernel`` (``:0`` suffixes allowed)."""
    return any(short_name(n).endswith("recurrent_kernel") for n in names)


def find_keras_sets(arrays: dict[str, LazyArray]) -> list[tuple[str, dict[str, LazyArray]]]:
    """(prefix, {"kernel", "recurrent_kernel", "bias"?}) for each Keras layer in file order."""
    sets = []
    by_short = {short_name(n): a for n, a in arrays.items()}
    for name in by_short:
        if name.endswith("recurrent_kernel"):
            prefix = name[: -len("recurrent_kernel")]
            if prefix + "kernel" not in by_short:
                raise InputError(f"{name} has no matching {prefix}kernel")
            found = {"kernel": by_short[prefix + "kernel"], "recurrent_kernel": by_short[name]}
            if prefix + "bias" in by_short:
                found["bias"] = by_short[prefix + "bias"]
            sets.append((prefix.rstrip("/_."), found))
    return sets


def keras_cell(kernel: LazyArray, recurrent: LazyArray, bias: LazyArray | None, options: dict[str, Any],
               *, kind: str | None = None, settings: dict[str, Any] | None = None) -> Cell:
    """A canonical cell from Keras arrays.

    Parameters
    ----------
    kernel : LazyArray, shape (D, G·H)
    recurrent : LazyArray, shape (H, G·H)
    bias : LazyArray, shape (G·H,) or, GRU with ``reset_after``, (2, 3H); or None
    options : dict
        The caller's load options (they win over ``settings``).
    kind : {"rnn", "lstm", "gru"}, optional
        From the model config; checked against the shapes. Inferred when None.
    settings : dict, optional
        ``nonlinearity`` / ``reset_after`` from the model config.
    """
    if len(recurrent.shape) != 2 or len(kernel.shape) != 2:
        raise InputError(f"{recurrent.name} {recurrent.shape} and {kernel.name} {kernel.shape} "
                         "must both be matrices")
    H, GH = recurrent.shape
    G = block_count(GH, H, recurrent.name)
    if kind is not None and KIND_BY_BLOCKS[G] != kind:
        raise InputError(f"{recurrent.name}: shape {recurrent.shape} does not fit a {NAMES[kind]} "
                         f"of {H} units")
    kind = KIND_BY_BLOCKS[G]
    check_input_size(kernel.shape[0], kernel.name)
    D = kernel.shape[0]
    w_ih = expect(kernel, (D, GH), "kernel").T
    w_hh = expect(recurrent, (H, GH), "recurrent kernel").T
    settings = dict(settings or {})
    b_ih = b_hh = None
    if bias is not None:
        if kind == "gru" and bias.shape == (2, GH):
            b_ih, b_hh = expect(bias, (2, GH), "bias")
            settings.setdefault("reset_after", True)
        else:
            b_ih = expect(bias, (GH,), "bias")
            if kind == "gru":  # one bias: Keras reset_after=False
                settings.setdefault("reset_after", False)
                if options.get("reset_after", settings["reset_after"]):
                    raise InputError(f"{bias.name}: a GRU with reset_after=True has a (2, {GH}) bias, "
                                     f"not {bias.shape}")
        if settings.get("reset_after") is False and bias.shape == (2, GH):
            raise InputError(f"{bias.name}: a (2, {GH}) bias means reset_after=True, "
                             "but the config says False")
    if kind == "gru":
        w_ih, w_hh = permute_blocks(w_ih, _GRU_SWAP), permute_blocks(w_hh, _GRU_SWAP)
        b_ih = None if b_ih is None else permute_blocks(b_ih, _GRU_SWAP)
        b_hh = None if b_hh is None else permute_blocks(b_hh, _GRU_SWAP)
    params = {"weight_ih": w_ih, "weight_hh": w_hh, "bias_ih": b_ih, "bias_hh": b_hh}
    return build_cell(kind, params, options, settings)


def keras_details(cell: Cell, bias: LazyArray | None, options: dict[str, Any], stored: dict[str, Any],
                  container: str) -> LoadDetails:
    """The assumptions of Keras weights read without a model config (a ``.weights.h5``, flat arrays).

    A GRU bias proves ``reset_after`` ((2, 3H): true, (3H,): false); without a bias it is assumed.
    """
    stored = dict(stored)
    if cell.kind == "gru" and bias is not None:
        stored["reset_after"] = len(bias.shape) == 2
    assumptions = assumed_settings(cell, options, stored, "Keras", container)
    if cell.kind != "rnn":
        assumptions.append(f"activation and recurrent_activation not stored in {container}: assumed tanh "
                           "and sigmoid (Keras' defaults, the only ones the simulator runs)")
    assumptions.append(f"go_backwards not stored in {container}: assumed false (Keras' default); "
                       "if the layer ran backwards, feed it the inputs reversed")
    return LoadDetails(assumptions=assumptions)


def keras_arrays(cell: Cell) -> dict[str, np.ndarray]:
    """The cell in Keras layout: ``kernel`` (D, G·H), ``recurrent_kernel`` (H, G·H), ``bias``.

    The LSTM / RNN bias is ``bias_ih + bias_hh``, as is a ``reset_after=False`` GRU's (exact:
    both sit outside the reset there); a ``reset_after`` GRU keeps both rows, shape (2, 3H).

    Raises
    ------
    InputError
        A peephole LSTM (Keras' LSTM has no peepholes).
    """
    if getattr(cell, "weight_peephole", None) is not None:
        raise InputError("Keras' LSTM has no peepholes; save this cell as torch, safetensors or ONNX")
    w_ih, w_hh, b_ih, b_hh = (np.array(cell.parameters()[k]) for k in
                              ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))
    if cell.kind == "gru":
        w_ih, w_hh = permute_blocks(w_ih, _GRU_SWAP), permute_blocks(w_hh, _GRU_SWAP)
        b_ih, b_hh = permute_blocks(b_ih, _GRU_SWAP), permute_blocks(b_hh, _GRU_SWAP)
    bias = np.stack([b_ih, b_hh]) if cell.kind == "gru" and cell.options()["reset_after"] else b_ih + b_hh
    return {"kernel": np.ascontiguousarray(w_ih.T), "recurrent_kernel": np.ascontiguousarray(w_hh.T),
            "bias": bias}
