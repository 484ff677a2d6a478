"""The map page of the round report, and the one-page map of ``schouw map``.

Both show the same :class:`MapFlowable`; the round report puts it between the summary
and the findings, so a reader goes from "where" to "what" with the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer

from schouw.domain.mapscene import MapScene
from schouw.report import styles as S
from schouw.report.common import P, esc
from schouw.report.i18n import Texts
from schouw.report.map_drawing import BackgroundTile, MapFlowable


@dataclass
class MapPage:
    """What the report's map page needs: the scene and, if cached, a background."""

    scene: MapScene
    background: list[BackgroundTile] = field(default_factory=list)
    attribution: str = ""


def map_height(scene: MapScene, width: float, available: float) -> float:
    """The height that shows the scene's box at ``width`` (plus the legend), capped."""
    xmin, ymin, xmax, ymax = scene.bbox
    ratio = (ymax - ymin) / max(xmax - xmin, 1e-6)
    return max(min(width * ratio + 40, available), 6 * cm)


def map_story(t: Texts, page: MapPage | None, width: float, available: float) -> list[Flowable]:
    """The map page's flowables; [] when there is nothing to draw."""
    from schouw.report.pdf import Heading

    if page is None or page.scene.is_empty:
        return []
    scene = page.scene
    story: list[Flowable] = [PageBreak(), Heading(esc(t("map_title")), S.styles()["h1"], outline=t("map_title"),
                                                  key="map"),
                             P(esc(t("map_intro")), "note"), Spacer(1, 6)]
    notes = []
    if scene.unlocated:
        notes.append(P(esc(t("map_unlocated", n=scene.unlocated)), "note"))
    outside = sum(m.outside_buurt for m in scene.markers)
    if outside:
        notes.append(P(esc(t("map_outside_count", n=outside)), "note"))
    height = map_height(scene, width, available - 3 * cm - len(notes) * 14)
    story.append(MapFlowable(scene, width, height, lang=t.lang, background=page.background,
                             attribution=page.attribution))
    story += [Spacer(1, 4), *notes]
    return story


def write_map_pdf(page: MapPage, out: Path, *, lang: str = "nl", title: str = "") -> None:
    """A one-page PDF (A4 landscape or portrait, whichever fits the buurt) of the map."""
    S.register_fonts()
    t = Texts(lang)
    xmin, ymin, xmax, ymax = page.scene.bbox
    size = landscape(A4) if (xmax - xmin) >= (ymax - ymin) else A4
    margin = 1.5 * cm
    doc = SimpleDocTemplate(str(out), pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=title or page.scene.buurt, creator="schouw")
    width = size[0] - 2 * margin
    story: list[Flowable] = [P(esc(title or page.scene.buurt), "h2")]
    notes = []
    if page.scene.unlocated:
        notes.append(P(esc(t("map_unlocated", n=page.scene.unlocated)), "note"))
    height = size[1] - 2 * margin - 1.6 * cm - len(notes) * 14
    story += [MapFlowable(page.scene, width, height, lang=lang, background=page.background,
                          attribution=page.attribution), *notes]
    doc.build(story)
