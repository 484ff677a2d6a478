"""From findings to what goes to the municipality: which findings go (the profile's
selection rule), and each one as an :class:`OutgoingReport`.

The report is made when it is sent, not when it is queued, so a description edited
after queueing goes out as it is now. Photos leave only as the privacy-masked export
copy without metadata (``schouw.photos.export_copy``).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from schouw.domain.actions import ActionStatus
from schouw.domain.levels import NOT_APPLICABLE
from schouw.domain.norms import area_type_of, judge, norm_for
from schouw.domain.parties import matches_any
from schouw.domain.profile import Profile
from schouw.exchange.mor.base import Address, OutgoingPhoto, OutgoingReport, uuid_tag
from schouw.exchange.mor.profile import SyncProfile
from schouw.messages import SchouwError
from schouw.store.outbox import OutboxRepo, OutboxRow

if TYPE_CHECKING:
    from schouw.store.project import Project

log = logging.getLogger(__name__)

#: Open311 allows 4,000 characters, Signalen 3,000; stay below both with room to spare.
MAX_DESCRIPTION = 2900


# -- which findings go ------------------------------------------------------------------
def party_matches(party: str | None, parties: list[str]) -> bool:
    """True when the action's party is one of ``parties`` (the domain's one rule: the whole
    name, case-insensitive); an empty list means any party, and no action at all is then
    fine too."""
    if not parties:
        return True
    return matches_any(party, parties)


def below_norm(quality: Profile | None, element: str, aspect: str, level: str | None,
               not_applicable: bool, area_type: str | None) -> bool:
    """Level lower than the norm for this aspect in this area type: the one judging rule
    (:func:`schouw.domain.norms.judge`) the scores use too."""
    return judge(quality, element, aspect, level, not_applicable, area_type).below


class Selector:
    """The profile's automatic rule, with the quality profiles looked up once."""

    def __init__(self, project: Project, profile: SyncProfile):
        self.project = project
        self.profile = profile
        self._quality: dict[str | None, Profile | None] = {}

    def quality(self, profile_id: str | None) -> Profile | None:
        if profile_id not in self._quality:
            try:
                self._quality[profile_id] = self.project.forms.profile(profile_id) if profile_id else None
            except SchouwError:
                self._quality[profile_id] = None
        return self._quality[profile_id]

    def wants(self, row: dict[str, Any]) -> bool:
        """One candidate row (``OutboxRepo.candidates``) against the rule."""
        selection = self.profile.selection
        if row.get("mor_id"):
            return False  # sent already, from another copy of this project
        status = row.get("action_status")
        if status and ActionStatus(status).is_closed:
            return False
        if selection.parties and not row.get("action_id"):
            return False
        if not party_matches(row.get("action_party"), selection.parties):
            return False
        if selection.below_norm:
            area_type = area_type_of(row.get("street_area_type"), row.get("buurt_area_type"))
            return below_norm(self.quality(row.get("profile_id")), row["element"], row["aspect"],
                              row.get("level"), bool(row.get("not_applicable")), area_type)
        # below_norm = false: every finding whose action lies with the parties
        return bool(row.get("action_id"))

    def candidates(self) -> list[dict[str, Any]]:
        repo = OutboxRepo(self.project)
        needs_action = bool(self.profile.selection.parties) or not self.profile.selection.below_norm
        return [row for row in repo.candidates(with_action_only=needs_action) if self.wants(row)]


def queue_finding(project: Project, finding_id: str, reason: str = "hand") -> bool:
    """Put one finding in the outbox (a user marked it to go). Call it inside the
    transaction that records the user's decision; returns False when it was queued
    before (never twice)."""
    project.findings.get(finding_id)
    return OutboxRepo(project).enqueue(finding_id, reason)


def queue_selected(project: Project, profile: SyncProfile) -> list[str]:
    """Queue every finding the profile's rule picks, in one transaction. Returns the
    finding ids queued now."""
    selector = Selector(project, profile)
    repo = OutboxRepo(project)
    queued: list[str] = []
    with project.atomic():
        for row in selector.candidates():
            if repo.enqueue(row["finding_id"], "auto"):
                queued.append(row["finding_id"])
    return queued


def queue_if_selected(project: Project, finding_id: str, profile: SyncProfile) -> bool:
    """For the place where the user sets an action's party: queue the finding in that
    same transaction when the profile's rule picks it."""
    selector = Selector(project, profile)
    rows = [r for r in OutboxRepo(project).candidates(with_action_only=False) if r["finding_id"] == finding_id]
    return bool(rows) and selector.wants(rows[0]) and OutboxRepo(project).enqueue(finding_id, "auto")


