"""Below the norm or not, for one finding: the mark the field app shows on it.

A finding falls below the norm when its level is lower than the norm that the area's
quality profile sets for its aspect, in the area type of its street. Findings judged
"n.v.t." and observations without a level never count, and neither do aspects for which
the profile sets no norm. A street's own area type (a shopping street in a residential
buurt) overrides the buurt's. Counts per street and round come from
:func:`schouw.domain.scoring.score_round`, which applies the same rule and is what the
reports use.
"""

from __future__ import annotations

from schouw.domain.levels import Level
from schouw.domain.profile import Profile


def area_type_of(street_area_type: str | None, buurt_area_type: str) -> str:
    """The area type that applies on a street: its own, else its buurt's."""
    return street_area_type or buurt_area_type


def _level(value: Level | str | None) -> Level | None:
    if value is None or isinstance(value, Level):
        return value
    try:
        return Level.parse(value)
    except ValueError:
        return None


def norm_for(profile: Profile | None, element: str, aspect: str, area_type: str) -> Level | None:
    return profile.norm(element, aspect, area_type) if profile is not None else None


def is_below_norm(profile: Profile | None, element: str, aspect: str, level: Level | str | None,
                  not_applicable: bool, area_type: str) -> bool:
    """True when ``level`` is lower than the profile's norm for this aspect here."""
    if not_applicable:
        return False
    measured = _level(level)
    if measured is None:
        return False
    norm = norm_for(profile, element, aspect, area_type)
    return norm is not None and measured < norm
