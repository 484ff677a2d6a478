"""The report dialog on its own: a real project, a real PDF through the worker thread,
a working cancel, and every interactive widget named."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QProgressBar, QWidget  # noqa: E402
from test_report import CORPORATION, make_project  # noqa: E402

from schouw.ui.report_dialog import ReportDialog  # noqa: E402

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QProgressBar)


@pytest.fixture(scope="module")
def fixture_project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dialog")
    path = folder / "rapport.schouw"
    return path, make_project(path)


@pytest.fixture
def dialog(qtbot, fixture_project):
    from schouw.store import open_project

    path, ids = fixture_project
    project = open_project(path)
    dlg = ReportDialog(project, ids["round"])
    qtbot.addWidget(dlg)
    yield dlg
    if dlg.task is not None:
        dlg.task.cancel()
        dlg.task.finished.wait(30)
    project.close()


def test_every_interactive_widget_is_named(dialog):
    widgets = [w for w in dialog.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    assert len(widgets) >= 8
    for widget in widgets:
        if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
            continue
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    assert dialog.windowTitle() == "Rapport maken"


def test_builds_a_real_pdf_and_opens_it(qtbot, dialog, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("schouw.ui.report_dialog.QDesktopServices.openUrl", lambda url: opened.append(url))
    out = tmp_path / "ronde"
    dialog.path.setText(str(out))
    assert not dialog.open_button.isEnabled()
    values = []
    dialog.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.report_done, timeout=60_000):
        qtbot.mouseClick(dialog.build_button, Qt.LeftButton)
        assert dialog.busy and not dialog.build_button.isEnabled()
        assert dialog.close_button.text() == "Annuleren"
    pdf = tmp_path / "ronde.pdf"
    assert dialog.path.text() == str(pdf)
    reader = PdfReader(pdf)
    assert len(reader.pages) == dialog.result.pages >= 10
    assert reader.metadata.title.startswith("Wijkschouw Bloemenbuurt")
    assert dialog.progress.value() == dialog.progress.maximum()
    assert len(values) > 5
    assert "pagina's" in dialog.status.text()
    assert dialog.open_button.isEnabled() and dialog.close_button.text() == "Sluiten"
    dialog.open_button.click()
    assert opened and opened[0].toLocalFile() == str(pdf)


def test_action_list_for_one_party_in_english(qtbot, dialog, tmp_path):
    assert not dialog.party.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("actions"))
    assert dialog.party.isEnabled()
    dialog.party.setCurrentIndex(dialog.party.findData(CORPORATION))
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    dialog.path.setText(str(tmp_path / "veste.pdf"))
    with qtbot.waitSignal(dialog.report_done, timeout=60_000):
        dialog.build_button.click()
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "veste.pdf").pages)
    assert f"Action list for {CORPORATION}" in text
    assert dialog.result.actions == 2


def test_cancel_stops_the_build_and_leaves_no_file(qtbot, dialog, tmp_path):
    out = tmp_path / "afgebroken.pdf"
    dialog.path.setText(str(out))
    dialog.build_button.click()
    task = dialog.task
    with qtbot.waitSignal(task.signals.cancelled, timeout=60_000):
        dialog.close_button.click()  # "Annuleren" while busy
    assert dialog.task is None and not dialog.busy
    assert "Afgebroken" in dialog.status.text()
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert dialog.build_button.isEnabled() and not dialog.open_button.isEnabled()


def test_errors_are_one_clear_line(qtbot, dialog, tmp_path):
    dialog.path.setText(str(tmp_path / "bestaat-niet" / "x.pdf"))
    dialog.build_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    assert "bestaat niet" in dialog.status.text()


def test_a_folder_or_a_broken_logo_is_said_in_the_dialog(qtbot, dialog, tmp_path):
    """The dialog applies the CLI's rules (one service): a folder as the target is
    refused before anything is built; a broken logo in the project settings is left
    out and the status line says so."""
    folder = tmp_path / "rapporten"
    folder.mkdir()
    dialog.path.setText(str(folder))
    dialog.build_button.click()
    assert dialog.task is None and "is een map" in dialog.status.text()
    assert not (tmp_path / "rapporten.pdf").exists()

    broken = tmp_path / "logo.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    dialog.project.set_meta("logo_path", str(broken))
    try:
        dialog.path.setText(str(tmp_path / "met-logo.pdf"))
        with qtbot.waitSignal(dialog.report_done, timeout=60_000):
            dialog.build_button.click()
    finally:
        dialog.project.set_meta("logo_path", "")
    assert (tmp_path / "met-logo.pdf").is_file()
    assert "zonder logo" in dialog.status.text() and "logo.png" in dialog.status.text()


def test_feedback_from_the_round_menu_as_csv_and_as_pdf_with_photos(qtbot, fixture_project, tmp_path):
    """Ronde → Terugkoppeling voor bewoners…: the dialog opens on the feedback; CSV
    swaps the file name's suffix and turns the photo choice off; the files are the
    service's."""
    from schouw.store import open_project

    path, ids = fixture_project
    with open_project(path) as project:
        dlg = ReportDialog(project, ids["round"], kind="terugkoppeling")
        qtbot.addWidget(dlg)
        assert dlg.kind.currentData() == "terugkoppeling" and dlg.format.isEnabled()
        assert not dlg.profile_choice.isEnabled() and dlg.photos.isEnabled()
        assert "Terugkoppeling Bloemenbuurt" in dlg.path.text() and dlg.path.text().endswith(".pdf")
        dlg.path.setText(str(tmp_path / "bewoners.pdf"))
        dlg.format.setCurrentIndex(dlg.format.findData("csv"))
        assert dlg.path.text() == str(tmp_path / "bewoners.csv") and not dlg.photos.isEnabled()
        with qtbot.waitSignal(dlg.report_done, timeout=60_000):
            qtbot.mouseClick(dlg.build_button, Qt.LeftButton)
        text = (tmp_path / "bewoners.csv").read_text("utf-8-sig")
        assert text.startswith("nr;straat;") and CORPORATION not in text
        assert dlg.status.text().startswith(f"Bestand gemaakt: {tmp_path / 'bewoners.csv'} (")
        dlg.format.setCurrentIndex(dlg.format.findData("pdf"))
        dlg.photos.setChecked(True)
        with qtbot.waitSignal(dlg.report_done, timeout=60_000):
            qtbot.mouseClick(dlg.build_button, Qt.LeftButton)
        assert dlg.result.path == tmp_path / "bewoners.pdf" and dlg.result.photos > 0
        reader = PdfReader(dlg.result.path)
        assert reader.metadata.title == "Terugkoppeling voor bewoners — Bloemenbuurt"
        assert [img for page in reader.pages for img in page.images]
        dlg.close()
