"""Re-inspection in the walk: the street's te controleren points shown under its
findings, marked with Alt+1/2/3 through the same use case as the CLI, undoable; the
Ronde afsluiten question lists the points not checked."""

from __future__ import annotations

from datetime import date

import pytest
from conftest_ui import build_project
from PySide6.QtCore import Qt

from schouw.domain.actions import ActionStatus
from schouw.services import rechecks
from schouw.services.rounds import create_round
from schouw.store import open_project

pytest_plugins = ["conftest_ui"]


def key(qtbot, window, key, modifier) -> None:
    """A key press as a user makes it: in the active window, on the points' table."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.rechecks.table.setFocus()
    qtbot.keyClick(window.rechecks.table, key, modifier)


@pytest.fixture
def herschouw(tmp_path):
    """The small test project with an action on one below-norm point, and a later round
    of the same buurt and form that carries the open points."""
    from schouw.domain.models import Action

    path = tmp_path / "klein.schouw"
    info = build_project(path)
    with open_project(path) as project:
        below = [f for f in project.findings.models(info["round"]) if f.level is not None and f.level.value in "CD"]
        project.actions.add(Action(finding_id=below[0].id, party="Stadsbeheer"))
        new = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when=date(2026, 6, 12))
        points = rechecks.points(project, new.id)
    assert len(points) == len(below)
    return path, new.id, points, below[0].id


def test_walk_marks_points_with_one_key_and_undo(app_window, qtbot, herschouw):
    path, round_id, points, with_action = herschouw
    window = app_window(path)
    window.open_round(round_id)
    first = next(p for p in points if p["follows"] == with_action)
    window.streets.select_street(first["street_id"])
    panel = window.rechecks
    qtbot.waitUntil(lambda: panel.isVisible())
    assert panel.objectName() == "recheckPanel" and panel.accessibleName()
    street_points = [p for p in points if p["street_id"] == first["street_id"]]
    assert panel.table.rowCount() == len(street_points)
    assert "0 van" in panel.heading.text()
    panel.select(first["id"])
    # Alt+1: opgelost; the old action is closed, no finding added
    key(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    session = window.session
    assert rechecks.points(session.project, round_id, street_id=first["street_id"])[
        [p["id"] for p in street_points].index(first["id"])]["result"] == "opgelost"
    assert session.project.actions.for_finding(with_action).status is ActionStatus.DONE
    assert "1 opgelost" in panel.heading.text()
    # undo (Ctrl+Z) puts the point and the action back
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.actions.for_finding(with_action).status is ActionStatus.OPEN
    assert all(p["result"] is None for p in rechecks.points(session.project, round_id))
    # redo marks it again
    key(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert session.project.actions.for_finding(with_action).status is ActionStatus.DONE


def test_worse_asks_the_level_and_adds_a_finding(app_window, qtbot, herschouw):
    path, round_id, points, _ = herschouw
    window = app_window(path)
    window.open_round(round_id)
    point = next(p for p in points if p["previous_level"] == "C")
    window.streets.select_street(point["street_id"])
    panel = window.rechecks
    panel.select(point["id"])
    key(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.level_menu.isVisible())
    levels = [a.objectName() for a in panel.level_menu.actions()]
    assert levels == ["recheckLevel_D"]  # only what is worse than C
    panel.level_menu.setActiveAction(panel.level_menu.actions()[0])
    qtbot.keyClick(panel.level_menu, Qt.Key.Key_Return)  # the level chosen as a user does
    qtbot.waitUntil(lambda: not panel.level_menu.isVisible())
    session = window.session
    marked = next(p for p in rechecks.points(session.project, round_id) if p["id"] == point["id"])
    assert (marked["result"], marked["level"]) == ("erger", "D")
    finding = session.project.findings.one(marked["finding_id"])
    assert finding.round_id == round_id and finding.level.value == "D"
    assert marked["finding_id"] in window.findings.model.finding_ids()  # shown in the street's findings
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.findings.models(round_id) == []


def test_close_round_lists_the_unchecked_points(app_window, qtbot, herschouw):
    path, round_id, points, _ = herschouw
    window = app_window(path)
    window.open_round(round_id)
    window.actions_by_name["actCloseRound"].trigger()
    dialog = window.close_round_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() == len(points)
    from PySide6.QtWidgets import QLabel

    assert str(len(points)) in dialog.findChild(QLabel, "closeRoundIntro").text()
    dialog.back_button.click()
    assert window.session.ctx is not None
    window.actions_by_name["actCloseRound"].trigger()
    window.close_round_dialog.close_button.click()
    assert window.session.ctx is None


def test_many_points_leave_the_street_findings_in_sight(app_window, qtbot, tmp_path):
    """A street with a dozen points to check, on a laptop at 125 % (1093×614 logical):
    the points' table scrolls, and the street's findings keep most of the pane."""
    from schouw.domain.levels import Level
    from schouw.domain.models import Finding

    path = tmp_path / "veel.schouw"
    info = build_project(path, findings_per_street=1)
    street = next(iter(info["streets"].values()))
    with open_project(path) as project:
        for n in range(12):  # below the norm (woongebied: B), so each comes back to check
            project.findings.add(Finding(round_id=info["round"], street_id=street, element="asfalt",
                                         aspect="onkruid", level=Level.C, house_number=str(n + 10),
                                         description=f"punt {n}"))
        new = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when=date(2026, 6, 12))
        for n in range(4):  # and the street has findings of its own in the new round
            project.findings.add(Finding(round_id=new.id, street_id=street, element="asfalt", aspect="onkruid",
                                         level=Level.B, house_number=str(n + 1), description=f"nieuw {n}"))
    window = app_window(path)
    window.resize(1093, 614)
    window.open_round(new.id)
    window.streets.select_street(street)
    qtbot.waitUntil(lambda: window.rechecks.isVisible())
    qtbot.wait(50)
    assert window.rechecks.table.rowCount() >= 12
    findings, points = window.findings.table.height(), window.rechecks.table.height()
    assert findings > points, (findings, points)
    assert points <= 0.25 * window.findings.height() + 1
