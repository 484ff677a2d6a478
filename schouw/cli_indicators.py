"""``schouw indicators add|set|list|show|value|delete``: policy indicators with a
nulmeting and a streefwaarde from the command line, through the same use cases as the
app's *Indicatoren* view (:mod:`schouw.services.indicators`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from schouw import messages

Handler = Callable[[argparse.Namespace], int]

HELP_EN: dict[str, str] = {
    "beleidsindicatoren met nulmeting en streefwaarde": "policy indicators with baseline and target",
    "voeg een indicator toe": "add an indicator",
    "wijzig een indicator (alleen de gegeven opties)": "change an indicator (only the options given)",
    "toon de indicatoren en of ze op koers liggen": "list the indicators and whether they are on course",
    "toon één indicator met zijn waarden": "show one indicator with its values",
    "leg een waarde vast (met de hand of berekend uit een meting)":
        "record a value (by hand or computed from a meting)",
    "verwijder een indicator en zijn waarden": "delete an indicator and its values",
    "naam of id van de indicator": "name or id of the indicator",
    "waarde van de nulmeting": "baseline value",
    "jaar van de nulmeting": "baseline year",
    "bron van de nulmeting": "source of the baseline",
    "streefwaarde": "target value",
    "jaar van de streefwaarde": "target year",
    "up: hoger is beter; down: lager is beter": "up: higher is better; down: lower is better",
    "eenheid, bijv. %": "unit, e.g. %",
    "gebied: wijk:NAAM, buurt:NAAM of een naam": "area: wijk:NAME, buurt:NAME or a name",
    "welk aandeel van een meting: schoon, heel of leeg (totaal)":
        "which share of a meting: schoon, heel or empty (overall)",
    "of één aspect van een meting: ELEMENT.ASPECT": "or one aspect of a meting: ELEMENT.ASPECT",
    "nieuwe naam": "new name",
    "jaar van de waarde": "year of the value",
    "de waarde": "the value",
    "bron van de waarde": "source of the value",
    "WAARDE": "VALUE",
    "bereken de waarde uit deze meting (profiel van vandaag)":
        "compute the value from this meting (today's profile)",
}


def _definition_options(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--baseline", type=float, required=required, metavar="WAARDE", help="waarde van de nulmeting")
    parser.add_argument("--baseline-year", type=int, required=required, metavar="JAAR", help="jaar van de nulmeting")
    parser.add_argument("--baseline-source", metavar="TEKST", help="bron van de nulmeting")
    parser.add_argument("--target", type=float, required=required, metavar="WAARDE", help="streefwaarde")
    parser.add_argument("--target-year", type=int, required=required, metavar="JAAR", help="jaar van de streefwaarde")
    parser.add_argument("--direction", choices=["up", "down"], help="up: hoger is beter; down: lager is beter")
    parser.add_argument("--unit", metavar="EENHEID", help="eenheid, bijv. %")
    parser.add_argument("--area", metavar="GEBIED", help="gebied: wijk:NAAM, buurt:NAAM of een naam")
    parser.add_argument("--group", choices=["", "schoon", "heel"],
                        help="welk aandeel van een meting: schoon, heel of leeg (totaal)")
    parser.add_argument("--aspect", metavar="ELEMENT.ASPECT", help="of één aspect van een meting: ELEMENT.ASPECT")


def register(command, sub) -> dict[str, Handler]:
    top = command("indicators", "beleidsindicatoren met nulmeting en streefwaarde")
    isub = top.add_subparsers(dest="indicators_command", metavar="OPDRACHT", required=True)
    add = command("add", "voeg een indicator toe", isub)
    add.add_argument("name", metavar="NAAM")
    _definition_options(add, required=True)
    change = command("set", "wijzig een indicator (alleen de gegeven opties)", isub)
    change.add_argument("name", metavar="NAAM", help="naam of id van de indicator")
    change.add_argument("--name", dest="new_name", metavar="NAAM", help="nieuwe naam")
    _definition_options(change, required=False)
    command("list", "toon de indicatoren en of ze op koers liggen", isub)
    show = command("show", "toon één indicator met zijn waarden", isub)
    show.add_argument("name", metavar="NAAM", help="naam of id van de indicator")
    value = command("value", "leg een waarde vast (met de hand of berekend uit een meting)", isub)
    value.add_argument("name", metavar="NAAM", help="naam of id van de indicator")
    how = value.add_mutually_exclusive_group(required=True)
    how.add_argument("--value", type=float, metavar="WAARDE", help="de waarde")
    how.add_argument("--from-round", metavar="RONDE", help="bereken de waarde uit deze meting (profiel van vandaag)")
    value.add_argument("--year", type=int, metavar="JAAR", help="jaar van de waarde")
    value.add_argument("--source", default="", metavar="TEKST", help="bron van de waarde")
    delete = command("delete", "verwijder een indicator en zijn waarden", isub)
    delete.add_argument("name", metavar="NAAM", help="naam of id van de indicator")
    return {"indicators": cmd_indicators}


def _verdict(row) -> str:
    s = row.status
    if s.latest is None:
        return messages.render("indicator_not_measured")
    text = messages.render("indicator_on_course" if s.on_course else "indicator_off_course")
    if s.target_met:
        text += ", " + messages.render("indicator_target_met")
    return text


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _line(row) -> str:
    i, s = row.indicator, row.status
    unit = f" {i.unit}" if i.unit else ""
    arrow = "↓" if i.direction.value == "down" else "↑"
    latest = "-" if s.latest is None else f"{_num(s.latest.value)}{unit} ({s.latest.year})"
    area = f" [{row.area_name}]" if row.area_name else ""
    return (f"{i.name}{area}: {_num(i.baseline_value)}{unit} ({i.baseline_year}) → {_num(i.target_value)}{unit} "
            f"({i.target_year}) {arrow}; {latest}; {_verdict(row)}")


def _detail(row) -> str:
    lines = [_line(row)]
    if row.indicator.baseline_source:
        lines.append(f"  nulmeting: {row.indicator.baseline_source}")
    lines += [f"  {v.year}: {_num(v.value)}  {v.source}" for v in row.values]
    return "\n".join(lines)


def cmd_indicators(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services import indicators as S

    sub = args.indicators_command
    if sub == "value" and args.from_round is None and args.year is None:
        raise messages.SchouwError("indicator_value_needs_year")
    with _open(args, "read" if sub in ("list", "show") else "write") as project:
        if sub == "list":
            rows = S.overview(project)
            _emit(args, [r.as_dict() for r in rows],
                  lambda: "\n".join(_line(r) for r in rows) or messages.render("cli_indicator_none"))
            return EXIT_OK
        if sub == "delete":
            indicator = S.find_indicator(project, args.name)
            S.delete_indicator(project, indicator.id)
            _emit(args, {"id": indicator.id, "deleted": True},
                  lambda: messages.render("cli_indicator_deleted", name=indicator.name))
            return EXIT_OK
        if sub == "add":
            indicator, _ = S.add_indicator(
                project, name=args.name, baseline=args.baseline, baseline_year=args.baseline_year,
                baseline_source=args.baseline_source or "", target=args.target, target_year=args.target_year,
                direction=args.direction or "up", unit=args.unit or "", area=args.area,
                aspect_group=args.group or "", aspect=args.aspect or "")
        elif sub == "set":
            indicator, _ = S.update_indicator(
                project, args.name, name=args.new_name, baseline=args.baseline, baseline_year=args.baseline_year,
                baseline_source=args.baseline_source, target=args.target, target_year=args.target_year,
                direction=args.direction, unit=args.unit, area=args.area, aspect_group=args.group,
                aspect=args.aspect)
        elif sub == "value":
            if args.from_round is not None:
                value, _ = S.value_from_round(project, args.name, args.from_round)
            else:
                value, _ = S.set_value(project, args.name, year=args.year, value=args.value, source=args.source)
            indicator = S.find_indicator(project, value.indicator_id)
        else:
            indicator = S.find_indicator(project, args.name)
        row = S.show(project, indicator.id)
    _emit(args, row.as_dict(), lambda: _detail(row))
    return EXIT_OK
