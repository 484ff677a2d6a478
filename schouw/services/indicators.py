"""Use cases of policy indicators: define them, enter or compute their values, read how
they stand. The app's *Indicatoren* view and ``schouw indicators`` call these, with the
same checks (:func:`schouw.domain.indicators.check`), so both refuse the same input with
the same sentence.

A value computed from a meting is the share at or above the norm (in %) of the
indicator's aspect group (or aspect, or overall) under the profile as it is *today*:
a council compares the figures of several years, and they only compare under one set of
norms. The figure is stored with its year and its round, so a later profile change does
not silently move a number a council has already seen; computing it again is a choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schouw.domain import indicators as D
from schouw.domain.indicators import Indicator, IndicatorValue
from schouw.domain.models import RoundKind
from schouw.messages import SchouwError
from schouw.services.changes import Changes
from schouw.services.profiles import CURRENT
from schouw.store.project import Project

CHANGED = Changes(indicators=True)


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator as views, reports and ``--json`` show it."""

    indicator: Indicator
    area_name: str
    values: list[IndicatorValue]
    status: D.Status

    def as_dict(self) -> dict[str, Any]:
        i, s = self.indicator, self.status
        return {
            "id": i.id, "name": i.name, "unit": i.unit, "area": self.area_name, "area_kind": i.area_kind,
            "direction": i.direction.value,
            "baseline": {"value": i.baseline_value, "year": i.baseline_year, "source": i.baseline_source},
            "target": {"value": i.target_value, "year": i.target_year},
            "aspect_group": i.aspect_group, "aspect": i.aspect,
            "values": [{"year": v.year, "value": v.value, "source": v.source, "round_id": v.round_id}
                       for v in self.values],
            "latest": None if s.latest is None else {"year": s.latest.year, "value": s.latest.value},
            "expected": s.expected, "on_course": s.on_course, "target_met": s.target_met,
        }


# -- areas ---------------------------------------------------------------------------
def resolve_area(project: Project, text: str | None) -> tuple[str, str]:
    """``(kind, id)`` of an area given as ``wijk:NAAM``, ``buurt:NAAM`` or a bare name (a
    wijk first, then a buurt); ``("", "")`` for none. An unknown name is refused."""
    text = (text or "").strip()
    if not text:
        return "", ""
    kind, sep, name = text.partition(":")
    if not sep or kind.strip().lower() not in ("wijk", "buurt"):
        kind, name = "", text
    kind, name = kind.strip().lower(), name.strip()
    if kind in ("", "wijk") and (wijk := project.areas.find_wijk(name)) is not None:
        return "wijk", wijk.id
    if kind in ("", "buurt"):
        matches = [b for b in project.areas.buurten() if b.name.lower() == name.lower()]
        if len(matches) == 1:
            return "buurt", matches[0].id
    known = [w.name for w in project.areas.wijken()] + [b.name for b in project.areas.buurten()]
    raise SchouwError("indicator_unknown_area", area=name, known=", ".join(known[:8]) or "-")


def area_name(project: Project, indicator: Indicator) -> str:
    if indicator.area_kind == "wijk" and (w := project.areas.wijk(indicator.area_id)) is not None:
        return w.name
    if indicator.area_kind == "buurt" and (b := project.areas.buurt(indicator.area_id)) is not None:
        return b.name
    return ""


def _raise_first(problems: list[D.IndicatorProblem]) -> None:
    if problems:
        raise SchouwError(problems[0].key, **problems[0].params)


# -- definitions -----------------------------------------------------------------------
def find_indicator(project: Project, name_or_id: str) -> Indicator:
    found = project.indicators.find(name_or_id)
    if not found:
        names = ", ".join(i.name for i in project.indicators.list()[:8]) or "-"
        raise SchouwError("indicator_unknown", name=name_or_id, known=names)
    if len(found) > 1:
        raise SchouwError("indicator_ambiguous", name=name_or_id)
    return found[0]


def add_indicator(project: Project, *, name: str, baseline: float, baseline_year: int, target: float,
                  target_year: int, direction: str = "up", unit: str = "", area: str | None = None,
                  baseline_source: str = "", aspect_group: str = "", aspect: str = "") -> tuple[Indicator, Changes]:
    """A new indicator; everything is checked before anything is written."""
    _raise_first(D.check(name, baseline_year, target_year, direction, aspect_group))
    if project.indicators.find(name.strip()):
        raise SchouwError("indicator_exists", name=name.strip())
    area_kind, area_id = resolve_area(project, area)
    indicator = project.indicators.add(Indicator(
        name=name.strip(), unit=unit.strip(), area_kind=area_kind, area_id=area_id, direction=D.Direction(direction),
        baseline_value=baseline, baseline_year=baseline_year, baseline_source=baseline_source.strip(),
        target_value=target, target_year=target_year, aspect_group=aspect_group, aspect=aspect.strip()))
    return indicator, CHANGED


