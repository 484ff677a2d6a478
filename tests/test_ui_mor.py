"""The MOR outbox in the field app: the finding editor's "Naar de gemeente sturen" toggle
and status line, the profile's rule as the party is set, undo, a real sync through the
sync panel against tests/open311_server.py, a refused report and its retry, the status
bar, and the sync settings (profile file and key).

Real project files (copies of the MOR test project), the real main window offscreen,
a real Open311 server on 127.0.0.1."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget  # noqa: E402
from test_mor_fixtures import (  # noqa: E402, F401 - fixtures
    API_KEY,
    file_secrets_fixture,
    mor_copy,
    mor_master_fixture,
    profile_toml,
    server_fixture,
)

from schouw.services import sync as sync_service  # noqa: E402
from schouw.store.outbox import OutboxRepo  # noqa: E402

pytest_plugins = ["conftest_ui"]

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit)


def choose_profile(tmp_path: Path, url: str, **extra) -> Path:
    """A profile file chosen as in the settings (the app's data folder of this test)."""
    path = tmp_path / "gemeente.toml"
    path.write_text(profile_toml(url, **extra), encoding="utf-8")
    sync_service.choose_profile(path)
    return path


def open_window(app_window, tmp_path, mor_master):
    db, ids = mor_copy(mor_master, tmp_path / "mor.schouw")
    window = app_window(db)
    assert window.session is not None and window.session.ctx is not None
    return window, ids


def show(window, qtbot, finding_id: str):
    street_id = window.session.project.findings.get(finding_id).street_id
    window.reveal(street_id, finding_id)
    qtbot.waitUntil(lambda: window.editor.finding_id == finding_id)
    return window.editor


def outbox_row(window, finding_id: str):
    return OutboxRepo(window.session.project).for_finding(finding_id)


def status(editor) -> str:
    return editor.mor_status.text() if editor.mor_status.isVisible() else ""


def test_the_toggle_marks_by_hand_and_undo_takes_it_back(qtbot, app_window, tmp_path, mor_master, ui_data):
    window, ids = open_window(app_window, tmp_path, mor_master)
    editor = show(window, qtbot, ids["none"])  # D without an action: the rule never picks it
    toggle = editor.send_check
    assert toggle.objectName() == "sendToMunicipality" and toggle.accessibleName()
    assert toggle.isEnabled() and not toggle.isChecked() and status(editor) == ""
    assert window.outbox_label.text() == ""
    assert "Nog geen synchronisatieprofiel" in editor.mor_detail.text()

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    row = outbox_row(window, ids["none"])
    assert row is not None and row.reason == "hand" and row.state == "queued"
    assert toggle.isChecked() and status(editor) == "In de wachtrij"
    assert "Met de hand" in editor.mor_detail.text()
    assert window.outbox_label.text() == "1 in wachtrij"

    window.undo()  # the toggle is one step on the undo stack
    assert outbox_row(window, ids["none"]) is None
    assert not toggle.isChecked() and status(editor) == "" and window.outbox_label.text() == ""
    window.redo()
    assert outbox_row(window, ids["none"]).reason == "hand"
    assert toggle.isChecked() and window.outbox_label.text() == "1 in wachtrij"

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)  # out again: nothing was attempted
    assert outbox_row(window, ids["none"]) is None and not toggle.isChecked()
    window.undo()
    assert outbox_row(window, ids["none"]) is not None

    # the section's widgets are named for tests and screen readers
    for widget in editor.mor_box.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE):
            assert widget.objectName() and widget.accessibleName(), widget


