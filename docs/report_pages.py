"""Make docs/report-cover.png, report-summary.png and report-street.png: pages of the
demo's jaarschouw report (a knelpuntenschouw: counts, no share), rendered at 90 dpi
(A4 = 745 x 1053 pixels); docs/report-meting-summary.png and report-meting-points.png,
the summary and the points table of the demo's beeldkwaliteitsmeting (shares with
their 95 % interval); and
docs/report-terugkoppeling.png, the first page of its feedback for residents (with
photos) at 80 dpi. ``python docs/report_pages.py terugkoppeling`` makes only that one;
``python docs/report_pages.py map`` only docs/report-map.png, the report's map page;
``python docs/report_pages.py indicators`` only docs/report-indicators.png, the page of
the meting's report with the indicators it feeds.

Run from the repository root (needs pdftoppm from poppler-utils):

    python docs/report_pages.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def to_png(pdf: Path, page: int, name: str, dpi: int, folder: Path) -> None:
    """Page ``page`` of ``pdf`` as docs/report-``name``.png at ``dpi``."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(folder / name)], check=True)
    shutil.copyfile(folder / f"{name}.png", ROOT / "docs" / f"report-{name}.png")
    print(f"docs/report-{name}.png: page {page}")


def street_page(reader) -> int:
    """The first page (1-based) that opens a street and shows a finding below the
    norm with its action and a photo: the page that says most about the report."""
    streets = next(item for item in reader.outline if isinstance(item, list))
    for entry in streets:
        number = reader.get_destination_page_number(entry)
        page = reader.pages[number]
        text = page.extract_text()
        images = [o for o in page["/Resources"].get("/XObject", {}).values()
                  if o.get_object().get("/Subtype") == "/Image"]
        if images and "voldoet niet" in text and "Actie:" in text and "(vervolg)" not in text:
            return number + 1
    raise SystemExit("no street page with a photo and an action in the demo report")


