"""The PDF reports, read back with pypdf and rendered with pdftoppm.

The fixture project is built for the edge cases the issue names: a very long street
name and description, streets with no findings (done and not done), one finding with
40 photos (landscape and portrait), a round without any photo, choice items, n.v.t.,
a deleted finding, actions of several parties with MOR ids, and an earlier round for
the trend.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from schouw.domain.actions import ActionStatus
from schouw.domain.levels import Level
from schouw.domain.models import Action, Buurt, Finding, Participant, Photo, Street, Wijk
from schouw.services.reports import TOTAL, build_report, parties
from schouw.services.rounds import create_round

LONG_STREET = ("Burgemeester Jhr. mr. dr. Van Karnebeek-Oudshoorn van Rijckevorsel en "
               "Van der Hoeven-Sluyterslaan")
LONG_TEXT = ("Bij de ingang van het speelveld liggen de tegels los en steken ze tot drie centimeter uit; "
             "ouders met kinderwagens en bewoners met een rollator moeten de rijbaan op. ") * 18 + (
    "Zie-ook-" * 30)
CORPORATION = "Woonstichting De Veste"
TODAY = date(2026, 11, 22)


def jpeg(seed: int, size: tuple[int, int] = (640, 480)) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, (90 + seed * 7 % 120, 120, 160 + seed * 13 % 90))
    draw = ImageDraw.Draw(img)
    for k in range(6):
        x = (seed * 37 + k * 91) % size[0]
        y = (seed * 53 + k * 67) % size[1]
        draw.rectangle([x, y, x + 80, y + 50], fill=((seed * 29 + k * 40) % 255, 200 - k * 20, 60 + k * 30))
    draw.text((10, 10), f"foto {seed}", fill=(255, 255, 255))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70)
    return out.getvalue()


def photo(seed: int, finding_id: str = "", position: int = 0, portrait: bool = False) -> tuple[Photo, dict]:
    size = (480, 640) if portrait else (640, 480)
    data = jpeg(seed, size)
    record = Photo(finding_id=finding_id, sha256=hashlib.sha256(data).hexdigest(), width=size[0] * 4,
                   height=size[1] * 4, source_name=f"IMG_{seed:04d}.jpg", position=position,
                   caption="Losliggende tegels" if seed % 5 == 0 else "")
    return record, {"jpeg": data, "thumb": data, "report": data}


def make_project(path: Path) -> dict:
    """The fixture project; returns the ids tests need."""
    from schouw.store import create_project

    ids: dict = {}
    with create_project(path, name="Rapporttest", municipality="Gemeente Teststad") as p:
        wijk = p.areas.add_wijk(Wijk(name="Teststad-Oost", code="WK0001"))
        buurt = p.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Bloemenbuurt", code="BU0001"))
        names = ["Tulpstraat", LONG_STREET, "Narcislaan", "Rozenhof", "Lelieplein", "Irisstraat"]
        p.areas.add_streets([Street(buurt_id=buurt.id, name=n, position=i, house_numbers="1-40",
                                    area_type="centrum" if n == "Lelieplein" else None)
                             for i, n in enumerate(names)])
        street = {s.name: s for s in p.areas.streets(buurt.id)}

        old = create_round(p, buurt="Bloemenbuurt", form_id="crow-beeldkwaliteit", when="2025-11-20",
                           title="Nulmeting Bloemenbuurt")
        for i, lv in enumerate([Level.C, Level.D, Level.B, Level.C, Level.C, Level.D]):
            item = ("asfalt", "onkruid") if i % 2 else ("elementen", "schade")
            p.findings.add(Finding(round_id=old.id, street_id=street["Tulpstraat"].id, element=item[0],
                                   aspect=item[1], level=lv))

        rnd = create_round(p, buurt="Bloemenbuurt", form_id="crow-beeldkwaliteit", when="2026-11-19",
                           title="Jaarschouw Bloemenbuurt")
        ids["round"] = rnd.id
        for name, org, role in [("Fatma Yıldız", "Welzijn Teststad", "welzijn"),
                                ("Dr. Ariëns", "Gemeente Teststad, wijkbeheer", "gemeente"),
                                ("Henk de Vries", "Bewonerscommissie Bloemenbuurt", "bewoner")]:
            p.rounds.add_participant(Participant(round_id=rnd.id, name=name, organisation=org, role=role))

        def add(street_name, element, aspect, level=None, *, photos=0, portrait_every=0, party=None,
                status=ActionStatus.OPEN, **extra):
            f = Finding(round_id=rnd.id, street_id=street[street_name].id, element=element, aspect=aspect,
                        level=level, **extra)
            action = None
            if party:
                action = Action(finding_id=f.id, party=party, due_date=date(2026, 12, 1), status=status,
                                mor_id="SIG-2026-00123" if party == "Gemeente" else None,
                                mor_status="in behandeling" if party == "Gemeente" else None,
                                status_reason="Valt buiten het budget" if status == ActionStatus.REJECTED else "")
            records = [photo(len(f.id) * 100 + k + ord(f.id[0]), f.id, k,
                             portrait=bool(portrait_every) and k % portrait_every == 0) for k in range(photos)]
            p.findings.add(f, action, records)
            return f

        add("Tulpstraat", "asfalt", "onkruid", Level.A, photos=1, house_number="12a", spot="op de hoek",
            description="Nauwelijks onkruid in de goot.")
        add("Tulpstraat", "asfalt", "zwerfafval", Level.C, photos=2, portrait_every=2, party=CORPORATION,
            description="Blikjes en zakken bij de portiekflat <nr. 14> & de containers.", priority="hoog")
        add("Tulpstraat", "elementen", "schade", Level.D, party="Gemeente", status=ActionStatus.IN_PROGRESS,
            description="Gebroken tegels, struikelgevaar.")
        add("Tulpstraat", "gras", "hoogte", Level.B)
        ids["long"] = add(LONG_STREET, "elementen", "oneffenheden", Level.C, photos=3, party=CORPORATION,
                          status=ActionStatus.REJECTED, description=LONG_TEXT).id
        add("Lelieplein", "speelvoorzieningen", "schade", Level.B, photos=40, portrait_every=3, party="Gemeente",
            description="Speeltoestel beschadigd; veertig foto's van alle kanten.")
        add("Irisstraat", "overlast", "fietswrakken", choice="3 of meer", party="Politie",
            description="Weesfietsen bij het station.")
        add("Irisstraat", "asfalt", "schade", not_applicable=True, description="Geen asfalt hier.")
        add("Irisstraat", "asfalt", "vervuiling", description="Nog te beoordelen.")
        gone = add("Irisstraat", "reiniging", "graffiti", Level.D, description="VERWIJDERDE BEVINDING")
        p.findings.delete(gone.id)
        for name in ("Tulpstraat", LONG_STREET, "Narcislaan", "Lelieplein", "Irisstraat"):
            p.rounds.set_street_done(rnd.id, street[name].id, True)

        bare = create_round(p, buurt="Bloemenbuurt", form_id="crow-beeldkwaliteit", when="2026-11-20",
                            title="Zonder foto's")
        ids["bare"] = bare.id
        p.findings.add(Finding(round_id=bare.id, street_id=street["Tulpstraat"].id, element="asfalt",
                               aspect="onkruid", level=Level.B, description="Geen foto."))
    return ids


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """The fixture project and its full Dutch report, made once for this module."""
    folder = tmp_path_factory.mktemp("report")
    path = folder / "rapport.schouw"
    ids = make_project(path)
    from schouw.store import open_project

    out = folder / "rapport.pdf"
    ticks: list[tuple[int, int]] = []
    with open_project(path) as project:
        result = build_report(project, ids["round"], out, today=TODAY, progress=lambda d, t: ticks.append((d, t)))
    return {"path": path, "ids": ids, "pdf": out, "result": result, "ticks": ticks, "folder": folder}


def text_of(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(pdf).pages]


def outline_titles(reader: PdfReader) -> list:
    def walk(items):
        return [walk(i) if isinstance(i, list) else i.title for i in items]

    return walk(reader.outline)


def test_full_report_reads_back(built):
    reader = PdfReader(built["pdf"])
    result = built["result"]
    assert result.pages == len(reader.pages) >= 10
    assert (result.findings, result.photos, result.actions) == (9, 46, 5)
    meta = reader.metadata
    assert meta.title == "Wijkschouw Bloemenbuurt · 19 november 2026"
    assert meta.author == "Gemeente Teststad"
    assert "Bloemenbuurt" in meta.subject and meta.creator.startswith("schouw")
    pages = text_of(built["pdf"])
    everything = " ".join(pages)
    # cover
    assert "Bloemenbuurt" in pages[0] and "19 november 2026" in pages[0] and "Fatma Yıldız" in pages[0]
    assert "Gemeente Teststad" in pages[0]
    # page numbers on every page but the cover
    for n, page in enumerate(pages[1:], start=2):
        assert f"pagina {n} van {len(pages)}" in page, n
    # a knelpuntenschouw counts: 6 judged spots, norms B (woongebied) and A (Lelieplein: centrum)
    # A ok, C no, D no, B ok, C no, B-on-A no -> 4 below the norm; and it never prints a share
    assert "Samenvatting" in everything and "Bevindingen per straat" in everything
    assert "Actielijst" in everything and "Deelnemers" in everything
    assert "Soort ronde Knelpuntenschouw" in pages[0] and "4 bevindingen onder de norm" in pages[0]
    assert "Vorige ronde: 5 onder de norm" in everything  # the nulmeting: 1 of 6 meets
    assert "%" not in everything and "op of boven" not in everything
    assert "Bevindingen per aspect" in everything and "Bevindingen per actiehouder" in everything
    for name in ("Tulpstraat", "Narcislaan", "Rozenhof", "Lelieplein", "Irisstraat", "Karnebeek"):
        assert name in everything
    assert "Geen bevindingen in deze straat." in everything
    assert "Deze straat is in deze ronde nog niet geschouwd." in everything
    assert "VERWIJDERDE BEVINDING" not in everything
    assert "<nr. 14> & de containers" in everything  # markup characters survive
    assert "SIG-2026-00123" in everything and "Valt buiten het budget" in everything
    assert "Oordeel: 3 of meer" in everything and "Niet van toepassing" in everything
    assert "Waarnemingen zonder niveau" in everything  # the choice item, counted per answer
    assert "1 december 2026" in everything
    assert "Niet meegeteld: 1 × n.v.t.; 1 waarneming zonder niveau; 1 bevinding nog zonder oordeel" in everything


def test_bookmarks_per_street(built):
    titles = outline_titles(PdfReader(built["pdf"]))
    assert titles[0] == "Samenvatting" and titles[1] == "Bevindingen per straat"
    assert titles[2] == ["Tulpstraat", LONG_STREET, "Narcislaan", "Rozenhof", "Lelieplein", "Irisstraat"]
    assert titles[3] == "Actielijst"
    assert titles[4] == ["Gemeente", "Politie", CORPORATION]
    assert titles[5] == "Deelnemers"


def test_bookmarks_point_at_the_street_pages(built):
    reader = PdfReader(built["pdf"])
    streets = reader.outline[2]
    for entry in streets:
        page = reader.get_destination_page_number(entry)
        assert entry.title[:20] in re.sub(r"\s+", " ", reader.pages[page].extract_text())


def test_photos_are_embedded_as_jpeg_once_each(built):
    reader = PdfReader(built["pdf"])
    filters = set()
    names = set()
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for name, ref in xobjects.items():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                filters.add(str(obj.get("/Filter")).strip("[]' "))
                names.add(name)
    assert filters == {"/DCTDecode"}  # passed through, not re-encoded, not ASCII85
    assert len(names) == built["result"].photos
    # the very bytes of the stored report copies
    from schouw.store import open_project

    with open_project(built["path"]) as project:
        stored = {project.photos.blob(ph.id, "report")
                  for f in project.findings.models(built["ids"]["round"]) for ph in project.photos.for_finding(f.id)}
    embedded = set()
    for page in reader.pages:
        for ref in page.get("/Resources", {}).get("/XObject", {}).values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                embedded.add(obj.get_data())
    assert embedded == stored


def test_progress_runs_to_the_end(built):
    ticks = built["ticks"]
    assert ticks[0] == (0, TOTAL) and ticks[-1] == (TOTAL, TOTAL)
    done = [d for d, _ in ticks]
    assert done == sorted(done)
    assert len(ticks) > 10


def test_ascii85_setting_is_restored(built, tmp_path):
    from reportlab import rl_config

    before = rl_config.useA85
    from schouw.store import open_project

    with open_project(built["path"]) as project:
        build_report(project, built["ids"]["bare"], tmp_path / "x.pdf")
    assert rl_config.useA85 == before


def test_round_without_photos_and_english(built, tmp_path):
    from schouw.store import open_project

    with open_project(built["path"]) as project:
        result = build_report(project, built["ids"]["bare"], tmp_path / "bare.pdf", lang="en", today=TODAY)
    assert result.photos == 0 and result.findings == 1
    pages = text_of(result.path)
    everything = " ".join(pages)
    assert "20 November 2026" in pages[0] and "Summary" in everything
    assert f"page 2 of {len(pages)}" in pages[1]
    assert "Findings per street" in everything and "Participants" in everything
    assert "No participants were recorded." in everything
    # three knelpuntenschouwen of this buurt, compared by counts: 5, 4 and now 0 below the norm
    assert "Knelpuntenschouw" in pages[0] and "0 findings below the norm" in pages[0]
    assert "Earlier knelpuntenschouwen of the buurt" in everything
    assert "%" not in everything and "at or above" not in everything


def test_actions_report_of_one_party(built, tmp_path):
    from schouw.store import open_project

    with open_project(built["path"]) as project:
        assert parties(project, built["ids"]["round"]) == ["Gemeente", "Politie", CORPORATION]
        result = build_report(project, built["ids"]["round"], tmp_path / "veste", kind="actions",
                              party="woonstichting de veste", today=TODAY)
    assert result.path.name == "veste.pdf" and result.actions == 2
    reader = PdfReader(result.path)
    everything = " ".join(text_of(result.path))
    assert reader.metadata.title.startswith(f"Actielijst voor {CORPORATION}")
    assert "Blikjes en zakken" in everything and "Oneffenheden" in everything
    assert "SIG-2026-00123" not in everything and "Weesfietsen" not in everything
    assert "Fatma" not in everything  # no participants' names in a party's list
    assert "verlopen" not in everything  # due 1 december, made 22 november


def test_actions_report_all_parties_and_overdue(built, tmp_path):
    from schouw.store import open_project

    with open_project(built["path"]) as project:
        result = build_report(project, built["ids"]["round"], tmp_path / "all.pdf", kind="actions",
                              today=date(2026, 12, 24))
    everything = " ".join(text_of(result.path))
    assert result.actions == 5
    for party in ("Gemeente", "Politie", CORPORATION):
        assert party in everything
    assert "verlopen" in everything
    assert outline_titles(PdfReader(result.path))[1] == ["Gemeente", "Politie", CORPORATION]


def test_unknown_party_is_a_clear_error(built, tmp_path):
    from schouw.messages import SchouwError
    from schouw.store import open_project

    with open_project(built["path"]) as project, pytest.raises(SchouwError) as caught:
        build_report(project, built["ids"]["round"], tmp_path / "x.pdf", kind="actions", party="Brandweer")
    assert caught.value.key == "unknown_party"
    assert "Politie" in caught.value.message()
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_leaves_no_file_and_keeps_the_old_one(built, tmp_path):
    from schouw.report import ReportCancelled
    from schouw.store import open_project

    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"old report")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with open_project(built["path"]) as project, pytest.raises(ReportCancelled):
        build_report(project, built["ids"]["round"], out, cancel=cancel)
    assert out.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf"]


def test_round_without_a_profile_has_a_spread_but_no_score(built, tmp_path):
    from schouw.store import open_project

    copy = tmp_path / "kopie.schouw"
    shutil.copyfile(built["path"], copy)
    with open_project(copy) as project:
        project.rounds.update(built["ids"]["round"], profile_id=None)
        result = build_report(project, built["ids"]["round"], tmp_path / "x.pdf", today=TODAY)
    everything = " ".join(text_of(result.path))
    assert "geen normen voor deze metingen" in everything
    assert "Bevindingen per niveau" in everything and "%" not in everything


def test_logo_from_project_meta(built, tmp_path):
    from PIL import Image

    from schouw.store import open_project

    logo = built["folder"] / "logo.png"
    Image.new("RGB", (400, 120), (20, 60, 120)).save(logo)
    with open_project(built["path"]) as project:
        project.set_meta("logo_path", "logo.png")  # relative to the project file
        try:
            with_logo = build_report(project, built["ids"]["bare"], tmp_path / "logo.pdf")
        finally:
            project.set_meta("logo_path", "")
    images = [o for o in PdfReader(with_logo.path).pages[0]["/Resources"].get("/XObject", {}).values()
              if o.get_object().get("/Subtype") == "/Image"]
    assert len(images) == 1


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_pages_render(built, tmp_path):
    """Every page renders; the cover, the 40-photo street and the long street are not blank."""
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(built["pdf"]), str(tmp_path / "p")], check=True,
                   capture_output=True, timeout=60)
    from PIL import Image, ImageStat

    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == built["result"].pages
    for png in pngs:
        with Image.open(png) as img:
            assert img.size[0] < img.size[1]  # A4 portrait
            stat = ImageStat.Stat(img.convert("L"))
            assert stat.stddev[0] > 5, png.name  # something is drawn


def test_cli_report(built, tmp_path):
    from conftest import run_cli

    out = tmp_path / "cli.pdf"
    result = run_cli("--db", str(built["path"]), "report", built["ids"]["bare"][:8], "--out", str(out), "--json",
                     check=True)
    assert '"pages"' in result.stdout and out.is_file()
    result = run_cli("--db", str(built["path"]), "report", built["ids"]["round"], "--out", str(tmp_path / "p.pdf"),
                     "--party", "Politie", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Action list for Politie" in " ".join(text_of(tmp_path / "p.pdf"))
    result = run_cli("--db", str(built["path"]), "report", built["ids"]["round"], "--out",
                     str(tmp_path / "nope" / "x.pdf"))
    assert result.returncode == 2 and "bestaat niet" in result.stderr
    result = run_cli("--db", str(built["path"]), "report", built["ids"]["bare"], "--out", str(tmp_path / "l.pdf"),
                     "--logo", str(tmp_path / "geen-logo.png"))
    assert result.returncode == 2 and "geen-logo.png" in result.stderr


def test_a_page_that_continues_a_street_says_which(built):
    """Lelieplein's 40 photos run over pages: those pages open with "Lelieplein
    (vervolg)"; a page where a street's heading stands never does, nor do the pages
    after the findings."""
    reader = PdfReader(built["pdf"])
    pages = text_of(built["pdf"])
    continued = {n: re.findall(r"pagina \d+ van \d+ (.+?) \(vervolg\)", page) for n, page in enumerate(pages)}
    continued = {n: names for n, names in continued.items() if names}
    assert any(names == ["Lelieplein"] for names in continued.values()), continued
    assert all(len(names) == 1 for names in continued.values())
    for n, (name,) in continued.items():
        assert name in pages[n - 1] or f"{name} (vervolg)" in pages[n - 1]
    heading_pages = {entry.title: reader.get_destination_page_number(entry) for entry in reader.outline[2]}
    for street, page in heading_pages.items():
        assert street not in continued.get(page, []), (street, page)
    actions_page = reader.get_destination_page_number(reader.outline[3])
    assert not any(n >= actions_page for n in continued), continued


def test_a_long_action_table_says_whose_it_is_on_the_next_page(tmp_path):
    from schouw.store import create_project

    path = tmp_path / "acties.schouw"
    with create_project(path, name="Acties", municipality="Gemeente Teststad") as p:
        wijk = p.areas.add_wijk(Wijk(name="Oost"))
        buurt = p.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Vogelbuurt"))
        p.areas.add_streets([Street(buurt_id=buurt.id, name="Merelstraat", position=0)])
        street = p.areas.streets(buurt.id)[0]
        rnd = create_round(p, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when="2026-11-19")
        for n in range(70):
            f = Finding(round_id=rnd.id, street_id=street.id, element="asfalt", aspect="onkruid", level=Level.D,
                        house_number=str(n + 1), description=f"Onkruid bij nummer {n + 1}.")
            p.findings.add(f, Action(finding_id=f.id, party="Gemeente" if n < 68 else "Politie",
                                     due_date=date(2026, 12, 1)), [])
        result = build_report(p, rnd.id, tmp_path / "acties.pdf", kind="actions", today=TODAY)
        one = build_report(p, rnd.id, tmp_path / "gemeente.pdf", kind="actions", party="gemeente", today=TODAY)
    pages = text_of(result.path)
    assert len(pages) >= 3
    assert "Gemeente (vervolg)" not in pages[0]
    assert all("Gemeente (vervolg)" in page for page in pages[1:-1])
    assert "Politie (vervolg)" not in " ".join(pages)
    # a single party's list says whose it is in its footer; no running title there
    assert "(vervolg)" not in " ".join(text_of(one.path))
