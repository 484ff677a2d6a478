"""The findings of a package as a table (CSV, Excel) and as a map layer (GeoJSON).

CSV is written for a Dutch Excel, which is what most municipal staff double-click:
UTF-8 with a BOM (or Excel guesses Windows-1252 and mangles ë and ï), ``;`` between
fields (the list separator of the Dutch locale), CRLF between records, and every field
that holds ``;``, a quote or a line break quoted, with quotes doubled (RFC 4180).

One rule for numbers in the whole CSV: a decimal *comma*, as the Dutch Excel this file
is written for expects (``52,384010``, ``155012,34``); whole numbers have no separator
at all. Coordinates keep a fixed number of decimals (six for degrees, two for RD
metres). Other readers are told ``;`` and ``,`` (pandas: ``sep=";", decimal=","``);
whoever wants numbers without any locale uses the .xlsx (real numbers) or the GeoJSON.
Text that starts with ``=``, ``+``, ``-``, ``@``, TAB or CR gets a leading apostrophe
in the CSV (a CSV has no types, so that is the only guard a spreadsheet honours); the
.xlsx stores such text as a text cell instead, which shows exactly what was typed.
Control characters that slipped into older projects are escaped in every output
(``schouw.domain.text.printable``).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from schouw.domain.actions import STATUS_LABELS, ActionStatus
from schouw.domain.forms import Form
from schouw.domain.norms import area_type_of, judge
from schouw.domain.profile import Profile
from schouw.domain.text import printable
from schouw.geo import wgs84_to_rd

COLUMNS: list[tuple[str, str]] = [
    ("id", "Id"), ("wijk", "Wijk"), ("buurt", "Buurt"), ("straat", "Straat"),
    ("huisnummer", "Huisnummer"), ("plek", "Plek"), ("gebiedstype", "Gebiedstype"),
    ("onderdeel", "Onderdeel"), ("element", "Element"), ("aspect", "Aspect"),
    ("soort", "Schoon/heel"), ("niveau", "Niveau"), ("norm", "Norm"), ("voldoet", "Voldoet aan norm"),
    ("keuze", "Keuze"), ("omschrijving", "Omschrijving"), ("prioriteit", "Prioriteit"),
    ("waargenomen", "Waargenomen"), ("dagdeel", "Dagdeel"),
    ("breedtegraad", "Breedtegraad"), ("lengtegraad", "Lengtegraad"), ("rd_x", "RD x"), ("rd_y", "RD y"),
    ("aantal_fotos", "Aantal foto's"), ("fotos", "Fotobestanden"),
    ("actiehouder", "Actiehouder"), ("actiestatus", "Actiestatus"), ("reden", "Reden"),
    ("streefdatum", "Streefdatum"), ("mor_nummer", "MOR-nummer"), ("mor_status", "MOR-status"),
    ("gewijzigd", "Laatst gewijzigd"),
]
ACTION_COLUMNS: list[tuple[str, str]] = [
    ("id", "Id"), ("bevinding", "Bevinding"), ("straat", "Straat"), ("huisnummer", "Huisnummer"),
    ("onderdeel", "Onderdeel"), ("niveau", "Niveau"), ("omschrijving", "Omschrijving"),
    ("actiehouder", "Actiehouder"), ("actiestatus", "Actiestatus"), ("reden", "Reden"),
    ("streefdatum", "Streefdatum"), ("mor_nummer", "MOR-nummer"), ("mor_status", "MOR-status"),
    ("geschiedenis", "Geschiedenis"), ("gewijzigd", "Laatst gewijzigd"),
]
#: The score sheet of a meting (only a meting: a knelpuntenschouw gets no share).
METING_COLUMNS: list[tuple[str, str]] = [
    ("groep", "Groep"), ("onderdeel", "Onderdeel"), ("element", "Element"), ("aspect", "Aspect"),
    ("n", "Aantal oordelen (n)"), ("op_norm", "Op of boven norm"), ("aandeel", "Aandeel op of boven norm"),
    ("laag", "95%-interval van"), ("hoog", "95%-interval tot"), ("conclusie", "Genoeg punten (n ≥ 30)"),
]
TEXT_COLUMNS = {"straat", "huisnummer", "plek", "omschrijving", "keuze", "actiehouder", "reden",
                "mor_nummer", "mor_status", "geschiedenis", "wijk", "buurt"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class FindingRow:
    """One finding with everything the tables need, as typed values."""

    values: dict[str, Any]
    lat: float | None = None
    lon: float | None = None
    rd: tuple[float, float] | None = None
    location_source: str = ""
    photo_files: list[str] = field(default_factory=list)


def level_text(finding: dict) -> str:
    if finding.get("not_applicable"):
        return "n.v.t."
    return finding.get("level") or ""


def _status_label(status: str | None) -> str:
    if not status:
        return ""
    try:
        return STATUS_LABELS[ActionStatus(status)]
    except ValueError:
        return status


def _street_point(geometry: dict | None) -> tuple[float, float] | None:
    """(lat, lon) of a point on the street's line, for findings without GPS."""
    if not geometry:
        return None
    try:
        from shapely.geometry import shape

        geom = shape(geometry)
        if geom.is_empty:
            return None
        if geom.geom_type in ("LineString", "MultiLineString"):
            point = geom.interpolate(0.5, normalized=True)
        else:
            point = geom.representative_point()
        return point.y, point.x
    except Exception:  # noqa: BLE001 - a broken street geometry only costs the fallback
        return None


