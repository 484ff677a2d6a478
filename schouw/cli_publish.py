"""``schouw publish --to postgresql://…``: the project into the municipality's
PostgreSQL/PostGIS (issue #21), through the one use case :func:`schouw.publish.publish`.

Publishing only reads the project (``ACCESS["publish"] = "read"``), so it never waits
for the app. A password in the URL is accepted but goes to the keyring at once and is
never printed; every message shows the URL without it. Exit 2: something to fix (wrong
password, no PostGIS, a schema of a newer schouw, a bad option); exit 3: the server is
not reachable or went away — publish again later, nothing is sent twice.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from schouw import messages

Handler = Callable[[argparse.Namespace], int]

HELP_EN: dict[str, str] = {
    "publiceer naar de PostgreSQL/PostGIS-database van de gemeente":
        "publish to the municipality's PostgreSQL/PostGIS database",
    "adres van de database: postgresql://gebruiker@host/database (een wachtwoord erin gaat naar de sleutelbos)":
        "address of the database: postgresql://user@host/database (a password in it goes to the keyring)",
    "schema in de database (standaard schouw)": "schema in the database (default schouw)",
    "alleen deze ronde (met buurt, straten, acties, herschouwingen en foto's)":
        "only this round (with its buurt, streets, actions, re-inspections and photos)",
    "alles (standaard)": "everything (default)",
    "ook deelnemers (namen, e-mail, telefoon) publiceren": "also publish participants (names, e-mail, phone)",
    "schrijf de gemaskeerde kopie van elke foto in deze map": "write the masked copy of every photo to this folder",
    "zet de gemaskeerde kopie van elke foto in de database (tabel photo_files)":
        "put the masked copy of every photo in the database (table photo_files)",
    "haal de centrale stand van een buurt op (samengevoegd zoals een pakket)":
        "bring the central state of a buurt onto this laptop (merged like a package)",
    "adres van de database: postgresql://gebruiker@host/database":
        "address of the database: postgresql://user@host/database",
    "naam, buurtcode of id van de buurt": "name, buurt code or id of the buurt",
}


def register(command, sub) -> dict[str, Handler]:
    publish = command("publish", "publiceer naar de PostgreSQL/PostGIS-database van de gemeente")
    publish.add_argument("--to", required=True, metavar="URL",
                         help="adres van de database: postgresql://gebruiker@host/database "
                              "(een wachtwoord erin gaat naar de sleutelbos)")
    publish.add_argument("--schema", default="schouw", help="schema in de database (standaard schouw)")
    which = publish.add_mutually_exclusive_group()
    which.add_argument("--round", metavar="ID",
                       help="alleen deze ronde (met buurt, straten, acties, herschouwingen en foto's)")
    which.add_argument("--all", action="store_true", help="alles (standaard)")
    publish.add_argument("--personal-data", action="store_true",
                         help="ook deelnemers (namen, e-mail, telefoon) publiceren")
    publish.add_argument("--photos-to", metavar="MAP", type=Path,
                         help="schrijf de gemaskeerde kopie van elke foto in deze map")
    publish.add_argument("--photos-in-db", action="store_true",
                         help="zet de gemaskeerde kopie van elke foto in de database (tabel photo_files)")
    pull = command("pull", "haal de centrale stand van een buurt op (samengevoegd zoals een pakket)")
    pull.add_argument("--from", dest="source", required=True, metavar="URL",
                      help="adres van de database: postgresql://gebruiker@host/database")
    pull.add_argument("--buurt", required=True, help="naam, buurtcode of id van de buurt")
    pull.add_argument("--schema", default="schouw", help="schema in de database (standaard schouw)")
    return {"publish": cmd_publish, "pull": cmd_pull}


def cmd_pull(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.publish.pull import pull

    with _open(args, "write") as project:
        result = pull(project, args.source, args.buurt, schema=args.schema)
    _emit(args, result.as_dict(), lambda: messages.render(
        "pull_done", url=result.url, buurt=result.buurt, rounds=len(result.rounds), added=result.total("added"),
        updated=result.total("updated"), unchanged=result.total("unchanged"), conflicts=result.total("conflicts")))
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.publish import publish

    with _open(args, "read") as project:
        result = publish(project, args.to, schema=args.schema, round_id=args.round,
                         personal_data=args.personal_data, photos_to=args.photos_to,
                         photos_in_db=args.photos_in_db)
    _emit(args, result.as_dict(), lambda: messages.render(
        "publish_done", url=result.url, schema=result.schema, changed=result.changed, skipped=result.skipped,
        photos=result.photos_written))
    return EXIT_OK
