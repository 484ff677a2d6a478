"""BORG scoring: how a round scores against the quality profile, and how that changes.

What counts as a measurement
    In a wijkschouw the findings *are* the measurements: every finding that carries a
    CROW level is one judged spot (a schouwpunt: a street, a stretch of it or a house
    number, judged for one aspect of one element). There is no separate table of
    "everything was fine here" spots, so a score is the share of the recorded judged
    spots that are at or above their norm. A team that wants a representative score
    records the good spots too (A+, A, B), as the CROW method asks.

Left out of every score
    - findings judged ``n.v.t.`` (not applicable here);
    - findings without a level: observations on a ``choice`` or ``none`` scale
      (sociale veiligheid, overlast, remarks) and CROW items not judged yet;
    - deleted findings (``deleted_at`` set);
    - findings for an item that is not on the round's form.
    Each is counted in :class:`Excluded` so a report can say what it left out.

Norms
    The norm comes from the profile the caller passes, per element/aspect and per area
    type, through the one judging rule (:func:`schouw.domain.norms.judge`, where a
    street's own area type overrides its buurt's). The caller scores every round of a
    trend under that same profile, so when a norm changes the trend stays honest.
    A judged spot whose aspect has no norm in the profile still counts in the spread
    over A+..D, but not in the share at or above norm (:attr:`Tally.without_norm`,
    :attr:`RoundScore.no_norm` let a report say so).

Schoon / heel / totaal
    Every CROW aspect is schoon (verzorging) or heel (technische staat); totaal is both
    together. Shares are always counts over counts (a spot weighs the same wherever it
    is), never an average of averages.

Trend
    Against the previous scored round of the same buurt; a change of at most
    :data:`TREND_TOLERANCE` (2 percentage points) either way is "same". With a few
    dozen spots per round one spot moves the share by 1-3 points, so smaller changes
    say nothing about the street; bigger ones are worth a line in the report.
    The first round of a buurt is its baseline (nulmeting); rounds without a single
    spot measured against a norm (a sociale-veiligheid walk) are no baseline and are
    skipped in comparisons.

Pure Python: no I/O. The services layer reads the store and passes plain values in.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from schouw.domain.forms import Aspect, Element, Form
from schouw.domain.levels import ALL_LEVELS, NOT_APPLICABLE, Level
from schouw.domain.norms import area_type_of, judge
from schouw.domain.profile import Profile

#: A change in share of at most this much (a fraction: 0.02 = 2 percentage points)
#: between two rounds counts as "same".
TREND_TOLERANCE = 0.02

#: The categories a score is reported for, in report order.
CATEGORIES: tuple[str, ...] = ("totaal", "schoon", "heel")


class Trend(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


def trend(current: float | None, previous: float | None, tolerance: float = TREND_TOLERANCE) -> Trend | None:
    """Better, same or worse; None when either share is unknown."""
    if current is None or previous is None:
        return None
    delta = current - previous
    # Round away float noise so exactly 2 points counts as "same" (0.62 - 0.60 > 0.02 in floats).
    if round(abs(delta), 9) <= tolerance:
        return Trend.SAME
    return Trend.BETTER if delta > 0 else Trend.WORSE


@dataclass
class Tally:
    """Judged spots of some group (an aspect, element, street, category, round)."""

    counts: dict[Level, int] = field(default_factory=lambda: dict.fromkeys(ALL_LEVELS, 0))
    #: Spots with a level.
    judged: int = 0
    #: Spots with a level whose aspect has a norm here.
    with_norm: int = 0
    #: Of those, the spots at or above the norm.
    meeting: int = 0
    #: The norms that applied to the spots (one, unless area types or aspects differ).
    norms: set[Level] = field(default_factory=set)

    def add(self, level: Level, norm: Level | None) -> None:
        self.counts[level] += 1
        self.judged += 1
        if norm is not None:
            self.with_norm += 1
            self.norms.add(norm)
            if level.meets(norm):
                self.meeting += 1

    @property
    def share(self) -> float | None:
        """Share at or above norm (0..1); None when no spot had a norm."""
        return self.meeting / self.with_norm if self.with_norm else None

    @property
    def without_norm(self) -> int:
        return self.judged - self.with_norm

    @property
    def below(self) -> int:
        return self.with_norm - self.meeting

    def fraction(self, level: Level) -> float | None:
        """The part of the judged spots at exactly this level."""
        return self.counts[level] / self.judged if self.judged else None

    @property
    def norm(self) -> Level | None:
        """The single norm when all spots shared one, else None."""
        return next(iter(self.norms)) if len(self.norms) == 1 else None


@dataclass
class AspectScore:
    id: str
    name: str
    category: str
    tally: Tally = field(default_factory=Tally)


@dataclass
class ElementScore:
    id: str
    name: str
    group: str
    tally: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=lambda: {"schoon": Tally(), "heel": Tally()})
    aspects: dict[str, AspectScore] = field(default_factory=dict)


@dataclass
class StreetScore:
    id: str
    area_type: str
    #: Marked done in this round (a street not done yet may have no or few findings).
    done: bool
    tally: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=lambda: {"schoon": Tally(), "heel": Tally()})
    elements: dict[str, Tally] = field(default_factory=dict)
    #: Findings of any kind on this street (also those left out of the score).
    findings: int = 0


@dataclass
class Excluded:
    not_applicable: int = 0
    #: Observations on a choice or none scale: not on the CROW scale at all.
    without_level: int = 0
    #: CROW items recorded without a level (not judged yet).
    unjudged: int = 0
    deleted: int = 0
    #: Items that are not on the round's form.
    unknown_item: int = 0

    @property
    def total(self) -> int:
        return self.not_applicable + self.without_level + self.unjudged + self.deleted + self.unknown_item


@dataclass
class RoundScore:
    total: Tally = field(default_factory=Tally)
    #: "schoon" and "heel"; "totaal" is :attr:`total`.
    by_category: dict[str, Tally] = field(default_factory=lambda: {"schoon": Tally(), "heel": Tally()})
    #: Every element of the form with a CROW aspect, in form order (empty tallies too).
    elements: dict[str, ElementScore] = field(default_factory=dict)
    #: Every street given, plus any street that has findings, in the order given.
    streets: dict[str, StreetScore] = field(default_factory=dict)
    area_types: dict[str, Tally] = field(default_factory=dict)
    excluded: Excluded = field(default_factory=Excluded)
    #: (element, aspect, area type) judged without a norm in the profile.
    no_norm: list[tuple[str, str, str]] = field(default_factory=list)

    def category(self, name: str) -> Tally:
        return self.total if name == "totaal" else self.by_category[name]

    def share(self, category: str = "totaal") -> float | None:
        return self.category(category).share

    @property
    def streets_done(self) -> int:
        return sum(1 for s in self.streets.values() if s.done)


@dataclass(frozen=True)
class Measurement:
    """One finding, reduced to what scoring needs."""

    street_id: str
    element: str
    aspect: str
    level: Level | None
    not_applicable: bool = False
    deleted: bool = False


def _get(item: Any, key: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(key, default)
    return getattr(item, key, default)


def as_measurement(item: Any) -> Measurement:
    """A domain ``Finding``, a store row (dict) or a Measurement, as a Measurement."""
    if isinstance(item, Measurement):
        return item
    raw = _get(item, "level")
    not_applicable = bool(_get(item, "not_applicable", False))
    level: Level | None = None
    if isinstance(raw, Level):
        level = raw
    elif isinstance(raw, str) and raw.strip():
        if raw.strip().lower() == NOT_APPLICABLE:
            not_applicable = True
        else:
            level = Level.parse(raw)
    return Measurement(
        street_id=str(_get(item, "street_id", "")),
        element=str(_get(item, "element", "")),
        aspect=str(_get(item, "aspect", "")),
        level=None if not_applicable else level,
        not_applicable=not_applicable,
        deleted=bool(_get(item, "deleted_at")) or bool(_get(item, "deleted", False)),
    )


def _scored_item(found: tuple[Element, Aspect] | None, m: Measurement) -> tuple[Element, Aspect] | str:
    """The form item a live finding is scored under (``found``: its element and aspect
    on the round's form, None when not there), or why it is left out of every score
    (the name of the :class:`Excluded` counter it goes to). The one place that decides
    what counts, for :func:`score_round` and :func:`street_counts` alike."""
    if found is None:
        return "unknown_item"
    if m.not_applicable:
        return "not_applicable"
    if not found[1].has_level:
        return "without_level"
    if m.level is None:
        return "unjudged"
    return found


def score_round(
    findings: Iterable[Any],
    form: Form,
    profile: Profile | None,
    *,
    area_type: str,
    street_area_types: Mapping[str, str | None] | None = None,
    streets: Sequence[str] = (),
    done_streets: Collection[str] | None = None,
) -> RoundScore:
    """Score one round.

    ``area_type`` is the buurt's; ``street_area_types`` maps a street id to its own
    area type (None: the buurt's). ``streets`` lists the buurt's streets in report
    order, so streets without findings appear too; ``done_streets`` are the ones
    marked done (None: treat every street as done).
    """
    street_area_types = street_area_types or {}
    score = RoundScore()
    for element in form.elements:
        crow = [a for a in element.aspects if a.has_level]
        if not crow:
            continue
        es = ElementScore(element.id, element.name, element.group)
        for aspect in crow:
            es.aspects[aspect.id] = AspectScore(aspect.id, aspect.name, aspect.category)
        score.elements[element.id] = es

    def street_score(street_id: str) -> StreetScore:
        found = score.streets.get(street_id)
        if found is None:
            own = street_area_types.get(street_id)
            done = True if done_streets is None else street_id in done_streets
            found = StreetScore(street_id, area_type_of(own, area_type), done)
            score.streets[street_id] = found
        return found

    for street_id in streets:
        street_score(street_id)

    no_norm: set[tuple[str, str, str]] = set()
    for item in findings:
        m = as_measurement(item)
        if m.deleted:
            score.excluded.deleted += 1
            continue
        street = street_score(m.street_id)
        street.findings += 1
        found = _scored_item(form.find(m.element, m.aspect), m)
        if isinstance(found, str):
            setattr(score.excluded, found, getattr(score.excluded, found) + 1)
            continue
        element, aspect = found
        norm = judge(profile, element.id, aspect.id, m.level, False, street.area_type).norm
        if norm is None:
            no_norm.add((element.id, aspect.id, street.area_type))
        es = score.elements[element.id]
        for tally in (
            score.total,
            score.by_category[aspect.category],
            es.tally,
            es.categories[aspect.category],
            es.aspects[aspect.id].tally,
            street.tally,
            street.categories[aspect.category],
            street.elements.setdefault(element.id, Tally()),
            score.area_types.setdefault(street.area_type, Tally()),
        ):
            tally.add(m.level, norm)
    score.no_norm = sorted(no_norm)
    return score


def street_counts(
    groups: Iterable[tuple[Measurement, int]],
    form: Form,
    profile: Profile | None,
    *,
    area_type: str,
    street_area_types: Mapping[str, str | None] | None = None,
) -> dict[str, tuple[int, int, int]]:
    """``street id -> (findings, judged against a norm, below the norm)`` for the walk's
    street list: the same counts as :func:`score_round`'s ``streets`` (findings of any
    kind, :attr:`Tally.with_norm`, :attr:`Tally.below`) without building every tally.

    ``groups`` are measurements with how many identical findings each stands for (the
    store counts them with one ``GROUP BY``). What counts is decided by the same rule as
    in :func:`score_round` and each finding is judged by :func:`judge`, once per
    (item, level, area type) instead of once per finding: a round of 5,000 findings
    has a few hundred such combinations, which is what keeps opening a big round fast.
    """
    street_area_types = street_area_types or {}
    verdicts: dict[tuple[str, str, bool, Level | None, str], tuple[int, int]] = {}
    items: dict[tuple[str, str], tuple[Element, Aspect] | None] = {}
    places: dict[str, str] = {}
    out: dict[str, list[int]] = {}
    for m, n in groups:
        if m.deleted:
            continue
        counts = out.get(m.street_id)
        if counts is None:
            counts = out[m.street_id] = [0, 0, 0]
            places[m.street_id] = area_type_of(street_area_types.get(m.street_id), area_type)
        counts[0] += n
        key = (m.element, m.aspect, m.not_applicable, m.level, places[m.street_id])
        verdict = verdicts.get(key)
        if verdict is None:
            item = (m.element, m.aspect)
            if item not in items:
                items[item] = form.find(*item)
            found = _scored_item(items[item], m)
            if isinstance(found, str):
                verdict = (0, 0)
            else:
                judgement = judge(profile, found[0].id, found[1].id, m.level, False, key[4])
                verdict = (int(judgement.counts), int(judgement.below))
            verdicts[key] = verdict
        counts[1] += n * verdict[0]
        counts[2] += n * verdict[1]
    return {street_id: (c[0], c[1], c[2]) for street_id, c in out.items()}


# -- comparison with earlier rounds ---------------------------------------------------


@dataclass(frozen=True)
class RoundPoint:
    """One scored round of a buurt, for trends."""

    round_id: str
    date: date
    title: str
    score: RoundScore


@dataclass(frozen=True)
class Comparison:
    """One share of the current round against the baseline, the previous round and the target."""

    current: float | None
    baseline: float | None
    previous: float | None
    target: float | None

    @property
    def trend(self) -> Trend | None:
        return trend(self.current, self.previous)

    @property
    def since_baseline(self) -> Trend | None:
        return trend(self.current, self.baseline)

    @property
    def delta_previous(self) -> float | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def meets_target(self) -> bool | None:
        if self.current is None or self.target is None:
            return None
        return self.current >= self.target


@dataclass(frozen=True)
class History:
    """The current round among the earlier scored rounds of its buurt."""

    current: RoundPoint
    #: The first scored round (nulmeting); the current one when it is the first.
    baseline: RoundPoint
    previous: RoundPoint | None
    #: Every scored round up to and including the current one, oldest first.
    points: tuple[RoundPoint, ...]
    categories: dict[str, Comparison]
    #: Per element (share over all its aspects), target = the overall target.
    elements: dict[str, Comparison]

    @property
    def is_baseline(self) -> bool:
        return self.baseline.round_id == self.current.round_id


def _scored(point: RoundPoint) -> bool:
    return point.score.total.with_norm > 0


def compare(current: RoundPoint, earlier: Iterable[RoundPoint], profile: Profile | None) -> History:
    """Place ``current`` among the rounds of the same buurt.

    ``earlier`` may hold any rounds of the buurt (the current one and later ones are
    ignored, by id and date); each must already be scored against the same profile
    as ``current``. Rounds with nothing measured against a norm are skipped.
    """
    before = sorted(
        (p for p in earlier if p.round_id != current.round_id and p.date <= current.date and _scored(p)),
        key=lambda p: p.date,
    )
    points = (*before, current)
    baseline = before[0] if before else current
    previous = before[-1] if before else None

    def comparison(get, target: float | None) -> Comparison:
        return Comparison(
            current=get(current),
            baseline=get(baseline),
            previous=get(previous) if previous else None,
            target=target,
        )

    categories = {
        name: comparison(lambda p, n=name: p.score.share(n), profile.target_for(name) if profile else None)
        for name in CATEGORIES
    }

    def element_share(point: RoundPoint, element_id: str) -> float | None:
        es = point.score.elements.get(element_id)
        return es.tally.share if es else None

    elements = {
        element_id: comparison(lambda p, e=element_id: element_share(p, e), profile.target_for("totaal") if profile else None)
        for element_id in current.score.elements
    }
    return History(current, baseline, previous, points, categories, elements)
