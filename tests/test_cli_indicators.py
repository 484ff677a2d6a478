"""``schouw indicators`` from the command line: add, set, value (by hand and
``--from-round``), list/show with ``--json``, delete, and the bad inputs the issue names
(exit 2, one line, nothing changed)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import run_main
from test_exchange_helpers import new_project, seed_round
from test_meting import _judge_all

from schouw.services.rounds import create_round


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.schouw"
    project = new_project(path, "cli")
    knelpunten = seed_round(project, photos_per=0)
    meting = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-meting",
                          when="2026-09-15", kind="meting", points=30, seed=3)
    _judge_all(project, meting)
    project.close()
    return path, knelpunten, meting.id


def _ok(capsys, *args):
    code, out, err = run_main(capsys, "--json", *args)
    assert code == 0, err
    return json.loads(out)


def _tables(path):
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("indicators", "indicator_values")}
    finally:
        conn.close()


def test_the_seed_indicator_by_script(db, capsys):
    path, _, meting = db
    made = _ok(capsys, "--db", str(path), "indicators", "add", "Onveilig", "--baseline", "19", "--baseline-year",
               "2008", "--baseline-source", "Veiligheidsmonitor", "--target", "15", "--target-year", "2014",
               "--direction", "down", "--unit", "%")
    assert made["baseline"] == {"value": 19, "year": 2008, "source": "Veiligheidsmonitor"}
    assert made["latest"] is None and made["on_course"] is None
    shown = _ok(capsys, "--db", str(path), "indicators", "value", "Onveilig", "--year", "2011", "--value", "18",
                "--source", "VM")
    assert shown["on_course"] is False and shown["expected"] == pytest.approx(17)
    _ok(capsys, "--db", str(path), "indicators", "set", "Onveilig", "--target", "20")
    code, out, _ = run_main(capsys, "--db", str(path), "indicators", "list")
    assert code == 0 and "Onveilig" in out and "op koers" in out and "niet op koers" not in out
    code, out, _ = run_main(capsys, "--db", str(path), "--lang", "en", "indicators", "show", "Onveilig")
    assert "on course" in out and "2011: 18" in out
    _ok(capsys, "--db", str(path), "indicators", "add", "Schoon", "--baseline", "60", "--baseline-year", "2025",
        "--target", "90", "--target-year", "2028", "--area", "buurt:Vogelbuurt", "--group", "schoon")
    computed = _ok(capsys, "--db", str(path), "indicators", "value", "Schoon", "--from-round", meting)
    assert computed["values"][0]["round_id"] == meting and computed["values"][0]["year"] == 2026
    listing = _ok(capsys, "--db", str(path), "indicators", "list")
    assert [i["name"] for i in listing] == ["Onveilig", "Schoon"]
    _ok(capsys, "--db", str(path), "indicators", "delete", "Onveilig")
    assert [i["name"] for i in _ok(capsys, "--db", str(path), "indicators", "list")] == ["Schoon"]


@pytest.mark.parametrize(("args", "nl", "en"), [
    (["add", "X", "--baseline", "19", "--baseline-year", "2014", "--target", "15", "--target-year", "2008"],
     "ligt vóór het jaar van de nulmeting", "is before the baseline year"),
    (["add", "X", "--baseline", "19", "--baseline-year", "2008", "--target", "15", "--target-year", "2014",
      "--area", "Nergenshuizen"], "Geen wijk of buurt 'Nergenshuizen'", "No wijk or buurt 'Nergenshuizen'"),
    (["value", "Bestaand", "--from-round", "{knelpunten}"], "is een knelpuntenschouw", "is a knelpuntenschouw"),
    (["set", "Bestaand", "--target-year", "1999"], "ligt vóór het jaar van de nulmeting", "is before the baseline"),
    (["value", "Bestaand", "--value", "3"], "--year", "--year"),
    (["value", "Onbekend", "--year", "2020", "--value", "3"], "Geen indicator 'Onbekend'", "No indicator 'Onbekend'"),
])
def test_bad_input_exit_2_one_line_nothing_changed(db, capsys, args, nl, en):
    path, knelpunten, _ = db
    _ok(capsys, "--db", str(path), "indicators", "add", "Bestaand", "--baseline", "50", "--baseline-year", "2020",
        "--target", "80", "--target-year", "2030", "--area", "Vogelbuurt")
    args = [a.format(knelpunten=knelpunten) for a in args]
    before = _tables(path)
    for lang, text in (("nl", nl), ("en", en)):
        code, out, err = run_main(capsys, "--db", str(path), "--lang", lang, "indicators", *args)
        assert code == 2 and out == ""
        assert text in err and len(err.strip().splitlines()) == 1, err
    assert _tables(path) == before
