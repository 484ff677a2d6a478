"""The score of a round, as its kind allows: a share for a meting, counts otherwise.

A *meting* judged every aspect at random schouwpunten, so it gets shares at or above the
norm with their 95 % intervals (:func:`schouw.domain.measure.score_meting`). A
*knelpuntenschouw* recorded what was wrong where the team walked: a share over its
findings would be biased low, so it only gets counts (findings and below-norm findings
per aspect, element, street, level and party) — :class:`KnelpuntenCounts` has no share.

Scores are always computed from the findings, never stored, so a changed quality
profile re-scores old rounds; each score names the profile it used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from schouw.domain.measure import MetingScore, score_meting
from schouw.domain.models import Round, RoundKind
from schouw.domain.norms import area_type_of, judge
from schouw.messages import SchouwError
from schouw.services.profiles import AT_ROUND, profile_for_report
from schouw.store.project import Project


@dataclass
class Count:
    """Findings of some group and how many of them are below their norm."""

    findings: int = 0
    below_norm: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"findings": self.findings, "below_norm": self.below_norm}


@dataclass
class KnelpuntenCounts:
    """What a knelpuntenschouw found, counted. Deliberately no share: see the module."""

    findings: int = 0
    below_norm: int = 0
    #: "element.aspect" -> count, in form order
    aspects: dict[str, Count] = field(default_factory=dict)
    elements: dict[str, Count] = field(default_factory=dict)
    #: street id -> count (names in :attr:`street_names`)
    streets: dict[str, Count] = field(default_factory=dict)
    street_names: dict[str, str] = field(default_factory=dict)
    #: "A+".."D" and "n.v.t." -> number of findings at that level
    levels: dict[str, int] = field(default_factory=dict)
    #: the party an action went to ("" : no action) -> count
    parties: dict[str, Count] = field(default_factory=dict)
    profile_name: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "findings": self.findings, "below_norm": self.below_norm,
            "aspects": {k: v.as_dict() for k, v in self.aspects.items()},
            "elements": {k: v.as_dict() for k, v in self.elements.items()},
            "streets": {self.street_names.get(k, k): v.as_dict() for k, v in self.streets.items()},
            "levels": dict(self.levels),
            "parties": {k: v.as_dict() for k, v in self.parties.items()},
        }


def _context(project: Project, round_: Round, profile_choice: str):
    form = project.forms.get(round_.form_key)
    if form is None:
        raise SchouwError("unknown_form", id=round_.form_key, available="-")
    buurt = project.areas.buurt(round_.buurt_id)
    if buurt is None:
        raise SchouwError("unknown_buurt", name=round_.buurt_id, hint="")
    profile = profile_for_report(project, round_, profile_choice).profile
    streets = project.areas.streets(buurt.id)
    return form, buurt, profile, streets


def meting_score(project: Project, round_id: str, *, profile_choice: str = AT_ROUND) -> MetingScore:
    """The score of a meting round (a knelpuntenschouw is refused: it has no share)."""
    round_ = project.rounds.get(round_id)
    if round_.kind != RoundKind.METING:
        raise SchouwError("score_not_meting", title=round_.title)
    form, buurt, profile, streets = _context(project, round_, profile_choice)
    total, done = project.points.count(round_.id)
    return score_meting(project.findings.models(round_.id), form, profile, area_type=buurt.area_type,
                        street_area_types={s.id: s.area_type for s in streets},
                        points_total=total, points_done=done)


def knelpunten_counts(project: Project, round_id: str, *, profile_choice: str = AT_ROUND) -> KnelpuntenCounts:
    """Counts of the findings of a round and of those below their norm (any kind of
    round may be counted; a knelpuntenschouw is only ever counted)."""
    round_ = project.rounds.get(round_id)
    form, buurt, profile, streets = _context(project, round_, profile_choice)
    out = KnelpuntenCounts(profile_name=profile.name if profile else "")
    own = {s.id: s.area_type for s in streets}
    out.street_names = {s.id: s.name for s in streets}
    for element, aspect in form.items():
        out.aspects[f"{element.id}.{aspect.id}"] = Count()
        out.elements.setdefault(element.id, Count())
    parties = {a["finding_id"]: a["party"] or "" for a in project.actions.listing(round_.id)}
    for f in project.findings.models(round_.id):
        found = form.find(f.element, f.aspect)
        has_level = bool(found and found[1].has_level)
        below = judge(profile, f.element, f.aspect, f.level, f.not_applicable,
                      area_type_of(own.get(f.street_id), buurt.area_type), has_level=has_level).below
        if f.street_id not in out.street_names:
            street = project.areas.street(f.street_id)
            out.street_names[f.street_id] = street.name if street else "?"
        for group in (out.aspects.setdefault(f.item_key, Count()),
                      out.elements.setdefault(f.element, Count()),
                      out.streets.setdefault(f.street_id, Count()),
                      out.parties.setdefault(parties.get(f.id, ""), Count())):
            group.findings += 1
            group.below_norm += int(below)
        out.findings += 1
        out.below_norm += int(below)
        level = "n.v.t." if f.not_applicable else (f.level.value if f.level is not None else "")
        if level:
            out.levels[level] = out.levels.get(level, 0) + 1
    return out


def round_score(project: Project, round_id: str, *, profile_choice: str = AT_ROUND) -> MetingScore | KnelpuntenCounts:
    """The score of any round: a :class:`MetingScore` for a meting, else counts."""
    round_ = project.rounds.get(round_id)
    if round_.kind == RoundKind.METING:
        return meting_score(project, round_.id, profile_choice=profile_choice)
    return knelpunten_counts(project, round_.id, profile_choice=profile_choice)
