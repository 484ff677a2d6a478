"""The Kwaliteitsprofiel dialog with the real main window: a norm changed in the table
is stored and logged, the walk's below-norm counts follow at once, undo puts it back,
and D or a bad value is refused with one message and nothing changed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from conftest_ui import close_message_boxes, message_boxes  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDoubleSpinBox, QTableWidget, QWidget  # noqa: E402

from schouw.domain.levels import Level  # noqa: E402
from schouw.domain.profile import AREA_TYPES  # noqa: E402
from schouw.services import profiles  # noqa: E402

pytest_plugins = ["conftest_ui"]


def walk_rows(window, street_id):
    from schouw.services import walk

    return walk.finding_rows(window.session.project, window.session.ctx, street_id)


def test_norm_changed_in_the_table_is_stored_logged_shown_and_undoable(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    window.open_round(info["round"])
    below = window.findChild(QWidget, "statBelow")
    # asfalt.onkruid in woongebied, norm B: the C and D findings are below
    assert below.text() == "4"
    street = info["streets"]["Merelstraat"]
    window.streets.select_street(street)
    finding = next(r for r in walk_rows(window, street) if r.level is Level.A)
    window.findings.select_finding(finding.id)
    norm_label = window.findChild(QWidget, "normLabel")
    qtbot.waitUntil(lambda: norm_label.text() == "norm B (woongebied)")
    action = window.actions_by_name["actProfile"]
    assert action.isEnabled() and action in window.round_menu.actions()
    action.trigger()
    dialog = window.findChild(QWidget, "profileDialog")
    assert dialog is not None and dialog.isVisible()

    row = dialog.profile_row("aspect", "asfalt.onkruid")
    col = 1 + AREA_TYPES.index("woongebied")
    cell = dialog.table.item(row, col)
    assert cell.text() == "B" and cell.font().italic()  # inherited from the default norm
    cell.setData(Qt.ItemDataRole.EditRole, "A")

    project = window.session.project
    assert profiles.project_profile(project)[1].norm("asfalt", "onkruid", "woongebied") is Level.A
    log = profiles.change_log(project)
    assert [(c.key, c.area_type, c.old, c.new, c.source) for c in log] == [
        ("aspect:asfalt.onkruid", "woongebied", "", "A", "dialoog")]
    assert dialog.log_table.rowCount() == 1 and dialog.log_table.item(0, 5).text() == "A"
    assert dialog.log_table.item(0, 2).text() == "Asfaltverharding — Onkruid"
    assert dialog.table.item(row, col).font().bold()
    assert below.text() == "6"  # now B is below too, without reopening the round
    assert norm_label.text() == "norm A (woongebied)"  # the open finding's norm too

    dialog.undo_button.click()
    assert profiles.project_profile(project)[1].norm("asfalt", "onkruid", "woongebied") is Level.B
    assert len(profiles.change_log(project)) == 2 and below.text() == "4"
    assert not dialog.undo_button.isEnabled()


def test_editor_never_offers_d_and_bad_values_change_nothing(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    window.open_round(info["round"])
    dialog = window.edit_profile()
    row = dialog.profile_row("aspect", "asfalt.onkruid")
    index = dialog.table.model().index(row, 1)
    editor = dialog.table.itemDelegate().createEditor(dialog.table.viewport(), None, index)
    values = [editor.itemData(i) for i in range(editor.count())]
    assert "D" not in values and values[:4] == ["A+", "A", "B", "C"] and values[-1] == "-"
    default_row = dialog.profile_row("default", "")
    default_editor = dialog.table.itemDelegate().createEditor(dialog.table.viewport(), None,
                                                              dialog.table.model().index(default_row, 1))
    assert "-" not in [default_editor.itemData(i) for i in range(default_editor.count())]

    before = profiles.project_profile(window.session.project)[1]
    assert not dialog.set_norm("aspect", "asfalt.onkruid", "woongebied", "D")
    qtbot.waitUntil(lambda: bool(message_boxes()))
    assert any("D is nooit een norm" in t for t in close_message_boxes())
    assert profiles.project_profile(window.session.project)[1] == before
    assert profiles.change_log(window.session.project) == []

    spin = dialog.findChild(QDoubleSpinBox, "target_schoon")
    spin.setValue(95)
    spin.editingFinished.emit()
    assert profiles.project_profile(window.session.project)[1].target_for("schoon") == 0.95

    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QComboBox, QTableWidget, QDoubleSpinBox)) and widget.isVisible():
            assert widget.objectName() and widget.accessibleName(), widget
