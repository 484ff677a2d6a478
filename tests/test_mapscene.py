"""The map read model: projection, the one numbering rule, GeoJSON to RD, and the scene
of a real round (numbers as in the report, below from the judging rule, outside flags)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
from test_exchange_helpers import add_finding, new_project, seed_round

from schouw import geo
from schouw.domain.findings import report_order
from schouw.domain.mapscene import MIN_EXTENT_M, bbox_of, geojson_lines, geojson_polygons, outside
from schouw.services.mapscene import map_scene
from schouw.services.reports import gather
from schouw.services.walk import finding_rows, load_round

# Known RD New / WGS84 pairs: the Amersfoort reference point of the RD grid (its
# definition) and the same point 10 km east and north, checked both ways.
AMERSFOORT_RD = (155000.0, 463000.0)
AMERSFOORT_WGS84 = (52.15517, 5.38721)


def metres_between(lat1, lon1, lat2, lon2) -> float:
    dy = (lat2 - lat1) * 111_320
    dx = (lon2 - lon1) * 111_320 * math.cos(math.radians(lat1))
    return math.hypot(dx, dy)


def test_projection_of_the_amersfoort_reference_point_to_a_metre():
    x, y = geo.wgs84_to_rd(*AMERSFOORT_WGS84)
    assert math.hypot(x - AMERSFOORT_RD[0], y - AMERSFOORT_RD[1]) <= 1.0
    lat, lon = geo.rd_to_wgs84(*AMERSFOORT_RD)
    assert metres_between(lat, lon, *AMERSFOORT_WGS84) <= 1.0


def test_batch_projection_matches_the_one_point_projection():
    pairs = [(5.38721, 52.15517), (4.8839, 52.3745), (6.5665, 53.2194), (5.6908, 50.8514)]
    for (lon, lat), (x, y) in zip(pairs, geo.lonlat_to_rd(pairs), strict=True):
        x1, y1 = geo.wgs84_to_rd(lat, lon)
        assert abs(x - x1) < 1e-6 and abs(y - y1) < 1e-6
    back = geo.rd_to_lonlat(geo.lonlat_to_rd(pairs))
    for (lon, lat), (lon2, lat2) in zip(pairs, back, strict=True):
        assert metres_between(lat, lon, lat2, lon2) < 0.01
    assert geo.lonlat_to_rd([]) == []
    # 10 km east of Amersfoort in RD is 10 km east on the ground.
    (x0, y0), (x1, y1) = geo.lonlat_to_rd([(5.38721, 52.15517), (5.38721 + 10_000 / (111_320 * math.cos(
        math.radians(52.15517))), 52.15517)])
    assert abs(math.hypot(x1 - x0, y1 - y0) - 10_000) < 30


def F(street, created, name=""):
    return SimpleNamespace(street_id=street, created_at=created, name=name)


def test_report_order_is_street_order_then_time_and_unknown_streets_last():
    findings = [F("s2", "t1", "a"), F("gone", "t2", "b"), F("s1", "t3", "c"), F("s2", "t0", "d"),
                F("other", "t4", "e"), F("s1", "t3", "f")]
    findings.sort(key=lambda f: f.created_at)
    ordered = [f.name for f in report_order(findings, ["s1", "s2"])]
    # s1 (c and f recorded in the same millisecond keep their order), s2, then the
    # streets not in the buurt in the order of their first finding.
    assert ordered == ["c", "f", "d", "a", "b", "e"]


def test_geojson_lines_and_polygons_take_every_shape_and_ignore_junk():
    line = {"type": "LineString", "coordinates": [[4.6, 52.3], [4.61, 52.31]]}
    multi = {"type": "MultiLineString", "coordinates": [[[4.6, 52.3], [4.61, 52.31]], [[1, 2], [3, 4]]]}
    poly = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.3, 0.2], [0.2, 0.3],
                                                                                [0.2, 0.2]]]}
    assert geojson_lines(line) == [[(4.6, 52.3), (4.61, 52.31)]]
    assert len(geojson_lines(multi)) == 2
    assert len(geojson_lines(poly)) == 2
    assert geojson_lines({"type": "Point", "coordinates": [1, 2]}) == []
    assert geojson_lines({"type": "LineString", "coordinates": "junk"}) == []
    assert geojson_lines(None) == []
    assert geojson_polygons(poly) == [[[(0, 0), (1, 0), (1, 1), (0, 0)], [(0.2, 0.2), (0.3, 0.2), (0.2, 0.3),
                                                                        (0.2, 0.2)]]]
    assert len(geojson_polygons({"type": "MultiPolygon", "coordinates": [poly["coordinates"]] * 2})) == 2
    assert geojson_polygons(line) == []


def test_bbox_grows_to_a_minimum_extent_and_centres_an_empty_scene():
    assert bbox_of([(0, 0), (1000, 500)]) == (0, 0, 1000, 500)
    x0, y0, x1, y1 = bbox_of([(5000, 5000)])
    assert (x1 - x0, y1 - y0) == (MIN_EXTENT_M, MIN_EXTENT_M) and (x0 + x1) / 2 == 5000
    x0, y0, x1, y1 = bbox_of([])
    assert (x0 + x1) / 2 == 155000 and (y0 + y1) / 2 == 463000


def test_outside_allows_the_tolerance_and_respects_holes():
    square = [[(0, 0), (1000, 0), (1000, 1000), (0, 1000), (0, 0)], [(400, 400), (600, 400), (600, 600),
                                                                    (400, 600), (400, 400)]]
    xs = [500, 1010, 1100, 500, -30, 410]
    ys = [200, 500, 500, 500, 500, 410]
    # inside; 10 m out (kept: GPS and boundaries on street centre lines); 100 m out;
    # in the hole's middle (100 m from its edge); 30 m out; just inside the hole.
    assert outside([square], xs, ys) == [False, False, True, True, True, False]
    assert outside([], xs, ys) == [False] * 6
    assert outside([square], xs, ys, tolerance=0)[1] is True


@pytest.fixture
def project(tmp_path):
    with new_project(tmp_path / "kaart.schouw", "dev-kaart") as project:
        yield project


def test_scene_of_a_round_numbers_markers_as_the_report_and_judges_as_the_walk(project):
    round_id = seed_round(project, findings=9, photos_per=0)
    round_ = project.rounds.get(round_id)
    streets = project.areas.streets(round_.buurt_id)
    project.rounds.set_street_done(round_id, streets[1].id, True)
    # A boundary around the first streets (WGS84), and one finding far outside it.
    project.areas.set_boundaries({round_.buurt_id: {"type": "Polygon", "coordinates": [[
        [4.615, 52.375], [4.64, 52.375], [4.64, 52.39], [4.615, 52.39], [4.615, 52.375]]]}})
    far = add_finding(project, round_id, 9, photos=0)
    project.findings.update(far.id, lat=52.45, lon=4.70)

    scene = map_scene(project, round_id)
    report = gather(project, round_id)
    numbers = {f.id: f.number for f in report.findings}
    assert len(scene.markers) == 7 and scene.unlocated == 3  # add_finding leaves every third without GPS
    assert [m.number for m in scene.markers] == sorted(m.number for m in scene.markers)
    assert all(numbers[m.finding_id] == m.number for m in scene.markers)

    ctx = load_round(project, round_id)
    below = {r.id: r.below_norm for s in streets for r in finding_rows(project, ctx, s.id)}
    assert all(m.below is below[m.finding_id] for m in scene.markers)
    assert any(m.below for m in scene.markers) and not all(m.below for m in scene.markers)

    assert [m.finding_id for m in scene.markers if m.outside_buurt] == [far.id]
    assert [s.walked for s in scene.streets] == [s.id == streets[1].id for s in streets]
    assert len(scene.boundary) == 1 and len(scene.boundary[0][0]) == 5
    x, y = scene.boundary[0][0][0]
    assert 90_000 < x < 120_000 and 480_000 < y < 500_000  # RD metres, not degrees
    assert all(len(s.lines) == 1 for s in scene.streets)
    x0, y0, x1, y1 = scene.bbox
    assert all(x0 <= m.x <= x1 and y0 <= m.y <= y1 for m in scene.markers)
    assert scene.points == [] and not scene.is_empty


def test_scene_without_boundary_or_coordinates(project):
    round_id = seed_round(project, findings=1, photos_per=0)  # finding 0 has no GPS
    scene = map_scene(project, round_id)
    assert scene.boundary == [] and scene.markers == [] and scene.unlocated == 1
    assert not scene.is_empty  # the streets still have geometry


def test_scene_keeps_a_finding_on_a_street_deleted_after_the_walk(project):
    round_id = seed_round(project, findings=6, photos_per=0)
    finding = project.findings.models(round_id)[1]
    street_id = finding.street_id
    project.db["streets"].update(street_id, {"deleted_at": "2026-11-01T00:00:00.000Z"})
    scene = map_scene(project, round_id)
    report = gather(project, round_id)
    numbers = {f.id: f.number for f in report.findings}
    assert street_id in [s.id for s in scene.streets]
    assert all(numbers[m.finding_id] == m.number for m in scene.markers)
    gone = [f.number for f in report.findings if f.street_id == street_id]
    assert gone and min(gone) > max(f.number for f in report.findings if f.street_id != street_id)


def test_the_schouwpunten_of_a_meting_are_on_its_map(tmp_path):
    """A meting's drawn points appear numbered on the map scene, at their RD position,
    and a finished point shows as done."""
    from schouw.services.demo import build_demo
    from schouw.services.mapscene import map_scene
    from schouw.store.project import open_project

    path = tmp_path / "demo.schouw"
    build_demo(path, photos=0)
    with open_project(path) as project:
        meting = next(r for r in project.rounds.list() if r["kind"] == "meting")
        points = project.points.list(meting["id"])
        scene = map_scene(project, meting["id"])
    assert [p.n for p in scene.points] == [p.n for p in points if p.lat is not None]
    assert len(scene.points) == 100
    first = points[0]
    x, y = geo.wgs84_to_rd(first.lat, first.lon)
    assert abs(scene.points[0].x - x) < 0.01 and abs(scene.points[0].y - y) < 0.01
    assert all(p.done for p in scene.points)  # the demo's meting is closed