def test_setting_the_party_queues_by_the_profile_rule_in_one_undo_step(qtbot, app_window, tmp_path, mor_master,
                                                                        ui_data):
    choose_profile(tmp_path, "http://127.0.0.1:9/open311/v2")
    window, ids = open_window(app_window, tmp_path, mor_master)
    editor = show(window, qtbot, ids["none"])  # D (below the norm), no action yet
    assert editor.sync_profile is not None and editor.sync_profile.name == "Gemeente Voorbeeldstad"

    editor.action_box.setChecked(True)  # an action without a party: the rule wants one of its parties
    assert outbox_row(window, ids["none"]) is None
    party = editor.party_combo.lineEdit()
    party.setFocus()
    qtbot.keyClicks(party, "Gemeente, team Beheer")
    editor.flush()
    row = outbox_row(window, ids["none"])
    assert row is not None and row.reason == "auto" and row.state == "queued"
    assert status(editor) == "In de wachtrij" and "Gekozen door het profiel" in editor.mor_detail.text()
    assert editor.send_check.isChecked() and not editor.send_check.isEnabled()  # the rule's, not the user's
    assert window.outbox_label.text() == "1 in wachtrij"
    action = window.session.project.actions.for_finding(ids["none"])
    assert action.party == "Gemeente, team Beheer"

    # another party: the rule no longer picks it, and nothing was attempted -> out again
    party.selectAll()
    qtbot.keyClicks(party, "Woningcorporatie Thuis")
    editor.flush()
    assert outbox_row(window, ids["none"]) is None and status(editor) == ""
    party.selectAll()
    qtbot.keyClicks(party, "Gemeente")
    editor.flush()
    assert outbox_row(window, ids["none"]).reason == "auto"

    # one Ctrl+Z: the action and its queueing go back together
    window.undo()
    assert window.session.project.actions.for_finding(ids["none"]) is None
    assert outbox_row(window, ids["none"]) is None and window.outbox_label.text() == ""
    window.redo()
    assert window.session.project.actions.for_finding(ids["none"]).party == "Gemeente"
    assert outbox_row(window, ids["none"]).reason == "auto"

    # the level too: at the norm the rule lets go, below it picks the finding again
    editor.set_level("A")
    assert outbox_row(window, ids["none"]) is None
    window.undo()
    assert outbox_row(window, ids["none"]) is not None and status(editor) == "In de wachtrij"


def sync_in_window(window, qtbot) -> None:
    from schouw.ui.sync_panel import SyncPanel

    window.open_sync()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "syncDialog" and w.isVisible())
    panel = dialog.findChild(SyncPanel)
    panel.auto_retry = False
    with qtbot.waitSignal(panel.synced, timeout=20000):
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running, timeout=5000)
    return dialog


def close(dialog, qtbot) -> None:
    """Closing the sync dialog reads the round again; the editor shows the same finding."""
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_sync_shows_the_municipality_id_and_a_refusal_can_be_retried(qtbot, app_window, tmp_path, mor_master,
                                                                        server, ui_data):
    path = choose_profile(tmp_path, server.url)
    sync_service.store_secret(sync_service.load_profile(path), API_KEY)
    window, ids = open_window(app_window, tmp_path, mor_master)
    editor = show(window, qtbot, ids["none"])
    qtbot.mouseClick(editor.send_check, Qt.MouseButton.LeftButton)  # first in the queue: gets the 400
    assert window.outbox_label.text() == "1 in wachtrij"

    server.faults = ["400"]
    dialog = sync_in_window(window, qtbot)
    message = "description too long for this service (max 20 characters)"
    assert status(editor) == f"Mislukt: {message}"
    assert editor.mor_retry_button.isVisible() and not editor.send_check.isEnabled()
    assert window.outbox_label.text() == "1 mislukt"
    assert server.count_for(ids["none"]) == 0
    assert len(server.stored()) == 3  # the three the rule picked went

    # the server is fixed; "Opnieuw proberen" puts it back, the next sync sends it
    qtbot.mouseClick(editor.mor_retry_button, Qt.MouseButton.LeftButton)
    assert status(editor) == "In de wachtrij" and not editor.mor_retry_button.isVisible()
    assert window.outbox_label.text() == "1 in wachtrij"
    close(dialog, qtbot)
    dialog = sync_in_window(window, qtbot)
    assert server.count_for(ids["none"]) == 1
    request_id = next(r["service_request_id"] for r in server.stored() if ids["none"] in r["description"])
    assert status(editor) == f"Verzonden als {request_id}"  # the server's status comes with the next sync
    assert window.outbox_label.text() == "4 verzonden"
    assert not editor.send_check.isEnabled() and editor.send_check.isChecked()

    close(dialog, qtbot)
    assert window.editor.finding_id == ids["none"] and status(window.editor).startswith("Verzonden als")

    # the server's status, and its changes, come back with the next sync
    close(sync_in_window(window, qtbot), qtbot)
    assert status(window.editor) == f"Verzonden als {request_id} · open"
    server.set_status(request_id, "in_progress", "Ploeg ingepland")
    close(sync_in_window(window, qtbot), qtbot)
    assert status(window.editor) == f"Verzonden als {request_id} · in_progress"

    # a finding the rule picked shows its own number
    editor = show(window, qtbot, ids["weeds_d"])
    weeds_id = next(r["service_request_id"] for r in server.stored() if ids["weeds_d"] in r["description"])
    assert status(editor).startswith(f"Verzonden als {weeds_id}")


