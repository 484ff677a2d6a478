"""The overview and the council's monitor read from the municipality's central store
(#21 point 2): ``schouw overview --central postgresql://…`` (or ``--from postgresql://…``)
makes the same overview from the central rows as from the laptop that published them, and
one that also holds what another team published; unreachable: exit 3. Against the real
PostGIS server."""

from __future__ import annotations

import json
import uuid

import pytest
from conftest import run_main

pytestmark = pytest.mark.postgis

psycopg = pytest.importorskip("psycopg")



@pytest.fixture
def schema() -> str:
    return "o_" + uuid.uuid4().hex[:12]


@pytest.fixture(autouse=True)
def file_secrets(monkeypatch):
    monkeypatch.setenv("SCHOUW_SECRET_STORE", "file")


def _areas(doc: dict) -> dict:
    return {a["name"]: (a["rounds"], a["findings"], a["below_norm"], a["actions"]["open"],
                        a["meting"]["overall"]["n"] if a["meting"] else None, a["trend"]["direction"])
            for a in doc["buurten"]}


def test_the_central_overview_is_the_laptops_overview_plus_the_other_teams(demo_path, tmp_path, pg_url, schema,
                                                                           capsys):
    from test_exchange_helpers import new_project

    from schouw.domain.models import Buurt, Wijk

    code, _, err = run_main(capsys, "--db", str(demo_path), "publish", "--to", pg_url, "--schema", schema)
    assert code == 0, err
    code, out, err = run_main(capsys, "--db", str(demo_path), "--json", "overview", "--from", "2024-01-01",
                              "--to", "2026-12-04")
    assert code == 0, err
    local = json.loads(out)
    code, out, err = run_main(capsys, "--json", "overview", "--central", pg_url, "--schema", schema,
                              "--from", "2024-01-01", "--to", "2026-12-04")
    assert code == 0, err
    central = json.loads(out)
    assert _areas(central) == _areas(local)

    # another team publishes its own buurt into the same schema
    other = tmp_path / "oost.schouw"
    project = new_project(other, "laptop-oost")
    wijk = project.areas.add_wijk(Wijk(name="Oostwijk"))
    project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Zeeheldenbuurt"))
    from schouw.services.rounds import create_round

    create_round(project, buurt="Zeeheldenbuurt", wijk="Oostwijk", form_id="crow-beeldkwaliteit", when="2026-05-01")
    project.close()
    assert run_main(capsys, "--db", str(other), "publish", "--to", pg_url, "--schema", schema)[0] == 0
    code, out, err = run_main(capsys, "--json", "overview", "--from", pg_url, "--schema", schema, "--to", "2026-12-04")
    assert code == 0, err
    names = {a["name"] for a in json.loads(out)["buurten"]}
    assert {"Zeeheldenbuurt", "Vogelbuurt", "Havenkwartier"} <= names

    pdf = tmp_path / "monitor.pdf"
    code, out, err = run_main(capsys, "report", "--kind", "monitor", "--wijk", "Vogelwijk", "--year", "2026",
                              "--central", pg_url, "--schema", schema, "--out", str(pdf))
    assert code == 0, err
    assert pdf.stat().st_size > 5000


def test_an_unreachable_central_store_is_exit_3(capsys, tmp_path):
    code, out, err = run_main(capsys, "overview", "--central", "postgresql://schouw@127.0.0.1:1/gemeente")
    assert code == 3 and len(err.strip().splitlines()) == 1 and out == ""