# -- what goes out --------------------------------------------------------------------------
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def slug(text: str, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("-", ascii_text).strip("-")[:limit].strip("-")


def photo_filename(street: str, number: str, element: str, aspect: str, n: int) -> str:
    place = slug(street) or "straat"
    if slug(number, 12):
        place += "-" + slug(number, 12)
    return f"{place}_{slug(element, 24)}-{slug(aspect, 24)}_{n}.jpg"


@dataclass(frozen=True)
class ReportContext:
    """Names and norms for the text, looked up once per finding."""

    element_name: str
    aspect_name: str
    level: str | None
    norm: str | None
    area_type: str
    street: str
    woonplaats: str
    round_title: str
    round_date: str
    party: str


def _street_point(geometry: dict | None) -> tuple[float, float] | None:
    """The middle of a street's line (lat, lon): where a finding on "the street" is."""
    if not geometry:
        return None
    try:
        from shapely.geometry import shape

        line = shape(geometry)
        point = line.interpolate(0.5, normalized=True) if line.geom_type.endswith("LineString") else line.centroid
        return point.y, point.x
    except Exception:  # noqa: BLE001 - a broken geometry only costs the position
        return None


def build_report(project: Project, row: OutboxRow, profile: SyncProfile, *,
                 with_photos: bool = True) -> OutgoingReport:
    """The finding of one outbox row as it goes out now."""
    finding = project.findings.get(row.finding_id, include_deleted=True)
    street = project.areas.street(finding.street_id)
    buurt = project.areas.buurt(street.buurt_id) if street else None
    round_ = project.rounds.get(finding.round_id)
    form = project.forms.get(round_.form_key)
    quality = project.forms.profile(round_.profile_id) if round_.profile_id else None
    action = project.actions.for_finding(finding.id)
    item = form.find(finding.element, finding.aspect) if form else None
    element_name = item[0].name if item else finding.element
    aspect_name = item[1].name if item else finding.aspect
    area_type = area_type_of(street.area_type if street else None, buurt.area_type if buurt else None)
    norm = norm_for(quality, finding.element, finding.aspect, area_type,
                    has_level=bool(item and item[1].has_level))
    level = NOT_APPLICABLE if finding.not_applicable else (finding.level.value if finding.level else None)
    ctx = ReportContext(
        element_name=element_name, aspect_name=aspect_name, level=level,
        norm=norm.value if norm else None, area_type=area_type,
        street=street.name if street else "", woonplaats=street.woonplaats if street else "",
        round_title=round_.title, round_date=round_.date.isoformat(),
        party=action.party if action else "")

    lat, lon = finding.lat, finding.lon
    fallback = None
    if (lat is None or lon is None) and street is not None:
        point = _street_point(street.geometry)
        if point and not finding.house_number:
            lat, lon = point
        else:
            fallback = point
    title = title_for(ctx, finding.house_number, finding.choice)
    photos: tuple[OutgoingPhoto, ...] = ()
    if with_photos:
        photos = tuple(_photos(project, finding.id, ctx, finding.house_number))
    extra = {
        "element": finding.element, "aspect": finding.aspect, "element_name": element_name,
        "aspect_name": aspect_name, "level": level or "", "norm": ctx.norm or "",
        "area_type": area_type, "round": round_.id, "round_date": ctx.round_date,
        "party": ctx.party, "choice": finding.choice or "", "spot": finding.spot,
    }
    return OutgoingReport(
        outbox_id=row.id, finding_id=finding.id,
        service_code=profile.service_for(finding.element, finding.aspect),
        title=title, description=description_for(ctx, finding, title),
        lat=lat, lon=lon,
        address=Address(street=ctx.street, number=finding.house_number, woonplaats=ctx.woonplaats)
        if street else None,
        observed_at=finding.observed_at or finding.created_at,
        priority=finding.priority if finding.priority in ("laag", "normaal", "hoog", "spoed") else "normaal",
        photos=photos, extra=extra, fallback_position=fallback)


def title_for(ctx: ReportContext, number: str, choice: str | None) -> str:
    """One line: "Onkruid — Asfaltverharding (C) — Merelstraat 12a"."""
    what = ctx.aspect_name if ctx.aspect_name == ctx.element_name else f"{ctx.aspect_name} — {ctx.element_name}"
    judged = ctx.level or choice
    if judged:
        what += f" ({judged})"
    place = " ".join(p for p in (ctx.street, number) if p)
    return f"{what} — {place}" if place else what


def description_for(ctx: ReportContext, finding, title: str) -> str:
    """Element, aspect, level against the norm, place, text, and the tag that finds the
    request again. The tag sits right under the title so no trimming can cut it."""
    lines = [title, uuid_tag(finding.id)]
    if ctx.level and ctx.level != NOT_APPLICABLE:
        norm = f" (norm {ctx.norm} voor {ctx.area_type})" if ctx.norm else ""
        lines.append(f"Beeldkwaliteit: {ctx.level}{norm}")
    elif finding.choice:
        lines.append(f"Waarneming: {finding.choice}")
    place = " ".join(p for p in (ctx.street, finding.house_number) if p)
    if ctx.woonplaats:
        place += f", {ctx.woonplaats}"
    lines.append(f"Locatie: {place}")
    if finding.spot:
        lines.append(f"Plek: {finding.spot}")
    if finding.time_of_day:
        lines.append(f"Tijdstip: {finding.time_of_day}")
    if finding.description:
        lines.append("")
        lines.append(finding.description)
    lines.append("")
    when = "" if ctx.round_date in ctx.round_title else f" ({ctx.round_date})"
    lines.append(f"Wijkschouw: {ctx.round_title}{when}" + (f"; actiehouder {ctx.party}" if ctx.party else ""))
    text = "\n".join(lines)
    if len(text) > MAX_DESCRIPTION:
        text = text[: MAX_DESCRIPTION - 1].rstrip() + "…"
    return text


def _photos(project: Project, finding_id: str, ctx: ReportContext, number: str):
    from schouw.photos import Mask, export_copy

    for n, photo in enumerate(project.photos.for_finding(finding_id), start=1):
        master = project.photos.blob(photo.id, "jpeg")
        if master is None:
            continue
        masks = [Mask.from_dict(m) for m in photo.masks]
        # never an unmasked copy: a failure here stops this report (it stays queued)
        data = export_copy(master, masks)
        yield OutgoingPhoto(photo_id=photo.id, jpeg=data,
                            filename=photo_filename(ctx.street, number, ctx.element_name, ctx.aspect_name, n))
