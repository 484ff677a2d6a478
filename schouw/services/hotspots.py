"""Hotspots over a period (issue #19.2): where below-norm findings recur over rounds.

Three batched reads (areas, the judging groups, the located findings of the groups judged
below their norm), judging once per group with :func:`schouw.domain.norms.judge` (the
same groups as the overview), coordinates to RD New with :mod:`schouw.geo`, and the
pure clustering in :mod:`schouw.domain.hotspots`. The view, the CLI and (later) the
monitor report render the same :class:`Hotspot` values.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from schouw import geo
from schouw.domain.hotspots import RADIUS, Spot, cluster
from schouw.domain.hottimes import HotTimes, tally
from schouw.domain.norms import area_type_of, as_level
from schouw.services.changes import Changes
from schouw.services.monitoring import GroupJudge, Period, make_period, select_buurten
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
    #: the items as the form names them ("Verharding elementen: onkruid"), in the same order
    item_names: tuple[str, ...] = ()
    #: the rank order (:meth:`schouw.domain.hotspots.Cluster.rank_key`)
    key: tuple = field(default=(), repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "street": self.street, "street_id": self.street_id, "buurt": self.buurt,
                "buurt_id": self.buurt_id, "lat": round(self.lat, 6), "lon": round(self.lon, 6),
                "rounds": self.rounds, "findings": self.findings, "worst": self.worst, "items": list(self.items),
                "item_names": list(self.item_names), "radius_m": RADIUS, "finding_ids": list(self.finding_ids), "round_ids": list(self.round_ids)}


def find_hotspots(project: Project, *, start: str | date | None = None, end: str | date | None = None,
                  wijk: str | None = None, buurt: str | None = None, today: date | None = None) -> list[Hotspot]:
    """The hotspots of the period (default: the last twelve months), ranked. A hotspot
    lies in one buurt (the partners of a buurt act on it)."""
    period = make_period(start, end, today=today)
    repo = MonitoringRepo(project)
    chosen = select_buurten(repo.areas(), wijk, buurt)
    return _ranked(_clusters(project, repo, period, chosen, whole=not (wijk or buurt)))


def hot_times(project: Project, *, start: str | date | None = None, end: str | date | None = None,
              wijk: str | None = None, buurt: str | None = None, today: date | None = None) -> HotTimes:
    """When the period's problems arise: findings with a time of day, counted per month,
    weekday and part of the day (counts, never shares: see :mod:`schouw.domain.hottimes`)."""
    period = make_period(start, end, today=today)
    repo = MonitoringRepo(project)
    chosen = select_buurten(repo.areas(), wijk, buurt)
    return times_of(time_rows(project, period, [a[0] for a in chosen] if (wijk or buurt) else None))


TimeRows = dict[str, list[tuple[str, date, int]]]


def time_rows(project: Project, period: Period, buurt_ids: Iterable[str] | None = None) -> TimeRows:
    """The counted rows behind :func:`hot_times`, per buurt (None: every buurt), so a view
    can read again just the buurten an edit touched (:func:`refresh_time_rows`)."""
    window = Window(period.start.isoformat(), period.start.isoformat(), period.end.isoformat(),
                    None if buurt_ids is None else tuple(buurt_ids))
    out: TimeRows = defaultdict(list)
    for bid, text, day, n in MonitoringRepo(project).time_groups(window):
        if day:
            out[bid].append((text, date.fromisoformat(day), n))
    return dict(out)


def times_of(rows: TimeRows, within: Iterable[str] | None = None) -> HotTimes:
    wanted = None if within is None else set(within)
    return tally(r for bid, rs in rows.items() if wanted is None or bid in wanted for r in rs)


def refresh_time_rows(project: Project, old: TimeRows, period: Period, changes: Changes,
                      within: Iterable[str] | None = None) -> TimeRows:
    """``old`` after ``changes``: only the buurten of the changed rounds read again."""
    if not (changes.findings or changes.rounds or changes.streets):
        return old
    if changes.streets or not changes.round_ids:
        return time_rows(project, period, within)
    touched = set(MonitoringRepo(project).buurten_of_rounds(sorted(changes.round_ids)))
    if within is not None:
        touched &= set(within)
    if not touched:
        return old
    fresh = time_rows(project, period, touched)
    return {**{k: v for k, v in old.items() if k not in touched}, **fresh}


def update_hotspots(project: Project, old: list[Hotspot], period: Period, buurt_ids: Iterable[str]) -> list[Hotspot]:
    """``old`` with the hotspots of ``buurt_ids`` found again (after an edit in them)."""
    repo = MonitoringRepo(project)
    wanted = set(buurt_ids)
    chosen = [a for a in repo.areas() if a[0] in wanted]
    kept = [(h.key, h) for h in old if h.buurt_id not in wanted]
    return _ranked(kept + _clusters(project, repo, period, chosen, whole=False))


def refresh_hotspots(project: Project, old: list[Hotspot], period: Period, changes: Changes,
                     *, wijk: str | None = None, buurt: str | None = None,
                     within: Iterable[str] | None = None) -> list[Hotspot]:
    """The hotspots after ``changes`` (the view's refresh): unchanged when no finding,
    round or street changed; only the buurten of the changed rounds found again when
    the change names them (and they are among ``within``, the buurten shown)."""
    if not (changes.findings or changes.rounds or changes.streets):
        return old
    if changes.streets or not changes.round_ids:
        return find_hotspots(project, start=period.start, end=period.end, wijk=wijk, buurt=buurt)
    touched = set(MonitoringRepo(project).buurten_of_rounds(sorted(changes.round_ids)))
    if within is not None:
        touched &= set(within)
    return update_hotspots(project, old, period, touched) if touched else old


def _item_name(judger: GroupJudge, key: str) -> str:
    """"Element: aspect" as the forms of the period's rounds name it (the key if none does)."""
    element, _, aspect = key.partition(".")
    for form in judger.forms.values():
        found = form.find(element, aspect) if form is not None else None
        if found:
            return f"{found[0].name}: {found[1].name.lower()}"
    return key


def _ranked(found: list[tuple[tuple, Hotspot]]) -> list[Hotspot]:
    found.sort(key=lambda pair: pair[0])
    return [replace(h, rank=n) for n, (_key, h) in enumerate(found, 1)]


def _clusters(project: Project, repo: MonitoringRepo, period: Period, chosen: list[tuple],
              *, whole: bool) -> list[tuple[tuple, Hotspot]]:
    names = {a[0]: a[1] for a in chosen}
    if not names:
        return []
    buurt_type = {a[0]: a[2] for a in chosen}
    window = Window(period.start.isoformat(), period.start.isoformat(), period.end.isoformat(),
                    None if whole else tuple(names))
    judger = GroupJudge(project)
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
    per_buurt: dict[str, list[Spot]] = defaultdict(list)
    levels = {text: as_level(text) for text in {r[7] for r in rows}}
    for r, (x, y) in zip(rows, xy, strict=True):
        per_buurt[r[2]].append(Spot(r[0], x, y, r[1], levels[r[7]]))
    out = []
    for bid in sorted(per_buurt):
        for c in cluster(per_buurt[bid]):
            centre = by_id[c.centre.id]
            members = [by_id[m.id] for m in c.members]
            street_id, street = Counter((m[3], m[4] or "?") for m in members).most_common(1)[0][0]
            items = tuple(k for k, _ in Counter(f"{m[5]}.{m[6]}" for m in members).most_common())
            out.append((c.rank_key(), Hotspot(
                0, street, street_id, names.get(bid, ""), bid, centre[8], centre[9], c.rounds, c.findings,
                c.worst.value if c.worst else "", items, tuple(m.id for m in c.members),
                tuple(dict.fromkeys(m.round_id for m in c.members)),
                tuple(_item_name(judger, key) for key in items), key=c.rank_key())))
    return out
