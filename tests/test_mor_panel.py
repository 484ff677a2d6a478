"""The outbox panel: its model (checked by Qt's model tester), the sync button running
on a worker thread with progress, cancel, and "Opnieuw proberen" for failed rows."""

from __future__ import annotations

import pytest
from test_mor_fixtures import (  # noqa: F401 - fixtures
    API_KEY,
    file_secrets_fixture,
    make_profile,
    mor_copy,
    mor_master_fixture,
    server_fixture,
)

from schouw.exchange.mor.build import queue_selected
from schouw.services.sync import store_secret
from schouw.store import open_project

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QProgressBar, QTableView  # noqa: E402

from schouw.ui.sync_panel import SyncPanel  # noqa: E402


@pytest.fixture
def panel(qtbot, tmp_path, mor_master, server):
    db, ids = mor_copy(mor_master, tmp_path / "mor.schouw")
    profile = make_profile(server.url)
    store_secret(profile, API_KEY)
    project = open_project(db)
    queue_selected(project, profile)
    widget = SyncPanel(project, profile=profile)
    widget.auto_retry = False
    qtbot.addWidget(widget)
    QAbstractItemModelTester(widget.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    yield widget, project, ids
    widget.shutdown()
    project.close()


def texts(widget) -> list[str]:
    model = widget.model
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def test_every_interactive_widget_is_named(panel):
    widget, _, _ = panel
    children = [c for kind in (QAbstractButton, QTableView, QProgressBar) for c in widget.findChildren(kind)]
    assert len(children) >= 5
    for child in children:
        assert child.objectName(), child
        assert child.accessibleName(), child.objectName()
    assert widget.findChild(QAbstractButton, "syncButton").text() == "Synchroniseren"
    assert widget.findChild(QAbstractButton, "retryButton").text() == "Opnieuw proberen"


def test_sync_button_sends_and_the_table_follows(panel, qtbot, server):
    widget, project, ids = panel
    assert widget.model.rowCount() == 3 and set(texts(widget)) == {"wachtrij"}
    headers = [widget.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(widget.model.columnCount())]
    assert headers == ["Straat", "Onderdeel", "Status", "Pogingen", "Volgende poging"]
    progress = []
    widget.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(widget.synced, timeout=20000) as signal:
        qtbot.mouseClick(widget.sync_button, Qt.MouseButton.LeftButton)
        assert widget.running and not widget.sync_button.isEnabled() and widget.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not widget.running, timeout=5000)
    assert len(signal.args[0]["result"]["sent"]) == 3
    assert all(t.startswith("verzonden: ") for t in texts(widget))
    assert progress and widget.sync_button.isEnabled() and not widget.cancel_button.isEnabled()
    assert "3 verzonden" in widget.status.text()
    assert len(server.stored()) == 3


def test_failed_rows_show_the_message_and_can_be_retried(panel, qtbot, server):
    widget, project, ids = panel
    server.faults = ["400"]
    with qtbot.waitSignal(widget.synced, timeout=20000):
        widget.start_sync()
    qtbot.waitUntil(lambda: not widget.running, timeout=5000)
    failed = [t for t in texts(widget) if t.startswith("mislukt: ")]
    assert failed == ["mislukt: description too long for this service (max 20 characters)"]
    assert widget.retry_button.isEnabled()
    qtbot.mouseClick(widget.retry_button, Qt.MouseButton.LeftButton)
    assert not widget.retry_button.isEnabled() and "wachtrij" in " ".join(texts(widget))
    with qtbot.waitSignal(widget.synced, timeout=20000):
        widget.start_sync()
    qtbot.waitUntil(lambda: not widget.running, timeout=5000)
    assert all(t.startswith("verzonden: ") for t in texts(widget))
    assert len(server.stored()) == 3


def test_cancel_stops_after_the_current_request(panel, qtbot, server):
    widget, project, ids = panel
    server.faults = ["slow"]  # the first request hangs past the client's timeout
    widget.start_sync()
    widget.cancel_sync()
    qtbot.waitUntil(lambda: not widget.running, timeout=20000)
    assert "Afgebroken" in widget.status.text() or "stopt" in widget.status.text()
    states = texts(widget)
    assert len(states) == 3 and sum(t == "wachtrij" for t in states) >= 2
    assert len(server.stored()) <= 1


def test_closing_the_window_during_a_sync_lets_it_stop_in_the_background(qtbot, tmp_path, mor_master, server):
    """The sync dialog is deleted on close. Its sync used to be a QThread owned by the
    panel, destroyed while running: Qt then aborts the whole app. Now the sync is asked
    to stop, finishes its current request on the pool and leaves a truthful outbox."""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    from schouw.services.sync import outbox_rows
    from schouw.ui import workers

    db, _ = mor_copy(mor_master, tmp_path / "mor.schouw")
    profile = make_profile(server.url)
    store_secret(profile, API_KEY)
    project = open_project(db)
    queue_selected(project, profile)
    dialog = QDialog()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget = SyncPanel(project, dialog, profile=profile)
    QVBoxLayout(dialog).addWidget(widget)
    dialog.finished.connect(widget.stop)
    dialog.show()
    server.faults = ["slow"]  # the first request hangs past the client's timeout
    assert widget.start_sync()
    task = widget.task
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        dialog.reject()
    assert task.is_cancelled  # asked to stop when the window closed
    workers.finish_all(timeout=20)
    assert task.finished.is_set()
    qtbot.wait(50)  # its signals arrive after the panel is gone: nothing may happen
    states = [r["state"] for r in outbox_rows(project)]
    assert len(states) == 3 and states.count("queued") >= 2
    assert len(server.stored()) <= 1
    project.close()
