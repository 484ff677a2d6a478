"""Opening a project refreshes the menus and the status bar once (issue 20): counting
the overdue actions reads every action of the project, and it ran three times per start."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import build_project  # noqa: E402

pytest_plugins = ["conftest_ui"]


def test_opening_a_project_and_a_round_counts_the_overdue_actions_once(qtbot, tmp_path, monkeypatch) -> None:
    from schouw.services import actions
    from schouw.ui import app as app_module
    from schouw.ui.prefs import Preferences

    monkeypatch.setenv("SCHOUW_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "open.schouw"
    info = build_project(path)
    counted = []
    real = actions.overdue_count
    monkeypatch.setattr(actions, "overdue_count", lambda *a, **k: counted.append(1) or real(*a, **k))
    window = app_module.start(Preferences(language="nl"))
    qtbot.addWidget(window)
    window.show()
    counted.clear()
    window.open_initial(path)
    assert len(counted) == 1
    # and the state it refreshes is the open round's: the walk, its actions enabled
    assert window.session.ctx is not None and window.session.ctx.round.id == info["round"]
    assert window.stack.currentIndex() == 1
    assert window.actions_by_name["actNewFinding"].isEnabled()
    assert window.streets.current_street_id()
    counted.clear()
    window.open_round(info["round"])
    assert len(counted) == 1
    window.close()


def test_work_not_needed_to_see_the_window_waits_for_its_first_paint(qtbot, tmp_path, monkeypatch) -> None:
    """At start-up (the project opened before the window is shown, as ``run_app`` does)
    the daily backup, the overdue count and the camera question wait for the first paint;
    then they all happen."""
    from schouw.services import actions
    from schouw.store import open_project
    from schouw.ui import app as app_module
    from schouw.ui import camera

    monkeypatch.setenv("SCHOUW_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "paint.schouw"
    build_project(path)
    counted = []
    real = actions.overdue_count
    monkeypatch.setattr(actions, "overdue_count", lambda *a, **k: counted.append(1) or real(*a, **k))
    monkeypatch.setattr(camera, "available", lambda: True)
    backups = tmp_path / "data" / "backups"
    window = app_module.start()
    qtbot.addWidget(window)
    window.open_initial(path)
    assert window.streets.model.rowCount() > 0 and window.editor is not None  # the walk is there
    assert counted == []
    assert window.editor.camera_button.isHidden()
    assert not list(backups.glob("*.dagelijks.*")) if backups.exists() else True
    window.show()
    qtbot.waitUntil(lambda: bool(counted) and not window.editor.camera_button.isHidden(), timeout=5000)
    assert len(counted) == 1
    qtbot.waitUntil(lambda: backups.exists() and bool(list(backups.glob("*.dagelijks.*"))), timeout=5000)
    window.close()
    with open_project(path) as project:
        assert project.meta("last_daily_backup")
