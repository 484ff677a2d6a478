"""Buurt boundaries from the CBS wijk- en buurtkaart: GeoJSON and GeoPackage, matched by
buurtcode, in the file's CRS; every bad input the issue names ends in one clear line with
the project file unchanged."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import numpy as np
import pytest
from conftest import run_main
from map_files import BINNENSTAD_RD, features, seed_amersfoort, write_geojson, write_gpkg
from shapely.geometry import Polygon, shape
from test_exchange_helpers import new_project

from schouw import geo
from schouw.store import open_project


@pytest.fixture
def amersfoort(tmp_path):
    path = tmp_path / "amersfoort.schouw"
    with new_project(path, "dev-kaart") as project:
        seed_amersfoort(project)
    return path


def digest(path) -> str:
    with sqlite3.connect(path) as conn:  # the rows, not the bytes (WAL may checkpoint)
        rows = conn.execute("SELECT id, boundary, updated_at FROM buurten ORDER BY id").fetchall()
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def near_every_vertex(ring, expected, metres: float) -> bool:
    """Every vertex of ``expected`` has one of ``ring`` within ``metres`` (the start and
    direction of a stored ring may differ)."""
    return len(ring) == len(expected) and all(
        min(abs(x - x0) + abs(y - y0) for x, y in ring) < metres for x0, y0 in expected)


def boundary_of(path, name: str) -> dict | None:
    with open_project(path, readonly=True) as project:
        return project.areas.find_buurt(name).boundary


def test_geojson_in_rd_is_matched_by_code_and_stored_in_wgs84(amersfoort, tmp_path, capsys):
    src = write_geojson(tmp_path / "buurten.geojson", features())
    code, out, err = run_main(capsys, "--db", str(amersfoort), "buurten", "import", str(src))
    assert code == 0, err
    assert "Binnenstad (BU03070000)" in out and "EPSG:28992" in out
    assert "Niet in het bestand: Vathorst-Zuid (BU03070555)" in out
    assert "Zonder buurtcode (niet te koppelen): Zonder code" in out
    assert "Hersteld" in out and "BU03079999" in out  # the bowtie, repaired
    stored = shape(boundary_of(amersfoort, "Binnenstad"))
    # Back in RD, the stored outline is the file's to well under a metre.
    ring = geo.lonlat_to_rd(list(stored.exterior.coords))
    assert Polygon(ring).symmetric_difference(Polygon(BINNENSTAD_RD)).area < 0.02 * Polygon(BINNENSTAD_RD).area
    assert near_every_vertex(ring, BINNENSTAD_RD, 0.5)
    assert 5.37 < stored.centroid.x < 5.40 and 52.15 < stored.centroid.y < 52.16  # Amersfoort, lon/lat


def test_json_output_names_matched_not_found_repaired(amersfoort, tmp_path, capsys):
    src = write_geojson(tmp_path / "buurten.geojson", features())
    code, out, _ = run_main(capsys, "--db", str(amersfoort), "--json", "buurten", "import", str(src))
    data = json.loads(out)
    assert code == 0
    assert [m["code"] for m in data["matched"]] == ["BU03070000", "BU03079999"]
    assert data["not_found"] == [{"name": "Vathorst-Zuid", "code": "BU03070555"}]
    assert data["repaired"] == ["BU03079999"] and data["in_file"] == 3
    repaired = shape(boundary_of(amersfoort, "Elders"))
    assert repaired.is_valid and repaired.geom_type == "MultiPolygon"  # both lobes of the bowtie kept


def test_geopackage_new_property_names_is_read_without_gdal(amersfoort, tmp_path, capsys):
    src = write_gpkg(tmp_path / "wijkenbuurten_2024.gpkg", features(new_names=True))
    code, out, err = run_main(capsys, "--db", str(amersfoort), "buurten", "import", str(src))
    assert code == 0, err
    assert "Binnenstad (BU03070000)" in out
    stored = shape(boundary_of(amersfoort, "Binnenstad"))
    assert 5.37 < stored.centroid.x < 5.40


def test_another_crs_is_transformed(amersfoort, tmp_path, capsys):
    """The same buurten in web mercator (EPSG:3857), the file saying so, land where RD puts them."""
    to_3857 = geo.transformer(geo.RD_NEW, "EPSG:3857")

    def move(coords):
        xs, ys = to_3857.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([xs, ys])

    src = write_geojson(tmp_path / "mercator.geojson", features(), crs="EPSG:3857", transform=move)
    code, out, err = run_main(capsys, "--db", str(amersfoort), "buurten", "import", str(src))
    assert code == 0, err and "EPSG:3857" in out
    ring = geo.lonlat_to_rd(list(shape(boundary_of(amersfoort, "Binnenstad")).exterior.coords))
    assert near_every_vertex(ring, BINNENSTAD_RD, 1.0)


def test_no_crs_but_rd_numbers_is_read_as_rd(amersfoort, tmp_path, capsys):
    src = write_geojson(tmp_path / "zonder-crs.geojson", features(), crs=None)
    code, out, err = run_main(capsys, "--db", str(amersfoort), "buurten", "import", str(src))
    assert code == 0, err and "EPSG:28992" in out


def refused(amersfoort, capsys, src, *words: str) -> str:
    before = digest(amersfoort)
    code, out, err = run_main(capsys, "--db", str(amersfoort), "buurten", "import", str(src))
    assert code == 2, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], lines[0]
    assert digest(amersfoort) == before
    return lines[0]


def test_no_crs_and_not_plausibly_wgs84_or_rd_is_refused(amersfoort, tmp_path, capsys):
    far = [(c, n, w, g, [(x * 40, y * 40) for x, y in ring]) for c, n, w, g, ring in
           [("BU03070000", "Binnenstad", "WK030700", "Amersfoort", BINNENSTAD_RD)]]
    src = write_geojson(tmp_path / "raar.geojson", features(far), crs=None)
    refused(amersfoort, capsys, src, "coördinatenstelsel", "EPSG:28992")


def test_wgs84_with_swapped_axes_is_refused(amersfoort, tmp_path, capsys):
    swapped = [(c, n, w, g, [(lat, lon) for lon, lat in geo.rd_to_lonlat(ring)]) for c, n, w, g, ring in
               [("BU03070000", "Binnenstad", "WK030700", "Amersfoort", BINNENSTAD_RD)]]
    src = write_geojson(tmp_path / "verwisseld.geojson", features(swapped), crs="EPSG:4326")
    refused(amersfoort, capsys, src, "niet in Nederland", "verwisseld")


def test_unknown_crs_is_refused(amersfoort, tmp_path, capsys):
    src = write_geojson(tmp_path / "onbekend.geojson", features(), crs="EPSG:999999")
    refused(amersfoort, capsys, src, "EPSG:999999")


def test_empty_geometry_is_named_and_a_file_of_only_empty_ones_changes_nothing(amersfoort, tmp_path, capsys):
    rows = [("BU03070000", "Binnenstad", "WK030700", "Amersfoort", None),
            ("BU03079999", "Elders", "WK030799", "Amersfoort", [(0, 0), (0, 0), (0, 0), (0, 0)])]
    src = write_geojson(tmp_path / "leeg.geojson", features(rows))
    refused(amersfoort, capsys, src, "zonder geometrie", "BU03070000")
    rows[1] = ("BU03079999", "Elders", "WK030799", "Amersfoort", BINNENSTAD_RD)
    src = write_geojson(tmp_path / "half.geojson", features(rows))
    code, out, _ = run_main(capsys, "--db", str(amersfoort), "buurten", "import", str(src))
    assert code == 0 and "Lege geometrie in het bestand (grens niet veranderd): BU03070000" in out
    assert boundary_of(amersfoort, "Binnenstad") is None and boundary_of(amersfoort, "Elders") is not None


@pytest.mark.parametrize("content", [b"naam;code\nBinnenstad;BU03070000\n", b"[1, 2, 3]",
                                     b'{"type": "Topology", "objects": {}}', b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_not_geojson_or_geopackage_is_refused(amersfoort, tmp_path, capsys, content):
    src = tmp_path / "buurten.geojson"
    src.write_bytes(content)
    refused(amersfoort, capsys, src, "geen GeoJSON")


def test_sqlite_that_is_no_geopackage_is_refused(amersfoort, tmp_path, capsys):
    src = tmp_path / "buurten.gpkg"
    with sqlite3.connect(src) as conn:
        conn.execute("CREATE TABLE x (a)")
    refused(amersfoort, capsys, src, "GeoPackage")


def test_a_file_without_buurtcodes_and_a_file_matching_nothing(amersfoort, tmp_path, capsys):
    src = tmp_path / "wijken.geojson"
    write_geojson(src, [({"WK_CODE": "WK030700", "WK_NAAM": "Centrum"}, Polygon(BINNENSTAD_RD))])
    refused(amersfoort, capsys, src, "buurtcodes")
    other = [("BU03440000", "Utrecht-Binnenstad", "WK034400", "Utrecht", BINNENSTAD_RD)]
    refused(amersfoort, capsys, write_geojson(tmp_path / "utrecht.geojson", features(other)), "BU03070000")


def test_missing_file(amersfoort, tmp_path, capsys):
    refused(amersfoort, capsys, tmp_path / "nergens.geojson", "bestaat niet")


def test_english_message(amersfoort, tmp_path, capsys):
    src = write_geojson(tmp_path / "onbekend.geojson", features(), crs="EPSG:999999")
    code, _, err = run_main(capsys, "--db", str(amersfoort), "--lang", "en", "buurten", "import", str(src))
    assert code == 2 and "unknown coordinate reference system" in err
