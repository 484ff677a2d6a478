"""BORG scoring, checked against hand-computed examples."""

from __future__ import annotations

from datetime import date

import pytest

from schouw.domain.forms import parse_form
from schouw.domain.levels import Level
from schouw.domain.models import Finding
from schouw.domain.profile import parse_profile
from schouw.domain.scoring import (
    TREND_TOLERANCE,
    Measurement,
    RoundPoint,
    Trend,
    as_measurement,
    compare,
    score_round,
    trend,
)

LEVELS = {"A+": "a+", "A": "a", "B": "b", "C": "c", "D": "d"}


def _aspect(id_: str, category: str, scale: str = "crow", **extra) -> dict:
    data = {"id": id_, "name": id_.capitalize(), "category": category, "scale": scale, **extra}
    if scale == "crow":
        data["levels"] = LEVELS
    return data


FORM = parse_form({
    "id": "test", "version": "1", "title": "Test",
    "elements": [
        {"id": "verharding", "name": "Verharding", "group": "Verharding",
         "aspects": [_aspect("onkruid", "schoon"), _aspect("schade", "heel")]},
        {"id": "groen", "name": "Groen", "group": "Groen", "aspects": [_aspect("zwerfafval", "schoon")]},
        {"id": "bomen", "name": "Bomen", "group": "Groen", "aspects": [_aspect("scheefstand", "heel")]},
        {"id": "overlast", "name": "Overlast", "aspects": [
            _aspect("fietswrakken", "overig", "choice", choices=["ja", "nee"]),
            _aspect("opmerking", "overig", "none")]},
    ],
}, "test")

PROFILE = parse_profile({
    "id": "p", "name": "P", "target": 0.9, "targets": {"schoon": 0.8, "heel": 0.85},
    "default_norm": {"woongebied": "B", "centrum": "A"},
    "element_norms": {"verharding": {"woongebied": "B", "centrum": "A", "bedrijventerrein": "C"}},
}, "test")

STREETS = ["s1", "s2", "s3", "s4"]
STREET_TYPES = {"s1": None, "s2": "centrum", "s3": "bedrijventerrein", "s4": None}


def f(street: str, item: str, level: str | None = None, **extra) -> Finding:
    element, aspect = item.split(".")
    data = {"round_id": "r", "street_id": street, "element": element, "aspect": aspect, **extra}
    if level == "n.v.t.":
        data["not_applicable"] = True
    elif level:
        data["level"] = Level.parse(level)
    return Finding(**data)


def example() -> list[Finding]:
    return [
        # s1: woongebied, norm B everywhere
        f("s1", "verharding.onkruid", "A"),      # meets
        f("s1", "verharding.onkruid", "C"),      # below
        f("s1", "verharding.schade", "B"),       # meets (exactly the norm)
        f("s1", "groen.zwerfafval", "D"),        # below
        f("s1", "groen.zwerfafval", "n.v.t."),   # left out
        f("s1", "overlast.fietswrakken", choice="ja"),  # no level: left out
        f("s1", "verharding.schade", "D", deleted_at="2026-01-01T00:00:00Z"),  # deleted
        # s2: its own area type centrum, norm A
        f("s2", "verharding.onkruid", "B"),      # below
        f("s2", "groen.zwerfafval", "A+"),       # meets
        f("s2", "verharding.schade", "A"),       # meets
        # s3: bedrijventerrein: verharding norm C, groen has no norm
        f("s3", "verharding.schade", "C"),       # meets
        f("s3", "groen.zwerfafval", "B"),        # judged, no norm
        f("s3", "verharding.onkruid"),           # not judged yet
    ]


def score(findings=None, profile=PROFILE, done=("s1", "s2", "s3")):
    return score_round(example() if findings is None else findings, FORM, profile, area_type="woongebied",
                       street_area_types=STREET_TYPES, streets=STREETS, done_streets=set(done))


