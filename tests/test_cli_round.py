"""The team and the walked streets from the command line, through the app's use cases;
the rules the app and the CLI share (n.v.t., party names)."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli
from conftest import run_main as run

from schouw.domain.findings import DEFAULT_PRIORITY, allows_priority_and_action, check_finding
from schouw.domain.parties import find_party, matches_any, party_matches
from schouw.messages import SchouwError


@pytest.fixture
def made(tmp_path, capsys):
    """A round made the way a script makes one: streets imported, a round created."""
    db = tmp_path / "wijk.schouw"
    csv_path = tmp_path / "straten.csv"
    csv_path.write_text("straatnaam;woonplaats\nIJsselkade;Rotterdam\nMaasboulevard;Rotterdam\nWitte de Withstraat;"
                        "Rotterdam\n", encoding="utf-8")
    assert run(capsys, "new", str(db))[0] == 0
    assert run(capsys, "--db", str(db), "streets", "import", str(csv_path), "--buurt", "Oude Westen")[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "--json", "rounds", "create", "--buurt", "Oude Westen",
                       "--form", "crow-beeldkwaliteit", "--date", "2026-11-20")
    return db, json.loads(out)["id"], tmp_path


def test_team_of_a_script_made_round(made, capsys):
    db, round_id, _ = made
    d = ["--db", str(db)]
    code, out, _ = run(capsys, *d, "round", "participants", "add", "--round", round_id[:8], "--name", "Marieke de Boer",
                       "--organisation", "Gemeente", "--role", "gemeente")
    assert code == 0 and out == "Marieke de Boer toegevoegd; het team telt nu 1 deelnemer.\n"
    code, out, _ = run(capsys, *d, "--json", "round", "participants", "add", "--round", round_id,
                       "--name", "Henk", "--organisation", "Bewonerscommissie", "--role", "Bewoner")
    added = json.loads(out)
    assert added["role"] == "bewoner" and added["participants"] == 2
    # the same person twice is refused, and nothing changes
    code, _, err = run(capsys, *d, "round", "participants", "add", "--round", round_id, "--name", "henk",
                       "--organisation", "bewonerscommissie")
    assert code == 2 and "staat al in het team" in err
    rows = json.loads(run(capsys, *d, "--json", "rounds", "list")[1])
    assert rows[0]["participants"] == 2
    team = json.loads(run(capsys, *d, "--json", "round", "participants", "list", "--round", round_id)[1])
    assert [(p["name"], p["organisation"], p["role"]) for p in team] == [
        ("Marieke de Boer", "Gemeente", "gemeente"), ("Henk", "Bewonerscommissie", "bewoner")]
    code, out, _ = run(capsys, *d, "--lang", "en", "round", "participants", "remove", "--round", round_id,
                       "--name", "marieke de boer")
    assert code == 0 and out == "Marieke de Boer taken off the team; the team now has 1 participant.\n"
    assert json.loads(run(capsys, *d, "--json", "rounds", "list")[1])[0]["participants"] == 1


def test_streets_walked_are_what_the_app_shows(made, capsys):
    from schouw.services import walk
    from schouw.store import open_project

    db, round_id, _ = made
    d = ["--db", str(db)]
    code, out, _ = run(capsys, *d, "street", "walked", "--round", round_id, "--street", "ijsselkade")
    assert code == 0 and out == "IJsselkade is gelopen; 1 van 3 straten gelopen.\n"
    code, out, _ = run(capsys, *d, "--json", "street", "walked", "--round", round_id, "--street", "Maasboulevard")
    assert json.loads(out)["streets_walked"] == 2 and json.loads(out)["streets"] == 3
    code, out, _ = run(capsys, *d, "--lang", "en", "street", "unwalked", "--round", round_id, "--street", "IJsselkade")
    assert out == "IJsselkade is no longer walked; 1 of 3 streets walked.\n"
    with open_project(db) as project:
        ctx = walk.load_round(project, round_id)
        done = {s.name for s in walk.street_statuses(project, ctx) if s.done}
    assert done == {"Maasboulevard"}


def test_new_commands_in_a_real_subprocess(made):
    db, round_id, _ = made
    result = run_cli("--db", str(db), "street", "walked", "--round", round_id, "--street", "Witte de With")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Bedoelde u Witte de Withstraat?" in result.stderr
    result = run_cli("--db", str(db), "--json", "round", "participants", "list", "--round", round_id, check=True)
    assert json.loads(result.stdout) == []


# -- n.v.t. takes no priority and no action (one rule for the app and the CLI) --------------------
def test_nvt_with_priority_or_party_is_refused_and_nothing_is_stored(made, capsys):
    db, round_id, _ = made
    add = ["--db", str(db), "finding", "add", "--round", round_id, "--street", "IJsselkade", "--item", "asfalt.onkruid"]
    code, _, err = run(capsys, *add, "--level", "n.v.t.", "--priority", "spoed")
    assert code == 2 and "heeft geen prioriteit" in err
    code, _, err = run(capsys, *add, "--level", "n/a", "--party", "Gemeente", "--lang", "en")
    assert code == 2 and err == "asfalt.onkruid cannot be n/a while it has an action: remove the action first.\n"
    assert json.loads(run(capsys, "--db", str(db), "--json", "findings", "list", "--round", round_id)[1]) == []
    code, out, _ = run(capsys, *add, "--level", "nvt")
    assert code == 0
    rows = json.loads(run(capsys, "--db", str(db), "--json", "findings", "list", "--round", round_id)[1])
    assert rows[0]["level"] == "n.v.t." and rows[0]["priority"] == DEFAULT_PRIORITY
    assert "n/a" in run(capsys, "--db", str(db), "--lang", "en", "findings", "list", "--round", round_id)[1]


def test_the_app_refuses_an_action_on_nvt_and_nvt_on_an_action(made):
    from schouw.services import walk
    from schouw.store import open_project

    db, round_id, _ = made
    with open_project(db) as project:
        ctx = walk.load_round(project, round_id)
        street = project.areas.find_street(ctx.buurt.id, "IJsselkade")
        finding = walk.new_finding(project, ctx, street.id, "asfalt", "onkruid")
        walk.edit_finding(project, ctx, finding.id, {"level": "n.v.t."})
        with pytest.raises(SchouwError) as caught:
            walk.set_action(project, finding.id, wanted=True, party="Gemeente")
        assert caught.value.key == "nvt_no_action" and project.actions.for_finding(finding.id) is None
        with pytest.raises(SchouwError) as caught:
            walk.edit_finding(project, ctx, finding.id, {"priority": "hoog"})
        assert caught.value.key == "nvt_priority"
        walk.edit_finding(project, ctx, finding.id, {"level": "C", "priority": "hoog"})
        walk.set_action(project, finding.id, wanted=True, party="Gemeente")
        with pytest.raises(SchouwError) as caught:
            walk.edit_finding(project, ctx, finding.id, {"level": "n.v.t."})
        assert caught.value.key == "nvt_has_action"
        stored = project.findings.one(finding.id)
        assert (stored.level.value, stored.not_applicable, stored.priority) == ("C", False, "hoog")


def test_check_finding_is_the_one_rule():
    from schouw.services.forms import find_form

    form = find_form("crow-beeldkwaliteit")
    assert not allows_priority_and_action(True) and allows_priority_and_action(False)
    value, priority = check_finding(form, "asfalt.onkruid", level="NVT")
    assert value.not_applicable and priority == "normaal"
    assert check_finding(form, "asfalt.onkruid", level="c", priority="HOOG", has_action=True)[1] == "hoog"
    for kwargs, key in (({"level": "n.v.t.", "priority": "laag"}, "nvt_priority"),
                        ({"level": "n.v.t.", "has_action": True}, "nvt_has_action"),
                        ({"level": "B", "priority": "dringend"}, "bad_priority")):
        with pytest.raises(SchouwError) as caught:
            check_finding(form, "asfalt.onkruid", **kwargs)
        assert caught.value.key == key


# -- one rule for naming a party ----------------------------------------------------------------------
def test_a_party_is_named_by_its_whole_name():
    assert party_matches("Gemeente", "gemeente") and party_matches(" Gemeente  Rotterdam ", "gemeente rotterdam")
    assert not party_matches("Gemeente, team Reiniging", "Gemeente") and not party_matches("", "")
    assert matches_any("Politie", ["Gemeente", "politie"]) and not matches_any("Politiebureau", ["Politie"])
    assert find_party("GEMEENTE, TEAM REINIGING", ["Politie", "Gemeente, team Reiniging"]) == "Gemeente, team Reiniging"
    with pytest.raises(SchouwError) as caught:
        find_party("Gemeente", ["Politie", "Gemeente, team Reiniging"])
    assert caught.value.message("en").endswith("Parties: Gemeente, team Reiniging, Politie.")


def test_report_party_matches_case_insensitively_but_not_by_prefix(made, capsys):
    db, round_id, tmp = made
    assert run(capsys, "--db", str(db), "finding", "add", "--round", round_id, "--street", "IJsselkade",
               "--item", "asfalt.onkruid", "--level", "D", "--party", "Gemeente, team Reiniging")[0] == 0
    code, _, err = run(capsys, "--db", str(db), "report", round_id, "--out", str(tmp / "a.pdf"), "--party", "Gemeente")
    assert code == 2 and "Actiehouders: Gemeente, team Reiniging." in err and not (tmp / "a.pdf").exists()
    code, out, _ = run(capsys, "--db", str(db), "--json", "report", round_id, "--out", str(tmp / "a.pdf"),
                       "--party", "gemeente, TEAM reiniging")
    assert code == 0 and json.loads(out)["actions"] == 1


def test_an_old_nvt_finding_with_a_priority_can_still_be_edited(made):
    """Data from before the rule (n.v.t. with priority hoog) is not locked: the next edit
    puts the default priority back instead of refusing every change."""
    from schouw.domain.models import Finding
    from schouw.services import walk
    from schouw.store import open_project

    db, round_id, _ = made
    with open_project(db) as project:
        ctx = walk.load_round(project, round_id)
        street = project.areas.find_street(ctx.buurt.id, "IJsselkade")
        old = project.findings.add(Finding(round_id=ctx.round.id, street_id=street.id, element="asfalt",
                                           aspect="onkruid", not_applicable=True, priority="hoog"))
        undo = walk.edit_finding(project, ctx, old.id, {"description": "geen asfalt hier"})
        stored = project.findings.one(old.id)
        assert stored.description == "geen asfalt hier" and stored.priority == "normaal"
        assert undo == {"description": "", "priority": "hoog"}
