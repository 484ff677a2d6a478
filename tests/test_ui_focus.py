"""The walker's next keystroke lands where it is needed: after Ctrl+N on the aspect,
after undo/redo and after marking a street walked on the finding list, after a dialog
back where it was; the status bar never keeps a message an undo made untrue."""

from __future__ import annotations

import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget  # noqa: E402

pytest_plugins = ["conftest_ui"]

CTRL = Qt.KeyboardModifier.ControlModifier


def focus_name() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else "<none>"


def key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the walker types it: into whatever has the focus now."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


@pytest.fixture
def walking(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    window.streets.select_street(info["streets"]["Lijsterstraat"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.findings.table.setFocus()
    qtbot.waitUntil(lambda: focus_name() == "findingTable")
    return window, info


def test_ctrl_n_keeps_the_element_not_the_aspect_and_lands_on_the_aspect(qtbot, walking):
    window, _ = walking
    previous = window.findings.current_finding_id()
    window.session.edit(previous, {"aspect": "vervuiling"}, "Aspect wijzigen")
    assert window.editor._detail.finding.aspect == "vervuiling"
    key(qtbot, window, Qt.Key.Key_N, CTRL)
    new = window.findings.current_finding_id()
    assert new != previous
    finding = window.session.project.findings.one(new)
    assert finding.element == "asfalt" and finding.aspect == "onkruid"  # the element's first, not the copy
    qtbot.waitUntil(lambda: focus_name() == "aspectCombo")
    assert "kies het aspect" in window.statusBar().currentMessage()
    key(qtbot, window, Qt.Key.Key_Down)  # the walker chooses the aspect ...
    assert window.session.project.findings.one(new).aspect == "zwerfafval"
    key(qtbot, window, Qt.Key.Key_3)  # ... and the level, without touching the mouse
    assert str(window.session.project.findings.one(new).level) in ("B", "Level.B")


def test_undo_says_what_it_undid_and_gives_the_keyboard_to_the_list(qtbot, walking):
    window, _ = walking
    finding = window.findings.current_finding_id()
    key(qtbot, window, Qt.Key.Key_Delete, CTRL)
    assert "Ctrl+Z haalt haar terug" in window.statusBar().currentMessage()
    window.streets.table.setFocus()  # the walker was somewhere else meanwhile
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.findings.current_finding_id() == finding
    message = window.statusBar().currentMessage()
    assert "Ctrl+Z haalt haar terug" not in message and message == "Ongedaan gemaakt: Bevinding verwijderen"
    qtbot.waitUntil(lambda: focus_name() == "findingTable")
    key(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert window.statusBar().currentMessage() == "Opnieuw gedaan: Bevinding verwijderen"
    assert focus_name() == "findingTable"


def test_ctrl_n_undone_does_not_leave_the_keyboard_nowhere(qtbot, walking):
    window, _ = walking
    key(qtbot, window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: focus_name() == "aspectCombo")
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert "Nieuwe bevinding" in window.statusBar().currentMessage()  # "Ongedaan gemaakt: Nieuwe bevinding"
    assert window.statusBar().currentMessage().startswith("Ongedaan gemaakt")
    qtbot.waitUntil(lambda: focus_name() == "findingTable")


def test_a_saved_level_then_a_walked_street_keeps_the_keyboard(qtbot, walking):
    window, info = walking
    level_buttons = [b for b in window.editor.level_bar.findChildren(QAbstractButton) if b.isVisible()]
    qtbot.mouseClick(level_buttons[1], Qt.MouseButton.LeftButton)  # saved at once
    assert focus_name().startswith("levelButtons")  # still where the walker clicked
    # walked, on to the next open street: the list of that street's findings
    key(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert window.streets.current_street_id() == info["streets"]["Spreeuwenlaan"]
    qtbot.waitUntil(lambda: focus_name() == "findingTable")
    # streets without findings: the editor empties, the keyboard must not go with it
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: focus_name() == "findingTable")
    assert not window.findings.model.finding_ids()
    key(qtbot, window, Qt.Key.Key_N, CTRL)  # and from there a new finding just works
    assert window.findings.model.finding_ids()


@pytest.mark.parametrize("opener", ["export_package", "import_package", "open_sync", "make_report",
                                    "open_settings", "new_round", "edit_team", "import_streets"])
def test_closing_a_dialog_gives_the_keyboard_back(qtbot, walking, opener):
    window, _ = walking
    for where in ("description", "findingTable", "streetList"):
        window.findChild(QWidget, where).setFocus()
        qtbot.waitUntil(lambda where=where: focus_name() == where)
        getattr(window, opener)()
        qtbot.waitUntil(lambda: any(isinstance(w, QDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()))
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        dialog.reject()
        qtbot.waitUntil(lambda: not any(isinstance(w, QDialog) and w.isVisible()
                                        for w in QApplication.topLevelWidgets()))
        qtbot.waitUntil(lambda where=where: focus_name() == where, timeout=2000)


def test_new_round_proposes_the_buurt_of_the_open_round(qtbot, app_window, small_project):
    from schouw.domain.models import Buurt, Street
    from schouw.services.rounds import create_round
    from schouw.store import open_project

    path, _ = small_project
    with open_project(path) as project:
        wijk = project.areas.wijken()[0]
        buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Zonnebuurt", area_type="woongebied"))
        project.areas.add_streets([Street(buurt_id=buurt.id, name="Zonnelaan", position=0)])
        round_ = create_round(project, buurt="Zonnebuurt", form_id="crow-beeldkwaliteit", when=date(2026, 6, 1),
                              title="Zonneronde")
    window = app_window(path)
    window.open_round(round_.id)
    dialog = window.new_round()
    qtbot.waitExposed(dialog)
    combo = dialog.findChild(object, "roundBuurt")
    assert combo.count() == 2 and combo.currentData() == buurt.id
    qtbot.mouseClick(dialog.findChild(QAbstractButton, "startRound"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.ctx.round.id == dialog.round_id)
    assert window.session.ctx.buurt.id == buurt.id
    qtbot.waitUntil(lambda: focus_name() == "streetList")  # a new round: pick a street


def test_enter_saves_a_field_and_goes_on_to_the_next(qtbot, walking):
    window, _ = walking
    editor = window.editor
    editor.number_edit.setFocus()
    editor.number_edit.selectAll()
    qtbot.keyClicks(editor.number_edit, "12a")
    qtbot.keyClick(editor.number_edit, Qt.Key.Key_Return)
    assert window.session.project.findings.one(editor.finding_id).house_number == "12a"  # saved
    assert focus_name() == "spot"
    qtbot.keyClicks(QApplication.focusWidget(), "bij de bank")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.session.project.findings.one(editor.finding_id).spot == "bij de bank"
    assert focus_name() == "description"
