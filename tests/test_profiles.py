"""Quality profiles a user can change: the one judging rule, the change log (store
migration 5), `schouw profiles ...`, `schouw forms show`, and reports that re-score old
rounds under the profile the user chooses (the whole trend under the same one)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli
from pypdf import PdfReader

from schouw.domain.levels import Level
from schouw.domain.models import Buurt, Finding, Street, Wijk
from schouw.domain.norms import DEFAULT_AREA_TYPE, area_type_of, judge
from schouw.domain.profile import parse_profile
from schouw.domain.profile_edit import ProfileChange, apply, as_of, diff, value_of
from schouw.store.project import CURRENT_VERSION

PROFILE = {
    "id": "p", "name": "Testprofiel", "levels": ["A+", "A", "B", "C", "D"],
    "default_norm": {"centrum": "A", "woongebied": "B", "hoofdinfra": "B", "bedrijventerrein": "C", "recreatie": "C"},
    "element_norms": {"bomen": {"woongebied": "A"}},
    "aspect_norms": {"asfalt.onkruid": {"centrum": "A+"}},
}


# -- domain: the judging rule ----------------------------------------------------------------
def test_area_type_street_else_buurt_else_default():
    assert area_type_of("centrum", "woongebied") == "centrum"
    assert area_type_of(None, "bedrijventerrein") == "bedrijventerrein"
    assert area_type_of("", "recreatie") == "recreatie"
    assert area_type_of("stadspark", "recreatie") == "recreatie"  # not an area type: not known
    assert area_type_of(None, None) == DEFAULT_AREA_TYPE == "woongebied"
    assert area_type_of(None, "") == "woongebied"


def test_judge_applies_aspect_element_default_and_leaves_out_nvt():
    p = parse_profile(PROFILE, "test")
    assert judge(p, "asfalt", "onkruid", "A", False, "centrum").below  # A+ norm from the aspect
    assert not judge(p, "asfalt", "onkruid", "A", False, "woongebied").below  # default B
    assert judge(p, "bomen", "schade", "B", False, None).below  # element A, area type defaulted
    nvt = judge(p, "asfalt", "onkruid", "D", True, "centrum")
    assert not nvt.below and not nvt.counts and nvt.meets is None
    assert not judge(p, "asfalt", "onkruid", None, False, "centrum").counts
    assert not judge(p, "asfalt", "onkruid", "n.v.t.", False, "centrum").counts
    off_scale = judge(p, "sv", "donker", "D", False, "centrum", has_level=False)
    assert off_scale.norm is None and not off_scale.below
    assert judge(None, "asfalt", "onkruid", "D", False, "centrum").norm is None
    meets = judge(p, "asfalt", "onkruid", Level.B, False, "woongebied")
    assert meets.counts and meets.meets and meets.norm is Level.B


def test_sheets_mor_and_scores_agree_without_any_area_type():
    """A street and buurt without a known area type: every reader judges under the same
    default (the spreadsheet export used to give no norm, the MOR rule woongebied)."""
    from schouw.exchange.mor.build import below_norm
    from schouw.exchange.sheets import build_rows
    from schouw.services.forms import find_form

    p = parse_profile(PROFILE, "test")
    form = find_form("crow-beeldkwaliteit")
    finding = {"id": "f1", "street_id": "s1", "element": "asfalt", "aspect": "onkruid", "level": "C",
               "not_applicable": False}
    rows = build_rows(findings=[finding], streets={"s1": {"name": "Merelstraat", "area_type": None}}, buurt={},
                      wijk={}, form=form, profile=p, actions={}, photo_files={})
    assert rows[0].values["norm"] == "B" and rows[0].values["voldoet"] == "nee"
    assert rows[0].values["gebiedstype"] == "woongebied"
    assert below_norm(p, "asfalt", "onkruid", "C", False, None)


# -- domain: changes and history ---------------------------------------------------------------
def test_apply_as_of_and_diff():
    p = parse_profile(PROFILE, "test")
    raised = apply(p, [("default", "centrum", "A+"), ("aspect:asfalt.onkruid", "centrum", ""),
                       ("target:schoon", "", "0.95")])
    assert raised.default_norm["centrum"] is Level.A_PLUS and "asfalt.onkruid" not in raised.aspect_norms
    assert value_of(raised, "target:schoon", "") == "0.95"
    changes = [ProfileChange(c.key, c.area_type, c.old, c.new, at="2026-03-01T10:00:00.000Z")
               for c in diff(p, raised)]
    assert {(c.key, c.area_type, c.old, c.new) for c in changes} == {
        ("default", "centrum", "A", "A+"), ("aspect:asfalt.onkruid", "centrum", "A+", ""),
        ("target:schoon", "", "", "0.95")}
    assert as_of(raised, changes, "2026-02-01T00:00:00.000Z") == p
    assert as_of(raised, changes, "2026-04-01T00:00:00.000Z") == raised


# -- store: migration 5 on an older file ----------------------------------------------------------
def test_migration_5_on_a_v4_file_keeps_profile_and_logs_changes(tmp_path):
    from schouw.services import profiles
    from schouw.services.rounds import create_round
    from schouw.store import create_project, open_project

    path = tmp_path / "v4.schouw"
    with create_project(path, target_version=4) as old:
        wijk = old.areas.add_wijk(Wijk(name="W"))
        old.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
        create_round(old, buurt="B", form_id="crow-beeldkwaliteit", when="2025-05-01")
    with sqlite3.connect(path) as conn:
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'profile_changes'").fetchall()
    with open_project(path) as project:
        assert project.schema_version == CURRENT_VERSION  # later migrations run too
        changes = profiles.set_norm(project, scope="default", level="A", area_types=["woongebied"])
        assert [(c.key, c.area_type, c.old, c.new) for c in changes] == [("default", "woongebied", "B", "A")]
        log = profiles.change_log(project)
        assert len(log) == 1 and log[0].who and log[0].at
        assert profiles.project_profile(project)[1].default_norm["woongebied"] is Level.A


# -- services: validation --------------------------------------------------------------------------
@pytest.fixture
def two_rounds(tmp_path) -> tuple[Path, dict]:
    """A woongebied buurt with a nulmeting (2025) and a later round (2026), both all at B
    for asfalt.onkruid, plus an n.v.t. finding."""
    from schouw.services.rounds import create_round
    from schouw.store import create_project

    path = tmp_path / "p.schouw"
    ids: dict = {}
    with create_project(path, name="Profieltest") as p:
        wijk = p.areas.add_wijk(Wijk(name="Vogelwijk"))
        buurt = p.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Vogelbuurt", area_type="woongebied"))
        p.areas.add_streets([Street(buurt_id=buurt.id, name="Merelstraat")])
        street = p.areas.streets(buurt.id)[0]
        for when, key in (("2025-10-01", "old"), ("2026-10-01", "new")):
            rnd = create_round(p, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when=when)
            ids[key] = rnd.id
            for _ in range(3):
                p.findings.add(Finding(round_id=rnd.id, street_id=street.id, element="asfalt", aspect="onkruid",
                                       level=Level.B))
            p.findings.add(Finding(round_id=rnd.id, street_id=street.id, element="asfalt", aspect="onkruid",
                                   level=Level.D, not_applicable=True))
    return path, ids


@pytest.mark.parametrize("args, key", [
    (["--aspect", "asfalt.onkruidd", "--area-type", "woongebied", "--level", "A"], "Aspect 'asfalt.onkruidd'"),
    (["--aspect", "asfalt.onkruid", "--area-type", "woongebied", "--level", "D"], "D is nooit een norm"),
    (["--default", "--area-type", "stad", "--level", "A"], "Onbekend gebiedstype 'stad'"),
    (["--element", "bomen", "--area-type", "centrum", "--level", "Z"], "'Z' is geen norm"),
    (["--element", "bestaatniet", "--area-type", "centrum", "--level", "A"], "Element 'bestaatniet'"),
    (["--default", "--area-type", "centrum", "--level", "-"], "'-' is geen norm"),
])
def test_set_norm_bad_input_exits_2_and_changes_nothing(two_rounds, args, key):
    path, _ = two_rounds

    def definitions() -> list:
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT id, definition, updated_at FROM profiles").fetchall()

    before = definitions()
    result = run_cli("--db", str(path), "profiles", "set-norm", *args)
    assert result.returncode == 2, result.stderr
    assert key in result.stderr and len(result.stderr.strip().splitlines()) == 1
    log = run_cli("--db", str(path), "profiles", "log", "--json", check=True)
    assert json.loads(log.stdout) == []
    assert definitions() == before


def test_level_not_in_profile_levels_is_refused(two_rounds):
    from schouw.messages import SchouwError
    from schouw.services import profiles
    from schouw.store import open_project

    path, _ = two_rounds
    with open_project(path) as project:
        row_id, profile = profiles.project_profile(project)
        project.forms.save_profile(parse_profile({**profile.to_data(), "levels": ["A", "B", "C", "D"],
                                                  "aspect_norms": {}, "element_norms": {}}, "t"), row_id)
        with pytest.raises(SchouwError) as err:
            profiles.set_norm(project, scope="default", level="A+", area_types=["centrum"])
        assert err.value.key == "profile_level_unused"
        assert profiles.change_log(project) == []


# -- CLI and reports: a raised norm re-scores the old rounds -------------------------------------------
def test_raising_a_norm_rescores_old_rounds_under_the_chosen_profile(two_rounds, tmp_path):
    from schouw.services.reports import gather
    from schouw.store import open_project

    path, ids = two_rounds
    db = ["--db", str(path)]
    result = run_cli(*db, "profiles", "set-norm", "--aspect", "asfalt.onkruid", "--area-type", "woongebied",
                     "--level", "A", "--json", check=True)
    assert [(c["key"], c["old"], c["new"]) for c in json.loads(result.stdout)] == [("aspect:asfalt.onkruid", "", "A")]
    shown = json.loads(run_cli(*db, "profiles", "show", "--json", check=True).stdout)
    assert shown["aspect_norms"]["asfalt.onkruid"]["woongebied"] == "A" and shown["changes"] == 1
    then = json.loads(run_cli(*db, "profiles", "show", "--round", ids["old"], "--json", check=True).stdout)
    assert "asfalt.onkruid" not in then["aspect_norms"]

    with open_project(path) as project:
        at_round = gather(project, ids["new"])
        current = gather(project, ids["new"], profile_choice="current")
    # as in force at the round (before the change): B meets B, in both rounds
    assert at_round.score.share() == 1.0 and at_round.history.baseline.score.share() == 1.0
    # the current profile: B is below the raised norm A, and the nulmeting is re-scored too
    assert current.score.share() == 0.0 and current.history.baseline.score.share() == 0.0
    assert current.history.baseline.round_id == ids["old"]
    assert current.score.excluded.not_applicable == 1 and current.score.total.with_norm == 3

    out = tmp_path / "rapport.pdf"
    run_cli(*db, "report", ids["old"][:8], "--out", str(out), "--profile", "current", check=True)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Standaard kwaliteitsprofiel, zoals het nu geldt" in text.replace("\n", " ")
    assert "hetzelfde kwaliteitsprofiel" in text.replace("\n", " ")
    run_cli(*db, "report", ids["old"][:8], "--out", str(out), check=True)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages).replace("\n", " ")
    assert "zoals geldend op 1 oktober 2025" in text
    bad = run_cli(*db, "report", ids["old"][:8], "--out", str(out), "--profile", "bestaatniet")
    assert bad.returncode == 2 and "bestaatniet" in bad.stderr


def test_user_profile_file_is_listed_and_applied_as_logged_changes(two_rounds, data_dir):
    path, _ = two_rounds
    folder = data_dir / "forms" / "profielen"
    folder.mkdir(parents=True)
    shipped = Path(__file__).resolve().parents[1] / "forms" / "profielen" / "standaard.toml"
    text = shipped.read_text(encoding="utf-8").replace('id = "standaard"', 'id = "raad-2027"')
    text = text.replace('[default_norm]\ncentrum = "A"', '[default_norm]\ncentrum = "A+"')
    (folder / "raad.toml").write_text(text, encoding="utf-8")
    listed = json.loads(run_cli("--db", str(path), "profiles", "list", "--json", check=True).stdout)
    assert {f["id"] for f in listed["files"]} >= {"standaard", "raad-2027"}
    assert [p["in_force"] for p in listed["project"]] == [True]
    changes = json.loads(run_cli("--db", str(path), "profiles", "use", "raad-2027", "--json", check=True).stdout)
    assert [(c["key"], c["area_type"], c["old"], c["new"]) for c in changes] == [("default", "centrum", "A", "A+")]
    assert changes[0]["source"] == "raad.toml"
    again = json.loads(run_cli("--db", str(path), "profiles", "use", "raad-2027", "--json", check=True).stdout)
    assert again == []


def test_set_target_and_log_text(two_rounds):
    path, _ = two_rounds
    run_cli("--db", str(path), "profiles", "set-target", "95%", "--category", "schoon", check=True)
    log = run_cli("--db", str(path), "profiles", "log", check=True).stdout
    assert "target:schoon" in log and "0.9 → 0.95" in log
    bad = run_cli("--db", str(path), "profiles", "set-target", "veel")
    assert bad.returncode == 2 and "streefwaarde" in bad.stderr


# -- forms show ------------------------------------------------------------------------------------
def test_forms_show_lists_items_with_kinds_and_norms(two_rounds):
    data = json.loads(run_cli("forms", "show", "crow-beeldkwaliteit", "--json", check=True).stdout)
    items = {a["key"]: a for e in data["elements"] for a in e["aspects"]}
    assert items["asfalt.onkruid"]["kind"] == "level" and items["asfalt.onkruid"]["category"] == "schoon"
    assert set(items["asfalt.onkruid"]["levels"]) == {"A+", "A", "B", "C", "D"}
    assert items["beplanting.onkruid"]["norms"]["hoofdinfra"] == "C"  # shipped default profile
    social = json.loads(run_cli("forms", "show", "sociale-veiligheid", "--json", check=True).stdout)
    kinds = {a["kind"] for e in social["elements"] for a in e["aspects"]}
    assert "choice" in kinds and all(not a["norms"] for e in social["elements"] for a in e["aspects"])

    path, _ = two_rounds
    run_cli("--db", str(path), "profiles", "set-norm", "--aspect", "asfalt.onkruid", "--area-type", "woongebied",
            "--level", "A+", check=True)
    text = run_cli("--db", str(path), "forms", "show", "crow-beeldkwaliteit", check=True).stdout
    line = next(x for x in text.splitlines() if x.strip().startswith("asfalt.onkruid"))
    assert "niveau" in line and "norm A/A+/B/C/C" in line
    assert run_cli("forms", "show", "bestaatniet").returncode == 2


def test_round_on_a_later_date_uses_the_changed_profile(two_rounds):
    from schouw.services import profiles
    from schouw.services.rounds import create_round
    from schouw.store import open_project

    path, _ = two_rounds
    with open_project(path) as project:
        profiles.set_norm(project, scope="default", level="A", area_types=["woongebied"])
        later = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when=date(2099, 1, 1))
        use = profiles.profile_for_report(project, later)
        assert use.basis == "at-round" and use.profile.default_norm["woongebied"] is Level.A


def test_profile_changed_outside_the_log_is_not_passed_off_as_the_rounds(two_rounds):
    """A profile whose later changes the log does not hold (it came in a package, or an
    older app changed it): the report cannot know that day's norms, so it uses today's
    and says so instead of claiming "as in force on"."""
    from schouw.services import profiles
    from schouw.store import open_project

    path, ids = two_rounds
    with open_project(path) as project:
        old = project.rounds.get(ids["old"])
        assert profiles.profile_for_report(project, old).basis == "at-round"
        row_id, profile = profiles.project_profile(project)
        project.forms.save_profile(apply(profile, [("default", "woongebied", "A")]), row_id)  # not logged
        use = profiles.profile_for_report(project, old)
        assert use.basis == "current" and use.profile.default_norm["woongebied"] is Level.A
        profiles.set_norm(project, scope="default", level="C", area_types=["woongebied"])  # logged from here on
        use = profiles.profile_for_report(project, old)
        assert use.basis == "current"  # the unlogged change still sits between the round and now
