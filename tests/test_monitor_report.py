"""The council's monitor (issue #19 point 3): one wijk over one year as a PDF (read back
with pypdf, rendered with pdftoppm) and an XLSX (read back with openpyxl: numbers are
numbers), the lagging rule on real overview rows, and the bad input of
``schouw report --kind monitor`` (exit 2, one line, no file)."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest
from conftest import run_main

from schouw.services.monitor_report import build_monitor, gather_monitor, lagging_reasons
from schouw.store import open_project


def test_the_monitor_pdf_and_workbook_tell_the_same_story(demo_path, tmp_path, capsys):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    pdf, xlsx = tmp_path / "monitor.pdf", tmp_path / "monitor.xlsx"
    code, out, err = run_main(capsys, "--db", str(demo_path), "report", "--kind", "monitor", "--wijk", "Vogelwijk",
                              "--year", "2026", "--out", str(pdf), "--xlsx", str(xlsx))
    assert code == 0, err
    assert "Monitor Vogelwijk 2026" in out
    with open_project(demo_path, readonly=True) as project:
        monitor = gather_monitor(project, wijk="Vogelwijk", year=2026)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    for words in ("Monitor wijkschouw — Vogelwijk, 2026", "Buurten waar de resultaten achterblijven", "Per buurt",
                  "Indicatoren", "Actiepunten per actiehouder", "Hotspots", "Trajecten Veilige Buurten",
                  "Veilig Havenkwartier voorjaar 2026", "Vogelbuurt", "Havenkwartier"):
        assert words in text, words
    vogel = next(a for a in monitor.overview.buurten if a.name == "Vogelbuurt")
    assert vogel.meting is not None and f"n = {vogel.meting.overall.n}" in text  # a share only from the meting
    haven = next(a for a in monitor.overview.buurten if a.name == "Havenkwartier")
    assert haven.meting is None and haven.rounds.get("meting", 0) == 0
    for lag in monitor.lagging:
        assert f"{lag.buurt}:" in text

    wb = load_workbook(xlsx)
    assert {"Buurten", "Onderdelen", "Indicatoren", "Actiehouders", "Hotspots", "Trajecten",
            "Achterblijvers"} <= set(wb.sheetnames)
    rows = {r[1]: r for r in wb["Buurten"].iter_rows(min_row=2, values_only=True)}
    assert rows["Vogelbuurt"][4] == vogel.findings and rows["Vogelbuurt"][5] == vogel.below_norm
    assert rows["Vogelbuurt"][6] == pytest.approx(vogel.meting.overall.share)
    assert wb["Buurten"]["G2"].number_format == "0%"
    assert rows["Havenkwartier"][6] is None  # no meting: no share, not 0 %
    assert wb["Hotspots"].max_row - 1 == len(monitor.hotspots)
    assert [r[0] for r in wb["Achterblijvers"].iter_rows(min_row=2, values_only=True)] == [
        lag.buurt for lag in monitor.lagging]

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True)
    from PIL import Image

    with Image.open(tmp_path / "page.png") as page:
        assert len(page.convert("RGB").getcolors(maxcolors=1_000_000)) > 50


def test_english_monitor(demo_path, tmp_path):
    from pypdf import PdfReader

    with open_project(demo_path, readonly=True) as project:
        result = build_monitor(project, wijk="Vogelwijk", year=2026, out=tmp_path / "m.pdf", lang="en")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(result.pdf).pages).split())
    assert "Wijkschouw monitor — Vogelwijk, 2026" in text and "Actions per party" in text
    assert result.xlsx is None and result.pages >= 2


def test_what_makes_a_buurt_lag(demo_path):
    with open_project(demo_path, readonly=True) as project:
        area = gather_monitor(project, wijk="Vogelwijk", year=2026).overview.buurten[0]
    calm = dataclasses.replace(area, trend=dataclasses.replace(area.trend, direction="gelijk"), actions=(),
                               rechecks_checked=0, rechecks_solved=0)
    assert lagging_reasons(calm) == ()
    worse = dataclasses.replace(calm, trend=dataclasses.replace(area.trend, direction="slechter", basis="meting"))
    assert [k for k, _ in lagging_reasons(worse)] == ["mon_lag_trend"]
    unsolved = dataclasses.replace(calm, rechecks_checked=10, rechecks_solved=4)
    assert [k for k, _ in lagging_reasons(unsolved)] == ["mon_lag_rechecks"]
    assert lagging_reasons(dataclasses.replace(calm, rechecks_checked=4, rechecks_solved=0)) == ()  # too few checked


@pytest.mark.parametrize("args, words", [
    (["--wijk", "Vogelwijk", "--year", "2026"], "--out"),
    (["--year", "2026", "--out", "m.pdf"], "--wijk"),
    (["--wijk", "Nergenswijk", "--year", "2026", "--out", "m.pdf"], "Nergenswijk"),
    (["--wijk", "Vogelwijk", "--year", "99999", "--out", "m.pdf"], "99999"),
    (["--wijk", "Vogelwijk", "--year", "2026", "--out", "geen-map/m.pdf"], "geen-map"),
])
def test_bad_monitor_input_is_one_line_and_writes_nothing(demo_path, tmp_path, capsys, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(capsys, "--db", str(demo_path), "report", "--kind", "monitor", *args)
    assert code == 2, (out, err)
    assert words in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.tmp"))


def test_a_round_report_still_needs_its_round(demo_path, capsys, tmp_path):
    code, _, err = run_main(capsys, "--db", str(demo_path), "report", "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "RONDE" in err
