"""The *Trajecten* window driven with pytest-qt on the demo project: the running traject
with its week and priorities, a priority added through its dialog (a refusal stays in the
dialog and changes nothing), an outcome set, closing refused while a priority is open, a
new traject that takes over what was not achieved, and the PDF."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")
pytest_plugins = ["conftest_ui"]

from datetime import date  # noqa: E402

from PySide6.QtGui import QKeySequence  # noqa: E402

from schouw.services import cycles as C  # noqa: E402

TODAY = date(2026, 12, 4)


def _open(window, qtbot):
    from schouw.ui.cycles_view import CyclesDialog

    dialog = CyclesDialog(window.session, window.hub, window, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.buurt_combo.setCurrentIndex(dialog.buurt_combo.findText("Havenkwartier"))
    return dialog


def _titles(dialog) -> list[str]:
    return [dialog.priorities.item(r, 1).text() for r in range(dialog.priorities.rowCount())]


def test_the_running_traject_its_priorities_and_adding_one(qtbot, app_window, demo_path):
    window = app_window(demo_path)
    assert QKeySequence("Ctrl+Shift+T") in window.actions_by_name["actCycles"].shortcuts()
    dialog = _open(window, qtbot)
    assert dialog.cycle_combo.count() == 2
    assert "najaar" in dialog.cycle_combo.currentText()
    assert "Veilig Havenkwartier najaar 2026" in dialog.summary.text()
    assert _titles(dialog)[:2] == ["Donkere plekken langs de kades", "Drugsoverlast bij de Veerhaven"]
    row = _titles(dialog).index("Inbraakpreventie in de portiekflats")
    dialog.priorities.setCurrentCell(row, 0)
    linked = dialog.view.priorities[row].actions
    assert linked and dialog.actions.rowCount() == len(linked)  # the actions linked to it
    assert dialog.actions.item(0, 2).text() == linked[0].party
    n = len(_titles(dialog))

    add = dialog.add_priority()
    add.kind_combo.setCurrentIndex(add.kind_combo.findData("bevinding"))
    add.title_edit.setText("Donkere brandgang")
    add.accept()  # no finding ticked: refused in the dialog
    assert add.isVisible() and add.error.isVisible() and "bevinding" in add.error.text()
    assert len(_titles(dialog)) == n
    add.findings_list.item(0).setCheckState(add.findings_list.item(0).checkState().Checked)
    add.accept()
    assert not add.isVisible()
    assert _titles(dialog)[-1] == "Donkere brandgang"  # the window learnt it from the hub

    outcome = dialog.set_outcome()
    outcome.outcome_combo.setCurrentIndex(outcome.outcome_combo.findData("deels"))
    outcome.note_edit.setPlainText("Half gedaan")
    outcome.accept()
    assert dialog.priorities.item(dialog.priorities.currentRow(), 4).text() == "deels bereikt"

    close = dialog.close_cycle()
    close.accept()  # other priorities have no outcome yet
    assert close.isVisible() and "nog geen uitkomst" in close.error.text()
    assert C.cycle_list(window.session.project, "Havenkwartier")[0]["status"] == "open"
    close.reject()


def test_evaluate_all_close_and_start_the_next_from_the_intake(qtbot, app_window, demo_path, tmp_path):
    window = app_window(demo_path)
    dialog = _open(window, qtbot)
    cycle_id = dialog.view.cycle.id
    for row in range(dialog.priorities.rowCount()):
        dialog.priorities.setCurrentCell(row, 0)
        outcome = dialog.set_outcome()
        outcome.outcome_combo.setCurrentIndex(outcome.outcome_combo.findData("bereikt" if row else "niet"))
        outcome.accept()
    close = dialog.close_cycle()
    close.note_edit.setPlainText("Afgerond")
    close.accept()
    assert not close.isVisible()
    assert not dialog.add_button.isEnabled() and dialog.pdf_button.isEnabled()
    pdf = dialog.save_pdf(str(tmp_path / "evaluatie.pdf"))
    assert pdf is not None and pdf.stat().st_size > 2000

    new = dialog.new_cycle()
    new.weeks_spin.setValue(0)
    new.accept()
    assert new.isVisible() and "minstens één week" in new.error.text()
    new.weeks_spin.setValue(8)
    new.title_edit.setText("Havenkwartier 2027")
    new.accept()
    assert not new.isVisible()
    assert dialog.view.cycle.title == "Havenkwartier 2027" and dialog.view.cycle.id != cycle_id
    assert _titles(dialog) == ["Donkere plekken langs de kades"]  # the one not achieved comes back
