"""Policy indicators at every layer below the UI: the pure on-course rule (the seed's
19 % (2008) → 15 % (2014), lower is better), the v11 tables, the use cases (areas,
values by hand and from a meting under today's profile, refusals that change nothing)."""

from __future__ import annotations

import sqlite3

import pytest
from test_exchange_helpers import new_project, seed_round
from test_meting import _judge_all

from schouw.domain import indicators as D
from schouw.domain.indicators import Direction, Indicator, IndicatorValue
from schouw.messages import SchouwError
from schouw.services import indicators as S
from schouw.services.changes import Changes
from schouw.services.rounds import create_round
from schouw.services.scores import meting_score
from schouw.store.migrations import MIGRATIONS


def _seed(**kw) -> Indicator:
    data = {"name": "% inwoners dat zich onveilig voelt", "unit": "%", "direction": Direction.DOWN,
            "baseline_value": 19, "baseline_year": 2008, "baseline_source": "Veiligheidsmonitor",
            "target_value": 15, "target_year": 2014}
    return Indicator(**{**data, **kw})


def _v(year: int, value: float, at: str = "2026-01-01T00:00:00.000Z") -> IndicatorValue:
    return IndicatorValue(indicator_id="x", year=year, value=value, updated_at=at)


# -- domain ---------------------------------------------------------------------------
def test_the_line_from_nulmeting_to_streefwaarde():
    ind = _seed()
    assert D.expected(ind, 2008) == 19
    assert D.expected(ind, 2011) == pytest.approx(17)
    assert D.expected(ind, 2014) == 15
    assert D.expected(ind, 2020) == 15  # after the target year the target holds
    assert D.expected(ind, 2000) == 19


@pytest.mark.parametrize(("year", "value", "on_course", "met"), [
    (2011, 16.5, True, False),   # below the line (17) in 2011: lower is better
    (2011, 17.0, True, False),   # on the line
    (2011, 18.0, False, False),  # above the line
    (2014, 15.0, True, True),
    (2014, 15.5, False, False),
    (2010, 14.0, True, True),    # ahead of schedule
])
def test_on_course_by_direction_down(year, value, on_course, met):
    s = D.status(_seed(), [_v(year, value)])
    assert (s.on_course, s.target_met) == (on_course, met)


def test_direction_up_is_the_mirror():
    ind = _seed(direction=Direction.UP, baseline_value=60, target_value=90, baseline_year=2020, target_year=2026)
    assert D.status(ind, [_v(2023, 76)]).on_course is True   # line at 75
    assert D.status(ind, [_v(2023, 74)]).on_course is False
    assert D.status(ind, [_v(2026, 91)]).target_met is True


def test_the_latest_year_counts_and_nothing_measured_has_no_verdict():
    assert D.status(_seed(), []) == D.Status(None, None, None, None)
    s = D.status(_seed(), [_v(2012, 14), _v(2010, 25)])
    assert s.latest.year == 2012 and s.on_course
    deleted = _v(2013, 30).model_copy(update={"deleted_at": "2026-02-02T00:00:00.000Z"})
    assert D.status(_seed(), [_v(2012, 14), deleted]).latest.year == 2012
    twice = D.per_year([_v(2012, 14, "2026-01-01T00:00:00.000Z"), _v(2012, 20, "2026-03-01T00:00:00.000Z")])
    assert [v.value for v in twice] == [20]  # of two values in one year, the last changed


def test_check_names_the_field():
    problems = D.check("", 2014, 2008, "sideways", "vies")
    assert [p.field for p in problems] == ["name", "target_year", "direction", "aspect_group"]
    assert D.check("x", 2008, 2008, "down") == []


# -- store ----------------------------------------------------------------------------
def test_v11_tables_have_the_synced_columns(project):
    assert MIGRATIONS[10].__name__ == "_v11"
    for table in ("indicators", "indicator_values"):
        cols = {r[1] for r in project.conn.execute(f"PRAGMA table_info({table})")}
        assert {"id", "created_at", "updated_at", "updated_by", "deleted_at"} <= cols
    cols = {r[1] for r in project.conn.execute("PRAGMA table_info(indicators)")}
    assert {"name", "unit", "area_kind", "area_id", "direction", "baseline_value", "baseline_year",
            "baseline_source", "target_value", "target_year", "aspect_group", "aspect"} <= cols
    with pytest.raises(sqlite3.IntegrityError):
        project.conn.execute("INSERT INTO indicators (id, name, direction, baseline_value, baseline_year, "
                             "target_value, target_year, created_at, updated_at) "
                             "VALUES ('a', 'x', 'sideways', 1, 2000, 2, 2001, '', '')")


# -- services -------------------------------------------------------------------------
@pytest.fixture
def setup(tmp_path):
    project = new_project(tmp_path / "i.schouw", "laptop-a")
    knelpunten = seed_round(project, photos_per=0)
    meting = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-meting",
                          when="2026-11-02", kind="meting", points=30, seed=7)
    _judge_all(project, meting, level_of=lambda point, item: "A" if point.n % 3 else "D")
    yield project, meting, knelpunten
    project.close()


def _all_rows(project) -> dict[str, list]:
    return {t: project.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("indicators", "indicator_values")}


