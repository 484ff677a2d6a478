"""The monitor as a workbook, for the municipality's own analysis: the same figures as
the PDF (:mod:`schouw.report.monitor_report`), one sheet per table, numbers as numbers
(shares as fractions with a percent format, dates as dates) so a pivot table works on
them. Written with openpyxl (imported when the sheet is made, not at start-up)."""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING, Any

from schouw.domain.text import printable
from schouw.report.i18n import Texts
from schouw.report.monitor_report import lag_text, trend_text

if TYPE_CHECKING:
    from schouw.services.monitor_report import Monitor


def _sheet(wb, title: str, headers: list[str], rows: list[list[Any]], percent: set[int] = frozenset()) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(title[:31])
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([printable(v) if isinstance(v, str) else v for v in row])
    for col in percent:
        for (cell,) in ws.iter_rows(min_row=2, min_col=col + 1, max_col=col + 1):
            cell.number_format = "0%"
    for i, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[i - 1])) for r in rows if r[i - 1] is not None] or [8])
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, max(8, width + 2))
    ws.freeze_panes = "A2"


def monitor_xlsx(m: Monitor, *, lang: str = "nl") -> bytes:
    from openpyxl import Workbook

    t = Texts(lang)
    wb = Workbook()
    wb.remove(wb.active)
    rows = []
    for a in sorted(m.overview.buurten, key=lambda a: a.name.casefold()):
        meting = a.meting.overall if a.meting else None
        rows.append([a.wijk, a.name, a.rounds.get("knelpunten", 0), a.rounds.get("meting", 0), a.findings,
                     a.below_norm, meting.share if meting else None, meting.low if meting else None,
                     meting.high if meting else None, meting.n if meting else None, a.actions_open,
                     a.actions_overdue, a.actions_done, a.rechecks_checked, a.solved_share,
                     trend_text(t, a.trend)])
    _sheet(wb, t("mon_sheet_buurten"),
           [t("wijk"), t("buurt"), t("mon_col_knelpunten"), t("mon_col_metingen"), t("mon_col_findings"),
            t("mon_col_below"), t("mon_col_share"), t("mon_col_low"), t("mon_col_high"), "n", t("mon_col_open"),
            t("mon_col_overdue"), t("mon_col_done"), t("mon_col_rechecked"), t("mon_col_solved"), t("mon_col_trend")],
           rows, percent={6, 7, 8, 14})
    aspects = []
    for a in m.overview.buurten:
        for item, levels in sorted(a.by_aspect.items()):
            aspects.append([a.name, item, sum(levels.values()), a.below_by_aspect.get(item, 0)])
    _sheet(wb, t("mon_sheet_aspects"), [t("buurt"), t("mon_col_item"), t("mon_col_findings"), t("mon_col_below")],
           aspects)
    ind = []
    for r in m.overview.indicators:
        i, s = r.indicator, r.status
        ind.append([i.name, r.area_name, i.unit, i.direction.value, i.baseline_value, i.baseline_year,
                    i.target_value, i.target_year, s.latest.value if s.latest else None,
                    s.latest.year if s.latest else None, s.on_course, s.target_met])
    _sheet(wb, t("ind_title"), [t("ind_name"), t("ind_area"), t("mon_col_unit"), t("mon_col_direction"),
                                t("ind_baseline"), t("mon_col_year"), t("ind_target"), t("mon_col_year"),
                                t("ind_latest"), t("mon_col_year"), t("ind_on_course"), t("ind_target_met")], ind)
    _sheet(wb, t("mon_sheet_parties"), [t("mon_col_party"), t("mon_col_open"), t("mon_col_overdue"), t("mon_col_done"),
                                        t("mon_col_rejected"), t("mon_col_days")],
           [[p.party, p.open, p.overdue, p.done, p.rejected, p.median_days_to_close] for p in m.parties])
    _sheet(wb, t("mon_hotspots"), ["#", t("buurt"), t("mon_col_street"), t("mon_col_rounds_n"), t("mon_col_findings"),
                                   t("mon_col_worst"), t("mon_col_items"), "lat", "lon"],
           [[h.rank, h.buurt, h.street, h.rounds, h.findings, h.worst, ", ".join(h.item_names or h.items),
             round(h.lat, 6), round(h.lon, 6)] for h in m.hotspots])
    _sheet(wb, t("mon_sheet_cycles"), [t("buurt"), t("mon_col_cycle"), t("mon_col_start"), t("mon_col_end"),
                                 t("mon_col_state"), t("cyc_outcome_bereikt"), t("cyc_outcome_deels"),
                                 t("cyc_outcome_niet")],
           [[c.buurt, c.title, date.fromisoformat(c.start), date.fromisoformat(c.end),
             t("mon_cycle_evaluated") if c.status == "geevalueerd" else t("mon_cycle_week", week=c.week, weeks=c.weeks),
             c.outcomes.get("bereikt", 0), c.outcomes.get("deels", 0), c.outcomes.get("niet", 0)] for c in m.cycles])
    _sheet(wb, t("mon_sheet_lagging"), [t("buurt"), t("mon_col_reasons")],
           [[lag.buurt, "; ".join(lag_text(t, k, p) for k, p in lag.reasons)] for lag in m.lagging])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
