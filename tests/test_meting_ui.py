"""The app side of a meting (issue #17): the new-round dialog's kind, points and seed
(refusals under their field, nothing made), the kind badge wherever a round is named,
and the meting walk screen driven with the keyboard: 1–5 and 0 judge and move on,
Ctrl+Enter finishes a point or names what is unjudged, Ctrl+Z / Ctrl+Y undo and redo,
and a change from outside reaches the screen through the change hub."""

from __future__ import annotations

import os
import sqlite3

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import message_boxes  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from schouw.domain.norms import judge  # noqa: E402
from schouw.services import points as P  # noqa: E402
from schouw.services.changes import Changes  # noqa: E402
from schouw.services.rounds import create_round  # noqa: E402
from schouw.store import open_project  # noqa: E402

pytest_plugins = ["conftest_ui"]

CTRL = Qt.KeyboardModifier.ControlModifier


def _counts(path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT COUNT(*) FROM rounds").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM schouwpunten").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def meting_project(small_project):
    """The small UI project (8 streets, a knelpunten round) with a meting of 6 points."""
    path, info = small_project
    with open_project(path) as project:
        round_ = create_round(project, buurt="Vogelbuurt", form_id="crow-meting", when="2026-06-01",
                              kind="meting", points=6, seed=11)
    info["meting"] = round_.id
    return path, info


def _walk(window, round_id):
    window.open_round(round_id)
    walk = window.meting_walk
    assert window.stack.currentWidget() is walk
    walk.focus_grid()
    return walk


def _key(qtbot, walk, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(walk.grid, key, modifier)


# -- the new-round dialog ---------------------------------------------------------------------------
def _dialog(window, kind: str, form: str = "crow-meting"):
    dialog = window.new_round()
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData(form))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    return dialog


def test_the_dialog_defaults_to_knelpuntenschouw_and_shows_points_and_seed_only_for_a_meting(
        app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    dialog = window.new_round()
    assert dialog.kind_combo.currentData() == "knelpunten"
    assert not dialog.points_spin.isVisible() and not dialog.seed_edit.isVisible()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("meting"))
    assert dialog.points_spin.isVisible() and dialog.seed_edit.isVisible()
    assert dialog.points_spin.value() == 100
    dialog.reject()


