"""``schouw rechecks list`` and ``schouw recheck``: re-inspection (herschouw) from the
command line, through the same use cases as the app's walk (schouw.services.rechecks)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from schouw import messages

Handler = Callable[[argparse.Namespace], int]

RESULTS = ("opgelost", "aanwezig", "erger")

HELP_EN: dict[str, str] = {
    "de te controleren punten van een ronde (herschouw)": "the points of a round to re-inspect (herschouw)",
    "toon de te controleren punten van een ronde": "list the points of a round to re-inspect",
    "alleen de punten die nog niet gecontroleerd zijn": "only the points not checked yet",
    "markeer een te controleren punt: opgelost, nog aanwezig of erger":
        "mark a point to re-inspect: solved, still present or worse",
    "het nieuwe niveau (bij erger verplicht, bij een waarneming niet toegestaan)":
        "the new level (required with erger, not allowed on an observation)",
}


def register(command, sub) -> dict[str, Handler]:
    rechecks = command("rechecks", "de te controleren punten van een ronde (herschouw)")
    rechecks_sub = rechecks.add_subparsers(dest="rechecks_command", metavar="OPDRACHT", required=True)
    listing = command("list", "toon de te controleren punten van een ronde", rechecks_sub)
    listing.add_argument("--round", required=True, metavar="ID")
    listing.add_argument("--open", action="store_true", help="alleen de punten die nog niet gecontroleerd zijn")
    recheck = command("recheck", "markeer een te controleren punt: opgelost, nog aanwezig of erger")
    recheck.add_argument("id", metavar="ID")
    recheck.add_argument("--result", required=True, choices=RESULTS)
    recheck.add_argument("--level", metavar="NIVEAU",
                         help="het nieuwe niveau (bij erger verplicht, bij een waarneming niet toegestaan)")
    return {"rechecks": cmd_rechecks, "recheck": cmd_recheck}


PUBLIC = ("id", "follows", "street", "item", "previous_level", "result", "level")


def cmd_rechecks(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services import rechecks

    with _open(args) as project:
        data = [{k: p[k] for k in PUBLIC} for p in rechecks.points(project, args.round, open_only=args.open)]

    def text() -> str:
        unchecked = messages.render("cli_rechecks_unchecked")
        lines = [f"{d['id'][:8]}  {d['street']}  {d['item']}  {d['previous_level'] or '-'}  "
                 f"{messages.render('recheck_result_' + d['result']) if d['result'] else unchecked}"
                 f"{'  ' + d['level'] if d['level'] else ''}" for d in data]
        return "\n".join(lines) or messages.render("cli_rechecks_none")

    _emit(args, data, text)
    return EXIT_OK


def cmd_recheck(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services import rechecks

    with _open(args) as project:
        marked = rechecks.mark(project, args.id, args.result, args.level)
        point = next(p for p in rechecks.points(project, project.rechecks.get(marked.recheck_id).round_id)
                     if p["id"] == marked.recheck_id)
    data = {k: point[k] for k in PUBLIC} | {"finding_id": marked.finding_id}
    _emit(args, data, lambda: messages.render(
        "cli_recheck_marked", street=point["street"], item=point["item"],
        result=messages.render("recheck_result_" + point["result"])))
    return EXIT_OK
