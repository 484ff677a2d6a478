"""The `schouw` command: the same use cases as the GUI, for scripts and for people who
like a terminal. With no subcommand it opens the app.

Exit codes: 0 done, 1 the project is damaged (``check``) or something unexpected
happened (logged), 2 a user error (bad input, unknown name, missing or foreign file),
explained in one line, 3 the project stayed in use by another window or process for the
whole wait (``SCHOUW_LOCK_TIMEOUT``, 30 s): try again later. ``--json`` output is stable
and documented in the README.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from schouw import __version__, messages, settings
from schouw.messages import SchouwError

EXIT_OK, EXIT_DAMAGED, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3
#: The reader of our output closed the pipe: the shell's code for "ended by SIGPIPE".
EXIT_PIPE = 141
#: How long a writing command waits for another writer (the app, a second command) to let
#: go of the project, unless SCHOUW_LOCK_TIMEOUT says otherwise.
LOCK_TIMEOUT = 30.0

log = logging.getLogger("schouw")


class UsageError(Exception):
    """Argument errors: exit 2 with argparse's message."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        # One line in the user's language, like every other user error; the full usage
        # is one ``--help`` away (argparse's own texts are translated by cli_lang).
        raise UsageError(messages.render("usage_error", prog=self.prog, message=message))


def _globals() -> argparse.ArgumentParser:
    """Options every subcommand accepts, before or after its name."""
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS,
                        help="projectbestand (standaard: project.schouw in de gebruikersmap)")
    common.add_argument("--lang", choices=messages.LANGUAGES, default=argparse.SUPPRESS,
                        help="taal van meldingen en hulp: nl (standaard) of en")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="uitvoer als JSON, voor scripts")
    return common


