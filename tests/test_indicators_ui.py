"""The *Indicatoren* view (issue #17): the table shows the domain's verdict with a
marker and a text, the chart draws the measured values, nulmeting, streefwaarde and the
dashed course, and the dialogs call the same use cases as ``schouw indicators`` — a
refused input shows the service's sentence next to its field, the dialog stays open and
nothing is written. The view follows the change hub."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

pytest.register_assert_rewrite("conftest_ui")
from conftest_ui import build_project  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QPen  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402
from test_actions_ui import assert_named  # noqa: E402

from schouw.messages import SchouwError, render  # noqa: E402
from schouw.services import indicators as S  # noqa: E402
from schouw.services.rounds import create_round  # noqa: E402
from schouw.store import open_project  # noqa: E402

pytest_plugins = ["conftest_ui"]


def _rows(project) -> dict[str, list]:
    return {t: project.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("indicators", "indicator_values")}


@pytest.fixture
def with_indicators(tmp_path):
    """The small project (a knelpuntenschouw) with a judged meting and four indicators:
    on course, not on course, target met and not measured yet."""
    from test_meting import _judge_all

    path = tmp_path / "indicatoren.schouw"
    info = build_project(path)
    with open_project(path) as project:
        meting = create_round(project, buurt="Vogelbuurt", form_id="crow-meting", when="2026-06-01",
                              kind="meting", points=30, seed=5, title="Meting juni")
        _judge_all(project, meting, level_of=lambda point, item: "A" if point.n % 4 else "D")
        S.add_indicator(project, name="Onveilig", baseline=19, baseline_year=2008, target=15, target_year=2014,
                        direction="down", unit="%", baseline_source="Veiligheidsmonitor", area="wijk:Vogelwijk")
        S.set_value(project, "Onveilig", year=2011, value=16.5, source="VM 2011")
        S.set_value(project, "Onveilig", year=2009, value=18.5, source="VM 2009")
        S.add_indicator(project, name="Schoon", baseline=60, baseline_year=2024, target=99, target_year=2027,
                        unit="%", area="Vogelbuurt", aspect_group="schoon")
        S.set_value(project, "Schoon", year=2026, value=61, source="telling")
        S.add_indicator(project, name="Heel", baseline=60, baseline_year=2024, target=70, target_year=2030, unit="%")
        S.set_value(project, "Heel", year=2025, value=75, source="telling")
        S.add_indicator(project, name="Meldingen", baseline=40, baseline_year=2024, target=20, target_year=2027,
                        direction="down", unit="per 1.000")
    info["meting"] = meting.id
    return path, info


def _open(app_window, path, info, qtbot):
    window = app_window(path)
    window.open_round(info["round"])
    action = window.actions_by_name["actIndicators"]
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+I"
    assert action in window.round_menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(object, "indicatorsDialog") is not None)
    dialog = window.findChild(object, "indicatorsDialog")
    return window, dialog


def _select(dialog, name: str) -> None:
    dialog.select(next(r.indicator.id for r in dialog.model.rows if r.indicator.name == name))


def test_the_table_shows_the_domains_verdict_with_marker_and_text(app_window, qtbot, with_indicators):
    path, info = with_indicators
    _window, dialog = _open(app_window, path, info, qtbot)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert_named(dialog)
    model = dialog.model
    verdict = model.COLUMNS.index("verdict")
    shown = {model.index(r, 0).data(): model.index(r, verdict).data() for r in range(model.rowCount())}
    assert shown == {"Onveilig": "op koers", "Schoon": "niet op koers", "Heel": "streefwaarde gehaald",
                     "Meldingen": "nog niet gemeten"}
    for r in range(model.rowCount()):  # a marker beside every verdict, not colour alone
        assert not model.index(r, verdict).data(Qt.ItemDataRole.DecorationRole).isNull()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Onveilig")
    texts = [model.index(row, c).data() for c in range(model.columnCount())]
    assert texts[1:7] == ["Vogelwijk", "%", "↓ lager is beter", "19 (2008)", "15 (2014)", "16,5 (2011)"]
    assert dialog.count_label.text() == "4 indicatoren"


def test_the_chart_draws_values_nulmeting_streefwaarde_and_the_dashed_course(app_window, qtbot, with_indicators):
    path, info = with_indicators
    _window, dialog = _open(app_window, path, info, qtbot)
    _select(dialog, "Onveilig")
    chart = dialog.chart
    assert chart.points("measured") == [(2009, 18.5), (2011, 16.5)]
    assert chart.measured.pointsVisible()
    assert chart.points("baseline") == [(2008, 19)] and chart.points("target") == [(2014, 15)]
    assert chart.baseline.markerShape() != chart.target.markerShape()  # two distinct markers
    assert chart.points("course") == [(2008, 19), (2014, 15)]
    assert chart.course.pen().style() == Qt.PenStyle.DashLine and isinstance(chart.course.pen(), QPen)
    assert chart.x_axis.titleText() == "Jaar" and chart.y_axis.titleText() == "%"
    assert chart.x_axis.min() <= 2008 and chart.x_axis.max() >= 2014
    assert chart.y_axis.min() <= 15 and chart.y_axis.max() >= 19
    values = dialog.values
    table = [[values.item(r, c).text() for c in range(4)] for r in range(values.rowCount())]
    assert table == [["2009", "18,5", "VM 2009", "met de hand"], ["2011", "16,5", "VM 2011", "met de hand"]]
    _select(dialog, "Meldingen")  # nothing measured: the course only
    assert chart.points("measured") == [] and len(chart.points("course")) == 2 and values.rowCount() == 0
    assert chart.y_axis.titleText() == "per 1.000"


def test_a_new_indicator_refused_shows_the_reason_next_to_the_field(app_window, qtbot, with_indicators):
    path, info = with_indicators
    window, view = _open(app_window, path, info, qtbot)
    project = window.session.project
    before = _rows(project)
    dialog = view.open_new()
    assert_named(dialog)
    dialog.name_edit.setText("Zwerfafval")
    dialog.baseline_year.setValue(2014)
    dialog.target_year.setValue(2008)
    dialog.save_button.click()
    expected = render("indicator_target_before_baseline", target=2008, baseline=2014)
    assert dialog.errors.shown() == {"targetYear": expected}
    assert dialog.findChild(object, "indicatorTargetYearError").text() == expected
    assert dialog.isVisible() and _rows(project) == before

    dialog.target_year.setValue(2030)
    assert dialog.errors.shown() == {}  # a changed field clears the message
    dialog.area_combo.setEditText("Nergenshuizen")
    qtbot.keyClick(dialog.area_combo.lineEdit(), Qt.Key.Key_Return)  # Enter adds no choice
    assert dialog.area_combo.findText("Nergenshuizen") < 0
    dialog.save_button.click()
    with pytest.raises(SchouwError) as refused:
        S.resolve_area(project, "Nergenshuizen")
    assert dialog.errors.shown() == {"area": refused.value.message()}
    assert dialog.isVisible() and _rows(project) == before

    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData("buurt:Vogelbuurt"))
    dialog.name_edit.setText("onveilig")  # the name is taken (case-insensitive)
    dialog.save_button.click()
    assert "name" in dialog.errors.shown() and _rows(project) == before

    dialog.name_edit.setText("Zwerfafval")
    dialog.unit_edit.setText("stuks")
    dialog.baseline_value.setValue(12)
    dialog.target_value.setValue(5)
    dialog.direction_combo.setCurrentIndex(dialog.direction_combo.findData("down"))
    dialog.save_button.click()
    assert not dialog.isVisible()
    made = S.show(project, "Zwerfafval").indicator
    assert (made.area_kind, made.unit, made.baseline_year, made.target_year, made.direction.value) == (
        "buurt", "stuks", 2014, 2030, "down")
    assert view.selected_row().indicator.id == made.id  # the view shows what was made
    assert view.chart.points("course") == [(2014, 12), (2030, 5)]


def test_editing_keeps_the_indicator_and_refuses_like_the_cli(app_window, qtbot, with_indicators):
    path, info = with_indicators
    window, view = _open(app_window, path, info, qtbot)
    project = window.session.project
    _select(view, "Onveilig")
    dialog = view.open_edit()
    assert dialog.name_edit.text() == "Onveilig" and dialog.area_text() == "wijk:Vogelwijk"
    assert dialog.direction_combo.currentData() == "down" and dialog.baseline_source.text() == "Veiligheidsmonitor"
    before = _rows(project)
    dialog.target_year.setValue(2000)
    dialog.save_button.click()
    assert "targetYear" in dialog.errors.shown() and dialog.isVisible() and _rows(project) == before
    dialog.target_year.setValue(2016)
    dialog.target_value.setValue(14)
    dialog.save_button.click()
    assert not dialog.isVisible()
    row = S.show(project, "Onveilig")
    assert (row.indicator.target_value, row.indicator.target_year) == (14, 2016) and len(row.values) == 2
    assert view.chart.points("target") == [(2016, 14)]


def test_a_value_by_hand_and_from_a_meting_and_a_knelpuntenschouw_refused(app_window, qtbot, with_indicators):
    path, info = with_indicators
    window, view = _open(app_window, path, info, qtbot)
    project = window.session.project
    _select(view, "Schoon")
    dialog = view.open_value()
    assert_named(dialog)
    dialog.year_spin.setValue(2027)
    dialog.value_spin.setValue(70.5)
    dialog.source_edit.setText("eigen telling")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert view.chart.points("measured") == [(2026, 61), (2027, 70.5)]
    assert view.values.item(1, 2).text() == "eigen telling"

    dialog = view.open_value()
    dialog.from_round.setChecked(True)
    assert not dialog.year_spin.isEnabled() and dialog.round_combo.isEnabled()
    assert dialog.round_combo.currentData() == info["meting"]  # the meting is the first choice
    before = _rows(project)
    dialog.round_combo.setCurrentIndex(dialog.round_combo.findData(info["round"]))  # the knelpuntenschouw
    dialog.save_button.click()
    expected = render("indicator_round_not_meting", title="Testronde")
    assert dialog.errors.shown() == {"round": expected}
    assert dialog.findChild(object, "valueRoundError").text() == expected
    assert dialog.isVisible() and _rows(project) == before

    dialog.round_combo.setCurrentIndex(dialog.round_combo.findData(info["meting"]))
    dialog.save_button.click()
    assert not dialog.isVisible()
    computed = next(v for v in S.show(project, "Schoon").values if v.round_id == info["meting"])
    assert computed.year == 2026 and 0 < computed.value < 100
    assert (2026, computed.value) in view.chart.points("measured")
    origins = [view.values.item(r, 3).text() for r in range(view.values.rowCount())]
    assert "berekend uit meting Meting juni" in origins


def test_a_year_outside_the_calendar_is_refused_next_to_the_year(app_window, qtbot, with_indicators):
    """The spin box keeps the year in range; the use case's check still names the field."""
    path, info = with_indicators
    window, view = _open(app_window, path, info, qtbot)
    _select(view, "Meldingen")
    dialog = view.open_value()
    assert dialog.errors.show(SchouwError("indicator_bad_year", year=3000))
    assert dialog.errors.shown() == {"year": render("indicator_bad_year", year=3000)}


