"""Hotspots on the map (issue #19): the map's layer is the Overzicht's hotspots of the
round's buurt over the three years up to the round, drawn under the markers when the
user asks for them. On the demo: the Rozenstraat corner of the Bloemenbuurt, below the
norm in each of its three jaarschouwen."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")
pytest_plugins = ["conftest_ui"]

from schouw.services.hotspots import find_hotspots  # noqa: E402
from schouw.services.mapscene import hotspot_layer  # noqa: E402
from schouw.store import open_project  # noqa: E402


def _round(project, buurt: str, year: str) -> str:
    return next(r["id"] for r in project.rounds.list() if r["buurt"] == buurt and r["date"].startswith(year))


def test_the_layer_is_the_overviews_hotspots_of_the_buurt(demo_path):
    with open_project(demo_path, readonly=True) as project:
        latest = _round(project, "Bloemenbuurt", "2026")
        layer = hotspot_layer(project, latest)
        rozen = [h for h in layer if h.street == "Rozenstraat"]
        assert rozen and rozen[0].rounds == 3
        same = find_hotspots(project, start="2023-09-25", end="2026-09-24", wijk="Vogelwijk", buurt="Bloemenbuurt")
        assert [(h.rank, h.rounds, h.findings) for h in layer] == [(h.rank, h.rounds, h.findings) for h in same]
        first = _round(project, "Bloemenbuurt", "2024")
        assert hotspot_layer(project, first) == []  # one round: nothing recurs yet


def test_the_hotspot_button_draws_them_and_takes_them_away(qtbot, app_window, demo_path):
    window = app_window(demo_path)
    with open_project(demo_path, readonly=True) as project:
        latest = _round(project, "Bloemenbuurt", "2026")
    window.open_round(latest)
    window.middle.setCurrentWidget(window.map)
    panel = window.map
    assert panel.view.hotspots == []
    before = panel.view.grab().toImage()
    panel.hotspot_button.click()
    assert any(h.street == "Rozenstraat" and h.rounds == 3 for h in panel.view.hotspots)
    assert "hotspot" in panel.status.text()
    assert panel.view.grab().toImage() != before  # drawn
    panel.hotspot_button.click()
    assert panel.view.hotspots == []
