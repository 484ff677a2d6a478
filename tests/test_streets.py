"""Street import from the files municipalities really have: CSV (`;` or `,`, with or
without BOM) and GeoJSON (lines split into many ways, or points)."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from schouw.exchange.streets import read_streets
from schouw.messages import SchouwError
from schouw.services.streets import import_streets
from schouw.store import open_project

ODD_NAMES = ["'s-Gravendijkwal", "IJsselkade", "Burgemeester de Withstraat", "Koningin Máximalaan",
             "Jan in 't Veltstraat", "Bethaniëstraat", "Prins Willem-Alexandersingel"]


def write_csv(path, sep: str, bom: bool, crlf: bool = False) -> None:
    lines = [sep.join(["straatnaam", "woonplaats", "huisnummers", "geometrie"])]
    for n, name in enumerate(ODD_NAMES):
        wkt = f'"LINESTRING (4.{470 + n} 51.92, 4.{471 + n} 51.921)"'
        quoted = f'"{name}"' if sep in name else name
        lines.append(sep.join([quoted, "Rotterdam", f"1-{20 + n}", wkt]))
    lines.append(sep.join(["'s-Gravendijkwal", "Rotterdam", "40-60", ""]))  # second row, same street
    text = ("\r\n" if crlf else "\n").join(lines) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))


@pytest.mark.parametrize(("sep", "bom", "crlf"), [(";", True, True), (";", False, False), (",", True, False), (",", False, True)])
def test_csv_variants_round_trip_names_exactly(tmp_path, project, sep, bom, crlf):
    path = tmp_path / "straten.csv"
    write_csv(path, sep, bom, crlf)
    result = import_streets(project, path, buurt="Oude Westen", wijk="Centrum")
    assert (result.read, result.added) == (len(ODD_NAMES), len(ODD_NAMES))
    buurt = project.areas.find_buurt("oude westen")
    streets = {s.name: s for s in project.areas.streets(buurt.id)}
    assert sorted(streets) == sorted(ODD_NAMES)
    for name in ODD_NAMES:
        assert streets[name].name.encode("utf-8") == name.encode("utf-8")
        assert streets[name].woonplaats == "Rotterdam"
        assert streets[name].geometry["type"] == "LineString"
        lon, lat = streets[name].geometry["coordinates"][0]
        assert 4.4 < lon < 4.6 and 51.9 < lat < 52.0
    assert streets["'s-Gravendijkwal"].house_numbers == "1-20, 40-60"


def test_reimport_changes_nothing(tmp_path, project):
    path = tmp_path / "straten.csv"
    write_csv(path, ";", True)
    import_streets(project, path, buurt="Oude Westen")
    again = import_streets(project, path, buurt="Oude Westen")
    assert (again.added, again.updated) == (0, 0)


def test_csv_missing_columns_is_refused_with_names(tmp_path, project):
    path = tmp_path / "fout.csv"
    path.write_text("naam_van_weg;plaats_x\nMarkt;Delft\n", encoding="utf-8")
    with pytest.raises(SchouwError) as err:
        import_streets(project, path, buurt="Centrum")
    text = err.value.message()
    assert "straatnaam" in text and "woonplaats" in text and "naam_van_weg" in text
    assert project.areas.buurten() == []


def test_csv_rd_new_wkt_becomes_wgs84(tmp_path, project):
    path = tmp_path / "rd.csv"
    path.write_text("straatnaam;woonplaats;wkt\nStationsplein;Amersfoort;POINT (155000 463000)\n", encoding="utf-8")
    import_streets(project, path, buurt="Centrum")
    street = project.areas.streets(project.areas.find_buurt("Centrum").id)[0]
    lon, lat = street.geometry["coordinates"]
    assert lat == pytest.approx(52.15517, abs=1e-4) and lon == pytest.approx(5.38721, abs=1e-4)


def test_bad_wkt_names_row_and_street(tmp_path, project):
    path = tmp_path / "fout.csv"
    path.write_text("straatnaam;woonplaats;wkt\nMarkt;Delft;LINESTRING (4.3 52.0,\n", encoding="utf-8")
    with pytest.raises(SchouwError) as err:
        import_streets(project, path, buurt="Centrum")
    assert "regel 2" in err.value.message() and "Markt" in err.value.message()


def test_geojson_lines_grouped_by_name(tmp_path, project):
    features = [
        {"type": "Feature", "properties": {"name": "IJsselkade"},
         "geometry": {"type": "LineString", "coordinates": [[5.0, 52.0], [5.001, 52.0]]}},
        {"type": "Feature", "properties": {"name": "IJsselkade"},
         "geometry": {"type": "LineString", "coordinates": [[5.001, 52.0], [5.002, 52.001]]}},
        {"type": "Feature", "properties": {"name": "Burgemeester de Withstraat"},
         "geometry": {"type": "MultiLineString", "coordinates": [[[5.01, 52.0], [5.011, 52.0]]]}},
        {"type": "Feature", "properties": {"highway": "service"},
         "geometry": {"type": "LineString", "coordinates": [[5.0, 52.0], [5.1, 52.0]]}},
    ]
    path = tmp_path / "wegen.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    result = import_streets(project, path, buurt="Kade", woonplaats="Kampen")
    assert result.added == 2
    streets = {s.name: s for s in project.areas.streets(project.areas.find_buurt("Kade").id)}
    assert streets["IJsselkade"].geometry["type"] == "LineString"  # two ways merged into one line
    assert len(streets["IJsselkade"].geometry["coordinates"]) == 3
    assert streets["IJsselkade"].woonplaats == "Kampen"


def test_real_osm_export_den_helder(shared_testdata, tmp_path):
    facts = json.loads((shared_testdata / "streets" / "expected.json").read_text(encoding="utf-8"))["den-helder/wegen.geojson"]
    records = read_streets(shared_testdata / "streets" / "den-helder" / "wegen.geojson", woonplaats="Den Helder")
    names = {r.name: r for r in records}
    assert len(names) == facts["unique_names"]
    for name in facts["names_present_with_feature_count"]:
        assert name in names
    assert len(names["Kruiszwin"].geometries) == 97
    west, south, east, north = facts["bbox_lon_lat"]
    for record in records:
        geometry = record.geometry()
        coords = geometry["coordinates"]
        flat = coords if geometry["type"] == "LineString" else [c for line in coords for c in line]
        assert all(west - 1e-9 <= lon <= east + 1e-9 and south - 1e-9 <= lat <= north + 1e-9 for lon, lat in flat)


def test_real_wikidata_points_den_bosch_via_cli(shared_testdata, tmp_path):
    facts = json.loads((shared_testdata / "streets" / "expected.json").read_text(encoding="utf-8"))["den-bosch/beeldbank.geojson"]
    db = tmp_path / "bosch.schouw"
    run_cli("new", str(db), check=True)
    result = run_cli("--db", str(db), "--json", "streets", "import",
                     str(shared_testdata / "streets" / "den-bosch" / "beeldbank.geojson"),
                     "--buurt", "Binnenstad", "--wijk", "Centrum", "--woonplaats", "'s-Hertogenbosch")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == facts["unique_names"]
    with open_project(db) as project:
        names = {s.name for s in project.areas.streets(project.areas.find_buurt("Binnenstad").id)}
    assert set(facts["names_present"]) <= names


def test_real_police_csv_den_haag_with_name_column(shared_testdata, tmp_path, project):
    facts = json.loads((shared_testdata / "streets" / "expected.json").read_text(encoding="utf-8"))["den-haag/den-haag.csv"]
    path = shared_testdata / "streets" / "den-haag" / "den-haag.csv"
    with pytest.raises(SchouwError) as err:  # no woonplaats column and none given
        import_streets(project, path, buurt="Centrum", name_column="preflabel")
    assert "woonplaats" in err.value.message()
    result = import_streets(project, path, buurt="Centrum", name_column="preflabel", woonplaats="'s-Gravenhage")
    assert result.added == facts["unique_preflabels"]
    names = {s.name for s in project.areas.streets(project.areas.find_buurt("Centrum").id)}
    assert set(facts["names_present"]) <= names


def test_unknown_file_type_and_missing_file(tmp_path):
    (tmp_path / "straten.xlsx").write_bytes(b"PK\x03\x04")
    for name, key in (("straten.xlsx", "unknown_file_type"), ("weg.csv", "file_missing")):
        with pytest.raises(SchouwError) as err:
            read_streets(tmp_path / name)
        assert err.value.key == key
    result = run_cli("--db", str(tmp_path / "x.schouw"), "streets", "import", str(tmp_path / "weg.csv"), "--buurt", "B")
    assert result.returncode == 2 and "bestaat niet" in result.stderr
    assert not (tmp_path / "x.schouw").exists()  # nothing created for a failed import
