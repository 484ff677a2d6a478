"""``schouw overview`` and ``schouw hotspots``: the overview per wijk and buurt over a
period and the places where below-norm findings recur (issue #19), through the same use
cases as the app's *Overzicht* (:mod:`schouw.services.monitoring`)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable

from schouw import messages

Handler = Callable[[argparse.Namespace], int]

HELP_EN: dict[str, str] = {
    "overzicht per wijk en buurt over een periode: rondes, bevindingen, onder de norm, meting, acties, trend":
        "overview per wijk and buurt over a period: rounds, findings, below norm, meting, actions, trend",
    "alleen deze wijk": "only this wijk",
    "alleen deze buurt": "only this buurt",
    "vanaf deze datum (JJJJ-MM-DD; standaard een jaar voor --to)": "from this date (YYYY-MM-DD; default a year before --to)",
    "tot en met deze datum (JJJJ-MM-DD; standaard vandaag)": "up to and including this date (YYYY-MM-DD; default today)",
    "plekken waar bevindingen onder de norm terugkomen (binnen 50 m, over rondes)":
        "places where below-norm findings recur (within 50 m, over rounds)",
    "hoeveel plekken tonen (standaard 20)": "how many places to show (default 20)",
    "DATUM": "DATE",
    "lees de centrale database van de gemeente in plaats van dit project (postgresql://…); "
    "--from postgresql://… mag ook": "read the municipality's central database instead of this project "
                                     "(postgresql://…); --from postgresql://… works too",
    "schema in de centrale database (standaard schouw)": "schema in the central database (default schouw)",
    "toon in plaats daarvan wanneer: bevindingen met een tijdstip per maand, weekdag en dagdeel":
        "show when instead: findings with a time of day per month, weekday and part of day",
}

TREND_ARROWS = {"beter": "↑", "slechter": "↓", "gelijk": "→", "onbekend": "·"}


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wijk", metavar="WIJK", help="alleen deze wijk")
    parser.add_argument("--buurt", metavar="BUURT", help="alleen deze buurt")
    parser.add_argument("--from", dest="start", metavar="DATUM",
                        help="vanaf deze datum (JJJJ-MM-DD; standaard een jaar voor --to)")
    parser.add_argument("--to", dest="end", metavar="DATUM", help="tot en met deze datum (JJJJ-MM-DD; standaard vandaag)")


def register(command, sub) -> dict[str, Handler]:
    overview = command("overview", "overzicht per wijk en buurt over een periode: rondes, bevindingen, "
                                   "onder de norm, meting, acties, trend")
    _period_options(overview)
    central_options(overview)
    hotspots = command("hotspots", "plekken waar bevindingen onder de norm terugkomen (binnen 50 m, over rondes)")
    _period_options(hotspots)
    hotspots.add_argument("--limit", type=int, default=20, metavar="N", help="hoeveel plekken tonen (standaard 20)")
    hotspots.add_argument("--times", action="store_true",
                          help="toon in plaats daarvan wanneer: bevindingen met een tijdstip per maand, weekdag en dagdeel")
    return {"overview": cmd_overview, "hotspots": cmd_hotspots}


# -- text ------------------------------------------------------------------------------
def _pct(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def trend_text(trend) -> str:
    """An arrow with its word, and what it compares (never an arrow alone)."""
    word = messages.render(f"overview_trend_{trend.direction}")
    if not trend.basis:
        return f"{TREND_ARROWS[trend.direction]} {word}"
    return f"{TREND_ARROWS[trend.direction]} {word} ({messages.render('overview_basis_' + trend.basis)})"


def _row(area, indent: str) -> list[str]:
    meting = "-" if area.meting is None else f"{_pct(area.meting.overall.share)} (n={area.meting.overall.n})"
    return [indent + area.name, str(area.rounds_total), str(area.findings), str(area.below_norm), meting,
            f"{area.actions_open}/{area.actions_overdue}/{area.actions_done}", _pct(area.solved_share),
            trend_text(area.trend)]


def overview_text(o) -> str:
    head = messages.render("overview_title", start=o.period.start.isoformat(), end=o.period.end.isoformat(),
                           prev_start=o.previous.start.isoformat(), prev_end=o.previous.end.isoformat())
    header = messages.render("overview_columns").split("|")
    rows = []
    for wijk in o.wijken:
        rows.append(_row(wijk, ""))
        rows += [_row(b, "  ") for b in o.buurten if b.wijk == wijk.name]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [head, "", "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) if i < 7 else c for i, (c, w) in
                        enumerate(zip(r, widths, strict=True))).rstrip() for r in rows]
    if o.indicators:
        from schouw.cli_indicators import _line

        lines += ["", messages.render("overview_indicators")] + [f"  {_line(r)}" for r in o.indicators]
    return "\n".join(lines)


def central_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--central", metavar="URL",
                        help="lees de centrale database van de gemeente in plaats van dit project (postgresql://…); "
                             "--from postgresql://… mag ook")
    parser.add_argument("--schema", default="schouw", help="schema in de centrale database (standaard schouw)")


def central_source(args: argparse.Namespace) -> str | None:
    """The central store to read (issue #21: ``overview --from postgresql://…``): given
    with ``--central`` or as ``--from`` (whose other meaning is the period's first day)."""
    start = getattr(args, "start", None) or ""
    if start.startswith(("postgresql://", "postgres://")):
        args.start = None
        return start
    return getattr(args, "central", None)


@contextlib.contextmanager
def reading(args: argparse.Namespace, source: str | None):
    """The project to read: this one (read-only), or a fresh copy of the central store
    made with the pull's merge (:func:`schouw.publish.pull.central_project`), so the read
    model is the same one either way."""
    from schouw.cli import _open

    if not source:
        with _open(args, "read") as project:
            yield project
        return
    from schouw.publish.pull import central_project

    with central_project(source, schema=args.schema) as project:
        yield project


def cmd_overview(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit
    from schouw.services.monitoring import build_overview, make_period

    source = central_source(args)
    make_period(args.start, args.end)  # a bad date fails before the project is opened
    with reading(args, source) as project:
        overview = build_overview(project, start=args.start, end=args.end, wijk=args.wijk, buurt=args.buurt)
    _emit(args, overview.as_dict(), lambda: overview_text(overview))
    return EXIT_OK


def hotspots_text(spots) -> str:
    if not spots:
        return messages.render("hotspots_none")
    lines = [messages.render("hotspots_columns")]
    for n, s in enumerate(spots, 1):
        lines.append(f"{n:>3}. {s.street} ({s.buurt}): {messages.render('hotspots_line', rounds=s.rounds, findings=s.findings, worst=s.worst, items=', '.join(s.item_names[:3]))}")
    return "\n".join(lines)


def _bars(pairs: list[tuple[str, int]]) -> list[str]:
    """Counts as a text chart: one bar per row, the longest 30 characters (counts, not shares)."""
    top = max((n for _, n in pairs), default=0) or 1
    width = max((len(label) for label, _ in pairs), default=0)
    return [f"  {label.ljust(width)}  {'█' * round(30 * n / top)} {n}".rstrip() for label, n in pairs]


def times_text(times) -> str:
    if not times.total:
        return messages.render("hottimes_none")
    months = messages.render("hottimes_months").split("|")
    days = messages.render("hottimes_weekdays").split("|")
    lines = [messages.render("hottimes_title", n=times.total), "", messages.render("hottimes_by_part")]
    lines += _bars(list(times.parts.items()))
    lines += ["", messages.render("hottimes_by_weekday")] + _bars([(days[d], n) for d, n in times.weekdays.items()])
    lines += ["", messages.render("hottimes_by_month")] + _bars([(months[m - 1], n) for m, n in times.months.items()])
    return "\n".join(lines)


def times_dict(times) -> dict:
    return {"total": times.total, "parts_of_day": dict(times.parts),
            "weekdays": [times.weekdays[d] for d in range(7)], "months": [times.months[m] for m in range(1, 13)],
            "note": "counts of findings with a time of day; weekdays from Monday, months from January"}


def cmd_hotspots(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.monitoring import make_period

    if args.limit < 1:
        raise messages.SchouwError("hotspots_bad_limit", value=args.limit)
    make_period(args.start, args.end)
    from schouw.services.hotspots import find_hotspots, hot_times

    if args.times:
        with _open(args, "read") as project:
            times = hot_times(project, start=args.start, end=args.end, wijk=args.wijk, buurt=args.buurt)
        _emit(args, times_dict(times), lambda: times_text(times))
        return EXIT_OK
    with _open(args, "read") as project:
        spots = find_hotspots(project, start=args.start, end=args.end, wijk=args.wijk, buurt=args.buurt)[:args.limit]
    _emit(args, [s.as_dict() for s in spots], lambda: hotspots_text(spots))
    return EXIT_OK
