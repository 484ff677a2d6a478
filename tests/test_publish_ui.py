"""*Bestand › Publiceren naar gemeente…* (#21) driven with pytest-qt against the real
PostGIS server: publishing fills the central schema on a worker thread and says what it
did; a second run sends nothing; the address is remembered without its password; a bad
address and an unreachable server are one sentence under the form, nothing sent."""

from __future__ import annotations

import uuid

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")
pytest_plugins = ["conftest_ui"]
pytestmark = pytest.mark.postgis

psycopg = pytest.importorskip("psycopg")

from PySide6.QtWidgets import QDialog  # noqa: E402


@pytest.fixture(autouse=True)
def file_secrets(monkeypatch):
    monkeypatch.setenv("SCHOUW_SECRET_STORE", "file")


def _count(url: str, schema: str, table: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(f"SELECT count(*) FROM {schema}.{table}").fetchone()[0]


def test_publish_from_the_app_and_again(qtbot, app_window, demo_path, pg_url):
    schema = "u_" + uuid.uuid4().hex[:10]
    window = app_window(demo_path)
    action = window.actions_by_name["actPublish"]
    assert action.isEnabled() and action in window.menuBar().actions()[0].menu().actions()
    window.publish_central()
    dialog = window.findChild(QDialog, "publishDialog")
    dialog.url_edit.setText(pg_url)
    dialog.schema_edit.setText(schema)
    with qtbot.waitSignal(dialog.finished_task, timeout=120_000) as done:
        dialog.start_button.click()
    assert done.args == [True], dialog.status.text()
    assert "Gepubliceerd" in dialog.status.text()
    with open_demo(demo_path) as project:
        findings = project.conn.execute("SELECT count(*) FROM findings WHERE deleted_at IS NULL").fetchone()[0]
        assert project.meta("publish_url").startswith("postgresql://") and project.meta("publish_schema") == schema
    assert _count(pg_url, schema, "findings") == findings
    with qtbot.waitSignal(dialog.finished_task, timeout=120_000):
        dialog.start_button.click()
    assert " 0 rijen nieuw of gewijzigd" in dialog.status.text()


def test_bad_address_and_unreachable_server_say_so_under_the_form(qtbot, app_window, demo_path):
    window = app_window(demo_path)
    window.publish_central()
    dialog = window.findChild(QDialog, "publishDialog")
    dialog.url_edit.setText("mysql://iemand@server/db")
    dialog.start_button.click()
    assert "postgresql" in dialog.status.text().lower() and dialog.task is None
    dialog.url_edit.setText("postgresql://schouw:geheim@127.0.0.1:1/gemeente")
    with qtbot.waitSignal(dialog.finished_task, timeout=60_000) as done:
        dialog.start_button.click()
    assert done.args == [False]
    assert dialog.status.text() and "geheim" not in dialog.status.text()
    with open_demo(demo_path) as project:
        assert "geheim" not in project.meta("publish_url")


def open_demo(path):
    from schouw.store import open_project

    return open_project(path, readonly=True)


def test_pull_and_the_central_overzicht_from_the_app(qtbot, app_window, demo_path, tmp_path, pg_url, capsys):
    """A second laptop with an empty project: Ophalen van gemeente brings the Havenkwartier
    (its rounds appear through the hub), and the Overzicht's source "Centrale database"
    shows every buurt the first laptop published."""
    from conftest import run_main

    schema = "u_" + uuid.uuid4().hex[:10]
    assert run_main(capsys, "--db", str(demo_path), "publish", "--to", pg_url, "--schema", schema)[0] == 0
    laptop = tmp_path / "laptop.schouw"
    assert run_main(capsys, "new", str(laptop), "--name", "Laptop")[0] == 0
    window = app_window(laptop)
    window.pull_central()
    dialog = window.findChild(QDialog, "pullDialog")
    dialog.url_edit.setText(pg_url)
    dialog.schema_edit.setText(schema)
    dialog.buurt_edit.setText("Havenkwartier")
    with qtbot.waitSignal(dialog.finished_task, timeout=120_000) as done:
        dialog.start_button.click()
    assert done.args == [True], dialog.status.text()
    assert "Havenkwartier" in dialog.status.text()
    rounds = window.session.project.rounds.list()
    assert rounds and {r["buurt"] for r in rounds} == {"Havenkwartier"}

    with window.session.write():
        window.session.project.set_meta("publish_url", pg_url)
        window.session.project.set_meta("publish_schema", schema)
    overview = window.show_overview()
    assert overview.wait_loaded()
    assert {overview.model.rows[i].name for i in range(len(overview.model.rows))} >= {"Havenkwartier"}
    assert "Vogelbuurt" not in {a.name for a in overview.model.rows}
    overview.source_combo.setCurrentIndex(overview.source_combo.findText("Centrale database (alle teams)"))
    assert overview.wait_loaded(120)
    assert {"Vogelbuurt", "Havenkwartier", "Bloemenbuurt"} <= {a.name for a in overview.model.rows}
