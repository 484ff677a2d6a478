"""The two kinds of round from the command line: ``rounds create``/``round new --kind``,
``points list|judge|done|reopen``, ``round close``, ``score`` (text and ``--json``), and
the bad inputs the issue names (exit 2, one line, nothing changed)."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, run_main
from test_exchange_helpers import new_project, seed_round
from test_meting import _rows

from schouw.services.forms import find_form
from schouw.services.points import required_items


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.schouw"
    project = new_project(path, "cli")
    knelpunten = seed_round(project, photos_per=0)
    project.close()
    return path, knelpunten


def _json(capsys, *args):
    code, out, err = run_main(capsys, "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_a_meting_done_entirely_by_script(db, capsys):
    path, _ = db
    made = _json(capsys, "--db", str(path), "round", "new", "--buurt", "Vogelbuurt", "--form", "crow-meting",
                 "--date", "2026-09-15", "--kind", "meting", "--points", "6", "--seed", "11")
    assert (made["kind"], made["points"], made["seed"]) == ("meting", 6, 11)
    points = _json(capsys, "--db", str(path), "points", "list", "--round", made["id"])
    assert [p["n"] for p in points] == [1, 2, 3, 4, 5, 6]
    assert {"id", "n", "street", "lat", "lon", "done"} <= set(points[0]) and not points[0]["done"]
    items = [f"{e}.{a}" for e, a in required_items(find_form("crow-meting"))]
    levels = ["A+", "A", "B", "C", "D", "n.v.t."]
    for p in points:
        judged = [f"{item}={levels[(p['n'] + i) % 6]}" for i, item in enumerate(items)]
        state = _json(capsys, "--db", str(path), "points", "judge", "--round", made["id"], str(p["n"]),
                      *judged, "--done")
        assert state["done"] and state["judged"] == len(items)
    code, out, err = run_main(capsys, "--db", str(path), "round", "close", made["id"])
    assert code == 0, err
    score = _json(capsys, "--db", str(path), "score", made["id"])
    assert score["kind"] == "meting" and score["profile"] and score["points_done"] == 6
    assert {a["aspect"] for a in score["aspects"]} == {i.split(".")[1] for i in items}
    for a in score["aspects"]:
        assert {"element", "aspect", "n", "at_or_above", "share", "low", "high"} <= set(a)
        assert a["n"] == 5  # one n.v.t. of six points per aspect
        assert a["low"] <= a["share"] <= a["high"]
    assert set(score["groups"]) == {"schoon", "heel"}
    assert score["overall"]["n"] == 5 * len(items) == sum(g["n"] for g in score["groups"].values())
    listed = {r["id"]: r for r in _json(capsys, "--db", str(path), "rounds", "list")}
    assert listed[made["id"]]["kind"] == "meting" and listed[made["id"]]["closed"]
    code, out, _ = run_main(capsys, "--db", str(path), "score", made["id"])
    assert code == 0 and "op of boven norm" in out and "95 %-interval" in out


def test_rounds_create_and_round_new_are_one_command(db, capsys):
    path, _ = db
    a = _json(capsys, "--db", str(path), "rounds", "create", "--buurt", "Vogelbuurt", "--form", "crow-meting",
              "--date", "2026-09-15", "--kind", "meting", "--points", "5", "--seed", "3")
    b = _json(capsys, "--db", str(path), "round", "new", "--buurt", "Vogelbuurt", "--form", "crow-meting",
              "--date", "2026-09-16", "--kind", "meting", "--points", "5", "--seed", "3")
    pa = _json(capsys, "--db", str(path), "points", "list", "--round", a["id"])
    pb = _json(capsys, "--db", str(path), "points", "list", "--round", b["id"])
    assert [(p["n"], p["street"], p["lat"]) for p in pa] == [(p["n"], p["street"], p["lat"]) for p in pb]
    plain = _json(capsys, "--db", str(path), "rounds", "create", "--buurt", "Vogelbuurt",
                  "--form", "crow-beeldkwaliteit", "--date", "2026-09-17")
    assert plain["kind"] == "knelpunten" and plain["points"] is None


def test_a_knelpuntenschouw_score_has_counts_and_no_share(db, capsys):
    path, knelpunten = db
    score = _json(capsys, "--db", str(path), "score", knelpunten)
    assert score["kind"] == "knelpunten" and score["counts"]["findings"] == 6

    def keys(value):
        if isinstance(value, dict):
            for k, v in value.items():
                yield k
                yield from keys(v)

    assert not {"share", "low", "high", "at_or_above"} & set(keys(score))
    assert score["counts"]["below_norm"] == sum(a["below_norm"] for a in score["counts"]["aspects"].values())
    code, out, _ = run_main(capsys, "--db", str(path), "score", knelpunten)
    assert code == 0 and "%" not in out and "geen aandeel op norm" in out
    code, _, err = run_main(capsys, "--db", str(path), "points", "list", "--round", knelpunten)
    assert code == 2 and "knelpuntenschouw" in err


@pytest.mark.parametrize("case", ["too_large", "close_open", "bad_judgement", "finish_open"])
def test_bad_input_exits_2_with_one_line_and_changes_nothing(db, capsys, case):
    path, _ = db
    made = _json(capsys, "--db", str(path), "round", "new", "--buurt", "Vogelbuurt", "--form", "crow-meting",
                 "--date", "2026-09-15", "--kind", "meting", "--points", "4", "--seed", "1")
    run_main(capsys, "--db", str(path), "points", "judge", "--round", made["id"], "1", "elementen.onkruid=A")
    before = _rows(path)
    args = {
        "too_large": ["round", "new", "--buurt", "Vogelbuurt", "--form", "crow-meting", "--date", "2026-09-20",
                      "--kind", "meting", "--points", "5000"],
        "close_open": ["round", "close", made["id"]],
        # the first judgement is fine, the second is not: neither is written
        "bad_judgement": ["points", "judge", "--round", made["id"], "2", "elementen.onkruid=B", "gras.hoogte=Z"],
        "finish_open": ["points", "done", "--round", made["id"], "1"],
    }[case]
    result = run_cli("--db", str(path), *args)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""
    expected = {"too_large": "hoogstens", "close_open": "4 schouwpunten nog niet af",
                "bad_judgement": "'Z'", "finish_open": "nog te beoordelen"}[case]
    assert expected in result.stderr
    assert _rows(path) == before


def test_a_meting_on_the_sociale_veiligheid_form_is_refused(db, capsys):
    path, _ = db
    before = _rows(path)
    code, _, err = run_main(capsys, "--db", str(path), "round", "new", "--buurt", "Vogelbuurt",
                            "--form", "sociale-veiligheid", "--date", "2026-09-15", "--kind", "meting")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "sociale-veiligheid" in err
    assert _rows(path) == before