def build_parser(lang: str | None = None) -> Parser:
    """The whole command line, its help in ``lang`` (default: the current language)."""
    from schouw import cli_lang

    cli_lang.install()
    common = _globals()
    parser = Parser(prog="schouw", parents=[common],
                    description="Wijkschouw: bevindingen per straat vastleggen, rapporteren en uitwisselen.")
    parser.add_argument("--version", action="version", version=f"schouw {__version__}",
                        help="toon het versienummer en stop")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=Parser)

    def command(name: str, help: str, parent=sub, aliases: Sequence[str] = ()) -> Parser:
        return parent.add_parser(name, help=help, parents=[common], description=help, aliases=list(aliases))

    demo = command("demo", "maak een demoproject met twee buurten, rondes, bevindingen en foto's")
    demo.add_argument("file", metavar="FILE")
    demo.add_argument("--overwrite", action="store_true", help="vervang een bestaand bestand")
    demo.add_argument("--photos", type=int, default=40, help="aantal foto's (standaard 40)")

    command("check", "controleer het projectbestand (SQLite, verwijzingen, foto-controlesommen)")
    app = command("app", "open het programma (hetzelfde als schouw zonder opdracht; ook: schouw gui)",
                  aliases=["gui"])
    app.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)

    forms = command("forms", "schouwformulieren")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="OPDRACHT", parser_class=Parser, required=True)
    command("list", "toon de beschikbare formulieren", forms_sub)
    check = command("check", "controleer een formulier- of profielbestand (TOML)", forms_sub)
    check.add_argument("file", metavar="FILE")
    show = command("show", "toon de onderdelen van een formulier: elementen, aspecten, niveaus en normen", forms_sub)
    show.add_argument("name", metavar="NAAM", help="id van het formulier (met --db: de kopie in het project)")
    show.add_argument("--levels", action="store_true", help="toon ook de beschrijving van elk niveau")

    streets = command("streets", "straten van een buurt")
    streets_sub = streets.add_subparsers(dest="streets_command", metavar="OPDRACHT", parser_class=Parser, required=True)
    imp = command("import", "lees straten uit CSV of GeoJSON", streets_sub)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--buurt", required=True)
    imp.add_argument("--wijk")
    imp.add_argument("--name-column", metavar="KOLOM", help="kolom of eigenschap met de straatnaam")
    imp.add_argument("--woonplaats", help="woonplaats voor regels zonder woonplaats-kolom")
    imp.add_argument("--gebiedstype", default="woongebied",
                     choices=["centrum", "woongebied", "hoofdinfra", "bedrijventerrein", "recreatie"],
                     help="gebiedstype van een nieuwe buurt")
    lst = command("list", "toon de straten van een buurt", streets_sub)
    lst.add_argument("--buurt", required=True)
    lst.add_argument("--wijk")

    rounds = command("rounds", "schouwrondes")
    rounds_sub = rounds.add_subparsers(dest="rounds_command", metavar="OPDRACHT", parser_class=Parser, required=True)
    command("list", "toon alle rondes", rounds_sub)
    create = command("create", "begin een nieuwe ronde", rounds_sub)
    from schouw.cli_meting import add_create_options

    add_create_options(create)  # --kind knelpunten|meting, --points, --seed: shared with `round new`

    findings = command("findings", "bevindingen")
    findings_sub = findings.add_subparsers(dest="findings_command", metavar="OPDRACHT", parser_class=Parser, required=True)
    flist = command("list", "toon de bevindingen van een ronde", findings_sub)
    flist.add_argument("--round", required=True, metavar="ID")

    finding = command("finding", "één bevinding")
    finding_sub = finding.add_subparsers(dest="finding_command", metavar="OPDRACHT", parser_class=Parser, required=True)
    add = command("add", "leg een bevinding vast (met foto's)", finding_sub)
    add.add_argument("--round", required=True, metavar="ID")
    add.add_argument("--street", required=True, metavar="NAAM")
    add.add_argument("--number", default="", metavar="HUISNR")
    add.add_argument("--spot", default="", metavar="PLEK")
    add.add_argument("--item", required=True, metavar="ELEMENT.ASPECT")
    add.add_argument("--level", metavar="NIVEAU", help="A+, A, B, C, D of n.v.t.")
    add.add_argument("--choice", metavar="KEUZE")
    add.add_argument("--text", default="")
    add.add_argument("--priority", default="normaal", choices=["laag", "normaal", "hoog", "spoed"])
    add.add_argument("--party", metavar="ACTIEHOUDER")
    add.add_argument("--due", metavar="JJJJ-MM-DD")
    add.add_argument("--photo", nargs="+", default=[], metavar="FILE")

    export = command("export", "maak een exportpakket (ZIP) van een ronde voor de gemeente of de coördinator")
    export.add_argument("round", metavar="RONDE")
    export.add_argument("--out", required=True, metavar="FILE.zip")
    export.add_argument("--since", metavar="PAKKET_OF_DATUM",
                        help="alleen wijzigingen na een eerder pakket (.zip) of sinds een datum (JJJJ-MM-DD)")
    export.add_argument("--no-personal-data", action="store_true",
                        help="laat namen en contactgegevens van deelnemers weg (organisatie en rol blijven)")
    export.add_argument("--xlsx", action="store_true",
                        help="ook bevindingen.xlsx (met de actielijst op een tweede blad) in het pakket")
    imp_pkg = command("import", "voeg een exportpakket (ZIP) samen met dit project; eerst wordt alles gecontroleerd")
    imp_pkg.add_argument("file", metavar="FILE.zip")
    imp_pkg.add_argument("--merge-into", metavar="RONDE",
                         help="voeg de ronde van het pakket samen met deze andere ronde van dezelfde buurt en datum "
                              "(bevindingen gepaard op straat, onderdeel en plek)")
    conflicts = command("conflicts", "conflicten na het samenvoegen van pakketten")
    conflicts_sub = conflicts.add_subparsers(dest="conflicts_command", metavar="OPDRACHT", parser_class=Parser,
                                             required=True)
    clist = command("list", "toon de conflicten (de bewaarde en de opzijgezette versie)", conflicts_sub)
    clist.add_argument("--round", metavar="ID")
    flip = command("flip", "zet de opzijgezette versie terug (nogmaals omdraaien herstelt)", conflicts_sub)
    flip.add_argument("id", metavar="ID")

    report = command("report", "maak het PDF-rapport van een ronde, de actielijst of de terugkoppeling voor bewoners "
                               "(taal: --lang en)")
    report.add_argument("round", metavar="RONDE", nargs="?",
                        help="id van de ronde (of de eerste tekens ervan); niet bij --kind monitor")
    report.add_argument("--out", metavar="FILE.pdf",
                        help="verplicht, behalve bij looproute (dan naast het project)")
    report.add_argument("--kind", choices=["round", "actions", "terugkoppeling", "looproute", "monitor", "verloop"],
                        default="round",
                        help="round: het volledige rapport (standaard); actions: alleen de actielijst; "
                             "terugkoppeling: wat er met de punten is gedaan, voor bewoners; "
                             "looproute: kaart en lege genummerde formulieren om op papier te schouwen; "
                             "monitor: één wijk over één jaar voor de raad (--wijk, --year; PDF en/of --xlsx); "
                             "verloop: per straat en aspect beter of slechter over de reeks rondes van de buurt")
    report.add_argument("--wijk", metavar="WIJK", help="monitor: de wijk")
    report.add_argument("--year", type=int, metavar="JAAR", help="monitor: het jaar (standaard: vorig jaar)")
    report.add_argument("--xlsx", metavar="FILE.xlsx", help="monitor: ook (of alleen) als werkmap")
    report.add_argument("--central", metavar="URL",
                        help="monitor: uit de centrale database van de gemeente (postgresql://…), alle teams samen")
    report.add_argument("--schema", default="schouw", help="monitor: schema in de centrale database (standaard schouw)")
    report.add_argument("--format", choices=["pdf", "csv"], default="pdf",
                        help="pdf (standaard) of csv (alleen de terugkoppeling: ';' en UTF-8 met BOM)")
    report.add_argument("--photos", action="store_true",
                        help="terugkoppeling: met de foto's van de punten (met privacymaskers)")
    report.add_argument("--party", metavar="ACTIEHOUDER",
                        help="alleen de actiepunten van deze actiehouder (maakt een actielijst)")
    report.add_argument("--profile", default="at-round", metavar="at-round|current|ID",
                        help="scoor onder het profiel zoals het gold bij de ronde (standaard), zoals het nu is, "
                             "of onder een ander profiel (id); de hele trend gebruikt hetzelfde profiel")
    report.add_argument("--title", metavar="TEKST",
                        help="verloop: alleen rondes met deze tekst in de titel (zoals trend --title)")
    report.add_argument("--logo", metavar="FILE",
                        help="logo op het voorblad (standaard: de projectinstelling logo_path)")

    sync = command("sync", "verstuur bevindingen naar het meldsysteem van de gemeente (MOR) en haal hun status op")
    sync.add_argument("--profile", metavar="FILE", help="synchronisatieprofiel (TOML); standaard het gekozen profiel")
    sync.add_argument("--dry-run", action="store_true", help="toon wat er zou gaan, zonder iets te versturen")
    sync.add_argument("--retry-failed", action="store_true", help="zet mislukte meldingen eerst terug in de wachtrij")
    sync.add_argument("--set-secret", action="store_true",
                      help="sla de API-sleutel of het client secret van het profiel op (gelezen van stdin of gevraagd)")
    sync.add_argument("--due-only", action="store_true",
                      help="sla meldingen over waarvan de wachttijd na een storing nog loopt (voor geplande taken)")
    sync.add_argument("--list", action="store_true", help="toon alleen de uitgaande meldingen, zonder te versturen")

    for module in _extensions():
        COMMANDS.update(module.register(command, sub))
        cli_lang.EN.update(getattr(module, "HELP_EN", {}))
    cli_lang.translate_parser(parser, lang or messages.language())
    return parser


