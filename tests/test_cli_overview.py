"""``schouw overview`` and ``schouw hotspots`` from the command line: the JSON the use
case gives, the text table with trend words, and the bad inputs the issue names (unknown
wijk or buurt, a start after the end, a bad date): exit 2, one Dutch line (English with
--lang en), nothing changed."""

from __future__ import annotations

import json

import pytest
from conftest import run_main
from test_hotspots import located  # noqa: F401 - fixture
from test_monitoring import filled  # noqa: F401 - fixture


@pytest.fixture
def db(filled):  # noqa: F811
    project, *_ = filled
    path = project.path
    project.close()
    return path


def test_overview_json_per_wijk_and_buurt(db, capsys):
    code, out, err = run_main(capsys, "--db", str(db), "overview", "--from", "2026-01-01", "--to", "2026-12-31", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["period"] == {"from": "2026-01-01", "to": "2026-12-31"}
    assert data["previous_period"] == {"from": "2025-01-01", "to": "2025-12-31"}
    buurten = {b["name"]: b for b in data["buurten"]}
    assert buurten["Oud-Noord"]["below_norm"] == 2 and buurten["Oud-Noord"]["rounds"] == {"knelpunten": 2}
    assert buurten["Oud-Noord"]["trend"]["direction"] == "beter"
    assert buurten["Oud-Noord"]["rechecks"] == {"checked": 5, "solved": 3, "solved_share": 0.6}
    assert [w["name"] for w in data["wijken"]] == ["Noord", "Zuid"]


def test_overview_text_has_rows_per_wijk_and_buurt_with_trend_words(db, capsys):
    code, out, _ = run_main(capsys, "--db", str(db), "overview", "--wijk", "Noord", "--from", "2026-01-01",
                            "--to", "2026-12-31")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Overzicht 2026-01-01 t/m 2026-12-31")
    row = next(line for line in lines if line.strip().startswith("Oud-Noord"))
    assert "↑ beter (onder norm per ronde)" in row
    assert not any("Zuidrand" in line for line in lines)
    code, out, _ = run_main(capsys, "--db", str(db), "--lang", "en", "overview", "--from", "2026-01-01",
                            "--to", "2026-12-31")
    assert "↑ better (below norm per round)" in out


@pytest.mark.parametrize(("args", "nl", "en"), [
    (["--wijk", "Oost"], "Geen wijk 'Oost'", "No wijk 'Oost'"),
    (["--buurt", "Nergens"], "Geen buurt 'Nergens'", "No buurt 'Nergens'"),
    (["--from", "2026-12-01", "--to", "2026-01-01"], "ligt na de einddatum", "is after the end date"),
    (["--from", "31-01-2026"], "is geen datum", "is not a date"),
    (["--to", "2026-02-30"], "is geen datum", "is not a date"),
])
@pytest.mark.parametrize("command", ["overview", "hotspots"])
def test_bad_input_exits_2_with_one_line(db, capsys, args, nl, en, command):
    before = db.read_bytes()
    code, out, err = run_main(capsys, "--db", str(db), command, *args)
    assert (code, out) == (2, "")
    assert nl in err and len(err.strip().splitlines()) == 1
    code, _, err = run_main(capsys, "--db", str(db), "--lang", "en", command, *args)
    assert code == 2 and en in err
    assert db.read_bytes() == before


def test_hotspots_json_and_text(located, capsys):  # noqa: F811
    project, ids = located
    path = project.path
    project.close()
    code, out, err = run_main(capsys, "--db", str(path), "hotspots", "--from", "2026-01-01", "--to", "2026-12-31",
                              "--json")
    assert code == 0, err
    spots = json.loads(out)
    assert len(spots) == 1 and spots[0]["rounds"] == 3 and spots[0]["worst"] == "D"
    assert set(spots[0]["finding_ids"]) == {ids["c1"], ids["d2"], ids["c3"]}
    code, out, _ = run_main(capsys, "--db", str(path), "hotspots", "--from", "2026-01-01", "--to", "2026-12-31")
    assert "1. Merelstraat (Oud-Noord): 3 rondes, 3 bevindingen, ergste D" in out
    code, out, _ = run_main(capsys, "--db", str(path), "hotspots", "--from", "2026-10-01", "--to", "2026-12-31")
    assert code == 0 and "Geen plekken" in out
    code, out, err = run_main(capsys, "--db", str(path), "hotspots", "--limit", "0")
    assert code == 2 and "--limit 0" in err


def test_hotspots_times_json_and_chart(located, capsys):  # noqa: F811
    project, ids = located
    project.findings.update(ids["c1"], time_of_day="avond")
    path = project.path
    project.close()
    code, out, err = run_main(capsys, "--db", str(path), "hotspots", "--times", "--from", "2026-01-01",
                              "--to", "2026-12-31", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["total"] == 1 and data["parts_of_day"] == {"avond": 1} and data["months"][2] == 1
    code, out, _ = run_main(capsys, "--db", str(path), "hotspots", "--times", "--from", "2026-01-01",
                            "--to", "2026-12-31")
    assert "Per dagdeel:" in out and "avond  " + "█" * 30 + " 1" in out and "geen aandelen" in out
    code, out, _ = run_main(capsys, "--db", str(path), "hotspots", "--times", "--from", "2026-10-01")
    assert code == 0 and "Geen bevindingen met een tijdstip" in out
