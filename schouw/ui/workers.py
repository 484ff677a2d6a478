"""Work that must not freeze the window: photo import, the daily backup, and any use
case (report, export, import, sync) run through :class:`ProjectTask`.

A task runs on a Python thread of its own (:func:`start_task`) with its own connection
to the project file (``Project.for_thread()``), reports progress through signals that
arrive on the GUI thread, and stops between two photos when cancelled; every photo
finished before the cancel stays stored, each in its own transaction.

Why Python threads and not Qt's thread pool: a pool thread is Qt's, and PySide gives it
a fresh Python thread state for each call into Python and drops it afterwards. Libraries
that keep per-thread state in both a ``threading.local`` (dropped with the thread state)
and C thread-specific storage (kept with the OS thread) then reuse freed memory on the
next task on that thread: pyproj's PROJ context does exactly that, and an export (RD
coordinates in the CSV) after an earlier export crashed the app with a segfault. A
Python thread keeps one thread state for its whole life and ends with it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from schouw.messages import SchouwError
from schouw.store.project import Project

log = logging.getLogger(__name__)


class Task:
    """What :func:`start_task` runs: ``run()`` on a thread of its own, a ``finished``
    event set when it has ended (however), and a cancel flag the work checks between
    two steps."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        raise NotImplementedError


class _Signals(QObject):
    progress = Signal(int, int)
    #: (photo ids added, refused messages, duplicate names, cancelled)
    done = Signal(list, list, list, bool)
    failed = Signal(str)


class PhotoImportTask(Task):
    """Add photos (files on disk) to one finding with ``services.findings.add_photos``."""

    def __init__(self, project: Project, finding_id: str, paths: list[Path], keep_original: bool = False):
        super().__init__()
        self.signals = _Signals()
        self.project = project
        self.finding_id = finding_id
        self.paths = [Path(p) for p in paths]
        self.keep_original = keep_original

    def _progress(self, n: int, total: int) -> bool:
        self.signals.progress.emit(n, total)
        return not self.is_cancelled

    def run(self) -> None:
        try:
            added, refused, duplicates = self._import()
            self.signals.done.emit(added, refused, duplicates, self.is_cancelled)
        except Exception as error:  # noqa: BLE001 - reported to the GUI thread, logged there
            log.exception("photo import failed")
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
        finally:
            self.finished.set()

    def _import(self) -> tuple[list[str], list[str], list[str]]:
        """Run ``add_photos`` on the task's one connection. The GUI writes on its own
        connection at the same time; each write takes the lock up front (``BEGIN
        IMMEDIATE``), so the other side waits for the busy timeout instead of getting
        "database is locked", and the GUI's writes are far shorter than that timeout."""
        from schouw.services.findings import add_photos

        worker = self.project.for_thread()
        try:
            before = {p.id for p in worker.photos.for_finding(self.finding_id)}
            self.signals.progress.emit(0, len(self.paths))
            outcome = add_photos(worker, self.finding_id, self.paths, keep_original=self.keep_original,
                                 progress=self._progress)
            added = [p for p in worker.photos.for_finding(self.finding_id) if p.id not in before]
        finally:
            worker.close()
        mine = {p.source_name for p in added}
        return [p.id for p in added], [e.message() for e in outcome.refused], \
            [name for name in outcome.duplicates if name not in mine]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


Progress = Callable[..., bool]


class ProjectTask(Task):
    """Runs ``work(worker_project, progress)`` off the GUI thread.

    The work gets a connection of its own (``Project.for_thread()``), closed before the
    task reports back, and a ``progress(done, total, stage="")`` callback that returns
    False once the user cancelled. A user error ends in ``failed`` with its Dutch
    message; an exception listed in ``cancelled_errors`` in ``cancelled``; anything
    else is logged with its trace and reported as one polite line.
    """

    def __init__(self, project: Project, work: Callable[[Project, Progress], Any], *,
                 cancelled_errors: tuple[type[BaseException], ...] = ()):
        super().__init__()
        self.signals = TaskSignals()
        self.project = project
        self.work = work
        self.cancelled_errors = cancelled_errors

    def progress(self, done: int, total: int, stage: str = "") -> bool:
        self.signals.progress.emit(done, total, stage)
        return not self.is_cancelled

    def run(self) -> None:
        try:
            worker = self.project.for_thread()
            try:
                result = self.work(worker, self.progress)
            finally:
                worker.close()
            self.signals.done.emit(result)
        except self.cancelled_errors:
            self.signals.cancelled.emit()
        except SchouwError as error:
            self.signals.failed.emit(error.message())
        except Exception as error:  # noqa: BLE001 - shown as one line, logged with the trace
            log.exception("background task failed")
            self.signals.failed.emit(f"Er ging iets onverwachts mis ({type(error).__name__}). Er is niets verloren.")
        finally:
            self.finished.set()


class BackupTask(Task):
    """The once-a-day backup of the open project, off the GUI thread (it runs to the
    end: a backup is one step)."""

    def __init__(self, project: Project):
        super().__init__()
        self.project = project

    def run(self) -> None:
        try:
            worker = self.project.for_thread()
            try:
                worker.daily_backup()
            finally:
                worker.close()
        except Exception:  # noqa: BLE001 - a failed backup must not disturb the walk
            log.exception("daily backup failed")
        finally:
            self.finished.set()


_running: set[Task] = set()


def start_task(task: Task) -> threading.Thread:
    """Run ``task.run()`` on a Python thread of its own (see the module's docstring),
    keeping the task referenced until it has finished."""
    _reap()
    _running.add(task)
    thread = threading.Thread(target=task.run, name=f"schouw-{type(task).__name__}", daemon=True)
    thread.start()
    return thread


def _reap() -> None:
    for task in list(_running):
        if task.finished.is_set():
            _running.discard(task)


def finish_all(timeout: float = 30.0) -> None:
    """Cancel every task still running and wait for each (at most ``timeout`` seconds
    in all). Before the project closes: a task must not outlive the app's lock on it."""
    import time

    deadline = time.monotonic() + timeout
    tasks = list(_running)
    for task in tasks:
        task.cancel()
    for task in tasks:
        task.finished.wait(max(0.0, deadline - time.monotonic()))
    _reap()
