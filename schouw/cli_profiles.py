"""`schouw profiles ...` and `schouw forms show`: the quality profile from the command
line, with the same use cases (and validation) as the *Kwaliteitsprofiel* dialog."""

from __future__ import annotations

import argparse
from typing import Any

from schouw import messages
from schouw.cli import EXIT_OK, _db_path, _emit, _open
from schouw.domain.profile import AREA_TYPES
from schouw.domain.profile_edit import GAP, ProfileChange
from schouw.messages import SchouwError

#: English for the help texts and metavars of these commands (and for `forms show` and `report
#: --profile` in cli.py): picked up by the CLI's language support where it has it.
HELP_EN: dict[str, str] = {
    "kwaliteitsprofielen: normen per aspect en gebiedstype, streefwaarden, wijzigingen":
        "quality profiles: norms per aspect and area type, targets, changes",
    "toon de profielbestanden (meegeleverd en eigen) en de profielen in het project":
        "list the profile files (shipped and own) and the profiles in the project",
    "toon het profiel van het project: niveaus, streefwaarden en normen":
        "show the project's profile: levels, targets and norms",
    "profiel in het project (standaard het geldende)": "profile in the project (default: the one in force)",
    "toon het profiel zoals het gold op de datum van deze ronde (wat zijn rapport standaard gebruikt)":
        "show the profile as it was in force on this round's date (what its report uses by default)",
    "wijzig een norm in het profiel van het project (wordt gelogd)": "change a norm in the project's profile (logged)",
    "de norm van één aspect": "the norm of one aspect",
    "de norm van alle aspecten van een element": "the norm of every aspect of an element",
    "de basisnorm van het profiel": "the profile's base norm",
    f"gebiedstype ({', '.join(AREA_TYPES)} of alle); mag vaker":
        f"area type ({', '.join(AREA_TYPES)} or alle); may be repeated",
    "A+, A, B of C (nooit D); '-' wist een aspect- of elementnorm":
        "A+, A, B or C (never D); '-' clears an aspect or element norm",
    "wijzig de streefwaarde (aandeel op of boven de norm)": "change the target (share at or above the norm)",
    "bijv. 0,9 of 90%%": "e.g. 0.9 or 90%%",
    "alleen voor schoon, heel of totaal (standaard de algemene streefwaarde)":
        "only for schoon, heel or totaal (default: the overall target)",
    "neem een (gewijzigd) profielbestand over in het project; elke wijziging wordt gelogd":
        "apply a (changed) profile file to the project; every change is logged",
    "een profielbestand (TOML) of het id van een profielbestand": "a profile file (TOML) or the id of a profile file",
    "profiel in het project dat wordt bijgewerkt": "profile in the project to update",
    "toon de wijzigingen van het profiel: wie, wanneer, oud en nieuw":
        "show the profile's changes: who, when, old and new",
    "AANDEEL": "SHARE",
    "FILE_OF_ID": "FILE_OR_ID",
    "toon de onderdelen van een formulier: elementen, aspecten, niveaus en normen":
        "show a form's items: elements, aspects, levels and norms",
    "id van het formulier (met --db: de kopie in het project)": "the form's id (with --db: the project's copy)",
    "toon ook de beschrijving van elk niveau": "also show the description of every level",
    "scoor onder het profiel zoals het gold bij de ronde (standaard), zoals het nu is, "
    "of onder een ander profiel (id); de hele trend gebruikt hetzelfde profiel":
        "score under the profile as it was in force at the round (default), as it is now, "
        "or under another profile (id); the whole trend uses the same profile",
}


