"""``schouw map ROUND`` (PDF vector, PNG) and the map page of the round report, on the
demo project (whose buurten have boundaries), read back with pypdf and rendered with
pdftoppm; outside-buurt flags in ``findings list --json``."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import run_main
from map_files import seed_amersfoort
from PIL import Image
from pypdf import PdfReader
from test_exchange_helpers import new_project

from schouw.domain.mapscene import MARKER_STYLES


def demo_round(capsys, demo_path, title: str = "Jaarschouw") -> dict:
    code, out, _ = run_main(capsys, "--db", str(demo_path), "--json", "rounds", "list")
    return next(r for r in json.loads(out) if r["title"].startswith(title))


def test_map_pdf_is_vector_with_the_report_numbers(demo_path, tmp_path, capsys):
    round_ = demo_round(capsys, demo_path)
    out = tmp_path / "kaart.pdf"
    code, stdout, err = run_main(capsys, "--db", str(demo_path), "--json", "map", round_["id"][:8], "--out", str(out))
    assert code == 0, err
    data = json.loads(stdout)
    assert data["markers"] == round_["findings"] and data["unlocated"] == 0 and data["background"] is False
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert not page.get("/Resources", {}).get("/XObject")  # no raster images: vector only
    text = page.extract_text()
    assert "Vogelbuurt" in text and "buurtgrens" in text
    for n in (1, 2, round_["findings"]):
        assert str(n) in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_round_report_has_a_map_page_that_shows_the_markers(demo_path, tmp_path, capsys):
    round_ = demo_round(capsys, demo_path)
    out = tmp_path / "rapport.pdf"
    code, _, err = run_main(capsys, "--db", str(demo_path), "report", round_["id"], "--out", str(out))
    assert code == 0, err
    reader = PdfReader(out)
    pages = [i for i, p in enumerate(reader.pages) if "Kaart van de buurt" in p.extract_text()]
    assert len(pages) == 1
    text = reader.pages[pages[0]].extract_text()
    assert "nummers van de bevindingen" in text
    # the findings table numbers its findings 1..n; the map shows the same numbers
    assert all(str(n) in text for n in (1, 5, 9))
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(pages[0] + 1), "-l", str(pages[0] + 1),
                    str(out), str(tmp_path / "kaart")], check=True, timeout=60)
    image = Image.open(tmp_path / "kaart.png").convert("RGB")
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20)}

    def near(hex_colour: str) -> bool:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return any(abs(r - c[0]) + abs(g - c[1]) + abs(b - c[2]) < 16 for c in colours)

    assert near("#EEF2F5")  # the buurt inside its boundary
    assert sum(near(style.fill) for style in MARKER_STYLES.values()) >= 4


def test_english_report_map_page(demo_path, tmp_path, capsys):
    round_ = demo_round(capsys, demo_path)
    out = tmp_path / "report.pdf"
    code, _, err = run_main(capsys, "--db", str(demo_path), "--lang", "en", "report", round_["id"], "--out", str(out))
    assert code == 0, err
    assert any("Map of the buurt" in p.extract_text() for p in PdfReader(out).pages)


def test_map_png_has_the_width_asked(demo_path, tmp_path, capsys):
    round_ = demo_round(capsys, demo_path, "Veilige")
    out = tmp_path / "kaart.png"
    code, _, err = run_main(capsys, "--db", str(demo_path), "map", round_["id"], "--out", str(out), "--width", "900")
    assert code == 0, err
    with Image.open(out) as image:
        assert image.format == "PNG" and image.width == 900 and image.height > 300


@pytest.mark.parametrize(("args", "word"), [(["--out", "kaart.svg"], ".png of .pdf"),
                                             (["--out", "kaart.png", "--width", "50"], "--width"),
                                             ([], "--out")])
def test_map_bad_options_are_one_line_and_write_nothing(demo_path, tmp_path, capsys, args, word):
    round_ = demo_round(capsys, demo_path)
    args = [str(tmp_path / a) if a.startswith("kaart") else a for a in args]
    code, _, err = run_main(capsys, "--db", str(demo_path), "map", round_["id"], *args)
    assert code == 2 and word in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("kaart*"))


def test_map_of_a_round_without_coordinates_is_refused(tmp_path, capsys):
    from schouw.domain.models import Buurt, Street, Wijk
    from schouw.services.rounds import create_round

    path = tmp_path / "leeg.schouw"
    with new_project(path, "dev") as project:
        wijk = project.areas.add_wijk(Wijk(name="W"))
        buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
        project.areas.add_streets([Street(buurt_id=buurt.id, name="Dorpsstraat")])
        round_id = create_round(project, buurt="B", form_id="crow-beeldkwaliteit", when="2026-01-01").id
    code, _, err = run_main(capsys, "--db", str(path), "map", round_id, "--out", str(tmp_path / "k.pdf"))
    assert code == 2 and "geen coördinaten" in err and not (tmp_path / "k.pdf").exists()


def test_findings_list_flags_a_finding_outside_its_buurt(tmp_path, capsys):
    from map_files import features, write_geojson

    from schouw.domain.models import Finding
    from schouw.services.rounds import create_round

    path = tmp_path / "amersfoort.schouw"
    with new_project(path, "dev") as project:
        seed_amersfoort(project)
        round_ = create_round(project, buurt="Binnenstad", form_id="crow-beeldkwaliteit", when="2026-10-13")
        street = project.areas.streets(round_.buurt_id)[0]
        inside = project.findings.add(Finding(round_id=round_.id, street_id=street.id, element="asfalt",
                                              aspect="onkruid", level="C", lat=52.1552, lon=5.3872))
        far = project.findings.add(Finding(round_id=round_.id, street_id=street.id, element="asfalt",
                                           aspect="onkruid", level="B", lat=52.1700, lon=5.4200))
    code, out, _ = run_main(capsys, "--db", str(path), "--json", "findings", "list", "--round", round_.id)
    assert code == 0 and {r["id"]: r["outside_buurt"] for r in json.loads(out)} == {inside.id: False, far.id: False}
    write_geojson(tmp_path / "b.geojson", features())
    assert run_main(capsys, "--db", str(path), "buurten", "import", str(tmp_path / "b.geojson"))[0] == 0
    code, out, _ = run_main(capsys, "--db", str(path), "--json", "findings", "list", "--round", round_.id)
    assert {r["id"]: r["outside_buurt"] for r in json.loads(out)} == {inside.id: False, far.id: True}
