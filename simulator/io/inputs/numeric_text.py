"""Tables of numbers in CSV or JSON text, parsed by numpy's C parser without a Python object per value.

The readers in :mod:`simulator.io.inputs.readers` try these first. Each returns None when the
text is anything but plain numbers in equal-length rows (a header, a comment, a quoted cell,
``nan``, an empty value, a ragged row): the precise reader then names the line and column of
the problem. A fast result is therefore always exactly what the precise reader would return.
Peak memory is a few copies of the text plus the (T, D) float64 result.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from simulator.core.errors import InputError

__all__ = ["MAX_JSON_CONTAINERS", "loads_bounded", "numeric_csv", "numeric_json"]

_NUMBER_BYTES = b"0123456789.eE+-"
_SPACES = b" \t"
_TO_SPACE = bytes.maketrans(b"\t\r\n", b"   ")
_BLANK_LINES = re.compile(rb"\n[ \t]*(?=\n)")


def _only(body: bytes, allowed: bytes) -> bool:
    return not body.translate(None, allowed)


def _rows(body: bytes, delim: bytes) -> np.ndarray | None:
    """Parse ``body``: rows split by ``\\n``, values by ``delim``; None unless every row has as many."""
    rows = body.count(b"\n") + 1
    width = body.split(b"\n", 1)[0].count(delim) + 1
    layout = body.translate(None, bytes(b for b in range(256) if b not in (10, delim[0])))
    line = delim * (width - 1) + b"\n"
    if layout != line * (rows - 1) + line[:-1]:  # a ragged row, however the counts add up
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)  # numpy's word for "could not parse it all"
        try:
            flat = np.fromstring(body.replace(b"\n", delim), dtype=np.float64, sep=delim.decode())
        except (DeprecationWarning, ValueError):
            return None
    if flat.size != rows * width:  # an empty value at either end
        return None
    return flat.reshape(rows, width)


def numeric_csv(body: bytes, delim: str) -> np.ndarray | None:
    """The rows of ``body`` (UTF-8 text after any header line) when they are plain numbers.

    Parameters
    ----------
    body : bytes
        Lines ending in ``\\n``, ``\\r\\n`` or ``\\r``; blank lines are skipped.
    delim : str
        One of tab, ``;`` or ``,``.

    Returns
    -------
    ndarray, shape (T, D), float64, or None
    """
    sep = delim.encode()
    if b"\r" in body:
        body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if not _only(body, _NUMBER_BYTES + _SPACES + b"\n" + sep):
        return None
    if sep == b"\t" and (b" " in body or b"\t\t" in body or b"\t\n" in body or b"\n\t" in body):
        return None  # numpy takes a whitespace separator to match any run of whitespace
    body = _BLANK_LINES.sub(b"", body).strip(b"\n")
    if not body.strip():
        return None
    return _rows(body, sep)


def numeric_json(text: bytes) -> np.ndarray | None:
    """A JSON list of numbers (shape (T, 1)) or of equal-length lists of numbers (shape (T, D)).

    Returns
    -------
    ndarray, float64, or None
        None for anything else, including valid JSON of another shape.
    """
    text = text.translate(_TO_SPACE).strip()
    while b"  " in text:  # whitespace runs to single spaces, then none beside brackets and commas
        text = text.replace(b"    ", b" ").replace(b"  ", b" ")
    for spaced in (b" [", b"[ ", b" ]", b"] ", b" ,", b", "):
        text = text.replace(spaced, spaced.strip())
    if not (text.startswith(b"[") and text.endswith(b"]")):
        return None
    inner = text[1:-1]
    del text
    if inner.startswith(b"[") and inner.endswith(b"]"):
        body = inner[1:-1].replace(b"],[", b"\n")  # bytes.replace: no list of pieces, unlike re.sub
        if b"[" in body or b"]" in body:  # nested deeper, or rows not separated by exactly one comma
            return None
    else:
        body = inner.replace(b",", b"\n")
    del inner
    if not body.strip() or not _only(body, _NUMBER_BYTES + b" \n,"):
        return None
    return _rows(body, b",")



MAX_JSON_CONTAINERS = 1_000_000  # lists and objects parsed into Python objects (about 64 MB of them)
_SENTINEL = "\u0000gatescope-numeric-table\u0000"
_FLAT_END = re.compile(rb"\]")
_NESTED_END = re.compile(rb"\]\s*\]")


def _table_span(text: bytes, key: str) -> tuple[int, int, bool] | None:
    """Start, end and nesting of the list after the first ``"key":`` (outside strings), if any."""
    match = re.search(rb'(?<!\\)"' + re.escape(key.encode()) + rb'"\s*:\s*\[', text)
    if match is None:
        return None
    start = match.end() - 1
    nested = text[start + 1:start + 65].lstrip().startswith(b"[")
    close = (_NESTED_END if nested else _FLAT_END).search(text, start + 1)
    return None if close is None else (start, close.end(), nested)


def loads_bounded(text: bytes, source: str, key: str = "inputs",
                  parse_constant: Callable[[str], Any] | None = None) -> Any:
    """``json.loads`` of a document whose top-level ``key`` may hold a large table of numbers.

    That table is parsed by :func:`numeric_json` into an ndarray ((T, D) for a list of lists,
    (T,) for a list of numbers), so a session of millions of steps never holds a Python list per
    row; the rest may hold at most :data:`MAX_JSON_CONTAINERS` lists and objects.

    Raises
    ------
    InputError
        Too many containers. json's own errors (ValueError, RecursionError) pass through.
    """
    span = _table_span(text, key)
    table = numeric_json(text[span[0]:span[1]]) if span is not None else None
    rest = text if table is None else text[:span[0]] + json.dumps(_SENTINEL).encode() + text[span[1]:]
    containers = rest.count(b"[") + rest.count(b"{")
    if containers > MAX_JSON_CONTAINERS:
        raise InputError(f"{source}: {containers} JSON lists and objects is more than the "
                         f"{MAX_JSON_CONTAINERS} allowed")
    data = json.loads(rest.decode("utf-8"), parse_constant=parse_constant)
    if table is None:
        return data
    if not (isinstance(data, dict) and data.get(key) == _SENTINEL):  # the key was not the top level's
        if text.count(b"[") + text.count(b"{") > MAX_JSON_CONTAINERS:
            raise InputError(f"{source}: more than the {MAX_JSON_CONTAINERS} JSON lists and objects allowed")
        return json.loads(text.decode("utf-8"), parse_constant=parse_constant)
    data[key] = table if span[2] else table[:, 0]
    return data
