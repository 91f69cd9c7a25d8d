"""Text as one-hot character sequences, and back."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from simulator.core.errors import InputError
from simulator.io.inputs.readers import MAX_VALUES

__all__ = ["MAX_TEXT_CHARS", "decode_onehot", "encode_text"]

MAX_TEXT_CHARS = 1_000_000


def _vocabulary(vocabulary: Iterable[str]) -> list[str]:
    vocab = list(vocabulary)
    for k, ch in enumerate(vocab):
        if not isinstance(ch, str) or len(ch) != 1:
            raise InputError(f"vocabulary: entry {k} is {ch!r}, not a single character")
    seen: set[str] = set()
    for ch in vocab:
        if ch in seen:
            raise InputError(f"vocabulary: character {ch!r} appears twice")
        seen.add(ch)
    if not vocab:
        raise InputError("vocabulary: empty")
    return vocab


def encode_text(text: str, vocabulary: Iterable[str] | None = None) -> tuple[np.ndarray, list[str]]:
    """One-hot encode ``text`` character by character.

    Parameters
    ----------
    text : str
        T ≥ 1 characters.
    vocabulary : iterable of str, optional
        The V single characters, in column order (a string works). Default: the
        sorted unique characters of ``text``.

    Returns
    -------
    onehot : ndarray, shape (T, V), float64
        ``onehot[t, k] = 1`` where ``text[t] == vocabulary[k]``.
    vocabulary : list of str
        Length V.

    Raises
    ------
    InputError
        Empty text, a bad vocabulary, or a character outside the given vocabulary
        (the character and its position, from 0, are named).
    """
    if not isinstance(text, str):
        raise InputError(f"text: expected a string, got {type(text).__name__}")
    if not text:
        raise InputError("text: empty; type at least one character")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text: {len(text)} characters is more than the {MAX_TEXT_CHARS} allowed")
    vocab = sorted(set(text)) if vocabulary is None else _vocabulary(vocabulary)
    if len(text) * len(vocab) > MAX_VALUES:  # before the (T, V) one-hot table is allocated
        raise InputError(f"text: {len(text)} characters × a vocabulary of {len(vocab)} is "
                         f"{len(text) * len(vocab)} one-hot values, more than the {MAX_VALUES} allowed")
    index = {ch: k for k, ch in enumerate(vocab)}
    columns = np.empty(len(text), dtype=np.intp)
    for pos, ch in enumerate(text):
        k = index.get(ch)
        if k is None:
            raise InputError(f"text: character {ch!r} at position {pos} is not in the vocabulary")
        columns[pos] = k
    onehot = np.zeros((len(text), len(vocab)))
    onehot[np.arange(len(text)), columns] = 1.0
    return onehot, vocab


def decode_onehot(onehot: np.ndarray, vocabulary: Iterable[str]) -> str:
    """The text whose characters are the largest column of each row.

    Parameters
    ----------
    onehot : array_like, shape (T, V)
        One-hot rows, or scores (each row's arg-max is taken; ties go to the first).
    vocabulary : iterable of str
        V single characters.

    Returns
    -------
    str
        T characters.
    """
    vocab = _vocabulary(vocabulary)
    arr = np.asarray(onehot)
    if arr.ndim != 2 or arr.shape[1] != len(vocab):
        raise InputError(f"one-hot: expected shape (steps, {len(vocab)}), got {arr.shape}")
    if arr.dtype.kind not in "fiub":
        raise InputError(f"one-hot: expected numbers, got dtype {arr.dtype}")
    return "".join(vocab[k] for k in np.argmax(arr, axis=1))
