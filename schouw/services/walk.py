"""The walk: what the field app reads and changes while a team goes street by street.

Every function here is one small operation the GUI asks for (the street list of a round
with its counts, a new finding on a street, one edited field, a deletion and its undo).
The rules (which level is below the norm, what an aspect change clears, which value fits
an item) are applied here and in the domain, so the widgets only show results and the
CLI or a test can do exactly the same without Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from schouw.domain.actions import ActionStatus, is_overdue
from schouw.domain.findings import DEFAULT_PRIORITY, check_action_allowed, check_finding
from schouw.domain.forms import Aspect, Element, Form
from schouw.domain.levels import ALL_LEVELS, NOT_APPLICABLE, Level
from schouw.domain.models import Action, Buurt, Finding, Photo, Round, Street, Wijk
from schouw.domain.norms import area_type_of, judge, norm_for
from schouw.domain.profile import Profile
from schouw.domain.text import check_text
from schouw.messages import SchouwError
from schouw.store.project import Project

#: The finding fields the editor may change one by one.
EDITABLE = ("element", "aspect", "level", "not_applicable", "choice", "house_number", "spot",
            "description", "priority", "time_of_day", "publishable", "lat", "lon")


@dataclass
class RoundContext:
    """A round with everything needed to judge its findings, read once."""

    round: Round
    buurt: Buurt
    wijk: Wijk | None
    form: Form
    profile: Profile | None
    #: street id -> the area type that applies there
    area_types: dict[str, str] = field(default_factory=dict)

    @property
    def levels(self) -> tuple[Level, ...]:
        return tuple(self.profile.levels) if self.profile is not None else ALL_LEVELS

    def level_label(self, level: Level) -> str:
        if self.profile is not None:
            return self.profile.label(level)
        from schouw.domain.levels import DEFAULT_LABELS

        return DEFAULT_LABELS[level]

    def area_type(self, street_id: str) -> str:
        return self.area_types.get(street_id) or area_type_of(None, self.buurt.area_type)

    @property
    def has_norms(self) -> bool:
        """Whether a finding of this round can be below a norm at all: the form has items
        on the CROW scale and the round has a quality profile. A sociale-veiligheid walk
        has neither, and "0 onder norm" there reads as a score it does not have."""
        return self.profile is not None and any(aspect.has_level for _, aspect in self.form.items())

    def item(self, element: str, aspect: str) -> tuple[Element, Aspect] | None:
        return self.form.find(element, aspect)

    def norm(self, element: str, aspect: str, street_id: str) -> Level | None:
        return norm_for(self.profile, element, aspect, self.area_type(street_id))


@dataclass
class StreetStatus:
    id: str
    name: str
    house_numbers: str
    area_type: str
    position: int
    findings: int = 0
    judged: int = 0
    below_norm: int = 0
    done: bool = False


@dataclass
class RoundTotals:
    streets: int
    done: int
    findings: int
    judged: int
    below_norm: int


def load_round(project: Project, round_id: str) -> RoundContext:
    round_ = project.rounds.get(round_id)
    buurt = project.areas.buurt(round_.buurt_id)
    if buurt is None:
        raise SchouwError("unknown_round", id=round_id)
    form = project.forms.get(round_.form_key)
    if form is None:
        raise SchouwError("unknown_form", id=round_.form_key, available="-")
    profile = project.forms.profile(round_.profile_id) if round_.profile_id else None
    ctx = RoundContext(round_, buurt, project.areas.wijk(buurt.wijk_id), form, profile)
    for street in project.areas.streets(buurt.id):
        ctx.area_types[street.id] = area_type_of(street.area_type, buurt.area_type)
    return ctx


def _count(ctx: RoundContext, rows: Iterable[tuple]) -> dict[str, tuple[int, int, int]]:
    """``street id -> (findings, judged against a norm, below the norm)`` from the
    store's grouped rows (:meth:`FindingRepo.level_counts`), counted by
    :func:`schouw.domain.scoring.street_counts`: the same rule of what counts as the
    reports' scoring and the one judging rule, judged once per (item, level, area type)
    so the street list of a 5,000-finding round is counted in milliseconds."""
    from schouw.domain.scoring import Measurement, street_counts

    levels: dict[str, Level | None] = {}

    def level_of(text: str | None) -> Level | None:
        if not text:
            return None
        if text not in levels:
            levels[text] = Level.parse(text)
        return levels[text]

    groups = (
        (Measurement(street_id=street_id, element=element, aspect=aspect,
                     level=level_of(level) if not not_applicable else None,
                     not_applicable=bool(not_applicable)), n)
        for street_id, element, aspect, level, not_applicable, n in rows
    )
    return street_counts(groups, ctx.form, ctx.profile, area_type=ctx.buurt.area_type,
                         street_area_types=ctx.area_types)


def street_statuses(project: Project, ctx: RoundContext) -> list[StreetStatus]:
    """Every street of the round's buurt with its finding count, norm count and done mark."""
    counts = _count(ctx, project.findings.level_counts(ctx.round.id))
    done = project.rounds.done_streets(ctx.round.id)
    out = []
    for street in project.areas.streets(ctx.buurt.id):
        ctx.area_types[street.id] = area_type_of(street.area_type, ctx.buurt.area_type)
        n, judged, below = counts.get(street.id, (0, 0, 0))
        out.append(StreetStatus(street.id, street.name, street.house_numbers, ctx.area_type(street.id),
                                street.position, n, judged, below, street.id in done))
    return out


