"""What a municipality opens: the CSV bytes for a Dutch Excel, GeoJSON by RFC 7946, the
Excel workbook, the published JSON Schema, and photo file names a person can find."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import ROOT
from test_exchange_helpers import add_finding, new_project, seed_round, zip_members

from schouw.exchange.document import PackageDocument, schema_text
from schouw.exchange.package import PhotoNamer, slug
from schouw.services.exchange import export_package

TRICKY = 'Tegels los; "struikelgevaar"\nbij de ingang'
CONTROL = "Lamp\x00 stuk\x1b[2J\x07\rweg"
ESCAPED = "Lamp\\x00 stuk\\x1b[2J\\x07\\x0dweg"


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fmt")
    with new_project(folder / "p.schouw", "dev-fmt") as project:
        round_id = seed_round(project, findings=5)
        add_finding(project, round_id, 7, text=TRICKY, street="Koningin Máximalaan")
        add_finding(project, round_id, 8, text="=HYPERLINK(\"http://x\")", street="'s-Gravendijkwal")
        # control characters recorded before they were refused (or by a tool): NUL, ESC, BEL, CR
        add_finding(project, round_id, 10, text=CONTROL, street="Merelstraat")
        project.conn.execute("UPDATE actions SET due_date = '2026-11-30'")
        gone = add_finding(project, round_id, 9, text="Verwijderd")
        project.findings.delete(gone.id)
        path = export_package(project, round_id, folder / "p.zip", xlsx=True).path
        return zip_members(path)


def test_csv_bytes_for_a_dutch_spreadsheet(package):
    data = package["bevindingen.csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    header = text.split("\r\n", 1)[0]
    assert header.startswith("Id;Wijk;Buurt;Straat;Huisnummer;")
    assert "Omschrijving" in header and "Breedtegraad" in header and "RD x" in header
    # the tricky text is quoted, its quotes doubled, its newline kept inside the quotes
    assert '"Tegels los; ""struikelgevaar""\nbij de ingang"' in text
    assert "\r\n" in text and text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 8  # the deleted finding is not in the table
    tricky = next(r for r in rows if r["Omschrijving"].startswith("Tegels"))
    assert tricky["Omschrijving"] == TRICKY and tricky["Straat"] == "Koningin Máximalaan"
    formula = next(r for r in rows if "HYPERLINK" in r["Omschrijving"])
    assert formula["Omschrijving"].startswith("'=")  # shown, never evaluated
    assert next(r for r in rows if r["Omschrijving"].startswith("Lamp"))["Omschrijving"] == ESCAPED
    assert not any(c in text for c in "\x00\x1b\x07")
    located = [r for r in rows if r["Breedtegraad"]]
    assert located
    for r in located:  # one rule for the whole file: the Dutch decimal comma
        lat, lon = r["Breedtegraad"], r["Lengtegraad"]
        assert "." not in lat + lon + r["RD x"] + r["RD y"] and len(lat.split(",")[1]) == 6
        assert 50 < float(lat.replace(",", ".")) < 54 and 3 < float(lon.replace(",", ".")) < 8
        assert len(r["RD x"].split(",")[1]) == 2 and 0 < float(r["RD x"].replace(",", ".")) < 300000
    assert {r["Niveau"] for r in rows} <= {"A+", "A", "B", "C", "D", "n.v.t.", ""}


def test_geojson_follows_rfc_7946(package):
    collection = json.loads(package["bevindingen.geojson"])
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    assert len(collection["features"]) == 8
    assert not any(c in package["bevindingen.geojson"] for c in b"\x00\x1b\x07\r")  # escaped, as JSON does
    assert any(f["properties"]["omschrijving"] == CONTROL for f in collection["features"])
    doc = PackageDocument.model_validate_json(package["schouw.json"])
    findings = {f.id: f for f in doc.findings}
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and "crs" not in feature
        props = feature["properties"]
        for key in ("niveau", "element", "aspect", "straat", "status", "rd_x", "rd_y"):
            assert key in props
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert lon < lat  # in the Netherlands [lon, lat] is [~4, ~52]
        finding = findings[feature["id"]]
        if finding.lat is not None:
            assert props["locatie"] == "gps"
            assert abs(lon - finding.lon) < 1e-6 and abs(lat - finding.lat) < 1e-6
        else:
            assert props["locatie"] == "straat"  # a point on the street's line
        assert 0 < props["rd_x"] < 300_000 and 300_000 < props["rd_y"] < 625_000


def test_xlsx_has_findings_and_actions(package):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(package["bevindingen.xlsx"]), read_only=True)
    assert wb.sheetnames == ["Bevindingen", "Actiepunten"]
    rows = list(wb["Bevindingen"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Id", "Wijk", "Buurt", "Straat") and len(rows) == 9
    lat_col = rows[0].index("Breedtegraad")
    assert any(isinstance(r[lat_col], float) for r in rows[1:])
    actions = list(wb["Actiepunten"].iter_rows(values_only=True))
    assert actions[0][0] == "Id" and len(actions) > 1


def test_xlsx_has_real_dates_fitted_widths_and_text_that_is_never_a_formula(package):
    """Issue #16.17 and .22: dates are dates, widths follow the content, a formula-like
    text is a text cell showing exactly what was typed, control characters escaped."""
    from datetime import date, datetime

    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(package["bevindingen.xlsx"]))
    ws = wb["Bevindingen"]
    header = [c.value for c in ws[1]]
    col = {name: n for n, name in enumerate(header)}
    body = list(ws.iter_rows(min_row=2))
    formula = next(r[col["Omschrijving"]] for r in body if "HYPERLINK" in str(r[col["Omschrijving"]].value))
    assert formula.value == '=HYPERLINK("http://x")' and formula.data_type == "s"  # no apostrophe, no formula
    assert not any(c.data_type == "f" for r in body for c in r)
    assert not any(isinstance(c.value, str) and c.value.startswith("'") and "Gravendijkwal" not in c.value
                   for r in body for c in r)
    assert any(r[col["Omschrijving"]].value == ESCAPED for r in body)
    changed = [r[col["Laatst gewijzigd"]] for r in body]
    assert all(isinstance(c.value, datetime) and "YYYY" in c.number_format for c in changed)
    due = [r[col["Streefdatum"]].value for r in body if r[col["Streefdatum"]].value is not None]
    assert due and all(isinstance(d, datetime | date) and d.year == 2026 and d.month == 11 for d in due)
    widths = {name: ws.column_dimensions[openpyxl.utils.get_column_letter(n + 1)].width for name, n in col.items()}
    assert widths["Omschrijving"] > widths["Niveau"] and widths["Id"] >= 36
    assert max(widths.values()) <= 60
    actions = wb["Actiepunten"]
    due_col = [c.value for c in actions[1]].index("Streefdatum")
    assert any(isinstance(r[due_col].value, datetime | date) for r in actions.iter_rows(min_row=2))


def test_published_schema_is_generated_from_the_models(package):
    assert package["schouw.schema.json"].decode("utf-8") == schema_text()
    published = ROOT / "docs" / "schouw-package.schema.json"
    assert published.read_text(encoding="utf-8") == schema_text(), "run: python -m schouw.exchange.document"
    schema = json.loads(schema_text())
    assert schema["properties"]["schema_version"]
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(package["schouw.json"]), schema)


def test_photo_names_are_readable_and_unique(package):
    photos = [n for n in package if n.startswith("fotos/")]
    assert len(photos) == len(set(n.lower() for n in photos))
    assert any(n.startswith("fotos/Koningin-Maximalaan-8a_") for n in photos)
    assert any(n.startswith("fotos/s-Gravendijkwal-") for n in photos)
    for name in photos:
        assert name.endswith(".jpg") and all(c.isascii() for c in name) and " " not in name
    namer = PhotoNamer()
    first = namer.name("Merelstraat", "12a", "groen", "onkruid")
    assert first == "fotos/Merelstraat-12a_groen-onkruid_1.jpg"
    assert namer.name("MERELSTRAAT", "12A", "groen", "onkruid") == "fotos/MERELSTRAAT-12A_groen-onkruid_2.jpg"
    assert namer.name("Pimpelmeesplein", "", "bomen", "dood-hout") == "fotos/Pimpelmeesplein_bomen-dood-hout_1.jpg"
    assert slug("Burgemeester Jhr. van Karnebeeklaan") == "Burgemeester-Jhr-van-Karnebeeklaan"
    assert slug("../../etc/passwd") == "etc-passwd"
