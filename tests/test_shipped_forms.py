"""The forms and the default profile shipped in forms/ are valid and complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from schouw.domain.forms import Form, parse_form_toml
from schouw.domain.levels import ALL_LEVELS, Level
from schouw.domain.profile import AREA_TYPES, Profile, parse_profile_toml

FORMS_DIR = Path(__file__).resolve().parents[1] / "forms"
CROW_PATH = FORMS_DIR / "crow-beeldkwaliteit.toml"
SOCIAL_PATH = FORMS_DIR / "sociale-veiligheid.toml"
PROFILE_PATH = FORMS_DIR / "profielen" / "standaard.toml"

#: Every element and aspect DOMAIN.md lists, as ELEMENT.ASPECT in the CROW form.
CROW_REQUIRED = [
    # Verharding: asfalt and elementen apart
    *(f"{element}.{aspect}" for element in ("asfalt", "elementen")
      for aspect in ("onkruid", "zwerfafval", "vervuiling", "oneffenheden", "schade")),
    # Groen
    "gras.hoogte", "gras.zwerfafval", "gras.schade",
    "ruw-gras.hoogte", "ruw-gras.zwerfafval", "ruw-gras.schade",
    "beplanting.onkruid", "beplanting.zwerfafval", "beplanting.overhangend",
    "beplanting.dood-hout", "beplanting.schade",
    "hagen.onkruid", "hagen.zwerfafval", "hagen.overhangend", "hagen.schade",
    "bomen.dood-hout", "bomen.schade", "bomen.scheefstand",
    # Meubilair
    *(f"{element}.{aspect}" for element in
      ("banken", "afvalbakken", "hekken", "fietsenrekken", "straatnaamborden")
      for aspect in ("schade", "vervuiling", "graffiti", "scheefstand")),
    "afvalbakken.vulgraad",
    # Spelen, kunstwerken, water
    "speelvoorzieningen.schade", "speelvoorzieningen.vervuiling",
    "speelvoorzieningen.valondergrond",
    "bruggen.schade", "bruggen.leuningen", "beschoeiingen.schade",
    "water.drijfvuil", "oevers.oeverbeschoeiing",
    # Verkeer en verlichting
    "verkeersborden.schade", "verkeersborden.scheefstand", "markering.slijtage",
    "verlichting.defect", "verlichting.scheefstand", "verlichting.schade",
    # Reiniging
    "reiniging.zwerfafval-grof-verharding", "reiniging.zwerfafval-fijn-verharding",
    "reiniging.zwerfafval-grof-groen", "reiniging.zwerfafval-fijn-groen",
    "reiniging.hondenpoep", "reiniging.graffiti", "reiniging.aanplakbiljetten",
    "reiniging.bladafval", "reiniging.bijplaatsingen",
    # Overlast
    "overlast.fietswrakken", "overlast.foutparkeren", "overlast.winkeluitstallingen",
    "overlast.verkeerd-aangeboden-afval",
]

SOCIAL_REQUIRED = [
    "licht.donkere-plekken",
    "zicht.zichtlijnen", "zicht.onoverzichtelijk-groen", "zicht.zicht-op-entrees",
    "routes.looproutes", "routes.verkeersonveilig",
    "overlast.hangplekken", "overlast.jeugdoverlast", "overlast.drugsoverlast",
    "woningen.inbraakgevoeligheid", "woningen.leegstand",
    "beleving.gevoel-veiligheid", "beleving.opmerking-bewoner",
]


@pytest.fixture(scope="module")
def crow() -> Form:
    return parse_form_toml(CROW_PATH.read_text(encoding="utf-8"), str(CROW_PATH))


@pytest.fixture(scope="module")
def social() -> Form:
    return parse_form_toml(SOCIAL_PATH.read_text(encoding="utf-8"), str(SOCIAL_PATH))


@pytest.fixture(scope="module")
def profile() -> Profile:
    return parse_profile_toml(PROFILE_PATH.read_text(encoding="utf-8"), str(PROFILE_PATH))


def test_crow_form_header(crow: Form) -> None:
    assert crow.key == "crow-beeldkwaliteit@2026.1"
    assert crow.kind == "beeldkwaliteit"
    assert crow.title == "Beeldkwaliteit openbare ruimte (CROW)"
    assert "Kwaliteitscatalogus Openbare Ruimte" in crow.source


def test_social_form_header(social: Form) -> None:
    assert social.key == "sociale-veiligheid@2026.1"
    assert social.kind == "sociale-veiligheid"
    assert social.title == "Wijkschouw sociale veiligheid"


@pytest.mark.parametrize("key", CROW_REQUIRED)
def test_crow_covers_domain_item(crow: Form, key: str) -> None:
    assert key in crow.item_keys()


def test_crow_groups(crow: Form) -> None:
    groups = {element.group for element in crow.elements}
    assert {"Verharding", "Groen", "Meubilair", "Spelen", "Kunstwerken", "Water",
            "Verkeer", "Verlichting", "Reiniging", "Overlast"} <= groups
    assert all(element.group for element in crow.elements)


def test_crow_levels_complete_and_distinct(crow: Form) -> None:
    wanted = [level.value for level in ALL_LEVELS]
    for element, aspect in crow.items():
        if aspect.scale != "crow":
            continue
        key = f"{element.id}.{aspect.id}"
        assert sorted(aspect.levels) == sorted(wanted), key
        texts = [aspect.levels[level].strip() for level in wanted]
        assert all(texts), key
        assert len(set(texts)) == 5, key
        assert aspect.help.strip(), key
        assert aspect.measure in ("vak", "element"), key
        assert aspect.category in ("schoon", "heel"), key


def test_crow_level_texts_not_copied_between_aspects(crow: Form) -> None:
    seen: dict[str, str] = {}
    for element, aspect in crow.items():
        for text in aspect.levels.values():
            key = f"{element.id}.{aspect.id}"
            assert text not in seen, f"{key} herhaalt tekst van {seen.get(text)}: {text}"
            seen[text] = key


def test_crow_has_schoon_and_heel(crow: Form) -> None:
    categories = {aspect.category for _, aspect in crow.items()}
    assert {"schoon", "heel"} <= categories


def test_crow_published_thresholds(crow: Form) -> None:
    _, weeds = crow.item("elementen.onkruid")
    assert "2 %" in weeds.levels["A"] and "4 %" in weeds.levels["B"]
    assert "8 %" in weeds.levels["C"] and "8 %" in weeds.levels["D"]
    _, litter = crow.item("reiniging.zwerfafval-grof-verharding")
    assert "Geen" in litter.levels["A+"]
    assert "3" in litter.levels["A"] and "10" in litter.levels["B"]
    assert "25" in litter.levels["C"] and "25" in litter.levels["D"]


def test_overlast_is_not_a_crow_scale(crow: Form) -> None:
    element = crow.element("overlast")
    assert element is not None
    for aspect in element.aspects:
        assert aspect.category == "overig"
        assert aspect.scale in ("choice", "none")


@pytest.mark.parametrize("key", SOCIAL_REQUIRED)
def test_social_covers_domain_item(social: Form, key: str) -> None:
    assert key in social.item_keys()


def test_social_items_are_observations(social: Form) -> None:
    for element, aspect in social.items():
        key = f"{element.id}.{aspect.id}"
        assert aspect.category == "overig", key
        assert aspect.scale in ("choice", "none"), key
        assert aspect.help.strip(), key
    _, remark = social.item("beleving.opmerking-bewoner")
    assert remark.scale == "none"


def test_social_hot_times(social: Form) -> None:
    for key in ("licht.donkere-plekken", "overlast.hangplekken", "overlast.jeugdoverlast",
                "overlast.drugsoverlast", "beleving.gevoel-veiligheid"):
        _, aspect = social.item(key)
        assert aspect.time_of_day, key
    _, entrances = social.item("zicht.zicht-op-entrees")
    assert not entrances.time_of_day


def test_profile_header(profile: Profile) -> None:
    assert profile.id == "standaard"
    assert profile.name == "Standaard kwaliteitsprofiel"
    assert profile.target == 0.9
    assert profile.target_for("schoon") == 0.9
    assert profile.target_for("heel") == 0.85
    assert profile.target_for("totaal") == 0.9
    assert [profile.label(level) for level in ALL_LEVELS] == [
        "zeer hoog", "hoog", "basis", "laag", "zeer laag",
    ]
    assert set(profile.default_norm) == set(AREA_TYPES)


def test_profile_keys_exist_in_crow_form(profile: Profile, crow: Form) -> None:
    assert profile.element_norms and profile.aspect_norms
    for element_id in profile.element_norms:
        assert crow.element(element_id) is not None, element_id
    for key in profile.aspect_norms:
        element_id, _, aspect_id = key.partition(".")
        assert crow.find(element_id, aspect_id) is not None, key
    for table in (profile.default_norm, *profile.element_norms.values(),
                  *profile.aspect_norms.values()):
        assert set(table) == set(AREA_TYPES)
        assert Level.D not in table.values()


def test_profile_norms_for_every_crow_item(profile: Profile, crow: Form) -> None:
    for element, aspect in crow.items():
        if aspect.scale == "crow":
            for area_type in AREA_TYPES:
                assert profile.norm(element.id, aspect.id, area_type) is not None


@pytest.mark.parametrize(
    ("element", "aspect", "area_type", "expected"),
    [
        # profile default
        ("asfalt", "zwerfafval", "centrum", Level.A),
        ("asfalt", "zwerfafval", "woongebied", Level.B),
        ("hekken", "schade", "bedrijventerrein", Level.C),
        ("gras", "hoogte", "recreatie", Level.C),
        # element norm: bomen A/B/B/B/C
        ("bomen", "dood-hout", "centrum", Level.A),
        ("bomen", "schade", "bedrijventerrein", Level.B),
        ("bomen", "scheefstand", "recreatie", Level.C),
        # element norm: speelvoorzieningen A except recreatie
        ("speelvoorzieningen", "schade", "bedrijventerrein", Level.A),
        ("speelvoorzieningen", "valondergrond", "recreatie", Level.B),
        # aspect norm: beplanting onkruid A/B/C/B/C, other beplanting aspects default
        ("beplanting", "onkruid", "hoofdinfra", Level.C),
        ("beplanting", "onkruid", "bedrijventerrein", Level.B),
        ("beplanting", "zwerfafval", "bedrijventerrein", Level.C),
        # aspect norm beats element norm
        ("verlichting", "defect", "woongebied", Level.A),
        ("verlichting", "scheefstand", "woongebied", Level.B),
    ],
)
def test_profile_norm_lookup(
    profile: Profile, element: str, aspect: str, area_type: str, expected: Level
) -> None:
    assert profile.norm(element, aspect, area_type) is expected


def test_readme_examples_are_valid() -> None:
    text = (FORMS_DIR / "README.md").read_text(encoding="utf-8")
    form_example, profile_example = re.findall(r"```toml\n(.*?)```", text, re.S)
    form = parse_form_toml(form_example, "README.md")
    assert {aspect.scale for _, aspect in form.items()} == {"crow", "choice", "none"}
    example = parse_profile_toml(profile_example, "README.md")
    assert example.norm("beplanting", "onkruid", "hoofdinfra") is Level.C
