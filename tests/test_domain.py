"""Domain rules: level order, norm comparison, profiles, actions, item values."""

from __future__ import annotations

import pytest

from schouw.domain.actions import ActionStatus, check_transition
from schouw.domain.findings import resolve_value
from schouw.domain.forms import parse_form
from schouw.domain.levels import ALL_LEVELS, Level
from schouw.domain.profile import parse_profile
from schouw.messages import SchouwError

LEVEL_TEXTS = {"A+": "als nieuw", "A": "goed", "B": "redelijk", "C": "matig", "D": "slecht"}


def small_form() -> dict:
    return {
        "id": "mini", "version": "1", "title": "Mini",
        "elements": [
            {"id": "verharding", "name": "Verharding", "aspects": [
                {"id": "onkruid", "name": "Onkruid", "category": "schoon", "levels": LEVEL_TEXTS},
                {"id": "schade", "name": "Schade", "category": "heel", "levels": LEVEL_TEXTS},
            ]},
            {"id": "veiligheid", "name": "Veiligheid", "aspects": [
                {"id": "donker", "name": "Donkere plek", "category": "overig", "scale": "choice",
                 "choices": ["ja", "nee"]},
                {"id": "opmerking", "name": "Opmerking", "category": "overig", "scale": "none"},
            ]},
        ],
    }


def test_levels_are_ordered_best_first():
    assert Level.A_PLUS > Level.A > Level.B > Level.C > Level.D
    assert sorted([Level.C, Level.A_PLUS, Level.D, Level.B, Level.A], reverse=True) == list(ALL_LEVELS)
    assert max(Level.B, Level.A) is Level.A


@pytest.mark.parametrize(("measured", "norm", "meets"), [
    ("A+", "B", True), ("A", "B", True), ("B", "B", True), ("C", "B", False), ("D", "B", False),
    ("A", "A", True), ("B", "A", False), ("C", "C", True), ("D", "C", False),
])
def test_meets_norm_is_a_comparison(measured, norm, meets):
    assert Level.parse(measured).meets(Level.parse(norm)) is meets
    assert (Level.parse(measured) >= Level.parse(norm)) is meets


def test_level_parse_accepts_how_people_write_it():
    assert Level.parse(" a+ ") is Level.A_PLUS
    assert Level.parse("A_PLUS") is Level.A_PLUS
    assert Level.parse("b") is Level.B
    with pytest.raises(ValueError):
        Level.parse("E")
    with pytest.raises(TypeError):
        assert Level.A < "B"


def test_profile_norm_goes_from_aspect_to_element_to_default():
    profile = parse_profile({
        "id": "p", "name": "P",
        "default_norm": {"centrum": "A", "woongebied": "B"},
        "element_norms": {"bomen": {"woongebied": "A"}},
        "aspect_norms": {"beplanting.onkruid": {"woongebied": "C", "centrum": "A+"}},
    }, "test")
    assert profile.norm("beplanting", "onkruid", "woongebied") is Level.C
    assert profile.norm("beplanting", "onkruid", "centrum") is Level.A_PLUS
    assert profile.norm("bomen", "schade", "woongebied") is Level.A
    assert profile.norm("bomen", "schade", "centrum") is Level.A
    assert profile.norm("gras", "hoogte", "woongebied") is Level.B
    assert profile.norm("gras", "hoogte", "recreatie") is None


def test_profile_refuses_d_as_ambition_and_unknown_area_types():
    with pytest.raises(SchouwError) as err:
        parse_profile({"id": "p", "name": "P", "default_norm": {"centrum": "D"}}, "p.toml")
    assert "D is nooit een ambitie" in err.value.message()
    with pytest.raises(SchouwError) as err:
        parse_profile({"id": "p", "name": "P", "default_norm": {"stad": "B"}}, "p.toml")
    assert "stad" in err.value.message()


def test_profile_labels_and_levels_are_configuration():
    profile = parse_profile({
        "id": "delft", "name": "Delft", "levels": ["A", "B", "C"],
        "labels": {"A": "zeer goed", "C": "te slecht"},
        "default_norm": {"woongebied": "B"},
    }, "delft.toml")
    assert profile.levels == [Level.A, Level.B, Level.C]
    assert profile.label(Level.A) == "zeer goed"
    assert profile.label(Level.B) == "basis"  # default label kept where not configured
    with pytest.raises(SchouwError):
        parse_profile({"id": "x", "name": "X", "levels": ["A", "B", "C"],
                       "default_norm": {"woongebied": "A+"}}, "x.toml")


def test_profile_round_trips_through_its_data():
    profile = parse_profile({"id": "p", "name": "P", "target": 0.85, "targets": {"heel": 0.8},
                             "default_norm": {"centrum": "A"}}, "p")
    again = parse_profile(profile.to_data(), "again")
    assert again == profile
    assert again.target_for("heel") == 0.8 and again.target_for("schoon") == 0.85


def test_resolve_value_checks_level_against_item_and_levels_in_use():
    form = parse_form(small_form(), "mini.toml")
    value = resolve_value(form, "verharding.onkruid", "c")
    assert value.level is Level.C and not value.not_applicable
    assert resolve_value(form, "verharding.onkruid", "n.v.t.").not_applicable
    with pytest.raises(SchouwError) as err:
        resolve_value(form, "verharding.onkruid", "E")
    assert err.value.key == "bad_level"
    with pytest.raises(SchouwError) as err:
        resolve_value(form, "verharding.onkruid", "A+", allowed_levels=(Level.A, Level.B, Level.C))
    assert err.value.key == "bad_level"
    with pytest.raises(SchouwError) as err:
        resolve_value(form, "veiligheid.opmerking", "B")
    assert err.value.key == "item_has_no_level"
    assert resolve_value(form, "veiligheid.donker", choice="JA").choice == "ja"
    with pytest.raises(SchouwError) as err:
        resolve_value(form, "veiligheid.donker", choice="misschien")
    assert err.value.key == "bad_choice"
    with pytest.raises(SchouwError) as err:
        resolve_value(form, "groen.onkruid", "B")
    assert err.value.key == "unknown_item" and "verharding.onkruid" in err.value.message()


def test_action_transitions():
    check_transition(ActionStatus.OPEN, ActionStatus.SCHEDULED)
    check_transition(ActionStatus.DONE, ActionStatus.REOPENED, "bewoners melden het opnieuw")
    with pytest.raises(SchouwError) as err:
        check_transition(ActionStatus.DONE, ActionStatus.IN_PROGRESS)
    assert "afgehandeld" in err.value.message()
    with pytest.raises(SchouwError) as err:
        check_transition(ActionStatus.OPEN, ActionStatus.REJECTED, "  ")
    assert err.value.key == "reason_required"
