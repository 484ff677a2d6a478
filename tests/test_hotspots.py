"""Hotspots (issue #19.2): the pure clustering on known layouts (radius, recurrence,
ranking, order independence, no chaining along a street) and the service on a real
project (only findings judged below their norm, coordinates through RD New)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from schouw import geo
from schouw.domain.hotspots import RADIUS, Cluster, Spot, cluster
from schouw.domain.levels import Level
from schouw.domain.models import Buurt, Finding, Street, Wijk
from schouw.services.hotspots import find_hotspots
from schouw.services.rounds import create_round

X0, Y0 = 105_000.0, 488_000.0  # somewhere in RD New


def _s(id_: str, dx: float, dy: float, round_id: str, level: Level = Level.C) -> Spot:
    return Spot(id_, X0 + dx, Y0 + dy, round_id, level)


def test_a_place_found_in_several_rounds_is_a_hotspot_and_a_single_round_is_not():
    spots = [_s("a1", 0, 0, "r1"), _s("a2", 10, 5, "r2"), _s("a3", -15, 12, "r3"),
             _s("b1", 1000, 0, "r1"), _s("b2", 1010, 0, "r1")]  # twice, but in one round
    found = cluster(spots)
    assert len(found) == 1
    assert {m.id for m in found[0].members} == {"a1", "a2", "a3"}
    assert (found[0].rounds, found[0].findings) == (3, 3)


def test_the_radius_is_50_metres_from_the_centre():
    inside = [_s("c", 0, 0, "r1"), _s("d", 0, 0.5, "r1"), _s("e", RADIUS, 0, "r2")]
    assert {m.id for m in cluster(inside)[0].members} == {"c", "d", "e"}  # d makes c the densest
    outside = [_s("c", 0, 0, "r1"), _s("d", 0, 0.5, "r1"), _s("e", RADIUS + 0.5, 0, "r2")]
    assert cluster(outside) == []  # e alone is no recurrence, c and d are one round


def test_no_chaining_along_a_street():
    # a finding every 40 m for 400 m, each in its own round: single linkage would make one
    # 400 m "place" of it; here no member is more than 50 m from its centre
    spots = [_s(f"p{i:02d}", 40 * i, 0, f"r{i}") for i in range(11)]
    found = cluster(spots)
    assert sum(c.findings for c in found) == 11
    for c in found:
        assert all(abs(m.x - c.centre.x) <= RADIUS for m in c.members)
        assert c.findings <= 3


def test_ranked_by_recurrence_then_severity_then_size():
    spots = (
        [_s(f"x{i}", 0 + i, 0, f"r{i}", Level.D) for i in range(2)]              # 2 rounds, D
        + [_s(f"y{i}", 500 + i, 0, f"r{i}", Level.C) for i in range(3)]        # 3 rounds, C
        + [_s(f"z{i}", 1000 + i, 0, f"r{i % 2}", Level.C) for i in range(4)]   # 2 rounds, C, 4 findings
        + [_s(f"w{i}", 1500 + i, 0, f"r{i}", Level.C) for i in range(2)]       # 2 rounds, C, 2 findings
    )
    found = cluster(spots)
    assert [c.centre.id[0] for c in found] == ["y", "x", "z", "w"]
    assert found[1].worst is Level.D and found[0].rounds == 3


def test_the_result_does_not_depend_on_input_order():
    rng = random.Random(7)
    spots = [_s(f"s{i:03d}", rng.uniform(0, 300), rng.uniform(0, 300), f"r{rng.randrange(5)}",
                rng.choice([Level.C, Level.D])) for i in range(120)]
    first = cluster(spots)
    rng.shuffle(spots)
    assert cluster(spots) == first
    assert all(isinstance(c, Cluster) and c.rounds >= 2 for c in first)
    assert len({m.id for c in first for m in c.members}) == sum(c.findings for c in first)  # no finding twice


# -- the service on a project --------------------------------------------------------------
def _lonlat(dx: float, dy: float) -> tuple[float, float]:
    return geo.rd_to_lonlat([(X0 + dx, Y0 + dy)])[0]


@pytest.fixture
def located(project):
    wijk = project.areas.add_wijk(Wijk(name="Noord"))
    buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Oud-Noord", area_type="woongebied"))
    (lon0, lat0), (lon1, lat1) = _lonlat(0, 0), _lonlat(200, 0)
    project.areas.add_streets([Street(buurt_id=buurt.id, name="Merelstraat", position=0,
                                      geometry={"type": "LineString", "coordinates": [[lon0, lat0], [lon1, lat1]]}),
                               Street(buurt_id=buurt.id, name="Verweg", position=1)])
    merel, verweg = project.areas.streets(buurt.id)
    rounds = [create_round(project, buurt="Oud-Noord", form_id="crow-beeldkwaliteit", when=f"2026-0{m}-01")
              for m in (3, 6, 9)]

    def add(round_, street, level, dx, dy=0.0):
        lon, lat = _lonlat(dx, dy)
        finding = Finding(round_id=round_.id, street_id=street.id, element="elementen", aspect="zwerfafval",
                          level=level, lat=lat, lon=lon)
        project.findings.add(finding)
        return finding.id

    ids = {
        "c1": add(rounds[0], merel, "C", 20), "d2": add(rounds[1], merel, "D", 35, 10),
        "c3": add(rounds[2], merel, "C", 10, -20),
        "b_meets": add(rounds[1], merel, "B", 22),          # at the norm: not below, never in a hotspot
        "far": add(rounds[2], verweg, "D", 900),          # alone
    }
    lon, lat = _lonlat(30, 0)
    project.findings.add(Finding(round_id=rounds[0].id, street_id=merel.id, element="elementen",
                                 aspect="zwerfafval", level=None, not_applicable=True, lat=lat, lon=lon))
    return project, ids


def test_the_service_clusters_only_findings_below_their_norm(located):
    project, ids = located
    spots = find_hotspots(project, start="2026-01-01", end="2026-12-31", today=date(2026, 12, 5))
    assert len(spots) == 1
    spot = spots[0]
    assert set(spot.finding_ids) == {ids["c1"], ids["d2"], ids["c3"]}
    assert (spot.rounds, spot.findings, spot.worst, spot.street, spot.buurt) == (3, 3, "D", "Merelstraat", "Oud-Noord")
    assert spot.items == ("elementen.zwerfafval",) and spot.item_names[0].endswith(": zwerfafval")
    assert find_hotspots(project, start="2026-06-02", end="2026-12-31") == []  # one round left: no recurrence


def test_the_service_filters_and_refuses_unknown_areas(located):
    from schouw.messages import SchouwError

    project, _ = located
    assert len(find_hotspots(project, buurt="oud-noord", start="2026-01-01", end="2026-12-31")) == 1
    with pytest.raises(SchouwError) as caught:
        find_hotspots(project, wijk="Zuid")
    assert caught.value.key == "overview_unknown_wijk"


def test_update_finds_again_only_the_changed_buurt(located):
    from schouw.services.hotspots import update_hotspots
    from schouw.services.monitoring import Period

    project, ids = located
    period = Period(date(2026, 1, 1), date(2026, 12, 31))
    old = find_hotspots(project, start="2026-01-01", end="2026-12-31")
    rounds = project.rounds.list()
    latest = max(rounds, key=lambda r: r["date"])
    merel = project.areas.streets(latest["buurt_id"])[0]
    lon, lat = _lonlat(25, 5)
    project.findings.add(Finding(round_id=latest["id"], street_id=merel.id, element="elementen",
                                 aspect="zwerfafval", level="D", lat=lat, lon=lon))
    new = update_hotspots(project, old, period, {latest["buurt_id"]})
    assert new == find_hotspots(project, start="2026-01-01", end="2026-12-31")
    assert new[0].findings == 4 and new[0].rank == 1


# -- hot times ----------------------------------------------------------------------------
def test_hot_times_count_parts_of_day_weekdays_and_months():
    from schouw.domain.hottimes import tally

    times = tally([("Avond", date(2026, 6, 3), 4), ("nacht ", date(2026, 6, 3), 1), ("", date(2026, 6, 4), 9),
                   ("na schooltijd", date(2026, 12, 6), 2), ("ochtend", date(2026, 12, 6), 1)])
    assert times.total == 8  # findings without a time of day do not count
    assert list(times.parts.items()) == [("ochtend", 1), ("avond", 4), ("nacht", 1), ("na schooltijd", 2)]
    assert times.weekdays[2] == 5 and times.weekdays[6] == 3 and sum(times.weekdays.values()) == 8
    assert times.months[6] == 5 and times.months[12] == 3 and len(times.months) == 12


def test_hot_times_from_a_project(located):
    from schouw.services.hotspots import hot_times

    project, ids = located
    project.findings.update(ids["c1"], time_of_day="avond")
    project.findings.update(ids["far"], time_of_day="nacht")
    times = hot_times(project, start="2026-01-01", end="2026-12-31")
    assert times.total == 2 and times.parts == {"avond": 1, "nacht": 1}
    assert times.months[3] == 1 and times.months[9] == 1  # the rounds' days: no observation time was recorded
    assert hot_times(project, start="2026-04-01", end="2026-12-31").total == 1
