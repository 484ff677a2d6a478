"""The verloop use cases: which series a buurt has, and the verloop of one.

Behind ``schouw trend``, ``schouw report ROUND --kind verloop`` and the app's *Verloop*
view, so all three pick the same rounds and judge them alike. A *series* is every round
of one buurt with the same form (by form id, whatever its version) and the same kind,
by date: a stratenaanpak needs no mark of its own, its rounds are simply the buurt's
rounds on its form. A knelpuntenschouw and a meting never share a series (one is
counted, the other measured; see :mod:`schouw.domain.verloop`).

The whole series is scored under one profile: the one in force at its *last* round by
default (``--profile`` as in the round report), so a norm that changed during the
aanpak re-scores the early rounds too and the trend stays honest.
"""

from __future__ import annotations

from dataclasses import dataclass

from schouw.domain.models import Buurt
from schouw.domain.verloop import Verloop, build_verloop
from schouw.messages import SchouwError
from schouw.services.profiles import AT_ROUND, profile_for_report
from schouw.store.project import Project
from schouw.store.series import load_series, series_forms


@dataclass(frozen=True)
class SeriesChoice:
    """One series of a buurt, as lists and menus show it."""

    form_id: str
    kind: str
    rounds: int
    title: str
    last: str

    def label(self) -> str:
        return f"{self.form_id} ({self.rounds})"


@dataclass(frozen=True)
class VerloopResult:
    buurt: Buurt
    wijk: str
    form_id: str
    form_title: str
    verloop: Verloop
    #: how the profile was chosen: "at-round" (at the last round), "current", "chosen"
    profile_basis: str
    #: the text the rounds' titles were filtered on ('' : every round of the series)
    title: str = ""


def series_of(project: Project, buurt_id: str, title: str = "") -> list[SeriesChoice]:
    """Every series of the buurt (also those of a single round), most rounds first;
    ``title``: only rounds whose title holds it (a stratenaanpak named in its rounds)."""
    return [SeriesChoice(r["form_id"], r["kind"], int(r["rounds"]), r["title"] or r["form_id"], r["last"] or "")
            for r in series_forms(project, buurt_id, title)]


def _pick(project: Project, buurt: Buurt, form: str | None, title: str = "") -> SeriesChoice:
    choices = series_of(project, buurt.id, title)
    if title and not choices:
        raise SchouwError("verloop_title_none", buurt=buurt.name, title=title)
    known = ", ".join(c.label() for c in choices) or "-"
    if form:
        matching = [c for c in choices if c.form_id.lower() == form.strip().lower()]
        if not matching:
            raise SchouwError("verloop_unknown_form", buurt=buurt.name, form=form, known=known)
        if matching[0].rounds < 2:
            raise _too_few(buurt, matching[0].form_id, title)
        return matching[0]
    series = [c for c in choices if c.rounds >= 2]
    if not series:
        if title:
            raise _too_few(buurt, choices[0].form_id, title)
        raise SchouwError("verloop_no_series", buurt=buurt.name)
    if len(series) > 1:
        raise SchouwError("verloop_choose_form", buurt=buurt.name, known=", ".join(c.label() for c in series))
    return series[0]


def _too_few(buurt: Buurt, form_id: str, title: str) -> SchouwError:
    if title:
        return SchouwError("verloop_title_too_few", buurt=buurt.name, form=form_id, title=title)
    return SchouwError("verloop_too_few", buurt=buurt.name, form=form_id)


def verloop_for_buurt(project: Project, buurt: str, *, form: str | None = None, wijk: str | None = None,
                      title: str = "", profile_choice: str = AT_ROUND) -> VerloopResult:
    """The verloop of a buurt's series (by name); ``form`` picks the series when the
    buurt has more than one, ``title`` keeps only rounds whose title holds it. An
    unknown buurt, an unknown form or a series of one round is a :class:`SchouwError`."""
    found = project.areas.find_buurt(buurt, wijk)
    title = title.strip()
    choice = _pick(project, found, form, title)
    result = _build(project, found, choice.form_id, choice.kind, profile_choice, title)
    if result is None:  # _pick saw two rounds; they went while we read
        raise _too_few(found, choice.form_id, title)
    return result


def verloop_of_series(project: Project, buurt_id: str, form_id: str, kind: str, *, title: str = "",
                      profile_choice: str = AT_ROUND) -> VerloopResult:
    """The verloop of one series chosen from :func:`series_of` (the app's view), with
    the same ``title`` rule and messages as ``schouw trend --title``."""
    buurt = project.areas.buurt(buurt_id)
    if buurt is None:
        raise SchouwError("unknown_buurt", name=buurt_id, hint="")
    title = title.strip()
    result = _build(project, buurt, form_id, kind, profile_choice, title)
    if result is None:
        raise _too_few(buurt, form_id, title)
    return result


def verloop_for_round(project: Project, round_id: str, *, title: str = "",
                      profile_choice: str = AT_ROUND) -> VerloopResult:
    """The verloop of the series ``round_id`` belongs to (the round is one of its
    rounds); ``title`` keeps only rounds whose title holds it, as ``trend --title``."""
    round_ = project.rounds.get(round_id)
    buurt = project.areas.buurt(round_.buurt_id)
    form = project.forms.get(round_.form_key)
    if buurt is None or form is None:
        raise SchouwError("unknown_round", id=round_id)
    title = title.strip()
    name = round_.title or round_.date.isoformat()
    if title and title.lower() not in round_.title.lower():
        raise SchouwError("verloop_round_title", title=name, text=title)
    result = _build(project, buurt, form.id, round_.kind.value, profile_choice, title)
    if result is None:
        if title:
            raise _too_few(buurt, form.id, title)
        raise SchouwError("verloop_single_round", title=name, form=form.id, buurt=buurt.name)
    return result


def _build(project: Project, buurt: Buurt, form_id: str, kind: str, profile_choice: str,
           title: str = "") -> VerloopResult | None:
    """The verloop of one series; None when it has fewer than two rounds."""
    rows = load_series(project, buurt.id, form_id, kind, title)
    if len(rows.rounds) < 2:
        return None
    last = project.rounds.get(rows.rounds[-1].id)
    use = profile_for_report(project, last, profile_choice)
    verloop = build_verloop(rows.rounds, rows.forms, use.profile, buurt_area_type=buurt.area_type,
                            streets=rows.streets, findings=rows.findings, walked=rows.walked)
    wijk = project.areas.wijk(buurt.wijk_id)
    form = rows.forms[rows.rounds[-1].form_key]
    return VerloopResult(buurt, wijk.name if wijk else "", form_id, form.title, verloop, use.basis, title)