def update_indicator(project: Project, name_or_id: str, **changes: Any) -> tuple[Indicator, Changes]:
    """Change the given fields of an indicator (None: keep). ``area`` is a name as in
    :func:`resolve_area`; the result is checked as a whole, like a new one."""
    indicator = find_indicator(project, name_or_id)
    data = indicator.model_dump()
    area = changes.pop("area", None)
    renames = {"baseline": "baseline_value", "target": "target_value"}
    for key, value in changes.items():
        if value is not None:
            data[renames.get(key, key)] = value.strip() if isinstance(value, str) else value
    direction = data["direction"].value if isinstance(data["direction"], D.Direction) else str(data["direction"])
    _raise_first(D.check(data["name"], data["baseline_year"], data["target_year"], direction, data["aspect_group"]))
    other = [i for i in project.indicators.find(data["name"]) if i.id != indicator.id]
    if other:
        raise SchouwError("indicator_exists", name=data["name"])
    if area is not None:
        data["area_kind"], data["area_id"] = resolve_area(project, area)
    return project.indicators.update(Indicator.model_validate(data)), CHANGED


def delete_indicator(project: Project, name_or_id: str) -> Changes:
    project.indicators.delete(find_indicator(project, name_or_id).id)
    return CHANGED


# -- values ------------------------------------------------------------------------------
def set_value(project: Project, name_or_id: str, *, year: int, value: float, source: str = "") -> tuple[IndicatorValue, Changes]:
    """A value entered by hand (from the Veiligheidsmonitor, CBS, meldingen…): one per
    year; a second for the same year replaces the first."""
    indicator = find_indicator(project, name_or_id)
    if not 1900 <= year <= 2200:
        raise SchouwError("indicator_bad_year", year=year)
    return project.indicators.set_value(IndicatorValue(
        indicator_id=indicator.id, year=year, value=value, source=source.strip())), CHANGED


def computed_value(project: Project, indicator: Indicator, round_id: str) -> tuple[int, float, str]:
    """``(year, value in %, source)`` of a meting for this indicator under today's profile.

    Refused: a knelpuntenschouw (its findings give no honest share), a round outside the
    indicator's area, an aspect the round's form does not have, a round with nothing
    judged in the indicator's group."""
    from schouw.services.scores import meting_score

    round_ = project.rounds.get(round_id)
    if round_.kind != RoundKind.METING:
        raise SchouwError("indicator_round_not_meting", title=round_.title)
    buurt = project.areas.buurt(round_.buurt_id)
    inside = (indicator.area_kind == "" or (indicator.area_kind == "buurt" and indicator.area_id == round_.buurt_id)
              or (indicator.area_kind == "wijk" and buurt is not None and buurt.wijk_id == indicator.area_id))
    if not inside:
        raise SchouwError("indicator_round_outside_area", title=round_.title, name=indicator.name,
                          area=area_name(project, indicator))
    score = meting_score(project, round_.id, profile_choice=CURRENT)
    if indicator.aspect:
        found = [a.share for a in score.aspects if f"{a.element}.{a.aspect}" == indicator.aspect]
        if not found:
            raise SchouwError("indicator_unknown_aspect", aspect=indicator.aspect, title=round_.title)
        share = found[0]
    elif indicator.aspect_group:
        share = score.groups[indicator.aspect_group]
    else:
        share = score.overall
    if share.share is None:
        raise SchouwError("indicator_round_nothing_judged", title=round_.title)
    return round_.date.year, round(100 * share.share, 1), round_.title or round_.id


def value_from_round(project: Project, name_or_id: str, round_id: str) -> tuple[IndicatorValue, Changes]:
    """The indicator's value of the round's year, computed from a meting."""
    indicator = find_indicator(project, name_or_id)
    year, value, title = computed_value(project, indicator, round_id)
    round_ = project.rounds.get(round_id)
    return project.indicators.set_value(IndicatorValue(
        indicator_id=indicator.id, year=year, value=value, source=f"meting: {title}", round_id=round_.id)), CHANGED


# -- reading -----------------------------------------------------------------------------
def _row(project: Project, indicator: Indicator, values: list[IndicatorValue]) -> IndicatorRow:
    series = D.per_year(values)
    return IndicatorRow(indicator, area_name(project, indicator), series, D.status(indicator, series))


def overview(project: Project) -> list[IndicatorRow]:
    """Every indicator with its values (one per year) and how it stands."""
    values: dict[str, list[IndicatorValue]] = {}
    for v in project.indicators.values():
        values.setdefault(v.indicator_id, []).append(v)
    return [_row(project, i, values.get(i.id, [])) for i in project.indicators.list()]


def show(project: Project, name_or_id: str) -> IndicatorRow:
    indicator = find_indicator(project, name_or_id)
    return _row(project, indicator, project.indicators.values(indicator.id))


def fed_by_round(project: Project, round_id: str) -> list[IndicatorRow]:
    """The indicators a round feeds (a value computed from it), as they stand now: what
    the round report shows."""
    ids = {v.indicator_id for v in project.indicators.fed_by_round(round_id)}
    return [row for row in overview(project) if row.indicator.id in ids]
