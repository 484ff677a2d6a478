"""The verloop of a series of rounds: the pure rules (domain/verloop.py), the batched
read (store/series.py, a fixed number of statements whatever the series' length) and
the use case (services/verloop.py) with its bad inputs."""

from __future__ import annotations

from datetime import date

import pytest
from verloop_data import make_project

from schouw.domain.scoring import Trend
from schouw.domain.verloop import (
    MEASURE_BELOW,
    MEASURE_FINDINGS,
    MEASURE_SHARE,
    SeriesRound,
    SeriesStreet,
    build_verloop,
)
from schouw.messages import SchouwError
from schouw.services.forms import default_profile, find_form
from schouw.services.verloop import verloop_for_buurt, verloop_for_round
from schouw.store import open_project
from schouw.store.series import load_series

CROW = find_form("crow-beeldkwaliteit")
STREETS = [SeriesStreet("s1", "Merelstraat"), SeriesStreet("s2", "Lijsterstraat"), SeriesStreet("s3", "Kerkplein")]


def _rounds(n: int, kind: str = "knelpunten") -> list[SeriesRound]:
    return [SeriesRound(f"r{i}", date(2026, 1 + i, 1), f"Ronde {i}", kind, CROW.key) for i in range(n)]


def _f(round_id: str, street: str, level: str | None, *, element: str = "asfalt", aspect: str = "onkruid",
       **extra) -> dict:
    return {"round_id": round_id, "street_id": street, "element": element, "aspect": aspect, "level": level,
            "not_applicable": 0, **extra}


# -- domain ---------------------------------------------------------------------------------
def test_counts_move_by_below_norm_and_a_street_not_walked_is_not_zero():
    findings = [_f("r0", "s1", "C"), _f("r0", "s1", "D"), _f("r0", "s2", "C"),
                _f("r1", "s1", "A"), _f("r1", "s1", "C"),
                _f("r2", "s2", "C"), _f("r2", "s2", "D"), _f("r2", "s2", "C")]
    v = build_verloop(list(reversed(_rounds(3))), {CROW.key: CROW}, default_profile(), buurt_area_type="woongebied",
                      streets=STREETS, findings=findings, walked={"r2": {"s1"}})
    assert v.kind == "knelpunten" and v.measure == MEASURE_BELOW
    assert [r.id for r in v.rounds] == ["r0", "r1", "r2"]  # by date, whatever the order given
    lines = {line.name: line for line in v.streets}
    merel, lijster, kerk = lines["Merelstraat"], lines["Lijsterstraat"], lines["Kerkplein"]
    assert [(c.walked, c.findings, c.below_norm) for c in merel.cells] == [(True, 2, 2), (True, 2, 1), (True, 0, 0)]
    assert merel.move is Trend.BETTER and merel.delta == -2
    assert [c.step for c in merel.cells] == [None, Trend.BETTER, Trend.BETTER]
    # Lijsterstraat was not walked in r1: "niet gelopen", and the step r2 compares with r0
    assert [c.walked for c in lijster.cells] == [True, False, True]
    assert lijster.cells[1].value(MEASURE_BELOW) is None
    assert lijster.cells[2].step is Trend.WORSE and lijster.move is Trend.WORSE
    # never walked: listed, every cell niet gelopen, no movement
    assert not any(c.walked for c in kerk.cells) and kerk.move is None
    assert [line.name for line in v.streets] == ["Merelstraat", "Lijsterstraat", "Kerkplein"]


def test_order_is_improved_then_worse_then_unchanged_then_not_comparable():
    findings = [_f("r0", "s1", "C"), _f("r1", "s1", "C"),  # same
                _f("r0", "s2", "C"), _f("r1", "s2", "C"), _f("r1", "s2", "D"),  # worse
                _f("r0", "s3", "C"), _f("r0", "s3", "C")]  # better (walked in r1 with nothing)
    streets = [SeriesStreet("s1", "Eerste"), SeriesStreet("s2", "Tweede"), SeriesStreet("s3", "Derde"),
               SeriesStreet("s4", "Vierde")]
    v = build_verloop(_rounds(2), {CROW.key: CROW}, default_profile(), buurt_area_type="woongebied",
                      streets=streets, findings=findings, walked={"r1": {"s3"}})
    assert [(line.name, line.move) for line in v.streets] == [
        ("Derde", Trend.BETTER), ("Tweede", Trend.WORSE), ("Eerste", Trend.SAME), ("Vierde", None)]
    assert (v.counts(Trend.BETTER), v.counts(Trend.WORSE), v.counts(Trend.SAME), v.counts(None)) == (1, 1, 1, 1)


