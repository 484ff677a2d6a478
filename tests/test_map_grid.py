"""The map's level of detail and hit tests (schouw/domain/mapgrid.py), on known layouts."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from schouw.domain.mapgrid import Cluster, ClusterBands, GridIndex, band_for


def grid_clusters(points: Sequence[tuple[float, float, bool]], cell: float) -> list[Cluster]:
    """Group ``(x, y, below)`` points by an origin-aligned grid of ``cell`` metres.

    The definition in plain Python, one point at a time: :class:`ClusterBands` must
    compute the same with numpy."""
    cells: dict[tuple[int, int], Cluster] = {}
    for i, (x, y, below) in enumerate(points):
        key = (math.floor(x / cell), math.floor(y / cell))
        c = cells.get(key)
        if c is None:
            cells[key] = Cluster(x, y, 1, int(bool(below)), [i], key)
        else:
            n = c.count
            c.x = (c.x * n + x) / (n + 1)
            c.y = (c.y * n + y) / (n + 1)
            c.count = n + 1
            c.below += int(bool(below))
            c.members.append(i)
    return list(cells.values())


def test_clusters_group_by_cell_with_mean_position_and_below_count():
    points = [(1.0, 1.0, False), (3.0, 3.0, True), (11.0, 1.0, False), (-1.0, -1.0, True)]
    clusters = {c.key: c for c in ClusterBands(points, 10.0).at(0)}
    assert set(clusters) == {(0, 0), (1, 0), (-1, -1)}
    first = clusters[(0, 0)]
    assert (first.x, first.y, first.count, first.below, first.members) == (2.0, 2.0, 2, 1, [0, 1])
    assert clusters[(1, 0)].members == [2]
    assert clusters[(-1, -1)].below == 1


def test_every_band_is_exactly_the_plain_grid_of_its_cell():
    """ClusterBands (numpy) against grid_clusters (the definition): same cells, members,
    counts, below counts and mean positions, at every band, negative coordinates too."""
    rng = random.Random(3)
    points = [(rng.uniform(-900, 900), 463000 + rng.uniform(-900, 900), rng.random() < 0.2) for _ in range(3000)]
    bands = ClusterBands(points, 3.0)
    for band in (0, 2, 5, 9):
        got = {c.key: c for c in bands.at(band)}
        want = {c.key: c for c in grid_clusters(points, bands.cell(band))}
        assert set(got) == set(want)
        for key, c in got.items():
            d = want[key]
            assert (c.members, c.count, c.below) == (d.members, d.count, d.below)
            assert abs(c.x - d.x) < 1e-6 and abs(c.y - d.y) < 1e-6


def test_no_points_no_clusters():
    assert ClusterBands([], 4.0).at(3) == []


def test_bands_are_computed_once_and_get_coarser():
    points = [(float(i), float(i % 7), i % 5 == 0) for i in range(1000)]
    bands = ClusterBands(points, 1.0)
    assert bands.at(3) is bands.at(3)
    counts = [len(bands.at(b)) for b in range(0, 11)]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > 100 and counts[10] <= 2
    assert sum(c.count for c in bands.at(6)) == 1000
    assert sum(c.below for c in bands.at(6)) == 200


def test_band_for_resolution():
    assert band_for(0.5, 1.0) == 0
    assert band_for(1.0, 1.0) == 0
    assert band_for(1.5, 1.0) == 1
    assert band_for(2.0, 1.0) == 1
    assert band_for(44.0, 1.0) == 6  # a 44 m cell lies between 2**5 and 2**6


def test_grid_index_rectangle_and_nearest():
    pts = [(0.0, 0.0), (5.0, 5.0), (250.0, 10.0), (-30.0, 400.0)]
    index = GridIndex(pts, 100.0)
    assert sorted(index.in_rect(-1, -1, 10, 10)) == [0, 1]
    assert index.in_rect(200, 0, 300, 20) == [2]
    assert index.nearest(4.0, 4.0, 3.0) == 1
    assert index.nearest(100.0, 100.0, 3.0) is None
    assert index.count_in(-1e6, -1e6, 1e6, 1e6) == 4


def test_grid_index_agrees_with_a_full_scan():
    rng = random.Random(8)
    pts = [(rng.uniform(0, 5000), rng.uniform(0, 5000)) for _ in range(5000)]
    index = GridIndex(pts, 200.0)
    for _ in range(50):
        x0, y0 = rng.uniform(0, 5000), rng.uniform(0, 5000)
        x1, y1 = x0 + rng.uniform(1, 800), y0 + rng.uniform(1, 800)
        scan = [i for i, (x, y) in enumerate(pts) if x0 <= x <= x1 and y0 <= y <= y1]
        assert sorted(index.in_rect(x0, y0, x1, y1)) == scan
        qx, qy = rng.uniform(0, 5000), rng.uniform(0, 5000)
        best = min(range(len(pts)), key=lambda i: (pts[i][0] - qx) ** 2 + (pts[i][1] - qy) ** 2)
        found = index.nearest(qx, qy, 150.0)
        near = ((pts[best][0] - qx) ** 2 + (pts[best][1] - qy) ** 2) ** 0.5 <= 150.0
        assert found == (best if near else None)


def test_a_band_asked_for_first_is_made_directly_and_finer_bands_later_agree():
    rng = random.Random(5)
    points = [(rng.uniform(0, 2000), rng.uniform(0, 2000), rng.random() < 0.3) for _ in range(2000)]
    bands = ClusterBands(points, 2.0)
    coarse = bands.at(6)          # made in one pass over the points
    bands.at(2)                   # a finer band made later, also directly
    fresh = ClusterBands(points, 2.0)
    for band in (3, 6, 7):
        got = sorted((c.key, c.count, c.below) for c in (bands.at(band)))
        want = sorted((c.key, c.count, c.below) for c in grid_clusters(points, fresh.cell(band)))
        assert got == want
    assert bands.at(6) is coarse
