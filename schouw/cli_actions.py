"""`schouw actions list` and `schouw action set`: actions followed by hand from the
command line, with the same use case (and validation) as the *Actiepunten* view."""

from __future__ import annotations

import argparse
from typing import Any

from schouw import messages
from schouw.cli import EXIT_OK, _emit, _open
from schouw.domain.actions import MANUAL_STATUSES

_STATUSES = ", ".join(s.value for s in MANUAL_STATUSES)

#: English for the help texts and metavars of these commands.
HELP_EN: dict[str, str] = {
    "actiepunten: status, partij, termijn en geschiedenis": "actions: status, party, due date and history",
    "toon de actiepunten van een ronde of van het hele project": "list the actions of a round or of the whole project",
    "alleen deze ronde (id of begin ervan)": "only this round (id or its start)",
    "alleen deze partij (hele naam, hoofdletters maken niet uit)": "only this party (whole name, any case)",
    f"alleen deze status ({_STATUSES})": f"only this status ({_STATUSES})",
    "alleen verlopen actiepunten (termijn voorbij, niet afgehandeld of afgewezen)":
        "only overdue actions (due date passed, not afgehandeld or afgewezen)",
    "één actiepunt": "one action",
    "zet de status van het actiepunt van een bevinding (wordt in de geschiedenis bewaard)":
        "set the status of a finding's action (kept in its history)",
    "id van de bevinding (of begin ervan, minstens 8 tekens)": "the finding's id (or its start, at least 8 characters)",
    f"nieuwe status ({_STATUSES})": f"new status ({_STATUSES})",
    "toelichting; verplicht bij afgewezen en heropend": "note; required for afgewezen and heropend",
    "dag waarop het gebeurde (JJJJ-MM-DD, niet voor de ronde)": "day it happened (YYYY-MM-DD, not before the round)",
    "BEVINDING": "FINDING",
    "NAAM": "NAME",
    "TEKST": "TEXT",
    "RONDE": "ROUND",
    "DATUM": "DATE",
}


def register(command, sub) -> dict[str, Any]:
    actions = command("actions", "actiepunten: status, partij, termijn en geschiedenis")
    asub = actions.add_subparsers(dest="actions_command", metavar="OPDRACHT", required=True)
    listing = command("list", "toon de actiepunten van een ronde of van het hele project", asub)
    listing.add_argument("--round", metavar="RONDE", help="alleen deze ronde (id of begin ervan)")
    listing.add_argument("--party", metavar="NAAM", help="alleen deze partij (hele naam, hoofdletters maken niet uit)")
    listing.add_argument("--status", metavar="STATUS", help=f"alleen deze status ({_STATUSES})")
    listing.add_argument("--overdue", action="store_true",
                         help="alleen verlopen actiepunten (termijn voorbij, niet afgehandeld of afgewezen)")
    action = command("action", "één actiepunt")
    bsub = action.add_subparsers(dest="action_command", metavar="OPDRACHT", required=True)
    put = command("set", "zet de status van het actiepunt van een bevinding (wordt in de geschiedenis bewaard)", bsub)
    put.add_argument("finding", metavar="BEVINDING", help="id van de bevinding (of begin ervan, minstens 8 tekens)")
    put.add_argument("--status", required=True, metavar="STATUS", help=f"nieuwe status ({_STATUSES})")
    put.add_argument("--note", default="", metavar="TEKST", help="toelichting; verplicht bij afgewezen en heropend")
    put.add_argument("--date", metavar="DATUM", help="dag waarop het gebeurde (JJJJ-MM-DD, niet voor de ronde)")
    return {"actions": cmd_actions, "action": cmd_action}


def _line(row) -> str:
    due = row.due.isoformat() if row.due else "–"
    late = f" [{messages.render('cli_action_overdue')}]" if row.overdue else ""
    mor = f"  MOR {row.mor_id}" if row.mor_id else ""
    where = f"{row.street} {row.house_number}".strip()
    return (f"{row.finding_id[:8]}  {row.status.label:<15} {due}{late}  {row.party or '–'}  "
            f"{where}  {row.item}{mor}")


def cmd_actions(args: argparse.Namespace) -> int:
    from schouw.services.actions import list_actions

    with _open(args) as project:
        rows = list_actions(project, round_id=args.round, party=args.party, status=args.status,
                            overdue=args.overdue)

    def text() -> str:
        if not rows:
            return messages.render("cli_actions_none")
        lines = []
        for r in rows:
            lines.append(_line(r))
            if r.status_reason:
                lines.append(f"          {r.status.label}: {r.status_reason}")
        late = sum(1 for r in rows if r.overdue)
        return "\n".join([*lines, messages.render("cli_actions_total", n=len(rows), overdue=late)])

    _emit(args, [r.as_dict() for r in rows], text)
    return EXIT_OK


def cmd_action(args: argparse.Namespace) -> int:
    from schouw.services.actions import parse_day, set_status

    when = parse_day(args.date)
    with _open(args) as project:
        before, event = set_status(project, args.finding, args.status, note=args.note, on_date=when)
        finding_id = project.findings.get(args.finding).id
    data = {"finding_id": finding_id, "from": before.value, "to": event.status.value, "note": event.note,
            "date": when.isoformat() if when else None, "at": event.at, "by": event.who}
    _emit(args, data, lambda: messages.render("cli_action_set", id=finding_id[:8], from_status=before.label,
                                              to_status=event.status.label))
    return EXIT_OK
