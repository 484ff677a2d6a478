"""Background tasks run on Python threads of their own.

On Qt's thread pool, PySide gives each call a fresh Python thread state and drops it
afterwards; pyproj keeps its PROJ context in C thread-specific storage but frees it with
the thread state, so the second task that converted coordinates on the same pool thread
used freed memory: two exports in a row crashed the app. These tests run several tasks
that use pyproj one after the other, as a coordinator exporting rounds does; with the
pool they kill the test process."""

from __future__ import annotations

import os
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from test_exchange_helpers import new_project, seed_round  # noqa: E402

from schouw.geo import wgs84_to_rd  # noqa: E402
from schouw.ui import workers  # noqa: E402
from schouw.ui.workers import ProjectTask, start_task  # noqa: E402


def run_and_wait(qtbot, task: ProjectTask) -> list:
    results: list = []
    task.signals.done.connect(results.append)
    task.signals.failed.connect(lambda message: results.append(("failed", message)))
    with qtbot.waitSignal(task.signals.done, timeout=20000):
        start_task(task)
    return results


def test_tasks_that_convert_coordinates_run_one_after_the_other(qtbot, tmp_path):
    project = new_project(tmp_path / "p.schouw", "dev")
    threads = []

    def work(worker, progress):
        threads.append(threading.current_thread())
        return wgs84_to_rd(52.0907, 5.1214)  # Utrecht, Domtoren

    for _ in range(4):
        [(x, y)] = run_and_wait(qtbot, ProjectTask(project, work))
        assert 136_000 < x < 137_000 and 455_000 < y < 456_500
    # each on a thread of its own, which has ended (with its PROJ context) by now
    assert all(isinstance(t, threading.Thread) and t.name == "schouw-ProjectTask" for t in threads)
    for t in threads:
        t.join(timeout=5)
    assert not any(t.is_alive() for t in threads)
    project.close()


def test_exports_in_a_row_from_tasks(qtbot, tmp_path):
    """The crash as a user met it: export a round (its CSV has RD coordinates), then
    another one."""
    from schouw.services.exchange import export_package

    project = new_project(tmp_path / "p.schouw", "dev")
    round_id = seed_round(project, findings=4)
    for n in range(3):
        out = tmp_path / f"pakket-{n}.zip"
        [result] = run_and_wait(qtbot, ProjectTask(project, lambda w, p, out=out: export_package(
            w, round_id, out, progress=p)))
        assert result.findings == 4 and out.exists()
    project.close()


def test_finish_all_cancels_and_waits(qtbot, tmp_path):
    project = new_project(tmp_path / "p.schouw", "dev")
    release = threading.Event()

    def work(worker, progress):
        while progress(0, 1):  # runs until cancelled
            release.wait(0.01)
        return "gestopt"

    task = ProjectTask(project, work)
    start_task(task)
    assert not task.finished.wait(0.2)
    workers.finish_all(timeout=10)
    assert task.is_cancelled and task.finished.is_set()
    assert task not in workers._running
    project.close()


def test_photo_import_waits_for_a_write_of_the_gui(qtbot, tmp_path):
    """The GUI holds the write lock (a long edit) while the import stores its photos: the
    import's one connection waits for it (busy timeout) and stores every photo, once."""
    from conftest_ui import jpeg_bytes

    from schouw.ui.workers import PhotoImportTask

    project = new_project(tmp_path / "p.schouw", "dev")
    round_id = seed_round(project, findings=1, photos_per=0)
    finding = project.findings.models(round_id)[0]
    paths = []
    for n in range(3):
        path = tmp_path / f"IMG_{n}.jpg"
        path.write_bytes(jpeg_bytes(n))
        paths.append(path)
    task = PhotoImportTask(project, finding.id, paths)
    results: list = []
    task.signals.done.connect(lambda *args: results.append(args))
    task.signals.failed.connect(lambda message: results.append(("failed", message)))
    with project.write():  # the GUI's connection holds the lock while the task starts
        start_task(task)
        threading.Event().wait(1.0)
    assert task.finished.wait(30)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    [(added, refused, duplicates, cancelled)] = results
    assert len(added) == 3 and not refused and not duplicates and not cancelled
    assert len(project.photos.for_finding(finding.id)) == 3
    project.close()
