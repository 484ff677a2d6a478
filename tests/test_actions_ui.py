"""Actions followed by hand in the app (issue #15.1): the status panel in the finding
editor (refusals shown, nothing changed; undo and redo through the window's stack), an
action owned by MOR shown read-only, the Actiepunten view (model tester, filters,
double-click to the walk) and the overdue count in the status bar."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

pytest.register_assert_rewrite("conftest_ui")
from conftest_ui import build_project, close_message_boxes  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402
from PySide6.QtWidgets import QAbstractSpinBox, QWidget  # noqa: E402
from test_exchange_ui import INTERACTIVE  # noqa: E402

from schouw.domain.actions import ActionStatus  # noqa: E402
from schouw.services import walk  # noqa: E402
from schouw.store import open_project  # noqa: E402

pytest_plugins = ["conftest_ui"]


def assert_named(dialog) -> None:
    """Every interactive widget has an objectName and an accessibleName (Qt's own parts
    of a composite widget, such as a date edit's line edit, excepted)."""
    def composite(widget) -> bool:
        parent = widget.parent()
        while parent is not None and parent is not dialog:
            if isinstance(parent, (*INTERACTIVE, QAbstractSpinBox)):
                return True
            parent = parent.parent()
        return False

    widgets = [w for w in dialog.findChildren(QWidget) if isinstance(w, (*INTERACTIVE, QAbstractSpinBox))]
    assert widgets
    for widget in widgets:
        if not composite(widget):
            assert widget.objectName() and widget.accessibleName(), widget


@pytest.fixture
def with_actions(tmp_path):
    """The small project with actions on its C and D findings; one overdue, one sent to MOR."""
    path = tmp_path / "acties.schouw"
    info = build_project(path)
    with open_project(path) as project:
        findings = [f for f in project.findings.models(info["round"]) if f.level and f.level.value in ("C", "D")]
        for n, f in enumerate(findings):
            walk.set_action(project, f.id, wanted=True, party="Woonstichting" if n % 2 else "Politie",
                            due=date(2026, 5, 15) if n == 0 else date(2099, 1, 1))
        mor = project.actions.for_finding(findings[1].id)
        project.actions.update(mor.id, mor_id="MOR-9")
    return path, info, [f.id for f in findings]


def _status(path, finding_id):
    with open_project(path, readonly=True) as project:
        action = project.actions.for_finding(finding_id)
        return action.status, len(project.actions.history(action.id))


def _show(window, info, finding_id):
    with open_project(window.session.project.path, readonly=True) as p:
        street = p.findings.one(finding_id).street_id
    window.reveal(street, finding_id)
    assert window.editor.finding_id == finding_id


def test_status_panel_sets_refuses_and_undoes(app_window, qtbot, with_actions):
    path, info, ids = with_actions
    window = app_window(path)
    window.open_round(info["round"])
    _show(window, info, ids[0])
    panel = window.editor.action_status
    assert panel.isVisible() and panel.objectName() and panel.accessibleName()
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("afgewezen"))
    panel.apply()  # no reason: refused, shown, nothing changed
    assert any("reden" in t for t in close_message_boxes())
    assert _status(path, ids[0]) == (ActionStatus.OPEN, 1)
    panel.note_edit.setText("Geen budget dit jaar")
    panel.apply()
    assert _status(path, ids[0]) == (ActionStatus.REJECTED, 2)
    assert "Geen budget dit jaar" in panel.history_label.text()
    assert "1 actiepunt verlopen" not in window.overdue_label.text()  # the overdue one is closed now
    window.undo()
    assert _status(path, ids[0]) == (ActionStatus.OPEN, 3)  # undo is a new entry back
    assert "1 actiepunt verlopen" in window.overdue_label.text()
    window.redo()
    assert _status(path, ids[0]) == (ActionStatus.REJECTED, 4)
    # an action sent to MOR: read-only, the status comes from the municipality
    _show(window, info, ids[1])
    assert "status komt van de gemeente" in panel.state_label.text()
    assert not panel.set_button.isEnabled() and not panel.status_combo.isEnabled()


def test_actions_view_filters_and_opens_the_finding(app_window, qtbot, with_actions):
    path, info, ids = with_actions
    window = app_window(path)
    window.open_round(info["round"])
    assert "1 actiepunt verlopen" in window.overdue_label.text()
    dialog = window.show_actions()
    qtbot.addWidget(dialog)
    assert_named(dialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.model.rowCount() == len(ids)
    dialog.overdue_check.setChecked(True)
    assert [r.finding_id for r in dialog.model.rows] == [ids[0]]
    assert "verlopen" in dialog.model.index(0, 4).data()
    assert dialog.model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
    dialog.overdue_check.setChecked(False)
    dialog.party_combo.setCurrentIndex(dialog.party_combo.findData("Woonstichting"))
    assert {r.party for r in dialog.model.rows} == {"Woonstichting"}
    dialog.party_combo.setCurrentIndex(0)
    # the status set in the view reaches the walk's editor through the hub
    row = next(i for i, r in enumerate(dialog.model.rows) if r.finding_id == ids[0])
    dialog.table.selectRow(row)
    assert dialog.panel.finding_id == ids[0]
    dialog.panel.status_combo.setCurrentIndex(dialog.panel.status_combo.findData("afgehandeld"))
    dialog.panel.apply()
    assert _status(path, ids[0])[0] is ActionStatus.DONE
    assert window.overdue_label.text() == ""
    assert dialog.model.rows[row].status is ActionStatus.DONE
    # double-click: the finding in the walk
    other = next(i for i, r in enumerate(dialog.model.rows) if r.finding_id == ids[-1])
    dialog.table.doubleClicked.emit(dialog.model.index(other, 0))
    assert window.editor.finding_id == ids[-1]


def test_actions_view_in_english(app_window, qtbot, with_actions):
    from schouw.ui import app as app_module
    from schouw.ui.prefs import Preferences

    path, info, ids = with_actions
    window = app_module.start(Preferences(language="en"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_initial(path)
    window.open_round(info["round"])
    dialog = window.show_actions()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Actions"
    assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "Responsible party"
    assert "1 action overdue" in window.overdue_label.text()
    assert dialog.count_label.text() == f"{len(ids)} actions, 1 of them overdue"
    window.close()
