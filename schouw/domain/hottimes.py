"""Hot times (issue #19.2): when the problems a schouw records happen, counted.

Pure. Only findings that carry a time of day (*tijdstip*: "avond", "nacht", … as the team
or the residents gave it) count: that is when the problem arises, which the moment of the
walk is not (walks happen by day). Month and weekday are those of the observation. The
result is counts, never shares: the findings of a knelpuntenschouw are not a random
sample, so "40 % at night" would claim more than they can say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

#: The usual parts of the day, in the order of the day; any other text a team typed is
#: kept as it is, after these.
PARTS_OF_DAY = ("ochtend", "middag", "avond", "nacht")


@dataclass(frozen=True)
class HotTimes:
    total: int = 0
    #: 1..12 -> findings
    months: dict[int, int] = field(default_factory=dict)
    #: 0 (Monday) .. 6 (Sunday) -> findings
    weekdays: dict[int, int] = field(default_factory=dict)
    #: part of day as given (lower case) -> findings; known parts first, in day order
    parts: dict[str, int] = field(default_factory=dict)


def tally(rows: Iterable[tuple[str, date, int]]) -> HotTimes:
    """``rows`` are (time of day as typed, day observed, number of findings)."""
    months = {m: 0 for m in range(1, 13)}
    weekdays = {d: 0 for d in range(7)}
    parts: dict[str, int] = {}
    total = 0
    for text, day, n in rows:
        part = " ".join((text or "").split()).lower()
        if not part:
            continue
        total += n
        months[day.month] += n
        weekdays[day.weekday()] += n
        parts[part] = parts.get(part, 0) + n
    ordered = {p: parts[p] for p in PARTS_OF_DAY if p in parts}
    ordered.update(sorted((p, n) for p, n in parts.items() if p not in PARTS_OF_DAY))
    return HotTimes(total, months, weekdays, ordered)
