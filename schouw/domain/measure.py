"""The score of a *meting*: shares at or above the norm with their uncertainty.

A meting judges every aspect of its form at a random sample of schouwpunten
(:mod:`schouw.domain.sampling`), so the share of judgements at or above the norm is an
estimate of the buurt's quality, and it comes with a margin. The margin is the 95 %
*Wilson score interval*: unlike the textbook ``p ± 1.96·√(p(1-p)/n)`` it stays inside
0..1 and does not collapse to zero width at 0 % or 100 %, which are common shares for a
single aspect (no graffiti at any point). Below :data:`MIN_N` judgements a share says
too little to conclude anything; reports say so in words.

Judging is not done here: :func:`score_meting` feeds the point measurements to
:func:`schouw.domain.scoring.score_round`, which judges each one with the one rule
(:func:`schouw.domain.norms.judge`: the norm per aspect and area type, the street's own
else the buurt's; n.v.t. and unjudged items left out), and turns its tallies into shares
with intervals. A knelpuntenschouw never gets a share: see :mod:`schouw.services.scores`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from schouw.domain.forms import Form
from schouw.domain.profile import Profile
from schouw.domain.scoring import Tally, score_round

#: Below this many judgements a share is reported as "too few points to conclude".
#: 30 is the usual rule of thumb for a binomial proportion; with fewer, a 95 % interval
#: is wider than ±15 percentage points around a share of 70 %.
MIN_N = 30

#: The standard normal quantile for a two-sided 95 % interval.
Z95 = 1.959964


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval (low, high) of ``k`` successes in ``n`` trials.

    ``(0.0, 1.0)`` when ``n`` is 0: nothing measured, anything possible."""
    if n <= 0:
        return 0.0, 1.0
    if not 0 <= k <= n:
        raise ValueError(f"k={k} outside 0..n={n}")
    p = k / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # max/min: keep float noise from putting 0 % or 100 % just outside its own interval.
    return max(0.0, min(centre - half, p)), min(1.0, max(centre + half, p))


@dataclass(frozen=True)
class Share:
    """A share at or above the norm: ``at_or_above`` of ``n`` judgements (n.v.t. and
    items without a norm left out), with its 95 % Wilson interval; ``share`` is None
    when ``n`` is 0."""

    n: int
    at_or_above: int
    share: float | None
    low: float
    high: float

    @classmethod
    def of(cls, at_or_above: int, n: int) -> Share:
        low, high = wilson(at_or_above, n)
        return cls(n, at_or_above, at_or_above / n if n else None, low, high)

    @classmethod
    def of_tally(cls, tally: Tally) -> Share:
        return cls.of(tally.meeting, tally.with_norm)

    @property
    def conclusive(self) -> bool:
        """Enough judgements (:data:`MIN_N`) to draw a conclusion from the share."""
        return self.n >= MIN_N

    @property
    def below(self) -> int:
        return self.n - self.at_or_above

    def as_dict(self) -> dict[str, Any]:
        return {"n": self.n, "at_or_above": self.at_or_above, "share": self.share,
                "low": self.low, "high": self.high, "conclusive": self.conclusive}


@dataclass(frozen=True)
class AspectShare:
    element: str
    aspect: str
    share: Share
    #: schoon or heel
    category: str = ""
    element_name: str = ""
    aspect_name: str = ""


@dataclass(frozen=True)
class MetingScore:
    """The score of a meting round under one profile (computed, never stored)."""

    overall: Share
    #: "schoon" and "heel"
    groups: dict[str, Share]
    #: per element id, over all its aspects
    elements: dict[str, Share]
    #: every aspect of the form on the level scale, in form order
    aspects: list[AspectShare]
    points_total: int
    points_done: int
    profile_name: str
    #: judgements at points whose aspect has no norm in the profile (left out of n)
    without_norm: int = 0
    #: judgements left out as n.v.t.
    not_applicable: int = 0
    #: per street id (over all aspects), for the report's street table
    streets: dict[str, Share] = field(default_factory=dict)

    @property
    def conclusive(self) -> bool:
        return self.overall.conclusive


def _get(item: Any, key: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(key, default)
    return getattr(item, key, default)


def point_measurements(findings: Iterable[Any]) -> list[Any]:
    """The findings that are measurements of a meting: recorded at a schouwpunt, not
    deleted, one per point and item (the last changed wins, should a point's aspect
    have been recorded twice, e.g. on two laptops)."""
    latest: dict[tuple[str, str, str], Any] = {}
    for item in findings:
        point = _get(item, "point_id")
        if not point or _get(item, "deleted_at"):
            continue
        key = (str(point), str(_get(item, "element")), str(_get(item, "aspect")))
        known = latest.get(key)
        if known is None or str(_get(item, "updated_at") or "") >= str(_get(known, "updated_at") or ""):
            latest[key] = item
    return list(latest.values())


def score_meting(
    findings: Iterable[Any],
    form: Form,
    profile: Profile | None,
    *,
    area_type: str,
    street_area_types: Mapping[str, str | None] | None = None,
    points_total: int = 0,
    points_done: int = 0,
) -> MetingScore:
    """Score a meting: the share at or above the norm per aspect, element, schoon/heel
    and overall, each with n and its 95 % Wilson interval.

    ``findings`` are the round's findings (domain ``Finding`` or store rows); only those
    recorded at a schouwpunt count (:func:`point_measurements`). ``area_type`` is the
    buurt's, ``street_area_types`` a street's own (None: the buurt's)."""
    measured = point_measurements(findings)
    scored = score_round(measured, form, profile, area_type=area_type, street_area_types=street_area_types)
    aspects = [
        AspectShare(element.id, aspect.id, Share.of_tally(es.aspects[aspect.id].tally), aspect.category,
                    element.name, aspect.name)
        for element in form.elements if (es := scored.elements.get(element.id)) is not None
        for aspect in element.aspects if aspect.has_level
    ]
    return MetingScore(
        overall=Share.of_tally(scored.total),
        groups={name: Share.of_tally(scored.by_category[name]) for name in ("schoon", "heel")},
        elements={eid: Share.of_tally(es.tally) for eid, es in scored.elements.items()},
        aspects=aspects,
        points_total=points_total,
        points_done=points_done,
        profile_name=profile.name if profile is not None else "",
        without_norm=scored.total.without_norm,
        not_applicable=scored.excluded.not_applicable,
        streets={sid: Share.of_tally(st.tally) for sid, st in scored.streets.items()},
    )
