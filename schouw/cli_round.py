"""``schouw round participants …`` and ``schouw street walked|unwalked``: the team of a
round and the streets walked, from the command line.

Without these a round made by a script always read as "team of 0, 0 of 18 streets
walked". Each command calls the same use case as the app (the team dialog, the street
list's "gelopen" mark), so the app and the CLI accept and refuse the same things with
the same message.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from schouw import messages

Handler = Callable[[argparse.Namespace], int]


def register(command, sub) -> dict[str, Handler]:
    from schouw.domain.actions import ROLES

    round_ = command("round", "één schouwronde: het team")  # and new/close: cli_meting
    round_sub = round_.add_subparsers(dest="round_command", metavar="OPDRACHT", required=True)
    from schouw.cli_meting import register_round

    register_round(command, round_sub)  # round new, round close (the two kinds of round)
    participants = command("participants", "de deelnemers van een ronde", round_sub)
    people = participants.add_subparsers(dest="participants_command", metavar="OPDRACHT", required=True)
    add = command("add", "zet iemand in het team van een ronde", people)
    add.add_argument("--round", required=True, metavar="ID")
    add.add_argument("--name", required=True, metavar="NAAM")
    add.add_argument("--organisation", default="", metavar="ORGANISATIE")
    add.add_argument("--role", default="overig", metavar="ROL", help="rol: " + ", ".join(ROLES))
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    remove = command("remove", "haal iemand uit het team van een ronde", people)
    remove.add_argument("--round", required=True, metavar="ID")
    remove.add_argument("--name", required=True, metavar="NAAM")
    remove.add_argument("--organisation", metavar="ORGANISATIE",
                        help="nodig als twee deelnemers dezelfde naam hebben")
    listing = command("list", "toon het team van een ronde", people)
    listing.add_argument("--round", required=True, metavar="ID")

    street = command("street", "één straat van een ronde")
    street_sub = street.add_subparsers(dest="street_command", metavar="OPDRACHT", required=True)
    for name, help_text in (("walked", "markeer een straat van de ronde als gelopen"),
                            ("unwalked", "haal het merkteken gelopen weg")):
        mark = command(name, help_text, street_sub)
        mark.add_argument("--round", required=True, metavar="ID")
        mark.add_argument("--street", required=True, metavar="NAAM")
    return {"round": cmd_round, "street": cmd_street}


def _person(p) -> dict:
    return {"id": p.id, "name": p.name, "organisation": p.organisation, "role": p.role,
            "email": p.email, "phone": p.phone}


def cmd_round(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services import rounds

    if args.round_command in ("new", "close"):
        from schouw import cli_meting

        return (cli_meting.cmd_create if args.round_command == "new" else cli_meting.cmd_close)(args)
    with _open(args) as project:
        if args.participants_command == "add":
            person = rounds.add_participant(project, args.round, args.name, args.organisation, args.role,
                                            args.email, args.phone)
            team = rounds.team(project, args.round)
            _emit(args, {**_person(person), "participants": len(team)},
                  lambda: messages.render("cli_participant_added", name=person.name, n=len(team)))
        elif args.participants_command == "remove":
            person = rounds.find_participant(project, args.round, args.name, args.organisation)
            rounds.remove_participant(project, args.round, person.id)
            team = rounds.team(project, args.round)
            _emit(args, {**_person(person), "participants": len(team)},
                  lambda: messages.render("cli_participant_removed", name=person.name, n=len(team)))
        else:
            data = [_person(p) for p in rounds.team(project, args.round)]
            _emit(args, data, lambda: "\n".join(
                f"{d['name']}  ({', '.join(x for x in (d['organisation'], d['role']) if x)})" for d in data)
                or messages.render("cli_no_participants"))
    return EXIT_OK


def cmd_street(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.walk import mark_street

    done = args.street_command == "walked"
    with _open(args) as project:
        street, totals = mark_street(project, args.round, args.street, done)
    key = "cli_street_walked" if done else "cli_street_unwalked"
    _emit(args, {"street_id": street.id, "street": street.name, "walked": done,
                 "streets": totals.streets, "streets_walked": totals.done},
          lambda: messages.render(key, street=street.name, done=totals.done, total=totals.streets))
    return EXIT_OK
