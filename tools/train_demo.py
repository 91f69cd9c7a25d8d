"""Open the window with the Train panel training, for the screenshots in ``docs/screenshots/``.

    python tools/train_demo.py [rnn|lstm|gru] [forget_bias]

Shows the main window, opens Tools ▸ Train… with the lesson's task (a distractor at every
step of a 40-step delay for the RNN and GRU, a clean 20-step delay for the LSTM) and presses
Start; the window closes normally. It lives beside the project rather than among the widgets
because it builds the whole window (only the shell may know the main window).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    """Run the demo window until it is closed; returns the application's exit status."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.shell.main_window import MainWindow

    args = sys.argv[1:] if argv is None else argv
    kind = args[0] if args else "lstm"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(restore=False)
    window.resize(1600, 1000)
    window.show()
    panel = window.insight.show_train().widget()
    task = "recall:delay=20" if kind == "lstm" else "recall:delay=40,distractors=1"
    panel.settings.apply({"cell": kind, "task": task, "seed": 3,
                          "forget_bias": float(args[1]) if len(args) > 1 else 3.0})
    QTimer.singleShot(300, panel.start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
