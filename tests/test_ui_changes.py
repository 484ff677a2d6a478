"""What dialogs change reaches the walk screen through the change hub, and nothing else
does: closing a dialog that changed nothing keeps the undo history and the selection;
an import that changed the open round cuts the history and says why."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import close_message_boxes  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QTableView  # noqa: E402

from schouw.services.changes import Changes  # noqa: E402

pytest_plugins = ["conftest_ui"]

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier, target=None):
    target = target or window.findChild(QTableView, "findingTable")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target.setFocus()
    qtbot.keyClick(target, key, modifier)


def open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def level(window, finding_id):
    return window.session.project.findings.one(finding_id).level


DIALOGS = ["export_package", "import_package", "open_sync", "make_report", "open_settings", "new_round",
           "edit_team", "import_streets"]


def import_through_dialog(qtbot, window, package) -> QDialog:
    """Pakket importeren… as the coordinator does it, waiting for the merge to finish;
    the dialog stays open, as it does for the user."""
    window.import_package()
    dialog = window.findChild(QDialog, "packageImportDialog")
    dialog.file_edit.setText(str(package))
    with qtbot.waitSignal(dialog.finished_task, timeout=30000) as blocker:
        dialog.start()
    assert blocker.args == [True], dialog.error_text
    return dialog


def test_undo_survives_every_dialog_that_changed_nothing(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    window.streets.select_street(info["streets"]["Lijsterstraat"])
    finding = window.findings.current_finding_id()
    before = level(window, finding)
    press(qtbot, window, Qt.Key.Key_5)
    assert str(level(window, finding)) != str(before)
    stack = window.session.undo_stack
    index = stack.index()
    for name in DIALOGS:
        getattr(window, name)()
        qtbot.waitUntil(lambda: bool(open_dialogs()))
        dialog = open_dialogs()[-1]
        dialog.reject()
        qtbot.waitUntil(lambda: not open_dialogs())
        assert stack.index() == index and stack.canUndo(), f"{name} cut the undo history"
        assert window.streets.current_street_id() == info["streets"]["Lijsterstraat"], name
        assert window.findings.current_finding_id() == finding, name
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert level(window, finding) == before


def test_an_import_into_the_open_round_cuts_undo_and_says_why(qtbot, app_window, small_project, tmp_path):
    from schouw.services import exchange
    from schouw.store import open_project

    path, info = small_project
    other = tmp_path / "team2.schouw"
    shutil.copy(path, other)
    with open_project(other, device_id="dev-team2") as project:
        mine = project.findings.models(info["round"])[0]
        with project.write():
            from schouw.services import walk

            walk.edit_finding(project, walk.load_round(project, info["round"]), mine.id,
                              {"description": "van het andere team"})
        package = exchange.export_package(project, info["round"], tmp_path / "team2.zip").path

    window = app_window(path)
    window.reveal(mine.street_id, mine.id)
    assert window.editor.finding_id == mine.id
    press(qtbot, window, Qt.Key.Key_D, CTRL)  # street walked: an undoable step
    stack = window.session.undo_stack
    assert stack.canUndo()
    dialog = import_through_dialog(qtbot, window, package)
    # the round on screen has the other team's text, at once, with the dialog still open
    assert window.findChild(object, "description").toPlainText() == "van het andere team"
    assert not stack.canUndo()
    assert "Ongedaan maken is niet meer mogelijk" in window.statusBar().currentMessage()
    assert window.streets.current_street_id() == mine.street_id and window.editor.finding_id == mine.id
    dialog.reject()
    close_message_boxes()


def test_changes_say_when_undo_must_go():
    merged = Changes(findings=True, round_ids=frozenset({"r1"}))
    assert merged.cuts_undo("r1") and not merged.cuts_undo("r2")
    assert Changes(findings=True).cuts_undo("r2")  # round unknown: any round
    assert not Changes(outbox=True, actions=True).cuts_undo("r1")
    assert not Changes(streets=True).cuts_undo("r1")
    assert not Changes.NONE and Changes(sync_profile=True)
    both = Changes(outbox=True) | Changes(findings=True, round_ids=frozenset({"r1"}))
    assert both.outbox and both.findings and both.round_ids == {"r1"}


def test_an_import_into_another_round_keeps_undo(qtbot, app_window, small_project, tmp_path):
    """A package of another round changes nothing the walk's undo steps refer to."""
    from schouw.domain.models import Finding
    from schouw.services import exchange
    from schouw.services.rounds import create_round
    from schouw.store import open_project

    path, info = small_project
    other = tmp_path / "team2.schouw"
    shutil.copy(path, other)
    with open_project(other, device_id="dev-team2") as project:
        from datetime import date

        round_ = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when=date(2025, 5, 1),
                              title="Vorig jaar")
        project.findings.add(Finding(round_id=round_.id, street_id=info["streets"]["Merelstraat"],
                                     element="asfalt", aspect="onkruid", description="vorig jaar"))
        package = exchange.export_package(project, round_.id, tmp_path / "vorigjaar.zip").path

    window = app_window(path)
    window.open_round(info["round"])
    window.streets.select_street(info["streets"]["Lijsterstraat"])
    finding = window.findings.current_finding_id()
    press(qtbot, window, Qt.Key.Key_5)
    seen = []
    window.hub.changed.connect(lambda changes, initiator: seen.append(changes))
    dialog = import_through_dialog(qtbot, window, package)
    assert seen and seen[-1].rounds and seen[-1].findings and seen[-1].round_ids == {round_.id}
    assert window.session.undo_stack.canUndo() and window.findings.current_finding_id() == finding
    assert "Ongedaan" not in window.statusBar().currentMessage()
    dialog.reject()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.session.project.findings.one(finding).level.value != "D"


def test_the_walks_own_edits_reach_other_views_through_the_hub(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    window.streets.select_street(info["streets"]["Lijsterstraat"])
    seen = []
    window.hub.changed.connect(lambda changes, initiator: seen.append((changes, initiator)))
    press(qtbot, window, Qt.Key.Key_5)
    assert seen and all(initiator is window.session for _, initiator in seen)
    assert any(c.findings and c.round_ids == {info["round"]} for c, _ in seen)
    assert window.session.undo_stack.canUndo()  # the window does not cut its own history


def test_new_streets_join_the_open_round_and_undo_stays(qtbot, app_window, small_project, tmp_path):
    path, info = small_project
    csv = tmp_path / "erbij.csv"
    csv.write_text("straatnaam;woonplaats\nAppelhof;Voorbeeldstad\n", encoding="utf-8")
    window = app_window(path)
    window.streets.select_street(info["streets"]["Lijsterstraat"])
    finding = window.findings.current_finding_id()
    press(qtbot, window, Qt.Key.Key_5)
    window.import_streets()
    dialog = window.findChild(QDialog, "streetImportDialog")
    dialog.file_edit.setText(str(csv))
    dialog.buurt_combo.setEditText("Vogelbuurt")
    dialog.accept()
    qtbot.waitUntil(lambda: "toegevoegd" in window.statusBar().currentMessage())
    model = window.streets.table.model()
    assert "Appelhof" in [model.index(row, 1).data() for row in range(model.rowCount())]
    assert window.session.undo_stack.canUndo() and window.findings.current_finding_id() == finding
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.session.project.findings.one(finding).level.value == "C"
