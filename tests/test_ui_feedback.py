"""The terugkoppeling in the app: the finding editor's "Opmerking mag naar bewoners"
goes through the walk's edit use case (saved, one undo step), and *Ronde →
Terugkoppeling voor bewoners…* opens the report dialog on the feedback."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QCheckBox  # noqa: E402

pytest_plugins = ["conftest_ui"]


def test_the_publish_tick_is_saved_and_undone_like_any_edit(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    window.streets.select_street(info["streets"]["Lijsterstraat"])
    finding = window.findings.current_finding_id()
    check = window.findChild(QCheckBox, "publishRemark")
    assert check is not None and check.accessibleName() == "Opmerking mag naar bewoners"
    assert not check.isChecked() and not window.session.project.findings.one(finding).publishable
    check.click()
    assert window.session.project.findings.one(finding).publishable is True
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: not check.isChecked())
    assert window.session.project.findings.one(finding).publishable is False
    window.session.undo_stack.redo()
    qtbot.waitUntil(check.isChecked)
    assert window.session.project.findings.one(finding).publishable is True


def test_round_menu_opens_the_feedback(qtbot, app_window, small_project):
    path, _info = small_project
    window = app_window(path)
    action = window.actions_by_name["actFeedback"]
    assert action.isEnabled() and action in window.round_menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: any(w.objectName() == "reportDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "reportDialog" and w.isVisible())
    assert dialog.kind.currentData() == "terugkoppeling"
    dialog.close()
    window.actions_by_name["actReport"].trigger()  # the plain report still opens on the full report
    qtbot.waitUntil(lambda: any(w.objectName() == "reportDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "reportDialog" and w.isVisible())
    assert dialog.kind.currentData() == "round"
    dialog.close()