def test_add_set_value_and_overview(setup):
    project, meting, _ = setup
    ind, changes = S.add_indicator(project, name="Onveilig", baseline=19, baseline_year=2008, target=15,
                                   target_year=2014, direction="down", unit="%", baseline_source="VM",
                                   area="wijk:Vogelwijk")
    assert changes == Changes(indicators=True) and ind.area_kind == "wijk"
    S.set_value(project, "onveilig", year=2011, value=18, source="VM 2011")
    S.set_value(project, "Onveilig", year=2011, value=16.5, source="VM 2011 herzien")  # replaces 2011
    row = S.show(project, ind.id)
    assert [(v.year, v.value) for v in row.values] == [(2011, 16.5)]
    assert row.area_name == "Vogelwijk" and row.status.on_course is True
    assert project.conn.execute("SELECT COUNT(*) FROM indicator_values").fetchone()[0] == 1
    changed, _ = S.update_indicator(project, "Onveilig", target=16.0, direction=None)
    assert changed.target_value == 16 and changed.direction == Direction.DOWN
    assert [r.indicator.name for r in S.overview(project)] == ["Onveilig"]
    S.delete_indicator(project, "Onveilig")
    assert S.overview(project) == [] and project.indicators.values() == []


def test_a_value_from_a_meting_is_its_group_share_under_todays_profile(setup):
    project, meting, _ = setup
    S.add_indicator(project, name="Schoon", baseline=60, baseline_year=2025, target=90, target_year=2028,
                    unit="%", area="Vogelbuurt", aspect_group="schoon")
    value, _ = S.value_from_round(project, "Schoon", meting.id)
    share = meting_score(project, meting.id, profile_choice="current").groups["schoon"].share
    assert value.year == 2026 and value.round_id == meting.id
    assert value.value == pytest.approx(round(100 * share, 1))
    assert 0 < value.value < 100  # the D points count below norm
    assert [r.indicator.name for r in S.fed_by_round(project, meting.id)] == ["Schoon"]


@pytest.mark.parametrize(("call", "key"), [
    (lambda p, m, k: S.add_indicator(p, name="X", baseline=1, baseline_year=2014, target=2, target_year=2008),
     "indicator_target_before_baseline"),
    (lambda p, m, k: S.add_indicator(p, name="X", baseline=1, baseline_year=2008, target=2, target_year=2014,
                                     area="Nergenshuizen"), "indicator_unknown_area"),
    (lambda p, m, k: S.value_from_round(p, "Bestaand", k), "indicator_round_not_meting"),
    (lambda p, m, k: S.value_from_round(p, "Elders", m.id), "indicator_round_outside_area"),
    (lambda p, m, k: S.update_indicator(p, "Bestaand", target_year=1990), "indicator_target_before_baseline"),
    (lambda p, m, k: S.update_indicator(p, "Bestaand", area="buurt:Nergens"), "indicator_unknown_area"),
    (lambda p, m, k: S.add_indicator(p, name="bestaand", baseline=1, baseline_year=2008, target=2,
                                     target_year=2014), "indicator_exists"),
])
def test_bad_input_is_refused_and_nothing_changes(setup, call, key):
    project, meting, knelpunten = setup
    S.add_indicator(project, name="Bestaand", baseline=50, baseline_year=2020, target=80, target_year=2030)
    wijk = project.areas.wijken()[0]
    other = project.areas.add_buurt(project.areas.buurten()[0].model_copy(
        update={"id": "elders", "name": "Elders", "wijk_id": wijk.id}))
    S.add_indicator(project, name="Elders", baseline=50, baseline_year=2020, target=80, target_year=2030,
                    area=f"buurt:{other.name}")
    before = _all_rows(project)
    with pytest.raises(SchouwError) as caught:
        call(project, meting, knelpunten)
    assert caught.value.key == key
    assert "\n" not in caught.value.message("nl") and caught.value.message("en") != caught.value.message("nl")
    assert _all_rows(project) == before


# -- demo -----------------------------------------------------------------------------
def test_the_demo_has_three_indicators_one_fed_by_its_meting(demo_master):
    from schouw.domain.models import RoundKind
    from schouw.store import open_project

    with open_project(demo_master, readonly=True) as project:
        rows = S.overview(project)
        assert len(rows) == 3
        assert all(r.indicator.baseline_source and r.indicator.target_year > r.indicator.baseline_year for r in rows)
        computed = [r for r in rows if any(v.round_id for v in r.values)]
        assert len(computed) == 1
        round_ = project.rounds.get(computed[0].values[0].round_id)
        assert round_.kind == RoundKind.METING
        assert {r.status.on_course for r in rows} == {True, False}  # the view shows both verdicts


# -- report ---------------------------------------------------------------------------
def test_a_metings_report_shows_the_indicators_it_feeds_and_their_course(demo_path, tmp_path):
    import pypdf

    from schouw.domain.models import RoundKind
    from schouw.services.reports import build_report
    from schouw.store import open_project

    with open_project(demo_path) as project:
        rounds = [project.rounds.get(r["id"]) for r in project.rounds.list()]
        meting = next(r for r in rounds if r.kind == RoundKind.METING)
        other = next(r for r in rounds if r.kind != RoundKind.METING)
        fed = S.fed_by_round(project, meting.id)
        texts = {}
        for lang in ("nl", "en"):
            out = tmp_path / f"m-{lang}.pdf"
            build_report(project, meting.id, out, lang=lang)
            texts[lang] = " ".join(p.extract_text() for p in pypdf.PdfReader(out).pages).replace("\n", " ")
        build_report(project, other.id, tmp_path / "k.pdf")
        knelpunten = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "k.pdf").pages)
    assert [r.indicator.name for r in fed] == ["Aandeel schouwpunten schoon op of boven norm"]
    value = fed[0].values[-1].value
    assert "Indicatoren" in texts["nl"] and "op koers" in texts["nl"]
    assert f"{value:.1f}".replace(".", ",") + " % (2026)" in texts["nl"]
    assert "Indicators" in texts["en"] and "on course" in texts["en"] and f"{value:.1f} % (2026)" in texts["en"]
    assert "Indicatoren" not in knelpunten  # a knelpuntenschouw feeds no indicator
    # only indicators this round feeds: the hand-entered ones stay out
    assert "onveilig" not in texts["nl"]