def street_counts(project: Project, ctx: RoundContext, street_id: str) -> tuple[int, int, int, bool]:
    """``(findings, judged, below_norm, done)`` of one street, after an edit there."""
    counts = _count(ctx, project.findings.level_counts(ctx.round.id, street_id))
    n, judged, below = counts.get(street_id, (0, 0, 0))
    done = street_id in project.rounds.done_streets(ctx.round.id)
    return n, judged, below, done


def totals(statuses: Sequence[StreetStatus]) -> RoundTotals:
    return RoundTotals(
        streets=len(statuses), done=sum(s.done for s in statuses),
        findings=sum(s.findings for s in statuses), judged=sum(s.judged for s in statuses),
        below_norm=sum(s.below_norm for s in statuses))


@dataclass
class FindingRow:
    """One line of a street's finding table."""

    id: str
    street_id: str
    number: str
    spot: str
    element: str
    aspect: str
    element_name: str
    aspect_name: str
    category: str
    level: Level | None
    not_applicable: bool
    choice: str | None
    text: str
    priority: str
    photo_count: int
    action_party: str | None
    action_status: str | None
    action_due: str | None
    norm: Level | None
    below_norm: bool
    created_at: str
    #: the action's due date passed while it is still open (the one overdue rule)
    action_overdue: bool = False


def finding_rows(project: Project, ctx: RoundContext, street_id: str) -> list[FindingRow]:
    return [_row(ctx, r) for r in project.findings.list(ctx.round.id, street_id)]


def finding_row(project: Project, ctx: RoundContext, finding_id: str) -> FindingRow | None:
    finding = project.findings.one(finding_id, include_deleted=True)
    for row in project.findings.list(ctx.round.id, finding.street_id):
        if row["id"] == finding_id:
            return _row(ctx, row)
    return None


def _row(ctx: RoundContext, r: dict[str, Any]) -> FindingRow:
    item = ctx.item(r["element"], r["aspect"])
    level = Level.parse(r["level"]) if r["level"] else None
    judged = judge(ctx.profile, r["element"], r["aspect"], level, bool(r["not_applicable"]),
                   ctx.area_type(r["street_id"]), has_level=item is not None and item[1].has_level)
    return FindingRow(
        id=r["id"], street_id=r["street_id"], number=r["number"] or "", spot=r["spot"] or "",
        element=r["element"], aspect=r["aspect"],
        element_name=item[0].name if item else r["element"],
        aspect_name=item[1].name if item else r["aspect"],
        category=item[1].category if item else "",
        level=level, not_applicable=bool(r["not_applicable"]), choice=r["choice"],
        text=r["text"] or "", priority=r["priority"] or "normaal", photo_count=r["photo_count"] or 0,
        action_party=r["action_party"], action_status=r["action_status"], action_due=r["action_due"],
        norm=judged.norm, below_norm=judged.below,
        created_at=r["created_at"],
        action_overdue=bool(r["action_status"]) and is_overdue(
            date.fromisoformat(r["action_due"]) if r["action_due"] else None, ActionStatus(r["action_status"]),
            date.today()),
    )


# -- one finding -----------------------------------------------------------------------
@dataclass
class FindingDetail:
    finding: Finding
    action: Action | None
    photos: list[Photo]


def finding_detail(project: Project, finding_id: str) -> FindingDetail:
    finding = project.findings.one(finding_id, include_deleted=True)
    return FindingDetail(finding, project.actions.for_finding(finding_id),
                         project.photos.for_finding(finding_id))


def new_finding(project: Project, ctx: RoundContext, street_id: str, element: str | None = None,
                aspect: str | None = None) -> Finding:
    """An empty finding on a street, for the item given (or the form's first); with an
    element but no aspect, that element's first aspect (the one its list starts with)."""
    item = ctx.item(element or "", aspect or "") if element and aspect else None
    known = ctx.form.element(element) if element and item is None else None
    if known is not None and known.aspects:
        item = (known, known.aspects[0])
    if item is None:
        item = next(ctx.form.items())
    finding = Finding(round_id=ctx.round.id, street_id=street_id, element=item[0].id, aspect=item[1].id)
    return project.findings.add(finding)


