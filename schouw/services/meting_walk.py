"""What the app's meting walk screen shows: the schouwpunten and, for one point, a row
per aspect with its judgement and its norm.

A read model only. Judging, finishing and reopening go through
:mod:`schouw.services.points` (the same functions as ``schouw points …``), and whether a
level is below its norm is asked of :func:`schouw.domain.norms.judge` for the point's
street (its area type), never worked out here.
"""

from __future__ import annotations

from dataclasses import dataclass

from schouw.domain.levels import Level
from schouw.domain.norms import judge
from schouw.services.points import PointState, list_points, required_items
from schouw.services.walk import RoundContext
from schouw.store.project import Project

#: what a judge-grid column stands for: a level or n.v.t.
NVT = "n.v.t."


@dataclass
class JudgeRow:
    """One aspect to judge at one point."""

    element: str
    aspect: str
    element_name: str
    aspect_name: str
    #: the norm for the point's area type (None: the profile sets none)
    norm: Level | None
    #: the judgement so far: a level value ("A+".."D"), "n.v.t." or None
    value: str | None
    #: the finding holding the judgement (None while unjudged)
    finding_id: str | None

    @property
    def item(self) -> str:
        return f"{self.element}.{self.aspect}"


def below_norm(ctx: RoundContext, row: JudgeRow, street_id: str, level: Level) -> bool:
    """Whether choosing ``level`` for ``row`` at a point on ``street_id`` falls below the
    norm (the one rule, :func:`schouw.domain.norms.judge`)."""
    return judge(ctx.profile, row.element, row.aspect, level, False, ctx.area_type(street_id)).below


def points(project: Project, ctx: RoundContext) -> list[PointState]:
    """The schouwpunten of the open meting with done tick and judged count."""
    return list_points(project, ctx.round.id)


def judge_rows(project: Project, ctx: RoundContext, point: PointState) -> list[JudgeRow]:
    """Every aspect a meting judges at ``point``, in form order, with its judgement."""
    held: dict[tuple[str, str], tuple[str | None, str]] = {}
    for f in project.findings.models(ctx.round.id):
        if f.point_id == point.id:
            value = NVT if f.not_applicable else (f.level.value if f.level is not None else None)
            held[(f.element, f.aspect)] = (value, f.id)
    rows = []
    for element_id, aspect_id in required_items(ctx.form):
        element, aspect = ctx.form.find(element_id, aspect_id)
        value, finding_id = held.get((element_id, aspect_id), (None, None))
        rows.append(JudgeRow(element_id, aspect_id, element.name, aspect.name,
                             ctx.norm(element_id, aspect_id, point.street_id), value, finding_id))
    return rows
