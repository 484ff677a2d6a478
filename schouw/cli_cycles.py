"""``schouw cycles start|list|show|priority add|priority remove|link|evaluate|close|report``:
Veilige Buurten trajecten from the command line, through the same use cases as the app's
*Trajecten* window (:mod:`schouw.services.cycles`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from schouw import messages

Handler = Callable[[argparse.Namespace], int]

HELP_EN: dict[str, str] = {
    "Veilige Buurten-trajecten: prioriteiten, acties, evaluatie":
        "Veilige Buurten cycles: priorities, actions, evaluation",
    "start een traject in een buurt": "start a cycle in a buurt",
    "toon de trajecten met hun week": "list the cycles with their week",
    "toon één traject: prioriteiten, acties, deze week": "show one cycle: priorities, actions, this week",
    "prioriteiten van een traject": "priorities of a cycle",
    "voeg een prioriteit toe": "add a priority",
    "verwijder een prioriteit": "remove a priority",
    "koppel een bevinding of actiepunt aan een prioriteit": "link a finding or action to a priority",
    "leg de uitkomst van een prioriteit vast": "record the outcome of a priority",
    "sluit het traject af met de evaluatie": "close the cycle with its evaluation",
    "schrijf de evaluatie als PDF": "write the evaluation as a PDF",
    "traject: id, titel of buurt": "cycle: id, title or buurt",
    "prioriteit: rang, id of titel": "priority: rank, id or title",
    "startdatum (JJJJ-MM-DD, standaard vandaag)": "start date (YYYY-MM-DD, default today)",
    "aantal weken (standaard 10)": "number of weeks (default 10)",
    "titel van het traject": "title of the cycle",
    "neem de niet bereikte prioriteiten van het vorige traject niet over":
        "do not carry over the previous cycle's unachieved priorities",
    "alleen deze buurt": "only this buurt",
    "rang (standaard: achteraan)": "rank (default: last)",
    "bevinding (id) waar de prioriteit over gaat; mag vaker": "finding (id) the priority is about; may repeat",
    "aspect van het formulier: ELEMENT.ASPECT": "aspect of the form: ELEMENT.ASPECT",
    "vrij thema": "free theme",
    "bevinding (id) om te koppelen": "finding (id) to link",
    "actiepunt (id, of id van de bevinding) om te koppelen": "action (id, or its finding's id) to link",
    "bereikt, deels of niet": "bereikt (achieved), deels (partly) or niet (not)",
    "toelichting": "note",
    "PDF-bestand": "PDF file",
    "de datum van vandaag voor de weekteller (JJJJ-MM-DD)": "today's date for the week counter (YYYY-MM-DD)",
    "PRIORITEIT": "PRIORITY",
}


def register(command, sub) -> dict[str, Handler]:
    top = command("cycles", "Veilige Buurten-trajecten: prioriteiten, acties, evaluatie")
    csub = top.add_subparsers(dest="cycles_command", metavar="OPDRACHT", required=True)
    start = command("start", "start een traject in een buurt", csub)
    start.add_argument("--buurt", required=True, metavar="BUURT")
    start.add_argument("--wijk", metavar="WIJK")
    start.add_argument("--start", metavar="DATUM", help="startdatum (JJJJ-MM-DD, standaard vandaag)")
    start.add_argument("--weeks", type=int, default=10, metavar="N", help="aantal weken (standaard 10)")
    start.add_argument("--title", default="", metavar="TITEL", help="titel van het traject")
    start.add_argument("--no-carry-over", action="store_true",
                       help="neem de niet bereikte prioriteiten van het vorige traject niet over")
    listing = command("list", "toon de trajecten met hun week", csub)
    listing.add_argument("--buurt", metavar="BUURT", help="alleen deze buurt")
    listing.add_argument("--today", metavar="DATUM", help="de datum van vandaag voor de weekteller (JJJJ-MM-DD)")
    show = command("show", "toon één traject: prioriteiten, acties, deze week", csub)
    show.add_argument("cycle", metavar="TRAJECT", help="traject: id, titel of buurt")
    show.add_argument("--today", metavar="DATUM", help="de datum van vandaag voor de weekteller (JJJJ-MM-DD)")
    prio = command("priority", "prioriteiten van een traject", csub)
    psub = prio.add_subparsers(dest="priority_command", metavar="OPDRACHT", required=True)
    add = command("add", "voeg een prioriteit toe", psub)
    add.add_argument("cycle", metavar="TRAJECT", help="traject: id, titel of buurt")
    add.add_argument("title", metavar="TITEL")
    add.add_argument("--rank", type=int, metavar="N", help="rang (standaard: achteraan)")
    add.add_argument("--finding", action="append", default=[], metavar="ID",
                     help="bevinding (id) waar de prioriteit over gaat; mag vaker")
    add.add_argument("--aspect", metavar="ELEMENT.ASPECT", help="aspect van het formulier: ELEMENT.ASPECT")
    add.add_argument("--theme", default="", metavar="TEKST", help="vrij thema")
    remove = command("remove", "verwijder een prioriteit", psub)
    remove.add_argument("cycle", metavar="TRAJECT", help="traject: id, titel of buurt")
    remove.add_argument("priority", metavar="PRIORITEIT", help="prioriteit: rang, id of titel")
    link = command("link", "koppel een bevinding of actiepunt aan een prioriteit", csub)
    link.add_argument("cycle", metavar="TRAJECT", help="traject: id, titel of buurt")
    link.add_argument("--priority", required=True, metavar="PRIORITEIT", help="prioriteit: rang, id of titel")
    what = link.add_mutually_exclusive_group(required=True)
    what.add_argument("--finding", metavar="ID", help="bevinding (id) om te koppelen")
    what.add_argument("--action", metavar="ID", help="actiepunt (id, of id van de bevinding) om te koppelen")
    evaluate = command("evaluate", "leg de uitkomst van een prioriteit vast", csub)
    evaluate.add_argument("cycle", metavar="TRAJECT", help="traject: id, titel of buurt")
    evaluate.add_argument("--priority", required=True, metavar="PRIORITEIT", help="prioriteit: rang, id of titel")
    evaluate.add_argument("--outcome", required=True, metavar="UITKOMST", help="bereikt, deels of niet")
    evaluate.add_argument("--note", default="", metavar="TEKST", help="toelichting")
    close = command("close", "sluit het traject af met de evaluatie", csub)
    close.add_argument("cycle", metavar="TRAJECT", help="traject: id, titel of buurt")
    close.add_argument("--note", default="", metavar="TEKST", help="toelichting")
    close.add_argument("--pdf", metavar="PDF", help="schrijf de evaluatie als PDF")
    report = command("report", "schrijf de evaluatie als PDF", csub)
    report.add_argument("cycle", metavar="TRAJECT", help="traject: id, titel of buurt")
    report.add_argument("--out", required=True, metavar="PDF", help="PDF-bestand")
    return {"cycles": cmd_cycles}


def _today(args: argparse.Namespace):
    from schouw.domain.cycles import parse_start

    text = getattr(args, "today", None)
    return parse_start(text) if text else None


def _text(view) -> str:
    c = view.cycle
    state = messages.render("cycle_state_evaluated") if c.status.value == "geevalueerd" else (
        messages.render("cycle_state_week", week=view.week, weeks=c.weeks)
        + (" — " + messages.render("cycle_state_overdue") if view.overdue else ""))
    lines = [f"{c.title} [{view.buurt}] {c.start} – {view.end.isoformat()}: {state}"]
    for p in view.priorities:
        outcome = f" → {p.priority.outcome.value}" if p.priority.outcome else ""
        subject = f" ({p.subject})" if p.subject and p.subject != p.priority.title else ""
        lines.append(f"  {p.priority.rank}. {p.priority.title}{subject}{outcome}")
        if p.priority.outcome_note:
            lines.append(f"       {p.priority.outcome_note}")
        for a in p.actions:
            due = a.due.isoformat() if a.due else "-"
            late = " !" if a.overdue else ""
            lines.append(f"       - {a.street}, {view.item(a.item)}: {a.party or '-'}, {a.status.label}, {due}{late}")
    if view.due_this_week:
        lines.append("  " + messages.render("cycle_due_this_week", n=len(view.due_this_week)))
    if view.late:
        lines.append("  " + messages.render("cycle_late", n=len(view.late)))
    return "\n".join(lines)


def cmd_cycles(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services import cycles as S

    sub = args.cycles_command
    with _open(args, "read" if sub in ("list", "show", "report") else "write") as project:
        if sub == "list":
            rows = S.cycle_list(project, args.buurt, today=_today(args))
            _emit(args, rows, lambda: "\n".join(
                f"{r['title']} [{r['buurt']}] {r['start']} – {r['end']}: " + (
                    messages.render("cycle_state_evaluated") if r["status"] == "geevalueerd" else
                    messages.render("cycle_state_week", week=r["week"], weeks=r["weeks"])
                    + (" — " + messages.render("cycle_state_overdue") if r["overdue"] else ""))
                for r in rows) or messages.render("cli_cycle_none"))
            return EXIT_OK
        if sub == "show":
            view = S.cycle_view(project, args.cycle, today=_today(args))
            _emit(args, view.as_dict(), lambda: _text(view))
            return EXIT_OK
        if sub == "report":
            return _report(args, project, args.cycle, Path(args.out))
        if sub == "start":
            cycle, _ = S.start_cycle(project, buurt=args.buurt, wijk=args.wijk, start=args.start, weeks=args.weeks,
                                     title=args.title, carry_over=not args.no_carry_over)
            view = S.cycle_view(project, cycle.id)
            _emit(args, view.as_dict(), lambda: messages.render(
                "cli_cycle_started", title=cycle.title, buurt=view.buurt, start=cycle.start,
                end=view.end.isoformat(), weeks=cycle.weeks, carried=len(view.priorities)))
            return EXIT_OK
        if sub == "priority" and args.priority_command == "add":
            priority, _ = S.add_priority(project, args.cycle, title=args.title, rank=args.rank,
                                         findings=args.finding, aspect=args.aspect, theme=args.theme)
            _emit(args, {"id": priority.id, "rank": priority.rank, "title": priority.title,
                         "kind": priority.kind.value},
                  lambda: messages.render("cli_cycle_priority_added", rank=priority.rank, title=priority.title))
            return EXIT_OK
        if sub == "priority":
            S.remove_priority(project, args.cycle, args.priority)
            _emit(args, {"removed": True}, lambda: messages.render("cli_cycle_priority_removed"))
            return EXIT_OK
        if sub == "link":
            changed, _ = S.link(project, args.cycle, args.priority, finding=args.finding, action=args.action)
            _emit(args, {"linked": changed},
                  lambda: messages.render("cli_cycle_linked" if changed else "cli_cycle_already_linked"))
            return EXIT_OK
        if sub == "evaluate":
            priority, _ = S.evaluate(project, args.cycle, args.priority, args.outcome, args.note)
            _emit(args, {"id": priority.id, "rank": priority.rank, "outcome": priority.outcome.value},
                  lambda: messages.render("cli_cycle_evaluated", rank=priority.rank, title=priority.title,
                                          outcome=priority.outcome.value))
            return EXIT_OK
        # close
        cycle, _ = S.close_cycle(project, args.cycle, args.note)
        view = S.cycle_view(project, cycle.id)
        counts = {o.value: n for o, n in view.outcomes.items()}
        text = messages.render("cli_cycle_closed", title=cycle.title, achieved=counts["bereikt"],
                               partly=counts["deels"], not_=counts["niet"])
        if args.pdf:
            result = _pdf(project, cycle.id, Path(args.pdf))
            text += "\n" + messages.render("cli_cycle_pdf", path=str(result.path), pages=result.pages)
        _emit(args, view.as_dict(), lambda: text)
        return EXIT_OK


def _pdf(project, cycle_ref: str, out: Path):
    from schouw.services.cycle_report import build_cycle_report

    return build_cycle_report(project, cycle_ref, out, lang=messages.language())


def _report(args: argparse.Namespace, project, cycle_ref: str, out: Path) -> int:
    from schouw.cli import EXIT_OK, _emit

    result = _pdf(project, cycle_ref, out)
    _emit(args, {"path": str(result.path), "pages": result.pages},
          lambda: messages.render("cli_cycle_pdf", path=str(result.path), pages=result.pages))
    return EXIT_OK