def test_overall_and_categories_by_hand():
    s = score()
    # 9 judged spots, 8 with a norm, 5 of those at or above it.
    assert (s.total.judged, s.total.with_norm, s.total.meeting) == (9, 8, 5)
    assert s.share() == pytest.approx(5 / 8)
    assert s.total.without_norm == 1 and s.total.below == 3
    # schoon: A(s1) ok, C no, D no, B(s2, norm A) no, A+ ok, B(s3) no norm
    assert (s.by_category["schoon"].judged, s.by_category["schoon"].with_norm) == (6, 5)
    assert s.share("schoon") == pytest.approx(2 / 5)
    # heel: B on norm B, A on norm A, C on norm C: all meet
    assert s.share("heel") == pytest.approx(1.0)
    assert s.category("totaal") is s.total


def test_distribution_over_levels():
    s = score()
    assert s.total.counts == {Level.A_PLUS: 1, Level.A: 2, Level.B: 3, Level.C: 2, Level.D: 1}
    assert sum(s.total.counts.values()) == s.total.judged
    assert s.total.fraction(Level.B) == pytest.approx(3 / 9)


def test_per_element_and_aspect():
    s = score()
    verharding = s.elements["verharding"]
    assert (verharding.tally.judged, verharding.tally.meeting) == (6, 4)
    assert verharding.tally.share == pytest.approx(4 / 6)
    assert verharding.tally.norms == {Level.A, Level.B, Level.C}
    assert verharding.tally.norm is None  # more than one norm applied
    assert verharding.aspects["onkruid"].tally.share == pytest.approx(1 / 3)
    assert verharding.aspects["schade"].tally.share == pytest.approx(1.0)
    assert verharding.categories["heel"].judged == 3
    groen = s.elements["groen"]
    assert (groen.tally.judged, groen.tally.with_norm, groen.tally.meeting) == (3, 2, 1)
    # An element nobody judged is there, empty, with no share.
    bomen = s.elements["bomen"]
    assert bomen.tally.judged == 0 and bomen.tally.share is None
    # Elements with only choice/none aspects are not scored at all.
    assert "overlast" not in s.elements
    assert list(s.elements) == ["verharding", "groen", "bomen"]


def test_per_street_and_area_type():
    s = score()
    assert list(s.streets) == STREETS
    s1, s2, s3, s4 = (s.streets[k] for k in STREETS)
    assert (s1.area_type, s2.area_type, s3.area_type) == ("woongebied", "centrum", "bedrijventerrein")
    assert s1.tally.share == pytest.approx(2 / 4)
    assert s1.findings == 6  # the deleted one is not a finding any more
    assert s1.elements["verharding"].share == pytest.approx(2 / 3)
    assert s2.tally.share == pytest.approx(2 / 3)
    assert s2.tally.norm is Level.A
    assert (s3.tally.judged, s3.tally.with_norm, s3.tally.share) == (2, 1, 1.0)
    assert s.area_types["centrum"].judged == 3
    assert s.area_types["bedrijventerrein"].without_norm == 1


def test_street_not_done_and_without_findings():
    s = score()
    s4 = s.streets["s4"]
    assert s4.done is False and s4.findings == 0 and s4.tally.judged == 0 and s4.tally.share is None
    assert s.streets_done == 3
    # Findings in a street not marked done still count: they are real observations.
    s = score(done=("s1",))
    assert s.streets["s2"].done is False
    assert s.share() == pytest.approx(5 / 8)


def test_left_out_and_no_norm_are_reported():
    s = score()
    ex = s.excluded
    assert (ex.not_applicable, ex.without_level, ex.unjudged, ex.deleted, ex.unknown_item) == (1, 1, 1, 1, 0)
    assert ex.total == 4
    assert s.no_norm == [("groen", "zwerfafval", "bedrijventerrein")]


def test_unknown_item_is_left_out():
    s = score([f("s1", "verharding.onkruid", "A"), Measurement("s1", "riool", "putten", Level.D)])
    assert s.excluded.unknown_item == 1 and s.total.judged == 1


def test_no_findings_at_all():
    s = score([])
    assert s.total.judged == 0 and s.share() is None and s.share("schoon") is None
    assert all(st.tally.share is None for st in s.streets.values())
    assert s.elements["verharding"].tally.share is None


