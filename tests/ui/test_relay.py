"""The relay: a worker thread's result reaches the GUI thread, and never a deleted receiver."""

import threading

from PySide6.QtCore import QObject

from ui.background import relay
from ui.background.worker import BackgroundWorker


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[tuple[object, bool]] = []

    def take(self, value: object) -> None:
        self.got.append((value, threading.current_thread() is threading.main_thread()))


def test_a_post_from_a_thread_runs_on_the_gui_thread(qtbot):
    relay.install()
    receiver = _Receiver()
    thread = threading.Thread(target=relay.post, args=(receiver.take, 42))
    thread.start()
    thread.join()
    assert receiver.got == []  # queued, not called on the worker thread
    qtbot.waitUntil(lambda: receiver.got == [(42, True)], timeout=2000)


def test_a_post_to_a_deleted_receiver_is_dropped(qtbot):
    import shiboken6

    relay.install()
    receiver = _Receiver()
    take = receiver.take
    shiboken6.delete(receiver)  # the C++ object goes while the thread works
    thread = threading.Thread(target=relay.post, args=(take, 1))
    thread.start()
    thread.join()
    qtbot.wait(50)
    assert receiver.got == []


def _gated_worker() -> tuple[QObject, BackgroundWorker, list, threading.Event]:
    """A worker under its parent, the results it delivers, and a gate its first job waits for."""
    parent = QObject()
    worker = BackgroundWorker(parent, "test")
    results: list = []
    worker.finished.connect(results.append)
    return parent, worker, results, threading.Event()


def test_a_worker_deleted_while_it_computes_does_not_crash(qtbot):
    parent, worker, results, gate = _gated_worker()
    worker.submit(lambda: gate.wait(2) and 7)
    parent.deleteLater()  # the worker goes with its parent before the result arrives
    qtbot.wait(20)
    gate.set()
    worker._thread.join(2)
    qtbot.wait(50)
    assert results == []


def test_the_newest_request_wins(qtbot):
    _parent, worker, results, gate = _gated_worker()
    worker.submit(lambda: gate.wait(2) and "first")
    worker.submit(lambda: "second")
    worker.submit(lambda: "third")  # replaces "second", still waiting
    gate.set()
    qtbot.waitUntil(lambda: results == ["third"], timeout=2000)
    qtbot.wait(50)
    assert results == ["third"] and not worker.busy