def main() -> None:
    from pypdf import PdfReader

    from schouw.services.demo import build_demo
    from schouw.services.reports import build_report
    from schouw.store import open_project

    if sys.argv[1:] == ["looproute"]:
        looproute_pages()
        return
    if sys.argv[1:] == ["traject"]:
        traject_page()
        return
    if sys.argv[1:] == ["monitor"]:
        monitor_page()
        return
    if sys.argv[1:] == ["verloop"]:
        verloop_pages()
        return
    only_feedback = sys.argv[1:] == ["terugkoppeling"]
    only_map = sys.argv[1:] == ["map"]
    only_indicators = sys.argv[1:] == ["indicators"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_demo(folder / "demo.schouw")
        with open_project(folder / "demo.schouw") as project:
            round_id = next(r["id"] for r in project.rounds.list() if r["title"] == "Jaarschouw Vogelbuurt")
            feedback = build_report(project, round_id, folder / "terug.pdf", kind="terugkoppeling", photos=True,
                                    today=date(2026, 12, 4)).path
            pdf = build_report(project, round_id, folder / "demo.pdf", today=date(2026, 12, 4)).path
            meting_id = next(r["id"] for r in project.rounds.list() if r["kind"] == "meting")
            meting = build_report(project, meting_id, folder / "meting.pdf", today=date(2026, 12, 4)).path
        if only_indicators:
            indicators_page(meting, folder)
            return
        if only_map:
            reader = PdfReader(pdf)
            page = next(i + 1 for i, p in enumerate(reader.pages) if "Kaart van de buurt" in p.extract_text())
            to_png(pdf, page, "map", 90, folder)
            return
        to_png(feedback, 1, "terugkoppeling", 80, folder)
        if only_feedback:
            return
        reader = PdfReader(pdf)
        for name, page in (("cover", 1), ("summary", 2), ("street", street_page(reader))):
            to_png(pdf, page, name, 90, folder)
        for name, page in (("meting-summary", 2), ("meting-points", 3)):
            to_png(meting, page, name, 90, folder)
        indicators_page(meting, folder)
    looproute_pages()
    traject_page()
    monitor_page()
    verloop_pages()


def verloop_pages() -> None:
    """docs/report-verloop-cover.png and report-verloop.png: the verloop report of the
    Havenkwartier's three Veilige Buurten-schouwen (cover; the table per street)."""
    from schouw.services.demo import build_demo
    from schouw.services.verloop_report import build_verloop_report
    from schouw.store import open_project

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_demo(folder / "demo.schouw")
        with open_project(folder / "demo.schouw", readonly=True) as project:
            last = next(r["id"] for r in project.rounds.list() if r["title"].endswith("eindschouw"))
            pdf = build_verloop_report(project, last, folder / "verloop.pdf", today=date(2026, 12, 4)).path
        for name, page in (("verloop-cover", 1), ("verloop", 2)):
            to_png(pdf, page, name, 90, folder)


def monitor_page() -> None:
    """docs/report-monitor.png: page 1 of the demo's monitor of the Vogelwijk over 2026."""
    from schouw.services.demo import build_demo
    from schouw.services.monitor_report import build_monitor
    from schouw.store import open_project

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_demo(folder / "demo.schouw")
        with open_project(folder / "demo.schouw", readonly=True) as project:
            pdf = build_monitor(project, wijk="Vogelwijk", year=2026, out=folder / "monitor.pdf",
                                today=date(2026, 12, 4)).pdf
        to_png(pdf, 1, "monitor", 80, folder)


def traject_page() -> None:
    """docs/report-traject.png: the evaluation of the demo's spring traject in the Havenkwartier."""
    from schouw.services.cycle_report import build_cycle_report
    from schouw.services.cycles import cycle_list
    from schouw.services.demo import build_demo
    from schouw.store import open_project

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_demo(folder / "demo.schouw")
        with open_project(folder / "demo.schouw", readonly=True) as project:
            spring = next(r["id"] for r in cycle_list(project, "Havenkwartier") if r["status"] == "geevalueerd")
            pdf = build_cycle_report(project, spring, folder / "traject.pdf", today=date(2026, 12, 4)).path
        to_png(pdf, 1, "traject", 80, folder)


def looproute_pages() -> None:
    """docs/report-looproute-route.png (the route map of the jaarschouw), report-looproute-form.png (the form of
    street 1 of the meting round: a row per item with its name) and report-looproute-grid.png
    (street 1 of the jaarschouw's 94-item CROW form: the compact grid)."""
    from pypdf import PdfReader

    from schouw.services.demo import build_demo
    from schouw.services.walk_pack import build_walk_pack
    from schouw.store import open_project

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_demo(folder / "demo.schouw")
        with open_project(folder / "demo.schouw", readonly=True) as project:
            rounds = project.rounds.list()
            jaar = next(r["id"] for r in rounds if r["title"] == "Jaarschouw Vogelbuurt")
            meting = next(r["id"] for r in rounds if r["kind"] == "meting")
            long_pdf = build_walk_pack(project, jaar, folder / "jaar.pdf").path
            short_pdf = build_walk_pack(project, meting, folder / "meting.pdf").path

        def first_form(pdf: Path) -> int:
            return next(i + 1 for i, p in enumerate(PdfReader(pdf).pages) if "1.1\n" in p.extract_text() + "\n")

        for name, pdf, page in (("route", long_pdf, 2), ("form", short_pdf, first_form(short_pdf)),
                                ("grid", long_pdf, first_form(long_pdf))):
            to_png(pdf, page, f"looproute-{name}", 70, folder)


def indicators_page(meting: Path, folder: Path) -> None:
    """docs/report-indicators.png: the meting report's page with its Indicatoren section."""
    from pypdf import PdfReader

    reader = PdfReader(meting)
    page = next(i + 1 for i, p in enumerate(reader.pages) if "Indicatoren" in p.extract_text())
    to_png(meting, page, "indicators", 90, folder)


if __name__ == "__main__":
    main()
