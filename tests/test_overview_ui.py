"""The Overzicht in the app (issue #19): named widgets, model testers, rows per wijk and
buurt with trend words, sorting by number, the refresh from the change hub (only the
changed buurt read again), drilling down into a round and to a hotspot's finding, and
the menu action."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402
from test_actions_ui import assert_named  # noqa: E402
from test_monitoring import ITEM, TODAY, filled  # noqa: E402, F401

from schouw.domain.models import Finding  # noqa: E402
from schouw.services.changes import Changes  # noqa: E402

pytest_plugins = ["conftest_ui"]


@pytest.fixture
def opened(filled, app_window, qtbot):  # noqa: F811
    project, buurten, rounds = filled
    path = project.path
    project.close()
    window = app_window(path)
    window.open_round(rounds[2].id)  # the Centrumbuurt's round, so every drill-down must switch
    dialog = window.show_overview(today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.loading  # read on a worker thread: the window does not freeze
    assert dialog.wait_loaded()
    return window, dialog, buurten, rounds


def _rows(dialog) -> dict[str, int]:
    """name -> row in the (sorted) view."""
    return {dialog.proxy.index(r, 0).data().strip(): r for r in range(dialog.proxy.rowCount())}


def _cell(dialog, name: str, column: str) -> str:
    return dialog.proxy.index(_rows(dialog)[name], dialog.model.COLUMNS.index(column)).data()


def test_the_tables_show_wijken_buurten_and_hotspots(opened):
    _window, dialog, _buurten, _rounds = opened
    assert_named(dialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(dialog.hotspot_model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert set(_rows(dialog)) == {"Noord", "Zuid", "Oud-Noord", "Centrumbuurt", "Zuidrand"}
    assert _cell(dialog, "Oud-Noord", "below") == "2" and _cell(dialog, "Noord", "below") == "4"
    assert _cell(dialog, "Oud-Noord", "trend") == "↑ beter (onder norm per ronde)"
    assert _cell(dialog, "Oud-Noord", "overdue") == "2"
    assert _cell(dialog, "Centrumbuurt", "trend") == "· geen vergelijking"
    # sorted by number, not by text
    dialog.table.sortByColumn(dialog.model.COLUMNS.index("findings"), Qt.SortOrder.DescendingOrder)
    assert [dialog.proxy.index(r, 0).data().strip() for r in range(3)] == ["Noord", "Oud-Noord", "Centrumbuurt"]
    # the C of the first round and the D of the second at one spot in Oud-Noord
    assert dialog.hotspot_model.rowCount() == 1
    assert dialog.hotspot_model.rows[0].rounds == 2
    assert "Hotspots: 1 plek" in dialog.hotspots_label.text()
    assert "Van" not in dialog.summary_label.text() and "rondes" in dialog.summary_label.text()


def test_the_hub_refreshes_only_what_changed(opened):
    window, dialog, _buurten, (r1, r2, r3) = opened
    project = window.session.project
    street = project.areas.streets(r3.buurt_id)[0]
    assert dialog.parts_chart.pairs == [] and "Wanneer: 0" in dialog.times_label.text()
    project.findings.add(Finding(round_id=r3.id, street_id=street.id, element=ITEM[0], aspect=ITEM[1], level="D",
                                 time_of_day="avond"))
    window.hub.notify(Changes(findings=True, round_ids=frozenset({r3.id})))
    assert _cell(dialog, "Centrumbuurt", "below") == "3" and _cell(dialog, "Noord", "below") == "5"
    # hot times follow too: counts per part of day and weekday (2026-06-01 is a Monday)
    assert dialog.parts_chart.pairs == [("avond", 1)]
    assert dialog.days_chart.pairs[0] == ("ma", 1) and "avond: 1" in dialog.parts_chart.accessibleDescription()
    # what the overview itself reads for it (the window reloads its open round besides)
    project.findings.add(Finding(round_id=r3.id, street_id=street.id, element=ITEM[0], aspect=ITEM[1], level="C"))
    statements: list[str] = []
    project.conn.set_trace_callback(statements.append)
    dialog._on_changes(Changes(findings=True, round_ids=frozenset({r3.id})))
    project.conn.set_trace_callback(None)
    assert _cell(dialog, "Centrumbuurt", "below") == "4"
    assert 0 < len(statements) <= 20
    statements.clear()
    project.conn.set_trace_callback(statements.append)
    dialog._on_changes(Changes(outbox=True))  # (the window itself turns this into a walk refresh)
    project.conn.set_trace_callback(None)
    assert statements == [], statements[:3]  # nothing the overview shows changed: nothing read


def test_double_click_drills_down(opened):
    window, dialog, _buurten, (r1, r2, r3) = opened
    dialog.table.doubleClicked.emit(dialog.proxy.index(_rows(dialog)["Noord"], 0))
    assert dialog.wijk_combo.currentData() == "Noord" and dialog.wait_loaded()
    assert set(_rows(dialog)) == {"Noord", "Oud-Noord", "Centrumbuurt"}
    dialog.table.doubleClicked.emit(dialog.proxy.index(_rows(dialog)["Oud-Noord"], 0))
    assert window.session.ctx.round.id == r2.id  # its latest round
    dialog.hotspot_table.doubleClicked.emit(dialog.hotspot_proxy.index(0, 0))
    spot = dialog.hotspot_model.rows[0]
    assert window.session.ctx.round.id == spot.round_ids[0]
    assert window.editor.finding_id == spot.finding_ids[0]


def test_the_menu_opens_it(opened, qtbot):
    window, *_ = opened
    action = window.actions_by_name["actOverview"]
    assert action.shortcut().toString() == "Ctrl+Shift+O"
    assert action in window.round_menu.actions()
    dialog = window.show_overview()
    qtbot.addWidget(dialog)
    assert dialog.wait_loaded()
    assert dialog.today is not None and dialog.objectName() == "overviewDialog" and dialog.model.rowCount() >= 2


def test_a_bad_period_says_so_and_an_edit_while_reading_reads_again(opened):
    window, dialog, _buurten, (r1, r2, r3) = opened
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(1))
    assert dialog.wait_loaded()
    assert "ligt na de einddatum" in dialog.summary_label.text() and dialog.model.rowCount() == 0
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(-364))
    assert dialog.loading
    project = window.session.project
    street = project.areas.streets(r3.buurt_id)[0]
    project.findings.add(Finding(round_id=r3.id, street_id=street.id, element=ITEM[0], aspect=ITEM[1], level="D"))
    dialog._on_changes(Changes(findings=True, round_ids=frozenset({r3.id})))  # arrives while reading
    assert dialog.wait_loaded()
    assert _cell(dialog, "Centrumbuurt", "below") == "3"
