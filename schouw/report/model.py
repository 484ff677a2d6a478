"""What a report shows, as plain values: the services layer fills these from the
project, the report layer only lays them out.

Photo bytes are not in here: a report of 1,000 photos would hold ~200 MB before the
first page is laid out. :class:`ReportData` carries a loader instead, which the photo
flowable calls while it is drawn, so only the PDF itself ever holds the images.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from schouw.domain.levels import ALL_LEVELS, DEFAULT_LABELS, Level
from schouw.domain.measure import MetingScore
from schouw.domain.norms import Judgement
from schouw.domain.parties import party_key, party_matches
from schouw.domain.scoring import History, RoundScore


@dataclass(frozen=True)
class PhotoRef:
    id: str
    width: int
    height: int
    caption: str = ""
    taken_at: str | None = None


@dataclass(frozen=True)
class ActionEntry:
    party: str
    due_date: date | None
    status: str
    status_reason: str = ""
    mor_id: str | None = None
    mor_status: str | None = None
    #: When the action got its current status (see
    #: :func:`schouw.services.feedback.status_since`); None when not known.
    since: date | None = None

    @property
    def is_closed(self) -> bool:
        return self.status in ("afgehandeld", "afgewezen")

    def is_overdue(self, today: date) -> bool:
        """The one overdue rule (schouw.domain.actions.is_overdue)."""
        from schouw.domain.actions import ActionStatus, is_overdue

        return is_overdue(self.due_date, ActionStatus(self.status), today)


@dataclass(frozen=True)
class FindingEntry:
    #: 1.. in report order (street order, then time recorded): the action list refers to it.
    number: int
    id: str
    street_id: str
    street: str
    element: str
    aspect: str
    category: str
    level: Level | None = None
    not_applicable: bool = False
    choice: str | None = None
    #: The norm that applied (None: no norm or not a CROW item) and the area type it came from.
    norm: Level | None = None
    area_type: str = ""
    house_number: str = ""
    spot: str = ""
    description: str = ""
    priority: str = "normaal"
    time_of_day: str = ""
    observed_at: str | None = None
    lat: float | None = None
    lon: float | None = None
    photos: tuple[PhotoRef, ...] = ()
    action: ActionEntry | None = None
    #: "element.aspect" ids, for grouping observations.
    item: str = ""
    #: The coordinator ticked the remark (``description``) as fit for residents.
    publishable: bool = False

    @property
    def meets(self) -> bool | None:
        """At or above the norm, by the domain's one judging rule (n.v.t. does not count)."""
        measured = None if self.not_applicable else self.level
        return Judgement(self.area_type, self.norm, measured).meets


@dataclass(frozen=True)
class StreetEntry:
    id: str
    name: str
    area_type: str
    house_numbers: str = ""
    woonplaats: str = ""
    done: bool = True


@dataclass(frozen=True)
class ParticipantEntry:
    name: str
    organisation: str = ""
    role: str = "overig"


@dataclass(frozen=True)
class RecheckEntry:
    """One open point of the previous round re-inspected (herschouw) in this round."""

    street_id: str
    street: str
    item: str
    number: str = ""
    spot: str = ""
    previous_level: Level | None = None
    previous_choice: str | None = None
    #: "opgelost", "aanwezig", "erger", or None while not checked.
    result: str | None = None
    level: Level | None = None


@dataclass
class ReportData:
    municipality: str
    project_name: str
    wijk: str
    wijk_code: str
    buurt: str
    buurt_code: str
    buurt_area_type: str
    round_id: str
    round_title: str
    round_date: date
    form_title: str
    form_version: str
    profile_name: str
    streets: list[StreetEntry]
    findings: list[FindingEntry]
    participants: list[ParticipantEntry]
    score: RoundScore | None = None
    history: History | None = None
    #: Target share (streefwaarde) per category "totaal"/"schoon"/"heel".
    targets: dict[str, float] = field(default_factory=dict)
    levels: tuple[Level, ...] = ALL_LEVELS
    level_labels: dict[Level, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    #: Names of form elements and aspects, for notes: {"element.aspect": "Element — Aspect"}.
    item_names: dict[str, str] = field(default_factory=dict)
    #: The options of choice items in form order: {"element.aspect": ("in orde", ...)}.
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    logo: Path | None = None
    created: date | None = None
    load_photo: Callable[[str], bytes | None] = lambda photo_id: None
    #: How the profile was chosen: "at-round" (as in force on ``profile_as_of``),
    #: "current" or "chosen"; every round in the trend was scored under it.
    profile_basis: str = ""
    profile_as_of: date | None = None
    #: The re-inspected points of the previous round, in walking order (herschouw).
    rechecks: list[RecheckEntry] = field(default_factory=list)
    #: The date of the round whose open points were re-inspected.
    rechecks_from: date | None = None
    #: The map page (schouw.report.map_page.MapPage); None: no map page.
    map: Any = None
    #: The kind of round: "knelpunten" (counted, never a share) or "meting".
    kind: str = "knelpunten"
    #: A knelpuntenschouw: findings and below-norm findings per aspect, street, level, party.
    counts: Any = None
    #: A meting: its score (shares with 95 % intervals), the seed of its draw, and the
    #: earlier metingen of the buurt as ``(title, date, MetingScore)``, oldest first.
    meting: MetingScore | None = None
    meting_seed: int | None = None
    meting_history: list[tuple[str, date, MetingScore]] = field(default_factory=list)
    #: A meting: per point ``(n, street name, {"element.aspect": level text})``.
    point_rows: list[tuple[int, str, dict[str, str]]] = field(default_factory=list)
    #: A meting: the indicators it feeds (schouw.report.indicator_section.IndicatorEntry).
    indicators: list[Any] = field(default_factory=list)

    def recheck_tally(self, street_id: str | None = None) -> tuple[int, int]:
        """``(solved, total)`` of the re-inspected points, of one street or all."""
        chosen = [r for r in self.rechecks if street_id is None or r.street_id == street_id]
        return sum(r.result == "opgelost" for r in chosen), len(chosen)

    @property
    def has_scores(self) -> bool:
        return self.score is not None and self.score.total.judged > 0

    @property
    def photo_count(self) -> int:
        return sum(len(f.photos) for f in self.findings)

    def findings_of(self, street_id: str) -> list[FindingEntry]:
        return [f for f in self.findings if f.street_id == street_id]

    def actions(self, party: str | None = None) -> list[FindingEntry]:
        """Findings with an action (of one party, case-insensitive), by due date."""
        chosen = [f for f in self.findings if f.action is not None
                  and (party is None or party_matches(f.action.party, party))]
        return sorted(chosen, key=lambda f: (f.action.due_date or date.max, f.number))

    def parties(self) -> list[str]:
        seen: dict[str, str] = {}
        for f in self.findings:
            if f.action is not None:
                seen.setdefault(party_key(f.action.party), " ".join(f.action.party.split()))
        return sorted(seen.values(), key=str.casefold)
