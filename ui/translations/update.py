"""Refresh the Korean translation after changing interface strings.

    python ui/translations/update.py          # lupdate over ui/, then lrelease
    python ui/translations/update.py --check  # only report unfinished strings (exit 1 if any)

``pyside6-lupdate`` collects every ``tr()`` / ``QCoreApplication.translate()`` /
``QT_TRANSLATE_NOOP()`` string of ``ui/**/*.py`` into ``gatescope_ko.ts`` (keeping the
translations already there, dropping strings no longer in the code); fill the new
``<translation>`` elements (Qt Linguist, or any editor: remove ``type="unfinished"``),
then run this again so ``pyside6-lrelease`` compiles ``gatescope_ko.qm``. Commit both.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent
TS = HERE / "gatescope_ko.ts"
QM = HERE / "gatescope_ko.qm"


def sources() -> list[str]:
    """Every Python file of the interface, relative to the repository (stable order)."""
    root = UI.parent
    return sorted(str(p.relative_to(root)) for p in UI.rglob("*.py") if "translations" not in p.parts)


def tool(name: str) -> str | None:
    """The path of Qt's ``name`` tool: on PATH, or beside this Python (an unactivated venv)."""
    return shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))


def lupdate(ts: Path = TS) -> None:
    """Collect the source strings into ``ts`` (existing translations are kept)."""
    command = [tool("pyside6-lupdate") or "pyside6-lupdate", "-no-obsolete", "-locations", "none"]
    subprocess.run([*command, *sources(), "-ts", str(ts)], cwd=UI.parent, check=True, capture_output=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    """Compile ``ts`` into ``qm``."""
    command = [tool("pyside6-lrelease") or "pyside6-lrelease", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, capture_output=True)


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            if not (done and (tr.text or "").strip()):
                out.append((name, message.findtext("source")))
    return out


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        lupdate()
    missing = unfinished()
    for context, source in missing:
        print(f"unfinished: [{context}] {source!r}")
    if "--check" not in argv:
        lrelease()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
