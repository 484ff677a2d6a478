"""Work that must not freeze the window: photo import and the daily backup.

A task runs on Qt's global thread pool with its own connection to the project file
(``Project.for_thread()``), reports progress through signals that arrive on the GUI
thread, and stops between two photos when cancelled; every photo finished before the
cancel stays stored, each in its own transaction.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from schouw.store.project import Project

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    #: (photo ids added, refused messages, duplicate names, cancelled)
    done = Signal(list, list, list, bool)
    failed = Signal(str)


class PhotoImportTask(QRunnable):
    """Add photos (files on disk) to one finding with ``services.findings.add_photos``."""

    def __init__(self, project: Project, finding_id: str, paths: list[Path], keep_original: bool = False):
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self.project = project
        self.finding_id = finding_id
        self.paths = [Path(p) for p in paths]
        self.keep_original = keep_original
        self._cancel = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, n: int, total: int) -> bool:
        self.signals.progress.emit(n, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        from schouw.services.findings import add_photos

        try:
            worker = self.project.for_thread()
            try:
                self.signals.progress.emit(0, len(self.paths))
                if self._cancel.is_set():
                    self.signals.done.emit([], [], [], True)
                    return
                outcome = add_photos(worker, self.finding_id, self.paths, keep_original=self.keep_original,
                                     progress=self._progress)
            finally:
                worker.close()
            self.signals.done.emit([p.id for p in outcome.added], [e.message() for e in outcome.refused],
                                   list(outcome.duplicates), self._cancel.is_set())
        except Exception as error:  # noqa: BLE001 - reported to the GUI thread, logged there
            log.exception("photo import failed")
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
        finally:
            self.finished.set()


class BackupTask(QRunnable):
    """The once-a-day backup of the open project, off the GUI thread."""

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


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()
