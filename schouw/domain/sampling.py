"""Drawing the schouwpunten of a meting: a simple random sample of stretches of street.

Why a sample
    A share "op of boven norm" is only honest when the places judged were not chosen
    for what they look like. A *meting* therefore judges every aspect at points drawn
    at random, reproducibly from a seed stored with the round (the same seed and the
    same streets always give the same points, so anyone can check the draw).

The sampling frame
    Every street with a line geometry is cut into stretches of about
    :data:`STRETCH_M` metres (its length in RD metres divided into
    ``max(1, round(length / STRETCH_M))`` equal stretches: at least one per street), so
    a long street holds more stretches and is drawn proportionally more often: the
    sample is weighted by length. A street without geometry has no length; it gets
    :data:`STRETCHES_WITHOUT_GEOMETRY` stretches, the weight of a typical street.

The draw
    ``n`` stretches WITHOUT replacement with :class:`random.Random` (``seed``); each
    point lies at its stretch's midpoint (no coordinates without geometry) and the
    points are numbered 1..n in walking order: the streets' order, then along the street.

Pure Python apart from the coordinate conversion (:mod:`schouw.geo`, pyproj) and
shapely for the line geometry.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from shapely.geometry import LineString

from schouw.geo import rd_to_wgs84, wgs84_to_rd
from schouw.messages import SchouwError

#: The length of one stretch of street (metres): the unit that is drawn. 10 m of a
#: street profile of about 10 m wide (footpaths, road, verge) is the CROW *vak* of about
#: 100 m² that the walker judges standing in its middle (see the header of
#: forms/crow-beeldkwaliteit.toml). Longer units (50 m) would leave a small buurt too few
#: to draw from: the demo's Vogelbuurt, 18 streets of 90-165 m, holds only 48 stretches
#: of 50 m, but 247 of 10 m, enough for the usual 100 points.
STRETCH_M = 10.0

#: Stretches for a street without geometry (its length is unknown). A street in a Dutch
#: residential buurt is typically 200-300 m long, so 25 stretches of 10 m (250 m) weigh
#: it as a typical street: neither dropped from the frame (0) nor counted as one short
#: stretch (1), which would make unmapped streets all but vanish from the sample. Import
#: street geometry to weigh each street by its real length.
STRETCHES_WITHOUT_GEOMETRY = 25

Coord = tuple[float, float]


@dataclass(frozen=True)
class StreetLine:
    """A street as the sampler sees it: its id, its line in WGS84 ``(lon, lat)`` (None
    without geometry) and its position in walking order. ``parts`` holds the further
    pieces of a street whose geometry is a MultiLineString (``coords`` is the first)."""

    id: str
    coords: list[Coord] | None
    position: int = 0
    parts: tuple[list[Coord], ...] = field(default=())

    @classmethod
    def from_geometry(cls, street_id: str, geometry: dict | None, position: int = 0) -> StreetLine:
        """From a street's GeoJSON geometry: lines count; points, polygons and broken
        geometries count as no geometry (a point has no length to weigh by)."""
        lines: list[list[Coord]] = []
        kind = (geometry or {}).get("type")
        raw = (geometry or {}).get("coordinates")
        try:
            if kind == "LineString":
                lines = [[(float(c[0]), float(c[1])) for c in raw]]
            elif kind == "MultiLineString":
                lines = [[(float(c[0]), float(c[1])) for c in part] for part in raw]
        except (TypeError, ValueError, IndexError):
            lines = []
        lines = [line for line in lines if len(line) >= 2]
        if not lines:
            return cls(street_id, None, position)
        return cls(street_id, lines[0], position, tuple(lines[1:]))

    def lines(self) -> list[list[Coord]]:
        if self.coords is None:
            return []
        return [self.coords, *self.parts]


@dataclass(frozen=True)
class DrawnPoint:
    """One drawn schouwpunt: number (1..n, walking order), street, stretch and midpoint."""

    n: int
    street_id: str
    stretch: int
    lat: float | None
    lon: float | None


@dataclass
class _Street:
    line: StreetLine
    order: int
    #: The street's pieces in RD New metres (empty without geometry).
    rd: list[LineString]
    length: float
    stretches: int


class Frame:
    """The sampling frame of a set of streets: every stretch that can be drawn."""

    def __init__(self, streets: Iterable[StreetLine]):
        self.streets: list[_Street] = []
        for order, street in enumerate(streets):
            rd = []
            for line in street.lines():
                projected = [wgs84_to_rd(lat, lon) for lon, lat in line]
                if LineString(projected).length > 0:
                    rd.append(LineString(projected))
            length = sum(piece.length for piece in rd)
            stretches = max(1, round(length / STRETCH_M)) if rd else STRETCHES_WITHOUT_GEOMETRY
            self.streets.append(_Street(street, order, rd, length, stretches))
        #: (index into streets, stretch) for every stretch, in walking order.
        self.units: list[tuple[int, int]] = [
            (i, k) for i, s in sorted(enumerate(self.streets), key=lambda e: (e[1].line.position, e[1].order))
            for k in range(s.stretches)]

    def __len__(self) -> int:
        return len(self.units)

    def shares(self) -> dict[str, float]:
        """Each street's chance to hold one drawn point (its stretches / all stretches)."""
        total = len(self.units) or 1
        return {s.line.id: s.stretches / total for s in self.streets}

    def midpoint(self, index: int, stretch: int) -> tuple[float | None, float | None]:
        """(lat, lon) of the middle of a stretch; (None, None) without geometry."""
        street = self.streets[index]
        if not street.rd:
            return None, None
        along = (stretch + 0.5) * street.length / street.stretches
        for piece in street.rd:
            if along <= piece.length or piece is street.rd[-1]:
                point = piece.interpolate(min(along, piece.length))
                return rd_to_wgs84(point.x, point.y)
            along -= piece.length
        return None, None  # pragma: no cover - the loop always returns

    def draw(self, n: int, seed: int) -> list[DrawnPoint]:
        """``n`` stretches at random without replacement, numbered in walking order."""
        if n < 1:
            raise SchouwError("sample_too_small", n=n)
        if n > len(self.units):
            raise SchouwError("sample_too_large", n=n, available=len(self.units))
        chosen = sorted(random.Random(seed).sample(range(len(self.units)), n))
        points = []
        for number, unit in enumerate(chosen, start=1):
            index, stretch = self.units[unit]
            lat, lon = self.midpoint(index, stretch)
            points.append(DrawnPoint(number, self.streets[index].line.id, stretch, lat, lon))
        return points


def draw_points(streets: Sequence[StreetLine], n: int, seed: int) -> list[DrawnPoint]:
    """A simple random sample of ``n`` stretches of ``streets`` (see the module's text).

    More points than stretches is a user error naming how many can be drawn."""
    return Frame(streets).draw(n, seed)


def frame_size(streets: Sequence[StreetLine]) -> int:
    """How many points can be drawn from these streets at most."""
    return len(Frame(streets))
