"""Doing the next item's work on a second thread while the caller handles this one.

Export and import move every photo through two stages that both spend most of their
time outside the GIL (SQLite, hashing, file I/O, JPEG code in C), so running them on
two threads overlaps them on a two-core laptop. Order is kept, at most ``depth``
results wait in memory, and an error on the worker is raised in the caller.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_DONE = object()


class _Failure:
    def __init__(self, error: BaseException):
        self.error = error


def ahead(func: Callable[[T], R], items: Iterable[T], depth: int = 32) -> Iterator[R]:
    """``map(func, items)``, computed up to ``depth`` items ahead on a worker thread."""
    box: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(value: object) -> bool:
        while not stop.is_set():
            try:
                box.put(value, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for item in items:
                if not put(func(item)):
                    return
        except BaseException as error:  # noqa: BLE001 - handed to the consuming thread
            put(_Failure(error))
            return
        put(_DONE)

    thread = threading.Thread(target=work, name="schouw-ahead", daemon=True)
    thread.start()
    try:
        while True:
            value = box.get()
            if value is _DONE:
                return
            if isinstance(value, _Failure):
                raise value.error
            yield value
    finally:
        # Wait for the worker however long its current item takes: returning while it
        # still runs would let the caller close what the worker is using.
        stop.set()
        thread.join()
