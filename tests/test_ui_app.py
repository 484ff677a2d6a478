"""The app around the walk: refusing bad files politely, language, the error hook,
keyboard levels, photo import cancel and refusal, the camera button, report menu."""

from __future__ import annotations

import os
import sqlite3
import sys
import types

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import close_message_boxes, jpeg_bytes, message_boxes  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QTableView  # noqa: E402

from schouw.store import open_project  # noqa: E402

pytest_plugins = ["conftest_ui"]

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier, target=None):
    target = target or window.findChild(QTableView, "findingTable")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target.setFocus()
    qtbot.keyClick(target, key, modifier)


def level_of(path, finding_id):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT level, not_applicable FROM findings WHERE id = ?", (finding_id,)).fetchone()
    finally:
        conn.close()


# -- files the app must refuse with a Dutch sentence ------------------------------------------
def test_locked_project_is_refused_politely(qtbot, app_window, small_project):
    path, _info = small_project
    holder = open_project(path)  # another window/process has it open
    try:
        window = app_window(path)
        qtbot.waitUntil(lambda: bool(message_boxes()))
        texts = close_message_boxes()
        assert any("al geopend" in t for t in texts), texts
        assert window.session is None
        assert window.stack.currentWidget().objectName() == "startPage"
    finally:
        holder.close()
    window.open_path(str(path))
    assert window.session is not None  # once free, it opens


