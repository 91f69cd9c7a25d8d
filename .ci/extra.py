"""Print an optional-dependency list of pyproject.toml, one requirement a line, minus named packages.

Usage: ``python .ci/extra.py reference --without torch`` (the Makefile installs the result when no
CPU torch wheel exists for this Python, so the list is written once, in pyproject.toml).
"""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path


def requirements(extra: str, without: list[str]) -> list[str]:
    """Return the requirements of ``extra`` whose project name is not in ``without``."""
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]
    skip = {name.lower() for name in without}
    names = [(re.match(r"[A-Za-z0-9_.-]+", req).group(0).lower(), req)
             for req in project["optional-dependencies"][extra]]
    return [req for name, req in names if name not in skip]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("extra")
    parser.add_argument("--without", nargs="*", default=[])
    args = parser.parse_args()
    print("\n".join(requirements(args.extra, args.without)))
