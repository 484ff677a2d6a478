"""n.v.t. takes no priority and no action: the editor offers what the domain allows and
never leaves the walker with a choice that was silently refused."""

from __future__ import annotations

import os
import sqlite3

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import close_message_boxes, message_boxes  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QTableView  # noqa: E402

pytest_plugins = ["conftest_ui"]


def row(path, finding_id):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT level, not_applicable, priority FROM findings WHERE id = ?",
                            (finding_id,)).fetchone()
    finally:
        conn.close()


def press(qtbot, window, key):
    target = window.findChild(QTableView, "findingTable")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target.setFocus()
    qtbot.keyClick(target, key)


def test_nvt_clears_priority_and_locks_priority_and_action(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    editor = window.editor
    finding = window.findings.current_finding_id()
    editor.priority_bar.chosen.emit("hoog")
    assert row(path, finding)[2] == "hoog"
    assert editor.priority_bar.isEnabled() and editor.action_box.isEnabled()

    press(qtbot, window, Qt.Key.Key_0)  # n.v.t.
    assert row(path, finding) == (None, 1, "normaal")
    assert not editor.priority_bar.isEnabled() and not editor.action_box.isEnabled()
    assert "n.v.t." in editor.priority_bar.toolTip()
    assert editor.priority_bar.value() == "normaal"
    assert close_message_boxes() == []

    press(qtbot, window, Qt.Key.Key_3)  # level B again
    assert row(path, finding) == ("B", 0, "normaal")
    assert editor.priority_bar.isEnabled() and editor.action_box.isEnabled()


def test_an_action_prevents_nvt_with_a_clear_message(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    editor = window.editor
    finding = window.findings.current_finding_id()
    before = row(path, finding)
    editor.action_box.setChecked(True)
    qtbot.waitUntil(lambda: not editor.has_pending(), timeout=3000)
    assert window.session.project.actions.for_finding(finding) is not None

    press(qtbot, window, Qt.Key.Key_0)  # n.v.t.
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=3000)
    texts = close_message_boxes()
    assert any("haal eerst het actiepunt weg" in t for t in texts), texts
    assert row(path, finding) == before
    # the level bar shows what is stored, not the refused n.v.t.
    assert editor.level_bar.value() == before[0]
