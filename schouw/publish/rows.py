"""Project rows as central rows: geometry in RD New, findings judged, versions.

Pure conversion on top of what :class:`schouw.store.publish_rows.PublishRows` read.
Geometry goes to PostGIS as EWKT in EPSG:28992, made with pyproj (:mod:`schouw.geo`)
in one call per table, so the server never needs its own transformation grids and the
coordinates are the same as on the app's map and in the report.

``onder_norm`` is judged here, at publish time, by the one rule
(:func:`schouw.domain.norms.judge`) under the round's own profile, as the walk shows it
(:func:`schouw.services.walk.load_round`): a norm changed after the publish reaches the
central store at the next publish (see ``SAME_STAMP_UPDATES`` in the store).
"""

from __future__ import annotations

import json
from typing import Any

from schouw import geo
from schouw.domain.mapscene import geojson_lines, geojson_polygons
from schouw.domain.norms import judge
from schouw.messages import SchouwError
from schouw.store.central import TABLES, columns
from schouw.store.project import Project

Row = dict[str, Any]


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def multiline_ewkt(lines_rd: list[list[tuple[float, float]]]) -> str | None:
    lines = [line for line in lines_rd if len(line) >= 2]
    if not lines:
        return None
    body = ",".join("(" + ",".join(f"{_fmt(x)} {_fmt(y)}" for x, y in line) + ")" for line in lines)
    return f"SRID=28992;MULTILINESTRING({body})"


def multipolygon_ewkt(polygons_rd: list[list[list[tuple[float, float]]]]) -> str | None:
    polygons = [[ring for ring in polygon if len(ring) >= 4] for polygon in polygons_rd]
    polygons = [p for p in polygons if p]
    if not polygons:
        return None
    body = ",".join("(" + ",".join("(" + ",".join(f"{_fmt(x)} {_fmt(y)}" for x, y in ring) + ")"
                                   for ring in polygon) + ")" for polygon in polygons)
    return f"SRID=28992;MULTIPOLYGON({body})"


def _project_lines(rows: list[Row], column: str, polygons: bool) -> list[str | None]:
    """EWKT for the GeoJSON (WGS84) in ``column`` of every row, one pyproj call in all."""
    shapes = [(geojson_polygons if polygons else geojson_lines)(_json(r.get(column))) for r in rows]
    if polygons:
        flat = [p for shape in shapes for poly in shape for ring in poly for p in ring]
    else:
        flat = [p for shape in shapes for line in shape for p in line]
    projected = iter(geo.lonlat_to_rd(flat))
    out: list[str | None] = []
    for shape in shapes:
        if polygons:
            rd = [[[next(projected) for _ in ring] for ring in poly] for poly in shape]
            out.append(multipolygon_ewkt(rd))
        else:
            out.append(multiline_ewkt([[next(projected) for _ in line] for line in shape]))
    return out


def _located(lat: Any, lon: Any) -> bool:
    """A usable WGS84 position (0, 0 is a camera without a fix, not a place)."""
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        return False
    if lat == 0 and lon == 0:
        return False
    return -90 <= lat <= 90 and -180 <= lon <= 180


def _points(rows: list[Row]) -> list[str | None]:
    located = [i for i, r in enumerate(rows) if _located(r.get("lat"), r.get("lon"))]
    xy = geo.lonlat_to_rd([(rows[i]["lon"], rows[i]["lat"]) for i in located])
    out: list[str | None] = [None] * len(rows)
    for i, (x, y) in zip(located, xy, strict=True):
        out[i] = f"SRID=28992;POINT({_fmt(x)} {_fmt(y)})"
    return out


class Judge:
    """Judges findings per round under the round's own profile (cached per round)."""

    def __init__(self, project: Project):
        self.project = project
        self._ctx: dict[str, Any] = {}
        self._cache: dict[tuple, tuple[str | None, bool | None]] = {}

    def __call__(self, round_id: str, street_id: str, element: str, aspect: str, level: str | None,
                 not_applicable: Any) -> tuple[str | None, bool | None]:
        """(norm, onder_norm) of a finding; (None, None) when it does not count. The
        answer depends only on a handful of values, so it is cached on them: a big
        round has a few hundred distinct cases among hundreds of thousands of findings."""
        ctx = self._ctx.get(round_id, self)
        if ctx is self:
            from schouw.services.walk import load_round

            try:
                ctx = load_round(self.project, round_id)
            except SchouwError:
                ctx = None  # a round whose buurt or form was lost: not judged
            self._ctx[round_id] = ctx
        if ctx is None:
            return None, None
        where = ctx.area_types.get(street_id) or ctx.area_type(street_id)
        key = (round_id, where, element, aspect, level, bool(not_applicable))
        known = self._cache.get(key)
        if known is None:
            item = ctx.item(element, aspect)
            judged = judge(ctx.profile, element, aspect, level, bool(not_applicable), where,
                           has_level=item is not None and item[1].has_level)
            norm = judged.norm.value if judged.norm is not None else None
            known = self._cache[key] = (norm, judged.below if judged.counts else None)
        return known


def central_rows(table: str, rows: list[Row], project_id: str,
                 judged: list[tuple[str | None, bool | None]] | None = None) -> list[tuple]:
    """The tuples to COPY for ``rows`` of ``table`` (in :func:`columns` order); ``judged``
    holds a finding's (norm, onder_norm) per row (see :class:`Judge`)."""
    if not rows:
        return []
    derived: dict[str, list[Any]] = {}
    own = [c for c, _ in TABLES[table]]
    if table == "streets":
        derived["geom"] = _project_lines(rows, "geometry", polygons=False)
    elif table == "buurten":
        derived["geom"] = _project_lines(rows, "boundary", polygons=True)
    elif table == "schouwpunten":
        derived["geom"] = _points(rows)
    elif table == "findings":
        derived["geom"] = _points(rows)
        judged = judged or [(None, None)] * len(rows)
        derived["norm"] = [j[0] for j in judged]
        derived["onder_norm"] = [j[1] for j in judged]
    booleans = {c for c, t in TABLES[table] if t == "boolean"}
    out = []
    cols = columns(table)
    for i, r in enumerate(rows):
        values = []
        for c in cols:
            if c == "project_id":
                values.append(project_id)
            elif c in derived:
                values.append(derived[c][i])
            elif c in booleans:
                values.append(None if r.get(c) is None else bool(r[c]))
            elif c in ("created_at", "updated_at"):
                values.append(r.get(c) or r.get("updated_at") or "1970-01-01T00:00:00Z")
            else:
                values.append(_clean(r.get(c)) if c in own or c in ("id", "updated_by", "deleted_at") else None)
        out.append(tuple(values))
    return out


def _clean(value: Any) -> Any:
    """Text without NUL (PostgreSQL refuses it in text); everything else as it is."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "")
    return value


def version_of(table: str, updated_at: str, judged: tuple[str | None, bool | None] | None = None,
               masked_file: str | None = None) -> str:
    """The version of a row for the publish log: its updated_at, plus what is derived at
    publish time (a finding's judgement, a photo's written file). Computed from a few
    columns before any conversion, so unchanged rows cost almost nothing."""
    if table == "findings":
        norm, below = judged or (None, None)
        return f"{updated_at}|{norm}|{below}"
    if table == "photos":
        return f"{updated_at}|{masked_file or ''}"
    return str(updated_at)
