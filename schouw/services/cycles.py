"""Use cases of a Veilige Buurten traject: start it, set the residents' priorities, link
findings and actions, follow the weeks, evaluate and close it, and read how it stands.

The app's *Trajecten* window and ``schouw cycles`` call these with the same checks (the
rules are :mod:`schouw.domain.cycles`), so both refuse the same input with the same
sentence. Reading is :func:`cycle_view`: one plain value that the window, the CLI's
``show`` and the evaluation PDF all render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from schouw.domain import cycles as D
from schouw.domain.cycles import Cycle, CycleStatus, Outcome, Priority, PriorityKind
from schouw.domain.models import utc_now
from schouw.messages import SchouwError
from schouw.services.actions import ActionRow, list_actions
from schouw.services.changes import Changes
from schouw.store.project import Project

CHANGED = Changes(cycles=True)


# -- finding things ---------------------------------------------------------------------
def find_cycle(project: Project, text: str) -> Cycle:
    """A traject by id, by title, or by buurt name (that buurt's open traject, else its
    latest)."""
    found = project.cycles.find(text)
    if len(found) > 1:
        raise SchouwError("cycle_ambiguous", title=text)
    if found:
        return found[0]
    buurten = [b for b in project.areas.buurten() if b.name.lower() == text.strip().lower()]
    if len(buurten) == 1:
        cycles = project.cycles.list(buurten[0].id)
        if cycles:
            open_ = [c for c in cycles if c.status == CycleStatus.OPEN]
            return (open_ or cycles)[0]
    known = ", ".join(c.title for c in project.cycles.list()[:8]) or "-"
    raise SchouwError("cycle_unknown", title=text, known=known)


def find_priority(project: Project, cycle: Cycle, text: str | int) -> Priority:
    """A priority of the traject by rank (a number), id or title."""
    priorities = project.cycles.priorities(cycle.id)
    key = str(text).strip()
    for p in priorities:
        if key == p.id or (key.isdigit() and int(key) == p.rank) or key.lower() == p.title.lower():
            return p
    raise SchouwError("cycle_unknown_priority", priority=key, title=cycle.title,
                      known=", ".join(f"{p.rank}. {p.title}" for p in priorities) or "-")


def _aspect_labels(project: Project) -> dict[str, str]:
    """``element.aspect`` → "Element: aspect" over the project's forms."""
    labels: dict[str, str] = {}
    for form in project.forms.all():
        for element, aspect in form.items():
            labels.setdefault(f"{element.id}.{aspect.id}", f"{element.name}: {aspect.name}")
    return labels


def aspect_choices(project: Project) -> list[tuple[str, str]]:
    """``(element.aspect, "Element: aspect")`` of the project's forms, for a priority about
    an item."""
    return sorted(_aspect_labels(project).items(), key=lambda kv: kv[1].casefold())


def buurt_findings(project: Project, cycle_ref: str) -> list[dict[str, Any]]:
    """The findings a priority of this traject can be about (its buurt's knelpuntenschouw
    rounds, newest first), each with a readable ``label``."""
    cycle = find_cycle(project, cycle_ref)
    labels = _aspect_labels(project)
    return [{**f, "label": labels.get(f["item"], f["item"])} for f in project.cycles.buurt_findings(cycle.buurt_id)]


# -- starting and changing ----------------------------------------------------------------
def start_cycle(project: Project, *, buurt: str, start: str | date | None = None, weeks: int = 10,
                title: str = "", carry_over: bool = True, wijk: str | None = None,
                today: date | None = None) -> tuple[Cycle, Changes]:
    """A new traject for a buurt. One open traject per buurt. With ``carry_over`` the
    priorities the buurt's previous traject did not (fully) achieve come back as this
    one's first priorities (the intake); the user can change or remove them."""
    the_buurt = project.areas.find_buurt(buurt, wijk)
    begin = D.parse_start(start.isoformat() if isinstance(start, date) else (start or (today or date.today()).isoformat()))
    D.check_weeks(weeks)
    existing = project.cycles.list(the_buurt.id)
    D.check_can_start(the_buurt.name, existing)
    title = title.strip() or f"Traject {the_buurt.name} {begin.isoformat()}"
    cycle = Cycle(buurt_id=the_buurt.id, title=title, start=begin.isoformat(), weeks=weeks)
    with project.atomic():
        cycle = project.cycles.add(cycle)
        previous = [c for c in existing if c.status == CycleStatus.EVALUATED]
        if carry_over and previous:
            for suggestion in D.intake(project.cycles.priorities(previous[0].id)):
                project.cycles.add_priority(suggestion.model_copy(update={"cycle_id": cycle.id}))
    return cycle, CHANGED


