"""Between GPS positions (WGS84) and the Dutch national grid (RD New, EPSG:28992).

Photos carry WGS84 degrees; Dutch municipalities, BGT/BAG and most MOR endpoints think
in RD metres. The conversion goes through pyproj. Building a Transformer costs
milliseconds (a proj.db lookup), so each direction is built once and cached; pyproj
(>= 3.1) makes a cached Transformer safe to use from several threads.

Accuracy: the PROJ data shipped inside the pyproj wheel has no RDNAPTRANS(TM) grid, so
PROJ uses EPSG's 7-parameter Helmert "Amersfoort to WGS 84 (4)" (stated accuracy 1 m;
about 0.3 m off at Amersfoort). That is well inside the accuracy of a phone's GPS fix,
which is all a schouw position is.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyproj import Transformer


def _transformer(source: str, target: str) -> Transformer:
    # pyproj (and its PROJ database) is loaded on the first conversion, not when the
    # app starts: the walk screen imports this module, and most walks start without a map.
    from pyproj import Transformer

    return Transformer.from_crs(source, target, always_xy=True)


WGS84 = "EPSG:4326"
RD_NEW = "EPSG:28992"


@cache
def _to_rd() -> Transformer:
    # always_xy: both sides take (x, y) = (lon, lat) / (easting, northing), whatever
    # axis order the EPSG definition of 4326 prescribes (lat first).
    return _transformer(WGS84, RD_NEW)


@cache
def _from_rd() -> Transformer:
    return _transformer(RD_NEW, WGS84)


def wgs84_to_rd(lat: float, lon: float) -> tuple[float, float]:
    """RD New (x, y) in metres for a WGS84 latitude/longitude in decimal degrees."""
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        raise ValueError(f"not a WGS84 position: lat={lat!r}, lon={lon!r}")
    x, y = _to_rd().transform(lon, lat)
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValueError(f"position lat={lat}, lon={lon} cannot be expressed in RD New")
    return x, y


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """WGS84 (lat, lon) in decimal degrees for an RD New position in metres."""
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValueError(f"not an RD position: x={x!r}, y={y!r}")
    lon, lat = _from_rd().transform(x, y)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"RD position x={x}, y={y} cannot be expressed in WGS84")
    return lat, lon


@cache
def transformer(source: str, target: str = RD_NEW) -> Transformer:
    """A cached (x, y)-ordered transformer between two CRSs given as "EPSG:n" (or any
    text pyproj takes), for files that come in another CRS."""
    return _transformer(source, target)


def lonlat_to_rd(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """RD New (x, y) for many WGS84 (lon, lat) pairs in one pyproj call: a map scene
    projects thousands of vertices, and one call per point costs ~20x more."""
    if not points:
        return []
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    xs, ys = _to_rd().transform(lons, lats)
    return list(zip(xs, ys, strict=True))


def rd_to_lonlat(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """WGS84 (lon, lat) for many RD New (x, y) pairs in one pyproj call."""
    if not points:
        return []
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    lons, lats = _from_rd().transform(xs, ys)
    return list(zip(lons, lats, strict=True))
