"""The street list's counts, made cheap for start-up (issue 20), still agree with the
report: same findings and below-norm counts per street, also after a norm changed (old
rounds re-scored), and the same rule of what counts as the reports' scoring."""

from __future__ import annotations

from collections import Counter

import pytest

from schouw.domain.forms import Form
from schouw.domain.levels import Level
from schouw.domain.profile import parse_profile
from schouw.domain.scoring import Measurement, score_round, street_counts
from schouw.services import walk
from schouw.services.profiles import CURRENT, set_norm
from schouw.services.scores import knelpunten_counts
from schouw.store import open_project

CROW = {"A+": "als nieuw", "A": "goed", "B": "basis", "C": "laag", "D": "slecht"}
FORM = Form.model_validate({
    "id": "t", "version": "1", "title": "Test",
    "elements": [
        {"id": "asfalt", "name": "Asfalt", "aspects": [
            {"id": "onkruid", "name": "Onkruid", "category": "schoon", "levels": CROW},
            {"id": "schade", "name": "Schade", "category": "heel", "levels": CROW}]},
        {"id": "sv", "name": "Sociale veiligheid", "aspects": [
            {"id": "donker", "name": "Donkere plek", "category": "schoon", "scale": "none"}]},
    ],
})
PROFILE = parse_profile({
    "id": "p", "name": "P",
    "default_norm": {"centrum": "A", "woongebied": "B", "hoofdinfra": "B", "bedrijventerrein": "C",
                     "recreatie": "C"},
    "aspect_norms": {"asfalt.schade": {"woongebied": "C"}},
}, "test")


def _m(street: str, element: str, aspect: str, level: str | None, nvt: bool = False, deleted: bool = False):
    return Measurement(street, element, aspect, Level.parse(level) if level else None, nvt, deleted)


def test_street_counts_equal_score_round_on_every_kind_of_finding() -> None:
    findings = [
        _m("s1", "asfalt", "onkruid", "C"), _m("s1", "asfalt", "onkruid", "C"),  # below B, twice
        _m("s1", "asfalt", "onkruid", "B"),                                       # at the norm
        _m("s1", "asfalt", "schade", "C"),                                        # aspect norm C: meets
        _m("s1", "asfalt", "schade", "D"),                                        # below C
        _m("s1", "asfalt", "onkruid", None, nvt=True),                            # n.v.t.: left out
        _m("s1", "asfalt", "onkruid", None),                                      # not judged yet
        _m("s1", "sv", "donker", None),                                           # no level scale
        _m("s1", "weg", "kwijt", "D"),                                            # not on the form
        _m("s1", "asfalt", "onkruid", "D", deleted=True),                         # deleted
        _m("s2", "asfalt", "onkruid", "B"), _m("s2", "asfalt", "onkruid", "B"),   # centrum: norm A
        _m("s3", "asfalt", "schade", "A+"),
    ]
    areas = {"s2": "centrum", "s3": None}
    score = score_round(findings, FORM, PROFILE, area_type="woongebied", street_area_types=areas)
    groups = Counter(findings).items()  # identical findings in one group, as the store counts them
    assert any(n > 1 for _, n in groups)
    counts = street_counts(groups, FORM, PROFILE, area_type="woongebied", street_area_types=areas)
    expected = {sid: (s.findings, s.tally.with_norm, s.tally.below) for sid, s in score.streets.items()}
    assert counts == expected
    assert counts["s1"] == (9, 5, 3)
    assert counts["s2"] == (2, 2, 2)
    assert counts["s3"] == (1, 1, 0)
    # without a profile nothing is judged against a norm, findings still count
    assert street_counts(groups, FORM, None, area_type="woongebied")["s1"] == (9, 0, 0)


def _list_and_report(project, round_id: str) -> tuple[dict, dict]:
    ctx = walk.load_round(project, round_id)  # the app reloads the round when norms change
    listed = {s.id: (s.findings, s.below_norm) for s in walk.street_statuses(project, ctx) if s.findings}
    report = knelpunten_counts(project, round_id, profile_choice=CURRENT)
    reported = {sid: (c.findings, c.below_norm) for sid, c in report.streets.items() if c.findings}
    return listed, reported


def test_the_street_list_and_the_report_agree_on_the_demo_also_after_a_norm_change(demo_path) -> None:
    project = open_project(demo_path)
    try:
        rounds = [r for r in walk.rounds(project) if r["kind"] != "meting" and r["findings"]
                  and walk.load_round(project, r["id"]).has_norms]  # not the sociale-veiligheid walk
        assert len(rounds) >= 2, "the demo has old and new rounds with norms"
        before = {}
        for r in rounds:
            listed, reported = _list_and_report(project, r["id"])
            assert listed == reported, r["title"]
            assert sum(b for _, b in listed.values()) > 0, "some findings are below their norm"
            for street_id in list(listed)[:3]:  # one street after an edit: the same counts
                n, _judged, below, _done = walk.street_counts(project, walk.load_round(project, r["id"]),
                                                              street_id)
                assert (n, below) == listed[street_id]
            before[r["id"]] = listed
        # a stricter norm for the item found most often at a level that met it: every
        # round, the old ones too, is re-scored, in the street list as in the report
        met = Counter(f"{f.element}.{f.aspect}" for r in rounds for f in project.findings.models(r["id"])
                      if f.level in (Level.A, Level.B) and not f.not_applicable)
        item = met.most_common(1)[0][0]
        set_norm(project, scope="aspect", name=item, level="A+",
                 area_types=["centrum", "woongebied", "hoofdinfra", "bedrijventerrein", "recreatie"])
        stricter = 0
        for r in rounds:
            listed, reported = _list_and_report(project, r["id"])
            assert listed == reported, r["title"]
            assert all(listed[s][1] >= below for s, (_n, below) in before[r["id"]].items()), r["title"]
            stricter += sum(b for _, b in listed.values()) > sum(b for _, b in before[r["id"]].values())
        assert stricter >= 2, "the old round and the new one both count more findings below the norm"
    finally:
        project.close()


@pytest.mark.parametrize("street_only", [False, True])
def test_the_store_groups_identical_findings(demo_path, street_only: bool) -> None:
    project = open_project(demo_path)
    try:
        round_id = next(r["id"] for r in walk.rounds(project) if r["findings"])
        rows = project.findings.level_rows(round_id)
        street = rows[0][0] if street_only else None
        grouped = project.findings.level_counts(round_id, street)
        plain = Counter(r for r in rows if street is None or r[0] == street)
        assert {tuple(g[:5]): g[5] for g in grouped} == dict(plain)
    finally:
        project.close()