def add_priority(project: Project, cycle_ref: str, *, title: str, rank: int | None = None,
                 findings: list[str] | None = None, aspect: str | None = None,
                 theme: str = "") -> tuple[Priority, Changes]:
    """A priority of the residents: about findings, an aspect of the form, or a free theme
    (its kind follows from what is given). Findings must lie in the traject's buurt."""
    cycle = find_cycle(project, cycle_ref)
    D.check_open(cycle)
    title = title.strip()
    if not title:
        raise SchouwError("cycle_priority_no_title")
    priorities = project.cycles.priorities(cycle.id)
    rank = D.check_rank(rank, priorities) if rank is not None else D.next_rank(priorities)
    finding_ids = [_finding_in_buurt(project, cycle, f) for f in (findings or [])]
    aspect = (aspect or "").strip() or None
    if aspect is not None and aspect not in (labels := _aspect_labels(project)):
        raise SchouwError("cycle_unknown_aspect", aspect=aspect, known=", ".join(list(labels)[:8]) or "-")
    kind = PriorityKind.FINDING if finding_ids else PriorityKind.ASPECT if aspect else PriorityKind.THEME
    priority = Priority(cycle_id=cycle.id, rank=rank, title=title, kind=kind, finding_ids=finding_ids,
                        aspect_id=aspect, theme=theme.strip() or (title if kind == PriorityKind.THEME else ""))
    return project.cycles.add_priority(priority), CHANGED


def _finding_in_buurt(project: Project, cycle: Cycle, finding_ref: str) -> str:
    finding = project.findings.get(finding_ref)
    round_ = project.rounds.get(finding.round_id)
    if round_.buurt_id != cycle.buurt_id:
        raise SchouwError("cycle_finding_other_buurt", id=finding.id[:8], title=cycle.title)
    return finding.id


def move_priority(project: Project, cycle_ref: str, priority_ref: str | int, rank: int) -> Changes:
    """Give a priority another rank; the one holding that rank swaps with it."""
    cycle = find_cycle(project, cycle_ref)
    D.check_open(cycle)
    priority = find_priority(project, cycle, priority_ref)
    if rank < 1:
        raise SchouwError("cycle_bad_rank", rank=rank)
    others = [p for p in project.cycles.priorities(cycle.id) if p.rank == rank and p.id != priority.id]
    with project.atomic():
        for other in others:
            project.cycles.update_priority(other.model_copy(update={"rank": priority.rank}))
        project.cycles.update_priority(priority.model_copy(update={"rank": rank}))
    return CHANGED


def remove_priority(project: Project, cycle_ref: str, priority_ref: str | int) -> Changes:
    cycle = find_cycle(project, cycle_ref)
    D.check_open(cycle)
    project.cycles.delete_priority(find_priority(project, cycle, priority_ref).id)
    return CHANGED


def link(project: Project, cycle_ref: str, priority_ref: str | int, *, finding: str | None = None,
         action: str | None = None) -> tuple[bool, Changes]:
    """Link a finding (of the buurt) or an action to a priority. An action is named by its
    own id or by its finding's id. False (and nothing changed) when it was linked already."""
    cycle = find_cycle(project, cycle_ref)
    D.check_open(cycle)
    priority = find_priority(project, cycle, priority_ref)
    if finding:
        finding_id = _finding_in_buurt(project, cycle, finding)
        changed = project.cycles.link(priority.id, "finding", finding_id)
        if changed and priority.kind == PriorityKind.THEME:
            project.cycles.update_priority(priority.model_copy(update={"kind": PriorityKind.FINDING}))
    else:
        found = project.actions.get(action or "")
        if found is None:
            try:
                found = project.actions.for_finding(project.findings.get(action or "").id)
            except SchouwError:
                found = None
        if found is None:
            raise SchouwError("cycle_unknown_action", id=action or "")
        _finding_in_buurt(project, cycle, found.finding_id)
        changed = project.cycles.link(priority.id, "action", found.id)
    return changed, CHANGED if changed else Changes.NONE


def evaluate(project: Project, cycle_ref: str, priority_ref: str | int, outcome: str | Outcome,
             note: str = "") -> tuple[Priority, Changes]:
    """Record a priority's outcome (bereikt, deels, niet) with a note; may be changed
    until the traject is closed."""
    cycle = find_cycle(project, cycle_ref)
    D.check_open(cycle)
    priority = find_priority(project, cycle, priority_ref)
    result = outcome if isinstance(outcome, Outcome) else Outcome.parse(outcome)
    updated = priority.model_copy(update={"outcome": result, "outcome_note": note.strip()})
    project.cycles.update_priority(updated)
    return updated, CHANGED


def close_cycle(project: Project, cycle_ref: str, note: str = "") -> tuple[Cycle, Changes]:
    """Close the traject with its evaluation: refused while a priority has no outcome.
    What was not achieved is the next traject's intake (:func:`start_cycle`)."""
    cycle = find_cycle(project, cycle_ref)
    D.check_can_close(cycle, project.cycles.priorities(cycle.id))
    closed = project.cycles.update(cycle.model_copy(update={
        "status": CycleStatus.EVALUATED, "closed_at": utc_now(), "evaluation_note": note.strip()}))
    return closed, CHANGED


