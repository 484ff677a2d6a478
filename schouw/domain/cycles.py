"""A Veilige Buurten cycle (*traject*): about ten weeks in one buurt, residents' priorities.

DOMAIN.md: the work goes in cycles. In a traject the residents set a ranked list of
priorities (a finding, an aspect of the form, or a free theme), partners act on them for a
number of weeks, and at the end each priority is evaluated (achieved / partly / not). The
next traject of the buurt starts from that evaluation: what was not achieved comes back as a
suggestion. These rules are pure so the app, the CLI and the report apply the same ones.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from schouw.domain.models import Synced
from schouw.messages import SchouwError


class CycleStatus(StrEnum):
    OPEN = "open"
    EVALUATED = "geevalueerd"


class PriorityKind(StrEnum):
    FINDING = "bevinding"
    ASPECT = "aspect"
    THEME = "thema"


class Outcome(StrEnum):
    ACHIEVED = "bereikt"
    PARTLY = "deels"
    NOT = "niet"

    @classmethod
    def parse(cls, text: str) -> Outcome:
        """The outcome a user typed (Dutch value or English word), or a clear error."""
        key = (text or "").strip().lower()
        english = {"achieved": cls.ACHIEVED, "partly": cls.PARTLY, "not": cls.NOT}
        for outcome in cls:
            if outcome.value == key:
                return outcome
        if key in english:
            return english[key]
        raise SchouwError("cycle_bad_outcome", outcome=text, allowed=", ".join(o.value for o in cls))


class Cycle(Synced):
    """One traject of one buurt."""

    buurt_id: str
    title: str
    start: str  # ISO date of week 1's first day
    weeks: int = 10
    status: CycleStatus = CycleStatus.OPEN
    closed_at: str | None = None
    evaluation_note: str = ""


class Priority(Synced):
    """One ranked priority of a traject; what it is about depends on its kind."""

    cycle_id: str
    rank: int
    title: str
    kind: PriorityKind = PriorityKind.THEME
    finding_ids: list[str] = []
    aspect_id: str | None = None
    theme: str = ""
    outcome: Outcome | None = None
    outcome_note: str = ""


def check_weeks(weeks: int) -> int:
    """A traject lasts at least one week (the usual is ten)."""
    if weeks <= 0:
        raise SchouwError("cycle_bad_weeks", weeks=weeks)
    return weeks


def parse_start(text: str) -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise SchouwError("cycle_bad_start", start=text) from None


def end_date(cycle: Cycle) -> date:
    """The last day of the traject's last week."""
    return parse_start(cycle.start) + timedelta(weeks=cycle.weeks, days=-1)


def week_of(cycle: Cycle, today: date) -> int:
    """Which week of the traject ``today`` is in ("week 4 van 10").

    0 before the start; past the end it keeps counting (weeks + 1, ...) so an overdue
    evaluation shows as such instead of hiding at the last week.
    """
    days = (today - parse_start(cycle.start)).days
    return 0 if days < 0 else days // 7 + 1


def is_overdue(cycle: Cycle, today: date) -> bool:
    """Open after its last week: the evaluation is due."""
    return cycle.status == CycleStatus.OPEN and today > end_date(cycle)


def due_this_week(cycle: Cycle, deadlines: dict[str, str | None], today: date) -> list[str]:
    """The ids (of actions linked to the traject) whose deadline falls in ``today``'s week.

    ``deadlines`` maps an id to its ISO deadline (None: no deadline). Deadlines already past
    and not done are the caller's to show as late; this is the week's agenda.
    """
    if week_of(cycle, today) < 1:
        return []
    start = parse_start(cycle.start) + timedelta(weeks=week_of(cycle, today) - 1)
    stop = start + timedelta(days=7)
    due = []
    for key, deadline in deadlines.items():
        if not deadline:
            continue
        try:
            day = date.fromisoformat(deadline[:10])
        except ValueError:
            continue
        if start <= day < stop:
            due.append(key)
    return sorted(due, key=lambda k: (deadlines[k] or "", k))


def check_can_start(buurt_label: str, existing: list[Cycle]) -> None:
    """One open traject per buurt: a second one would split the residents' priorities."""
    for other in existing:
        if other.deleted_at is None and other.status == CycleStatus.OPEN:
            raise SchouwError("cycle_open_exists", buurt=buurt_label, title=other.title)


def check_rank(rank: int, priorities: list[Priority], exclude_id: str | None = None) -> int:
    """Ranks are 1, 2, ... and unique within a traject (the residents' order)."""
    if rank < 1:
        raise SchouwError("cycle_bad_rank", rank=rank)
    for other in priorities:
        if other.deleted_at is None and other.rank == rank and other.id != exclude_id:
            raise SchouwError("cycle_rank_taken", rank=rank, title=other.title)
    return rank


def next_rank(priorities: list[Priority]) -> int:
    live = [p.rank for p in priorities if p.deleted_at is None]
    return max(live, default=0) + 1


def check_open(cycle: Cycle) -> None:
    """An evaluated traject is closed: it cannot be evaluated or changed again."""
    if cycle.status != CycleStatus.OPEN:
        raise SchouwError("cycle_not_open", title=cycle.title)


def check_can_close(cycle: Cycle, priorities: list[Priority]) -> None:
    """Closing needs the evaluation complete: every live priority has an outcome."""
    check_open(cycle)
    live = [p for p in priorities if p.deleted_at is None]
    if not live:
        raise SchouwError("cycle_no_priorities", title=cycle.title)
    for priority in sorted(live, key=lambda p: p.rank):
        if priority.outcome is None:
            raise SchouwError("cycle_unscored", title=priority.title)


def outcome_counts(priorities: list[Priority]) -> dict[Outcome, int]:
    """How many priorities per outcome (unscored ones left out)."""
    counts = {outcome: 0 for outcome in Outcome}
    for priority in priorities:
        if priority.deleted_at is None and priority.outcome is not None:
            counts[priority.outcome] += 1
    return counts


def intake(previous: list[Priority]) -> list[Priority]:
    """Suggestions for the next traject: the previous one's priorities not (fully) achieved.

    Kept in their old order, ranked again from 1, without an outcome; each keeps what it
    was about (findings, aspect, theme). New ids: they are new rows of the new traject,
    whose ``cycle_id`` the caller sets.
    """
    carried = [p for p in sorted(previous, key=lambda p: p.rank)
               if p.deleted_at is None and p.outcome in (Outcome.PARTLY, Outcome.NOT)]
    return [Priority(cycle_id="", rank=n, title=p.title, kind=p.kind,
                     finding_ids=list(p.finding_ids), aspect_id=p.aspect_id, theme=p.theme)
            for n, p in enumerate(carried, start=1)]
