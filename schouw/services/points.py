"""The schouwpunten of a meting: list them, judge every aspect at one, finish, close.

A meting is only honest when every aspect on the level scale is judged at every drawn
point (n.v.t. counts as judged: it is a judgement that the aspect does not occur
there). So a point can be finished only when nothing is missing, and a meting round
can be closed only when every point is finished. The app's meting screen and the CLI
(``schouw points …``, ``schouw finding add … --point N``, ``schouw round close``) call
these same functions, so both refuse the same things the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schouw.domain.findings import check_finding
from schouw.domain.forms import Form
from schouw.domain.levels import ALL_LEVELS
from schouw.domain.models import Finding, Round, RoundKind, SchouwPunt, utc_now
from schouw.domain.text import check_text
from schouw.messages import SchouwError
from schouw.services.changes import Changes
from schouw.store.project import Project

#: How many open point numbers the refusal to close a meting names.
FIRST_NUMBERS = 5


@dataclass
class PointState:
    """One schouwpunt as a list shows it."""

    id: str
    n: int
    street_id: str
    street: str
    lat: float | None
    lon: float | None
    done: bool
    #: aspects on the level scale judged here (a level or n.v.t.)
    judged: int
    #: (element, aspect) still to judge, in form order
    missing: list[tuple[str, str]] = field(default_factory=list)
    #: aspects to judge at each point
    required: int = 0

    def as_dict(self) -> dict:
        return {"id": self.id, "n": self.n, "street": self.street, "lat": self.lat, "lon": self.lon,
                "done": self.done, "judged": self.judged, "required": self.required,
                "missing": [f"{e}.{a}" for e, a in self.missing]}


def required_items(form: Form) -> list[tuple[str, str]]:
    """The (element, aspect) a meting judges at every point: every aspect on the level
    scale (observations on a choice or none scale may be recorded but are not required)."""
    return [(e.id, a.id) for e, a in form.items() if a.has_level]


def _meting(project: Project, round_id: str) -> tuple[Round, Form]:
    round_ = project.rounds.get(round_id)
    if round_.kind != RoundKind.METING:
        raise SchouwError("points_only_meting", title=round_.title)
    form = project.forms.get(round_.form_key)
    if form is None:
        raise SchouwError("unknown_form", id=round_.form_key, available="-")
    return round_, form


def _judged(project: Project, round_id: str) -> dict[str, set[tuple[str, str]]]:
    """point id -> the items judged there (a level or n.v.t.)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for f in project.findings.models(round_id):
        if f.point_id and (f.level is not None or f.not_applicable):
            out.setdefault(f.point_id, set()).add((f.element, f.aspect))
    return out


def list_points(project: Project, round_id: str) -> list[PointState]:
    """The points of a meting in walking order, each with what is still to judge."""
    round_, form = _meting(project, round_id)
    needed = required_items(form)
    judged = _judged(project, round_.id)
    out = []
    for row in project.points.rows(round_.id):
        have = judged.get(row["id"], set())
        missing = [item for item in needed if item not in have]
        out.append(PointState(row["id"], row["n"], row["street_id"], row["street"], row["lat"], row["lon"],
                              row["done_at"] is not None, len(needed) - len(missing), missing, len(needed)))
    return out


def find_point(project: Project, round_id: str, point: str | int) -> SchouwPunt:
    """A point of the round by its number (as the walker sees it) or its id."""
    text = str(point).strip()
    found = project.points.by_number(round_id, int(text)) if text.isdigit() else project.points.get(text)
    if found is None or found.round_id != round_id:
        raise SchouwError("point_unknown", id=text)
    return found


def _point(project: Project, point_id: str) -> tuple[SchouwPunt, Round, Form]:
    point = project.points.get(point_id)
    if point is None:
        raise SchouwError("point_unknown", id=point_id)
    round_, form = _meting(project, point.round_id)
    return point, round_, form


def _open(round_: Round) -> None:
    if round_.closed_at is not None:
        raise SchouwError("round_closed", title=round_.title, date=round_.closed_at.date().isoformat())


def _state(project: Project, point: SchouwPunt, form: Form) -> list[tuple[str, str]]:
    have = _judged(project, point.round_id).get(point.id, set())
    return [item for item in required_items(form) if item not in have]


def finish_point(project: Project, point_id: str) -> Changes:
    """Mark a point finished; refused, naming what is missing, while an aspect is unjudged."""
    point, round_, form = _point(project, point_id)
    _open(round_)
    missing = _state(project, point, form)
    if missing:
        names = [f"{e}.{a}" for e, a in missing]
        shown = ", ".join(names[:6]) + (f" (+{len(names) - 6})" if len(names) > 6 else "")
        raise SchouwError("point_not_judged", n=point.n, missing=shown)
    project.points.set_done(point.id, True)
    return Changes(walked=True, round_ids=frozenset({round_.id}))


def reopen_point(project: Project, point_id: str) -> Changes:
    """Take back a point's finished mark (to judge an aspect again)."""
    point, round_, _ = _point(project, point_id)
    _open(round_)
    project.points.set_done(point.id, False)
    return Changes(walked=True, round_ids=frozenset({round_.id}))


def record_at_point(project: Project, point_id: str, item: str, *, level: str | None = None,
                    text: str = "") -> tuple[Finding, Changes]:
    """Judge one aspect (``element.aspect``) at a point: a level ``A+``..``D`` or
    ``n.v.t.``. The one entry point for meting judgements (app and CLI): the finding
    carries the point's id, street and position. Judging an aspect again at the same
    point changes the earlier judgement instead of adding a second one."""
    check_text(description=text)
    point, round_, form = _point(project, point_id)
    _open(round_)
    profile = project.forms.profile(round_.profile_id) if round_.profile_id else None
    value, _ = check_finding(form, item, level=level,
                             allowed_levels=tuple(profile.levels) if profile is not None else ALL_LEVELS)
    if not value.aspect.has_level:
        raise SchouwError("point_item_not_on_form", item=item)
    existing = next((f for f in project.findings.models(round_.id)
                     if f.point_id == point.id and (f.element, f.aspect) == (value.element.id, value.aspect.id)),
                    None)
    changes = Changes(findings=True, round_ids=frozenset({round_.id}))
    with project.atomic():
        if existing is not None:
            update = {"level": value.level.value if value.level else None,
                      "not_applicable": int(value.not_applicable)}
            if text.strip():
                update["description"] = text.strip()
            project.findings.update(existing.id, **update)
            return project.findings.get(existing.id), changes
        finding = Finding(round_id=round_.id, street_id=point.street_id, element=value.element.id,
                          aspect=value.aspect.id, level=value.level, not_applicable=value.not_applicable,
                          description=text.strip(), spot=f"schouwpunt {point.n}", lat=point.lat,
                          lon=point.lon, observed_at=utc_now(), point_id=point.id)
        return project.findings.add(finding), changes


def close_round(project: Project, round_id: str) -> Changes:
    """Close a round. A meting with points not finished (an aspect unjudged, or not
    marked finished) is refused in one line naming how many and the first numbers."""
    round_ = project.rounds.get(round_id)
    _open(round_)
    if round_.kind == RoundKind.METING:
        open_points = [p for p in list_points(project, round_.id) if not p.done or p.missing]
        if open_points:
            first = ", ".join(str(p.n) for p in open_points[:FIRST_NUMBERS])
            if len(open_points) > FIRST_NUMBERS:
                first += ", …"
            raise SchouwError("round_points_open", count=len(open_points), first=first)
    project.rounds.update(round_.id, closed_at=utc_now())
    return Changes(rounds=True, round_ids=frozenset({round_.id}))
