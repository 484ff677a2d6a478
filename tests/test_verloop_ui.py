"""The *Verloop* view (Ronde › Verloop…, issue #17.3): street × round with counts or
shares and the movement as arrow + word + colour, improved and worse first; a meting
series shows shares with n; it refreshes from the change hub; its report button writes
the same PDF as the CLI."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

pytest.register_assert_rewrite("conftest_ui")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402
from test_actions_ui import assert_named  # noqa: E402
from verloop_data import make_project  # noqa: E402

from schouw.domain.levels import Level  # noqa: E402
from schouw.domain.models import Finding  # noqa: E402
from schouw.services.changes import Changes  # noqa: E402

pytest_plugins = ["conftest_ui"]


@pytest.fixture
def series(tmp_path):
    path = tmp_path / "verloop.schouw"
    return path, make_project(path)


def _rows(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _open(app_window, qtbot, path, round_id=None):
    window = app_window(path)
    if round_id:
        window.open_round(round_id)
    action = next(a for a in window.round_menu.actions() if a.objectName() == "actVerloop")
    action.trigger()
    dialog = window.verloop_dialog
    qtbot.addWidget(dialog)
    return window, dialog


def test_the_view_lists_improved_and_worse_streets_first(app_window, qtbot, series):
    path, ids = series
    window, dialog = _open(app_window, qtbot, path, ids["Stratenaanpak 2"])
    assert_named(dialog)
    for model in (dialog.street_model, dialog.aspect_model):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.buurt_combo.currentText() == "Vogelbuurt"
    assert dialog.series_combo.currentData() == "crow-beeldkwaliteit|knelpunten"
    rows = _rows(dialog.street_model)
    assert [r[0] for r in rows] == ["Merelstraat", "Kievitstraat", "Lijsterstraat", "Spreeuwenlaan"]
    assert rows[0][1:] == ["3", "1", "0", "↑ beter"]
    assert rows[2][1:] == ["1", "niet gelopen", "3", "↓ slechter"]
    assert rows[3][-1] == "= gelijk"
    model = dialog.street_model
    last = model.columnCount() - 1
    assert model.index(0, last).data(Qt.ItemDataRole.BackgroundRole) != model.index(2, last).data(
        Qt.ItemDataRole.BackgroundRole)
    assert model.headerData(1, Qt.Orientation.Horizontal).startswith("1. 01-03-2026")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Straat"
    assert dialog.aspect_model.headerData(0, Qt.Orientation.Horizontal) == "Aspect"
    assert "2 straten beter" in dialog.summary.text() and "1 slechter" in dialog.summary.text()
    assert dialog.aspect_model.rowCount() == 2  # only aspects that were ever recorded


def test_a_meting_series_shows_shares_with_n(app_window, qtbot, series):
    path, _ = series
    _, dialog = _open(app_window, qtbot, path)
    dialog.buurt_combo.setCurrentIndex(dialog.buurt_combo.findText("Havenkwartier"))
    assert dialog.series_combo.currentData() == "crow-meting|meting"  # the series with two rounds
    cells = [c for row in _rows(dialog.street_model) for c in row[1:-1] if "%" in c]
    assert cells and all("(n=" in c for c in cells)
    # the lone sociale-veiligheid walk: a series of one, said in one line
    dialog.series_combo.setCurrentIndex(dialog.series_combo.findData("sociale-veiligheid|knelpunten"))
    assert dialog.street_model.rowCount() == 0
    assert "maar één ronde" in dialog.summary.text()
    assert not dialog.report_button.isEnabled()


def test_the_view_follows_the_change_hub(app_window, qtbot, series):
    path, ids = series
    window, dialog = _open(app_window, qtbot, path, ids["Stratenaanpak 3"])
    project = window.session.project
    spreeuw = next(s for s in project.areas.streets(project.rounds.get(ids["Stratenaanpak 3"]).buurt_id)
                   if s.name == "Spreeuwenlaan")
    project.findings.add(Finding(round_id=ids["Stratenaanpak 3"], street_id=spreeuw.id, element="asfalt",
                                 aspect="onkruid", level=Level.D))
    assert "Spreeuwenlaan" == _rows(dialog.street_model)[-1][0]  # nothing re-read without a change
    window.hub.notify(Changes(findings=True, round_ids=frozenset({ids["Stratenaanpak 3"]})))
    rows = {r[0]: r for r in _rows(dialog.street_model)}
    assert rows["Spreeuwenlaan"][-1] == "↓ slechter"
    assert "2 slechter" in dialog.summary.text()


def test_the_report_button_writes_the_verloop_pdf(app_window, qtbot, series, tmp_path):
    from pypdf import PdfReader

    path, ids = series
    _, dialog = _open(app_window, qtbot, path, ids["Stratenaanpak 1"])
    made = dialog.make_report(str(tmp_path / "uit.pdf"))
    assert made is not None and made.rounds == 3
    box = dialog.findChild(QMessageBox, "messageBox")
    assert box is not None and str(made.path) in box.text() and f"{made.pages} pagina's" in box.text()
    box.close()
    text = PdfReader(made.path).pages[1].extract_text()
    assert "Verloop per straat" in text and "Merelstraat" in text


def test_the_title_filter_follows_the_cli_rule(app_window, qtbot, series):
    """Titel bevat… keeps only the rounds with that text in their title, with the same
    messages as `schouw trend --title`."""
    path, ids = series
    _, dialog = _open(app_window, qtbot, path, ids["Stratenaanpak 1"])
    dialog.title_edit.setText("aanpak 3")
    dialog.title_edit.editingFinished.emit()
    assert dialog.street_model.rowCount() == 0
    assert "maar één ronde met formulier 'crow-beeldkwaliteit' en 'aanpak 3'" in dialog.summary.text()
    dialog.title_edit.setText("Najaar")
    dialog.title_edit.editingFinished.emit()
    assert "geen rondes met 'Najaar' in de titel" in dialog.summary.text()
    dialog.title_edit.setText("stratenaanpak")
    dialog.title_edit.editingFinished.emit()
    assert dialog.street_model.columnCount() == 3 + 2 and dialog.street_model.rowCount() == 4
