"""The score of a meting (schouw.domain.measure): the Wilson interval against known
values, shares per aspect / schoon-heel / overall judged by the one norm rule."""

from __future__ import annotations

import math
import random

import pytest

from schouw.domain.forms import parse_form_toml
from schouw.domain.levels import Level
from schouw.domain.measure import MIN_N, Share, score_meting, wilson
from schouw.domain.norms import judge
from schouw.domain.profile import Profile
from schouw.services.forms import default_profile, find_form


@pytest.mark.parametrize(("k", "n", "low", "high"), [
    (81, 100, 0.7222, 0.8749),  # the brief's example, checked by hand with the formula
    # Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (score):
    (81, 263, 0.2553, 0.3662),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
])
def test_wilson_known_values(k, n, low, high):
    got = wilson(k, n)
    assert got == pytest.approx((low, high), abs=5e-5)


def test_wilson_closed_forms_at_the_edges_and_symmetry():
    z = 1.959964
    for n in (1, 5, 30, 100, 1000):
        assert wilson(0, n) == pytest.approx((0.0, z * z / (n + z * z)))
        assert wilson(n, n) == pytest.approx((n / (n + z * z), 1.0))
        for k in range(0, n + 1, max(1, n // 7)):
            low, high = wilson(k, n)
            assert 0 <= low <= k / n <= high <= 1
            other = wilson(n - k, n)
            assert (1 - other[1], 1 - other[0]) == pytest.approx((low, high))
    assert wilson(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson(5, 4)


def test_wilson_covers_the_true_share_about_95_percent_of_the_time():
    rng = random.Random(17)
    covered = 0
    for _ in range(2000):
        k = sum(rng.random() < 0.8 for _ in range(100))
        low, high = wilson(k, 100)
        covered += low <= 0.8 <= high
    assert 0.92 < covered / 2000 < 0.98


def test_share_is_conclusive_from_min_n():
    assert not Share.of(20, MIN_N - 1).conclusive
    assert Share.of(20, MIN_N).conclusive
    assert Share.of(0, 0).share is None
    assert Share.of(3, 4).share == 0.75 and Share.of(3, 4).below == 1


FORM = """
id = "mini"
version = "1"
title = "Mini"
[[elements]]
id = "el"
name = "Element"
[[elements.aspects]]
id = "schoon1"
name = "Schoon"
category = "schoon"
levels = {"A+" = "a", "A" = "b", "B" = "c", "C" = "d", "D" = "e"}
[[elements.aspects]]
id = "heel1"
name = "Heel"
category = "heel"
levels = {"A+" = "a", "A" = "b", "B" = "c", "C" = "d", "D" = "e"}
[[elements.aspects]]
id = "obs"
name = "Waarneming"
category = "overig"
scale = "none"
"""


def _profile() -> Profile:
    return Profile(id="p", name="Testprofiel",
                   default_norm={"woongebied": Level.B, "centrum": Level.A})


def _f(point: str, aspect: str, level: str | None, street: str = "s1", nvt: bool = False, **extra):
    return {"point_id": point, "street_id": street, "element": "el", "aspect": aspect,
            "level": level, "not_applicable": nvt, "updated_at": extra.pop("at", "2026-01-01"), **extra}


def test_score_meting_per_aspect_group_and_overall_with_the_one_judging_rule():
    form = parse_form_toml(FORM, "mini")
    profile = _profile()
    rng = random.Random(5)
    findings = []
    for n in range(60):
        street = "s2" if n % 3 == 0 else "s1"  # s2 is a shopping street (centrum: norm A)
        for aspect in ("schoon1", "heel1"):
            if rng.random() < 0.1:
                findings.append(_f(f"p{n}", aspect, None, street, nvt=True))
            else:
                findings.append(_f(f"p{n}", aspect, rng.choice(["A+", "A", "B", "C", "D"]), street))
    findings.append(_f("", "schoon1", "D"))  # not at a point: no measurement of the meting
    findings.append(_f("p1", "obs", None))  # an observation: no level, no norm
    score = score_meting(findings, form, profile, area_type="woongebied",
                         street_area_types={"s2": "centrum"}, points_total=60, points_done=60)

    def expected(aspects):
        counted = [f for f in findings if f["point_id"] and f["aspect"] in aspects and f["level"]]
        meets = [judge(profile, "el", f["aspect"], f["level"], False,
                       "centrum" if f["street_id"] == "s2" else "woongebied").meets for f in counted]
        return len(counted), sum(meets)

    by_aspect = {a.aspect: a.share for a in score.aspects}
    assert set(by_aspect) == {"schoon1", "heel1"}
    for aspect, group in (("schoon1", "schoon"), ("heel1", "heel")):
        n, k = expected({aspect})
        assert (by_aspect[aspect].n, by_aspect[aspect].at_or_above) == (n, k)
        assert score.groups[group] == by_aspect[aspect]
        assert (by_aspect[aspect].low, by_aspect[aspect].high) == wilson(k, n)
    n, k = expected({"schoon1", "heel1"})
    assert (score.overall.n, score.overall.at_or_above) == (n, k)
    assert score.overall.n < 120  # n.v.t. is left out of n
    assert score.not_applicable == 120 - n
    assert score.elements["el"] == score.overall
    assert (score.points_total, score.points_done, score.profile_name) == (60, 60, "Testprofiel")


def test_a_point_judged_twice_counts_once_with_its_latest_judgement():
    form = parse_form_toml(FORM, "mini")
    findings = [_f("p1", "schoon1", "D", at="2026-01-01"), _f("p1", "schoon1", "A", at="2026-01-02"),
                _f("p1", "heel1", "A", deleted_at="2026-01-03")]
    score = score_meting(findings, form, _profile(), area_type="woongebied")
    assert (score.overall.n, score.overall.at_or_above) == (1, 1)


def test_a_changed_profile_rescores_the_same_judgements():
    form = find_form("crow-meting")
    items = [(e.id, a.id) for e, a in form.items()]
    findings = [{"point_id": f"p{i}", "street_id": "s", "element": e, "aspect": a, "level": "B",
                 "not_applicable": False} for i in range(40) for e, a in items]
    strict = default_profile().model_copy(update={"default_norm": {"woongebied": Level.A},
                                                  "element_norms": {}, "aspect_norms": {}, "name": "Streng"})
    lenient = strict.model_copy(update={"default_norm": {"woongebied": Level.C}, "name": "Mild"})
    a = score_meting(findings, form, strict, area_type="woongebied")
    b = score_meting(findings, form, lenient, area_type="woongebied")
    assert a.overall.n == b.overall.n == 40 * len(items)
    assert a.overall.share == 0 and b.overall.share == 1
    assert (a.profile_name, b.profile_name) == ("Streng", "Mild")
    assert math.isclose(sum(s.share.n for s in a.aspects), a.overall.n)