#: Modules that add their own subcommands: each has ``register(command, sub)``, which adds
#: its parsers with ``command(name, help, parent)`` and returns ``{name: handler}``. Keeping
#: a capability's commands in a module of its own keeps this file from growing without end.
#: A module's ``HELP_EN`` ({Dutch help text: English}) joins the CLI's English texts.
EXTENSIONS: tuple[str, ...] = (
    "schouw.cli_round",
    "schouw.cli_photos",
    "schouw.cli_project",
    "schouw.cli_profiles",
    "schouw.cli_actions",
    "schouw.cli_rechecks",
    "schouw.cli_feedback",
    "schouw.cli_map",
    "schouw.cli_meting",
    "schouw.cli_paper",
    "schouw.cli_indicators",
    "schouw.cli_cycles",
    "schouw.cli_monitor",
    "schouw.cli_overview",
    "schouw.cli_trend",
    "schouw.cli_publish",
)


def _extensions() -> list[Any]:
    import importlib

    return [importlib.import_module(name) for name in EXTENSIONS]


# -- output helpers --------------------------------------------------------------------
def _emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    """Print the result; control characters in data (from a package or an older
    project) are escaped, never sent to the terminal as such (escape injection)."""
    from schouw.domain.text import printable

    if getattr(args, "json", False):
        # json escapes C0 itself; DEL and C1 (e.g. U+009B, a CSI on some terminals) too:
        print(re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}",
                     json.dumps(data, ensure_ascii=False, indent=2, default=str)))
    else:
        print(printable(text()))


