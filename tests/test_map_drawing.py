"""The printed map: a vector flowable in a real PDF, read back with pypdf and rendered
with pdftoppm (the marker colours and shapes are really on the page)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from schouw.domain.levels import Level
from schouw.domain.mapscene import (
    MARKER_STYLES,
    MapScene,
    SceneMarker,
    SceneStreet,
    nice_scale_length,
)
from schouw.report.map_drawing import MapFlowable


def scene() -> MapScene:
    x0, y0 = 103_000.0, 488_000.0
    square = [[(x0, y0), (x0 + 800, y0), (x0 + 800, y0 + 600), (x0, y0 + 600), (x0, y0)]]
    streets = [
        SceneStreet("s1", "Merelstraat", True, [[(x0 + 100, y0 + 300), (x0 + 700, y0 + 300)]]),
        SceneStreet("s2", "Lijsterstraat", False, [[(x0 + 400, y0 + 50), (x0 + 400, y0 + 550)]]),
        SceneStreet("s3", "Zonder ligging", False, []),
    ]
    levels = [Level.A_PLUS, Level.A, Level.B, Level.C, Level.D, None]
    markers = [SceneMarker(f"f{i}", 71 + i, x0 + 120 + i * 100, y0 + 300, "s1", level,
                           level is Level.D, False) for i, level in enumerate(levels)]
    markers.append(SceneMarker("far", 77, x0 + 900, y0 + 650, "s2", Level.C, True, True))
    return MapScene("r1", "Vogelbuurt", [square], streets, markers, [], 2, (x0 - 50, y0 - 50, x0 + 950, y0 + 700))


def build(tmp_path: Path, *flowables) -> Path:
    out = tmp_path / "kaart.pdf"
    SimpleDocTemplate(str(out), pagesize=A4).build(list(flowables))
    return out


def test_map_page_text_numbers_match_the_markers_and_legend(tmp_path):
    pdf = build(tmp_path, MapFlowable(scene(), 480, 420))
    text = PdfReader(pdf).pages[0].extract_text()
    for number in range(71, 78):
        assert str(number) in text
    for label in ("gelopen", "niet gelopen", "buurtgrens", "onder de norm", "buiten de buurt", "200 m", "N"):
        assert label in text, label
    assert "Merelstraat" in text  # street names along their line
    english = PdfReader(build(tmp_path, MapFlowable(scene(), 480, 420, lang="en"))).pages[0].extract_text()
    assert "not walked" in english and "below norm" in english


def test_route_map_numbers_the_streets_in_walking_order_and_leaves_findings_out(tmp_path):
    text = PdfReader(build(tmp_path, MapFlowable(scene(), 480, 420, route=True))).pages[0].extract_text()
    assert "looproute" in text and "gelopen" not in text
    assert "77" not in text and "71" not in text
    assert "1" in text and "2" in text


def test_scale_bar_lengths_are_round():
    assert nice_scale_length(240) == 200
    assert nice_scale_length(99) == 50
    assert nice_scale_length(1800) == 1000
    assert nice_scale_length(0) == 0


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_rendered_map_shows_every_level_colour_and_the_boundary(tmp_path):
    pdf = build(tmp_path, MapFlowable(scene(), 480, 420, legend=False))
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(pdf), str(tmp_path / "p")], check=True,
                   timeout=60)
    image = Image.open(tmp_path / "p.png").convert("RGB")
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20)}

    def near(hex_colour: str) -> bool:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return any(abs(r - c[0]) + abs(g - c[1]) + abs(b - c[2]) < 12 for c in colours)

    for level, style in MARKER_STYLES.items():
        assert near(style.fill), level
    assert near("#EEF2F5")  # the buurt's fill
