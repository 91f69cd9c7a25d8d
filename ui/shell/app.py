"""Start the window: command-line options, the QApplication (names, icon, high DPI, theme) and screenshots.

    python main.py [FILE] [--preset ID] [--step N] [--size WxH] [--screenshot OUT.png]

``--screenshot`` renders the window offscreen after ``--step`` steps, saves a PNG
and exits 0 (for docs, tests and bug reports).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

__all__ = ["ORGANISATION", "APPLICATION", "run", "parse_args", "make_application", "build_window",
           "migrate_settings"]

ORGANISATION = "GateScope"
APPLICATION = "GateScope"
# No organisation domain: GateScope owns none, so settings live under the organisation name on every
# system. Until 0.1 a placeholder domain was set; macOS named its settings after it.
OLD_DOMAIN = "gatescope.example.org"


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {text!r}") from None
    if not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"size {w}x{h} is outside 320x240 … 8192x8192")
    return w, h


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The GUI's options (argparse exits with status 2 on a mistake)."""
    from simulator.cli.invocation import program_name, version_line

    parser = argparse.ArgumentParser(prog=program_name(), description="Open the GateScope window.")
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("file", nargs="?", help="a session (.json), weight file or input sequence to open")
    parser.add_argument("--preset", metavar="ID", help="open a preset (see the Presets menu)")
    parser.add_argument("--step", type=int, default=None, metavar="N", help="go to step N (counted from 0)")
    parser.add_argument("--size", type=_size, default=None, metavar="WxH", help="window size, e.g. 1280x800")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a PNG of the window and exit")
    parser.add_argument("--lang", choices=("en", "ko", "system"), default=None,
                        help="interface language (default: the View ▸ Language choice, else the system's)")
    return parser.parse_args(list(argv))


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication with GateScope's names, icon, high-DPI policy, Fusion style and palette."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "gatescope", *argv])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    if sys.platform == "darwin":  # elsewhere the domain never named the settings
        migrate_settings(QSettings(OLD_DOMAIN, APPLICATION), QSettings())
    import simulator
    from ui.errors.hook import install_exception_hook
    from ui.theme import app_icon, apply_theme

    QCoreApplication.setApplicationVersion(simulator.__version__)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    install_exception_hook()
    return app


def migrate_settings(old: QSettings, new: QSettings) -> int:
    """Copy ``old``'s settings into ``new`` when ``new`` is still empty; returns how many were copied."""
    keys = old.allKeys()
    if not keys or new.allKeys():
        return 0
    for key in keys:
        new.setValue(key, old.value(key))
    new.sync()
    return len(keys)


def build_window(args: argparse.Namespace):  # -> MainWindow (imported lazily: pyqtgraph is heavy)
    """The main window for the parsed options (preset, file, step, size)."""
    from ui.document.controller import Controller
    from ui.shell.main_window import MainWindow

    session = None
    if args.preset:
        from simulator.document.presets import load_preset

        session = load_preset(args.preset)
    controller = Controller(session)
    window = MainWindow(controller, restore=not args.screenshot)
    controller.setParent(window)
    if args.screenshot:
        window.persist_layout = False
    else:
        window.enable_recovery()  # window.recovery: autosave, offered back by run() after a crash
    if args.file:
        window.importer.open_file(os.path.abspath(args.file))
    if args.step is not None:
        controller.seek(args.step)
    if args.size or args.screenshot:
        window.resize(*(args.size or (1280, 800)))
    return window


def _screenshot(app: QApplication, window, path: str) -> int:
    window.show()
    for _ in range(3):  # let layouts settle and every view paint
        app.processEvents()
        time.sleep(0.02)
    window.repaint()
    if not window.grab().save(path):
        sys.stderr.write(f"gatescope: error: cannot write {path}\n")
        return 2
    print(f"gatescope: saved {path} ({window.width()}x{window.height()})")
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    """Open the window and run the event loop; returns the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        The GUI options (``sys.argv[1:]`` by default).
    """
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no display
    try:
        app = make_application()
        from ui.i18n import setup_language

        setup_language(app, args.lang)
    except Exception as err:
        sys.stderr.write(f"gatescope: error: the window cannot start ({err}); "
                         "to run without a window, use `python main.py simulate --help`\n")
        return 2
    from simulator.core.errors import InputError

    try:
        window = build_window(args)
    except InputError as err:
        sys.stderr.write(f"gatescope: error: {err}\n")
        return 2
    if args.screenshot:
        status = _screenshot(app, window, args.screenshot)
    else:
        window.show()
        window.raise_()
        window.activateWindow()  # keyboard focus at once, so Space plays (also without a window manager)
        QTimer.singleShot(0, window.recovery.offer)  # once the window is up: restore after a crash?
        status = int(app.exec())
        window.recovery.finish()
    _dispose(app, window)
    return status


def _dispose(app: QApplication, window) -> None:
    """Delete the window while Qt is alive: left to interpreter shutdown, some views crash in teardown."""
    window.hide()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
