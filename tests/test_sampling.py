"""The draw of a meting's schouwpunten (schouw.domain.sampling): reproducible from the
seed, every point on a street of the buurt, streets weighted by length (and by street
where the geometry is unknown), and a sample larger than the frame refused."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from shapely.geometry import LineString, Point

from schouw.domain.sampling import (
    STRETCH_M,
    STRETCHES_WITHOUT_GEOMETRY,
    Frame,
    StreetLine,
    draw_points,
    frame_size,
)
from schouw.geo import wgs84_to_rd
from schouw.messages import SchouwError


def _street(rng: random.Random, i: int, length_m: float, bends: int = 2) -> StreetLine:
    """A street of about ``length_m`` metres near Haarlem, with a few bends."""
    lon, lat = 4.62 + rng.uniform(0, 0.03), 52.37 + rng.uniform(0, 0.02)
    coords = [(lon, lat)]
    step = length_m / (bends + 1)
    angle = rng.uniform(0, 2 * math.pi)
    for _ in range(bends + 1):
        angle += rng.uniform(-0.6, 0.6)
        lon += step * math.cos(angle) / 68_000  # metres to degrees at 52° N (roughly)
        lat += step * math.sin(angle) / 111_000
        coords.append((lon, lat))
    return StreetLine(f"s{i}", coords, position=i)


def _buurt(seed: int, streets: int = 12, without: int = 0) -> list[StreetLine]:
    rng = random.Random(seed)
    out = [_street(rng, i, rng.uniform(40, 600), rng.randint(0, 4)) for i in range(streets)]
    out += [StreetLine(f"x{i}", None, position=streets + i) for i in range(without)]
    return out


def _rd_line(street: StreetLine) -> LineString:
    return LineString([wgs84_to_rd(lat, lon) for lon, lat in street.coords])


def test_same_seed_same_points_other_seed_other_points():
    for case in range(20):
        streets = _buurt(case, without=case % 3)
        n = 1 + case * 3
        first = draw_points(streets, n, seed=case * 7919)
        assert draw_points(streets, n, seed=case * 7919) == first
        assert draw_points(list(streets), n, seed=case * 7919 + 1) != first
        assert [p.n for p in first] == list(range(1, n + 1))


def test_every_point_lies_on_a_street_of_the_buurt_within_a_metre():
    for case in range(25):
        streets = _buurt(100 + case, streets=8)
        by_id = {s.id: s for s in streets}
        points = draw_points(streets, min(40, frame_size(streets)), seed=case)
        assert len({(p.street_id, p.stretch) for p in points}) == len(points)  # without replacement
        for p in points:
            line = _rd_line(by_id[p.street_id])
            x, y = wgs84_to_rd(p.lat, p.lon)
            assert line.distance(Point(x, y)) < 1.0, (case, p)


def test_points_come_in_walking_order():
    streets = _buurt(7)
    shuffled = streets[:]
    random.Random(1).shuffle(shuffled)  # the order given does not matter, the position does
    points = draw_points(shuffled, 30, seed=5)
    position = {s.id: s.position for s in streets}
    keys = [(position[p.street_id], p.stretch) for p in points]
    assert keys == sorted(keys)


def test_stretch_midpoints_walk_along_the_street():
    street = StreetLine("a", [(4.63, 52.38), (4.63 + 100 / 68_000, 52.38)], 0)  # ~100 m east
    frame = Frame([street])
    line = _rd_line(street)
    assert len(frame) == max(1, round(line.length / STRETCH_M))
    along = [line.project(Point(*wgs84_to_rd(*frame.midpoint(0, k)))) for k in range(len(frame))]
    step = line.length / len(frame)
    assert along == pytest.approx([(k + 0.5) * step for k in range(len(frame))], abs=0.5)


def test_street_shares_over_ten_thousand_single_draws_follow_length():
    streets = _buurt(42, streets=6) + [StreetLine("nogeo", None, position=99)]
    frame = Frame(streets)
    hits = Counter(frame.draw(1, seed)[0].street_id for seed in range(10_000))
    lengths = {s.line.id: s.length for s in frame.streets if s.rd}
    known = sum(frame.shares()[k] for k in lengths)
    for street_id, length in lengths.items():
        # the chance by length among the mapped streets ...
        expected = known * length / sum(lengths.values())
        observed = hits[street_id] / 10_000
        sigma = math.sqrt(expected * (1 - expected) / 10_000)
        assert abs(observed - expected) < 4 * sigma + 1 / len(frame), (street_id, observed, expected)
    # ... and the street without geometry weighs STRETCHES_WITHOUT_GEOMETRY stretches
    expected = STRETCHES_WITHOUT_GEOMETRY / len(frame)
    assert abs(hits["nogeo"] / 10_000 - expected) < 4 * math.sqrt(expected * (1 - expected) / 10_000)


def test_streets_without_geometry_are_weighed_by_street_and_have_no_position():
    streets = [StreetLine(f"x{i}", None, position=i) for i in range(4)]
    assert frame_size(streets) == 4 * STRETCHES_WITHOUT_GEOMETRY
    points = draw_points(streets, 4 * STRETCHES_WITHOUT_GEOMETRY, seed=3)  # the whole frame
    assert Counter(p.street_id for p in points) == {f"x{i}": STRETCHES_WITHOUT_GEOMETRY for i in range(4)}
    assert all(p.lat is None and p.lon is None for p in points)


def test_a_very_short_street_still_has_one_stretch():
    tiny = StreetLine("t", [(4.63, 52.38), (4.63 + 2 / 68_000, 52.38)], 0)  # ~2 m
    assert frame_size([tiny]) == 1


def test_geojson_lines_multilines_and_other_geometries():
    line = StreetLine.from_geometry("a", {"type": "LineString", "coordinates": [[4.6, 52.3], [4.601, 52.3]]})
    assert line.coords == [(4.6, 52.3), (4.601, 52.3)] and line.parts == ()
    multi = StreetLine.from_geometry("b", {"type": "MultiLineString", "coordinates": [
        [[4.6, 52.3], [4.601, 52.3]], [[4.61, 52.31], [4.611, 52.31]]]})
    assert len(multi.lines()) == 2
    # a point of a multi-line street lies on one of its pieces, never in the gap between
    pieces = [LineString([wgs84_to_rd(lat, lon) for lon, lat in part]) for part in multi.lines()]
    for p in draw_points([multi], frame_size([multi]), seed=1):
        x, y = wgs84_to_rd(p.lat, p.lon)
        assert min(piece.distance(Point(x, y)) for piece in pieces) < 1.0
    for other in ({"type": "Point", "coordinates": [4.6, 52.3]}, None, {"type": "LineString", "coordinates": "x"}):
        assert StreetLine.from_geometry("c", other).coords is None


def test_a_sample_larger_than_the_frame_is_refused_naming_how_many_can_be_drawn():
    streets = _buurt(3, streets=2)
    size = frame_size(streets)
    assert len(draw_points(streets, size, seed=1)) == size
    with pytest.raises(SchouwError) as error:
        draw_points(streets, size + 1, seed=1)
    assert error.value.key == "sample_too_large" and str(size) in error.value.message("nl")
    with pytest.raises(SchouwError) as error:
        draw_points(streets, 0, seed=1)
    assert error.value.key == "sample_too_small"
    with pytest.raises(SchouwError):
        draw_points([], 1, seed=1)
