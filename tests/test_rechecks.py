"""Re-inspection (herschouw): a new round of a buurt carries the open points of the
previous round with the same form; each is marked opgelost / aanwezig / erger, through
the same use case from the CLI and the app, on a real project file."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from conftest import kill_at_fault

from schouw import cli, messages
from schouw.domain.actions import ActionStatus
from schouw.domain.levels import Level
from schouw.domain.rechecks import RecheckResult, is_open, new_level
from schouw.messages import SchouwError
from schouw.report.i18n import format_date
from schouw.services import rechecks
from schouw.services.findings import add_finding
from schouw.services.rounds import create_round
from schouw.store import open_project


@pytest.fixture(autouse=True)
def dutch_again():
    yield
    messages.set_language("nl")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def walked(tmp_path, capsys):
    """A buurt with a 2025 round: two points below norm B (one with an open action),
    one at norm with an open action, one at norm with a closed action, one fine, and an
    observation of the sociale-veiligheid form in a round of its own."""
    db = tmp_path / "wijk.schouw"
    csv_path = tmp_path / "straten.csv"
    csv_path.write_text("straatnaam;woonplaats\nIJsselkade;Rotterdam\nMaasboulevard;Rotterdam\n", encoding="utf-8")
    assert run(capsys, "new", str(db))[0] == 0
    assert run(capsys, "--db", str(db), "streets", "import", str(csv_path), "--buurt", "Oude Westen")[0] == 0
    with open_project(db) as p:
        old = create_round(p, buurt="Oude Westen", form_id="crow-beeldkwaliteit", when="2025-05-01")
        ids = {}
        ids["c"] = add_finding(p, old.id, street="IJsselkade", item="asfalt.zwerfafval", level="C",
                               spot="bij de bank", party="Gemeente")[0].id
        ids["d"] = add_finding(p, old.id, street="Maasboulevard", item="asfalt.onkruid", level="D")[0].id
        ids["b_action"] = add_finding(p, old.id, street="Maasboulevard", item="asfalt.schade", level="B",
                                      party="Stadsbeheer")[0].id
        closed = add_finding(p, old.id, street="IJsselkade", item="asfalt.vervuiling", level="A",
                             party="Stadsbeheer")[0]
        p.actions.set_status(p.actions.for_finding(closed.id).id, ActionStatus.DONE)
        add_finding(p, old.id, street="IJsselkade", item="asfalt.onkruid", level="A")
    return db, old.id, ids


def test_domain_rules():
    assert is_open(True, None) and is_open(False, False) and not is_open(False, True) and not is_open(False, None)
    assert new_level(RecheckResult.PRESENT, True, Level.C, None, "x") is Level.C
    assert new_level(RecheckResult.WORSE, True, Level.C, Level.D, "x") is Level.D
    with pytest.raises(SchouwError) as e:
        new_level(RecheckResult.WORSE, True, Level.C, Level.C, "x")
    assert e.value.key == "recheck_not_worse"
    with pytest.raises(SchouwError):
        new_level(RecheckResult.WORSE, True, Level.C, None, "x")
    with pytest.raises(SchouwError):
        new_level(RecheckResult.PRESENT, False, None, Level.B, "x")
    assert new_level(RecheckResult.WORSE, False, None, None, "x") is None


def test_new_round_carries_the_open_points(walked, capsys):
    db, old_id, ids = walked
    code, out, _ = run(capsys, "--db", str(db), "--json", "rounds", "create", "--buurt", "Oude Westen",
                       "--form", "crow-beeldkwaliteit", "--date", "2026-05-01")
    new_id = json.loads(out)["id"]
    code, out, _ = run(capsys, "--db", str(db), "--json", "rechecks", "list", "--round", new_id)
    points = json.loads(out)
    assert code == 0
    assert {p["follows"] for p in points} == {ids["c"], ids["d"], ids["b_action"]}
    assert all(set(p) == {"id", "follows", "street", "item", "previous_level", "result", "level"} for p in points)
    by_item = {p["item"]: p for p in points}
    assert by_item["asfalt.zwerfafval"]["street"] == "IJsselkade"
    assert by_item["asfalt.zwerfafval"]["previous_level"] == "C" and by_item["asfalt.zwerfafval"]["result"] is None
    # a round of another form carries nothing; the earlier round itself has none
    code, out, _ = run(capsys, "--db", str(db), "--json", "rounds", "create", "--buurt", "Oude Westen",
                       "--form", "sociale-veiligheid", "--date", "2026-05-02")
    sv = json.loads(out)["id"]
    assert json.loads(run(capsys, "--db", str(db), "--json", "rechecks", "list", "--round", sv)[1]) == []
    assert json.loads(run(capsys, "--db", str(db), "--json", "rechecks", "list", "--round", old_id)[1]) == []


def _new_round(db, capsys) -> tuple[str, dict[str, dict]]:
    out = run(capsys, "--db", str(db), "--json", "rounds", "create", "--buurt", "Oude Westen",
              "--form", "crow-beeldkwaliteit", "--date", "2026-05-01")[1]
    new_id = json.loads(out)["id"]
    points = json.loads(run(capsys, "--db", str(db), "--json", "rechecks", "list", "--round", new_id)[1])
    return new_id, {p["item"]: p for p in points}


def test_marking_from_the_command_line(walked, capsys):
    db, old_id, ids = walked
    new_id, points = _new_round(db, capsys)
    d = ("--db", str(db))
    # opgelost: no new finding; the old action is closed with a note
    code, out, _ = run(capsys, *d, "recheck", points["asfalt.zwerfafval"]["id"][:8], "--result", "opgelost")
    assert code == 0 and out == "IJsselkade: asfalt.zwerfafval opgelost.\n"
    with open_project(db) as p:
        action = p.actions.for_finding(ids["c"])
        assert action.status is ActionStatus.DONE
        note = p.actions.history(action.id)[-1].note
        assert note == "opgelost bij herschouw " + format_date(date.today(), "nl", table=True)
        assert note.endswith(date.today().strftime("%d-%m-%Y"))
    # erger: a new finding at the given level, linked to the old one
    code, out, _ = run(capsys, *d, "--json", "recheck", points["asfalt.schade"]["id"], "--result", "erger",
                       "--level", "C")
    marked = json.loads(out)
    assert code == 0 and marked["result"] == "erger" and marked["level"] == "C"
    # aanwezig: the old level
    code, out, _ = run(capsys, *d, "--json", "recheck", points["asfalt.onkruid"]["id"], "--result", "aanwezig")
    assert json.loads(out)["level"] == "D"
    findings = json.loads(run(capsys, *d, "--json", "findings", "list", "--round", new_id)[1])
    assert {(f["element"] + "." + f["aspect"], f["level"], f["follows"]) for f in findings} == {
        ("asfalt.schade", "C", ids["b_action"]), ("asfalt.onkruid", "D", ids["d"])}
    old_findings = json.loads(run(capsys, *d, "--json", "findings", "list", "--round", old_id)[1])
    assert all(f["follows"] is None for f in old_findings)
    listed = json.loads(run(capsys, *d, "--json", "rechecks", "list", "--round", new_id)[1])
    assert sorted(p["result"] for p in listed) == ["aanwezig", "erger", "opgelost"]
    assert json.loads(run(capsys, *d, "--json", "rechecks", "list", "--round", new_id, "--open")[1]) == []


@pytest.mark.parametrize(("args", "nl", "en"), [
    (("--result", "erger"), "Erger vraagt het nieuwe niveau", "Worse needs the new level"),
    (("--result", "erger", "--level", "B"), "niet slechter dan het vorige niveau", "not worse than the previous"),
    (("--result", "aanwezig", "--level", "Q"), "Q", "Q"),
    (("--result", "opgelost", "--level", "D"), "geen niveau", "no level"),
])
def test_bad_input_changes_nothing(walked, capsys, args, nl, en):
    db, _, _ = walked
    new_id, points = _new_round(db, capsys)
    before = sqlite3.connect(db).execute("SELECT COUNT(*), MAX(updated_at) FROM findings").fetchone()
    for lang, text in (("nl", nl), ("en", en)):
        code, out, err = run(capsys, "--db", str(db), "--lang", lang, "recheck",
                             points["asfalt.schade"]["id"], *args)
        assert code == 2 and out == "" and text in err and len(err.strip().splitlines()) == 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*), MAX(updated_at) FROM findings").fetchone() == before
    assert conn.execute("SELECT COUNT(*) FROM rechecks WHERE result IS NOT NULL").fetchone()[0] == 0


def test_level_on_an_observation_is_refused(tmp_path, capsys):
    db = tmp_path / "sv.schouw"
    csv_path = tmp_path / "straten.csv"
    csv_path.write_text("straatnaam;woonplaats\nIJsselkade;Rotterdam\n", encoding="utf-8")
    run(capsys, "new", str(db))
    run(capsys, "--db", str(db), "streets", "import", str(csv_path), "--buurt", "Oude Westen")
    with open_project(db) as p:
        old = create_round(p, buurt="Oude Westen", form_id="sociale-veiligheid", when="2025-10-01")
        form = p.forms.get(old.form_key)
        key = next(f"{e.id}.{a.id}" for e, a in form.items() if a.scale == "choice")
        first_choice = form.item(key)[1].choices[0]
        add_finding(p, old.id, street="IJsselkade", item=key, choice=first_choice, party="Wijkagent")
        new = create_round(p, buurt="Oude Westen", form_id="sociale-veiligheid", when="2026-10-01")
        point = rechecks.points(p, new.id)[0]
    code, _, err = run(capsys, "--db", str(db), "recheck", point["id"], "--result", "erger", "--level", "C")
    assert code == 2 and "waarneming" in err
    with open_project(db) as p:
        assert rechecks.points(p, new.id)[0]["result"] is None
        marked = rechecks.mark(p, point["id"], "erger")
        assert p.findings.one(marked.finding_id).choice == first_choice


def test_undo_puts_everything_back(walked, capsys):
    db, _, ids = walked
    new_id, points = _new_round(db, capsys)
    with open_project(db) as p:
        marked = rechecks.mark(p, points["asfalt.zwerfafval"]["id"], "opgelost")
        assert p.actions.for_finding(ids["c"]).status is ActionStatus.DONE
        rechecks.unmark(p, marked)
        assert p.actions.for_finding(ids["c"]).status is ActionStatus.OPEN
        assert rechecks.points(p, new_id, open_only=True).__len__() == 3
        marked = rechecks.mark(p, points["asfalt.onkruid"]["id"], "aanwezig")
        assert len(p.findings.models(new_id)) == 1
        rechecks.unmark(p, marked)
        assert p.findings.models(new_id) == []
        total = rechecks.summary(p, new_id)
        assert (total.total, total.solved, total.checked) == (3, 0, 0)


def _pdf_text(path) -> str:
    import re

    from pypdf import PdfReader

    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_report_says_how_many_were_solved(walked, capsys, tmp_path):
    db, _, _ = walked
    new_id, points = _new_round(db, capsys)
    d = ("--db", str(db))
    assert run(capsys, *d, "recheck", points["asfalt.zwerfafval"]["id"], "--result", "opgelost")[0] == 0
    assert run(capsys, *d, "recheck", points["asfalt.schade"]["id"], "--result", "erger", "--level", "D")[0] == 0
    out = tmp_path / "r.pdf"
    assert run(capsys, *d, "report", new_id, "--out", str(out))[0] == 0
    text = _pdf_text(out)
    assert "Herschouw" in text and "1 mei 2025" in text
    assert "1 van 3 punten opgelost" in text                      # overall
    assert "1 van 1 punt opgelost" in text                        # IJsselkade: one point, "punt"
    assert "0 van 2 punten opgelost" in text                      # Maasboulevard
    assert "erger (D)" in text and "niet gecontroleerd" in text and "bij de bank" in text
    out_en = tmp_path / "r-en.pdf"
    assert run(capsys, *d, "--lang", "en", "report", new_id, "--out", str(out_en))[0] == 0
    text = _pdf_text(out_en)
    assert "1 of 3 points solved" in text and "worse (D)" in text and "not checked" in text


def test_checks_travel_in_a_package(walked, capsys, tmp_path):
    """The coordinator makes the round; the walker's laptop (a copy) marks the points;
    the walker's package brings the results and the new findings back. A project that
    lacks the earlier round still takes the points."""
    import shutil

    db, _, ids = walked
    new_id, points = _new_round(db, capsys)
    laptop = tmp_path / "laptop.schouw"
    shutil.copyfile(db, laptop)
    lap = ("--db", str(laptop))
    assert run(capsys, *lap, "recheck", points["asfalt.zwerfafval"]["id"], "--result", "opgelost")[0] == 0
    assert run(capsys, *lap, "recheck", points["asfalt.schade"]["id"], "--result", "erger", "--level", "D")[0] == 0
    package = tmp_path / "ronde.zip"
    assert run(capsys, *lap, "export", new_id, "--out", str(package))[0] == 0
    code, out, err = run(capsys, "--db", str(db), "--json", "import", str(package))
    assert code == 0, err
    listed = {p["item"]: p for p in json.loads(
        run(capsys, "--db", str(db), "--json", "rechecks", "list", "--round", new_id)[1])}
    assert listed["asfalt.zwerfafval"]["result"] == "opgelost"
    assert (listed["asfalt.schade"]["result"], listed["asfalt.schade"]["level"]) == ("erger", "D")
    assert listed["asfalt.onkruid"]["result"] is None
    findings = json.loads(run(capsys, "--db", str(db), "--json", "findings", "list", "--round", new_id)[1])
    assert [(f["level"], f["follows"]) for f in findings] == [("D", ids["b_action"])]
    # importing it again changes nothing
    assert json.loads(run(capsys, "--db", str(db), "--json", "import", str(package))[1])["already_imported"]

    fresh = tmp_path / "fresh.schouw"
    run(capsys, "new", str(fresh))
    code, _, err = run(capsys, "--db", str(fresh), "import", str(package))
    assert code == 0, err
    got = json.loads(run(capsys, "--db", str(fresh), "--json", "rechecks", "list", "--round", new_id)[1])
    assert sorted(p["result"] or "-" for p in got) == ["-", "erger", "opgelost"]


def _killed_at(fault: str, command: list[str], tmp_path) -> None:
    import subprocess

    kill_at_fault(command, fault, tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_a_crash_while_creating_the_round_leaves_no_round(walked, tmp_path):
    import sys

    db, old_id, _ = walked
    command = [sys.executable, "-m", "schouw", "--db", str(db), "rounds", "create", "--buurt", "Oude Westen",
               "--form", "crow-beeldkwaliteit", "--date", "2026-05-01"]
    _killed_at("round-points-carried", command, tmp_path)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM rounds").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM rechecks").fetchone()[0] == 0


@pytest.mark.parametrize("args", [("--result", "opgelost"), ("--result", "erger", "--level", "D")])
def test_a_crash_while_marking_leaves_the_old_state(walked, capsys, tmp_path, args):
    """Killed after the new finding (or the closed action) is written but before the
    point's result: nothing of the mark remains, and marking again works."""
    import subprocess
    import sys

    db, _, ids = walked
    new_id, points = _new_round(db, capsys)
    point = points["asfalt.zwerfafval"]
    command = [sys.executable, "-m", "schouw", "--db", str(db), "recheck", point["id"], *args]
    _killed_at("recheck-half-written", command, tmp_path)
    with open_project(db) as p:
        assert rechecks.points(p, new_id, open_only=True).__len__() == 3
        assert p.findings.models(new_id) == []
        assert p.actions.for_finding(ids["c"]).status is ActionStatus.OPEN
    assert subprocess.run(command, capture_output=True).returncode == 0
    with open_project(db) as p:
        assert len(rechecks.points(p, new_id, open_only=True)) == 2
