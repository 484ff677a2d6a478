"""``schouw trend --buurt NAME [--form F] [--json]``: how the streets and aspects of a
buurt moved over a series of rounds (a stratenaanpak), through the same use case as the
app's *Verloop* view and ``report --kind verloop`` (:mod:`schouw.services.verloop`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from schouw import messages

Handler = Callable[[argparse.Namespace], int]

HELP_EN: dict[str, str] = {
    "het verloop van een reeks rondes van een buurt (zelfde formulier): per straat en aspect beter, "
    "slechter of gelijk": "the verloop of a series of rounds of a buurt (same form): per street and aspect "
                          "better, worse or unchanged",
    "de buurt": "the buurt",
    "de wijk van de buurt (als de naam vaker voorkomt)": "the wijk of the buurt (when the name occurs more than once)",
    "het formulier van de reeks (nodig als de buurt er meer heeft)":
        "the form of the series (needed when the buurt has more than one)",
    "alleen rondes met deze tekst in de titel (bijv. Stratenaanpak), als de buurt op hetzelfde formulier ook "
    "andere rondes heeft": "only rounds with this text in their title (e.g. Stratenaanpak), when the buurt has "
                           "other rounds on the same form too",
    "scoor de hele reeks onder het profiel zoals het gold bij de laatste ronde (standaard), zoals het nu is, "
    "of een ander (id)": "score the whole series under the profile as it was at the last round (default), "
                         "as it is now, or another one (id)",
}

# the `report --kind` help (the option lives in cli.py's report parser) now names verloop too
HELP_EN.update({
    "verloop: alleen rondes met deze tekst in de titel (zoals trend --title)":
        "verloop: only rounds with this text in their title (as trend --title)",
})

ARROWS = {"better": "↑", "worse": "↓", "same": "=", None: "·"}


def register(command, sub) -> dict[str, Handler]:
    trend = command("trend", "het verloop van een reeks rondes van een buurt (zelfde formulier): per straat en "
                             "aspect beter, slechter of gelijk")
    trend.add_argument("--buurt", required=True, metavar="NAAM", help="de buurt")
    trend.add_argument("--wijk", metavar="NAAM", help="de wijk van de buurt (als de naam vaker voorkomt)")
    trend.add_argument("--form", metavar="ID", help="het formulier van de reeks (nodig als de buurt er meer heeft)")
    trend.add_argument("--title", default="", metavar="TEKST",
                       help="alleen rondes met deze tekst in de titel (bijv. Stratenaanpak), als de buurt op "
                            "hetzelfde formulier ook andere rondes heeft")
    trend.add_argument("--profile", default="at-round", metavar="at-round|current|ID",
                       help="scoor de hele reeks onder het profiel zoals het gold bij de laatste ronde (standaard), "
                            "zoals het nu is, of een ander (id)")
    return {"trend": cmd_trend}


def move_word(move: str | None, conclusive: bool = True) -> str:
    """The movement in words (never colour or an arrow alone)."""
    word = messages.render(f"verloop_{move or 'unknown'}")
    if move and not conclusive:
        word += f" ({messages.render('verloop_inconclusive')})"
    return word


def cell_text(cell, measure: str) -> str:
    if not cell.walked:
        return messages.render("verloop_not_walked")
    if cell.share is not None:
        if cell.share.share is None:
            return "–"
        return f"{100 * cell.share.share:.0f} % (n={cell.share.n})"
    return str(cell.below_norm if measure == "below_norm" else cell.findings)


def trend_json(result) -> dict[str, Any]:
    """The stable ``schouw trend --json`` document."""
    v = result.verloop
    return {"buurt": result.buurt.name, "wijk": result.wijk, "form": result.form_id, "title_contains": result.title,
            "kind": v.kind,
            "measure": v.measure, "profile": v.profile_name, "profile_basis": result.profile_basis,
            "rounds": [{"id": r.id, "date": r.date.isoformat(), "title": r.title, "kind": r.kind} for r in v.rounds],
            "summary": {"better": v.counts(_t("better")), "worse": v.counts(_t("worse")),
                        "same": v.counts(_t("same")), "unknown": v.counts(None)},
            "streets": [{"street": line.name, "id": line.key, **_line(line),
                         "aspects": [{"aspect": a.key, "name": a.name, **_line(a)}
                                     for a in v.street_aspects.get(line.key, ())]}
                        for line in v.streets],
            "aspects": [{"aspect": line.key, "name": line.name, **_line(line)} for line in v.aspects]}


def _t(value: str):
    from schouw.domain.scoring import Trend

    return Trend(value)


def _line(line) -> dict[str, Any]:
    data = line.as_dict()
    data.pop("key")
    data.pop("name")
    return data


def cmd_trend(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.verloop import verloop_for_buurt

    with _open(args, "read") as project:
        result = verloop_for_buurt(project, args.buurt, form=args.form, wijk=args.wijk, title=args.title,
                                   profile_choice=args.profile)
    v = result.verloop

    def text() -> str:
        lines = [messages.render("cli_trend_head", buurt=result.buurt.name, form=result.form_title,
                                 kind=messages.Text(f"round_kind_{v.kind}"), n=len(v.rounds),
                                 measure=messages.Text(f"verloop_measure_{v.measure}"),
                                 profile=v.profile_name or "-")]
        lines += [f"  {i}. {r.date.isoformat()}  {r.title}" for i, r in enumerate(v.rounds, start=1)]
        lines.append(messages.render("cli_trend_summary", better=v.counts(_t("better")), worse=v.counts(_t("worse")),
                                     same=v.counts(_t("same")), unknown=v.counts(None)))
        for line in v.streets:
            move = line.move.value if line.move else None
            values = " → ".join(cell_text(c, v.measure) for c in line.cells)
            lines.append(f"{ARROWS[move]} {line.name}: {values}  ({move_word(move, line.conclusive)})")
        return "\n".join(lines)

    _emit(args, trend_json(result), text)
    return EXIT_OK


def cmd_verloop_report(args: argparse.Namespace) -> int:
    """``schouw report ROUND --kind verloop --out F``: the series checked before anything
    is written; a round alone in its series is one line and exit 2."""
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.messages import SchouwError
    from schouw.services.verloop_report import build_verloop_report

    if not args.out:
        raise SchouwError("report_out_missing")
    with _open(args, "read") as project:
        result = build_verloop_report(project, args.round, args.out,
                                      lang=getattr(args, "lang", None) or messages.language(),
                                      profile_choice=args.profile, title=getattr(args, "title", None) or "")
    _emit(args, {"file": str(result.path), "kind": "verloop", "pages": result.pages, "rounds": result.rounds,
                 "streets": result.streets},
          lambda: messages.render("cli_verloop_made", path=result.path, pages=result.pages, rounds=result.rounds,
                                  streets=result.streets))
    return EXIT_OK