# -- reading -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PriorityView:
    priority: Priority
    #: what it is about, in words: the aspect's name, the theme, or the findings' streets
    subject: str
    findings: list[dict[str, Any]]
    actions: list[ActionRow]


@dataclass(frozen=True)
class CycleView:
    """A traject as the window, ``cycles show`` and the evaluation PDF show it."""

    cycle: Cycle
    buurt: str
    week: int
    end: date
    overdue: bool
    priorities: list[PriorityView]
    #: ids of linked actions whose deadline falls in this week
    due_this_week: list[str]
    #: linked actions past their deadline and not done
    late: list[str]
    outcomes: dict[Outcome, int]
    #: for an evaluated traject: what the next one starts from
    intake: list[Priority] = field(default_factory=list)
    #: ``element.aspect`` → "Element: aspect", to name the items of linked actions
    item_labels: dict[str, str] = field(default_factory=dict)

    def item(self, key: str) -> str:
        return self.item_labels.get(key, key)

    def as_dict(self) -> dict[str, Any]:
        c = self.cycle
        return {
            "id": c.id, "title": c.title, "buurt": self.buurt, "start": c.start, "weeks": c.weeks,
            "end": self.end.isoformat(), "week": self.week, "status": c.status.value, "overdue": self.overdue,
            "closed_at": c.closed_at, "evaluation_note": c.evaluation_note,
            "priorities": [{
                "id": p.priority.id, "rank": p.priority.rank, "title": p.priority.title, "kind": p.priority.kind.value,
                "subject": p.subject, "aspect": p.priority.aspect_id, "theme": p.priority.theme,
                "findings": p.findings,
                "actions": [{"action_id": a.action_id, "finding_id": a.finding_id, "party": a.party,
                             "status": a.status.value, "due": a.due.isoformat() if a.due else None,
                             "overdue": a.overdue, "street": a.street, "item": a.item} for a in p.actions],
                "outcome": p.priority.outcome.value if p.priority.outcome else None,
                "outcome_note": p.priority.outcome_note} for p in self.priorities],
            "due_this_week": self.due_this_week, "late": self.late,
            "outcomes": {o.value: n for o, n in self.outcomes.items()},
            "intake": [{"rank": p.rank, "title": p.title, "kind": p.kind.value} for p in self.intake],
        }


def cycle_list(project: Project, buurt: str | None = None, today: date | None = None) -> list[dict[str, Any]]:
    """Every traject (of one buurt) with its week counter, newest first."""
    today = today or date.today()
    buurt_id = project.areas.find_buurt(buurt).id if buurt else None
    names = {b.id: b.name for b in project.areas.buurten()}
    out = []
    for c in project.cycles.list(buurt_id):
        out.append({"id": c.id, "title": c.title, "buurt": names.get(c.buurt_id, ""), "start": c.start,
                    "weeks": c.weeks, "week": D.week_of(c, today), "status": c.status.value,
                    "overdue": D.is_overdue(c, today), "end": D.end_date(c).isoformat()})
    return out


def cycle_view(project: Project, cycle_ref: str, today: date | None = None) -> CycleView:
    today = today or date.today()
    cycle = find_cycle(project, cycle_ref)
    buurt = project.areas.buurt(cycle.buurt_id)
    priorities = project.cycles.priorities(cycle.id)
    finding_ids = [f for p in priorities for f in p.finding_ids]
    facts = project.cycles.finding_facts(finding_ids)
    explicit = project.cycles.action_links(cycle.id)
    by_finding = project.cycles.actions_of_findings(finding_ids)
    wanted = sorted({a for _p, a in explicit} | set(by_finding.values()))
    rows = {r.action_id: r for r in list_actions(project, action_ids=wanted, today=today)} if wanted else {}
    labels = _aspect_labels(project)
    views = []
    for p in priorities:
        ids = [a for pid, a in explicit if pid == p.id]
        ids += [by_finding[f] for f in p.finding_ids if f in by_finding and by_finding[f] not in ids]
        findings = [facts[f] for f in p.finding_ids if f in facts]
        if p.kind == PriorityKind.ASPECT:
            subject = labels.get(p.aspect_id or "", p.aspect_id or "")
        elif p.kind == PriorityKind.FINDING:
            streets = sorted({f["street"] for f in findings})
            subject = ", ".join(streets)
        else:
            subject = p.theme
        views.append(PriorityView(p, subject, findings, [rows[a] for a in ids if a in rows]))
    linked = [r for v in views for r in v.actions]
    deadlines = {r.action_id: (r.due.isoformat() if r.due and not r.status.is_closed else None) for r in linked}
    intake = D.intake(priorities) if cycle.status == CycleStatus.EVALUATED else []
    return CycleView(
        cycle=cycle, buurt=buurt.name if buurt else "", week=D.week_of(cycle, today), end=D.end_date(cycle),
        overdue=D.is_overdue(cycle, today), priorities=views, due_this_week=D.due_this_week(cycle, deadlines, today),
        late=sorted({r.action_id for r in linked if r.overdue}), outcomes=D.outcome_counts(priorities), intake=intake,
        item_labels=labels)
