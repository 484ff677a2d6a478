"""The export, import and conflicts dialogs: real projects, real packages, the worker
thread, and every interactive widget named for assistive technology and tests."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
)
from test_exchange_helpers import new_project, seed_round  # noqa: E402

from schouw.services.exchange import export_package, import_package, list_conflicts  # noqa: E402
from schouw.ui.export_dialog import ConflictsDialog, ExportDialog, ImportDialog  # noqa: E402

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView, QProgressBar)


def assert_named(dialog):
    from PySide6.QtWidgets import QWidget

    widgets = [w for w in dialog.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    assert widgets
    for widget in widgets:
        if inside_composite(widget, dialog):
            continue  # Qt's own parts of a composite widget (a table's scroll bars, a combo's list)
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()


def inside_composite(widget, dialog) -> bool:
    parent = widget.parent()
    while parent is not None and parent is not dialog:
        if isinstance(parent, INTERACTIVE):
            return True
        parent = parent.parent()
    return False


def test_export_then_import_with_progress(qtbot, tmp_path):
    source = new_project(tmp_path / "bron.schouw", "dev-bron")
    round_id = seed_round(source, findings=3)
    dialog = ExportDialog(source, round_id)
    qtbot.addWidget(dialog)
    assert_named(dialog)
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.file_edit.setText(str(tmp_path / "pakket.zip"))
    dialog.anonymous.setChecked(True)
    with qtbot.waitSignal(dialog.finished_task, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.start_button, qtbot_left())
    assert blocker.args == [True], dialog.error_text
    assert (tmp_path / "pakket.zip").exists() and "Pakket gemaakt" in dialog.status.text()
    assert seen and dialog.start_button.isEnabled()
    source.close()

    target = new_project(tmp_path / "doel.schouw", "dev-doel")
    imp = ImportDialog(target)
    qtbot.addWidget(imp)
    assert_named(imp)
    imp.file_edit.setText(str(tmp_path / "pakket.zip"))
    with qtbot.waitSignal(imp.finished_task, timeout=20000) as blocker:
        imp.start()
    assert blocker.args == [True], imp.error_text
    assert "Geïmporteerd" in imp.status.text()
    assert len(target.findings.models(round_id)) == 3
    target.close()


def test_import_of_a_bad_file_says_why(qtbot, tmp_path):
    target = new_project(tmp_path / "doel.schouw", "dev-doel")
    bad = tmp_path / "kapot.zip"
    bad.write_bytes(b"PK\x03\x04 kapot")
    imp = ImportDialog(target)
    qtbot.addWidget(imp)
    imp.file_edit.setText(str(bad))
    with qtbot.waitSignal(imp.finished_task, timeout=20000) as blocker:
        imp.start()
    assert blocker.args == [False]
    assert "geweigerd" in imp.status.text() and "niets veranderd" in imp.status.text()
    target.close()


def test_conflicts_view_flips(qtbot, tmp_path):
    coord = new_project(tmp_path / "c.schouw", "dev-c")
    round_id = seed_round(coord, findings=2)
    start = export_package(coord, round_id, tmp_path / "start.zip").path
    finding = coord.findings.models(round_id)[0]
    coord.findings.update(finding.id, description="Coördinator")
    with new_project(tmp_path / "t.schouw", "team") as team:
        import_package(team, start)
        team.findings.update(finding.id, description="Team")
        back = export_package(team, round_id, tmp_path / "back.zip").path
    import_package(coord, back)
    assert len(list_conflicts(coord)) == 1

    dialog = ConflictsDialog(coord)
    qtbot.addWidget(dialog)
    assert_named(dialog)
    from PySide6.QtTest import QAbstractItemModelTester

    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.model.rowCount() == 1 and not dialog.flip_button.isEnabled()
    dialog.table.selectRow(0)
    detail = dialog.detail.toPlainText()
    assert dialog.flip_button.isEnabled()
    # in the coordinator's words: the item's name, who made each version, Dutch field names
    form = coord.forms.get(coord.rounds.get(round_id).form_key)
    element, aspect = form.find(finding.element, finding.aspect)
    assert f"{element.name} — {aspect.name}" in detail
    assert "Bewaard: de versie uit het pakket (team, " in detail
    assert "Opzij: de versie uit dit project (dev-c, " in detail
    assert "omschrijving:  Team    (opzij: Coördinator)" in detail
    dialog.flip_button.click()
    assert coord.findings.get(finding.id).description == "Coördinator"
    assert dialog.model.data(dialog.model.index(0, 5)) == "1"
    coord.close()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_export_proposes_a_file_and_asks_before_replacing_one(qtbot, tmp_path, monkeypatch):
    source = new_project(tmp_path / "bron.schouw", "dev-bron")
    round_id = seed_round(source, findings=2)
    dialog = ExportDialog(source, round_id)
    qtbot.addWidget(dialog)
    proposed = dialog.file_edit.text()
    assert proposed.startswith(str(tmp_path / "Vogelbuurt-2026-10-13_pakket-")) and proposed.endswith(".zip")

    with qtbot.waitSignal(dialog.finished_task, timeout=20000) as blocker:
        dialog.start()
    assert blocker.args == [True], dialog.error_text
    made = tmp_path / proposed
    first = made.stat().st_mtime_ns

    asked = []
    monkeypatch.setattr(dialog, "confirm_replace", lambda name: asked.append(name) or False)
    dialog.start()  # the same name again: the user says no
    assert asked == [made.name] and dialog.task is None
    assert "Niet geëxporteerd" in dialog.status.text() and made.stat().st_mtime_ns == first

    own = str(tmp_path / "mijn-pakket.zip")
    dialog.file_edit.setText(own)
    dialog.round_combo.currentIndexChanged.emit(0)  # a round change keeps the user's own name
    assert dialog.file_edit.text() == own
    source.close()


def _two_laptops(tmp_path):
    """Team A's package, and the coordinator's own round of the same buurt and date."""
    with new_project(tmp_path / "a.schouw", "team-a") as a:
        round_a = seed_round(a, findings=2)
        package = export_package(a, round_a, tmp_path / "a.zip").path
    coord = new_project(tmp_path / "c.schouw", "dev-c")
    return coord, seed_round(coord, findings=2), round_a, package


def _answer(qtbot, button_name: str) -> None:
    """Click a button of the question box as soon as it is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        assert box.objectName() == "sameDayRoundQuestion" and box.accessibleName()
        for button in box.findChildren(QPushButton):
            if button.text():
                assert button.objectName() and button.accessibleName()
        box.findChild(QPushButton, button_name).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize("answer", ["sameDayMerge0", "sameDaySeparate", "sameDayCancel"])
def test_import_asks_before_merging_a_round_of_the_same_buurt_and_date(qtbot, tmp_path, answer):
    coord, round_c, round_a, package = _two_laptops(tmp_path)
    imp = ImportDialog(coord)
    qtbot.addWidget(imp)
    imp.file_edit.setText(str(package))
    _answer(qtbot, answer)
    with qtbot.waitSignal(imp.finished_task, timeout=20000) as blocker:
        imp.start()
    rounds = {r["id"] for r in coord.rounds.list()}
    if answer == "sameDayMerge0":
        assert blocker.args == [True], imp.error_text
        assert rounds == {round_c} and len(coord.findings.models(round_c)) == 2  # both walked the same 2 points
        assert "Samengevoegd" in imp.status.text()
    elif answer == "sameDaySeparate":
        assert blocker.args == [True], imp.error_text
        assert rounds == {round_c, round_a} and len(coord.findings.models(round_a)) == 2
    else:
        assert blocker.args == [False] and rounds == {round_c}
        assert "niets veranderd" in imp.status.text()
    coord.close()