def _db_path(args: argparse.Namespace) -> Path:
    db = getattr(args, "db", None)
    return Path(db).expanduser() if db else settings.default_project_path()


#: What each command does to the project, in one place: "read" opens it without the lock
#: (never waits for the app, refuses any write, works on a read-only medium); "write"
#: takes the lock, waiting for it up to SCHOUW_LOCK_TIMEOUT. A command missing here
#: counts as a write. Keys are the command and its subcommands, as typed.
ACCESS: dict[str, str] = {
    "check": "read", "rounds list": "read", "findings list": "read", "streets list": "read",
    "report": "read", "export": "read", "conflicts list": "read", "forms list": "read",
    "forms show": "read", "sync --list": "read", "photos list": "read", "photo masks": "read",
    "round participants list": "read", "actions list": "read", "rechecks list": "read",
    "streets import": "write", "rounds create": "write", "finding add": "write", "import": "write",
    "conflicts flip": "write", "sync": "write",
    "map": "read", "buurten import": "write",
    "points list": "read", "score": "read", "points": "write", "round new": "write", "round close": "write",
    "indicators list": "read", "indicators show": "read", "indicators": "write",
    "cycles list": "read", "cycles show": "read", "cycles report": "read", "cycles": "write",
    "overview": "read", "hotspots": "read",
    "trend": "read",
    "publish": "read", "pull": "write",
}


def _access(args: argparse.Namespace) -> str:
    """ACCESS for this command line: the longest documented prefix of its words."""
    words = [args.command or ""]
    while sub := getattr(args, f"{words[-1]}_command", None):
        words.append(sub)
    if words == ["sync"] and getattr(args, "list", False):
        words.append("--list")
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in ACCESS:
            return ACCESS[" ".join(words[:n])]
    return "write"


def _lock_timeout() -> float:
    value = os.environ.get("SCHOUW_LOCK_TIMEOUT", "")
    if not value.strip():
        return LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also refuses nan
        raise SchouwError("bad_lock_timeout", value=value)
    return seconds


def _open(args: argparse.Namespace, access: str | None = None):
    """Open the project for this command: read-only or for writing, as :data:`ACCESS`
    says (or ``access``, for a command that decides by its options). A missing file is an
    error for every command (``schouw new`` makes one)."""
    from schouw.store import open_project

    path = _db_path(args)
    if (access or _access(args)) == "read":
        project = open_project(path, readonly=True)
        if project.readonly_medium:
            print(messages.render("project_readonly_medium", path=str(project.path)), file=sys.stderr)
        return project
    timeout = _lock_timeout()
    return open_project(path, wait=timeout, on_wait=lambda: print(
        messages.render("project_waiting", path=str(path), seconds=f"{timeout:g}"), file=sys.stderr, flush=True))


