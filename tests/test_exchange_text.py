"""Control characters (issue #16.22): refused on input (CLI, the app's editor, package
import), escaped on every output (CSV/XLSX: see test_exchange_formats; the terminal
here). Real project files, real packages, the real `schouw` command."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli
from test_exchange_helpers import add_finding, new_project, rebuild, seed_round, set_document, state

from schouw.domain.text import check_text, printable, refused_character
from schouw.exchange.checks import PackageRefused
from schouw.messages import SchouwError
from schouw.services import walk
from schouw.services.exchange import export_package, import_package

NASTY = {"NUL": "\x00", "ESC": "\x1b", "BEL": "\x07", "CR": "\r", "DEL": "\x7f", "C1 CSI": "\x9b"}


@pytest.mark.parametrize("name", NASTY)
def test_the_text_rule(name):
    char = NASTY[name]
    assert refused_character(f"Merel{char}straat") == char
    assert refused_character(f"regel 1{char}\nregel 2", multiline=True) == char
    assert char not in printable(f"a{char}b") and f"\\x{ord(char):02x}" in printable(f"a{char}b")
    with pytest.raises(SchouwError) as error:
        check_text(description=f"los{char}")
    assert error.value.key == "control_characters" and "omschrijving" in error.value.message("nl")
    assert "U+00" in error.value.message("en") and "description" in error.value.message("en")


def test_tab_and_line_feed_belong_only_in_multi_line_text():
    assert refused_character("twee\tregels\nhier", multiline=True) is None
    assert refused_character("Merel\tstraat") == "\t" and refused_character("Merel\nstraat") == "\n"
    assert printable("a\nb\tc", multiline=False) == "a b c"
    assert printable("a\nb", multiline=True) == "a\nb"
    assert printable("Koningin Máximalaan — ’s-Gravendijkwal") == "Koningin Máximalaan — ’s-Gravendijkwal"


@pytest.fixture
def project(tmp_path):
    project = new_project(tmp_path / "p.schouw", "dev-p")
    round_id = seed_round(project, findings=2)
    yield project, round_id
    project.close()


def test_the_apps_editor_refuses_control_characters(project):
    project, round_id = project
    ctx = walk.load_round(project, round_id)
    finding = project.findings.models(round_id)[0]
    before = state(project)
    for field, value in (("description", "Lamp stuk\x07"), ("spot", "bij\x1bde bank"), ("house_number", "1\r2")):
        with pytest.raises(SchouwError) as error:
            walk.edit_finding(project, ctx, finding.id, {field: value})
        assert error.value.key == "control_characters"
    with pytest.raises(SchouwError):
        walk.set_action(project, finding.id, wanted=True, party="Gemeente\x00")
    assert state(project) == before
    walk.edit_finding(project, ctx, finding.id, {"description": "Lamp stuk\nsinds maandag"})  # LF is fine
    assert project.findings.get(finding.id).description == "Lamp stuk\nsinds maandag"


def test_the_cli_refuses_control_characters_and_never_prints_them(project, tmp_path):
    project, round_id = project
    db = str(project.path)
    item = "{}.{}".format(*next((e.id, a.id) for e, a in project.forms.get(
        project.rounds.get(round_id).form_key).items() if a.has_level))
    # recorded before the rule (or by another tool): must not reach the terminal raw
    add_finding(project, round_id, 5, text="\x1b]0;pwned\x07\x1b[2J\rweg\x00", street="Merelstraat")
    project.close()
    refused = run_cli("--db", db, "finding", "add", "--round", round_id, "--street", "Merelstraat", "--item", item,
                      "--level", "B", "--text", "kapot\x1b[31m")
    assert refused.returncode == 2 and "stuurteken" in refused.stderr and "\x1b" not in refused.stderr
    listed = run_cli("--db", db, "findings", "list", "--round", round_id, check=True).stdout
    assert not any(c in listed for c in "\x00\x1b\x07\r") and "\\x1b]0;pwned" in listed
    as_json = run_cli("--db", db, "--json", "findings", "list", "--round", round_id, check=True).stdout
    assert not any(c in as_json for c in "\x00\x1b\x07\r")
    assert any(r["text"].startswith("\x1b]0;pwned") for r in json.loads(as_json))  # JSON keeps the text
    # the export of such a project works, XLSX included (it failed with IllegalCharacterError)
    out = run_cli("--db", db, "export", round_id, "--out", str(tmp_path / "p.zip"), "--xlsx")
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("name", ["NUL", "ESC", "BEL", "CR"])
def test_a_package_with_control_characters_is_refused_and_changes_nothing(project, tmp_path, name):
    source, round_id = project
    package = export_package(source, round_id, tmp_path / "ok.zip").path

    def poison(doc):
        doc["findings"][0]["description"] = f"los{NASTY[name]}"
        doc["streets"][0]["name"] += NASTY[name] if name != "CR" else ""

    bad = rebuild(package, tmp_path / "bad.zip", lambda members, manifest: set_document(members, poison))
    with new_project(tmp_path / "target.schouw", "dev-t") as target:
        before = state(target)
        with pytest.raises(PackageRefused) as error:
            import_package(target, bad)
        assert error.value.reason == "pkg_control_characters"
        assert "stuurteken" in error.value.message("nl") and "niets veranderd" in error.value.message("nl")
        assert state(target) == before


def test_a_round_title_refuses_control_characters(project):
    from schouw.services.rounds import create_round

    project, round_id = project
    before = state(project)
    with pytest.raises(SchouwError):
        create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-beeldkwaliteit",
                     when="2026-10-20", title="Schouw\x1b[2J")
    assert state(project) == before


def test_a_street_list_with_control_characters_is_refused(tmp_path):
    from schouw.services.streets import import_streets

    path = tmp_path / "straten.csv"
    path.write_text("straat;woonplaats\nMerelstraat;Voorbeeldstad\nLijster\x1bstraat;Voorbeeldstad\n",
                    encoding="utf-8")
    with new_project(tmp_path / "s.schouw", "dev-s") as project:
        before = state(project)
        with pytest.raises(SchouwError) as error:
            import_streets(project, path, buurt="Vogelbuurt")
        assert error.value.key == "control_characters" and "U+001B" in error.value.message()
        assert state(project) == before
