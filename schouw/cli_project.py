"""``schouw new``: make an empty project file.

Every other command refuses a project file that does not exist (a typo in ``--db`` would
otherwise leave a new, empty project beside the real one); making one is a step of its own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from schouw import messages

HELP_EN = {
    "maak een nieuw, leeg projectbestand (standaard het bestand van --db)":
        "make a new, empty project file (default: the file --db names)",
    "het nieuwe projectbestand (.schouw)": "the new project file (.schouw)",
    "naam van het project (standaard de bestandsnaam)": "name of the project (default: the file name)",
}


def register(command: Callable[..., argparse.ArgumentParser], sub: object) -> dict[str, Callable]:
    new = command("new", "maak een nieuw, leeg projectbestand (standaard het bestand van --db)")
    new.add_argument("file", metavar="FILE", nargs="?", help="het nieuwe projectbestand (.schouw)")
    new.add_argument("--name", default="", help="naam van het project (standaard de bestandsnaam)")
    new.add_argument("--gemeente", default="", metavar="NAAM", help="de gemeente")
    return {"new": cmd_new}


def cmd_new(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _db_path, _emit
    from schouw.store import create_project

    path = Path(args.file).expanduser() if args.file else _db_path(args)
    with create_project(path, name=args.name, municipality=args.gemeente) as project:
        data = {"file": str(project.path), "project_id": project.meta("project_id"),
                "name": project.meta("name"), "schema": project.schema_version}
    _emit(args, data, lambda: messages.render("project_created", path=data["file"]))
    return EXIT_OK
