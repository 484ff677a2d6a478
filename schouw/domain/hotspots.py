"""Hotspots: places where findings below their norm keep coming back (issue #19.2).

Pure: points come in with metric coordinates (RD New, metres; the service converts) and
the round they were found in; nothing here reads a file or judges a norm (the caller
passes only findings already judged below their norm by :func:`schouw.domain.norms.judge`).

The rule
    - A hotspot is a *centre* finding and every other below-norm finding within
      :data:`RADIUS` (50 m) of it. Centres are taken densest first (most neighbours
      within the radius; ties by the caller's id, so the result never depends on input
      order), and a finding belongs to the first hotspot that takes it. Unlike chaining
      neighbours (single linkage), this cannot grow a hotspot along a whole street: no
      member is more than 50 m from the centre.
    - *Recurrence* is the number of distinct rounds with a finding in the hotspot; a place
      is a hotspot only when it recurs (at least :data:`MIN_ROUNDS` rounds).
    - Ranked by recurrence, then severity (the worst level found there, then how many
      findings at that worst level), then the number of findings, then the centre's id.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from schouw.domain.levels import ALL_LEVELS, Level

#: Findings within this many metres of a hotspot's centre belong to it.
RADIUS = 50.0
#: A place is a hotspot when below-norm findings were made there in this many rounds.
MIN_ROUNDS = 2


@dataclass(frozen=True)
class Spot:
    """One below-norm finding with a place: ``x``/``y`` in metres (RD New)."""

    id: str
    x: float
    y: float
    round_id: str
    level: Level | None = None


@dataclass(frozen=True)
class Cluster:
    """A hotspot: its centre finding, its members (centre first) and the figures it is
    ranked by."""

    centre: Spot
    members: tuple[Spot, ...]

    @property
    def rounds(self) -> int:
        """Recurrence: distinct rounds with a finding here."""
        return len({m.round_id for m in self.members})

    @property
    def findings(self) -> int:
        return len(self.members)

    @property
    def worst(self) -> Level | None:
        levels = [m.level for m in self.members if m.level is not None]
        return max(levels, key=ALL_LEVELS.index) if levels else None

    @property
    def at_worst(self) -> int:
        worst = self.worst
        return sum(1 for m in self.members if m.level == worst)

    def rank_key(self) -> tuple:
        worst = self.worst
        severity = ALL_LEVELS.index(worst) if worst is not None else -1
        return (-self.rounds, -severity, -self.at_worst, -self.findings, self.centre.id)


def _cells(spots: Sequence[Spot], size: float) -> dict[tuple[int, int], list[int]]:
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, s in enumerate(spots):
        grid[(math.floor(s.x / size), math.floor(s.y / size))].append(i)
    return grid


def _neighbours(spots: Sequence[Spot], grid: dict[tuple[int, int], list[int]], i: int, radius: float) -> list[int]:
    s = spots[i]
    cx, cy = math.floor(s.x / radius), math.floor(s.y / radius)
    r2 = radius * radius
    out = []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for j in grid.get((cx + dx, cy + dy), ()):
                o = spots[j]
                if (o.x - s.x) ** 2 + (o.y - s.y) ** 2 <= r2:
                    out.append(j)
    return out


def cluster(spots: Iterable[Spot], *, radius: float = RADIUS, min_rounds: int = MIN_ROUNDS) -> list[Cluster]:
    """The hotspots among ``spots``, ranked (see the module)."""
    spots = sorted(spots, key=lambda s: s.id)
    grid = _cells(spots, radius)
    near = [_neighbours(spots, grid, i, radius) for i in range(len(spots))]
    order = sorted(range(len(spots)), key=lambda i: (-len(near[i]), spots[i].id))
    taken = [False] * len(spots)
    found = []
    for i in order:
        if taken[i]:
            continue
        members = [j for j in near[i] if not taken[j]]
        for j in members:
            taken[j] = True
        members.sort(key=lambda j: (j != i, spots[j].id))
        found.append(Cluster(spots[i], tuple(spots[j] for j in members)))
    return sorted((c for c in found if c.rounds >= min_rounds), key=Cluster.rank_key)
