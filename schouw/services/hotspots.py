"""Hotspots over a period (issue #19.2): where below-norm findings recur over rounds.

Three batched reads (areas, the judging groups, the located findings of the groups judged
below their norm), judging once per group with :func:`schouw.domain.norms.judge` (the
same groups as the overview), coordinates to RD New with :mod:`schouw.geo`, and the
pure clustering in :mod:`schouw.domain.hotspots`. The view, the CLI and (later) the
monitor report render the same :class:`Hotspot` values.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from schouw import geo
from schouw.domain.hotspots import RADIUS, Spot, cluster
from schouw.domain.norms import area_type_of, as_level
from schouw.services.monitoring import _Judge, make_period, select_buurten
from schouw.store.monitoring import MonitoringRepo, Window
from schouw.store.project import Project


@dataclass(frozen=True)
class Hotspot:
    """One place, ranked: how many rounds found it below the norm, its worst level."""

    rank: int
    street: str
    street_id: str
    buurt: str
    buurt_id: str
    lat: float
    lon: float
    rounds: int
    findings: int
    worst: str
    #: "element.aspect" of its findings, most frequent first
    items: tuple[str, ...]
    finding_ids: tuple[str, ...]
    round_ids: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "street": self.street, "street_id": self.street_id, "buurt": self.buurt,
                "buurt_id": self.buurt_id, "lat": round(self.lat, 6), "lon": round(self.lon, 6),
                "rounds": self.rounds, "findings": self.findings, "worst": self.worst, "items": list(self.items),
                "radius_m": RADIUS, "finding_ids": list(self.finding_ids), "round_ids": list(self.round_ids)}


def find_hotspots(project: Project, *, start: str | date | None = None, end: str | date | None = None,
                  wijk: str | None = None, buurt: str | None = None, today: date | None = None) -> list[Hotspot]:
    """The hotspots of the period (default: the last twelve months), ranked."""
    period = make_period(start, end, today=today)
    repo = MonitoringRepo(project)
    chosen = select_buurten(repo.areas(), wijk, buurt)
    names = {a[0]: a[1] for a in chosen}
    buurt_type = {a[0]: a[2] for a in chosen}
    window = Window(period.start.isoformat(), period.start.isoformat(), period.end.isoformat(),
                    tuple(names) if (wijk or buurt) else None)
    judger = _Judge(project)
    keys = []
    for bid, cur, _kind, form_key, profile_id, element, aspect, level, nvt, street_type, _n in repo.finding_groups(window):
        if not cur or bid not in names or nvt or level is None:
            continue
        if judger.below(form_key, profile_id, element, aspect, level, False, area_type_of(street_type, buurt_type[bid])):
            keys.append("|".join((bid, form_key, profile_id or "", element, aspect, level, street_type or "")))
    if not keys:
        return []
    rows = repo.located_findings(window, keys)
    xy = geo.lonlat_to_rd([(r[9], r[8]) for r in rows])
    by_id = {r[0]: r for r in rows}
    spots = [Spot(r[0], x, y, r[1], as_level(r[7])) for r, (x, y) in zip(rows, xy, strict=True)]
    out = []
    for rank, c in enumerate(cluster(spots), 1):
        centre = by_id[c.centre.id]
        members = [by_id[m.id] for m in c.members]
        street_id, street = Counter((m[3], m[4] or "?") for m in members).most_common(1)[0][0]
        items = tuple(k for k, _ in Counter(f"{m[5]}.{m[6]}" for m in members).most_common())
        out.append(Hotspot(rank, street, street_id, names.get(centre[2], ""), centre[2], centre[8], centre[9],
                           c.rounds, c.findings, c.worst.value if c.worst else "", items,
                           tuple(m.id for m in c.members), tuple(dict.fromkeys(m.round_id for m in c.members))))
    return out
