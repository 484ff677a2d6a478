"""The terugkoppeling for residents (#15, point 2): which points it tells about, in what
words, with which dates, and what it never shows (participants, parties, MOR numbers,
unticked remarks, unmasked photos), as PDF and CSV, from the service and the CLI; the
publishable tick (migration, use case, package)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from datetime import date, timedelta

import pytest
from conftest import run_cli
from PIL import Image, ImageDraw, ImageStat
from pypdf import PdfReader
from test_report import CORPORATION, make_project

from schouw.domain.actions import ActionStatus
from schouw.domain.levels import Level
from schouw.domain.models import Action, Buurt, Finding, Street, Wijk
from schouw.photos.masks import FILL, Mask
from schouw.report.feedback_report import STATUS_PHRASES
from schouw.report.i18n import format_date
from schouw.services import photos as photo_service
from schouw.services.feedback import set_publishable, status_since
from schouw.services.findings import add_photos
from schouw.services.reports import build_report
from schouw.services.rounds import create_round
from schouw.store import create_project, open_project
from schouw.store.project import CURRENT_VERSION

NAMES = ("Fatma Yıldız", "Ariëns", "Henk de Vries")
TODAY = date(2026, 11, 22)


@pytest.fixture
def fixture(tmp_path):
    """The report test project, plus a finding below its norm without an action and a
    remark with a name in it."""
    path = tmp_path / "fb.schouw"
    ids = make_project(path)
    with open_project(path) as p:
        rnd = p.rounds.get(ids["round"])
        street = next(s for s in p.areas.streets(rnd.buurt_id) if s.name == "Narcislaan")
        noted = p.findings.add(Finding(round_id=rnd.id, street_id=street.id, element="asfalt", aspect="zwerfafval",
                                       level=Level.D, house_number="7", description="Gezien door mevrouw Bakker"))
        ids["noted"] = noted.id
        ids["tiles"] = next(f.id for f in p.findings.models(rnd.id) if f.description.startswith("Gebroken tegels"))
    return path, ids


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_tells_each_point_in_plain_words_and_shows_nothing_private(fixture, tmp_path):
    path, ids = fixture
    with open_project(path) as p:
        result = build_report(p, ids["round"], tmp_path / "terug", kind="terugkoppeling", today=TODAY)
    assert result.path.name == "terug.pdf" and result.kind == "terugkoppeling" and result.pages >= 1
    text = flat(pdf_text(result.path))
    assert "Wat is er gedaan in Bloemenbuurt?" in text
    assert "Op 19 november 2026 liep een schouwteam door Bloemenbuurt." in text
    assert "We zagen 6 punten die beter moeten. Er is nog geen punt opgelost." in text
    # every action and the point below its norm without one; the point at its norm is not there
    assert result.findings == 6
    assert "Genoteerd, geen actie nodig" in text  # below the norm, no action
    assert "Niet gedaan" in text and "Waarom niet Valt buiten het budget" in text
    assert "Er wordt aan gewerkt" in text and "Nog niet opgepakt" in text
    assert "Irisstraat" in text and "Narcislaan" in text and "nr. 7" in text
    assert "nr. 12a" not in text  # Tulpstraat 12a meets its norm and has no action
    # never: participants, parties, MOR numbers, remarks nobody ticked, photo captions
    for secret in (*NAMES, CORPORATION, "Politie", "SIG-2026-00123", "mevrouw Bakker", "Gebroken tegels",
                   "Blikjes en zakken", "Losliggende tegels", "Welzijn Teststad"):
        assert secret not in text, secret
    meta = PdfReader(result.path).metadata
    assert meta.title == "Terugkoppeling voor bewoners — Bloemenbuurt"
    assert "pagina 1 van" in text


def test_a_ticked_remark_is_shown_and_the_tick_is_an_undoable_edit(fixture, tmp_path):
    path, ids = fixture
    with open_project(path) as p:
        full, before = set_publishable(p, ids["tiles"][:8])
        assert (full, before) == (ids["tiles"], False)
        assert p.findings.get(ids["tiles"]).publishable is True
        text = flat(pdf_text(build_report(p, ids["round"], tmp_path / "a.pdf", kind="terugkoppeling").path))
        assert "Opmerking Gebroken tegels, struikelgevaar." in text
        assert "mevrouw Bakker" not in text  # the other remark stays out
        set_publishable(p, ids["tiles"], False)
        text = pdf_text(build_report(p, ids["round"], tmp_path / "b.pdf", kind="terugkoppeling").path)
        assert "Gebroken tegels" not in text


def test_status_and_its_date_come_from_the_action_history(fixture, tmp_path):
    path, ids = fixture
    with open_project(path) as p:
        action = p.actions.for_finding(ids["tiles"])
        p.actions.set_status(action.id, ActionStatus.DONE)
        action = p.actions.for_finding(ids["tiles"])
        events = p.actions.history(action.id)
        assert status_since(p, action) == date.fromisoformat(events[-1].at[:10])
        result = build_report(p, ids["round"], tmp_path / "done.pdf", kind="terugkoppeling", lang="en")
        when = status_since(p, action)
    text = flat(pdf_text(result.path))
    assert f"Fixed (on {when.day} " in text and "What happened" in text and "What we saw" in text
    assert "We saw 6 points that need to be better. 1 of them has been fixed." in text
    assert "Noted, no action needed" in text


def test_a_status_entered_with_a_day_of_its_own_shows_that_day(fixture, tmp_path):
    """The coordinator records on 4 december that the corporation fixed it on 1 november:
    the residents read 1 november (the history's ``on_date``), not the day it was typed."""
    from schouw.services.actions import list_actions, set_status

    path, ids = fixture
    with open_project(path) as p:
        rnd = p.rounds.get(ids["round"])
        row = next(r for r in list_actions(p, round_id=rnd.id)  # open, and not the municipality's
                   if not r.mor_owned and not r.status.is_closed)
        fixed_on = rnd.date + timedelta(days=10)
        set_status(p, row.finding_id, ActionStatus.DONE, note="Opgeruimd", on_date=fixed_on)
        action = p.actions.for_finding(row.finding_id)
        assert status_since(p, action) == fixed_on
        result = build_report(p, ids["round"], tmp_path / "dag.pdf", kind="terugkoppeling")
    text = flat(pdf_text(result.path))
    assert format_date(fixed_on, "nl") in text


def test_every_status_has_a_plain_phrase_in_both_languages():
    for status in ActionStatus:
        assert {"nl", "en"} <= set(STATUS_PHRASES[status.value]), status
    assert len({p["nl"] for p in STATUS_PHRASES.values()}) == len(STATUS_PHRASES)


def test_csv_for_a_newsletter(fixture, tmp_path):
    path, ids = fixture
    with open_project(path) as p:
        p.findings.update(ids["noted"], spot="=HYPERLINK(\"x\")\x1b[2J")
        set_publishable(p, ids["tiles"])
        nl = build_report(p, ids["round"], tmp_path / "punten", kind="terugkoppeling", fmt="csv")
        en = build_report(p, ids["round"], tmp_path / "points.csv", kind="terugkoppeling", fmt="csv", lang="en")
    raw = nl.path.read_bytes()
    assert nl.path.suffix == ".csv" and raw.startswith(b"\xef\xbb\xbf") and nl.pages == 0
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["nr", "straat", "huisnummer", "plek", "wat we zagen", "wat er is gebeurd", "datum",
                       "waarom niet", "opmerking"]
    assert len(rows) == 1 + nl.findings == 7
    by_status = {r[5]: r for r in rows[1:]}
    assert by_status["Niet gedaan"][7] == "Valt buiten het budget"
    noted = by_status["Genoteerd, geen actie nodig"]
    assert noted[6] == "19-11-2026" and noted[2] == "7"
    assert noted[3] == "'=HYPERLINK(\"x\")\\x1b[2J"  # no formula, no escape code
    assert noted[8] == ""  # not ticked
    assert any(r[8] == "Gebroken tegels, struikelgevaar." for r in rows[1:])
    text = raw.decode("utf-8-sig")
    for secret in (*NAMES, CORPORATION, "SIG-2026-00123", "mevrouw Bakker", "Blikjes"):
        assert secret not in text, secret
    en_rows = list(csv.reader(io.StringIO(en.path.read_text("utf-8-sig")), delimiter=";"))
    assert en_rows[0][:3] == ["no", "street", "house number"] and len(en_rows) == 7
    assert all(r[6].count("-") == 2 for r in en_rows[1:])  # dd-mm-jjjj


def detailed_jpeg(path):
    """A photo with detail everywhere, so a flat grey patch can only be a mask."""
    im = Image.new("RGB", (800, 600), (200, 220, 240))
    draw = ImageDraw.Draw(im)
    for x in range(0, 800, 16):
        draw.line((x, 0, 800 - x, 600), fill=(x % 255, 40, 255 - x % 255), width=5)
    im.save(path, quality=92)
    return path


MASK = Mask(0.30, 0.30, 0.40, 0.40)


def test_photos_in_the_feedback_are_the_masked_export_copies(tmp_path):
    path = tmp_path / "m.schouw"
    with create_project(path, name="M", municipality="Gemeente M") as p:
        wijk = p.areas.add_wijk(Wijk(name="W"))
        buurt = p.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
        p.areas.add_streets([Street(buurt_id=buurt.id, name="Kerkstraat")])
        street = p.areas.streets(buurt.id)[0]
        rnd = create_round(p, buurt="B", form_id="crow-beeldkwaliteit", when="2026-05-01")
        f = p.findings.add(Finding(round_id=rnd.id, street_id=street.id, element="asfalt", aspect="zwerfafval",
                                   level=Level.D), Action(finding_id="", party="Gemeente"))
        photo = add_photos(p, f.id, [detailed_jpeg(tmp_path / "foto.jpg")]).added[0]
        photo_service.set_masks(p, photo.id, [MASK])
        without = build_report(p, rnd.id, tmp_path / "zonder.pdf", kind="terugkoppeling")
        result = build_report(p, rnd.id, tmp_path / "met.pdf", kind="terugkoppeling", photos=True)
    assert without.photos == 0 and not [i for pg in PdfReader(without.path).pages for i in pg.images]
    assert result.photos == 1
    (image,) = [img for page in PdfReader(result.path).pages for img in page.images]
    im = image.image.convert("RGB")
    w, h = im.size
    core = im.crop((int(0.4 * w), int(0.4 * h), int(0.6 * w), int(0.6 * h)))
    stat = ImageStat.Stat(core)
    assert max(stat.stddev) < 4 and all(abs(m - f) < 8 for m, f in zip(stat.mean, FILL, strict=True)), stat.mean
    outside = ImageStat.Stat(im.crop((0, 0, int(0.25 * w), int(0.25 * h))))
    assert max(outside.stddev) > 20  # the rest of the photo is there


def test_publishable_travels_in_packages_and_old_files_start_unticked(fixture, tmp_path):
    from schouw.services.exchange import export_package

    path, ids = fixture
    with open_project(path) as p:
        set_publishable(p, ids["tiles"])
        result = export_package(p, ids["round"], tmp_path / "ronde.zip")
    with zipfile.ZipFile(result.path) as z:
        doc = json.loads(z.read("schouw.json"))
    flags = {f["id"]: f["publishable"] for f in doc["findings"]}
    assert flags[ids["tiles"]] is True and flags[ids["noted"]] is False

    old = tmp_path / "v5.schouw"
    with create_project(old, target_version=5) as p:
        wijk = p.areas.add_wijk(Wijk(name="W"))
        p.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
    with sqlite3.connect(old) as conn:
        assert "publishable" not in {r[1] for r in conn.execute("PRAGMA table_info(findings)")}
    with open_project(old) as p:
        assert p.schema_version == CURRENT_VERSION
    with sqlite3.connect(old) as conn:
        assert ("publishable", "0") in {(r[1], str(r[4])) for r in conn.execute("PRAGMA table_info(findings)")}


def test_cli_publish_and_report(fixture, tmp_path):
    path, ids = fixture
    db = ["--db", str(path)]
    out = run_cli("feedback", "publish", ids["tiles"][:8], *db, check=True)
    assert out.stdout.strip() == f"De opmerking van bevinding {ids['tiles'][:8]} mag naar bewoners (terugkoppeling)."
    made = run_cli("report", ids["round"], "--kind", "terugkoppeling", "--out", str(tmp_path / "t"), *db,
                   "--lang", "en", "--json", check=True)
    info = json.loads(made.stdout)
    assert info["kind"] == "terugkoppeling" and info["format"] == "pdf" and info["findings"] == 6
    assert "Gebroken tegels" in pdf_text(tmp_path / "t.pdf")
    run_cli("feedback", "publish", ids["tiles"], "--no", *db, check=True)
    made = run_cli("report", ids["round"], "--kind", "terugkoppeling", "--format", "csv", "--out",
                   str(tmp_path / "t.csv"), *db, check=True)
    assert made.stdout.strip() == f"Terugkoppeling gemaakt: {tmp_path / 't.csv'} (6 punten)."
    assert "Gebroken tegels" not in (tmp_path / "t.csv").read_text("utf-8-sig")
    refused = run_cli("report", ids["round"], "--format", "csv", "--out", str(tmp_path / "r.csv"), *db)
    assert refused.returncode == 2 and not (tmp_path / "r.csv").exists()
    assert refused.stderr.strip().splitlines()[-1].startswith("Alleen de terugkoppeling")
    # --party does not turn the feedback into an action list
    made = run_cli("report", ids["round"], "--kind", "terugkoppeling", "--party", "Gemeente", "--out",
                   str(tmp_path / "p.pdf"), *db, "--json", check=True)
    assert json.loads(made.stdout)["kind"] == "terugkoppeling"
    unknown = run_cli("feedback", "publish", "zzzzzzzz", *db, "--lang", "en")
    assert unknown.returncode == 2 and len(unknown.stderr.strip().splitlines()) == 1


def test_a_round_with_nothing_to_tell_says_so(fixture, tmp_path):
    path, ids = fixture
    with open_project(path) as p:
        result = build_report(p, ids["bare"], tmp_path / "leeg.pdf", kind="terugkoppeling", photos=True)
        csv_result = build_report(p, ids["bare"], tmp_path / "leeg.csv", kind="terugkoppeling", fmt="csv")
    assert result.findings == 0 and result.pages == 1
    assert "Het team zag geen punten die beter moeten." in flat(pdf_text(result.path))
    assert len(csv_result.path.read_text("utf-8-sig").splitlines()) == 1  # the header only
