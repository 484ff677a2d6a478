"""Reading street lists from CSV and GeoJSON files as municipalities have them.

Dutch Excel writes ``;``-separated CSV, often with a BOM; GIS tools write GeoJSON in
which one street is several line features (OSM ways) with the same name. Streets are
grouped by their exact name, so ``'s-Gravendijkwal``, ``IJsselkade`` and
``Burgemeester de Withstraat`` come through byte for byte. Geometries in RD New
(EPSG:28992, metres) are recognised by their size and turned into WGS84.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from shapely import wkt as shapely_wkt
from shapely.errors import ShapelyError
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge, unary_union

from schouw.messages import SchouwError

NAME_COLUMNS = ("straatnaam", "openbare_ruimte", "openbareruimte", "naam", "straat", "name")
PLACE_COLUMNS = ("woonplaats", "plaats", "woonplaatsnaam", "addr:city", "city")
GEOMETRY_COLUMNS = ("geometrie", "geometry", "wkt", "geom", "geojson", "the_geom")
NUMBER_COLUMNS = ("huisnummers", "huisnummer", "huisnummerreeks")
NAME_PROPERTIES = ("name", "naam", "straatnaam", "openbare_ruimte", "openbareruimte", "nm")


@dataclass
class StreetRecord:
    name: str
    woonplaats: str = ""
    geometries: list[BaseGeometry] = field(default_factory=list)
    house_numbers: list[str] = field(default_factory=list)

    def geometry(self) -> dict | None:
        if not self.geometries:
            return None
        merged = unary_union(self.geometries) if len(self.geometries) > 1 else self.geometries[0]
        if merged.geom_type == "MultiLineString":
            merged = linemerge(merged)
        return mapping(merged)

    def numbers(self) -> str:
        return ", ".join(dict.fromkeys(n for n in self.house_numbers if n))


def _norm_header(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip().strip('"').lower()).replace(" ", "_")


def _clean_name(text: str) -> str:
    """Keep the name exactly, apart from outer white space and Unicode normalisation
    (NFC), so a composed 'é' from one file equals the 'é' typed in the app."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _to_wgs84(geom: BaseGeometry) -> BaseGeometry:
    minx, miny, maxx, maxy = geom.bounds
    if -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90:
        return geom
    if 0 <= minx and maxx <= 300_000 and 300_000 <= miny and maxy <= 625_000:
        from schouw.geo import rd_to_wgs84

        def to_lon_lat(coords):
            return [tuple(reversed(rd_to_wgs84(x, y))) for x, y in coords]

        return shapely.transform(geom, to_lon_lat)
    raise ValueError("coördinaten zijn geen WGS84 (lengte/breedte) en geen RD New")


def _parse_geometry(text: str) -> BaseGeometry:
    text = text.strip()
    if text.startswith("{"):
        data = json.loads(text)
        geom = shape(data.get("geometry", data))
    else:
        geom = shapely_wkt.loads(text)
    if geom.is_empty:
        raise ValueError("lege geometrie")
    if geom.geom_type not in ("LineString", "MultiLineString", "Point", "MultiPoint", "Polygon", "MultiPolygon"):
        raise ValueError(f"type {geom.geom_type} wordt niet ondersteund")
    return _to_wgs84(geom)


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SchouwError("file_missing", path=str(path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Dutch Excel exports are Windows-1252.
        return raw.decode("cp1252", errors="replace")


def _dialect(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def read_csv(path: Path, *, name_column: str | None = None, woonplaats: str | None = None) -> list[StreetRecord]:
    text = read_text(path)
    if not text.strip():
        raise SchouwError("streets_none", path=str(path))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(text))
        rows = list(reader)
    except csv.Error as error:
        raise SchouwError("csv_unreadable", path=str(path), detail=str(error)) from None
    header = [_norm_header(h) for h in rows[0]]
    found = ", ".join(h for h in rows[0] if h.strip()) or "-"

    def column(options: tuple[str, ...]) -> int | None:
        return next((header.index(o) for o in options if o in header), None)

    name_idx = column((_norm_header(name_column),)) if name_column else column(NAME_COLUMNS)
    place_idx = column(PLACE_COLUMNS)
    missing = []
    if name_idx is None:
        missing.append(name_column or "straatnaam")
    if place_idx is None and not woonplaats:
        missing.append("woonplaats")
    if missing:
        raise SchouwError("csv_missing_columns", path=str(path), missing=", ".join(missing), found=found)
    geom_idx = column(GEOMETRY_COLUMNS)
    num_idx = column(NUMBER_COLUMNS)
    from_idx, to_idx = column(("huisnummer_van", "van")), column(("huisnummer_tot", "tot"))

    records: dict[str, StreetRecord] = {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        name = _clean_name(row[name_idx])
        if not name:
            continue
        record = records.setdefault(name, StreetRecord(name=name))
        place = _clean_name(row[place_idx]) if place_idx is not None else ""
        record.woonplaats = record.woonplaats or place or (woonplaats or "")
        if geom_idx is not None and row[geom_idx].strip():
            try:
                record.geometries.append(_parse_geometry(row[geom_idx]))
            except (ValueError, ShapelyError, json.JSONDecodeError, AttributeError, KeyError, TypeError) as error:
                raise SchouwError("bad_geometry", path=str(path), row=line_no, name=name, detail=str(error)) from None
        if num_idx is not None:
            record.house_numbers.append(row[num_idx].strip())
        if from_idx is not None and to_idx is not None and row[from_idx].strip():
            record.house_numbers.append(f"{row[from_idx].strip()}-{row[to_idx].strip()}")
    if not records:
        raise SchouwError("streets_none", path=str(path))
    return list(records.values())


def read_geojson(path: Path, *, name_property: str | None = None, woonplaats: str | None = None) -> list[StreetRecord]:
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SchouwError("geojson_unreadable", path=str(path), detail=f"regel {error.lineno}: {error.msg}") from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, dict) and isinstance(data.get("features"), list):
        features = data["features"]
    else:
        raise SchouwError("geojson_unreadable", path=str(path), detail="geen FeatureCollection")
    records: dict[str, StreetRecord] = {}
    for n, feature in enumerate(features, start=1):
        props = (feature or {}).get("properties") or {}
        key = name_property or next((k for k in NAME_PROPERTIES if props.get(k)), None)
        name = _clean_name(str(props.get(key) or "")) if key else ""
        if not name:
            continue
        record = records.setdefault(name, StreetRecord(name=name))
        place = next((str(props[k]) for k in PLACE_COLUMNS if props.get(k)), "")
        record.woonplaats = record.woonplaats or _clean_name(place) or (woonplaats or "")
        geometry = feature.get("geometry")
        if geometry:
            try:
                geom = shape(geometry)
                if not geom.is_empty:
                    record.geometries.append(_to_wgs84(geom))
            except (ValueError, ShapelyError, AttributeError, KeyError, TypeError) as error:
                raise SchouwError("bad_geometry", path=str(path), row=n, name=name, detail=str(error)) from None
    if not records:
        raise SchouwError("streets_none", path=str(path))
    return list(records.values())


def read_streets(path: str | Path, **options: str | None) -> list[StreetRecord]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return read_csv(path, name_column=options.get("name_column"), woonplaats=options.get("woonplaats"))
    if suffix in (".geojson", ".json"):
        return read_geojson(path, name_property=options.get("name_column"), woonplaats=options.get("woonplaats"))
    if not path.exists():
        raise SchouwError("file_missing", path=str(path))
    raise SchouwError("unknown_file_type", path=str(path))
