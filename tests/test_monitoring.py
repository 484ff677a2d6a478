"""The overview across rounds and places (issue #19): the store's batched reads and the
use case in schouw/services/monitoring.py, on real project files: counts per wijk and
buurt judged by the one norm rule, the meting share equal to the round's own score,
actions per party with the overdue rule and the median days to close, re-inspection,
the trend against the previous period, bad input refused, and a query count that does
not grow with the number of rounds."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from test_meting import _judge_all

from schouw.domain.actions import ActionStatus
from schouw.domain.models import Action, Buurt, Finding, Street, Wijk
from schouw.domain.norms import norm_for
from schouw.messages import SchouwError
from schouw.services import monitoring as M
from schouw.services.actions import set_status
from schouw.services.rounds import create_round
from schouw.services.scores import knelpunten_counts, meting_score

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 12, 5)
#: A levelled aspect whose norm comes from the profile's default (B in a woongebied, A in the centrum).
ITEM = ("elementen", "zwerfafval")


def bigproject():
    spec = importlib.util.spec_from_file_location("bigproject", ROOT / "bench" / "bigproject.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _areas(project):
    noord = project.areas.add_wijk(Wijk(name="Noord"))
    zuid = project.areas.add_wijk(Wijk(name="Zuid"))
    buurten = {
        "Oud-Noord": project.areas.add_buurt(Buurt(wijk_id=noord.id, name="Oud-Noord", area_type="woongebied")),
        "Centrumbuurt": project.areas.add_buurt(Buurt(wijk_id=noord.id, name="Centrumbuurt", area_type="centrum")),
        "Zuidrand": project.areas.add_buurt(Buurt(wijk_id=zuid.id, name="Zuidrand", area_type="woongebied")),
    }
    for b, buurt in enumerate(buurten.values()):
        project.areas.add_streets([
            Street(buurt_id=buurt.id, name=f"Straat {b}-{i}", woonplaats="Voorbeeldstad", position=i,
                   geometry={"type": "LineString",
                             "coordinates": [[4.62 + b * 0.01 + i * 0.001, 52.38], [4.621 + b * 0.01 + i * 0.001, 52.381]]})
            for i in range(3)])
    return buurten


def _round(project, buurt: str, when: str, levels: list[str | None], *, party: str = "Gemeente",
           due: date | None = None):
    """A knelpuntenschouw with one finding of ITEM per level (None: n.v.t.), an action on each."""
    round_ = create_round(project, buurt=buurt, form_id="crow-beeldkwaliteit", when=when)
    street = project.areas.streets(round_.buurt_id)[0]
    findings = []
    for level in levels:
        finding = Finding(round_id=round_.id, street_id=street.id, element=ITEM[0], aspect=ITEM[1], level=level,
                          not_applicable=level is None, lat=52.3805, lon=4.6205)
        project.findings.add(finding, Action(finding_id=finding.id, party=party, due_date=due))
        findings.append(finding)
    return round_, findings


@pytest.fixture
def filled(project):
    buurten = _areas(project)
    profile = project.forms.profile(create_round(project, buurt="Zuidrand", form_id="crow-beeldkwaliteit",
                                                 when="2024-01-01").profile_id)
    assert norm_for(profile, *ITEM, "woongebied").value == "B"
    assert norm_for(profile, *ITEM, "centrum").value == "A"
    # previous period (2025): Oud-Noord had 3 below of 4 in one round
    _round(project, "Oud-Noord", "2025-05-01", ["C", "D", "D", "A"])
    # this period (2026): two rounds in Oud-Noord, one in the Centrumbuurt
    r1, f1 = _round(project, "Oud-Noord", "2026-03-10", ["A", "B", "C", None], party="Gemeente",
                    due=date(2026, 4, 1))
    # actions: one done after 20 days, one rejected after 40; the rest open (one overdue)
    set_status(project, f1[0].id, ActionStatus.DONE, on_date=date(2026, 3, 30), by="test")
    set_status(project, f1[1].id, ActionStatus.REJECTED, note="geen budget", on_date=date(2026, 4, 19), by="test")
    r2, f2 = _round(project, "Oud-Noord", "2026-09-01", ["D", "B"], party="Woonstichting",
                    due=date(2026, 12, 31))
    r3, _ = _round(project, "Centrumbuurt", "2026-06-01", ["A", "B", "B"], party="Gemeente")
    # re-inspection: r1 checks the 2025 round's 4 open points, r2 the 2 still open of r1
    for round_, results in ((r1, ["opgelost", "opgelost", "aanwezig", None]), (r2, ["opgelost", "erger"])):
        carried = project.rechecks.list(round_.id)
        assert len(carried) == len(results)
        for row, result in zip(carried, results, strict=True):
            project.rechecks.set_result(row["id"], result, None, None)
    return project, buurten, (r1, r2, r3)


def _by_name(overview):
    return {a.name: a for a in overview.buurten} | {f"wijk {a.name}": a for a in overview.wijken}


def test_counts_per_buurt_and_wijk_are_judged_by_the_norm(filled):
    project, _, (r1, r2, r3) = filled
    o = M.build_overview(project, start="2026-01-01", end="2026-12-31", today=TODAY)
    areas = _by_name(o)
    oud, centrum, zuid = areas["Oud-Noord"], areas["Centrumbuurt"], areas["Zuidrand"]
    assert oud.rounds == {"knelpunten": 2} and oud.findings == 6
    assert oud.below_norm == 2  # C and D; n.v.t. and B are not below a B norm
    assert centrum.below_norm == 2  # B is below the centrum's A norm
    assert oud.by_aspect == {"elementen.zwerfafval": {"A": 1, "B": 2, "C": 1, "D": 1, "n.v.t.": 1}}
    assert oud.below_by_aspect == {"elementen.zwerfafval": 2}
    # the same rule as the round's own counts
    assert oud.below_norm == sum(knelpunten_counts(project, r.id).below_norm for r in (r1, r2))
    assert zuid.rounds == {} and zuid.findings == 0  # its round is outside the period
    noord = areas["wijk Noord"]
    assert (noord.findings, noord.below_norm, noord.rounds) == (9, 4, {"knelpunten": 3})
    assert oud.latest_round_id == r2.id and oud.latest_round_date == date(2026, 9, 1)
    assert o.period == M.Period(date(2026, 1, 1), date(2026, 12, 31))
    assert o.previous == M.Period(date(2025, 1, 1), date(2025, 12, 31))


def test_actions_per_party_with_overdue_and_median_days_to_close(filled):
    project, *_ = filled
    oud = _by_name(M.build_overview(project, start="2026-01-01", end="2026-12-31", today=TODAY))["Oud-Noord"]
    parties = {p.party: p for p in oud.actions}
    gemeente, corporatie = parties["Gemeente"], parties["Woonstichting"]
    assert (gemeente.open, gemeente.overdue, gemeente.done, gemeente.rejected) == (2, 2, 1, 1)
    assert gemeente.median_days_to_close == 30  # 20 and 40 days after the round
    assert (corporatie.open, corporatie.overdue, corporatie.median_days_to_close) == (2, 0, None)
    assert (oud.actions_open, oud.actions_overdue, oud.actions_done) == (4, 2, 1)
    # today moves: the corporation's deadline passes
    later = _by_name(M.build_overview(project, start="2026-01-01", end="2026-12-31", today=date(2027, 1, 2)))
    assert {p.party: p.overdue for p in later["Oud-Noord"].actions}["Woonstichting"] == 2


def test_rechecks_solved_share_and_the_knelpunten_trend(filled):
    project, *_ = filled
    areas = _by_name(M.build_overview(project, start="2026-01-01", end="2026-12-31", today=TODAY))
    oud = areas["Oud-Noord"]
    assert (oud.rechecks_checked, oud.rechecks_solved) == (5, 3)
    assert oud.solved_share == pytest.approx(3 / 5)
    # 3 below-norm findings in 1 round before, 2 in 2 rounds now: fewer per round
    assert oud.trend == M.Trend("knelpunten", 3.0, 1.0, "beter")
    assert areas["Centrumbuurt"].trend.direction == "onbekend"  # nothing the year before


def test_a_changed_norm_rescores_old_rounds(filled):
    project, _, (r1, *_rest) = filled
    row_id = r1.profile_id
    profile = project.forms.profile(row_id)
    stricter = profile.model_copy(update={"default_norm": {**profile.default_norm, "woongebied": profile.default_norm["centrum"]}})
    project.forms.save_profile(stricter, row_id)
    oud = _by_name(M.build_overview(project, start="2026-01-01", end="2026-12-31", today=TODAY))["Oud-Noord"]
    assert oud.below_norm == 4  # B is now below the norm too


def test_the_meting_share_is_the_rounds_own_score(filled):
    project, buurten, _ = filled
    meting = create_round(project, buurt="Zuidrand", form_id="crow-meting", when="2026-05-05", kind="meting",
                          points=8, seed=3)
    _judge_all(project, meting, level_of=lambda point, item: "C" if point.n % 4 == 0 else "A")
    zuid = _by_name(M.build_overview(project, start="2026-01-01", end="2026-12-31", today=TODAY))["Zuidrand"]
    own = meting_score(project, meting.id)
    assert zuid.meting is not None and zuid.meting.round_id == meting.id
    assert zuid.meting.overall == own.overall and zuid.meting.schoon == own.groups["schoon"]
    assert zuid.rounds == {"meting": 1}
    # a meting's judgements make its share; they are not counted as findings or problems
    assert (zuid.findings, zuid.below_norm) == (0, 0)
    assert zuid.measurements == own.overall.n + own.not_applicable + own.without_norm
    noord = _by_name(M.build_overview(project, start="2026-01-01", end="2026-12-31", today=TODAY))["wijk Zuid"]
    assert noord.meting.overall == own.overall  # one buurt: the pooled share is its own


def test_filters_and_defaults(filled):
    project, *_ = filled
    o = M.build_overview(project, wijk="noord", start="2026-01-01", end="2026-12-31", today=TODAY)
    assert [a.name for a in o.wijken] == ["Noord"] and {a.name for a in o.buurten} == {"Oud-Noord", "Centrumbuurt"}
    o = M.build_overview(project, buurt="Centrumbuurt", start="2026-01-01", end="2026-12-31", today=TODAY)
    assert [a.name for a in o.buurten] == ["Centrumbuurt"] and o.wijken[0].findings == 3
    o = M.build_overview(project, today=TODAY)
    assert o.period == M.Period(date(2025, 12, 6), TODAY)
    assert M.build_overview(project, start="2026-06-01", today=TODAY).period.end == TODAY


@pytest.mark.parametrize(("kw", "key"), [
    ({"wijk": "Oost"}, "overview_unknown_wijk"),
    ({"buurt": "Nergens"}, "overview_unknown_buurt"),
    ({"wijk": "Zuid", "buurt": "Oud-Noord"}, "overview_unknown_buurt"),
    ({"start": "2026-12-01", "end": "2026-01-01"}, "overview_from_after_to"),
    ({"start": "1-1-2026"}, "overview_bad_date"),
    ({"end": "2026-02-30"}, "overview_bad_date"),
])
def test_bad_input_is_refused(filled, kw, key):
    project, *_ = filled
    with pytest.raises(SchouwError) as caught:
        M.build_overview(project, today=TODAY, **kw)
    assert caught.value.key == key
    assert "\n" not in caught.value.message()


def _queries(path: Path) -> int:
    from schouw.store import open_project

    with open_project(path, readonly=True) as project:
        statements: list[str] = []
        project.conn.set_trace_callback(statements.append)
        overview = M.build_overview(project, start="2015-01-01", end="2026-12-31", today=TODAY)
        project.conn.set_trace_callback(None)
    assert sum(a.rounds_total for a in overview.buurten) > 0
    return len(statements)


def test_the_query_count_does_not_grow_with_the_rounds(tmp_path):
    big = bigproject()
    few, many = tmp_path / "few.schouw", tmp_path / "many.schouw"
    small = big.build(few, scale=0.01, years=2, rounds_per_year=2)
    large = big.build(many, scale=0.01, years=10, rounds_per_year=4)
    assert large["rounds"] >= 10 * small["rounds"]
    assert large["actions"] > 0 and large["rechecks"] > 0
    n_few, n_many = _queries(few), _queries(many)
    assert n_few == n_many
    assert n_many <= 20


def test_update_reads_only_the_changed_buurt_and_equals_a_fresh_overview(filled):
    from schouw.services.changes import Changes

    project, buurten, (r1, r2, r3) = filled
    old = M.build_overview(project, start="2026-01-01", end="2026-12-31", today=TODAY)
    street = project.areas.streets(r3.buurt_id)[0]
    project.findings.add(Finding(round_id=r3.id, street_id=street.id, element=ITEM[0], aspect=ITEM[1], level="D"))
    statements: list[str] = []
    project.conn.set_trace_callback(statements.append)
    new = M.update_overview(project, old, Changes(findings=True, round_ids=frozenset({r3.id})))
    project.conn.set_trace_callback(None)
    fresh = M.build_overview(project, start="2026-01-01", end="2026-12-31", today=TODAY)
    assert new.as_dict() == fresh.as_dict()
    assert _by_name(new)["Centrumbuurt"].below_norm == 3 and _by_name(new)["wijk Noord"].findings == 10
    # bound values show in the traced SQL: only the Centrumbuurt was read again
    assert any(buurten["Centrumbuurt"].id in s for s in statements)
    assert not any(buurten["Oud-Noord"].id in s for s in statements)
    assert len(statements) <= 12
    # nothing the overview shows: the same value back, nothing read
    project.conn.set_trace_callback(statements.append)
    statements.clear()
    assert M.update_overview(project, new, Changes(outbox=True)) is not None and statements == []
    project.conn.set_trace_callback(None)
