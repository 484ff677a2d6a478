"""Reading the features of an OGC GeoPackage with the standard library.

A GeoPackage is an SQLite file with a few registry tables (``gpkg_contents``,
``gpkg_geometry_columns``, ``gpkg_spatial_ref_sys``) and one table per layer whose
geometry column holds a small GeoPackage header followed by plain WKB. That is all the
CBS *wijk- en buurtkaart* needs, so no GDAL: the file is opened read-only, the header is
skipped here and the WKB handed back for shapely to parse.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schouw.messages import SchouwError

#: Envelope sizes by the header's envelope indicator (GeoPackage 1.x, clause 2.1.3).
_ENVELOPE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


@dataclass(frozen=True)
class GpkgLayer:
    name: str
    #: The CRS as "EPSG:n" (or the WKT definition when the organisation is not EPSG);
    #: None when the layer says "undefined" (srs_id 0 or -1).
    crs: str | None
    #: (properties, WKB bytes or None for an empty/absent geometry) per feature.
    features: list[tuple[dict[str, Any], bytes | None]]


def is_geopackage(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def read_layers(path: Path) -> list[GpkgLayer]:
    """Every feature layer of the GeoPackage at ``path``."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise SchouwError("boundary_bad_file", path=str(path), detail=str(error)) from None
    try:
        try:
            layers = conn.execute(
                "SELECT c.table_name, g.column_name, c.srs_id FROM gpkg_contents c "
                "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                "WHERE c.data_type = 'features' ORDER BY c.table_name").fetchall()
        except sqlite3.DatabaseError as error:
            raise SchouwError("boundary_bad_file", path=str(path), detail=str(error)) from None
        out = []
        for table, column, srs_id in layers:
            out.append(GpkgLayer(table, _crs(conn, srs_id), list(_features(conn, table, column))))
        return out
    finally:
        conn.close()


def _crs(conn: sqlite3.Connection, srs_id: int | None) -> str | None:
    if srs_id is None or srs_id <= 0:
        return None
    row = conn.execute("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
                       "WHERE srs_id = ?", (srs_id,)).fetchone()
    if row is None:
        return f"EPSG:{srs_id}"
    organisation, code, definition = row
    if (organisation or "").upper() == "EPSG" and code:
        return f"EPSG:{code}"
    if definition and definition.strip().lower() != "undefined":
        return definition
    return None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _features(conn: sqlite3.Connection, table: str, column: str):
    cur = conn.execute(f"SELECT * FROM {_quote(table)}")
    names = [d[0] for d in cur.description]
    for row in cur:
        values = dict(zip(names, row, strict=True))
        blob = values.pop(column, None)
        yield values, wkb_of(blob)


def wkb_of(blob: bytes | None) -> bytes | None:
    """The WKB inside a GeoPackage geometry blob; None for an empty or missing one."""
    if not blob:
        return None
    data = bytes(blob)
    if data[:2] != b"GP" or len(data) < 8:
        return data  # plain WKB, as some writers store it
    flags = data[3]
    if flags & 0b10000:  # the empty-geometry flag
        return None
    envelope = (flags >> 1) & 0b111
    start = 8 + _ENVELOPE.get(envelope, 0)
    return data[start:] or None


def gpkg_blob(wkb: bytes, srs_id: int) -> bytes:
    """A GeoPackage geometry blob (no envelope, little-endian) around ``wkb``: for
    writing test files and the demo, the inverse of :func:`wkb_of`."""
    return b"GP" + bytes([0, 0b1]) + struct.pack("<i", srs_id) + wkb
