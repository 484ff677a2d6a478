"""Re-inspection (herschouw) use cases, shared by the app and the CLI.

A round made for a buurt that had a round with the same form carries the open points of
the latest earlier one (:func:`carry_open_points`, called by ``create_round`` in the
same transaction). Walking the street, each point is marked once (:func:`mark`), which
is undone by :func:`unmark`. The report and ``rechecks list`` read :func:`points` and
:func:`summary`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from schouw.domain.actions import ActionStatus
from schouw.domain.levels import ALL_LEVELS, Level
from schouw.domain.models import Finding, Round
from schouw.domain.norms import area_type_of, judge
from schouw.domain.rechecks import Recheck, RecheckResult, is_open, new_level
from schouw.messages import SchouwError, render
from schouw.store.project import Project


def previous_round(project: Project, round_: Round) -> Round | None:
    """The latest round of the same buurt, kind and form before ``round_`` (by date,
    then by creation), or None."""
    form = project.forms.get(round_.form_key)
    earlier = []
    for other in project.rounds.rounds_of_buurt(round_.buurt_id):
        if other.id == round_.id or (other.date, other.created_at) >= (round_.date, round_.created_at):
            continue
        other_form = project.forms.get(other.form_key)
        if other.kind != round_.kind:  # a meting's judgements are no knelpunten to re-inspect
            continue
        if form is not None and other_form is not None and other_form.id == form.id:
            earlier.append(other)
    return max(earlier, key=lambda r: (r.date, r.created_at)) if earlier else None


def open_points(project: Project, round_: Round) -> list[Finding]:
    """The findings of ``round_`` still open: below their norm (judged by
    :func:`schouw.domain.norms.judge` under the profile in force at that round, as its
    own report scored it) or with an action that is not closed."""
    from schouw.services.profiles import profile_for_report

    form = project.forms.get(round_.form_key)
    profile = profile_for_report(project, round_).profile
    buurt = project.areas.buurt(round_.buurt_id)
    area_types = {s.id: area_type_of(s.area_type, buurt.area_type if buurt else None)
                  for s in project.areas.streets(round_.buurt_id)}
    out = []
    for finding in project.findings.models(round_.id):
        item = form.find(finding.element, finding.aspect) if form is not None else None
        judged = judge(profile, finding.element, finding.aspect, finding.level, finding.not_applicable,
                       area_types.get(finding.street_id), has_level=item is not None and item[1].has_level)
        action = project.actions.for_finding(finding.id)
        if is_open(judged.below, None if action is None else action.status.is_closed):
            out.append(finding)
    return out


def carry_open_points(project: Project, round_: Round) -> list[Recheck]:
    """Bring the open points of the previous round into ``round_`` as *te controleren*."""
    before = previous_round(project, round_)
    if before is None:
        return []
    rechecks = [Recheck(round_id=round_.id, follows=f.id, street_id=f.street_id)
                for f in open_points(project, before)]
    project.rechecks.add_many(rechecks)
    return rechecks


# -- listing -----------------------------------------------------------------------------
def _item(row: dict[str, Any]) -> str:
    """``element.aspect`` of the earlier finding; "?" when this project does not hold the
    earlier round (the point came in a package)."""
    return f"{row['element']}.{row['aspect']}" if row["element"] else "?"


def points(project: Project, round_id: str, *, open_only: bool = False,
           street_id: str | None = None) -> list[dict[str, Any]]:
    """The round's points to re-inspect: ``{id, follows, street, item, previous_level,
    result, level}`` and what the app and the report show besides."""
    round_ = project.rounds.get(round_id)
    rows = project.rechecks.list(round_.id, street_id)
    out = []
    for r in rows:
        if open_only and r["result"]:
            continue
        out.append({"id": r["id"], "follows": r["follows"], "street": r["street"], "item": _item(r),
                    "previous_level": r["previous_level"], "result": r["result"], "level": r["level"],
                    "street_id": r["street_id"], "element": r["element"], "aspect": r["aspect"],
                    "number": r["number"] or "", "spot": r["spot"] or "",
                    "previous_text": r["previous_text"] or "", "previous_choice": r["previous_choice"],
                    "finding_id": r["finding_id"], "action_status": r["action_status"]})
    return out


@dataclass
class StreetTally:
    street: str
    total: int = 0
    solved: int = 0
    checked: int = 0


@dataclass
class Summary:
    """``x van y punten opgelost`` per street (in walking order) and overall."""

    streets: list[StreetTally] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.streets)

    @property
    def solved(self) -> int:
        return sum(s.solved for s in self.streets)

    @property
    def checked(self) -> int:
        return sum(s.checked for s in self.streets)


def summary(project: Project, round_id: str) -> Summary:
    tallies: dict[str, StreetTally] = {}
    for p in points(project, round_id):
        tally = tallies.setdefault(p["street_id"], StreetTally(p["street"]))
        tally.total += 1
        tally.checked += p["result"] is not None
        tally.solved += p["result"] == RecheckResult.SOLVED.value
    return Summary(list(tallies.values()))


# -- marking -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Marked:
    """What :func:`mark` did, so :func:`unmark` can take it back exactly."""

    recheck_id: str
    result: RecheckResult
    finding_id: str | None
    #: The old action closed by an *opgelost* and the status it had before.
    action_id: str | None = None
    action_status_before: ActionStatus | None = None


def set_action_status(project: Project, action_id: str, status: ActionStatus, note: str, *,
                      restore: bool = False, on_date: date | None = None) -> None:
    """The one place re-inspection changes an action's status, with a history entry
    that says who and on which day, as a change by hand records them
    (:mod:`schouw.services.actions`). Not through its ``set_status``: a point found
    solved closes its action also where the action went to the municipality, and an
    undo (``restore``) puts back an earlier status where the usual transitions do not
    lead back to it."""
    from schouw.services.actions import who

    project.actions.set_status(action_id, status, note, external=restore, on_date=on_date, who=who())


def mark(project: Project, recheck_id: str, result: str | RecheckResult, level: str | None = None,
         *, today: date | None = None) -> Marked:
    """Record the check of one point, all in one transaction: *opgelost* closes the old
    action; *aanwezig*/*erger* add a finding in this round that follows the old one."""
    recheck = project.rechecks.get(recheck_id)
    if recheck is None:
        raise SchouwError("recheck_unknown", id=recheck_id)
    if recheck.result is not None:
        raise SchouwError("recheck_already", result=render(f"recheck_result_{recheck.result.value}"))
    outcome = result if isinstance(result, RecheckResult) else RecheckResult.parse(result)
    old = project.findings.one(recheck.follows, include_deleted=True)
    round_ = project.rounds.get(recheck.round_id)
    form = project.forms.get(round_.form_key)
    item = form.find(old.element, old.aspect) if form is not None else None
    key = old.item_key
    has_level = item is not None and item[1].has_level
    given = _parse_level(project, round_, level, key, has_level)
    the_level = new_level(outcome, has_level, old.level, given, key)
    action = project.actions.for_finding(old.id)
    with project.atomic():
        finding_id = None
        before = None
        if outcome is RecheckResult.SOLVED:
            if action is not None and not action.status.is_closed:
                before = action.status
                # stored text, shown as is in reports of either language: the date as
                # dd-mm-jjjj, the one form both languages' reports use (imported here: the
                # report package is not needed to open the walk, issue 20)
                from schouw.report.i18n import format_date

                day = format_date(today or date.today(), "nl", table=True)
                set_action_status(project, action.id, ActionStatus.DONE, render("recheck_solved_note", "nl", date=day),
                                  on_date=today or date.today())
        else:
            new = Finding(
                round_id=round_.id, street_id=old.street_id, element=old.element, aspect=old.aspect,
                level=the_level, not_applicable=False if has_level else old.not_applicable,
                choice=old.choice, house_number=old.house_number, spot=old.spot,
                description=old.description, priority=old.priority, lat=old.lat, lon=old.lon)
            finding_id = project.findings.add(new).id
        project.fault_point("recheck-half-written")
        project.rechecks.set_result(recheck.id, outcome.value, the_level.value if the_level else None,
                                    finding_id)
    return Marked(recheck.id, outcome, finding_id, action.id if before else None, before)


def _parse_level(project: Project, round_: Round, level: str | None, key: str,
                 has_level: bool) -> Level | None:
    if level is None or not level.strip():
        return None
    if not has_level:
        raise SchouwError("recheck_level_on_observation", item=key)
    profile = project.forms.profile(round_.profile_id) if round_.profile_id else None
    allowed = tuple(profile.levels) if profile is not None else ALL_LEVELS
    try:
        parsed = Level.parse(level)
    except ValueError:
        parsed = None
    if parsed is None or parsed not in allowed:
        raise SchouwError("bad_level", level=level, item=key, allowed=", ".join(lv.value for lv in allowed))
    return parsed


def unmark(project: Project, marked: Marked) -> None:
    """Take a :func:`mark` back: the point is *te controleren* again, its new finding
    gone and the old action back in its earlier status."""
    with project.atomic():
        if marked.finding_id is not None:
            project.findings.delete(marked.finding_id)
        if marked.action_id is not None and marked.action_status_before is not None:
            set_action_status(project, marked.action_id, marked.action_status_before,
                              render("recheck_undone_note", "nl"), restore=True)
        project.rechecks.set_result(marked.recheck_id, None, None, None)
