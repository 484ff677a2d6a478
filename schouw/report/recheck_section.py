"""The re-inspection (herschouw) part of the round report: "x van y punten opgelost"
per street and overall, and the result of every point. Kept apart from round_report.py,
which is long enough already."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from schouw.report import styles as S
from schouw.report.common import P, cell, clip, esc, grid
from schouw.report.flowables import Seg
from schouw.report.i18n import Texts
from schouw.report.model import RecheckEntry, ReportData
from schouw.report.pdf import FRAME_W


def solved_text(t: Texts, d: ReportData, street_id: str | None = None) -> str:
    """'3 van 5 punten opgelost' (empty when nothing was re-inspected there)."""
    solved, total = d.recheck_tally(street_id)
    return t("recheck_solved", x=solved, y=total, n=total) if total else ""  # n: "punt" or "punten"


def result_text(t: Texts, r: RecheckEntry) -> str:
    if r.result is None:
        return t("recheck_unchecked")
    text = t(f"recheck_{r.result}")
    return f"{text} ({r.level.value})" if r.level is not None and r.result != "opgelost" else text


def recheck_story(t: Texts, d: ReportData) -> list[Flowable]:
    """The section, or nothing when this round re-inspected no points."""
    if not d.rechecks:
        return []
    story: list[Flowable] = [CondPageBreak(5 * cm), P(esc(t("recheck")), "h2")]
    if d.rechecks_from is not None:
        story.append(P(esc(t("recheck_intro", date=t.date(d.rechecks_from)))))
    story += [P("<b>" + esc(solved_text(t, d)) + "</b>"), Spacer(1, 6)]

    widths = [FRAME_W - 6.0 * cm, 6.0 * cm]
    rows = [[P(esc(t("street")), "th"), P(esc(t("recheck_result")), "th")]]
    for street_id in dict.fromkeys(r.street_id for r in d.rechecks):
        name = next(r.street for r in d.rechecks if r.street_id == street_id)
        rows.append([cell(Seg(clip(name), S.FONT, 8.5, 10.5)), cell(Seg(solved_text(t, d, street_id), S.FONT, 8.5, 10.5))])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(widths))
    story += [table, Spacer(1, 8), P(esc(t("recheck_points")), "h3")]

    widths = [4.0 * cm, FRAME_W - (4.0 + 3.0 + 1.4 + 3.4) * cm, 3.0 * cm, 1.4 * cm, 3.4 * cm]
    rows = [[P(esc(t(k)), "th") for k in ("street", "recheck_item", "recheck_spot", "recheck_was", "recheck_result")]]
    for r in d.rechecks:
        where = " ".join(x for x in (r.number, r.spot) if x)
        was = r.previous_level.value if r.previous_level is not None else (r.previous_choice or "–")
        colour = S.GOOD if r.result == "opgelost" else S.BAD if r.result in ("aanwezig", "erger") else S.MUTED
        rows.append([cell(Seg(clip(r.street), S.FONT, 8.5, 10.5)), cell(Seg(clip(r.item), S.FONT, 8.5, 10.5)),
                     cell(Seg(clip(where, 80), S.FONT, 8.5, 10.5)), cell(Seg(was, S.FONT, 8.5, 10.5)),
                     cell(Seg(result_text(t, r), S.FONT, 8.5, 10.5, colour))])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(widths))
    return [*story, table, Spacer(1, 8)]
