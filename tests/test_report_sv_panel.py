"""A sociale-veiligheid round has no norms: the street panel's summary shows no
"onder norm" count (once a red "0") and no "< norm" column; a CROW round does."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from schouw.store import open_project  # noqa: E402


def test_street_panel_shows_below_norm_only_where_a_norm_applies(qtbot, demo_path):
    from schouw.ui.models import StreetModel
    from schouw.ui.panels import StreetPanel
    from schouw.ui.session import Session

    project = open_project(demo_path)
    try:
        rounds = {row["title"]: row["id"] for row in project.rounds.list()}
        session = Session(project)
        session.open_round(rounds["Veilige Buurten-schouw Havenkwartier"])
        panel = StreetPanel(session)
        qtbot.addWidget(panel)
        panel.show()
        below = panel.findChild(object, "statBelow")
        assert not session.ctx.has_norms
        assert not below.isVisible()
        assert panel.table.isColumnHidden(StreetModel.COL_BELOW)
        assert panel.findChild(object, "statFindings").text() == "22"  # what applies is still counted

        session.open_round(rounds["Jaarschouw Vogelbuurt"])
        qtbot.waitUntil(lambda: below.isVisible(), timeout=3000)
        assert session.ctx.has_norms
        assert not panel.table.isColumnHidden(StreetModel.COL_BELOW)
        assert int(below.text()) > 0
    finally:
        project.close()