def build_rows(*, findings: list[dict], streets: dict[str, dict], buurt: dict, wijk: dict, form: Form | None,
               profile: Profile | None, actions: dict[str, dict], photo_files: dict[str, list[str]]) -> list[FindingRow]:
    rows: list[FindingRow] = []
    for f in findings:
        street = streets.get(f["street_id"], {})
        area_type = area_type_of(street.get("area_type"), buurt.get("area_type"))
        element_name, aspect_name, category, has_level = f["element"], f["aspect"], "", False
        if form is not None:
            found = form.find(f["element"], f["aspect"])
            if found:
                element_name, aspect_name, category = found[0].name, found[1].name, found[1].category
                has_level = found[1].has_level
        judged = judge(profile, f["element"], f["aspect"], f.get("level"), bool(f.get("not_applicable")),
                       area_type, has_level=has_level)
        norm = judged.norm
        meets = "" if judged.meets is None else ("ja" if judged.meets else "nee")
        lat, lon, source = f.get("lat"), f.get("lon"), "gps"
        if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
            point = _street_point(street.get("geometry"))
            lat, lon, source = (point[0], point[1], "straat") if point else (None, None, "")
        rd_x = rd_y = None
        if lat is not None and lon is not None:
            try:
                rd_x, rd_y = wgs84_to_rd(lat, lon)
            except ValueError:
                lat = lon = None
                source = ""
        action = actions.get(f["id"]) or {}
        files = photo_files.get(f["id"], [])
        rows.append(FindingRow(
            values={
                "id": f["id"], "wijk": wijk.get("name", ""), "buurt": buurt.get("name", ""),
                "straat": street.get("name", ""), "huisnummer": f.get("house_number", ""), "plek": f.get("spot", ""),
                "gebiedstype": area_type, "onderdeel": f"{f['element']}.{f['aspect']}",
                "element": element_name, "aspect": aspect_name, "soort": category,
                "niveau": level_text(f), "norm": norm.value if norm else "", "voldoet": meets,
                "keuze": f.get("choice") or "", "omschrijving": f.get("description", ""),
                "prioriteit": f.get("priority", ""), "waargenomen": (f.get("observed_at") or "").replace("T", " ")[:16],
                "dagdeel": f.get("time_of_day", ""),
                "breedtegraad": f.get("lat"), "lengtegraad": f.get("lon"),
                "rd_x": rd_x if source == "gps" else None, "rd_y": rd_y if source == "gps" else None,
                "aantal_fotos": len(files), "fotos": ", ".join(files),
                "actiehouder": action.get("party", ""), "actiestatus": _status_label(action.get("status")),
                "reden": action.get("status_reason", ""), "streefdatum": action.get("due_date") or "",
                "mor_nummer": action.get("mor_id") or "", "mor_status": action.get("mor_status_text") or action.get("mor_status") or "",
                "gewijzigd": f.get("updated_at", ""),
            },
            lat=lat, lon=lon, rd=(rd_x, rd_y) if rd_x is not None else None, location_source=source,
            photo_files=files,
        ))
    return rows


