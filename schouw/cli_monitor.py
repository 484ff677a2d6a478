"""``schouw report --kind monitor --wijk W --year Y --out F.pdf [--xlsx F.xlsx]``: the
council's monitor of one wijk over one year (services/monitor_report.py). The options
live in cli.py's report parser; this module holds the handler and their English, and
the English of the ``--kind`` help as a whole (every kind's words in one sentence)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from schouw import messages
from schouw.messages import SchouwError

HELP_EN: dict[str, str] = {
    "id van de ronde (of de eerste tekens ervan); niet bij --kind monitor":
        "id of the round (or its first characters); not with --kind monitor",
    "round: het volledige rapport (standaard); actions: alleen de actielijst; "
    "terugkoppeling: wat er met de punten is gedaan, voor bewoners; "
    "looproute: kaart en lege genummerde formulieren om op papier te schouwen; "
    "monitor: één wijk over één jaar voor de raad (--wijk, --year; PDF en/of --xlsx); "
    "verloop: per straat en aspect beter of slechter over de reeks rondes van de buurt":
        "round: the full report (default); actions: only the action list; "
        "terugkoppeling: what was done with the points, for residents; "
        "looproute: map and blank numbered forms to inspect on paper; "
        "monitor: one wijk over one year for the council (--wijk, --year; PDF and/or --xlsx); "
        "verloop: per street and aspect better or worse over the buurt's series of rounds",
    "monitor: de wijk": "monitor: the wijk",
    "monitor: het jaar (standaard: vorig jaar)": "monitor: the year (default: last year)",
    "monitor: ook (of alleen) als werkmap": "monitor: also (or only) as a workbook",
    "monitor: uit de centrale database van de gemeente (postgresql://…), alle teams samen":
        "monitor: from the municipality's central database (postgresql://…), all teams together",
    "monitor: schema in de centrale database (standaard schouw)": "monitor: schema in the central database (default schouw)",
}


def register(command, sub) -> dict[str, Any]:
    """No commands of its own: the monitor is a --kind of `report`; this joins HELP_EN."""
    return {}


def cmd_monitor_report(args: argparse.Namespace) -> int:
    """``schouw report --kind monitor --wijk W --year Y --out F.pdf [--xlsx F.xlsx]``."""
    import datetime as dt

    from schouw.cli import EXIT_OK, _emit
    from schouw.cli_overview import reading
    from schouw.services.monitor_report import build_monitor

    if not args.wijk:
        raise SchouwError("mon_needs_wijk")
    year = args.year or dt.date.today().year - 1
    with reading(args, args.central) as project:
        result = build_monitor(project, wijk=args.wijk, year=year, out=Path(args.out) if args.out else None,
                               xlsx=Path(args.xlsx) if args.xlsx else None,
                               lang=getattr(args, "lang", None) or messages.language())
    files = ", ".join(str(p) for p in (result.pdf, result.xlsx) if p is not None)
    _emit(args, {"pdf": str(result.pdf) if result.pdf else None, "xlsx": str(result.xlsx) if result.xlsx else None,
                 "pages": result.pages, "buurten": result.buurten, "lagging": result.lagging, "year": year},
          lambda: messages.render("cli_monitor_made", wijk=args.wijk, year=year, files=files,
                                  buurten=result.buurten, lagging=result.lagging))
    return EXIT_OK