def register(command, sub) -> dict[str, Any]:
    profiles = command("profiles", "kwaliteitsprofielen: normen per aspect en gebiedstype, streefwaarden, wijzigingen")
    psub = profiles.add_subparsers(dest="profiles_command", metavar="OPDRACHT", required=True)
    command("list", "toon de profielbestanden (meegeleverd en eigen) en de profielen in het project", psub)
    show = command("show", "toon het profiel van het project: niveaus, streefwaarden en normen", psub)
    show.add_argument("--profile", metavar="ID", help="profiel in het project (standaard het geldende)")
    show.add_argument("--round", metavar="RONDE",
                      help="toon het profiel zoals het gold op de datum van deze ronde (wat zijn rapport standaard gebruikt)")
    norm = command("set-norm", "wijzig een norm in het profiel van het project (wordt gelogd)", psub)
    which = norm.add_mutually_exclusive_group(required=True)
    which.add_argument("--aspect", metavar="ELEMENT.ASPECT", help="de norm van één aspect")
    which.add_argument("--element", metavar="ELEMENT", help="de norm van alle aspecten van een element")
    which.add_argument("--default", action="store_true", help="de basisnorm van het profiel")
    norm.add_argument("--area-type", required=True, action="append", metavar="TYPE",
                      help=f"gebiedstype ({', '.join(AREA_TYPES)} of alle); mag vaker")
    norm.add_argument("--level", required=True, metavar="NIVEAU",
                      help="A+, A, B of C (nooit D); '-' wist een aspect- of elementnorm")
    norm.add_argument("--profile", metavar="ID", help="profiel in het project (standaard het geldende)")
    target = command("set-target", "wijzig de streefwaarde (aandeel op of boven de norm)", psub)
    target.add_argument("share", metavar="AANDEEL", help="bijv. 0,9 of 90%%")
    target.add_argument("--category", choices=["totaal", "schoon", "heel"],
                        help="alleen voor schoon, heel of totaal (standaard de algemene streefwaarde)")
    target.add_argument("--profile", metavar="ID", help="profiel in het project (standaard het geldende)")
    use = command("use", "neem een (gewijzigd) profielbestand over in het project; elke wijziging wordt gelogd", psub)
    use.add_argument("source", metavar="FILE_OF_ID", help="een profielbestand (TOML) of het id van een profielbestand")
    use.add_argument("--profile", metavar="ID", help="profiel in het project dat wordt bijgewerkt")
    log = command("log", "toon de wijzigingen van het profiel: wie, wanneer, oud en nieuw", psub)
    log.add_argument("--profile", metavar="ID", help="profiel in het project (standaard het geldende)")
    return {"profiles": cmd_profiles}


def _change_dict(c: ProfileChange) -> dict[str, str]:
    return {"at": c.at, "who": c.who, "key": c.key, "area_type": c.area_type, "old": c.old, "new": c.new,
            "source": c.source}


def _change_line(c: ProfileChange) -> str:
    if c.key == GAP:
        return f"{c.at[:19].replace('T', ' ')}  {messages.render('cli_profile_gap')}"
    where = f" {c.area_type}" if c.area_type else ""
    return f"{c.at[:19].replace('T', ' ')}  {c.who[:20]:<20} {c.key}{where}: {c.old or '–'} → {c.new or '–'}" \
        + (f"  ({c.source})" if c.source else "")


def _changed(args: argparse.Namespace, changes: list[ProfileChange]) -> int:
    _emit(args, [_change_dict(c) for c in changes],
          lambda: "\n".join([messages.render("cli_profile_changed")] + ["  " + _change_line(c) for c in changes])
          if changes else messages.render("cli_profile_unchanged"))
    return EXIT_OK


