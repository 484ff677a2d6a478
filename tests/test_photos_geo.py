"""RD New <-> WGS84 through schouw.geo, checked against the Amersfoort origin of RD."""

from __future__ import annotations

import math

import pytest

from schouw.geo import rd_to_wgs84, wgs84_to_rd

# Onze Lieve Vrouwetoren, Amersfoort: the origin of the RD grid.
TOWER_RD = (155000.0, 463000.0)
TOWER_WGS84 = (52.15517440, 5.38720621)


def metres_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two (lat, lon) points a few metres apart (equirectangular)."""
    dlat = math.radians(a[0] - b[0])
    dlon = math.radians(a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6_371_000 * math.hypot(dlat, dlon)


def test_tower_to_rd_within_a_metre():
    x, y = wgs84_to_rd(*TOWER_WGS84)
    assert math.hypot(x - TOWER_RD[0], y - TOWER_RD[1]) < 1.0


def test_tower_from_rd_within_a_metre():
    lat, lon = rd_to_wgs84(*TOWER_RD)
    # Without the RDNAPTRANS grid (not shipped with pyproj) PROJ uses a Helmert
    # transformation good to ~1 m; 1e-6 degree would be ~0.1 m, beyond what it promises.
    assert metres_apart((lat, lon), TOWER_WGS84) < 1.0
    assert abs(lat - TOWER_WGS84[0]) < 1e-5 and abs(lon - TOWER_WGS84[1]) < 1e-5


def test_round_trip_is_exact_to_a_millionth_degree():
    for lat, lon in [TOWER_WGS84, (52.9563, 4.7601), (51.4416, 5.4697), (53.2194, 6.5665)]:
        back = rd_to_wgs84(*wgs84_to_rd(lat, lon))
        assert back == pytest.approx((lat, lon), abs=1e-6)


def test_axis_order_is_lat_lon_in_and_x_y_out():
    # Den Helder station: far north-west, so x is small and y is large.
    x, y = wgs84_to_rd(52.9563, 4.7601)
    assert 110_000 < x < 115_000
    assert 550_000 < y < 556_000
    lat, lon = rd_to_wgs84(x, y)
    assert lat > 50 > lon


@pytest.mark.parametrize("bad", [(float("nan"), 5.0), (52.0, float("inf")), (95.0, 5.0)])
def test_nonsense_positions_are_refused(bad):
    with pytest.raises(ValueError):
        wgs84_to_rd(*bad)