def test_without_profile_there_is_a_spread_but_no_share():
    s = score(profile=None)
    assert s.total.judged == 9 and s.total.with_norm == 0 and s.share() is None
    assert len(s.no_norm) == 8  # 3 items in s1, 3 in s2, 2 in s3


def test_store_rows_score_the_same_as_models():
    rows = []
    for finding in example():
        if finding.deleted_at:
            continue  # the store's list leaves deleted rows out
        rows.append({"street_id": finding.street_id, "element": finding.element, "aspect": finding.aspect,
                     "level": finding.level.value if finding.level else None,
                     "not_applicable": finding.not_applicable, "choice": finding.choice})
    a, b = score(rows), score()
    assert (a.total.judged, a.total.meeting, a.total.with_norm) == (b.total.judged, b.total.meeting, b.total.with_norm)
    assert a.excluded.deleted == 0 and b.excluded.deleted == 1
    assert as_measurement({"level": "n.v.t.", "street_id": "x"}).not_applicable


def test_norm_change_rescores():
    """A stricter profile gives the same findings a lower share: old rounds are scored
    against the profile as it is now."""
    stricter = parse_profile({**PROFILE.to_data(), "default_norm": {"woongebied": "A", "centrum": "A"},
                              "element_norms": {}}, "test")
    assert score(profile=stricter).share() < score().share()


# -- trend and comparison ---------------------------------------------------------------


def test_trend_tolerance_boundaries():
    assert TREND_TOLERANCE == 0.02
    assert trend(0.62, 0.60) is Trend.SAME      # exactly 2 points: same
    assert trend(0.58, 0.60) is Trend.SAME
    assert trend(0.63, 0.60) is Trend.BETTER
    assert trend(0.57, 0.60) is Trend.WORSE
    assert trend(None, 0.5) is None and trend(0.5, None) is None


def _round_with_share(meeting: int, of: int) -> list[Measurement]:
    return [Measurement("s1", "verharding", "onkruid", Level.A if i < meeting else Level.D) for i in range(of)]


def _point(rid: str, year: int, meeting: int, of: int = 10) -> RoundPoint:
    return RoundPoint(rid, date(year, 10, 1), rid, score(_round_with_share(meeting, of)))


def test_compare_baseline_previous_target_trend():
    r1, r2, r3 = _point("r1", 2024, 5), _point("r2", 2025, 6), _point("r3", 2026, 8)
    later = _point("r4", 2027, 1)
    h = compare(r3, [later, r2, r1, r3], PROFILE)
    assert h.baseline is r1 and h.previous is r2 and [p.round_id for p in h.points] == ["r1", "r2", "r3"]
    total = h.categories["totaal"]
    assert (total.current, total.previous, total.baseline, total.target) == (0.8, 0.6, 0.5, 0.9)
    assert total.trend is Trend.BETTER and total.since_baseline is Trend.BETTER
    assert total.delta_previous == pytest.approx(0.2)
    assert total.meets_target is False
    assert h.categories["schoon"].target == 0.8 and h.categories["heel"].target == 0.85
    assert h.categories["heel"].current is None and h.categories["heel"].trend is None
    assert h.elements["verharding"].trend is Trend.BETTER
    assert h.elements["bomen"].current is None
    assert not h.is_baseline


def test_first_round_is_its_own_baseline():
    r1 = _point("r1", 2024, 5)
    h = compare(r1, [r1], PROFILE)
    assert h.is_baseline and h.previous is None
    assert h.categories["totaal"].trend is None
    assert h.categories["totaal"].baseline == 0.5


def test_rounds_without_norm_measurements_are_no_baseline():
    social = RoundPoint("sv", date(2023, 6, 1), "sv", score([f("s1", "overlast.fietswrakken", choice="ja")]))
    r1, r2 = _point("r1", 2024, 7), _point("r2", 2025, 7)
    h = compare(r2, [social, r1], PROFILE)
    assert h.baseline is r1 and h.previous is r1
    assert h.categories["totaal"].trend is Trend.SAME
