"""The overview across rounds and places (issue #19, the *informatiepositie*): per wijk
and buurt over a period — rounds held, findings by aspect and level, below-norm counts,
the share of the latest meting, indicators, actions per party, re-inspection and the
trend against the previous period of equal length.

One read-side use case for the Overzicht view, ``schouw overview`` and (later) the
monitor report, so they cannot tell different stories. The SQL lives in
:mod:`schouw.store.monitoring` and is batched: a fixed handful of queries per overview,
never one per round, street or finding (tests count them). Judging stays in its one
place: findings come grouped by (item, level, area type, form, profile) and each group is
judged once with :func:`schouw.domain.norms.judge`; meting shares come from
:func:`schouw.domain.measure.score_meting` (the rule behind
:func:`schouw.services.scores.meting_score`) over the meting's measurements read in one
batch. Everything is computed, never stored: rounds are judged under their profile as it
is *now*, so a changed norm re-scores old rounds and the trend stays honest.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from schouw.domain.actions import ActionStatus, is_overdue
from schouw.domain.forms import Form
from schouw.domain.measure import Share, score_meting
from schouw.domain.models import RoundKind
from schouw.domain.norms import area_type_of, judge
from schouw.domain.profile import Profile
from schouw.messages import SchouwError
from schouw.services import indicators as indicator_service
from schouw.services.changes import Changes
from schouw.store.monitoring import MonitoringRepo, Window
from schouw.store.project import Project

#: The period when none is given: the last twelve months up to today.
DEFAULT_DAYS = 365
#: A knelpunten trend (below-norm findings per round) changes by more than this share
#: before it is called better or worse; below it, "gelijk".
TREND_TOLERANCE = 0.10
CLOSED = tuple(s.value for s in ActionStatus if s.is_closed)


# -- values ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of equal length just before this one (the trend's yardstick)."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def as_dict(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


@dataclass(frozen=True)
class MetingShare:
    """The share at or above the norm of one meting (the latest of an area in a period)."""

    round_id: str
    date: date
    title: str
    overall: Share
    schoon: Share
    heel: Share

    def as_dict(self) -> dict[str, Any]:
        return {"round_id": self.round_id, "date": self.date.isoformat(), "title": self.title,
                "overall": self.overall.as_dict(), "schoon": self.schoon.as_dict(), "heel": self.heel.as_dict()}


@dataclass(frozen=True)
class PartyActions:
    """Actions of one party from the period's rounds, as they stand today."""

    party: str
    open: int = 0
    overdue: int = 0
    done: int = 0
    rejected: int = 0
    #: median days from the round to afgehandeld/afgewezen (None: none closed)
    median_days_to_close: float | None = None

    @property
    def total(self) -> int:
        return self.open + self.done + self.rejected

    def as_dict(self) -> dict[str, Any]:
        return {"party": self.party, "open": self.open, "overdue": self.overdue, "done": self.done,
                "rejected": self.rejected, "median_days_to_close": self.median_days_to_close}


@dataclass(frozen=True)
class Trend:
    """This period against the previous one. ``basis`` says what is compared: "meting"
    (the share of the latest meting; called better/worse only when the 95 % intervals do
    not overlap), "knelpunten" (below-norm findings per round: counts, not a quality
    score) or "" (nothing to compare)."""

    basis: str = ""
    previous: float | None = None
    current: float | None = None
    #: "beter", "slechter", "gelijk" or "onbekend"
    direction: str = "onbekend"

    def as_dict(self) -> dict[str, Any]:
        return {"basis": self.basis, "previous": self.previous, "current": self.current,
                "direction": self.direction}


