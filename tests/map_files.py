"""Small realistic files of the CBS wijk- en buurtkaart for the map tests (no tests here).

No real CBS file is in ../shared/testdata, so these are written here: the buurt layer
as CBS publishes it (a GeoPackage in RD New, EPSG:28992, or GeoJSON), with the CBS
property names (BU_CODE/BU_NAAM/WK_CODE/GM_NAAM up to 2022, buurtcode/buurtnaam/
wijkcode/gemeentenaam since 2023) and outlines in the old centre of Amersfoort, where
the RD grid has its origin (the Onze Lieve Vrouwetoren at 155000, 463000).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import shapely
from shapely.geometry import Polygon, mapping

from schouw import geo
from schouw.domain.models import Buurt, Street, Wijk
from schouw.store.gpkg import gpkg_blob

#: Binnenstad (around the tower) and a neighbour to its east, in RD metres.
BINNENSTAD_RD = [(154550, 462650), (155420, 462610), (155600, 463080), (155310, 463460), (154700, 463420),
                 (154480, 463050), (154550, 462650)]
NEIGHBOUR_RD = [(155600, 463080), (156300, 463000), (156350, 463600), (155310, 463460), (155600, 463080)]
#: A bowtie: the ring crosses itself (a digitising slip).
BOWTIE_RD = [(156400, 462000), (157000, 462600), (157000, 462000), (156400, 462600), (156400, 462000)]

BUURTEN = [
    ("BU03070000", "Binnenstad", "WK030700", "Amersfoort", BINNENSTAD_RD),
    ("BU03070001", "Kruiskamp-Oost", "WK030700", "Amersfoort", NEIGHBOUR_RD),
    ("BU03079999", "Elders", "WK030799", "Amersfoort", BOWTIE_RD),
]


def seed_amersfoort(project) -> dict[str, str]:
    """The project's side: a wijk with two coded buurten (and one without a code), the
    Binnenstad with streets (WGS84 line geometry). Returns buurt ids by name."""
    wijk = project.areas.add_wijk(Wijk(name="Centrum", code="WK030700"))
    ids = {}
    for code, name in (("BU03070000", "Binnenstad"), ("BU03079999", "Elders"), ("BU03070555", "Vathorst-Zuid"),
                       ("", "Zonder code")):
        ids[name] = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name=name, code=code)).id
    lines = [[(154700, 463000), (155300, 463050)], [(155000, 462700), (155000, 463350)]]
    project.areas.add_streets([
        Street(buurt_id=ids["Binnenstad"], name=name, position=i,
               geometry={"type": "LineString", "coordinates": [list(p) for p in geo.rd_to_lonlat(line)]})
        for i, (name, line) in enumerate(zip(["Langestraat", "Krommestraat"], lines, strict=True))])
    return ids


def features(rings=None, *, new_names: bool = False) -> list[tuple[dict, object]]:
    out = []
    for code, name, wijk, gemeente, ring in rings or BUURTEN:
        props = ({"buurtcode": code, "buurtnaam": name, "wijkcode": wijk, "gemeentenaam": gemeente} if new_names
                 else {"BU_CODE": code, "BU_NAAM": name, "WK_CODE": wijk, "GM_NAAM": gemeente})
        out.append((props, Polygon(ring) if ring else None))
    return out


def write_geojson(path: Path, feats, *, crs: str | None = "urn:ogc:def:crs:EPSG::28992", transform=None) -> Path:
    collection: dict = {"type": "FeatureCollection", "name": "buurten", "features": []}
    if crs is not None:
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    for props, geom in feats:
        if geom is not None and transform is not None:
            geom = shapely.transform(geom, transform)
        collection["features"].append({"type": "Feature", "properties": props,
                                       "geometry": mapping(geom) if geom is not None else None})
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def write_gpkg(path: Path, feats, *, srs_id: int = 28992, layer: str = "buurten") -> Path:
    """A minimal OGC GeoPackage as CBS ships it: one feature layer in RD New."""
    conn = sqlite3.connect(path)
    conn.executescript(f"""
        PRAGMA application_id = 1196444487;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
            organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
            description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Amersfoort / RD New', 28992, 'EPSG', 28992, 'PROJCS["Amersfoort / RD New"]', NULL);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]', NULL);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT,
            description TEXT DEFAULT '', last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL,
            srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
            geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
        CREATE TABLE "{layer}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON, buurtcode TEXT,
            buurtnaam TEXT, wijkcode TEXT, gemeentenaam TEXT, aantal_inwoners INTEGER);
        INSERT INTO gpkg_contents VALUES ('{layer}', 'features', '{layer}', '', '2024-07-01T00:00:00Z',
            NULL, NULL, NULL, NULL, {srs_id});
        INSERT INTO gpkg_geometry_columns VALUES ('{layer}', 'geom', 'MULTIPOLYGON', {srs_id}, 0, 0);
    """)
    for props, geom in feats:
        low = {k.lower(): v for k, v in props.items()}
        blob = gpkg_blob(shapely.to_wkb(geom), srs_id) if geom is not None else None
        conn.execute(f'INSERT INTO "{layer}" (geom, buurtcode, buurtnaam, wijkcode, gemeentenaam, aantal_inwoners) '
                     "VALUES (?, ?, ?, ?, ?, 1000)",
                     (blob, low.get("bu_code") or low.get("buurtcode"), low.get("bu_naam") or low.get("buurtnaam"),
                      low.get("wk_code") or low.get("wijkcode"), low.get("gm_naam") or low.get("gemeentenaam")))
    conn.commit()
    conn.close()
    return path
