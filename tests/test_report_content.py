"""What the report does with the content it is given: one date format, nothing
outside the page margins, a sociale-veiligheid round without norm figures, and text
of any length (a pasted 5,000-character remark or street name) that never stops the
report. The demo project is the realistic case; small projects make the extreme ones.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from schouw.domain.levels import Level
from schouw.domain.models import Action, Buurt, Finding, Participant, Street, Wijk
from schouw.report.pdf import MARGIN_X, PAGE_W
from schouw.services.reports import build_report
from schouw.services.rounds import create_round

TODAY = date(2026, 12, 4)
MONTHS_NL = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"


def text_of(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def demo_reports(tmp_path_factory, demo_master) -> dict:
    """The demo's jaarschouw (CROW, with an earlier round) in Dutch and English, its
    action list, and the sociale-veiligheid round, made once for this module."""
    from schouw.store import open_project

    folder = tmp_path_factory.mktemp("demo-reports")
    path = folder / "demo.schouw"
    shutil.copyfile(demo_master, path)
    out: dict = {"folder": folder}
    with open_project(path) as project:
        rounds = {row["title"]: row["id"] for row in project.rounds.list()}
        crow, sv = rounds["Jaarschouw Vogelbuurt"], rounds["Veilige Buurten-schouw Havenkwartier"]
        out["nl"] = build_report(project, crow, folder / "nl.pdf", today=TODAY).path
        out["en"] = build_report(project, crow, folder / "en.pdf", lang="en", today=TODAY).path
        out["actions"] = build_report(project, crow, folder / "acties.pdf", kind="actions", today=TODAY).path
        out["sv"] = build_report(project, sv, folder / "sv.pdf", today=TODAY).path
    return out


# -- dates ------------------------------------------------------------------------------

#: Any way of writing a date that is not "4 december 2026" or "04-12-2026".
OTHER_DATES = [
    r"\b\d{4}-\d{1,2}-\d{1,2}\b",  # ISO
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",  # 4/12/2026
    r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b",  # 4.12.2026
    r"(?<![\d-])\d-\d{1,2}-\d{4}\b",  # 4-12-2026 (day not padded)
    r"(?<![\d-])\d{1,2}-\d-\d{4}\b",  # 14-1-2026 (month not padded)
    r"(?<![\d-])\d{1,2}-\d{1,2}-\d{2}\b(?!\d)",  # 04-12-26
    r"\b\d{1,2} (?:jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? \d{4}",
]


@pytest.mark.parametrize("which", ["nl", "en", "actions", "sv"])
def test_every_date_in_a_report_has_one_of_two_formats(demo_reports, which):
    text = " ".join(text_of(demo_reports[which]))
    for pattern in OTHER_DATES:
        assert not re.findall(pattern, text), (pattern, re.findall(pattern, text)[:5])
    months = MONTHS_EN if which == "en" else MONTHS_NL
    assert re.search(rf"\b\d{{1,2}} (?:{months}) 20\d\d\b", text)  # in running text
    other = MONTHS_NL if which == "en" else MONTHS_EN
    assert not re.search(rf"\b\d{{1,2}} (?:{other}) 20\d\d\b", text)
    if which in ("nl", "en", "actions"):
        assert re.search(r"\b\d\d-\d\d-20\d\d\b", text)  # in tables: the due dates


def test_table_dates_are_padded_in_both_languages():
    from schouw.report.i18n import Texts, format_date

    assert format_date(date(2027, 1, 4), "nl", table=True) == "04-01-2027"
    assert Texts("en").short_date("2027-01-04T10:00:00") == "04-01-2027"
    assert Texts("nl").date(date(2026, 12, 4)) == "4 december 2026"
    assert Texts("en").date("2026-12-04") == "4 December 2026"


# -- nothing beyond the margins -----------------------------------------------------------

def words_outside_margins(pdf: Path) -> list[tuple[int, str, float, float]]:
    """Words (page, text, left, right) that pdftotext finds outside the page margins."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=120).stdout
    out = []
    for page_no, page in enumerate(html.split("<page ")[1:], start=1):
        for x0, x1, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                                       page):
            left, right = float(x0), float(x1)
            if left < MARGIN_X - 1 or right > PAGE_W - MARGIN_X + 1:
                out.append((page_no, word, left, right))
    return out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("which", ["nl", "en", "sv"])
def test_no_text_beyond_the_page_margins(demo_reports, which):
    """'nog niet geschouwd' in the street table once ran past the table and the margin."""
    assert words_outside_margins(demo_reports[which]) == []
    assert "nog niet" in " ".join(text_of(demo_reports["nl"]))


