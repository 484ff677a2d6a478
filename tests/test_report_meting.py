"""The round report by kind of round: a meting shows shares at or above the norm with
n and the 95 % Wilson interval (and says when n is too small), points judged / total
and the profile; a knelpuntenschouw counts and never prints a share. Both name their
kind on the cover. PDFs read back with pypdf and rendered with pdftoppm."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from test_report import text_of
from test_report_content import words_outside_margins

from schouw.services.reports import build_report
from schouw.services.scores import meting_score
from schouw.store import open_project

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def reports(tmp_path_factory, demo_master) -> dict:
    folder = tmp_path_factory.mktemp("kind-reports")
    path = folder / "demo.schouw"
    shutil.copyfile(demo_master, path)
    out: dict = {"folder": folder, "path": path}
    with open_project(path) as project:
        rounds = {row["title"]: row["id"] for row in project.rounds.list()}
        meting = rounds["Beeldkwaliteitsmeting Vogelbuurt"]
        out["score"] = meting_score(project, meting)
        out["meting"] = build_report(project, meting, folder / "meting.pdf", today=TODAY).path
        out["meting_en"] = build_report(project, meting, folder / "meting-en.pdf", lang="en", today=TODAY).path
        out["knelpunten"] = build_report(project, rounds["Jaarschouw Vogelbuurt"], folder / "k.pdf", today=TODAY).path
    return out


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def test_a_meting_report_shows_shares_with_n_and_interval(reports):
    score = reports["score"]
    pages = text_of(reports["meting"])
    everything = " ".join(pages)
    cover = pages[0]
    assert "Soort ronde Beeldkwaliteitsmeting" in cover
    assert f"{_pct(score.overall.share)} op of boven de norm" in cover
    assert f"n = {score.overall.n}" in cover and "100 van de 100 schouwpunten beoordeeld" in cover
    assert "Standaard kwaliteitsprofiel" in cover
    summary = pages[1]
    for group in ("schoon", "heel"):
        share = score.groups[group]
        assert f"{_pct(share.low)}–{_pct(share.high)}" in summary, group
    for aspect in score.aspects:
        row = f"{aspect.share.n} {aspect.share.at_or_above} {_pct(aspect.share.share)}"
        assert row in everything, aspect
    # an element at only some points: its aspects have n < 30, and the report says so
    few = [a for a in score.aspects if not a.share.conclusive]
    assert few and "te weinig punten om conclusies te trekken" in everything
    assert "startgetal 20260915" in summary
    assert "Oordelen per schouwpunt" in everything
    assert re.search(r"\b100 \S+ (A\+|A|B|C|D|–)", everything)  # the 100th point's row
    assert words_outside_margins(reports["meting"]) == []


def test_a_meting_report_in_english(reports):
    everything = " ".join(text_of(reports["meting_en"]))
    assert "Meting (image-quality measurement)" in everything
    assert "at or above the norm" in everything and "95 % interval" in everything
    assert "too few points to draw conclusions" in everything


def test_a_knelpunten_report_counts_and_prints_no_share(reports):
    pages = text_of(reports["knelpunten"])
    everything = " ".join(pages)
    assert "Soort ronde Knelpuntenschouw" in pages[0]
    assert "onder de norm" in pages[0] and "geeft geen aandeel op norm" in pages[0]
    # no share anywhere ("71%"); the CROW level texts quoted at findings say "2 % bedekt"
    assert not re.search(r"\d%", everything) and "op of boven" not in everything
    for heading in ("Bevindingen per element", "Bevindingen per aspect", "Bevindingen per straat",
                    "Bevindingen per actiehouder", "Bevindingen per niveau"):
        assert heading in everything, heading
    # compared with the nulmeting (the earlier knelpuntenschouw) by counts, not with the meting
    assert "Eerdere knelpuntenschouwen van de buurt" in everything
    assert "Beeldkwaliteitsmeting" not in everything


def test_the_summary_pages_render(reports, tmp_path):
    for name in ("meting", "knelpunten"):
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "2", "-l", "2", str(reports[name]),
                        str(tmp_path / name)], check=True, timeout=120)
        made = list(tmp_path.glob(f"{name}*.png"))
        assert len(made) == 1 and made[0].stat().st_size > 5000