# -- commands ---------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace) -> int:
    from schouw.services.demo import build_demo

    path = Path(args.file).expanduser()
    if path.exists() and not args.overwrite:
        raise SchouwError("demo_exists", path=str(path))
    stats = build_demo(path, photos=args.photos, overwrite=args.overwrite)
    _emit(args, {"file": str(path), **stats},
          lambda: messages.render("cli_demo_made", path=path, rounds=stats["rounds"], findings=stats["findings"],
                                  photos=stats["photos"], streets=stats["streets"]))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from schouw.store.integrity import check_project, summary

    with _open(args) as project:
        problems = check_project(project)
        counts = summary(project)
    path = str(_db_path(args))
    _emit(args, {"file": path, "ok": not problems, "problems": problems, **counts},
          lambda: messages.render("integrity_ok", path=path, **counts) if not problems
          else "\n".join([messages.render("project_damaged", path=path, detail=messages.count(len(problems), "problem"))]
                         + [f"  - {p}" for p in problems]))
    return EXIT_OK if not problems else EXIT_DAMAGED


def cmd_forms(args: argparse.Namespace) -> int:
    from schouw.services.forms import (
        available_forms,
        is_profile_file,
        load_form,
        load_profile,
        profile_problems,
    )

    if args.forms_command == "show":
        from schouw.cli_profiles import cmd_forms_show

        return cmd_forms_show(args)
    if args.forms_command == "check" and is_profile_file(args.file):
        profile = load_profile(args.file)
        problems = profile_problems(profile)
        if problems:
            raise SchouwError("bad_profile", path=args.file, detail="; ".join(problems))
        _emit(args, {"file": args.file, "ok": True, "id": profile.id, "kind": "profile"},
              lambda: messages.render("cli_profile_ok", file=args.file, name=profile.name, id=profile.id))
        return EXIT_OK
    if args.forms_command == "check":
        form = load_form(args.file)
        n_items = len(form.item_keys())
        _emit(args, {"file": args.file, "ok": True, "id": form.id, "version": form.version,
                     "elements": len(form.elements), "items": n_items},
              lambda: messages.render("cli_form_ok", file=args.file, title=form.title, form_key=form.key,
                                      elements=len(form.elements), items=n_items))
        return EXIT_OK
    forms = available_forms()
    data = [{"id": f.id, "version": f.version, "title": f.title, "kind": f.kind,
             "elements": len(f.elements), "items": len(f.item_keys())} for f in forms.values()]
    _emit(args, data, lambda: "\n".join(f"{d['id']:<24} {d['version']:<10} {d['title']}" for d in data))
    return EXIT_OK


def cmd_streets(args: argparse.Namespace) -> int:
    if args.streets_command == "import":
        from schouw.exchange.streets import read_streets
        from schouw.services.streets import import_streets

        # Read (and so validate) the file before opening the project.
        read_streets(args.file, name_column=args.name_column, woonplaats=args.woonplaats)
        with _open(args) as project:
            result = import_streets(project, args.file, buurt=args.buurt, wijk=args.wijk,
                                    name_column=args.name_column, woonplaats=args.woonplaats,
                                    area_type=args.gebiedstype)
        _emit(args, result.__dict__,
              lambda: messages.render("cli_streets_imported", read=result.read, added=result.added,
                                      updated=result.updated, buurt=result.buurt, wijk=result.wijk))
        return EXIT_OK
    with _open(args) as project:
        buurt = project.areas.find_buurt(args.buurt, args.wijk)
        streets = project.areas.streets(buurt.id)
    data = [{"id": s.id, "name": s.name, "woonplaats": s.woonplaats, "house_numbers": s.house_numbers,
             "has_geometry": s.geometry is not None} for s in streets]
    _emit(args, data, lambda: "\n".join(f"{d['name']}  ({d['woonplaats']})" for d in data))
    return EXIT_OK


def cmd_rounds(args: argparse.Namespace) -> int:
    if args.rounds_command == "create":
        from schouw.cli_meting import cmd_create

        return cmd_create(args)
    with _open(args) as project:
        rows = project.rounds.list()
    data = [{"id": r["id"], "wijk": r["wijk"], "buurt": r["buurt"], "date": r["date"],
             "form_id": r["form_id"], "form_version": r["form_version"], "title": r["title"],
             "findings": r["findings"], "participants": r["participants"], "kind": r["kind"],
             "points": r["points_n"], "closed": r["closed_at"] is not None} for r in rows]
    _emit(args, data, lambda: "\n".join(
        f"{d['id'][:8]}  {d['date']}  {d['wijk']} / {d['buurt']}  {d['form_id']}@{d['form_version']}  "
        f"{messages.render('round_kind_' + d['kind'])}  "
        f"{messages.count(d['findings'], 'finding')}" for d in data) or messages.render("cli_no_rounds"))
    return EXIT_OK


