"""`schouw feedback publish`: the coordinator's tick "Opmerking mag naar bewoners" from
the command line, through the same use case as the finding editor's checkbox. The
document itself is `schouw report RONDE --kind terugkoppeling` (cli.py)."""

from __future__ import annotations

import argparse
from typing import Any

from schouw import messages
from schouw.cli import EXIT_OK, _emit, _open

#: English for these commands' help texts and for the terugkoppeling options of `report`.
HELP_EN: dict[str, str] = {
    "terugkoppeling voor bewoners: welke opmerkingen erin mogen":
        "feedback for residents: which remarks may go in",
    "laat de opmerking van een bevinding zien in de terugkoppeling voor bewoners":
        "show a finding's remark in the feedback for residents",
    "id van de bevinding (of de eerste tekens ervan)": "id of the finding (or its first characters)",
    "haal het vinkje weg: de opmerking blijft uit de terugkoppeling":
        "remove the tick: the remark stays out of the feedback",
    "maak het PDF-rapport van een ronde, de actielijst of de terugkoppeling voor bewoners (taal: --lang en)":
        "make the PDF report of a round, the action list or the feedback for residents (language: --lang en)",
    "round: het volledige rapport (standaard); actions: alleen de actielijst; "
    "terugkoppeling: wat er met de punten is gedaan, voor bewoners":
        "round: the full report (default); actions: only the action list; "
        "terugkoppeling: what was done with the points, for residents",
    "pdf (standaard) of csv (alleen de terugkoppeling: ';' en UTF-8 met BOM)":
        "pdf (default) or csv (only the feedback: ';' and UTF-8 with BOM)",
    "terugkoppeling: met de foto's van de punten (met privacymaskers)":
        "feedback: with the points' photos (privacy masks applied)",
    "BEVINDING": "FINDING",
}


def register(command, sub) -> dict[str, Any]:
    feedback = command("feedback", "terugkoppeling voor bewoners: welke opmerkingen erin mogen")
    fsub = feedback.add_subparsers(dest="feedback_command", metavar="OPDRACHT", required=True)
    publish = command("publish", "laat de opmerking van een bevinding zien in de terugkoppeling voor bewoners", fsub)
    publish.add_argument("finding", metavar="BEVINDING", help="id van de bevinding (of de eerste tekens ervan)")
    publish.add_argument("--no", action="store_true",
                         help="haal het vinkje weg: de opmerking blijft uit de terugkoppeling")
    return {"feedback": cmd_feedback}


def cmd_feedback(args: argparse.Namespace) -> int:
    from schouw.services.feedback import set_publishable

    with _open(args) as project:
        finding_id, before = set_publishable(project, args.finding, not args.no)
    key = "cli_finding_not_publishable" if args.no else "cli_finding_publishable"
    _emit(args, {"id": finding_id, "publishable": not args.no, "was": before},
          lambda: messages.render(key, id=finding_id[:8]))
    return EXIT_OK
