"""What a map of a round shows, as plain values: the read model behind the app's map
view, the printed map page and ``schouw map``.

Everything is in RD New metres (EPSG:28992, the Dutch national grid): distances and
shapes are true there, so a drawing only has to scale and flip y. The services layer
(:func:`schouw.services.mapscene.map_scene`) reads the project, projects WGS84 to RD and
judges the findings; this module only holds the values and the small geometric rules
that need no I/O (GeoJSON to rings and polylines, the bounding box, "outside its buurt").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from schouw.domain.levels import Level

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]  # the outer ring first, then its holes
Polyline = list[Point]

#: A finding this far (metres) outside its buurt's boundary still counts as inside:
#: CBS buurt boundaries often run along the middle of a street, and a phone's GPS fix is
#: good to 5-10 m, so a finding on the far pavement of a boundary street is not "outside".
OUTSIDE_TOLERANCE_M = 25.0

#: The smallest extent (metres) of a scene's bounding box, so a scene of one finding or
#: one short street still has a sensible scale.
MIN_EXTENT_M = 100.0

#: Where an empty scene is centred: the Amersfoort reference point of RD.
RD_CENTRE: Point = (155000.0, 463000.0)


@dataclass(frozen=True)
class SceneStreet:
    id: str
    name: str
    #: Marked done (walked) in this round.
    walked: bool
    #: Polylines in RD metres; [] for a street without geometry.
    lines: list[Polyline] = field(default_factory=list)


@dataclass(frozen=True)
class SceneMarker:
    finding_id: str
    #: The finding's number in the round report's findings table (1..).
    number: int
    x: float
    y: float
    street_id: str
    #: The measured level; None for an observation, an unjudged or an n.v.t. finding.
    level: Level | None
    #: Below its norm (from :func:`schouw.domain.norms.judge`); None when the finding is
    #: not judged against a norm at all (no norm, no level, n.v.t.).
    below: bool | None
    #: Further than :data:`OUTSIDE_TOLERANCE_M` outside its buurt's boundary (flagged,
    #: never refused); False when the buurt has no boundary.
    outside_buurt: bool
    not_applicable: bool = False
    choice: str | None = None


@dataclass(frozen=True)
class ScenePoint:
    """A schouwpunt of a meting round, numbered as on the walk list."""

    n: int
    x: float
    y: float
    done: bool


@dataclass(frozen=True)
class SceneHotspot:
    """A place (RD centre, 50 m around it) where below-norm findings recur over rounds."""

    rank: int
    x: float
    y: float
    rounds: int
    findings: int
    worst: str
    street: str


@dataclass(frozen=True)
class MapScene:
    round_id: str
    buurt: str
    #: The buurt's boundary: polygons of rings of (x, y) in RD; [] when not imported.
    boundary: list[Polygon]
    streets: list[SceneStreet]
    #: One per located finding, in report (number) order.
    markers: list[SceneMarker]
    #: The schouwpunten of a meting round ([] for a wijkschouw).
    points: list[ScenePoint]
    #: Findings without coordinates (not on the map).
    unlocated: int
    #: (xmin, ymin, xmax, ymax) in RD metres, at least :data:`MIN_EXTENT_M` wide and high.
    bbox: tuple[float, float, float, float]
    buurt_code: str = ""
    round_title: str = ""

    @property
    def is_empty(self) -> bool:
        """Nothing to draw: no boundary, no street geometry, no located finding."""
        return not self.boundary and not self.markers and not any(s.lines for s in self.streets) \
            and not self.points


# -- GeoJSON geometry ------------------------------------------------------------------
def geojson_lines(geometry: dict | None) -> list[list[Point]]:
    """The lines of a GeoJSON geometry as lists of (lon, lat): a LineString or
    MultiLineString as is, a polygon's rings as lines; points and junk give []."""
    if not isinstance(geometry, dict):
        return []
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    try:
        if kind == "LineString":
            return [_points(coords)]
        if kind == "MultiLineString":
            return [_points(line) for line in coords]
        if kind == "Polygon":
            return [_points(ring) for ring in coords]
        if kind == "MultiPolygon":
            return [_points(ring) for polygon in coords for ring in polygon]
        if kind == "GeometryCollection":
            return [line for g in geometry.get("geometries", []) for line in geojson_lines(g)]
    except (TypeError, ValueError, IndexError):
        return []
    return []