def _finding_json(row: dict) -> dict:
    level = "n.v.t." if row["not_applicable"] else row["level"]
    return {"id": row["id"], "street": row["street"], "number": row["number"], "spot": row["spot"],
            "element": row["element"], "aspect": row["aspect"], "level": level, "choice": row["choice"],
            "text": row["text"], "priority": row["priority"], "lat": row["lat"], "lon": row["lon"],
            "photo_count": row["photo_count"], "action_party": row["action_party"],
            "action_status": row["action_status"], "action_due": row["action_due"]}


def _level_text(row: dict) -> str | None:
    """The level as the user reads it: n.v.t. is "n/a" in English (JSON keeps "n.v.t.")."""
    return messages.render("level_nvt") if row["level"] == "n.v.t." else row["level"]


def cmd_findings(args: argparse.Namespace) -> int:
    with _open(args) as project:
        round_ = project.rounds.get(args.round)
        follows = project.rechecks.follows_of()
        from schouw.services.mapscene import outside_flags

        outside = outside_flags(project, round_.id)  # flagged, never refused (buurt boundaries)
        rows = [{**_finding_json(r), "follows": follows.get(r["id"]), "outside_buurt": outside.get(r["id"], False)}
                for r in project.findings.list(round_.id)]
    _emit(args, rows, lambda: "\n".join(
        f"{r['id'][:8]}  {r['street']} {r['number']}  {r['element']}.{r['aspect']}  {_level_text(r) or r['choice'] or '-'}  "
        f"{r['text'][:50]}" for r in rows) or messages.render("cli_no_findings"))
    return EXIT_OK


def cmd_finding(args: argparse.Namespace) -> int:
    from schouw.services.findings import add_finding
    from schouw.services.rounds import parse_date

    due = parse_date(args.due) if args.due else None
    with _open(args) as project:
        finding, _ = add_finding(
            project, args.round, street=args.street, item=args.item, level=args.level,
            choice=args.choice, number=args.number, spot=args.spot, text=args.text,
            priority=args.priority, party=args.party, due=due, photos=args.photo)
    _emit(args, {"id": finding.id}, lambda: finding.id)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from schouw.services.exchange import export_package

    with _open(args) as project:
        result = export_package(project, args.round, args.out, since=args.since,
                                personal_data=not args.no_personal_data, xlsx=args.xlsx)
    _emit(args, result.as_dict(),
          lambda: messages.render("cli_package_made", path=result.path, findings=result.findings,
                                  photos=result.photos,
                                  incremental=messages.Text("cli_only_changes") if result.incremental else ""))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from schouw.services.exchange import check_package, import_package, round_note, summary_line

    package = check_package(args.file)  # before the project is opened
    with _open(args) as project:
        result = import_package(project, package, merge_into=args.merge_into)
        note = round_note(project, result)
    _emit(args, result.as_dict(), lambda: "\n".join(filter(None, (summary_line(result), note))))
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from schouw.services.exchange import (
        describe_value,
        field_label,
        flip_conflict,
        list_conflicts,
        table_label,
    )

    with _open(args) as project:
        if args.conflicts_command == "flip":
            views = [flip_conflict(project, args.id)]
        else:
            round_id = project.rounds.get(args.round).id if args.round else None
            views = list_conflicts(project, round_id)
    side = {"lokaal": messages.Text("side_local"), "pakket": messages.Text("side_package")}

    def text() -> str:
        lines = []
        for v in views:
            lines.append(messages.render(
                "cli_conflict_line", id=v.id[:8], kind=table_label(v.table), what=v.what,
                kept_side=side.get(v.kept_side, v.kept_side), kept_at=v.kept_at, other_at=v.other_at,
                flips=messages.Text("cli_conflict_flips", n=v.flips) if v.flips else ""))
            lines.extend(messages.render("cli_conflict_field", field=field_label(f), kept=describe_value(k),
                                         other=describe_value(o)) for f, k, o in v.fields)
        return "\n".join(lines) or messages.render("cli_no_conflicts")

    _emit(args, [v.as_dict() for v in views], text)
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from schouw.services.reports import build_report

    if args.kind == "monitor":
        from schouw.cli_monitor import cmd_monitor_report

        return cmd_monitor_report(args)
    if not args.round:
        raise SchouwError("report_needs_round")
    if args.kind == "looproute":
        from schouw.cli_paper import cmd_walk_pack

        return cmd_walk_pack(args)
    if args.kind == "verloop":
        from schouw.cli_trend import cmd_verloop_report

        return cmd_verloop_report(args)
    if not args.out:
        raise SchouwError("report_out_missing")
    kind = "actions" if args.party and args.kind != "terugkoppeling" else args.kind
    with _open(args) as project:
        result = build_report(project, args.round, args.out, kind=kind, party=args.party,
                              lang=getattr(args, "lang", None) or messages.language(), logo=args.logo,
                              profile_choice=args.profile, fmt=args.format, photos=args.photos)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    key = "cli_report_made"
    if kind == "terugkoppeling":
        key = "cli_feedback_csv_made" if args.format == "csv" else "cli_feedback_made"
    _emit(args, {"file": str(result.path), "kind": result.kind, "format": args.format, "pages": result.pages,
                 "findings": result.findings, "photos": result.photos, "actions": result.actions,
                 "warnings": list(result.warnings)},
          lambda: messages.render(key, path=result.path, pages=result.pages,
                                  findings=result.findings, photos=result.photos, actions=result.actions))
    return EXIT_OK