def safe_text(value: str) -> str:
    """Text a spreadsheet will show, never evaluate."""
    return "'" + value if value.startswith(FORMULA_START) else value


#: Fixed decimals per numeric column of the CSV (others: as many as the value needs).
DECIMALS = {"breedtegraad": 6, "lengtegraad": 6, "rd_x": 2, "rd_y": 2}


def _csv_value(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.{DECIMALS[key]}f}" if key in DECIMALS else repr(value)
        return text.replace(".", ",")  # one rule for the whole file: the Dutch decimal comma
    if isinstance(value, str):
        value = printable(value)
        return safe_text(value) if key in TEXT_COLUMNS else value
    return str(value)


def csv_bytes(rows: Iterable[FindingRow]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([title for _, title in COLUMNS])
    for row in rows:
        writer.writerow([_csv_value(key, row.values.get(key)) for key, _ in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def action_rows(rows: list[FindingRow], actions: dict[str, dict], history: dict[str, list[dict]]) -> list[dict]:
    out = []
    for row in rows:
        action = actions.get(row.values["id"])
        if not action or action.get("deleted_at"):
            continue
        events = history.get(action["id"], [])
        out.append({
            "id": action["id"], "bevinding": row.values["id"], "straat": row.values["straat"],
            "huisnummer": row.values["huisnummer"], "onderdeel": row.values["onderdeel"],
            "niveau": row.values["niveau"], "omschrijving": row.values["omschrijving"],
            "actiehouder": action.get("party", ""), "actiestatus": _status_label(action.get("status")),
            "reden": action.get("status_reason", ""), "streefdatum": action.get("due_date") or "",
            "mor_nummer": action.get("mor_id") or "", "mor_status": action.get("mor_status_text") or action.get("mor_status") or "",
            "geschiedenis": "\n".join(
                f"{(e.get('at') or '')[:16].replace('T', ' ')} {_status_label(e.get('status'))}"
                + (f": {e['note']}" if e.get("note") else "") for e in events),
            "gewijzigd": action.get("updated_at", ""),
        })
    return out


#: Columns the .xlsx holds as real dates or date-times (the CSV keeps ISO text).
DATE_COLUMNS = {"streefdatum"}
DATETIME_COLUMNS = {"waargenomen", "gewijzigd"}
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
MAX_WIDTH = 60


def _xlsx_value(key: str, value: Any) -> Any:
    """A typed cell value: dates as dates (date-times in local time, Excel has no zones),
    text safe to show; the rest as it is."""
    if not isinstance(value, str):
        return value
    if not value:
        return None
    try:
        if key in DATE_COLUMNS:
            return date.fromisoformat(value[:10])
        if key in DATETIME_COLUMNS:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment
    except ValueError:
        pass
    return printable(value)


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len("00-00-0000 00:00")
    if isinstance(value, date):
        return len("00-00-0000")
    if isinstance(value, float):
        return len(f"{value:.6f}")
    return max((len(line) for line in str(value).split("\n")), default=0)


def meting_rows(score, names: dict[str, tuple[str, str]], profile_name: str) -> list[dict]:
    """The score of a meting (:class:`schouw.domain.measure.MetingScore`) as sheet rows:
    per aspect, then schoon, heel and totaal, each with n and its 95 % Wilson interval."""
    def row(group: str, key: str, element: str, aspect: str, share) -> dict:
        return {"groep": group, "onderdeel": key, "element": element, "aspect": aspect, "n": share.n,
                "op_norm": share.at_or_above, "aandeel": share.share, "laag": share.low if share.n else None,
                "hoog": share.high if share.n else None, "conclusie": "ja" if share.conclusive else "nee"}

    out = [row(a.category, f"{a.element}.{a.aspect}", *names.get(f"{a.element}.{a.aspect}", (a.element, a.aspect)),
               a.share) for a in score.aspects]
    out += [row(group, "", "", "", score.groups[group]) for group in ("schoon", "heel")]
    out.append(row("totaal", "", f"{score.points_done} van {score.points_total} schouwpunten",
                   f"profiel: {profile_name}", score.overall))
    return out


def xlsx_bytes(rows: list[FindingRow], actions: list[dict], meting: list[dict] | None = None) -> bytes:
    """Two sheets (Bevindingen, Actiepunten) with real numbers and dates, columns as
    wide as their content (up to a limit), written streaming. Text is always a text
    cell: openpyxl would store a value starting with ``=`` as a formula, so such cells
    get the string type explicitly and show exactly what was typed, no apostrophe."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    bold = Font(bold=True)

    def sheet(title: str, columns: list[tuple[str, str]], records: Iterable[dict]) -> None:
        ws = wb.create_sheet(title)
        ws.freeze_panes = "A2"
        table = [[_xlsx_value(key, record.get(key)) for key, _ in columns] for record in records]
        for n, (_, name) in enumerate(columns):
            widest = max([len(name) + 3] + [_width(line[n]) for line in table])  # +3: the filter button
            ws.column_dimensions[_column_letter(n + 1)].width = min(widest + 1, MAX_WIDTH)
        header = []
        for _, name in columns:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for line in table:
            cells = []
            for value in line:
                cell = WriteOnlyCell(ws, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula
                elif isinstance(value, datetime):
                    cell.number_format = DATETIME_FORMAT
                elif isinstance(value, date):
                    cell.number_format = DATE_FORMAT
                cells.append(cell)
            ws.append(cells)
        ws.auto_filter.ref = f"A1:{_column_letter(len(columns))}1"

    sheet("Bevindingen", COLUMNS, (r.values for r in rows))
    sheet("Actiepunten", ACTION_COLUMNS, actions)
    if meting is not None:
        sheet("Meting", METING_COLUMNS, meting)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _column_letter(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


GEO_PROPERTIES = ("id", "niveau", "element", "aspect", "onderdeel", "soort", "straat", "huisnummer", "plek",
                  "norm", "voldoet", "keuze", "omschrijving", "prioriteit", "waargenomen")


def geojson_bytes(rows: Iterable[FindingRow]) -> bytes:
    """RFC 7946: a FeatureCollection in WGS84 with [longitude, latitude] positions and
    no ``crs`` member. Findings without any position keep a null geometry."""
    features = []
    for row in rows:
        props = {key: row.values.get(key) for key in GEO_PROPERTIES}
        props["status"] = row.values.get("actiestatus", "")
        props["actiehouder"] = row.values.get("actiehouder", "")
        props["fotos"] = row.photo_files
        props["locatie"] = row.location_source
        geometry = None
        if row.lat is not None and row.lon is not None:
            geometry = {"type": "Point", "coordinates": [round(row.lon, 7), round(row.lat, 7)]}
            rd_x, rd_y = row.rd or wgs84_to_rd(row.lat, row.lon)
            props["rd_x"], props["rd_y"] = round(rd_x, 2), round(rd_y, 2)
        else:
            props["rd_x"] = props["rd_y"] = None
        features.append({"type": "Feature", "id": row.values["id"], "geometry": geometry, "properties": props})
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