def geojson_polygons(geometry: dict | None) -> list[list[list[Point]]]:
    """The polygons of a GeoJSON Polygon/MultiPolygon, each a list of rings of (lon, lat)."""
    if not isinstance(geometry, dict):
        return []
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    try:
        if kind == "Polygon":
            return [[_points(ring) for ring in coords]]
        if kind == "MultiPolygon":
            return [[_points(ring) for ring in polygon] for polygon in coords]
    except (TypeError, ValueError, IndexError):
        return []
    return []


def _points(coords: Iterable) -> list[Point]:
    return [(float(c[0]), float(c[1])) for c in coords]


def bbox_of(points: Iterable[Point], *, min_extent: float = MIN_EXTENT_M) -> tuple[float, float, float, float]:
    """The box around ``points``, grown about its centre to at least ``min_extent``;
    around :data:`RD_CENTRE` when there are none."""
    xs: list[float] = []
    ys: list[float] = []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        cx, cy = RD_CENTRE
        half = min_extent / 2
        return cx - half, cy - half, cx + half, cy + half
    xmin, xmax, ymin, ymax = min(xs), max(xs), min(ys), max(ys)
    if xmax - xmin < min_extent:
        cx = (xmin + xmax) / 2
        xmin, xmax = cx - min_extent / 2, cx + min_extent / 2
    if ymax - ymin < min_extent:
        cy = (ymin + ymax) / 2
        ymin, ymax = cy - min_extent / 2, cy + min_extent / 2
    return xmin, ymin, xmax, ymax


def outside(boundary: Sequence[Polygon], xs: Sequence[float], ys: Sequence[float],
            tolerance: float = OUTSIDE_TOLERANCE_M) -> list[bool]:
    """Per point: further than ``tolerance`` metres outside ``boundary`` (RD polygons).

    All False when there is no boundary: a buurt without one has no "outside". Shapely
    answers for all points at once (a prepared geometry), so 50,000 findings cost
    milliseconds rather than a Python loop over every edge.
    """
    if not boundary or not xs:
        return [False] * len(xs)
    import numpy as np
    import shapely
    from shapely.geometry import MultiPolygon
    from shapely.geometry import Polygon as ShapelyPolygon

    shapes = [ShapelyPolygon(p[0], p[1:]) for p in boundary if p and len(p[0]) >= 3]
    if not shapes:
        return [False] * len(xs)
    area = shapely.make_valid(MultiPolygon(shapes) if len(shapes) > 1 else shapes[0])
    if tolerance > 0:
        area = area.buffer(tolerance)
    shapely.prepare(area)
    inside = shapely.contains_xy(area, np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
    return [not bool(v) for v in inside]


# -- how a marker looks (shared by the app's map and the printed map) -----------------
@dataclass(frozen=True)
class MarkerStyle:
    #: "#RRGGBB" from the Okabe-Ito palette, told apart by people with any common
    #: colour-vision deficiency; the shape tells the levels apart in grey print too.
    fill: str
    #: Text colour on ``fill`` for the number.
    ink: str
    #: "circle", "square", "triangle", "diamond" or "dot".
    shape: str


#: By level, best to worst; None: no level (an observation, unjudged or n.v.t.).
MARKER_STYLES: dict[Level | None, MarkerStyle] = {
    Level.A_PLUS: MarkerStyle("#0072B2", "#FFFFFF", "circle"),
    Level.A: MarkerStyle("#56B4E9", "#000000", "circle"),
    Level.B: MarkerStyle("#F0E442", "#000000", "square"),
    Level.C: MarkerStyle("#E69F00", "#000000", "triangle"),
    Level.D: MarkerStyle("#D55E00", "#FFFFFF", "diamond"),
    None: MarkerStyle("#BBBBBB", "#000000", "dot"),
}
#: A marker below its norm gets a thick outline in this colour (stands out in any print).
BELOW_OUTLINE = "#000000"


def marker_style(level: Level | None) -> MarkerStyle:
    return MARKER_STYLES.get(level, MARKER_STYLES[None])


def nice_scale_length(metres_available: float) -> float:
    """The longest 1, 2 or 5 x 10^n metres not longer than ``metres_available``: the
    length of a scale bar that fits."""
    import math

    if metres_available <= 0:
        return 0.0
    exponent = math.floor(math.log10(metres_available))
    for step in (5, 2, 1):
        length = step * 10 ** exponent
        if length <= metres_available:
            return float(length)
    return float(10 ** exponent)
