"""Policy indicators: a nulmeting, a streefwaarde, and whether the figures are on course.

A council sets an indicator such as "% inwoners dat zich onveilig voelt: 19 % (2008) →
15 % in 2014, lower is better". Whether a later figure is *on course* is judged against
the straight line from the nulmeting to the streefwaarde: in 2011 that line is at 17 %,
so 16.5 % is on course and 18 % is not. The line is the plainest reading of a target
with a year; councils read a trend against it, and anything cleverer (a curve, a
confidence band) would need assumptions the figures do not carry.

Pure: no SQL, no Qt. The rows are pydantic models like the other synced rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from schouw.domain.models import Synced

#: The groups a meting share can be taken over ('' = overall).
ASPECT_GROUPS = ("", "schoon", "heel")


class Direction(StrEnum):
    """Which way is better: ``up`` (higher is better) or ``down`` (lower is better)."""

    UP = "up"
    DOWN = "down"


class Indicator(Synced):
    """One policy indicator of the project."""

    name: str
    unit: str = ""
    #: "wijk", "buurt" or "" (the whole project)
    area_kind: str = ""
    area_id: str = ""
    direction: Direction = Direction.UP
    baseline_value: float
    baseline_year: int
    baseline_source: str = ""
    target_value: float
    target_year: int
    #: Which share of a meting feeds it: "schoon", "heel" or "" (overall)...
    aspect_group: str = ""
    #: ...or one aspect, "element.aspect" ('' : the group).
    aspect: str = ""


class IndicatorValue(Synced):
    """A measured value of an indicator in a year: by hand (with a source) or computed
    from a meting round (``round_id``)."""

    indicator_id: str
    year: int
    value: float
    source: str = ""
    round_id: str | None = None


class IndicatorProblem(ValueError):
    """A rule of an indicator broken; ``field`` names the input, ``key`` the message."""

    def __init__(self, field: str, key: str, **params: object) -> None:
        super().__init__(key)
        self.field = field
        self.key = key
        self.params = params


def check(name: str, baseline_year: int, target_year: int, direction: str,
          aspect_group: str = "") -> list[IndicatorProblem]:
    """The problems of an indicator's definition (empty: fine). Checked by the app's
    dialog (next to each field) and by the use cases (CLI) alike."""
    problems: list[IndicatorProblem] = []
    if not name.strip():
        problems.append(IndicatorProblem("name", "indicator_no_name"))
    if target_year < baseline_year:
        problems.append(IndicatorProblem("target_year", "indicator_target_before_baseline",
                                         target=target_year, baseline=baseline_year))
    if direction not in (d.value for d in Direction):
        problems.append(IndicatorProblem("direction", "indicator_bad_direction", value=direction))
    if aspect_group not in ASPECT_GROUPS:
        problems.append(IndicatorProblem("aspect_group", "indicator_bad_group", value=aspect_group))
    return problems


def expected(indicator: Indicator, year: int) -> float:
    """Where the straight line from nulmeting to streefwaarde is in ``year``; before the
    nulmeting it is the nulmeting, after the streefwaarde's year the streefwaarde."""
    b, t = indicator.baseline_year, indicator.target_year
    if year >= t:
        return indicator.target_value
    if year <= b:
        return indicator.baseline_value
    return indicator.baseline_value + (indicator.target_value - indicator.baseline_value) * (year - b) / (t - b)


def _better_or_equal(indicator: Indicator, value: float, than: float) -> bool:
    eps = 1e-9  # 17.0 on a line at 16.999999999 is on it
    if indicator.direction == Direction.DOWN:
        return value <= than + eps
    return value >= than - eps


def latest(values: Iterable[IndicatorValue]) -> IndicatorValue | None:
    """The value of the latest year (of two in one year, e.g. from two laptops, the last
    changed); deleted values left out."""
    alive = [v for v in values if v.deleted_at is None]
    return max(alive, key=lambda v: (v.year, v.updated_at), default=None)


def per_year(values: Iterable[IndicatorValue]) -> list[IndicatorValue]:
    """One value per year (the last changed), in year order: the series a chart draws."""
    best: dict[int, IndicatorValue] = {}
    for v in values:
        if v.deleted_at is None and (v.year not in best or v.updated_at >= best[v.year].updated_at):
            best[v.year] = v
    return [best[y] for y in sorted(best)]


@dataclass(frozen=True)
class Status:
    """How an indicator stands: its latest value, the line's value in that year, whether
    it is on course and whether the streefwaarde is met. ``latest`` is None (and both
    verdicts None) while nothing has been measured."""

    latest: IndicatorValue | None
    expected: float | None
    on_course: bool | None
    target_met: bool | None


def status(indicator: Indicator, values: Iterable[IndicatorValue]) -> Status:
    """Compare the latest value with the line from nulmeting to streefwaarde in its year,
    by direction; the target is met when the latest value is at least as good as it."""
    last = latest(values)
    if last is None:
        return Status(None, None, None, None)
    line = expected(indicator, last.year)
    return Status(last, line, _better_or_equal(indicator, last.value, line),
                  _better_or_equal(indicator, last.value, indicator.target_value))