def cmd_profiles(args: argparse.Namespace) -> int:
    from schouw.services import profiles as svc

    sub = args.profiles_command
    if sub == "list":
        return _list(args)
    with _open(args) as project:
        if sub == "show":
            row_id, profile = svc.project_profile(project, args.profile)
            if args.round:
                round_ = project.rounds.get(args.round)
                use = svc.profile_for_report(project, round_)
                if use.profile is not None and round_.profile_id:
                    row_id, profile = round_.profile_id, use.profile
            data = {"row_id": row_id, **profile.to_data(), "changes": len(project.profile_log.changes(row_id))}
            _emit(args, data, lambda: _show_text(row_id, profile))
            return EXIT_OK
        if sub == "set-norm":
            scope, name = ("aspect", args.aspect) if args.aspect else (
                ("element", args.element) if args.element else ("default", ""))
            areas = list(AREA_TYPES) if "alle" in args.area_type or "all" in args.area_type else args.area_type
            return _changed(args, svc.set_norm(project, scope=scope, name=name, level=args.level,
                                               area_types=areas, profile_id=args.profile))
        if sub == "set-target":
            return _changed(args, svc.set_target(project, args.share, category=args.category,
                                                 profile_id=args.profile))
        if sub == "use":
            return _changed(args, svc.use_profile(project, args.source, args.profile))
        changes = svc.change_log(project, args.profile)
        _emit(args, [_change_dict(c) for c in changes],
              lambda: "\n".join(_change_line(c) for c in changes) or messages.render("cli_profile_no_log"))
        return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from schouw.services import profiles as svc

    files = [{"id": f.profile.id if f.profile else None, "name": f.profile.name if f.profile else None,
              "path": str(f.path), "origin": f.origin, "ok": f.profile is not None, "error": f.error}
             for f in svc.profile_files()]
    in_project: list[dict[str, Any]] = []
    if getattr(args, "db", None) or _db_path(args).exists():
        with _open(args) as project:
            current = svc.project_profile(project)[0] if project.forms.profiles() else None
            in_project = [{"id": row_id, "name": p.name, "in_force": row_id == current,
                           "changes": len(project.profile_log.changes(row_id))}
                          for row_id, p in project.forms.profiles()]

    def text() -> str:
        lines = [messages.render("cli_profile_files")]
        for f in files:
            state = (f"{f['id']:<20} {f['name']}" if f["ok"]
                     else messages.render("cli_profile_file_error", error=f["error"]))
            origin = messages.render("cli_profile_origin_shipped" if f["origin"] == "meegeleverd"
                                     else "cli_profile_origin_user")
            lines.append(f"  [{origin}] {state}  ({f['path']})")
        if in_project:
            lines.append(messages.render("cli_profile_in_project"))
            lines += [f"  {'*' if p['in_force'] else ' '} {p['id']:<20} {p['name']} "
                      f"({messages.render('cli_profile_change_count', n=p['changes'])})"
                      for p in in_project]
        return "\n".join(lines)

    _emit(args, {"files": files, "project": in_project}, text)
    return EXIT_OK


def _show_text(row_id: str, profile) -> str:
    from schouw.domain.profile import AREA_TYPES as AREAS

    def row(label: str, table: dict) -> str:
        return f"  {label:<32} " + " ".join(f"{(table[a].value if a in table else '·'):<4}" for a in AREAS)

    lines = [f"{profile.name} (id {row_id})",
             messages.render("cli_profile_levels",
                             levels=", ".join(f"{lv.value} {profile.label(lv)}" for lv in profile.levels)),
             messages.render("cli_profile_target", targets=f"{profile.target:.0%}"
                             + "".join(f", {k} {v:.0%}" for k, v in sorted(profile.targets.items()))),
             "", f"  {'norm':<32} " + " ".join(f"{a[:4]:<4}" for a in AREAS),
             row(messages.render("cli_profile_base"), profile.default_norm)]
    lines += [row(f"element {k}", t) for k, t in sorted(profile.element_norms.items())]
    lines += [row(f"aspect {k}", t) for k, t in sorted(profile.aspect_norms.items())]
    return "\n".join(lines)


def cmd_forms_show(args: argparse.Namespace) -> int:
    """`schouw forms show NAME`: with ``--db``, the project's form copy and profile."""
    from schouw.services.form_outline import find_form_for_show, outline, outline_text
    from schouw.services.forms import default_profile

    if getattr(args, "db", None):
        from schouw.services.profiles import project_profile

        with _open(args) as project:
            form = find_form_for_show(args.name, project.forms.all())
            profile = project_profile(project)[1] if project.forms.profiles() else default_profile()
    else:
        form = find_form_for_show(args.name)
        profile = default_profile()
    if form is None:
        raise SchouwError("unknown_form", id=args.name, available="-")
    data = outline(form, profile)
    _emit(args, data, lambda: outline_text(data, level_texts=args.levels))
    return EXIT_OK
