"""Meting rounds end to end in the store and services: the v9 schema, drawing and
storing the schouwpunten with the round, judging every aspect at a point, finishing
points, closing the round, and the score each kind of round gets (a share with its
interval for a meting, counts and never a share for a knelpuntenschouw)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from schouw.domain.measure import MetingScore
from schouw.domain.models import Round, RoundKind, SchouwPunt
from schouw.domain.norms import judge
from schouw.messages import SchouwError
from schouw.services import points as P
from schouw.services.forms import find_form
from schouw.services.rounds import DEFAULT_POINTS, create_round
from schouw.services.scores import KnelpuntenCounts, knelpunten_counts, meting_score, round_score
from schouw.store import open_project
from schouw.store.migrations import MIGRATIONS
from tests.test_exchange_helpers import new_project, seed_round


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of the tables a refused command must leave alone."""
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("rounds", "schouwpunten", "findings", "round_streets")}
    finally:
        conn.close()


@pytest.fixture
def meting(tmp_path):
    """A project with the 4-street Vogelbuurt of the exchange tests, a knelpunten round
    and a meting of 40 points on the 12-aspect meting form."""
    project = new_project(tmp_path / "m.schouw", "laptop-a")
    knelpunten = seed_round(project, photos_per=0)
    round_ = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-meting",
                          when="2026-11-02", kind="meting", points=40, seed=2026)
    yield project, round_, knelpunten
    project.close()


def _judge_all(project, round_, level_of=lambda point, item: "B"):
    form = project.forms.get(round_.form_key)
    for point in P.list_points(project, round_.id):
        for element, aspect in P.required_items(form):
            P.record_at_point(project, point.id, f"{element}.{aspect}", level=level_of(point, (element, aspect)))
        P.finish_point(project, point.id)


def test_v9_schema_round_kind_columns_points_table_and_finding_point_id(project):
    cols = {t: {r[1] for r in project.conn.execute(f"PRAGMA table_info({t})")}
            for t in ("rounds", "schouwpunten", "findings")}
    assert {"kind", "points_n", "seed", "closed_at"} <= cols["rounds"]
    assert {"id", "round_id", "n", "street_id", "stretch", "lat", "lon", "done_at", "created_at",
            "updated_at", "updated_by", "deleted_at"} <= cols["schouwpunten"]
    assert "point_id" in cols["findings"]
    assert len(MIGRATIONS) >= 9 and MIGRATIONS[8].__name__ == "_v9"


def test_a_v8_project_migrates_and_its_rounds_are_knelpuntenschouw(tmp_path):
    path = tmp_path / "v8.schouw"
    project = new_project(path, "old")
    round_id = seed_round(project, photos_per=0)
    project.close()
    conn = sqlite3.connect(path)  # back to the v8 layout
    conn.execute("DROP TABLE schouwpunten")
    conn.execute("DROP INDEX findings_point")
    conn.execute("ALTER TABLE findings DROP COLUMN point_id")
    for column in ("kind", "points_n", "seed", "closed_at"):
        conn.execute(f"ALTER TABLE rounds DROP COLUMN {column}")
    conn.execute("ALTER TABLE buurten DROP COLUMN boundary")  # v10 (buurt boundaries)
    for table in ("cycle_actions", "cycle_priority_findings", "cycle_priorities", "cycles"):
        conn.execute(f"DROP TABLE {table}")  # and v12 (Veilige Buurten cycles)
    conn.execute("DROP TABLE indicator_values")  # and v11 (indicators)
    conn.execute("DROP TABLE indicators")
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()
    with open_project(path, device_id="old") as project:
        round_ = project.rounds.get(round_id)
        assert round_.kind == RoundKind.KNELPUNTEN and round_.points_n is None and round_.closed_at is None
        assert all(f.point_id is None for f in project.findings.models(round_id))
        assert isinstance(round_score(project, round_id), KnelpuntenCounts)


def test_round_and_points_round_trip_through_the_store(project, tmp_path):
    from schouw.domain.models import Buurt, Street, Wijk

    wijk = project.areas.add_wijk(Wijk(name="W"))
    buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
    project.areas.add_streets([Street(buurt_id=buurt.id, name="Straat")])
    street = project.areas.streets(buurt.id)[0]
    key = project.forms.ensure(find_form("crow-meting"))
    round_ = project.rounds.add(Round(buurt_id=buurt.id, date="2026-09-15", form_key=key, kind="meting",
                                      points_n=2, seed=7))
    project.points.add_many([SchouwPunt(round_id=round_.id, n=n, street_id=street.id, stretch=n, lat=52.0 + n,
                                        lon=4.0) for n in (2, 1)])
    again = project.rounds.get(round_.id)
    assert (again.kind, again.points_n, again.seed, again.closed_at) == (RoundKind.METING, 2, 7, None)
    project.rounds.update(round_.id, closed_at="2026-09-16T10:00:00.000Z")
    assert project.rounds.get(round_.id).closed_at.isoformat().startswith("2026-09-16T10:00")
    listed = project.points.list(round_.id)
    assert [(p.n, p.lat) for p in listed] == [(1, 53.0), (2, 54.0)]
    assert project.points.get(listed[0].id[:8]) == listed[0]
    project.points.set_done(listed[0].id, True)
    assert project.points.count(round_.id) == (2, 1)
    assert project.points.rows(round_.id)[0]["street"] == "Straat"
    with pytest.raises(sqlite3.IntegrityError):  # UNIQUE(round_id, n)
        project.points.add_many([SchouwPunt(round_id=round_.id, n=1, street_id=street.id)])
    listing = {r["id"]: r for r in project.rounds.list()}
    assert listing[round_.id]["kind"] == "meting"