def _project_with_streets(path: Path, names: list[str], done: int, **finding_texts) -> str:
    """A small project: one buurt with ``names``, the first ``done`` walked, one finding
    with an action on the first street; ``finding_texts`` override its fields."""
    from schouw.store import create_project

    with create_project(path, name="Lang", municipality="Gemeente Teststad") as p:
        wijk = p.areas.add_wijk(Wijk(name="Oost"))
        buurt = p.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Vogelbuurt"))
        p.areas.add_streets([Street(buurt_id=buurt.id, name=n, position=i) for i, n in enumerate(names)])
        streets = p.areas.streets(buurt.id)
        rnd = create_round(p, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when="2026-11-19",
                           title=finding_texts.pop("title", "Jaarschouw"))
        p.rounds.add_participant(Participant(round_id=rnd.id, name=finding_texts.pop("participant", "Henk de Vries"),
                                             organisation="Bewonerscommissie", role="bewoner"))
        party = finding_texts.pop("party", "Gemeente")
        f = Finding(round_id=rnd.id, street_id=streets[0].id, element="asfalt", aspect="onkruid", level=Level.D,
                    **{"description": "Onkruid langs de goot.", **finding_texts})
        p.findings.add(f, Action(finding_id=f.id, party=party, due_date=date(2026, 12, 1)), [])
        for street in streets[:done]:
            p.rounds.set_street_done(rnd.id, street.id, True)
        return rnd.id


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_a_long_list_of_streets_not_walked_flows_over_pages(tmp_path):
    from schouw.store import open_project

    names = [f"Professor Doctor Van der Valk-Bouwmanstraat {n}" for n in range(1, 121)]
    round_id = _project_with_streets(tmp_path / "p.schouw", names, done=10)
    with open_project(tmp_path / "p.schouw") as project:
        for lang in ("nl", "en"):
            pdf = build_report(project, round_id, tmp_path / f"{lang}.pdf", lang=lang, today=TODAY).path
            pages = text_of(pdf)
            summary = [p for p in pages if ("nog niet geschouwd" if lang == "nl" else "not inspected yet") in p]
            assert len(summary) >= 2  # the table goes on over pages ...
            header = "Straat Gebiedstype" if lang == "nl" else "Street Area type"
            assert all(header in p for p in summary[:2])  # ... repeating its header
            joined = " ".join(pages)
            assert all(name in joined for name in names)
            assert words_outside_margins(pdf) == []


# -- a sociale-veiligheid round -------------------------------------------------------------

def test_a_round_without_norms_shows_no_norm_figures(demo_reports):
    """The SV round has observations, no levels: no share, no 'norm', no red zeros;
    what applies is counted per item and per street."""
    pages = text_of(demo_reports["sv"])
    text = " ".join(pages)
    assert "norm" not in text.lower()
    assert "%" not in text
    assert "Waarnemingen zonder niveau" in text and "Straten" in text
    assert re.search(r"(?:in orde|aandachtspunt|ernstig) \d+", text)  # answers counted per item


# -- text of any length -------------------------------------------------------------------

SPACED = ("Lantaarnpaal brandt niet; het pad is na zonsondergang aardedonker en bewoners lopen om. " * 60)[:5000]
UNSPACED = ("https://voorbeeldstad.nl/melding/" + "x" * 5000)[:5000]


@pytest.mark.parametrize("text", [SPACED, UNSPACED], ids=["words", "one-word"])
@pytest.mark.parametrize("field", ["description", "street", "party", "participant", "title", "spot"])
def test_five_thousand_characters_anywhere_still_make_a_report(tmp_path, field, text):
    """Once a finding text of ~3,600 characters (or a 5,000-character street name)
    stopped the report with a LayoutError and no PDF."""
    from schouw.store import open_project

    names = [text if field == "street" else "Merelstraat", "Lijsterstraat"]
    extra = {} if field == "street" else {field: text}
    round_id = _project_with_streets(tmp_path / "p.schouw", names, done=2, **extra)
    with open_project(tmp_path / "p.schouw") as project:
        full = build_report(project, round_id, tmp_path / "full.pdf", today=TODAY)
        actions = build_report(project, round_id, tmp_path / "actions.pdf", kind="actions", today=TODAY)
    for result in (full, actions):
        assert result.pages >= 1 and result.path.stat().st_size > 1000
    joined = "".join(text_of(full.path)).replace(" ", "")
    if field == "description":
        # a finding's own text is never cut: all of it is in the findings section (over
        # pages, with running heads between, so count its pieces)
        token = "Lantaarnpaal" if text is SPACED else "x"
        assert joined.count(token) >= text.count(token)
    else:
        # names are cut with an ellipsis in headings and cells, but shown
        assert text[:60].replace(" ", "") in joined
    if shutil.which("pdftotext"):
        assert words_outside_margins(full.path) == []