@dataclass(frozen=True)
class AreaOverview:
    """One wijk or buurt over the period."""

    kind: str  # "wijk" or "buurt"
    id: str
    name: str
    wijk: str
    area_type: str
    #: round kind ("knelpunten", "meting") -> rounds held in the period
    rounds: dict[str, int]
    #: findings of the knelpuntenschouwen (a meting's judgements are in ``measurements``:
    #: a random sample makes a share, not a count of problems to add to these)
    findings: int
    below_norm: int
    #: "element.aspect" -> level ("A+".."D", "n.v.t.", "" for none) -> findings
    by_aspect: dict[str, dict[str, int]]
    #: "element.aspect" -> findings below their norm
    below_by_aspect: dict[str, int]
    meting: MetingShare | None
    actions: tuple[PartyActions, ...]
    rechecks_checked: int
    rechecks_solved: int
    trend: Trend
    #: the newest round in the period (the drill-down opens it; "" when none)
    latest_round_id: str = ""
    latest_round_date: date | None = None
    #: judgements recorded at the schouwpunten of the period's metingen
    measurements: int = 0

    @property
    def rounds_total(self) -> int:
        return sum(self.rounds.values())

    @property
    def actions_open(self) -> int:
        return sum(p.open for p in self.actions)

    @property
    def actions_overdue(self) -> int:
        return sum(p.overdue for p in self.actions)

    @property
    def actions_done(self) -> int:
        return sum(p.done for p in self.actions)

    @property
    def solved_share(self) -> float | None:
        """Of the re-inspected points, the share found solved (None: none checked)."""
        return self.rechecks_solved / self.rechecks_checked if self.rechecks_checked else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "id": self.id, "name": self.name, "wijk": self.wijk, "area_type": self.area_type,
            "rounds": dict(self.rounds), "findings": self.findings, "below_norm": self.below_norm,
            "measurements": self.measurements,
            "by_aspect": {k: dict(v) for k, v in self.by_aspect.items()},
            "below_by_aspect": dict(self.below_by_aspect),
            "meting": self.meting.as_dict() if self.meting else None,
            "actions": {"open": self.actions_open, "overdue": self.actions_overdue, "done": self.actions_done,
                        "per_party": [p.as_dict() for p in self.actions]},
            "rechecks": {"checked": self.rechecks_checked, "solved": self.rechecks_solved,
                         "solved_share": self.solved_share},
            "trend": self.trend.as_dict(),
            "latest_round": {"id": self.latest_round_id,
                             "date": self.latest_round_date.isoformat() if self.latest_round_date else None},
        }