def test_a_meting_draws_and_stores_its_points_with_the_seed(meting):
    project, round_, _ = meting
    assert (round_.kind, round_.points_n, round_.seed) == (RoundKind.METING, 40, 2026)
    points = project.points.list(round_.id)
    assert [p.n for p in points] == list(range(1, 41))
    streets = {s.id for s in project.areas.streets(round_.buurt_id)}
    assert {p.street_id for p in points} <= streets and all(p.lat is not None for p in points)
    # the same seed on the same streets draws the same points (another round, same buurt)
    twin = create_round(project, buurt="Vogelbuurt", form_id="crow-meting", when="2026-11-03",
                        kind="meting", points=40, seed=2026)
    assert [(p.n, p.street_id, p.stretch) for p in project.points.list(twin.id)] == \
        [(p.n, p.street_id, p.stretch) for p in points]


def test_a_meting_without_seed_draws_one_and_stores_it_default_100_points(tmp_path):
    from schouw.domain.models import Buurt, Street, Wijk

    project = new_project(tmp_path / "big.schouw", "x")
    wijk = project.areas.add_wijk(Wijk(name="W"))
    buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
    project.areas.add_streets([Street(buurt_id=buurt.id, name=f"Straat {i}") for i in range(5)])  # no geometry
    round_ = create_round(project, buurt="B", form_id="crow-meting", when="2026-09-15", kind="meting")
    assert round_.points_n == DEFAULT_POINTS and isinstance(round_.seed, int)
    assert len(project.points.list(round_.id)) == DEFAULT_POINTS
    assert all(p.lat is None for p in project.points.list(round_.id))
    project.close()


def test_a_knelpunten_round_has_no_points_and_is_the_default(meting):
    project, _, knelpunten = meting
    round_ = project.rounds.get(knelpunten)
    assert round_.kind == RoundKind.KNELPUNTEN and round_.points_n is None and round_.seed is None
    with pytest.raises(SchouwError) as error:
        P.list_points(project, knelpunten)
    assert error.value.key == "points_only_meting"


def test_too_large_a_sample_is_refused_and_leaves_no_round(meting, tmp_path):
    project, _, _ = meting
    before = _rows(project.path)
    with pytest.raises(SchouwError) as error:
        create_round(project, buurt="Vogelbuurt", form_id="crow-meting", when="2026-11-04",
                     kind="meting", points=100_000, seed=1)
    assert error.value.key == "sample_too_large"
    assert _rows(project.path) == before


def test_a_meting_needs_a_form_with_levels(meting):
    project, _, _ = meting
    before = _rows(project.path)
    with pytest.raises(SchouwError) as error:
        create_round(project, buurt="Vogelbuurt", form_id="sociale-veiligheid", when="2026-11-04", kind="meting")
    assert error.value.key == "meting_needs_levels" and "sociale-veiligheid" in error.value.message("nl")
    with pytest.raises(SchouwError) as error:
        create_round(project, buurt="Vogelbuurt", form_id="crow-meting", when="2026-11-04", kind="steekproef")
    assert error.value.key == "round_bad_kind"
    assert _rows(project.path) == before


def test_judging_at_a_point_carries_the_point_and_a_second_judgement_replaces_the_first(meting):
    project, round_, _ = meting
    point = P.list_points(project, round_.id)[0]
    assert point.judged == 0 and len(point.missing) == 12 == point.required
    finding, changes = P.record_at_point(project, point.id, "elementen.onkruid", level="C")
    assert finding.point_id == point.id and finding.street_id == point.street_id
    assert (finding.lat, finding.lon) == (point.lat, point.lon)
    assert changes.findings and round_.id in changes.round_ids
    again, _ = P.record_at_point(project, point.id, "elementen.onkruid", level="n.v.t.")
    assert again.id == finding.id and again.not_applicable and again.level is None
    state = P.list_points(project, round_.id)[0]
    assert state.judged == 1 and ("elementen", "onkruid") not in state.missing  # n.v.t. is judged
    with pytest.raises(SchouwError):
        P.record_at_point(project, point.id, "elementen.onkruid", level="Q")
    with pytest.raises(SchouwError):
        P.record_at_point(project, point.id, "asfalt.onkruid", level="A")  # not on the meting form