def test_judging_uses_the_norm_of_the_area_type_and_nvt_is_no_problem():
    # asfalt.onkruid: B in a woongebied; a street of its own area type is judged by that
    profile = default_profile()
    streets = [SeriesStreet("s1", "Markt", "centrum"), SeriesStreet("s2", "Laan")]
    from schouw.domain.norms import norm_for

    centrum, woon = norm_for(profile, "asfalt", "onkruid", "centrum"), norm_for(profile, "asfalt", "onkruid",
                                                                                   "woongebied")
    level = "B"
    findings = [_f("r0", "s1", level), _f("r0", "s2", level), _f("r1", "s1", None, not_applicable=1),
                _f("r1", "s2", None, not_applicable=1)]
    v = build_verloop(_rounds(2), {CROW.key: CROW}, profile, buurt_area_type="woongebied", streets=streets,
                      findings=findings)
    lines = {line.name: line for line in v.streets}
    from schouw.domain.levels import Level

    assert lines["Markt"].cells[0].below_norm == int(Level.B < centrum)
    assert lines["Laan"].cells[0].below_norm == int(Level.B < woon) == 0
    assert all(c.below_norm == 0 and c.findings == 1 for line in v.streets for c in line.cells[1:])


def test_without_norms_the_findings_are_counted():
    social = find_form("sociale-veiligheid")
    element, aspect = next((e.id, a.id) for e, a in social.items())
    rounds = [SeriesRound(f"r{i}", date(2026, 1 + i, 1), "", "knelpunten", social.key) for i in range(2)]
    findings = [_f("r0", "s1", None, element=element, aspect=aspect, choice="x")] * 3 + [
        _f("r1", "s1", None, element=element, aspect=aspect)]
    v = build_verloop(rounds, {social.key: social}, default_profile(), buurt_area_type="woongebied",
                      streets=STREETS[:1], findings=findings)
    assert v.measure == MEASURE_FINDINGS
    assert v.streets[0].move is Trend.BETTER and v.streets[0].delta == -2


def test_a_series_never_mixes_a_meting_with_a_knelpuntenschouw():
    rounds = _rounds(1) + [SeriesRound("m", date(2026, 9, 1), "", "meting", CROW.key)]
    with pytest.raises(ValueError):
        build_verloop(rounds, {CROW.key: CROW}, default_profile(), buurt_area_type="woongebied", streets=STREETS,
                      findings=[])


def test_a_meting_series_moves_by_share_with_n_through_the_scoring():
    meting = find_form("crow-meting")
    rounds = [SeriesRound(f"m{i}", date(2026, 3 + 4 * i, 1), "", "meting", meting.key) for i in range(2)]
    findings = []
    for i, good in ((0, 20), (1, 36)):
        for n in range(40):  # 40 points on one street, one aspect judged at each
            findings.append(_f(f"m{i}", "s1", "A" if n < good else "C", element="elementen", aspect="onkruid",
                               point_id=f"p{i}-{n}"))
        findings.append(_f(f"m{i}", "s2", "A", element="elementen", aspect="onkruid", point_id=f"q{i}"))
    # a measurement without a point is no part of a meting's share
    findings.append(_f("m1", "s1", "C", element="elementen", aspect="onkruid"))
    v = build_verloop(rounds, {meting.key: meting}, default_profile(), buurt_area_type="woongebied",
                      streets=STREETS, findings=findings)
    assert v.kind == "meting" and v.measure == MEASURE_SHARE
    merel = next(line for line in v.streets if line.name == "Merelstraat")
    first, last = merel.cells[0].share, merel.cells[1].share
    assert (first.n, first.at_or_above, last.n, last.at_or_above) == (40, 20, 40, 36)
    assert merel.move is Trend.BETTER and merel.conclusive and merel.delta == pytest.approx(0.4)
    lijster = next(line for line in v.streets if line.name == "Lijsterstraat")
    assert lijster.move is Trend.SAME and not lijster.conclusive  # one point a round: says little
    aspect = next(line for line in v.aspects if line.key == "elementen.onkruid")
    assert aspect.cells[1].share.n == 41 and aspect.move is Trend.BETTER
    assert merel.key in v.street_aspects and v.street_aspects[merel.key][0].key == "elementen.onkruid"


# -- store: batched --------------------------------------------------------------------------
def _statements(project, call) -> int:
    seen: list[str] = []
    project.conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        project.conn.set_trace_callback(None)
    return len([s for s in seen if s.lstrip().upper().startswith("SELECT")])


def test_a_series_is_read_in_a_fixed_number_of_statements_whatever_its_length(tmp_path):
    from test_exchange_helpers import new_project

    from schouw.domain.levels import Level
    from schouw.domain.models import Buurt, Finding, Street, Wijk
    from schouw.services.rounds import create_round

    project = new_project(tmp_path / "s.schouw", "t")
    wijk = project.areas.add_wijk(Wijk(name="W"))
    buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
    project.areas.add_streets([Street(buurt_id=buurt.id, name=f"Straat {i}", position=i) for i in range(5)])
    streets = project.areas.streets(buurt.id)
    counts = []
    for n in range(1, 9):
        round_ = create_round(project, buurt="B", wijk="W", form_id="crow-beeldkwaliteit", when=f"2026-{n:02d}-01")
        for k in range(6):
            project.findings.add(Finding(round_id=round_.id, street_id=streets[k % 5].id, element="asfalt",
                                         aspect="onkruid", level=Level.C))
        if n in (2, 8):
            load = _statements(project, lambda: load_series(project, buurt.id, "crow-beeldkwaliteit", "knelpunten"))
            whole = _statements(project, lambda: verloop_for_buurt(project, "B"))
            counts.append((load, whole))
    rows = load_series(project, buurt.id, "crow-beeldkwaliteit", "knelpunten")
    assert len(rows.rounds) == 8 and len(rows.findings) == 48
    assert counts[0] == counts[1], counts  # two rounds or eight: the same statements
    assert counts[0][0] == 5
    project.close()


