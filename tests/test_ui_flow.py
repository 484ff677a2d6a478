"""The whole field-app flow through the real widgets, found by objectName.

New project, street import, a round with its team, findings with levels and photos on
several streets, a deletion undone, streets marked as walked, then close and reopen and
find everything back in both the window and the project file.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import STREETS, close_message_boxes, jpeg_bytes  # noqa: E402
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent, QImage  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QTableView,
)

from schouw.store import open_project  # noqa: E402

pytest_plugins = ["conftest_ui"]

CTRL = Qt.KeyboardModifier.ControlModifier


def find(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    assert widget.accessibleName(), f"{name} has no accessibleName"
    return widget


def dialog(qtbot, name: str) -> QDialog:
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert found, f"dialog {name} is not open"
    qtbot.waitExposed(found[-1])
    return found[-1]


def street_row(window, name: str) -> int:
    table = window.findChild(QTableView, "streetList")
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, 1).data() == name:
            return row
    raise AssertionError(f"{name} not in the street list")


def click_street(qtbot, window, name: str) -> None:
    table = window.findChild(QTableView, "streetList")
    index = table.model().index(street_row(window, name), 1)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.waitUntil(lambda: window.findChild(object, "streetHeading").text() == name)


def shortcut(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier, target=None) -> None:
    """A key press as a user makes it: in the active window, on a widget with focus."""
    target = target or window.findChild(QTableView, "findingTable")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target.setFocus()
    qtbot.keyClick(target, key, modifier)


def drop_files(editor, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    import warnings

    from PySide6.QtGui import QDragEnterEvent

    with warnings.catch_warnings():  # PySide marks the only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPointF(20, 20).toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(editor, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(editor, drop)


def current_finding(window) -> str:
    return window.findings.current_finding_id()


def test_whole_walk(qtbot, app_window, tmp_path, streets_csv, photo_files, monkeypatch, ui_data):
    project_path = tmp_path / "wijkschouw.schouw"
    window = app_window(None)

    # -- 1. no project yet: the start page offers a new one --------------------------
    assert window.stack.currentWidget().objectName() == "startPage"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(project_path), ""))
    qtbot.mouseClick(find(window, QPushButton, "startNewProject"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None)
    assert project_path.exists()
    assert "Testproject" not in window.windowTitle() and "opgeslagen" in window.windowTitle()

    # -- 2. import the streets of a buurt -----------------------------------------------
    qtbot.mouseClick(find(window, QPushButton, "startImportStreets"), Qt.MouseButton.LeftButton)
    importer = dialog(qtbot, "streetImportDialog")
    find(importer, QLineEdit, "importFile").setText(str(streets_csv))
    buurt = find(importer, QComboBox, "importBuurt")
    buurt.setFocus()
    qtbot.keyClicks(buurt.lineEdit(), "Vogelbuurt")
    find(importer, QLineEdit, "importWijk").setText("Vogelwijk")
    qtbot.mouseClick(find(importer, QPushButton, "importOk"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not importer.isVisible())
    assert find(window, QPushButton, "startNewRound").isVisible()

    # -- 3. a round with its team -----------------------------------------------------------
    qtbot.mouseClick(find(window, QPushButton, "startNewRound"), Qt.MouseButton.LeftButton)
    rd = dialog(qtbot, "roundDialog")
    assert "Vogelbuurt" in find(rd, QComboBox, "roundBuurt").currentText()
    form_combo = find(rd, QComboBox, "roundForm")
    form_combo.setCurrentIndex(form_combo.findData("crow-beeldkwaliteit"))
    qtbot.keyClicks(find(rd, QLineEdit, "roundTitle"), "Voorjaarsschouw")
    team = [("Marieke de Boer", "Gemeente Voorbeeldstad", "gemeente"),
            ("Erik Jansen", "Politie", "politie"),
            ("Henk van der Meulen", "Bewonerscommissie", "bewoner")]
    for name, org, role in team:
        qtbot.keyClicks(find(rd, QLineEdit, "personName"), name)
        qtbot.keyClicks(find(rd, QLineEdit, "personOrganisation"), org)
        role_combo = find(rd, QComboBox, "personRole")
        role_combo.setCurrentIndex(role_combo.findData(role))
        qtbot.mouseClick(find(rd, QPushButton, "addPerson"), Qt.MouseButton.LeftButton)
    assert find(rd, QTableView, "teamTable").model().rowCount() == 3
    qtbot.mouseClick(find(rd, QPushButton, "startRound"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.ctx is not None)
    assert window.stack.currentWidget().objectName() == "walkSplitter"
    assert "Voorjaarsschouw" in window.windowTitle()
    streets = window.findChild(QTableView, "streetList")
    assert streets.model().rowCount() == len(STREETS)

    # -- 4. search as you type, accents ignored ----------------------------------------------
    search = find(window, QLineEdit, "streetSearch")
    shortcut(qtbot, window, Qt.Key.Key_F, CTRL)
    assert search.hasFocus()
    qtbot.keyClicks(search, "maxima")
    qtbot.waitUntil(lambda: streets.model().rowCount() == 1)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(object, "streetHeading").text() == "Koningin Máximalaan")
    search.clear()
    assert streets.model().rowCount() == len(STREETS)

    # -- 5. first street: a finding with a level, text and photos -------------------------------
    click_street(qtbot, window, "Merelstraat")
    shortcut(qtbot, window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: bool(current_finding(window)))
    first = current_finding(window)
    editor = window.editor
    element = find(window, QComboBox, "elementCombo")
    groen = element.findData("beplanting")
    assert groen >= 0
    element.setCurrentIndex(groen)
    element.activated.emit(groen)
    aspect = find(window, QComboBox, "aspectCombo")
    assert aspect.currentData() == "onkruid"
    shortcut(qtbot, window, Qt.Key.Key_4)  # level C
    qtbot.keyClicks(find(window, QLineEdit, "houseNumber"), "12a")
    text = window.findChild(object, "description")
    qtbot.keyClicks(text, "Onkruid tussen de heesters")
    assert editor.has_pending()
    assert "wordt opgeslagen" in window.windowTitle()
    qtbot.waitUntil(lambda: not editor.has_pending(), timeout=3000)  # the 300 ms debounce
    assert "opgeslagen" in window.windowTitle() and "wordt" not in window.windowTitle()
    with qtbot.waitSignal(editor.importFinished, timeout=30000):
        drop_files(editor, photo_files[:2])
    qtbot.waitUntil(lambda: find(window, object, "photoStrip").count() == 2)

    # the street list counts it, below the norm (C < B in a woongebied)
    row = street_row(window, "Merelstraat")
    src = window.streets.model
    status = src.street(src.row_of(window.streets.current_street_id()))
    assert (status.findings, status.below_norm) == (1, 1)
    assert streets.model().index(row, 3).data() == "1"

    # a second finding on the same street with an action, photo from the clipboard
    qtbot.mouseClick(find(window, QPushButton, "newFinding"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: current_finding(window) not in ("", first))
    second = current_finding(window)
    assert element.currentData() == "beplanting"  # the item last used is offered again
    qtbot.mouseClick(find(window, QPushButton, "levelButtons_B"), Qt.MouseButton.LeftButton)
    action_box = window.findChild(object, "actionBox")
    action_box.setChecked(True)
    party = find(window, QComboBox, "actionParty")
    qtbot.keyClicks(party.lineEdit(), "Team Groen")
    QApplication.clipboard().setImage(QImage.fromData(jpeg_bytes(42)))
    with qtbot.waitSignal(editor.importFinished, timeout=30000):
        qtbot.mouseClick(find(window, QPushButton, "pastePhoto"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find(window, object, "photoStrip").count() == 1)
    qtbot.waitUntil(lambda: not editor.has_pending(), timeout=3000)
    status = src.street(src.row_of(window.streets.current_street_id()))
    assert (status.findings, status.below_norm) == (2, 1)

    # -- 6. next street with the keyboard; a third finding via the file dialog -----------------
    shortcut(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: window.findChild(object, "streetHeading").text() == "Lijsterstraat")
    shortcut(qtbot, window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: current_finding(window) not in ("", first, second))
    third = current_finding(window)
    shortcut(qtbot, window, Qt.Key.Key_D)  # letter D = level D
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(photo_files[2]), str(photo_files[3])], ""))
    with qtbot.waitSignal(editor.importFinished, timeout=30000):
        qtbot.mouseClick(find(window, QPushButton, "addPhoto"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find(window, object, "photoStrip").count() == 2)

    # -- 7. delete it, undo the deletion, and redo/undo once more ------------------------------
    shortcut(qtbot, window, Qt.Key.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: window.findings.model.rowCount() == 0)
    with open_project_readonly(project_path) as rows:
        assert third not in rows
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: current_finding(window) == third)
    assert find(window, object, "photoStrip").count() == 2
    assert window.findChild(object, "levelButtons_D").isChecked()

    # a text edit is undone as one step
    qtbot.keyClicks(find(window, QLineEdit, "spot"), "bij de brug")
    qtbot.waitUntil(lambda: not editor.has_pending(), timeout=3000)
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: find(window, QLineEdit, "spot").text() == "")
    shortcut(qtbot, window, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: find(window, QLineEdit, "spot").text() == "bij de brug")

    # -- 8. mark streets as walked -------------------------------------------------------------
    qtbot.mouseClick(find(window, QPushButton, "streetDone"), Qt.MouseButton.LeftButton)  # Lijsterstraat
    click_street(qtbot, window, "Merelstraat")
    shortcut(qtbot, window, Qt.Key.Key_Return, CTRL)  # done, to the next open street
    qtbot.waitUntil(lambda: window.findChild(object, "streetHeading").text() == "Spreeuwenlaan")
    assert window.findChild(object, "statDone").text() == f"2/{len(STREETS)}"
    assert window.findChild(object, "statFindings").text() == "3"
    assert window.findChild(object, "statBelow").text() == "2"
    round_id = window.session.ctx.round.id

    # -- 9. close, reopen (the last project opens by itself) and find everything back -----------
    window.close()
    assert not Path(str(project_path) + ".lock").exists() or _unlocked(project_path)
    again = app_window(None)
    assert again.session is not None and again.session.ctx.round.id == round_id
    assert again.findChild(object, "statDone").text() == f"2/{len(STREETS)}"
    click_street(qtbot, again, "Merelstraat")
    assert again.findings.model.rowCount() == 2
    again.findings.select_finding(first)
    assert find(again, QLineEdit, "houseNumber").text() == "12a"
    assert again.findChild(object, "description").toPlainText() == "Onkruid tussen de heesters"
    assert again.findChild(object, "levelButtons_C").isChecked()
    assert find(again, object, "photoStrip").count() == 2
    again.findings.select_finding(second)
    assert find(again, QComboBox, "actionParty").currentText() == "Team Groen"
    assert again.findChild(object, "actionBox").isChecked()
    again.close()

    with open_project(project_path) as project:
        participants = project.rounds.participants(round_id)
        assert sorted((p.name, p.role) for p in participants) == sorted((n, r) for n, _o, r in team)
        findings = {f.id: f for f in project.findings.models(round_id)}
        assert set(findings) == {first, second, third}
        assert findings[first].level.value == "C" and findings[first].element == "beplanting"
        assert findings[third].spot == "bij de brug"
        assert len(project.photos.for_finding(first)) == 2
        assert len(project.photos.for_finding(second)) == 1
        assert len(project.photos.for_finding(third)) == 2
        assert project.photos.blob(project.photos.for_finding(first)[0].id, "thumb")
        assert project.actions.for_finding(second).party == "Team Groen"
        assert len(project.rounds.done_streets(round_id)) == 2
    assert not close_message_boxes()


class open_project_readonly:
    """Live finding ids, read with a plain SQLite connection while the app holds the lock."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> set[str]:
        import sqlite3

        self.conn = sqlite3.connect(self.path)
        return {r[0] for r in self.conn.execute("SELECT id FROM findings WHERE deleted_at IS NULL")}

    def __exit__(self, *exc) -> None:
        self.conn.close()


def _unlocked(path: Path) -> bool:
    from filelock import FileLock, Timeout

    lock = FileLock(str(path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return False
    lock.release()
    return True
