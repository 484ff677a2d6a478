"""The map of a round, read from the project: the use case behind the app's map view,
the map page of the round report and ``schouw map``.

A few batched queries (the round context, the streets, the findings' coordinates and
levels, the done marks), then pure work: WGS84 to RD in one pyproj call per kind of
geometry, every finding judged by the one rule (:func:`schouw.domain.norms.judge`) with
the round's scoring read model (:func:`schouw.services.walk.load_round`), numbered by
the report's one rule (:func:`schouw.domain.findings.report_order`), and flagged when it
lies outside its buurt's boundary.
"""

from __future__ import annotations

from dataclasses import dataclass

from schouw import geo
from schouw.domain.findings import report_order
from schouw.domain.levels import Level
from schouw.domain.mapscene import (
    MapScene,
    SceneHotspot,
    SceneMarker,
    ScenePoint,
    SceneStreet,
    bbox_of,
    geojson_lines,
    geojson_polygons,
    outside,
)
from schouw.domain.norms import area_type_of, as_level, judge
from schouw.domain.profile import Profile
from schouw.store.project import Project

_ROUND_PROFILE = object()


@dataclass(frozen=True)
class _Row:
    id: str
    street_id: str
    element: str
    aspect: str
    level: str | None
    not_applicable: bool
    choice: str | None
    lat: float | None
    lon: float | None
    created_at: str


def map_scene(project: Project, round_id: str, *, profile: Profile | None | object = _ROUND_PROFILE) -> MapScene:
    """The map of ``round_id``. Findings are judged under the round's own profile (as
    the walk shows them) unless ``profile`` is given (the report passes the profile it
    scores under, so the map page and the tables agree)."""
    from schouw.services.walk import load_round

    ctx = load_round(project, round_id)
    round_id = ctx.round.id  # the caller may have given a prefix of the id
    if profile is not _ROUND_PROFILE:
        ctx.profile = profile  # type: ignore[assignment]
    buurt = ctx.buurt
    streets = project.areas.streets(buurt.id)
    rows = [_Row(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8], r[9])
            for r in project.findings.map_rows(round_id)]
    known = {s.id for s in streets}
    missing = [sid for sid in dict.fromkeys(r.street_id for r in rows) if sid not in known]
    if missing:
        extra = project.areas.streets_by_ids(missing)
        streets += extra
        for street in extra:
            ctx.area_types[street.id] = area_type_of(street.area_type, buurt.area_type)
    done = project.rounds.done_streets(round_id)

    # Streets: every line of every street projected in one call.
    street_lines = [geojson_lines(s.geometry) for s in streets]
    flat = [p for lines in street_lines for line in lines for p in line]
    projected = iter(geo.lonlat_to_rd(flat))
    scene_streets = [
        SceneStreet(s.id, s.name, s.id in done, [[next(projected) for _ in line] for line in lines])
        for s, lines in zip(streets, street_lines, strict=True)
    ]

    boundary_ll = geojson_polygons(buurt.boundary)
    flat = [p for polygon in boundary_ll for ring in polygon for p in ring]
    projected = iter(geo.lonlat_to_rd(flat))
    boundary = [[[next(projected) for _ in ring] for ring in polygon] for polygon in boundary_ll]

    ordered = report_order(rows, [s.id for s in streets if s.id in known])
    located = [(n, r) for n, r in enumerate(ordered, start=1) if _located(r)]
    xy = geo.lonlat_to_rd([(r.lon, r.lat) for _, r in located])  # type: ignore[misc]
    flags = outside(boundary, [p[0] for p in xy], [p[1] for p in xy])
    markers = []
    for (n, r), (x, y), out in zip(located, xy, flags, strict=True):
        item = ctx.item(r.element, r.aspect)
        judged = judge(ctx.profile, r.element, r.aspect, r.level, r.not_applicable,
                       ctx.area_type(r.street_id), has_level=item is not None and item[1].has_level)
        level: Level | None = None if r.not_applicable else as_level(r.level)
        markers.append(SceneMarker(r.id, n, x, y, r.street_id, level,
                                   judged.below if judged.counts else None, out,
                                   r.not_applicable, r.choice))

    # The schouwpunten of a meting, numbered as on the walk list (a knelpuntenschouw has
    # none); a point on a street without geometry has no place on the map.
    placed = [p for p in project.points.list(round_id) if p.lat is not None and p.lon is not None]
    points = [ScenePoint(n=p.n, x=x, y=y, done=p.done_at is not None)
              for p, (x, y) in zip(placed, geo.lonlat_to_rd([(p.lon, p.lat) for p in placed]), strict=True)]

    everything = ([p for polygon in boundary for ring in polygon for p in ring]
                  + [p for s in scene_streets for line in s.lines for p in line]
                  + [(m.x, m.y) for m in markers] + [(p.x, p.y) for p in points])
    return MapScene(
        round_id=round_id, buurt=buurt.name, boundary=boundary, streets=scene_streets, markers=markers,
        points=points, unlocated=len(rows) - len(located), bbox=bbox_of(everything),
        buurt_code=buurt.code, round_title=ctx.round.title)


def _located(row: _Row) -> bool:
    """Has a usable WGS84 position (lat 0, lon 0 is a camera without a fix, not a place)."""
    if row.lat is None or row.lon is None:
        return False
    if row.lat == 0 and row.lon == 0:
        return False
    return -90 <= row.lat <= 90 and -180 <= row.lon <= 180


def outside_flags(project: Project, round_id: str) -> dict[str, bool]:
    """Per located finding of a round: outside its buurt's boundary (see
    :func:`schouw.domain.mapscene.outside`); {} when the buurt has no boundary."""
    round_ = project.rounds.get(round_id)
    buurt = project.areas.buurt(round_.buurt_id)
    polygons = geojson_polygons(buurt.boundary if buurt else None)
    if not polygons:
        return {}
    flat = [p for polygon in polygons for ring in polygon for p in ring]
    projected = iter(geo.lonlat_to_rd(flat))
    boundary = [[[next(projected) for _ in ring] for ring in polygon] for polygon in polygons]
    rows = [_Row(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8], r[9])
            for r in project.findings.map_rows(round_.id)]
    located = [r for r in rows if _located(r)]
    xy = geo.lonlat_to_rd([(r.lon, r.lat) for r in located])  # type: ignore[misc]
    flags = outside(boundary, [p[0] for p in xy], [p[1] for p in xy])
    return {r.id: flag for r, flag in zip(located, flags, strict=True)}


#: The map's hotspot layer looks back this many days from the round's date.
HOTSPOT_DAYS = 3 * 365


def hotspot_layer(project: Project, round_id: str) -> list[SceneHotspot]:
    """The hotspots of the round's buurt (issue #19) over the three years up to the
    round's date, as the map draws them: the same clustering as the Overzicht and
    ``schouw hotspots`` (:func:`schouw.services.hotspots.find_hotspots`), in RD."""
    from datetime import timedelta

    from schouw.services.hotspots import find_hotspots

    round_ = project.rounds.get(round_id)
    buurt = project.areas.buurt(round_.buurt_id)
    wijk = project.areas.wijk(buurt.wijk_id) if buurt is not None else None
    if buurt is None or wijk is None:
        return []
    found = find_hotspots(project, start=round_.date - timedelta(days=HOTSPOT_DAYS), end=round_.date,
                          wijk=wijk.name, buurt=buurt.name)
    xy = geo.lonlat_to_rd([(h.lon, h.lat) for h in found]) if found else []
    return [SceneHotspot(h.rank, x, y, h.rounds, h.findings, h.worst, h.street)
            for h, (x, y) in zip(found, xy, strict=True)]