def test_the_dialog_makes_a_meting_with_its_points_and_seed_and_opens_its_walk(app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    dialog = _dialog(window, "meting")
    dialog.points_spin.setValue(9)
    dialog.seed_edit.setText("4242")
    dialog.start_button.click()
    round_ = window.session.ctx.round
    assert (str(round_.kind), round_.points_n, round_.seed) == ("meting", 9, 4242)
    assert len(window.session.project.points.rows(round_.id)) == 9
    assert window.stack.currentWidget() is window.meting_walk
    assert window.meting_walk.table.rowCount() == 9
    # the same draw as the CLI's: same buurt, points and seed give the same streets
    project = window.session.project
    with project.write():
        twin = create_round(project, buurt="Vogelbuurt", form_id="crow-meting", when="2026-06-02",
                            kind="meting", points=9, seed=4242)
    assert [r["street_id"] for r in project.points.rows(twin.id)] == \
           [r["street_id"] for r in project.points.rows(round_.id)]


@pytest.mark.parametrize("points, seed, field, words", [
    (100000, "", "points", "100000"),   # more than can be drawn
    (0, "", "points", "minstens 1"),
    (5, "zeven", "seed", "zeven"),       # no whole number
])
def test_a_refused_meting_is_shown_under_its_field_and_makes_nothing(app_window, small_project, points, seed,
                                                                      field, words):
    path, _ = small_project
    window = app_window(path)
    before = _counts(path)
    dialog = _dialog(window, "meting")
    dialog.points_spin.setValue(points)
    dialog.seed_edit.setText(seed)
    dialog.start_button.click()
    assert dialog.isVisible(), "the dialog stays open"
    assert not message_boxes()
    error = dialog.errors[field]
    assert error.isVisible() and words in error.text()
    assert all(not e.isVisible() for k, e in dialog.errors.items() if k != field)
    assert _counts(path) == before
    dialog.points_spin.setValue(7)  # changing the field takes the message away
    assert not error.isVisible()
    dialog.reject()


def test_a_meting_on_a_form_without_levels_is_refused_under_the_form(app_window, small_project):
    path, _ = small_project
    window = app_window(path)
    forms = [window.new_round().form_combo]
    without = next((forms[0].itemData(i) for i in range(forms[0].count())
                    if "veilig" in str(forms[0].itemData(i))), None)
    if without is None:
        pytest.skip("no sociale-veiligheid form shipped")
    before = _counts(path)
    dialog = _dialog(window, "meting", without)
    dialog.start_button.click()
    assert dialog.isVisible() and dialog.errors["form"].isVisible()
    assert _counts(path) == before
    dialog.reject()


# -- the kind badge -----------------------------------------------------------------------------------
def test_every_round_name_carries_its_kind(app_window, meting_project):
    path, info = meting_project
    window = app_window(path)
    walk = _walk(window, info["meting"])
    assert "(Meting)" in window.windowTitle()
    assert "Meting" in walk.heading.text()
    combo = window.streets.round_combo
    texts = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert texts[info["meting"]].endswith("Meting")
    assert texts[info["round"]].endswith("Knelpuntenschouw")
    window.open_round(info["round"])
    assert "(Knelpuntenschouw)" in window.windowTitle()
    assert window.stack.currentWidget() is window.splitter
    from schouw.ui.report_dialog import ReportDialog

    report = ReportDialog(window.session.project, info["meting"], window)
    from PySide6.QtWidgets import QLabel

    assert any("(Meting)" in lbl.text() for lbl in report.findChildren(QLabel))
    report.deleteLater()


# -- the walk screen ------------------------------------------------------------------------------------
def test_the_walk_lists_the_points_and_outlines_each_norm(app_window, meting_project):
    path, info = meting_project
    window = app_window(path)
    walk = _walk(window, info["meting"])
    project = window.session.project
    rows = project.points.rows(info["meting"])
    assert [walk.table.item(i, 0).text() for i in range(walk.table.rowCount())] == [str(r["n"]) for r in rows]
    assert walk.table.item(0, 1).text() == rows[0]["street"]
    point = walk.current_point()
    assert f"Schouwpunt {point.n}" in walk.location.text() and point.street in walk.location.text()
    ctx = window.session.ctx
    assert len(walk.grid.rows) == point.required > 0
    for index, row in enumerate(walk.grid.rows):
        for value, button in walk.grid.buttons[index].items():
            assert button.minimumHeight() >= 48 and button.minimumWidth() >= 48  # a finger
            assert button.property("norm") == (row.norm is not None and value == row.norm.value)
            if value != "n.v.t.":
                expected = judge(ctx.profile, row.element, row.aspect, value, False,
                                 ctx.area_type(point.street_id)).below
                assert button.property("below") == expected
    assert any(b.property("below") for cells in walk.grid.buttons for b in cells.values())


def test_keys_judge_the_current_row_and_move_on(qtbot, app_window, meting_project):
    path, info = meting_project
    window = app_window(path)
    walk = _walk(window, info["meting"])
    point = walk.current_point()
    _key(qtbot, walk, Qt.Key.Key_3)      # B
    _key(qtbot, walk, Qt.Key.Key_0)      # n.v.t.
    _key(qtbot, walk, Qt.Key.Key_1)      # A+
    _key(qtbot, walk, Qt.Key.Key_5)      # D
    assert [r.value for r in walk.grid.rows[:5]] == ["B", "n.v.t.", "A+", "D", None]
    assert walk.grid.current == 4
    stored = {(f.element, f.aspect): (f.level.value if f.level else None, f.not_applicable)
              for f in window.session.project.findings.models(info["meting"]) if f.point_id == point.id}
    first = walk.grid.rows
    assert stored[(first[0].element, first[0].aspect)] == ("B", False)
    assert stored[(first[1].element, first[1].aspect)] == (None, True)
    assert stored[(first[3].element, first[3].aspect)] == ("D", False)
    assert walk.table.item(0, 3).text() == f"4/{point.required}"
    # the window's level shortcuts did not touch the knelpunten findings
    assert len(stored) == 4


def test_ctrl_enter_refuses_a_point_with_unjudged_aspects_then_finishes_it(qtbot, app_window, meting_project):
    path, info = meting_project
    window = app_window(path)
    walk = _walk(window, info["meting"])
    point = walk.current_point()
    _key(qtbot, walk, Qt.Key.Key_3)
    _key(qtbot, walk, Qt.Key.Key_Return, CTRL)
    unjudged = f"{walk.grid.rows[1].element}.{walk.grid.rows[1].aspect}"
    assert unjudged in walk.message.text() and f"Schouwpunt {point.n}" in walk.message.text()
    assert window.session.project.points.get(point.id).done_at is None
    assert walk.grid.current == 1  # the first unjudged row
    for _ in range(len(walk.grid.rows) - 1):
        _key(qtbot, walk, Qt.Key.Key_2)
    _key(qtbot, walk, Qt.Key.Key_Return, CTRL)
    assert window.session.project.points.get(point.id).done_at is not None
    assert walk.table.item(0, 2).text() == "✓"
    assert walk.current_point().id != point.id, "on to the next open point"
    assert walk.totals.text().startswith("1 van 6")


def test_undo_and_redo_take_back_judgements_and_finishing(qtbot, app_window, meting_project):
    path, info = meting_project
    window = app_window(path)
    walk = _walk(window, info["meting"])
    project = window.session.project
    point = walk.current_point()
    _key(qtbot, walk, Qt.Key.Key_4)                 # C, a first judgement: a new finding
    walk.grid.set_current(0)
    _key(qtbot, walk, Qt.Key.Key_2)                 # then A: the same finding changed
    finding_id = walk.grid.rows[0].finding_id
    assert project.findings.one(finding_id).level.value == "A"
    window.undo()
    assert walk.grid.rows[0].value == "C" and project.findings.one(finding_id).level.value == "C"
    window.undo()
    assert walk.grid.rows[0].value is None
    assert all(f.point_id != point.id for f in project.findings.models(info["meting"]))
    window.redo()
    window.redo()
    assert walk.grid.rows[0].value == "A" and project.findings.one(finding_id).level.value == "A"
    assert walk.grid.current == 0  # undo and redo show the row they changed
    walk.grid.set_current(1)
    for _ in range(len(walk.grid.rows) - 1):
        _key(qtbot, walk, Qt.Key.Key_0)
    assert walk.finish()
    assert project.points.get(point.id).done_at is not None
    window.undo()                                   # undo finishing: open again, shown again
    assert project.points.get(point.id).done_at is None
    assert walk.current_point().id == point.id and walk.table.item(0, 2).text() == ""
    window.redo()
    assert project.points.get(point.id).done_at is not None


def test_a_change_from_outside_reaches_the_walk_through_the_hub(app_window, meting_project):
    path, info = meting_project
    window = app_window(path)
    walk = _walk(window, info["meting"])
    point = walk.current_point()
    row = walk.grid.rows[2]
    with window.session.project.write():  # e.g. a package import or another dialog
        P.record_at_point(window.session.project, point.id, row.item, level="D")
    assert walk.grid.rows[2].value is None
    window.hub.notify(Changes(findings=True, round_ids=frozenset({info["meting"]})))
    assert walk.grid.rows[2].value == "D"
    assert walk.current_point().id == point.id
    assert walk.table.item(0, 3).text().startswith("1/")


def test_a_below_norm_key_queues_the_judgement_for_the_municipality_and_undo_takes_it_out(
        qtbot, app_window, meting_project):
    from schouw.exchange.mor.profile import Selection, SyncProfile
    from schouw.store.outbox import OutboxRepo

    path, info = meting_project
    window = app_window(path)
    walk = _walk(window, info["meting"])
    walk.sync_profile = SyncProfile(name="t", kind="open311", base_url="https://meldingen.example.org/open311",
                                    selection=Selection(below_norm=True, parties=[]))
    _key(qtbot, walk, Qt.Key.Key_5)  # D: below every norm of the form
    finding_id = walk.grid.rows[0].finding_id
    outbox = OutboxRepo(window.session.project)
    assert outbox.for_finding(finding_id) is not None
    window.undo()
    row = outbox.for_finding(finding_id)
    assert row is None or row.state != "queued"
