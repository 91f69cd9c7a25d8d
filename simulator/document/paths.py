"""Where GateScope's data files are: in a checkout, or in the installed package.

The repository keeps presets, lessons, fonts, icons and examples in ``assets/`` beside
``simulator/``. A wheel ships the same tree inside the package, as ``simulator/assets/``
(``pyproject.toml`` maps the package ``simulator.assets`` to the folder ``assets``), so a
non-editable install runs without the checkout. :func:`assets_dir` looks in the package
first: there it can only be ours, while the folder beside an installed ``simulator/`` is
``site-packages/assets``, which any other distribution may own.

The compiled interface translations stay in ``ui/translations/`` in both cases (they are
package data of ``ui.translations``); :mod:`ui.i18n` finds them beside itself.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ASSET_KINDS", "assets_dir", "asset_path"]

_PACKAGE = Path(__file__).resolve().parents[1]  # simulator/
_INSTALLED = _PACKAGE / "assets"  # inside a wheel install
_CHECKOUT = _PACKAGE.parent / "assets"  # a checkout or an editable install
#: The sub-folders of the assets tree; each holds files the app reads at run time.
ASSET_KINDS = ("presets", "lessons", "fonts", "icons", "examples", "texts")


def assets_dir() -> Path:
    """The assets folder: the installed package's copy, else the checkout's.

    Returns
    -------
    pathlib.Path
        An absolute path holding ``presets/``, ``lessons/``, ``fonts/``, ``icons/`` and
        ``examples/``. When neither copy exists (a broken install) the checkout path is
        returned, so that messages name the place where the files were expected.
    """
    for candidate in (_INSTALLED, _CHECKOUT):
        if (candidate / "presets").is_dir():
            return candidate
    return _CHECKOUT


def asset_path(kind: str) -> Path:
    """The folder of one kind of asset, e.g. ``asset_path("fonts")``.

    Parameters
    ----------
    kind : {"presets", "lessons", "fonts", "icons", "examples"}

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        ``kind`` is not one of :data:`ASSET_KINDS`.
    """
    if kind not in ASSET_KINDS:
        raise ValueError(f"unknown asset kind {kind!r}; known: {', '.join(ASSET_KINDS)}")
    return assets_dir() / kind
