"""The indicators part of a meting's report: which policy indicators this round feeds,
its value for each, nulmeting and streefwaarde, and whether each is on course. Kept
apart from round_report.py and kind_sections.py, which are long enough already.

The verdict is computed by :func:`schouw.domain.indicators.status` in the use case; this
module only lays it out (never judges again)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from schouw.report import styles as S
from schouw.report.common import P, cell, clip, esc, grid
from schouw.report.flowables import Seg
from schouw.report.i18n import Texts
from schouw.report.model import ReportData
from schouw.report.pdf import FRAME_W


@dataclass(frozen=True)
class IndicatorEntry:
    """One indicator as the report shows it; values are ``(value, year)``."""

    name: str
    area: str
    unit: str
    direction: str
    baseline: tuple[float, int]
    target: tuple[float, int]
    this_round: tuple[float, int] | None
    latest: tuple[float, int] | None
    on_course: bool | None
    target_met: bool | None


def _value(t: Texts, unit: str, pair: tuple[float, int] | None) -> str:
    if pair is None:
        return "–"
    value, year = pair
    decimals = 0 if float(value).is_integer() else 1
    return f"{t.number(value, decimals)}{' ' + unit if unit else ''} ({year})"


def verdict(t: Texts, e: IndicatorEntry) -> str:
    if e.on_course is None:
        return t("ind_not_measured")
    text = t("ind_on_course" if e.on_course else "ind_off_course")
    return text + (", " + t("ind_target_met") if e.target_met else "")


def indicator_story(t: Texts, d: ReportData) -> list[Flowable]:
    """The section, or nothing when this round feeds no indicator."""
    if not d.indicators:
        return []
    story: list[Flowable] = [CondPageBreak(5 * cm), P(esc(t("ind_title")), "h2"), P(esc(t("ind_intro"))),
                             Spacer(1, 6)]
    widths = [2.2 * cm, 2.3 * cm, 2.3 * cm, 2.3 * cm, 2.7 * cm]
    widths.insert(0, FRAME_W - sum(widths))
    keys = ("ind_name", "ind_baseline", "ind_target", "ind_this_round", "ind_latest", "ind_course")
    rows = [[P(esc(t(k)), "th") for k in keys]]
    for e in d.indicators:
        name = e.name + (f" — {e.area}" if e.area else "") + f" ({t('ind_' + e.direction)})"
        colour = S.MUTED if e.on_course is None else S.GOOD if e.on_course else S.BAD
        rows.append([cell(Seg(clip(name, 120), S.FONT, 8.5, 10.5)),
                     *[cell(Seg(_value(t, e.unit, pair), S.FONT, 8.5, 10.5))
                       for pair in (e.baseline, e.target, e.this_round, e.latest)],
                     cell(Seg(verdict(t, e), S.FONT, 8.5, 10.5, colour))])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(widths))
    return [*story, table, Spacer(1, 8)]