def test_settings_choose_the_profile_and_keep_the_key_out_of_every_file(qtbot, app_window, tmp_path, mor_master,
                                                                          ui_data):
    profile_file = tmp_path / "gemeente.toml"
    profile_file.write_text(profile_toml("http://127.0.0.1:9/open311/v2"), encoding="utf-8")
    window, ids = open_window(app_window, tmp_path, mor_master)
    assert window.editor.sync_profile is None

    dialog = window.open_settings()
    assert dialog.profile_edit.objectName() == "syncProfilePath"
    assert not dialog.secret_edit.isEnabled()
    dialog.set_profile_path(profile_file)
    assert "Gemeente Voorbeeldstad" in dialog.profile_info.text()
    assert dialog.secret_edit.isEnabled() and dialog.secret_edit.placeholderText() == "nog niet opgeslagen"
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password
    dialog.secret_edit.setFocus()
    qtbot.keyClicks(dialog.secret_edit, API_KEY)
    qtbot.mouseClick(dialog.findChild(QAbstractButton, "settingsOk"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # `schouw sync` without --profile finds the same file
    assert sync_service.profile_path() == profile_file.resolve()
    assert window.editor.sync_profile is not None and window.editor.sync_profile.kind == "open311"
    profile = sync_service.load_profile()
    assert sync_service.secret_for(profile).reveal() == API_KEY

    # the field never shows it again, only that it is stored
    again = window.open_settings()
    assert again.profile_edit.text() == str(profile_file.resolve())
    assert again.secret_edit.text() == "" and again.secret_edit.placeholderText() == "opgeslagen"
    again.close()
    window.close()

    store = ui_data / "secrets.json"
    assert store.exists() and oct(store.stat().st_mode & 0o777) == "0o600"
    leaks = [p for p in [*ui_data.rglob("*"), *tmp_path.glob("*")]
             if p.is_file() and p != store and API_KEY.encode() in p.read_bytes()]
    assert leaks == []


def test_a_broken_profile_is_refused_in_the_settings(qtbot, app_window, tmp_path, mor_master, ui_data):
    broken = tmp_path / "kapot.toml"
    broken.write_text('name = "x"\nkind = "open311"\nbase_url = "http://example.org"\n', encoding="utf-8")
    window, _ = open_window(app_window, tmp_path, mor_master)
    dialog = window.open_settings()
    dialog.set_profile_path(broken)
    assert "https" in dialog.profile_info.text()
    qtbot.mouseClick(dialog.findChild(QAbstractButton, "settingsOk"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # not accepted: the problem is shown next to the field
    assert sync_service.chosen_profile_path() is None
    dialog.close()
