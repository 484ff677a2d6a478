"""``schouw points …``, ``schouw score``, ``schouw round new|close`` and the ``--kind``
options of ``schouw rounds create``: the two kinds of round (knelpuntenschouw, meting)
from the command line, through the same use cases as the app
(:mod:`schouw.services.rounds`, :mod:`schouw.services.points`,
:mod:`schouw.services.scores`), so a whole meting can be done by script."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from schouw import messages

Handler = Callable[[argparse.Namespace], int]

HELP_EN: dict[str, str] = {
    "soort ronde: knelpunten (standaard; telt problemen) of meting (willekeurige schouwpunten, "
    "aandeel op norm)": "kind of round: knelpunten (default; counts problems) or meting (random points, "
                        "share at norm)",
    "meting: aantal schouwpunten (standaard 100)": "meting: number of points (default 100)",
    "meting: startgetal van de trekking (standaard: willekeurig, bewaard bij de ronde)":
        "meting: seed of the draw (default: random, stored with the round)",
    "begin een nieuwe ronde (zelfde als rounds create)": "start a new round (same as rounds create)",
    "sluit een ronde (een meting pas als elk schouwpunt af is)":
        "close a round (a meting only when every point is finished)",
    "de schouwpunten van een meting": "the points of a meting",
    "toon de schouwpunten van een meting": "list the points of a meting",
    "markeer een schouwpunt als af (elk aspect beoordeeld)": "mark a point as finished (every aspect judged)",
    "haal het merkteken af van een schouwpunt weg": "take the finished mark off a point",
    "beoordeel aspecten op een schouwpunt: ELEMENT.ASPECT=NIVEAU ...":
        "judge aspects at a point: ELEMENT.ASPECT=LEVEL ...",
    "nummer of id van het schouwpunt": "number or id of the point",
    "oordelen als ELEMENT.ASPECT=NIVEAU (A+, A, B, C, D of n.v.t.)":
        "judgements as ELEMENT.ASPECT=LEVEL (A+, A, B, C, D or n.v.t.)",
    "markeer het punt daarna als af": "then mark the point as finished",
    "de score van een ronde: een meting het aandeel op norm met betrouwbaarheidsinterval, "
    "een knelpuntenschouw aantallen":
        "the score of a round: a meting the share at norm with its confidence interval, "
        "a knelpuntenschouw counts",
    "scoor onder het profiel zoals het gold bij de ronde (standaard), zoals het nu is, of een ander (id)":
        "score under the profile as it was at the round (default), as it is now, or another one (id)",
}


def add_create_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``rounds create`` and ``round new`` (one handler for both)."""
    parser.add_argument("--buurt", required=True)
    parser.add_argument("--wijk")
    parser.add_argument("--form", required=True, metavar="ID")
    parser.add_argument("--date", required=True, metavar="JJJJ-MM-DD")
    parser.add_argument("--title", default="")
    parser.add_argument("--kind", default="knelpunten", choices=["knelpunten", "meting"],
                        help="soort ronde: knelpunten (standaard; telt problemen) of meting "
                             "(willekeurige schouwpunten, aandeel op norm)")
    parser.add_argument("--points", type=int, metavar="N", help="meting: aantal schouwpunten (standaard 100)")
    parser.add_argument("--seed", type=int, metavar="S",
                        help="meting: startgetal van de trekking (standaard: willekeurig, bewaard bij de ronde)")


def register_round(command, round_sub) -> None:
    """``round new`` and ``round close`` beside ``round participants`` (cli_round)."""
    add_create_options(command("new", "begin een nieuwe ronde (zelfde als rounds create)", round_sub))
    close = command("close", "sluit een ronde (een meting pas als elk schouwpunt af is)", round_sub)
    close.add_argument("id", metavar="ID")


def register(command, sub) -> dict[str, Handler]:
    points = command("points", "de schouwpunten van een meting")
    points_sub = points.add_subparsers(dest="points_command", metavar="OPDRACHT", required=True)
    listing = command("list", "toon de schouwpunten van een meting", points_sub)
    listing.add_argument("--round", required=True, metavar="ID")
    for name, help_text in (("done", "markeer een schouwpunt als af (elk aspect beoordeeld)"),
                            ("reopen", "haal het merkteken af van een schouwpunt weg")):
        mark = command(name, help_text, points_sub)
        mark.add_argument("--round", required=True, metavar="ID")
        mark.add_argument("point", metavar="PUNT", help="nummer of id van het schouwpunt")
    judge = command("judge", "beoordeel aspecten op een schouwpunt: ELEMENT.ASPECT=NIVEAU ...", points_sub)
    judge.add_argument("--round", required=True, metavar="ID")
    judge.add_argument("point", metavar="PUNT", help="nummer of id van het schouwpunt")
    judge.add_argument("items", nargs="+", metavar="ELEMENT.ASPECT=NIVEAU",
                       help="oordelen als ELEMENT.ASPECT=NIVEAU (A+, A, B, C, D of n.v.t.)")
    judge.add_argument("--done", action="store_true", help="markeer het punt daarna als af")
    score = command("score", "de score van een ronde: een meting het aandeel op norm met "
                             "betrouwbaarheidsinterval, een knelpuntenschouw aantallen")
    score.add_argument("round", metavar="RONDE")
    score.add_argument("--profile", default="at-round", metavar="at-round|current|ID",
                       help="scoor onder het profiel zoals het gold bij de ronde (standaard), zoals het nu is, "
                            "of een ander (id)")
    return {"points": cmd_points, "score": cmd_score}