def test_delete_asks_first(app_window, qtbot, with_indicators):
    path, info = with_indicators
    window, view = _open(app_window, path, info, qtbot)
    project = window.session.project
    _select(view, "Schoon")
    box = view.ask_delete()
    assert box.text() == "Indicator 'Schoon' en zijn 1 waarde verwijderen?"  # Dutch plural forms
    box.button(QMessageBox.StandardButton.No).click()
    _select(view, "Onveilig")
    box = view.ask_delete()
    assert "Onveilig" in box.text() and "2 waarden" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert [r.indicator.name for r in S.overview(project)].count("Onveilig") == 1
    box = view.ask_delete()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert "Onveilig" not in [r.indicator.name for r in S.overview(project)]
    assert "Onveilig" not in [r.indicator.name for r in view.model.rows]
    assert project.conn.execute("SELECT COUNT(*) FROM indicator_values v JOIN indicators i ON i.id = "
                                "v.indicator_id WHERE i.name = 'Onveilig' AND v.deleted_at IS NULL").fetchone()[0] == 0


def test_an_indicator_added_elsewhere_appears_through_the_hub(app_window, qtbot, with_indicators):
    path, info = with_indicators
    window, view = _open(app_window, path, info, qtbot)
    project = window.session.project
    _select(view, "Heel")
    with project.write():
        _made, changes = S.add_indicator(project, name="Aandeel groen heel", baseline=50, baseline_year=2025,
                                         target=80, target_year=2029, unit="%")
    assert "Aandeel groen heel" not in [r.indicator.name for r in view.model.rows]
    window.hub.notify(changes, None)
    assert "Aandeel groen heel" in [r.indicator.name for r in view.model.rows]
    assert view.selected_row().indicator.name == "Heel"  # the selection stays
    with project.write():
        _value, changes = S.set_value(project, "Heel", year=2026, value=66, source="telling")
    window.hub.notify(changes, None)
    assert view.chart.points("measured") == [(2025, 75), (2026, 66)]


def test_the_screenshot_of_the_view_is_made(app_window, qtbot, with_indicators, tmp_path):
    import screens_ui

    path, info = with_indicators
    window = app_window(path)
    window.open_round(info["round"])
    target = screens_ui.SCREENS["indicators"](window, {})
    assert target.objectName() == "indicatorsDialog"
    assert target.selected_row().indicator.name == "Onveilig"  # the one with the most values
    out = tmp_path / "indicators.png"
    assert target.grab().save(str(out)) and out.stat().st_size > 5000
