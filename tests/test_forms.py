"""Form validation: good forms pass, broken forms name the file, the item and the fault."""

from __future__ import annotations

import copy

import pytest
from conftest import ROOT, run_cli
from test_domain import small_form

from schouw.domain.forms import parse_form, parse_form_toml
from schouw.messages import SchouwError


def broken(mutate) -> dict:
    data = copy.deepcopy(small_form())
    mutate(data)
    return data


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda d: d["elements"][0]["aspects"][1]["levels"].pop("D"),
     ["element 'verharding'", "aspect 'schade'", "niveau D"]),
    (lambda d: d["elements"][0]["aspects"][0].update(category="vies"), ["aspect 'onkruid'", "category"]),
    (lambda d: d["elements"][1]["aspects"][0].update(choices=["ja"]), ["aspect 'donker'", "twee choices"]),
    (lambda d: d["elements"].append(copy.deepcopy(d["elements"][0])), ["verharding", "twee keer"]),
    (lambda d: d.pop("version"), ["version", "ontbreekt"]),
    (lambda d: d["elements"][0].update(id="Verharding Wegen"), ["element 'Verharding Wegen'", "kleine letters"]),
    (lambda d: d["elements"][0]["aspects"][0].update(kleur="rood"), ["aspect 'onkruid'", "kleur", "onbekend veld"]),
    (lambda d: d["elements"][1]["aspects"][1].update(category="overig", scale="crow",
                                                     levels=d["elements"][0]["aspects"][0]["levels"]),
     ["aspect 'opmerking'", "schoon of heel"]),
])
def test_broken_form_names_file_item_and_problem(mutate, expected):
    with pytest.raises(SchouwError) as err:
        parse_form(broken(mutate), "forms/kapot.toml")
    text = err.value.message()
    assert "forms/kapot.toml" in text
    for part in expected:
        assert part in text


def test_toml_syntax_error_names_the_line():
    with pytest.raises(SchouwError) as err:
        parse_form_toml('id = "x"\nversion = \n', "x.toml")
    assert "x.toml" in err.value.message() and "line 2" in err.value.message()


def test_good_form_exposes_items():
    form = parse_form(small_form(), "mini.toml")
    assert form.key == "mini@1"
    assert form.item_keys() == ["verharding.onkruid", "verharding.schade", "veiligheid.donker",
                                "veiligheid.opmerking"]
    element, aspect = form.item("verharding.schade")
    assert aspect.category == "heel" and aspect.has_level


def test_shipped_forms_check_ok_via_cli():
    for name in ("crow-beeldkwaliteit.toml", "sociale-veiligheid.toml"):
        result = run_cli("forms", "check", str(ROOT / "forms" / name))
        assert result.returncode == 0, result.stderr
        assert "in orde" in result.stdout


def test_forms_check_cli_on_broken_file(tmp_path):
    bad = tmp_path / "kapot.toml"
    bad.write_text((ROOT / "forms" / "crow-beeldkwaliteit.toml").read_text(encoding="utf-8")
                   .replace('"D" =', '"E" =', 1), encoding="utf-8")
    result = run_cli("forms", "check", str(bad))
    assert result.returncode == 2
    assert "kapot.toml" in result.stderr and "onbekend niveau E" in result.stderr
    assert "element 'asfalt' > aspect 'onkruid'" in result.stderr and "niveau D" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_cli("forms", "check", str(tmp_path / "bestaat-niet.toml"))
    assert result.returncode == 2 and "bestaat niet" in result.stderr


def test_forms_check_also_checks_profiles(tmp_path):
    good = run_cli("forms", "check", str(ROOT / "forms" / "profielen" / "standaard.toml"))
    assert good.returncode == 0 and "kwaliteitsprofiel" in good.stdout
    typo = tmp_path / "profiel.toml"
    typo.write_text('id = "x"\nname = "X"\n[default_norm]\nwoongebied = "B"\n'
                    '[aspect_norms."asfalt.onkruidd"]\nwoongebied = "A"\n', encoding="utf-8")
    result = run_cli("forms", "check", str(typo))
    assert result.returncode == 2 and "asfalt.onkruidd" in result.stderr
    d_norm = tmp_path / "d.toml"
    d_norm.write_text('id = "x"\nname = "X"\n[default_norm]\ncentrum = "D"\n', encoding="utf-8")
    result = run_cli("forms", "check", str(d_norm))
    assert result.returncode == 2 and "ambitie" in result.stderr