def test_foreign_and_newer_files_are_refused(qtbot, app_window, tmp_path, small_project):
    foreign = tmp_path / "boodschappen.schouw"
    foreign.write_text("melk, brood, kaas\n", encoding="utf-8")
    other_db = tmp_path / "ander.schouw"
    conn = sqlite3.connect(other_db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    newer, _ = small_project
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    window = app_window(None)
    for path, words in ((foreign, "geen schouw-projectbestand"), (other_db, "geen schouw-projectbestand"),
                        (newer, "nieuwere versie")):
        assert not window.open_path(str(path))
        qtbot.waitUntil(lambda: bool(message_boxes()))
        texts = close_message_boxes()
        assert any(words in t for t in texts), texts
        assert window.session is None
    assert sqlite3.connect(newer).execute("PRAGMA user_version").fetchone()[0] == 999  # untouched


# -- the last project opens by itself; recent menu -------------------------------------------------
def test_recent_projects(qtbot, app_window, tmp_path, small_project):
    from conftest_ui import build_project

    first, _ = small_project
    second = tmp_path / "tweede.schouw"
    build_project(second)
    window = app_window(first)
    assert window.open_path(str(second))
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert str(second.resolve()) in texts[0] and str(first.resolve()) in texts[1]
    window.close()
    again = app_window(None)
    assert again.session is not None and again.session.project.path == second.resolve()


# -- language ----------------------------------------------------------------------------------
def test_switch_to_english_and_back(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    assert window.menuBar().actions()[0].text() == "&Bestand"
    dialog = window.open_settings()
    combo = dialog.findChild(QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "settingsOk"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&Street", "&Round", "&Help"]
    assert window.findChild(QPushButton, "newFinding").text() == "+ New finding"
    assert "saved" in window.windowTitle()
    assert window.findChild(QLineEdit, "streetSearch").placeholderText().startswith("Find street")
    # messages from the layers below follow the language too
    from schouw.messages import SchouwError

    assert "does not exist" in SchouwError("project_missing", path="x").message()
    # the walk is where it was
    assert window.session.ctx is not None and window.streets.current_street_id()
    window.prefs.language = "nl"
    window.apply_language_and_size()
    assert window.menuBar().actions()[0].text() == "&Bestand"
    assert "bestaat niet" in SchouwError("project_missing", path="x").message()


def test_bigger_text_keeps_the_walk(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    street = window.streets.current_street_id()
    finding = window.findings.current_finding_id()
    before = window.findChild(QPushButton, "newFinding").sizeHint().height()
    window.prefs.text_scale = 1.5
    window.apply_language_and_size()
    assert window.findChild(QPushButton, "newFinding").sizeHint().height() > before
    assert window.streets.current_street_id() == street and window.findings.current_finding_id() == finding
    window.prefs.text_scale = 1.0
    window.apply_language_and_size()


# -- the error hook ----------------------------------------------------------------------------------
def test_unexpected_error_is_logged_shown_and_work_kept(qtbot, app_window, small_project, ui_data):
    from schouw.ui import errors

    path, _ = small_project
    window = app_window(path)
    finding = window.findings.current_finding_id()
    text = window.findChild(object, "description")
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, " nog meer tekst")
    assert window.editor.has_pending()
    assert sys.excepthook is errors.handle_exception
    try:
        raise RuntimeError("kapot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    log = (ui_data / "logs" / "schouw.log").read_text(encoding="utf-8")
    assert "RuntimeError: kapot" in log and "Traceback" in log
    texts = close_message_boxes()
    assert any("Uw werk is opgeslagen" in t for t in texts), texts
    assert not window.editor.has_pending()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT description FROM findings WHERE id = ?", (finding,)).fetchone()[0].endswith(
        "nog meer tekst")
    conn.close()


# -- keyboard ------------------------------------------------------------------------------------------
def test_level_keys_and_letters(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    finding = window.findings.current_finding_id()
    for key, expected in ((Qt.Key.Key_1, ("A+", 0)), (Qt.Key.Key_5, ("D", 0)), (Qt.Key.Key_B, ("B", 0)),
                          (Qt.Key.Key_0, (None, 1)), (Qt.Key.Key_C, ("C", 0)), (Qt.Key.Key_Plus, ("A+", 0))):
        press(qtbot, window, key)
        assert level_of(path, finding) == expected, key
    # typing a digit in a text field types it; it does not change the level
    number = window.findChild(QLineEdit, "houseNumber")
    press(qtbot, window, Qt.Key.Key_3, target=number)
    assert number.text().endswith("3")
    assert level_of(path, finding) == ("A+", 0)
    # ... but Ctrl+digit works while typing
    press(qtbot, window, Qt.Key.Key_4, CTRL, target=number)
    assert level_of(path, finding) == ("C", 0)
    # and undo goes back step by step
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert level_of(path, finding) == ("A+", 0)


def test_undo_brings_you_back_to_the_street(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    window.streets.select_street(info["streets"]["Lijsterstraat"])
    finding = window.findings.current_finding_id()
    press(qtbot, window, Qt.Key.Key_5)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    assert window.streets.current_street_id() == info["streets"]["Spreeuwenlaan"]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.streets.current_street_id() == info["streets"]["Lijsterstraat"]
    assert window.findings.current_finding_id() == finding
    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.streets.current_street_id() == info["streets"]["Spreeuwenlaan"]
    press(qtbot, window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.streets.current_street_id() == info["streets"]["Lijsterstraat"]


def test_tab_order_goes_through_the_screen(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    names = []
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.findChild(QLineEdit, "streetSearch").setFocus()
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().objectName())
    order = ["hideDone", "streetList", "addStreet", "newFinding", "streetDone", "doneAndNext", "findingTable",
             "deleteFinding", "elementCombo", "aspectCombo"]
    positions = [names.index(n) for n in order]
    assert positions == sorted(positions), names


# -- photos -------------------------------------------------------------------------------------------
def test_cancelled_import_keeps_what_was_done(qtbot, app_window, small_project, tmp_path):
    path, _ = small_project
    window = app_window(path)
    finding = window.findings.current_finding_id()
    files = []
    for n in range(6):
        p = tmp_path / f"groot-{n}.jpg"
        p.write_bytes(jpeg_bytes(100 + n, size=(2400, 1800)))
        files.append(p)
    with qtbot.waitSignal(window.editor.importFinished, timeout=60000) as done:
        window.editor.add_photo_files(files)
        assert window.findChild(object, "photoProgress").isVisible()
        qtbot.mouseClick(window.findChild(QPushButton, "cancelImport"), Qt.MouseButton.LeftButton)
    added = done.args[1]
    assert added <= 1
    assert window.findChild(object, "photoStrip").count() == added
    conn = sqlite3.connect(path)
    stored = conn.execute("SELECT COUNT(*) FROM photos WHERE finding_id = ? AND deleted_at IS NULL",
                          (finding,)).fetchone()[0]
    conn.close()
    assert stored == added
    assert not window.findChild(object, "photoProgress").isVisible()


def test_refused_photo_gets_a_dutch_message(qtbot, app_window, small_project, tmp_path):
    path, _ = small_project
    window = app_window(path)
    bad = tmp_path / "kapot.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 dit is geen foto")
    good = tmp_path / "goed.jpg"
    good.write_bytes(jpeg_bytes(7))
    with qtbot.waitSignal(window.editor.importFinished, timeout=30000) as done:
        window.editor.add_photo_files([bad, good])
    assert done.args[1] == 1
    qtbot.waitUntil(lambda: bool(message_boxes()))
    texts = close_message_boxes()
    assert any("kapot.jpg" in t for t in texts), texts
    # undo takes the added photo away again, redo brings it back
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.findChild(object, "photoStrip").count() == 0
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert window.findChild(object, "photoStrip").count() == 1
    strip = window.findChild(object, "photoStrip")
    strip.setCurrentRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "removePhoto"), Qt.MouseButton.LeftButton)
    assert strip.count() == 0
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert strip.count() == 1


def test_camera_button_only_with_a_camera(qtbot, app_window, small_project, monkeypatch):
    from schouw.ui import camera

    path, _ = small_project
    window = app_window(path)
    button = window.findChild(QPushButton, "cameraButton")
    assert button is not None and button.accessibleName()
    assert button.isHidden() == (not camera.available())
    monkeypatch.setattr(camera, "available", lambda: False)
    window.apply_language_and_size()
    assert window.findChild(QPushButton, "cameraButton").isHidden()


# -- rounds, streets, team, report -----------------------------------------------------------------
def test_add_street_and_team(qtbot, app_window, small_project, monkeypatch):
    from schouw.ui import panels

    path, info = small_project
    window = app_window(path)
    monkeypatch.setattr(panels, "ask_street_name", lambda parent: "Nieuwe Steeg")
    qtbot.mouseClick(window.findChild(QPushButton, "addStreet"), Qt.MouseButton.LeftButton)
    assert window.findChild(object, "streetHeading").text() == "Nieuwe Steeg"
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert window.findings.model.rowCount() == 1

    window.edit_team()
    team = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "teamDialog" and w.isVisible())
    qtbot.waitExposed(team)
    table = team.findChild(QTableView, "teamTable")
    assert table.model().rowCount() == 1  # Marieke from build_project
    team.findChild(QLineEdit, "personName").setText("Fatma Yıldız")  # QTest types ASCII only
    qtbot.keyClicks(team.findChild(QLineEdit, "personOrganisation"), "Welzijn")
    qtbot.keyClick(team.findChild(QLineEdit, "personOrganisation"), Qt.Key.Key_Return)
    table.selectRow(0)
    qtbot.mouseClick(team.findChild(QPushButton, "removePerson"), Qt.MouseButton.LeftButton)
    team.close()
    people = window.session.project.rounds.participants(info["round"])
    assert [p.name for p in people] == ["Fatma Yıldız"]


def test_report_menu_opens_the_report_dialog(qtbot, app_window, small_project, monkeypatch):
    from PySide6.QtWidgets import QDialog

    path, info = small_project
    calls = []

    class FakeReportDialog(QDialog):
        def __init__(self, project, round_id, parent=None, kind="round"):
            super().__init__(parent)
            calls.append((project, round_id, parent, kind))

    fake = types.ModuleType("schouw.ui.report_dialog")
    fake.ReportDialog = FakeReportDialog
    monkeypatch.setitem(sys.modules, "schouw.ui.report_dialog", fake)
    window = app_window(path)
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu().objectName() == "menuRound")
    report = next(a for a in menu.actions() if a.objectName() == "actReport")
    report.setEnabled(True)
    report.trigger()
    assert calls and calls[0][0] is window.session.project and calls[0][1] == info["round"]
    assert calls[0][2] is window and calls[0][3] == "round"


def test_new_round_offers_recent_people(qtbot, app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    dialog = window.new_round()
    qtbot.waitExposed(dialog)
    recent = dialog.findChild(object, "recentPeople")
    assert recent.count() == 1 and "Marieke de Boer" in recent.item(0).text()
    recent.itemActivated.emit(recent.item(0))
    assert dialog.findChild(QTableView, "teamTable").model().rowCount() == 1
    qtbot.mouseClick(dialog.findChild(QPushButton, "startRound"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.ctx is not None and window.session.ctx.round.id == dialog.round_id)
    assert window.findChild(object, "statFindings").text() == "0"
    assert [p.name for p in window.session.project.rounds.participants(dialog.round_id)] == ["Marieke de Boer"]


def test_sociale_veiligheid_form_shows_choices(qtbot, app_window, tmp_path):
    from datetime import date

    from conftest_ui import build_project

    from schouw.services.rounds import create_round

    path = tmp_path / "sv.schouw"
    info = build_project(path, with_round=False)
    with open_project(path) as project:
        round_ = create_round(project, buurt="Vogelbuurt", form_id="sociale-veiligheid", when=date(2026, 6, 3))
    window = app_window(path)
    assert window.session.ctx.round.id == round_.id
    window.streets.select_street(info["streets"]["Merelstraat"])
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    editor = window.editor
    item = editor.session.ctx.item(editor._detail.finding.element, editor._detail.finding.aspect)
    if item[1].scale == "choice":
        assert editor.choice_bar.isVisibleTo(window) and not editor.level_bar.isVisibleTo(window)
        first = item[1].choices[0]
        qtbot.mouseClick(next(iter(editor.choice_bar.buttons().values())), Qt.MouseButton.LeftButton)
        assert editor.session.project.findings.get(editor.finding_id).choice == first
    else:
        assert not editor.level_bar.isVisibleTo(window)


def test_filtering_never_switches_the_street(qtbot, app_window, small_project):
    path, info = small_project
    window = app_window(path)
    window.streets.select_street(info["streets"]["Lijsterstraat"])
    finding = window.findings.current_finding_id()
    switched = []
    window.streets.streetSelected.connect(switched.append)
    search = window.findChild(QLineEdit, "streetSearch")
    qtbot.keyClicks(search, "kievit")
    assert window.streets.proxy.rowCount() == 1
    assert switched == [] and window.findings.current_finding_id() == finding
    # the next street counts from the street being walked, also while it is hidden
    search.clear()
    window.findChild(object, "hideDone").setChecked(True)
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # walked: hidden now, on to the next open street
    assert window.streets.current_street_id() == info["streets"]["Spreeuwenlaan"]
    names = [window.streets.proxy.index(r, 1).data() for r in range(window.streets.proxy.rowCount())]
    assert "Lijsterstraat" not in names
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo the walked mark: it comes back
    assert window.streets.current_street_id() == info["streets"]["Lijsterstraat"]