def _value_of(finding: Finding, key: str) -> Any:
    value = getattr(finding, key)
    if isinstance(value, Level):
        return value.value
    return value


def _checked_position(lat: Any, lon: Any) -> tuple[float | None, float | None]:
    """A finding's WGS84 position as set on the map: both degrees or neither (placing on
    the map, dragging a marker and their undo all come through here)."""
    if lat is None and lon is None:
        return None, None
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        raise SchouwError("map_bad_position", lat=lat, lon=lon) from None
    if not (math.isfinite(la) and math.isfinite(lo)) or abs(la) > 90 or abs(lo) > 180:
        raise SchouwError("map_bad_position", lat=lat, lon=lon)
    return la, lo


def edit_finding(project: Project, ctx: RoundContext, finding_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Apply some field changes to a finding and return the old values of everything
    that changed (so an undo can put them back).

    Changing the item clears a level or choice that no longer fits it. A level is
    given as "A+".."D", "n.v.t." or None; setting one clears "n.v.t." and vice versa.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    finding = project.findings.one(finding_id, include_deleted=True)
    new = {key: _value_of(finding, key) for key in EDITABLE}
    new.update(changes)
    if "level" in changes:
        level = changes["level"]
        if level == NOT_APPLICABLE:
            new["level"], new["not_applicable"] = None, True
        else:
            new["not_applicable"] = bool(changes.get("not_applicable", False))
    element, aspect = new["element"], new["aspect"]
    item = ctx.item(element, aspect)
    if item is None:
        raise SchouwError("unknown_item", item=f"{element}.{aspect}", form=ctx.form.key,
                          example=ctx.form.item_keys()[0])
    if not item[1].has_level:
        new["level"], new["not_applicable"] = None, False
    if item[1].scale != "choice":
        new["choice"] = None
    elif new["choice"] not in item[1].choices:
        new["choice"] = None
    if not item[1].time_of_day:
        new["time_of_day"] = ""
    if new["not_applicable"] and "priority" not in changes:
        # n.v.t. has no priority (domain rule): choosing it puts the default back in the
        # same, undoable, edit instead of refusing the walker's choice.
        new["priority"] = DEFAULT_PRIORITY
    judged_now = "level" in changes or "not_applicable" in changes
    # The same validation as a finding added from the command line (one rule, one message).
    value, new["priority"] = check_finding(
        ctx.form, f"{element}.{aspect}", level=NOT_APPLICABLE if new["not_applicable"] else new["level"],
        choice=new["choice"], priority=new["priority"],
        has_action=judged_now and project.actions.for_finding(finding_id) is not None, allowed_levels=ctx.levels)
    new["level"] = value.level.value if value.level is not None else None
    new["not_applicable"], new["choice"] = value.not_applicable, value.choice
    for key in ("house_number", "spot", "description", "time_of_day"):
        new[key] = (new[key] or "").strip() if key != "description" else (new[key] or "").rstrip()
    check_text(house_number=new["house_number"], spot=new["spot"], description=new["description"])
    new["lat"], new["lon"] = _checked_position(new["lat"], new["lon"])
    old = {key: _value_of(finding, key) for key in EDITABLE}
    diff = {key: new[key] for key in EDITABLE if new[key] != old[key]}
    if diff:
        project.findings.update(finding_id, **diff)
    return {key: old[key] for key in diff}


def set_action(project: Project, finding_id: str, *, wanted: bool, party: str = "",
               due: date | None = None) -> tuple[bool, str, date | None]:
    """Give the finding an action (actiepunt) with a party and due date, or take it away.

    Returns the previous ``(wanted, party, due)`` for undo. The action row is soft-deleted
    and brought back rather than made anew, so its status history survives.
    """
    check_text(party=party)
    existing = project.actions.any_for_finding(finding_id)
    before = (existing is not None and existing.deleted_at is None,
              existing.party if existing else "", existing.due_date if existing else None)
    party = party.strip()
    if wanted:
        check_action_allowed(project.findings.one(finding_id, include_deleted=True).not_applicable)
    with project.atomic():
        if not wanted:
            if before[0]:
                project.actions.delete_for_finding(finding_id)
            return before
        if existing is None:
            project.actions.add(Action(finding_id=finding_id, party=party, due_date=due))
            return before
        if existing.deleted_at is not None:
            project.actions.undelete(existing.id)
        if existing.party != party or existing.due_date != due:
            project.actions.update(existing.id, party=party, due_date=due)
    return before


def delete_finding(project: Project, finding_id: str) -> bool:
    """Soft-delete a finding and its action. Returns whether it had a live action, which
    :func:`restore_finding` needs to bring both back."""
    with project.atomic():
        had_action = project.actions.for_finding(finding_id) is not None
        project.findings.delete(finding_id)
        if had_action:
            project.actions.delete_for_finding(finding_id)
    return had_action


def restore_finding(project: Project, finding_id: str, with_action: bool) -> None:
    with project.atomic():
        project.findings.undelete(finding_id)
        action = project.actions.any_for_finding(finding_id) if with_action else None
        if action is not None and action.deleted_at is not None:
            project.actions.undelete(action.id)


def remove_photo(project: Project, photo_id: str) -> None:
    project.photos.delete(photo_id)


def restore_photo(project: Project, photo_id: str) -> None:
    project.photos.undelete(photo_id)


def thumbnail(project: Project, photo_id: str) -> bytes | None:
    return project.photos.blob(photo_id, "thumb")


def photo_image(project: Project, photo_id: str) -> bytes | None:
    return project.photos.blob(photo_id, "jpeg")


def set_street_done(project: Project, ctx: RoundContext, street_id: str, done: bool) -> None:
    project.rounds.set_street_done(ctx.round.id, street_id, done)


def mark_street(project: Project, round_id: str, street: str, done: bool) -> tuple[Street, RoundTotals]:
    """Mark a street of the round walked (or not) by its name, as the CLI does; the app
    calls :func:`set_street_done` with the street it shows. Returns the street and the
    round's totals after the change."""
    ctx = load_round(project, round_id)
    found = project.areas.find_street(ctx.buurt.id, street)
    set_street_done(project, ctx, found.id, done)
    return found, totals(street_statuses(project, ctx))


def add_street(project: Project, ctx: RoundContext, name: str) -> Street:
    """A street the list lacks, met on the way: added to the buurt at the end."""
    name = " ".join(name.split())
    if not name:
        raise SchouwError("streets_none", path=ctx.buurt.name)
    existing = [s for s in project.areas.streets(ctx.buurt.id) if s.name.casefold() == name.casefold()]
    if existing:
        return existing[0]
    position = max((s.position for s in project.areas.streets(ctx.buurt.id)), default=0) + 1
    street = Street(buurt_id=ctx.buurt.id, name=name,
                    woonplaats=next((s.woonplaats for s in project.areas.streets(ctx.buurt.id)), ""),
                    position=position)
    project.areas.add_streets([street])
    ctx.area_types[street.id] = area_type_of(street.area_type, ctx.buurt.area_type)
    return street


# -- starting a round ----------------------------------------------------------------------
@dataclass
class BuurtChoice:
    buurt: Buurt
    wijk: Wijk | None
    streets: int

    @property
    def label(self) -> str:
        return f"{self.wijk.name} / {self.buurt.name}" if self.wijk else self.buurt.name


def buurt_choices(project: Project) -> list[BuurtChoice]:
    wijken = {w.id: w for w in project.areas.wijken()}
    out = [BuurtChoice(b, wijken.get(b.wijk_id), len(project.areas.streets(b.id)))
           for b in project.areas.buurten()]
    return sorted(out, key=lambda c: c.label.casefold())


def form_choices(project: Project) -> list[Form]:
    """The forms on this machine, plus those only found in the project file."""
    from schouw.services.forms import available_forms

    forms = dict(available_forms())
    for form in project.forms.all():
        forms.setdefault(form.id, form)
    return sorted(forms.values(), key=lambda f: (f.kind != "beeldkwaliteit", f.title))


@dataclass
class TeamMember:
    name: str
    organisation: str = ""
    role: str = "overig"


def start_round(project: Project, *, buurt_id: str, form_id: str, when: date, title: str = "",
                team: Sequence[TeamMember] = (), kind: str = "knelpunten", points: int | None = None,
                seed: int | None = None) -> Round:
    """Make a round with its team in one go: a failure leaves no half round behind.
    ``kind``, ``points`` and ``seed`` go to :func:`create_round` unchanged, so the app's
    dialog refuses a meting exactly as ``schouw round new --kind meting`` does."""
    from schouw.services.rounds import add_participant, create_round

    buurt = project.areas.buurt(buurt_id)
    if buurt is None:
        raise SchouwError("unknown_buurt", name=buurt_id, hint="")
    wijk = project.areas.wijk(buurt.wijk_id)
    with project.atomic():
        round_ = create_round(project, buurt=buurt.name, wijk=wijk.name if wijk else None,
                              form_id=form_id, when=when, title=title.strip(), kind=kind, points=points,
                              seed=seed)
        for member in team:
            if member.name.strip():
                add_participant(project, round_.id, member.name, member.organisation, member.role)
    return round_


def recent_people(project: Project) -> list[TeamMember]:
    return [TeamMember(r["name"], r["organisation"] or "", r["role"] or "overig")
            for r in project.rounds.recent_people()]


def known_parties(project: Project) -> list[str]:
    return project.actions.parties()


def rounds(project: Project) -> list[dict[str, Any]]:
    return project.rounds.list()
