"""Recording findings with their photos and action."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schouw.domain.findings import check_finding
from schouw.domain.levels import ALL_LEVELS
from schouw.domain.models import Action, Finding, Photo
from schouw.domain.text import check_text
from schouw.messages import SchouwError
from schouw.store.project import Project


@dataclass
class PhotoOutcome:
    added: list[Photo]
    refused: list[SchouwError]
    duplicates: list[str]


def photo_record(prepared, finding_id: str = "", position: int = 0) -> tuple[Photo, dict[str, bytes]]:
    """A PreparedPhoto (photos layer) as a store row plus its copies."""
    photo = Photo(
        finding_id=finding_id, sha256=prepared.sha256, width=prepared.width, height=prepared.height,
        source_name=prepared.source_name, taken_at=prepared.taken_at, lat=prepared.lat,
        lon=prepared.lon, position=position,
        original_size=prepared.source_size or (len(prepared.original) if prepared.original else None),
    )
    blobs = {"jpeg": prepared.jpeg, "thumb": prepared.thumb, "report": prepared.report}
    if prepared.original:
        blobs["original"] = prepared.original
    return photo, blobs


def prepare_all(paths: Sequence[str | Path], *, keep_original: bool = False,
                progress: Callable[[int, int], bool] | None = None):
    """Prepare photos (the slow part) outside any transaction. A bad file is refused
    with its own message; the others go on. ``progress`` returning False cancels."""
    from schouw.photos import prepare_photo

    prepared, refused = [], []
    for n, path in enumerate(paths, start=1):
        try:
            prepared.append(prepare_photo(Path(path), keep_original=keep_original))
        except SchouwError as error:
            refused.append(error)
        if progress is not None and progress(n, len(paths)) is False:
            break
    return prepared, refused


def add_finding(
    project: Project,
    round_id: str,
    *,
    street: str,
    item: str,
    level: str | None = None,
    choice: str | None = None,
    number: str = "",
    spot: str = "",
    text: str = "",
    priority: str = "normaal",
    party: str | None = None,
    due: date | None = None,
    photos: Sequence[str | Path] = (),
    strict_photos: bool = True,
) -> tuple[Finding, list[SchouwError]]:
    """Validate and store one finding, its action and photos in one transaction.

    With ``strict_photos`` (the CLI) one unreadable photo refuses the whole finding,
    so nothing is half-recorded; the GUI passes False and shows which photos were
    refused while keeping the finding.
    """
    check_text(street_id=street, house_number=number, spot=spot, description=text, party=party)
    round_ = project.rounds.get(round_id)
    form = project.forms.get(round_.form_key)
    if form is None:
        raise SchouwError("unknown_form", id=round_.form_key, available="-")
    street_row = project.areas.find_street(round_.buurt_id, street)
    profile = project.forms.profile(round_.profile_id) if round_.profile_id else None
    value, priority = check_finding(form, item, level=level, choice=choice, priority=priority,
                                    has_action=bool(party and party.strip()),
                                    allowed_levels=tuple(profile.levels) if profile is not None else ALL_LEVELS)
    prepared, refused = prepare_all(photos)
    if refused and strict_photos:
        raise refused[0]
    first_gps = next((p for p in prepared if p.lat is not None), None)
    finding = Finding(
        round_id=round_.id, street_id=street_row.id, element=value.element.id, aspect=value.aspect.id,
        level=value.level, not_applicable=value.not_applicable, choice=value.choice,
        house_number=number.strip(), spot=spot.strip(), description=text.strip(), priority=priority,
        lat=first_gps.lat if first_gps else None, lon=first_gps.lon if first_gps else None,
        observed_at=next((p.taken_at for p in prepared if p.taken_at), None),
    )
    action = Action(finding_id=finding.id, party=party.strip(), due_date=due) if party and party.strip() else None
    seen: set[str] = set()
    records = []
    for n, p in enumerate(prepared):
        if p.sha256 in seen:
            continue
        seen.add(p.sha256)
        records.append(photo_record(p, finding.id, n))
    stored = project.findings.add(finding, action, records)
    return stored, refused


def _take_position(project: Project, finding: Finding, prepared) -> Finding:
    """A finding with no location yet takes the photo's GPS position (and time): the
    photo was taken where the problem is, and typing coordinates in the street is not
    an option. A position already set (by hand or by an earlier photo) is kept."""
    changes = {}
    if finding.lat is None and prepared.lat is not None and prepared.lon is not None:
        changes.update(lat=prepared.lat, lon=prepared.lon)
    if finding.observed_at is None and prepared.taken_at:
        changes["observed_at"] = prepared.taken_at
    if not changes:
        return finding
    project.findings.update(finding.id, **changes)
    return finding.model_copy(update=changes)


def add_photos(project: Project, finding_id: str, paths: Sequence[str | Path], *,
               keep_original: bool = False,
               progress: Callable[[int, int], bool] | None = None) -> PhotoOutcome:
    """Add photos to an existing finding, each in its own transaction, so a crash or a
    cancel keeps every photo that was finished. Duplicates (same bytes) are skipped."""
    from schouw.photos import prepare_photo

    finding = project.findings.get(finding_id)
    outcome = PhotoOutcome([], [], [])
    position = len(project.photos.for_finding(finding.id))
    for n, path in enumerate(paths, start=1):
        try:
            prepared = prepare_photo(Path(path), keep_original=keep_original)
        except SchouwError as error:
            outcome.refused.append(error)
        else:
            if project.photos.find_by_hash(finding.id, prepared.sha256):
                outcome.duplicates.append(prepared.source_name)
            else:
                photo, blobs = photo_record(prepared, finding.id, position)
                with project.atomic():
                    outcome.added.append(project.photos.add(photo, blobs))
                    finding = _take_position(project, finding, prepared)
                position += 1
        if progress is not None and progress(n, len(paths)) is False:
            break
    return outcome


@dataclass
class PhotoStorage:
    """What the photos of a project take, and what keeping originals costs."""
    photos: int
    stored_bytes: int        # every copy in the file (master, thumbnail, report, originals)
    originals_kept: int      # photos whose original bytes are in the file
    originals_bytes: int     # the bytes those originals take
    source_bytes: int        # the size of every imported source file (known ones)
    source_known: int        # photos whose source size was recorded

    @property
    def originals_missing_bytes(self) -> int:
        """What keeping the originals of the photos imported without them would have cost."""
        return max(0, self.source_bytes - self.originals_bytes)


def photo_storage(project: Project) -> PhotoStorage:
    by_kind = project.photos.storage_bytes()
    stats = project.photos.original_stats()
    return PhotoStorage(photos=stats["photos"], stored_bytes=sum(by_kind.values()),
                        originals_kept=stats["kept"], originals_bytes=by_kind.get("original", 0),
                        source_bytes=stats["source_bytes"], source_known=stats["source_known"])
