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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

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

    @cached_property
    def rounds(self) -> int:
        """Recurrence: distinct rounds with a finding here."""
        return len({m.round_id for m in self.members})

    @property
    def findings(self) -> int:
        return len(self.members)

    @cached_property
    def worst(self) -> Level | None:
        levels = [m.level for m in self.members if m.level is not None]
        return max(levels, key=ALL_LEVELS.index) if levels else None

    @cached_property
    def at_worst(self) -> int:
        worst = self.worst
        return sum(1 for m in self.members if m.level == worst)

    def rank_key(self) -> tuple:
        worst = self.worst
        severity = ALL_LEVELS.index(worst) if worst is not None else -1
        return (-self.rounds, -severity, -self.at_worst, -self.findings, self.centre.id)


def cluster(spots: Iterable[Spot], *, radius: float = RADIUS, min_rounds: int = MIN_ROUNDS) -> list[Cluster]:
    """The hotspots among ``spots``, ranked (see the module).

    Neighbours are counted per grid cell of ``radius`` against the 3 × 3 cells around it
    with numpy (a street that keeps coming back holds thousands of findings over ten
    years: pairwise in Python that is seconds)."""
    import numpy as np

    spots = sorted(spots, key=lambda s: s.id)
    if not spots:
        return []
    xy = np.array([(s.x, s.y) for s in spots], dtype=float)
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    keys = np.floor(xy / radius).astype(np.int64)
    for i, (cx, cy) in enumerate(keys.tolist()):
        cells[(cx, cy)].append(i)
    around: dict[tuple[int, int], np.ndarray] = {
        cell: np.array([j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in cells.get((cell[0] + dx, cell[1] + dy), ())])
        for cell in cells}
    r2 = radius * radius

    def near(i: int) -> np.ndarray:
        candidates = around[tuple(keys[i].tolist())]
        d2 = ((xy[candidates] - xy[i]) ** 2).sum(axis=1)
        return candidates[d2 <= r2]

    counts = np.zeros(len(spots), dtype=np.int64)
    for cell, members in cells.items():
        idx = np.array(members)
        candidates = around[cell]
        d2 = ((xy[idx, None, :] - xy[None, candidates, :]) ** 2).sum(axis=2)
        counts[idx] = (d2 <= r2).sum(axis=1)
    order = sorted(range(len(spots)), key=lambda i: (-int(counts[i]), spots[i].id))
    taken = np.zeros(len(spots), dtype=bool)
    found = []
    for i in order:
        if taken[i]:
            continue
        members = [int(j) for j in near(i) if not taken[j]]
        taken[members] = True
        members.sort(key=lambda j: (j != i, spots[j].id))
        found.append(Cluster(spots[i], tuple(spots[j] for j in members)))
    return sorted((c for c in found if c.rounds >= min_rounds), key=Cluster.rank_key)