# -- the use case ---------------------------------------------------------------------------
@pytest.fixture
def series(tmp_path):
    path = tmp_path / "v.schouw"
    ids = make_project(path)
    return path, ids


def test_the_designed_stratenaanpak(series):
    path, ids = series
    with open_project(path, readonly=True) as project:
        result = verloop_for_buurt(project, "vogelbuurt")  # names as typed, any case
        by_round = verloop_for_round(project, ids["Stratenaanpak 2"])
    v = result.verloop
    assert result.form_id == "crow-beeldkwaliteit" and v.measure == MEASURE_BELOW
    assert [r.title for r in v.rounds] == ["Stratenaanpak 1", "Stratenaanpak 2", "Stratenaanpak 3"]
    got = [(line.name, line.move, [c.below_norm if c.walked else None for c in line.cells]) for line in v.streets]
    assert got == [("Merelstraat", Trend.BETTER, [3, 1, 0]), ("Kievitstraat", Trend.BETTER, [1, 0, None]),
                   ("Lijsterstraat", Trend.WORSE, [1, None, 3]), ("Spreeuwenlaan", Trend.SAME, [2, 2, 2])]
    assert [line.name for line in by_round.verloop.streets] == [line[0] for line in got]


def test_the_totals_agree_with_the_round_counts(series):
    from schouw.services.scores import knelpunten_counts

    path, ids = series
    with open_project(path, readonly=True) as project:
        v = verloop_for_buurt(project, "Vogelbuurt").verloop
        for i, r in enumerate(v.rounds):
            counts = knelpunten_counts(project, r.id)
            assert sum(line.cells[i].findings for line in v.streets) == counts.findings
            assert sum(line.cells[i].below_norm for line in v.streets) == counts.below_norm


def test_a_meting_series_is_picked_and_compared_by_share(series):
    path, _ = series
    with open_project(path, readonly=True) as project:
        v = verloop_for_buurt(project, "Havenkwartier").verloop
    assert v.kind == "meting" and v.measure == MEASURE_SHARE
    overall = [sum(c.share.n for line in v.streets for c in line.cells[i:i + 1] if c.share) for i in range(2)]
    assert overall == [480, 480]  # 40 points x 12 aspects, every one judged
    assert v.counts(Trend.BETTER) >= 1 and v.counts(Trend.WORSE) == 0


@pytest.mark.parametrize(("call", "key"), [
    (lambda p, ids: verloop_for_buurt(p, "Nergenswijk"), "unknown_buurt"),
    (lambda p, ids: verloop_for_buurt(p, "Vogelbuurt", form="crow-meting"), "verloop_unknown_form"),
    (lambda p, ids: verloop_for_buurt(p, "Havenkwartier", form="sociale-veiligheid"), "verloop_too_few"),
    (lambda p, ids: verloop_for_round(p, ids["Veilige Buurten-schouw"]), "verloop_single_round"),
])
def test_bad_input_is_one_clear_error(series, call, key):
    path, ids = series
    with open_project(path, readonly=True) as project, pytest.raises(SchouwError) as caught:
        call(project, ids)
    assert caught.value.key == key
    assert "\n" not in caught.value.message("nl")


def test_a_buurt_with_two_series_asks_for_the_form(tmp_path):
    path = tmp_path / "two.schouw"
    make_project(path)
    with open_project(path) as project:
        from verloop_data import meting

        meting(project, "Vogelbuurt", "2026-04-02", 0.5, title="M1", points=8)
        meting(project, "Vogelbuurt", "2026-08-02", 0.5, title="M2", points=8)
        with pytest.raises(SchouwError) as caught:
            verloop_for_buurt(project, "Vogelbuurt")
        assert caught.value.key == "verloop_choose_form"
        assert verloop_for_buurt(project, "Vogelbuurt", form="crow-meting").verloop.kind == "meting"


def test_the_demo_has_a_stratenaanpak_of_three_rounds(demo_path):
    """Issue #17 "done means": the demo's Havenkwartier has a series of three rounds in
    which some streets improve and one gets worse; the Vogelbuurt's CROW rounds are a
    series too, judged against the norms."""
    with open_project(demo_path, readonly=True) as project:
        haven = verloop_for_buurt(project, "Havenkwartier").verloop
        vogel = verloop_for_buurt(project, "Vogelbuurt").verloop
    assert len(haven.rounds) == 3 and haven.measure == MEASURE_FINDINGS
    assert haven.counts(Trend.BETTER) >= 3 and haven.counts(Trend.WORSE) == 1
    assert haven.streets[0].move is Trend.BETTER
    assert any(not c.walked for line in haven.streets for c in line.cells)  # niet gelopen shows
    assert len(vogel.rounds) == 3 and vogel.measure == MEASURE_BELOW