# -- rounds create / round new / round close -------------------------------------------------
def cmd_create(args: argparse.Namespace) -> int:
    """``rounds create`` and ``round new``."""
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.rounds import create_round

    with _open(args, "write") as project:
        round_ = create_round(project, buurt=args.buurt, wijk=args.wijk, form_id=args.form,
                              when=args.date, title=args.title, kind=args.kind, points=args.points,
                              seed=args.seed)
    _emit(args, {"id": round_.id, "date": round_.date.isoformat(), "form": round_.form_key,
                 "kind": round_.kind.value, "points": round_.points_n, "seed": round_.seed},
          lambda: round_.id)
    return EXIT_OK


def cmd_close(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.points import close_round

    with _open(args, "write") as project:
        close_round(project, args.id)
        round_ = project.rounds.get(args.id)
    _emit(args, {"id": round_.id, "kind": round_.kind.value, "closed_at": round_.closed_at.isoformat()},
          lambda: messages.render("cli_round_closed", title=round_.title))
    return EXIT_OK


# -- points ----------------------------------------------------------------------------------
def _parse_item(text: str) -> tuple[str, str]:
    item, sep, level = text.partition("=")
    if not sep or not item.strip() or not level.strip():
        raise messages.SchouwError("cli_point_bad_judgement", value=text)
    return item.strip(), level.strip()


def cmd_points(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services import points as P

    access = "read" if args.points_command == "list" else "write"
    with _open(args, access) as project:
        round_ = project.rounds.get(args.round)
        if args.points_command == "judge":
            judgements = [_parse_item(text) for text in args.items]  # all checked before any is written
            point = P.find_point(project, round_.id, args.point)
            with project.atomic():  # all or nothing
                for item, level in judgements:
                    P.record_at_point(project, point.id, item, level=level)
                if args.done:
                    P.finish_point(project, point.id)
        elif args.points_command in ("done", "reopen"):
            point = P.find_point(project, round_.id, args.point)
            (P.finish_point if args.points_command == "done" else P.reopen_point)(project, point.id)
        states = P.list_points(project, round_.id)
    if args.points_command == "list":
        data: Any = [s.as_dict() for s in states]
        _emit(args, data, lambda: "\n".join(_point_line(s) for s in states))
        return EXIT_OK
    state = next(s for s in states if s.id == point.id)
    _emit(args, state.as_dict(), lambda: _point_line(state))
    return EXIT_OK


def _point_line(s) -> str:
    where = f"{s.lat:.6f}, {s.lon:.6f}" if s.lat is not None else "-"
    status = messages.render("cli_point_done") if s.done else messages.render(
        "cli_point_open", judged=s.judged, required=s.required)
    return f"{s.n:>4}  {s.street}  ({where})  {status}"


# -- score -----------------------------------------------------------------------------------
def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f} %"


def _share_line(label: str, share) -> str:
    if share.n == 0:
        return messages.render("cli_score_share_none", label=label)
    text = messages.render("cli_score_share", label=label, share=_pct(share.share), n=share.n,
                           low=_pct(share.low), high=_pct(share.high))
    if not share.conclusive:
        text += "  " + messages.render("score_too_few")
    return text


def score_json(round_, score) -> dict[str, Any]:
    """The stable ``schouw score --json`` document of a round."""
    from schouw.domain.measure import MetingScore

    if isinstance(score, MetingScore):
        return {"kind": "meting", "round": round_.id, "profile": score.profile_name,
                "points_total": score.points_total, "points_done": score.points_done,
                "aspects": [{"element": a.element, "aspect": a.aspect, "category": a.category,
                             **a.share.as_dict()} for a in score.aspects],
                "elements": {k: v.as_dict() for k, v in score.elements.items()},
                "groups": {k: v.as_dict() for k, v in score.groups.items()},
                "overall": score.overall.as_dict()}
    return {"kind": "knelpunten", "round": round_.id, "profile": score.profile_name, "counts": score.as_dict()}


def cmd_score(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.domain.measure import MetingScore
    from schouw.services.scores import round_score

    with _open(args, "read") as project:
        round_ = project.rounds.get(args.round)
        score = round_score(project, round_.id, profile_choice=args.profile)
        form = project.forms.get(round_.form_key)
    names = {f"{e.id}.{a.id}": f"{e.name} — {a.name}" for e, a in form.items()} if form else {}

    def text() -> str:
        if isinstance(score, MetingScore):
            lines = [messages.render("cli_score_meting", title=round_.title, done=score.points_done,
                                     total=score.points_total, profile=score.profile_name or "-")]
            lines.append(_share_line(messages.render("score_overall"), score.overall))
            lines += [_share_line(group, share) for group, share in score.groups.items()]
            lines += [_share_line(names.get(f"{a.element}.{a.aspect}", f"{a.element}.{a.aspect}"), a.share)
                      for a in score.aspects]
            return "\n".join(lines)
        lines = [messages.render("cli_score_knelpunten", title=round_.title, findings=score.findings,
                                 below=score.below_norm)]
        lines += [f"  {names.get(k, k)}: {v.findings} ({messages.render('cli_score_below', n=v.below_norm)})"
                  for k, v in score.aspects.items() if v.findings]
        return "\n".join(lines)

    _emit(args, score_json(round_, score), text)
    return EXIT_OK