def _read_secret() -> str:
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(messages.render("cli_secret_prompt"))
    return sys.stdin.readline().strip()


def _sync_text(outcome, rows: list[dict]) -> str:
    render = messages.render
    packages = [render("sync_package_line", file=p["file"], state=p["state"]) for p in outcome.packages]
    if outcome.dry_run:
        lines = [render("sync_dry_run", profile=outcome.profile, n=len(outcome.plan))]
        lines += [render("sync_plan_line", id=p["finding_id"][:8], title=p["title"], photos=p["photos"],
                         code=p["service_code"] or messages.Text("sync_no_service_code")) for p in outcome.plan]
        return "\n".join(lines + packages)
    lines = []
    run = outcome.run
    if run is not None:
        lines.append(render("sync_run", profile=outcome.profile, sent=len(run.sent), failed=len(run.failed),
                            unknown=len(run.unknown), retrying=len(run.retrying), statuses=run.statuses,
                            photos=run.photos))
        lines += [render("sync_sent_line", id=r.finding_id[:8],
                         remote=r.remote_id or messages.Text("sync_waiting_number")) for r in run.sent]
        for key, results in (("sync_failed_line", run.failed), ("sync_unknown_line", run.unknown),
                             ("sync_later_line", run.retrying)):
            lines += [render(key, id=r.finding_id[:8], message=r.message) for r in results]
        if run.offline:
            lines.append(render("sync_offline", detail=run.offline))
        if run.cancelled:
            lines.append(render("sync_cancelled"))
    lines += packages
    if outcome.package_error:
        lines.append(render("sync_packages_error", detail=outcome.package_error))
    c = outcome.counts
    lines.append(render("sync_outbox", queued=c.get("queued", 0), sent=c.get("sent", 0), failed=c.get("failed", 0),
                        unknown=c.get("unknown", 0) + c.get("sending", 0)))
    return "\n".join(lines)