@dataclass(frozen=True)
class Overview:
    period: Period
    previous: Period
    wijken: tuple[AreaOverview, ...]
    buurten: tuple[AreaOverview, ...]
    indicators: tuple[indicator_service.IndicatorRow, ...] = field(default=())
    #: what :func:`update_overview` needs to read again only what changed
    areas: tuple = field(default=(), repr=False, compare=False)
    tallies: dict = field(default_factory=dict, repr=False, compare=False)
    today: date | None = field(default=None, repr=False, compare=False)
    #: (filtered by wijk or buurt, by buurt, with indicators)
    filters: tuple[bool, bool, bool] = field(default=(False, False, True), repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {"period": self.period.as_dict(), "previous_period": self.previous.as_dict(),
                "wijken": [a.as_dict() for a in self.wijken], "buurten": [a.as_dict() for a in self.buurten],
                "indicators": [r.as_dict() for r in self.indicators]}


# -- input -------------------------------------------------------------------------------
def parse_day(text: str | date | None, option: str) -> date | None:
    """A date given as YYYY-MM-DD (None stays None); anything else is a user error."""
    if text is None or isinstance(text, date):
        return text
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise SchouwError("overview_bad_date", option=option, value=text) from None


def make_period(start: str | date | None = None, end: str | date | None = None, *,
                today: date | None = None) -> Period:
    """The period asked for: from ``start`` (default: a year before the end) up to
    ``end`` (default: today); a start after the end is refused."""
    first, last = parse_day(start, "--from"), parse_day(end, "--to")
    if last is None:
        last = today or date.today()
    if first is None:
        first = last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise SchouwError("overview_from_after_to", start=first.isoformat(), end=last.isoformat())
    return Period(first, last)


def select_buurten(areas: list[tuple], wijk: str | None, buurt: str | None) -> list[tuple]:
    """The buurten (rows of :meth:`MonitoringRepo.areas`) named by the filters; a name
    that is not there is refused with the names that are."""
    rows = areas
    if wijk:
        rows = [a for a in rows if a[4].lower() == wijk.strip().lower()]
        if not rows:
            known = ", ".join(sorted({a[4] for a in areas})) or "-"
            raise SchouwError("overview_unknown_wijk", name=wijk, known=known)
    if buurt:
        chosen = [a for a in rows if a[1].lower() == buurt.strip().lower()]
        if not chosen:
            known = ", ".join(sorted({a[1] for a in rows}))[:300] or "-"
            raise SchouwError("overview_unknown_buurt", name=buurt, known=known)
        rows = chosen
    return rows


# -- the use case -----------------------------------------------------------------------
class GroupJudge:
    """Forms and profiles read once per overview (a few, however many rounds)."""

    def __init__(self, project: Project):
        self.project = project
        self.forms: dict[str, Form | None] = {}
        self.profiles: dict[str | None, Profile | None] = {}
        self.judged: dict[tuple, bool] = {}

    def form(self, key: str) -> Form | None:
        if key not in self.forms:
            self.forms[key] = self.project.forms.get(key)
        return self.forms[key]

    def profile(self, profile_id: str | None) -> Profile | None:
        if profile_id not in self.profiles:
            self.profiles[profile_id] = self.project.forms.profile(profile_id) if profile_id else None
        return self.profiles[profile_id]

    def below(self, form_key: str, profile_id: str | None, element: str, aspect: str, level: str | None,
              not_applicable: bool, area_type: str) -> bool:
        """Judged once per distinct (form, profile, item, level, area type): the same
        answer :func:`judge` gives every finding of the group."""
        key = (form_key, profile_id, element, aspect, level, not_applicable, area_type)
        known = self.judged.get(key)
        if known is None:
            known = self.judged[key] = self._below(*key)
        return known

    def _below(self, form_key: str, profile_id: str | None, element: str, aspect: str, level: str | None,
               not_applicable: bool, area_type: str) -> bool:
        form = self.form(form_key)
        found = form.find(element, aspect) if form else None
        return judge(self.profile(profile_id), element, aspect, level, not_applicable, area_type,
                     has_level=bool(found and found[1].has_level)).below


@dataclass
class _Tally:
    rounds: dict[str, int] = field(default_factory=dict)
    findings: int = 0
    below: int = 0
    by_aspect: dict[str, dict[str, int]] = field(default_factory=dict)
    below_by_aspect: dict[str, int] = field(default_factory=dict)
    prev_rounds: int = 0
    measurements: int = 0
    prev_knelpunten: int = 0
    prev_below_knelpunten: int = 0
    knelpunten: int = 0
    below_knelpunten: int = 0
    parties: dict[str, dict[str, int]] = field(default_factory=dict)
    close_days: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    checked: int = 0
    solved: int = 0
    latest: tuple[str, str] | None = None  # (date, round id)
    meting: MetingShare | None = None
    prev_meting: MetingShare | None = None


def build_overview(project: Project, *, start: str | date | None = None, end: str | date | None = None,
                   wijk: str | None = None, buurt: str | None = None, today: date | None = None,
                   with_indicators: bool = True) -> Overview:
    """The overview per wijk and buurt over the period (default: the last twelve months)."""
    today = today or date.today()
    period = make_period(start, end, today=today)
    repo = MonitoringRepo(project)
    chosen = select_buurten(repo.areas(), wijk, buurt)
    filtered = bool(wijk or buurt)
    tallies = _collect(project, repo, period, chosen, today, whole=not filtered)
    rows: tuple = ()
    if with_indicators:
        rows = _indicators(project, chosen, filtered, bool(buurt))
    return _assemble(period, chosen, tallies, rows, today, (filtered, bool(buurt), with_indicators))


def update_overview(project: Project, old: Overview, changes: Changes) -> Overview:
    """The overview after ``changes``, reading again only the buurten whose rounds
    changed (the view's refresh after an edit: a few small queries, not the whole
    municipality). A change that may touch every buurt (areas, a profile, no round
    named) reads everything again."""
    repo = MonitoringRepo(project)
    filtered, by_buurt, with_indicators = old.filters
    rows = old.indicators
    if with_indicators and changes.indicators:
        rows = _indicators(project, old.areas, filtered, by_buurt)
    data = changes.findings or changes.actions or changes.rounds or changes.walked or changes.photos
    if not data and not changes.streets:
        return replace(old, indicators=rows)
    if changes.streets or not changes.round_ids:
        tallies = _collect(project, repo, old.period, old.areas, old.today, whole=not filtered)
        return _assemble(old.period, old.areas, tallies, rows, old.today, old.filters)
    touched = set(repo.buurten_of_rounds(sorted(changes.round_ids)))
    affected = [a for a in old.areas if a[0] in touched]
    tallies = {**old.tallies, **_collect(project, repo, old.period, affected, old.today, whole=False)}
    return _assemble(old.period, old.areas, tallies, rows, old.today, old.filters)


def _indicators(project: Project, chosen: list[tuple], filtered: bool, by_buurt: bool) -> tuple:
    wanted = {a[0] for a in chosen} | {a[3] for a in chosen}
    return tuple(r for r in indicator_service.overview(project)
                 if not filtered or r.indicator.area_id in wanted or (not by_buurt and not r.indicator.area_id))


def _assemble(period: Period, chosen: list[tuple], tallies: dict[str, _Tally], rows: tuple, today: date,
              filters: tuple[bool, bool, bool]) -> Overview:
    buurten = tuple(_area("buurt", a[0], a[1], a[4], a[2], tallies[a[0]]) for a in chosen)
    wijken = tuple(_wijk(wid, tallies, chosen) for wid in dict.fromkeys(a[3] for a in chosen))
    return Overview(period, period.previous(), wijken, buurten, rows, areas=tuple(chosen), tallies=tallies,
                    today=today, filters=filters)


def _collect(project: Project, repo: MonitoringRepo, period: Period, chosen: list[tuple] | tuple, today: date,
             *, whole: bool) -> dict[str, _Tally]:
    """Everything counted per buurt of ``chosen`` (``whole``: every buurt of the
    project, so the queries need no list of ids)."""
    previous = period.previous()
    window = Window(previous.start.isoformat(), period.start.isoformat(), period.end.isoformat(),
                    None if whole else tuple(a[0] for a in chosen))
    buurt_type = {a[0]: a[2] for a in chosen}
    tallies: dict[str, _Tally] = {a[0]: _Tally() for a in chosen}
    judger = GroupJudge(project)

    # rounds: counts per kind, the newest one, the latest meting of each period
    latest_meting: dict[tuple[str, int], tuple] = {}
    for rid, bid, day, kind, form_key, profile_id, title, cur in repo.rounds(window):
        t = tallies.get(bid)
        if t is None:
            continue
        if cur:
            t.rounds[kind] = t.rounds.get(kind, 0) + 1
            t.latest = max(t.latest or ("", ""), (day, rid))
            t.knelpunten += kind != RoundKind.METING.value
        else:
            t.prev_rounds += 1
            t.prev_knelpunten += kind != RoundKind.METING.value
        if kind == RoundKind.METING.value:
            latest_meting[(bid, cur)] = (rid, bid, day, form_key, profile_id, title)
    # findings, judged once per group
    for bid, cur, kind, form_key, profile_id, element, aspect, level, nvt, street_type, n in repo.finding_groups(window):
        t = tallies.get(bid)
        if t is None:
            continue
        if kind == RoundKind.METING.value:
            # a meting's judgements are a sample: they make its share, not counts of problems
            t.measurements += n * bool(cur)
            continue
        below = judger.below(form_key, profile_id, element, aspect, level, bool(nvt),
                             area_type_of(street_type, buurt_type.get(bid)))
        if not cur:
            t.prev_below_knelpunten += n * below
            continue
        key = f"{element}.{aspect}"
        label = "n.v.t." if nvt else (level or "")
        levels = t.by_aspect.setdefault(key, {})
        levels[label] = levels.get(label, 0) + n
        t.findings += n
        if below:
            t.below += n
            t.below_by_aspect[key] = t.below_by_aspect.get(key, 0) + n
            t.below_knelpunten += n

    _meting_shares(repo, judger, latest_meting, tallies, buurt_type)

    # actions as they stand today, per party
    for bid, cur, party, status, has_due, past_due, days, n in repo.action_groups(window, today.isoformat(), CLOSED):
        t = tallies.get(bid)
        if t is None or not cur:
            continue
        counts = t.parties.setdefault(party or "", {"open": 0, "overdue": 0, "done": 0, "rejected": 0})
        state = ActionStatus(status)
        # the one overdue rule, asked once per group with a stand-in due date on the right side of today
        due = (today - timedelta(days=1) if past_due else today) if has_due else None
        if state == ActionStatus.DONE:
            counts["done"] += n
        elif state == ActionStatus.REJECTED:
            counts["rejected"] += n
        else:
            counts["open"] += n
        counts["overdue"] += n * is_overdue(due, state, today)
        if days is not None:
            t.close_days.setdefault(party or "", []).append((days, n))

    for bid, cur, result, n in repo.recheck_groups(window):
        t = tallies.get(bid)
        if t is None or not cur or result is None:
            continue
        t.checked += n
        t.solved += n * (result == "opgelost")
    return tallies


def _meting_shares(repo: MonitoringRepo, judger: GroupJudge, latest: dict[tuple[str, int], tuple],
                   tallies: dict[str, _Tally], buurt_type: dict[str, str]) -> None:
    """The share of the latest meting of each buurt in each period: its measurements in
    one batch, scored by the domain's meting rule."""
    if not latest:
        return
    ids = [v[0] for v in latest.values()]
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in repo.measurements(ids):
        found[row["round_id"]].append(row)
    points = repo.point_counts(ids)
    street_types = repo.street_area_types({v[1] for v in latest.values()})
    for (bid, cur), (rid, _bid, day, form_key, profile_id, title) in latest.items():
        form = judger.form(form_key)
        if form is None:
            continue
        total, done = points.get(rid, (0, 0))
        score = score_meting(found.get(rid, []), form, judger.profile(profile_id), area_type=buurt_type[bid],
                             street_area_types=street_types, points_total=total, points_done=done)
        share = MetingShare(rid, date.fromisoformat(day), title, score.overall,
                            score.groups.get("schoon", Share.of(0, 0)), score.groups.get("heel", Share.of(0, 0)))
        if cur:
            tallies[bid].meting = share
        else:
            tallies[bid].prev_meting = share


def _trend(t: _Tally) -> Trend:
    if t.meting is not None and t.prev_meting is not None and t.meting.overall.n and t.prev_meting.overall.n:
        now, before = t.meting.overall, t.prev_meting.overall
        direction = ("beter" if now.low > before.high else "slechter" if now.high < before.low else "gelijk")
        return Trend("meting", before.share, now.share, direction)
    if t.knelpunten and t.prev_knelpunten:
        now_rate = t.below_knelpunten / t.knelpunten
        before_rate = t.prev_below_knelpunten / t.prev_knelpunten
        if before_rate == 0:
            direction = "gelijk" if now_rate == 0 else "slechter"
        else:
            change = (now_rate - before_rate) / before_rate
            direction = "slechter" if change > TREND_TOLERANCE else "beter" if change < -TREND_TOLERANCE else "gelijk"
        return Trend("knelpunten", round(before_rate, 2), round(now_rate, 2), direction)
    return Trend()


def _parties(parties: dict[str, dict[str, int]], close_days: dict[str, list[tuple[int, int]]]) -> tuple[PartyActions, ...]:
    out = []
    for party in sorted(parties, key=lambda p: (-sum(parties[p].values()), p)):
        c = parties[party]
        days = [d for d, n in close_days.get(party, []) for _ in range(n)]
        out.append(PartyActions(party, c["open"], c["overdue"], c["done"], c["rejected"],
                                statistics.median(days) if days else None))
    return tuple(out)


def _area(kind: str, area_id: str, name: str, wijk: str, area_type: str, t: _Tally) -> AreaOverview:
    latest_date = date.fromisoformat(t.latest[0]) if t.latest else None
    return AreaOverview(kind, area_id, name, wijk, area_type, dict(t.rounds), t.findings, t.below,
                        t.by_aspect, t.below_by_aspect, t.meting, _parties(t.parties, t.close_days),
                        t.checked, t.solved, _trend(t), t.latest[1] if t.latest else "", latest_date,
                        t.measurements)


def _wijk(wijk_id: str, tallies: dict[str, _Tally], chosen: list[tuple] | tuple) -> AreaOverview:
    """A wijk: the sum of its buurten. Its meting share pools the buurten's latest
    metingen (each a random sample of its buurt); no meting, no share."""
    total = _Tally()
    metingen, prev_metingen = [], []
    for a in chosen:
        if a[3] != wijk_id:
            continue
        t = tallies[a[0]]
        for k, v in t.rounds.items():
            total.rounds[k] = total.rounds.get(k, 0) + v
        total.findings += t.findings
        total.below += t.below
        for key, levels in t.by_aspect.items():
            into = total.by_aspect.setdefault(key, {})
            for level, n in levels.items():
                into[level] = into.get(level, 0) + n
        for key, n in t.below_by_aspect.items():
            total.below_by_aspect[key] = total.below_by_aspect.get(key, 0) + n
        for name in ("measurements", "prev_rounds", "prev_knelpunten", "prev_below_knelpunten", "knelpunten", "below_knelpunten",
                     "checked", "solved"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
        for party, counts in t.parties.items():
            into = total.parties.setdefault(party, {"open": 0, "overdue": 0, "done": 0, "rejected": 0})
            for k, v in counts.items():
                into[k] += v
        for party, days in t.close_days.items():
            total.close_days.setdefault(party, []).extend(days)
        if t.latest:
            total.latest = max(total.latest or ("", ""), t.latest)
        metingen += [t.meting] if t.meting else []
        prev_metingen += [t.prev_meting] if t.prev_meting else []
    total.meting, total.prev_meting = _pooled(metingen), _pooled(prev_metingen)
    first = next(a for a in chosen if a[3] == wijk_id)
    return _area("wijk", wijk_id, first[4], first[4], "", total)


def _pooled(shares: list[MetingShare]) -> MetingShare | None:
    if not shares:
        return None
    newest = max(shares, key=lambda s: s.date)

    def pool(pick) -> Share:
        return Share.of(sum(pick(s).at_or_above for s in shares), sum(pick(s).n for s in shares))

    title = newest.title if len(shares) == 1 else f"{len(shares)} metingen"
    return MetingShare(newest.round_id, newest.date, title, pool(lambda s: s.overall), pool(lambda s: s.schoon),
                       pool(lambda s: s.heel))
