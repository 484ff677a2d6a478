"""The monitor for the council: one wijk over one year, as a PDF and as an XLSX.

It tells the story of :func:`schouw.services.monitoring.build_overview` (the same read
model as the Overzicht and ``schouw overview``), so the council's figures are the ones
the coordinators see: per buurt the rounds held, findings and below-norm counts, the
latest meting's share with its interval, actions per party, re-inspection and the trend
against the year before; the indicators with nulmeting and streefwaarde; the hotspots;
the Veilige Buurten trajecten; and the buurten where results lag, each with its reasons
in words. The PDF (:mod:`schouw.report.monitor_report`) and the XLSX
(:mod:`schouw.report.monitor_sheet`) render this one value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from schouw.messages import SchouwError
from schouw.services import cycles as cycle_service
from schouw.services.hotspots import Hotspot, find_hotspots
from schouw.services.monitoring import AreaOverview, Overview, PartyActions, build_overview
from schouw.store.project import Project

#: a buurt lags with at least OVERDUE_MIN actions overdue, or at least OVERDUE_SOME that
#: are OVERDUE_SHARE or more of its open ones (one late action of two is no pattern)
OVERDUE_MIN, OVERDUE_SOME, OVERDUE_SHARE = 5, 3, 0.5
#: fewer than this share of re-inspected points solved (with enough checked) lags
SOLVED_MIN_SHARE, SOLVED_MIN_CHECKED = 0.5, 5


@dataclass(frozen=True)
class Lagging:
    """A buurt where results lag, and why (message keys with their numbers)."""

    buurt: str
    reasons: tuple[tuple[str, dict], ...]


@dataclass(frozen=True)
class CycleLine:
    buurt: str
    title: str
    start: str
    end: str
    status: str
    week: int
    weeks: int
    outcomes: dict[str, int]
    priorities: int


@dataclass
class Monitor:
    wijk: str
    year: int
    overview: Overview
    hotspots: list[Hotspot]
    parties: list[PartyActions]
    cycles: list[CycleLine]
    lagging: list[Lagging]
    municipality: str = ""
    created: date = field(default_factory=date.today)


def lagging_reasons(area: AreaOverview) -> tuple[tuple[str, dict], ...]:
    """Why a buurt's results lag (empty: they do not). One rule, used by the PDF and the
    XLSX alike: worse than the year before; many actions overdue; few re-inspected points
    solved."""
    reasons: list[tuple[str, dict]] = []
    if area.trend.direction == "slechter":
        reasons.append(("mon_lag_trend", {"basis": area.trend.basis}))
    open_, late = area.actions_open, area.actions_overdue
    if late >= OVERDUE_MIN or (late >= OVERDUE_SOME and late / open_ >= OVERDUE_SHARE):
        reasons.append(("mon_lag_overdue", {"n": area.actions_overdue, "open": open_}))
    if area.rechecks_checked >= SOLVED_MIN_CHECKED and (area.solved_share or 0) < SOLVED_MIN_SHARE:
        reasons.append(("mon_lag_rechecks", {"solved": area.rechecks_solved, "checked": area.rechecks_checked}))
    return tuple(reasons)


def gather_monitor(project: Project, *, wijk: str, year: int, today: date | None = None) -> Monitor:
    """Everything the monitor of ``wijk`` over calendar ``year`` shows."""
    if not 1900 <= year <= 2200:
        raise SchouwError("mon_bad_year", year=year)
    start, end = date(year, 1, 1), date(year, 12, 31)
    overview = build_overview(project, start=start, end=end, wijk=wijk, today=today)
    hotspots = find_hotspots(project, start=start, end=end, wijk=wijk, today=today)
    # select_buurten refused an unknown wijk, so the overview holds exactly this one
    wijk_row = overview.wijken[0]
    cycles = []
    names = {b.name for b in overview.buurten}
    for row in cycle_service.cycle_list(project, today=today):
        if row["buurt"] not in names or row["start"] > end.isoformat() or row["end"] < start.isoformat():
            continue
        view = cycle_service.cycle_view(project, row["id"], today=today)
        cycles.append(CycleLine(row["buurt"], row["title"], row["start"], row["end"], row["status"], row["week"],
                                row["weeks"], {o.value: n for o, n in view.outcomes.items()}, len(view.priorities)))
    lagging = [Lagging(a.name, reasons) for a in overview.buurten if (reasons := lagging_reasons(a))]
    return Monitor(wijk=wijk_row.name, year=year, overview=overview, hotspots=hotspots,
                   parties=list(wijk_row.actions), cycles=cycles, lagging=lagging, municipality=project.meta("municipality"),
                   created=today or date.today())


@dataclass(frozen=True)
class MonitorResult:
    pdf: Path | None
    xlsx: Path | None
    pages: int
    buurten: int
    lagging: int


def build_monitor(project: Project, *, wijk: str, year: int, out: Path | None = None, xlsx: Path | None = None,
                  lang: str = "nl", today: date | None = None) -> MonitorResult:
    """Write the monitor as a PDF (``out``) and/or an XLSX (``xlsx``), each through a
    temporary file so a failed write never leaves half a file behind."""
    from schouw.services.reports import output_path

    if out is None and xlsx is None:
        raise SchouwError("mon_no_output")
    out = output_path(out) if out is not None else None
    xlsx = output_path(xlsx, "xlsx") if xlsx is not None else None
    monitor = gather_monitor(project, wijk=wijk, year=year, today=today)
    pages = 0
    written: list[Path] = []
    try:
        if out is not None:
            from schouw.report.monitor_report import render_monitor

            tmp = out.with_name(out.name + ".tmp")
            written.append(tmp)
            pages = render_monitor(monitor, tmp, lang=lang)
            tmp.replace(out)
        if xlsx is not None:
            from schouw.report.monitor_sheet import monitor_xlsx

            tmp = xlsx.with_name(xlsx.name + ".tmp")
            written.append(tmp)
            tmp.write_bytes(monitor_xlsx(monitor, lang=lang))
            tmp.replace(xlsx)
    except OSError as error:
        for tmp in written:
            tmp.unlink(missing_ok=True)
        raise SchouwError("report_write_failed", path=str(out or xlsx), detail=error.strerror or str(error)) from error
    return MonitorResult(out, xlsx, pages,
                         len(monitor.overview.buurten), len(monitor.lagging))