def cmd_sync(args: argparse.Namespace) -> int:
    from schouw.services import sync as sync_service

    if args.list:
        with _open(args) as project:
            rows = sync_service.outbox_rows(project)
        _emit(args, rows, lambda: "\n".join(
            messages.render("sync_outbox_line", id=r["finding_id"][:8], street=r["street"], number=r["number"],
                            item=f"{r['element']}.{r['aspect']}", label=r["label"], attempts=r["attempts"])
            for r in rows) or messages.render("sync_no_outgoing"))
        return EXIT_OK
    profile = sync_service.load_profile(args.profile)
    if args.set_secret:
        where = sync_service.store_secret(profile, _read_secret())
        _emit(args, {"profile": profile.name, "store": where},
              lambda: messages.render("secret_saved", profile=profile.name, store=where))
        return EXIT_OK
    from schouw.domain.parties import unmatched

    with _open(args) as project:
        outcome = sync_service.run_sync(project, profile, dry_run=args.dry_run, retry=args.retry_failed,
                                        respect_backoff=args.due_only)
        rows = sync_service.outbox_rows(project)
        known = project.actions.parties()
    _emit(args, {**outcome.as_dict(), "outbox": rows}, lambda: _sync_text(outcome, rows))
    missing = unmatched(profile.selection.parties, known)
    if missing:  # a warning, not an error: a new project has no actions yet
        print(messages.render("sync_unknown_parties", parties=", ".join(missing), known=", ".join(known) or "-"),
              file=sys.stderr)
    if outcome.run is not None and outcome.run.aborted:
        print(messages.render("sync_aborted", detail=outcome.run.aborted), file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def cmd_app(args: argparse.Namespace) -> int:
    from schouw.gui_check import require_display

    require_display()  # before Qt loads: Qt aborts the process when it cannot open a window
    from schouw.ui.app import run_app

    return run_app(getattr(args, "db", None), screenshot=getattr(args, "screenshot", None))


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo, "check": cmd_check, "forms": cmd_forms, "streets": cmd_streets,
    "rounds": cmd_rounds, "findings": cmd_findings, "finding": cmd_finding, "app": cmd_app, "gui": cmd_app,
    "export": cmd_export, "import": cmd_import, "conflicts": cmd_conflicts,
    "report": cmd_report, "sync": cmd_sync,
}


def _log_unexpected() -> Path:
    path = settings.log_dir() / "schouw.log"
    # a database URL may carry a password (schouw publish --to postgresql://u:pw@…): never log it
    words = " ".join(re.sub(r"(://[^/@\s:]*:)[^/@\s]*@", r"\1***@", word) for word in sys.argv)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n--- {datetime.now().isoformat()} schouw {__version__} {words}\n")
        handle.write(traceback.format_exc())
    return path


def _closed_pipe() -> int:
    """The reader went away (``schouw --json rounds list | head -1``): that is not an
    error. Point stdout at nothing so the interpreter's last flush cannot complain, and
    end as a program ended by SIGPIPE does (128 + 13), without a word on stderr."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_PIPE


def _project_argument(argv: list[str]) -> list[str]:
    """``schouw FILE.schouw`` (how a double-clicked project file starts us) means
    ``schouw app --db FILE.schouw``: a first word that is no command but names a
    ``.schouw`` file or, as a path, an existing file."""
    if "--db" in argv or any(word.startswith("--db=") for word in argv):
        return argv
    # the first word that is neither an option nor the value of --lang
    words = [i for i, word in enumerate(argv) if not word.startswith("-") and (i == 0 or argv[i - 1] != "--lang")]
    if not words:
        return argv
    first = words[0]
    word = argv[first]
    if word in COMMANDS:
        return argv
    # no command ends in .schouw or holds a slash
    if word.lower().endswith(".schouw") or (("/" in word or os.sep in word) and Path(word).is_file()):
        return ["app", "--db", word, *argv[:first], *argv[first + 1:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    from schouw import cli_lang

    argv = list(sys.argv[1:] if argv is None else argv)
    argv = _project_argument(argv)
    # argparse reports errors while it parses --lang itself, so look for it first.
    messages.set_language(cli_lang.prescan(argv))
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # --help into a closed pipe
        return _closed_pipe()
    messages.set_language(getattr(args, "lang", None) or messages.language())
    handler = COMMANDS.get(args.command or "app")
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except SchouwError as error:
        from schouw.domain.text import printable

        print(printable(error.message()), file=sys.stderr)  # may quote what the user typed
        return EXIT_BUSY if error.key in messages.RETRY_LATER else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - last line of defence: log, explain, keep data
        path = _log_unexpected()
        print(messages.render("unexpected", detail=type(error).__name__, log=str(path)), file=sys.stderr)
        return EXIT_DAMAGED


if __name__ == "__main__":
    raise SystemExit(main())