def test_a_point_is_finished_only_when_every_aspect_is_judged(meting):
    project, round_, _ = meting
    point = P.list_points(project, round_.id)[0]
    P.record_at_point(project, point.id, "elementen.onkruid", level="A")
    with pytest.raises(SchouwError) as error:
        P.finish_point(project, point.id)
    assert error.value.key == "point_not_judged"
    assert "elementen.zwerfafval" in error.value.message("nl") and "elementen.onkruid" not in error.value.message("nl")
    assert not P.list_points(project, round_.id)[0].done
    for element, aspect in point.missing[1:]:
        P.record_at_point(project, point.id, f"{element}.{aspect}", level="B")
    changes = P.finish_point(project, point.id)
    assert changes.walked and P.list_points(project, round_.id)[0].done
    P.reopen_point(project, point.id)
    assert not P.list_points(project, round_.id)[0].done


def test_closing_a_meting_with_open_points_is_refused_naming_how_many_and_the_first(meting):
    project, round_, _ = meting
    before = _rows(project.path)
    with pytest.raises(SchouwError) as error:
        P.close_round(project, round_.id)
    text = error.value.message("nl")
    assert error.value.key == "round_points_open" and "40 schouwpunten" in text and "1, 2, 3, 4, 5" in text
    assert "\n" not in text
    assert _rows(project.path) == before


def test_a_fully_judged_meting_scores_and_closes(meting):
    project, round_, knelpunten = meting
    levels = ["A+", "A", "B", "C", "D", "n.v.t."]
    _judge_all(project, round_, lambda point, item: levels[(point.n + len(item[1])) % len(levels)])
    score = round_score(project, round_.id)
    assert isinstance(score, MetingScore) and score == meting_score(project, round_.id)
    assert (score.points_total, score.points_done) == (40, 40)
    assert score.profile_name == project.forms.profile(round_.profile_id).name
    # n and at-or-above per aspect, by the one judging rule on the stored findings
    streets = {s.id: s.area_type for s in project.areas.streets(round_.buurt_id)}
    profile = project.forms.profile(round_.profile_id)
    for aspect in score.aspects:
        rows = [f for f in project.findings.models(round_.id)
                if (f.element, f.aspect) == (aspect.element, aspect.aspect) and f.level is not None]
        meets = sum(judge(profile, f.element, f.aspect, f.level, False, streets[f.street_id] or "woongebied").meets
                    for f in rows)
        assert (aspect.share.n, aspect.share.at_or_above) == (len(rows), meets)
    assert score.overall.n == sum(a.share.n for a in score.aspects) < 40 * 12
    assert score.groups["schoon"].n + score.groups["heel"].n == score.overall.n
    assert score.overall.conclusive
    changes = P.close_round(project, round_.id)
    assert changes.rounds and project.rounds.get(round_.id).closed_at is not None
    with pytest.raises(SchouwError) as error:  # a closed round takes no more judgements
        P.record_at_point(project, P.list_points(project, round_.id)[0].id, "elementen.onkruid", level="A")
    assert error.value.key == "round_closed"


def test_a_knelpuntenschouw_is_counted_and_never_gets_a_share(meting):
    project, _, knelpunten = meting
    with pytest.raises(SchouwError) as error:
        meting_score(project, knelpunten)
    assert error.value.key == "score_not_meting"
    counts = round_score(project, knelpunten)
    assert isinstance(counts, KnelpuntenCounts) and counts == knelpunten_counts(project, knelpunten)
    findings = project.findings.models(knelpunten)
    assert counts.findings == len(findings) == sum(c.findings for c in counts.streets.values())
    assert counts.below_norm == sum(c.below_norm for c in counts.aspects.values()) > 0
    assert sum(counts.levels.values()) == len(findings)
    assert sum(c.findings for c in counts.parties.values()) == len(findings)
    data = counts.as_dict()
    assert "share" not in repr(data)
    assert set(data["streets"]) <= {s.name for s in project.areas.streets(project.rounds.get(knelpunten).buurt_id)}


def test_a_meting_on_the_full_crow_form_requires_its_level_aspects_only(meting):
    project, _, _ = meting
    round_ = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when="2026-11-05",
                          kind="meting", points=2, seed=4)
    point = P.list_points(project, round_.id)[0]
    assert point.required == 90  # the 94 aspects less the 4 overlast observations (choice)
    with pytest.raises(SchouwError) as error:
        P.record_at_point(project, point.id, "overlast.fietswrakken", level="n.v.t.")
    assert error.value.key == "point_item_not_on_form"
    assert not project.rechecks.list(round_.id)  # a meting carries no open points to re-inspect
