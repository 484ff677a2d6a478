"""Reading buurt boundaries from the CBS *wijk- en buurtkaart* (GeoJSON or GeoPackage).

CBS publishes the map every year as a GeoPackage (layers ``buurten``, ``wijken``,
``gemeenten``) in RD New (EPSG:28992), and PDOK serves it as GeoJSON too. The buurt
layer names its code ``BU_CODE`` (up to 2022) or ``buurtcode`` (since 2023); both are
read, as are the names (``BU_NAAM``/``buurtnaam``, ``WK_CODE``/``wijkcode``,
``GM_NAAM``/``gemeentenaam``).

The CRS comes from the file: the GeoJSON ``crs`` member (old-style, still what GDAL
writes for RD) or the GeoPackage's ``gpkg_spatial_ref_sys``. A GeoJSON without one is
WGS84 by RFC 7946 *if its coordinates look like Dutch degrees*; if they look like RD
metres they are taken as RD (a common export mistake); anything else is refused rather
than drawn in the wrong place. Boundaries are stored in WGS84 like street geometry.

Self-intersecting polygons (a digitising slip, a ring drawn twice) are **repaired** with
shapely's ``make_valid`` and the import says which ones: refusing would leave the buurt
without a map for a flaw that moves the boundary by centimetres, and the repair keeps
every part of the area. An empty or non-areal geometry is skipped and named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schouw.messages import SchouwError

#: Where Dutch coordinates can be: RD New's own extent, and the Netherlands in degrees
#: (with a margin for the Wadden and the EEZ coast).
RD_EXTENT = (-8000.0, 280000.0, 310000.0, 640000.0)
NL_DEGREES = (2.0, 50.0, 8.0, 54.5)

#: The property names of a buurt's code, name, wijk code and municipality, old and new.
CODE_KEYS = ("bu_code", "buurtcode", "statcode", "code")
NAME_KEYS = ("bu_naam", "buurtnaam", "statnaam", "naam", "name")
WIJK_KEYS = ("wk_code", "wijkcode")
GEMEENTE_KEYS = ("gm_naam", "gemeentenaam")

#: Decimal places kept in stored WGS84 boundaries: 7 is about 1 cm.
DECIMALS = 7


@dataclass
class BoundaryFeature:
    code: str
    name: str
    wijk_code: str = ""
    gemeente: str = ""
    #: The boundary as a GeoJSON (Multi)Polygon in WGS84; None when empty.
    geometry: dict | None = None
    repaired: bool = False


@dataclass
class BoundaryFile:
    path: Path
    kind: str  # "geojson" or "gpkg"
    crs: str  # as read or decided: "EPSG:28992", "EPSG:4326", ...
    features: list[BoundaryFeature] = field(default_factory=list)


def read_boundaries(path: str | Path) -> BoundaryFile:
    """Read every buurt of the file; nothing in the project is touched."""
    from schouw.store.gpkg import is_geopackage, read_layers

    path = Path(path).expanduser()
    if not path.is_file():
        raise SchouwError("boundary_missing", path=str(path))
    if is_geopackage(path):
        layers = [layer for layer in read_layers(path) if layer.features]
        if not layers:
            raise SchouwError("boundary_bad_file", path=str(path), detail="geen kaartlaag met objecten")
        # the buurt layer: the one named so, else the first whose features carry a buurt code
        layer = next((lyr for lyr in layers if "buurt" in lyr.name.lower()), None) or next(
            (lyr for lyr in layers if _code(lyr.features[0][0])), layers[0])
        import shapely.wkb

        shapes = []
        for props, wkb in layer.features:
            try:
                geom = shapely.wkb.loads(wkb) if wkb else None
            except Exception as error:  # shapely raises its own GEOSException subclasses
                raise SchouwError("boundary_bad_geometry", path=str(path), code=_code(props) or "?",
                                  detail=str(error)) from None
            shapes.append((props, geom))
        return _finish(path, "gpkg", layer.crs, shapes)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, OSError):
        raise SchouwError("boundary_not_geo", path=str(path)) from None
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature"):
        raise SchouwError("boundary_not_geo", path=str(path))
    features = data.get("features") if data["type"] == "FeatureCollection" else [data]
    if not isinstance(features, list):
        raise SchouwError("boundary_not_geo", path=str(path))
    from shapely.geometry import shape

    shapes = []
    for feature in features:
        if not isinstance(feature, dict):
            raise SchouwError("boundary_not_geo", path=str(path))
        props = feature.get("properties") or {}
        geometry = feature.get("geometry")
        try:
            geom = shape(geometry) if geometry else None
        except Exception as error:
            raise SchouwError("boundary_bad_geometry", path=str(path), code=_code(props) or "?",
                              detail=str(error)) from None
        shapes.append((props, geom))
    return _finish(path, "geojson", _geojson_crs(data, path), shapes)


def _geojson_crs(data: dict, path: Path) -> str | None:
    crs = data.get("crs")
    if crs is None:
        return None
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise SchouwError("boundary_bad_crs", path=str(path), crs=json.dumps(crs)[:80])
    return name.strip()


def _lower(props: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in props.items()}


def _first(props: dict[str, Any], keys: tuple[str, ...]) -> str:
    low = _lower(props)
    for key in keys:
        value = low.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


def _code(props: dict[str, Any]) -> str:
    code = _first(props, CODE_KEYS)
    return code if code.upper().startswith("BU") else ""


def _finish(path: Path, kind: str, crs: str | None, shapes: list) -> BoundaryFile:
    import shapely

    if not any(_code(props) for props, _ in shapes):
        raise SchouwError("boundary_no_codes", path=str(path))
    crs = _decide_crs(path, crs, [g for _, g in shapes if g is not None and not g.is_empty])
    transform = _to_wgs84(path, crs)
    out = BoundaryFile(path, kind, crs)
    for props, geom in shapes:
        code = _code(props)
        if not code:
            continue
        feature = BoundaryFeature(code=code.upper(), name=_first(props, NAME_KEYS), wijk_code=_first(props, WIJK_KEYS),
                                  gemeente=_first(props, GEMEENTE_KEYS))
        out.features.append(feature)
        if geom is None or geom.is_empty:
            continue
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
            feature.repaired = True
        geom = _areal(geom)
        if geom is None:
            continue
        geom = shapely.set_precision(transform(geom), 10 ** -DECIMALS) if transform else geom
        geom = _areal(geom)
        if geom is not None:
            feature.geometry = json.loads(json.dumps(shapely.geometry.mapping(geom)))
    placed = [shapely.geometry.shape(f.geometry) for f in out.features if f.geometry]
    if placed and not _within(shapely.total_bounds(placed), NL_DEGREES):
        # the file says one CRS but its numbers are another's (or x and y swapped)
        xmin, ymin, xmax, ymax = shapely.total_bounds(placed)
        raise SchouwError("boundary_not_in_nl", path=str(path), crs=crs[:80],
                          bounds=f"{xmin:.4f}, {ymin:.4f}, {xmax:.4f}, {ymax:.4f}")
    return out


def _areal(geom):
    """Only the polygons of a geometry (make_valid may add lines); None when there are none."""
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geom, Polygon | MultiPolygon):
        return None if geom.is_empty else geom
    parts = []
    for part in getattr(geom, "geoms", []):
        areal = _areal(part)
        if areal is not None:
            parts.extend(areal.geoms if isinstance(areal, MultiPolygon) else [areal])
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _decide_crs(path: Path, crs: str | None, geoms: list) -> str:
    """The file's CRS as "EPSG:n" (or its definition); without one, WGS84 or RD when the
    coordinates can only be that, else a refusal."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    if crs is not None:
        try:
            parsed = CRS.from_user_input(crs)
        except CRSError:
            raise SchouwError("boundary_bad_crs", path=str(path), crs=crs[:80]) from None
        epsg = parsed.to_epsg()
        return f"EPSG:{epsg}" if epsg else parsed.to_wkt()
    if not geoms:
        return "EPSG:4326"
    import shapely

    xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
    if _within((xmin, ymin, xmax, ymax), NL_DEGREES):
        return "EPSG:4326"
    if _within((xmin, ymin, xmax, ymax), RD_EXTENT):
        return "EPSG:28992"
    raise SchouwError("boundary_no_crs", path=str(path), bounds=f"{xmin:.6g}, {ymin:.6g}, {xmax:.6g}, {ymax:.6g}")


def _within(bounds, box) -> bool:
    return box[0] <= bounds[0] and box[1] <= bounds[1] and bounds[2] <= box[2] and bounds[3] <= box[3]


def _to_wgs84(path: Path, crs: str):
    """A function taking a shapely geometry in ``crs`` to WGS84 (lon, lat); None when it
    already is."""
    from pyproj import CRS

    if CRS.from_user_input(crs).equals(CRS.from_epsg(4326), ignore_axis_order=True):
        return None
    import numpy as np
    import shapely

    from schouw import geo

    transformer = geo.transformer(crs, geo.WGS84)

    def apply(geom):
        def move(coords):
            xs, ys = transformer.transform(coords[:, 0], coords[:, 1])
            return np.column_stack([xs, ys])

        moved = shapely.transform(geom, move)
        xmin, ymin, xmax, ymax = moved.bounds
        if not all(np.isfinite([xmin, ymin, xmax, ymax])):
            raise SchouwError("boundary_bad_crs", path=str(path), crs=crs[:80])
        return moved

    return apply
