"""Judging: is this finding below its norm, in this area type, under this profile?

This is the one place that rule lives. The walk (below-norm marks and counts), the
scores and reports, the spreadsheet export, the MOR selection and re-inspection all ask
:func:`judge` (or :func:`norm_for` when only the norm is shown), so they cannot drift
apart.

The rule
    - The norm comes from the profile: aspect, else element, else the profile default,
      always for one area type (:meth:`schouw.domain.profile.Profile.norm`).
    - The area type is the street's own (a shopping street in a residential buurt),
      else its buurt's; see :func:`area_type_of` for the case where neither is known.
    - Only items on a level scale (CROW) have a norm; observations (choice, none) never
      do.
    - A finding judged "n.v.t." or without a level is never below (nor at) its norm: it
      is left out of every score.
    - A finding is *below* when its level is lower than the norm (``C < B``); at or
      above the norm it *meets* it.
"""

from __future__ import annotations

from dataclasses import dataclass

from schouw.domain.levels import Level
from schouw.domain.profile import AREA_TYPES, Profile

#: The area type when neither the street nor its buurt names a known one. It is the
#: default a buurt gets when it is made (the ``buurten.area_type`` column, ``Buurt``,
#: ``streets import``), so a finding whose buurt was lost, or whose area type was
#: damaged, is judged exactly as it was when the buurt still carried its default,
#: rather than silently falling out of every score.
DEFAULT_AREA_TYPE = "woongebied"


def area_type_of(street_area_type: str | None, buurt_area_type: str | None = None) -> str:
    """The area type that applies on a street: its own, else its buurt's, else
    :data:`DEFAULT_AREA_TYPE`. A value that is no area type (empty, a typo in an
    imported file) counts as not known."""
    for candidate in (street_area_type, buurt_area_type):
        if candidate and candidate in AREA_TYPES:
            return candidate
    return DEFAULT_AREA_TYPE


def as_level(value: Level | str | None) -> Level | None:
    """A level from a Level, a stored text ("A+") or None; "n.v.t." and junk give None."""
    if value is None or isinstance(value, Level):
        return value
    try:
        return Level.parse(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class Judgement:
    """One finding judged against its norm."""

    area_type: str
    #: The norm that applies (None: no norm in the profile, no profile, or not a CROW item).
    norm: Level | None
    #: The measured level (None: n.v.t., no level, or not a CROW item).
    level: Level | None

    @property
    def counts(self) -> bool:
        """Judged against a norm: counts in the share at or above the norm."""
        return self.norm is not None and self.level is not None

    @property
    def below(self) -> bool:
        return self.counts and self.level < self.norm  # type: ignore[operator]

    @property
    def meets(self) -> bool | None:
        """At or above the norm; None when it does not count."""
        return self.level.meets(self.norm) if self.counts else None  # type: ignore[union-attr,arg-type]


def norm_for(profile: Profile | None, element: str, aspect: str, area_type: str | None,
             *, has_level: bool = True) -> Level | None:
    """The norm of one aspect in one area type (None without profile, norm or scale)."""
    if profile is None or not has_level:
        return None
    return profile.norm(element, aspect, area_type_of(area_type))


def judge(profile: Profile | None, element: str, aspect: str, level: Level | str | None,
          not_applicable: bool, area_type: str | None, *, has_level: bool = True) -> Judgement:
    """Judge one finding. ``area_type`` is the one that applies (see :func:`area_type_of`);
    ``has_level`` is False for items off the CROW scale (they have no norm)."""
    where = area_type_of(area_type)
    measured = None if not_applicable or not has_level else as_level(level)
    return Judgement(where, norm_for(profile, element, aspect, where, has_level=has_level), measured)


def is_below_norm(profile: Profile | None, element: str, aspect: str, level: Level | str | None,
                  not_applicable: bool, area_type: str | None, *, has_level: bool = True) -> bool:
    """True when ``level`` is lower than the profile's norm for this aspect here."""
    return judge(profile, element, aspect, level, not_applicable, area_type, has_level=has_level).below