# -- the logo and the output path (the CLI and the app share the service's checks) ----------

def _logo_files(folder: Path) -> dict[str, Path]:
    from PIL import Image

    good = folder / "logo.png"
    Image.new("RGB", (400, 120), (20, 60, 120)).save(good)
    data = good.read_bytes()
    files = {"missing": folder / "geen-logo.png", "text": folder / "logo-tekst.png",
             "broken": folder / "logo-kapot.png", "folder": folder / "logo-map"}
    files["text"].write_text("dit is geen afbeelding\n")
    files["broken"].write_bytes(data[: len(data) // 2])  # a download cut off halfway
    files["folder"].mkdir()
    return {"good": good, **files}


def test_a_bad_logo_is_a_clear_error_in_the_cli(tmp_path):
    from conftest import run_cli

    round_id = _project_with_streets(tmp_path / "p.schouw", ["Merelstraat"], done=1)
    logos = _logo_files(tmp_path)
    out = tmp_path / "rapport.pdf"
    for name in ("missing", "text", "broken", "folder"):
        result = run_cli("--db", str(tmp_path / "p.schouw"), "report", round_id, "--out", str(out),
                         "--logo", str(logos[name]))
        assert result.returncode == 2, (name, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and logos[name].name in lines[0] and "Traceback" not in result.stderr, name
        assert not out.exists(), name
    result = run_cli("--db", str(tmp_path / "p.schouw"), "report", round_id, "--out", str(out),
                     "--logo", str(logos["good"]))
    assert result.returncode == 0, result.stderr
    images = [o for o in PdfReader(out).pages[0]["/Resources"].get("/XObject", {}).values()
              if o.get_object().get("/Subtype") == "/Image"]
    assert len(images) == 1


def test_a_broken_logo_in_the_project_settings_is_left_out_with_a_warning(tmp_path, caplog):
    """A configured logo (not given this time) does not stop the report; the log says why."""
    from schouw.store import open_project

    round_id = _project_with_streets(tmp_path / "p.schouw", ["Merelstraat"], done=1)
    logos = _logo_files(tmp_path)
    with open_project(tmp_path / "p.schouw") as project:
        project.set_meta("logo_path", logos["broken"].name)
        result = build_report(project, round_id, tmp_path / "r.pdf", today=TODAY)
    assert result.pages >= 1
    assert "logo-kapot.png" in caplog.text
    assert len(result.warnings) == 1
    assert "zonder logo" in result.warnings[0] and "logo-kapot.png" in result.warnings[0]


def test_out_may_not_be_a_folder_and_gets_pdf_added(tmp_path):
    from conftest import run_cli

    round_id = _project_with_streets(tmp_path / "p.schouw", ["Merelstraat"], done=1)
    folder = tmp_path / "rapporten"
    folder.mkdir()
    result = run_cli("--db", str(tmp_path / "p.schouw"), "report", round_id, "--out", str(folder))
    assert result.returncode == 2
    assert "is een map" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "rapporten.pdf").exists() and list(folder.iterdir()) == []
    result = run_cli("--db", str(tmp_path / "p.schouw"), "--lang", "en", "report", round_id, "--out", str(folder))
    assert result.returncode == 2 and "is a folder" in result.stderr
    # no suffix (or another one): ".pdf" is added, so a PDF viewer opens it
    result = run_cli("--db", str(tmp_path / "p.schouw"), "report", round_id, "--out", str(folder / "vogelbuurt"))
    assert result.returncode == 0, result.stderr
    assert (folder / "vogelbuurt.pdf").is_file()


def test_a_report_finding_is_judged_by_the_domains_rule_and_nvt_does_not_count() -> None:
    """The report's "meets" is norms.Judgement's: a finding marked n.v.t. that still holds
    a level (the walker set one, then ticked n.v.t.) is left out, not judged."""
    from schouw.domain.levels import Level
    from schouw.report.model import FindingEntry

    def entry(level, nvt=False, norm=Level.B):
        return FindingEntry(number=1, id="f", street_id="s", street="Merelstraat", element="e",
                            aspect="a", category="schoon", level=level, not_applicable=nvt,
                            norm=norm, area_type="woongebied")

    assert entry(Level.C).meets is False
    assert entry(Level.A).meets is True
    assert entry(Level.C, nvt=True).meets is None
    assert entry(Level.C, norm=None).meets is None
