"""Making the PDF reports of a round: the use case behind `schouw report` and the
report dialog.

This is where the project is read: the round, its buurt and streets, findings with
their actions and photo records, the team, and every earlier round of the buurt.
The user chooses the profile (:func:`schouw.services.profiles.profile_for_report`:
by default the one in force at the round, or the current one, or another); the round
*and* every earlier round in its trend are scored under that same profile, so the
trend stays honest after a norm changed, and the report says which profile it used. The report package gets plain values and a photo loader; photo bytes
are fetched one by one while the pages are laid out.

The PDF is written to a temporary file beside the target and moved into place at the
end, so a cancelled or failed build never leaves half a PDF or clobbers an older one.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schouw.domain.findings import report_order
from schouw.domain.models import Finding, Round
from schouw.domain.norms import area_type_of, judge
from schouw.domain.parties import find_party
from schouw.domain.profile import Profile
from schouw.domain.scoring import RoundPoint, compare, score_round
from schouw.messages import SchouwError
from schouw.report import (
    KINDS,
    ActionEntry,
    FindingEntry,
    ParticipantEntry,
    PhotoRef,
    ReportCancelled,
    ReportData,
    StreetEntry,
    render,
)
from schouw.report.model import RecheckEntry
from schouw.services.feedback import MaskedPhotos, status_since, write_csv
from schouw.services.profiles import AT_ROUND, profile_for_report
from schouw.store.project import Project

log = logging.getLogger(__name__)

#: Progress is reported as (done, TOTAL): gathering takes the first 5 %, layout up to
#: 95 %, writing the file the rest.
TOTAL = 1000
_GATHER, _LAYOUT = 50, 950


@dataclass(frozen=True)
class ReportResult:
    path: Path
    kind: str
    pages: int
    findings: int
    photos: int
    actions: int
    #: What the user should know though the report was made (a configured logo left
    #: out), one line each in the user's language.
    warnings: tuple[str, ...] = ()


def _check(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise ReportCancelled()


def _score(project: Project, round_: Round, profile: Profile | None, area_type: str,
           street_types: dict[str, str | None], street_ids: list[str], findings: list[Finding] | None = None):
    form = project.forms.get(round_.form_key)
    if form is None:
        return None
    if findings is None:
        findings = project.findings.models(round_.id)
    return score_round(findings, form, profile, area_type=area_type, street_area_types=street_types,
                       streets=street_ids, done_streets=project.rounds.done_streets(round_.id))


def gather(project: Project, round_id: str, *, logo: str | Path | None = None, today: date | None = None,
           cancel: Callable[[], bool] | None = None,
           progress: Callable[[int, int], None] | None = None,
           warnings: list[str] | None = None, profile_choice: str = AT_ROUND) -> ReportData:
    """Everything a report of ``round_id`` shows, read from ``project``, scored under the
    profile ``profile_choice`` picks (see :func:`profile_for_report`); lines the user
    should see beside the result are appended to ``warnings``."""
    round_ = project.rounds.get(round_id)
    form = project.forms.get(round_.form_key)
    if form is None:
        raise SchouwError("unknown_form", id=round_.form_key, available="-")
    use = profile_for_report(project, round_, profile_choice)
    profile = use.profile
    buurt = project.areas.buurt(round_.buurt_id)
    if buurt is None:
        raise SchouwError("unknown_buurt", name=round_.buurt_id, hint="")
    wijk = project.areas.wijk(buurt.wijk_id)
    streets = project.areas.streets(buurt.id)
    done = project.rounds.done_streets(round_.id)
    findings = project.findings.models(round_.id)
    known = {s.id for s in streets}
    for missing in dict.fromkeys(f.street_id for f in findings if f.street_id not in known):
        street = project.areas.street(missing)  # e.g. a street deleted after the walk
        if street is not None:
            streets.append(street)
    street_by_id = {s.id: s for s in streets}
    street_types = {s.id: s.area_type for s in streets}
    findings = report_order(findings, [s.id for s in streets])  # numbered as on the map

    score = score_round(findings, form, profile, area_type=buurt.area_type, street_area_types=street_types,
                        streets=[s.id for s in streets], done_streets=done)
    current = RoundPoint(round_.id, round_.date, round_.title, score)
    earlier = []
    for other in project.rounds.rounds_of_buurt(buurt.id):
        if other.id == round_.id or other.date > round_.date:
            continue
        if other.kind != round_.kind:  # counts compare with counts, metingen with metingen
            continue
        _check(cancel)
        other_score = _score(project, other, profile, buurt.area_type, street_types, [])
        if other_score is not None:
            earlier.append(RoundPoint(other.id, other.date, other.title, other_score))
    history = compare(current, earlier, profile)

    entries: list[FindingEntry] = []
    for n, f in enumerate(findings, start=1):
        if n % 25 == 0:
            _check(cancel)
            if progress is not None:
                progress(int(_GATHER * n / max(1, len(findings))), TOTAL)
        found = form.find(f.element, f.aspect)
        element_name = found[0].name if found else f.element
        aspect_name = found[1].name if found else f.aspect
        category = found[1].category if found else ""
        street = street_by_id.get(f.street_id)
        area_type = area_type_of(street.area_type if street else None, buurt.area_type)
        norm = judge(profile, f.element, f.aspect, f.level, f.not_applicable, area_type,
                     has_level=bool(found and found[1].has_level)).norm
        action = project.actions.for_finding(f.id)
        since = status_since(project, action) if action else None
        photos = tuple(PhotoRef(p.id, p.width, p.height, p.caption, p.taken_at)
                       for p in project.photos.for_finding(f.id))
        entries.append(FindingEntry(
            number=n, id=f.id, street_id=f.street_id, street=street.name if street else "?",
            element=element_name, aspect=aspect_name, category=category, level=f.level,
            not_applicable=f.not_applicable, choice=f.choice, norm=norm, area_type=area_type,
            house_number=f.house_number, spot=f.spot, description=f.description, priority=f.priority,
            time_of_day=f.time_of_day, observed_at=f.observed_at, lat=f.lat, lon=f.lon, photos=photos,
            action=ActionEntry(action.party, action.due_date, action.status.value, action.status_reason,
                               action.mor_id, action.mor_status, since) if action else None,
            item=f"{f.element}.{f.aspect}", publishable=f.publishable,
        ))

    municipality = project.meta("municipality") or (profile.municipality if profile else "")
    logo_path = _logo_path(project, logo, warnings)

    load_photo = _PhotoLoader(project)

    data = ReportData(
        municipality=municipality, project_name=project.meta("name"),
        wijk=wijk.name if wijk else "", wijk_code=wijk.code if wijk else "",
        buurt=buurt.name, buurt_code=buurt.code, buurt_area_type=buurt.area_type,
        round_id=round_.id, round_title=round_.title, round_date=round_.date,
        form_title=form.title, form_version=form.version, profile_name=profile.name if profile else "",
        profile_basis=use.basis, profile_as_of=use.as_of,
        streets=[StreetEntry(s.id, s.name, area_type_of(s.area_type, buurt.area_type), s.house_numbers, s.woonplaats,
                             s.id in done) for s in streets],
        findings=entries,
        participants=list(dict.fromkeys(  # the same person entered twice is listed once
            ParticipantEntry(p.name.strip(), p.organisation.strip(), p.role)
            for p in project.rounds.participants(round_.id))),
        score=score, history=history,
        targets={c: profile.target_for(c) for c in ("totaal", "schoon", "heel")} if profile else {},
        item_names={f"{e.id}.{a.id}": f"{e.name} — {a.name}" for e, a in form.items()},
        choices={f"{e.id}.{a.id}": tuple(a.choices) for e, a in form.items() if a.scale != "crow"},
        logo=logo_path, created=today or date.today(), load_photo=load_photo,
    )
    data.rechecks, data.rechecks_from = _rechecks(project, round_, form, street_by_id)
    _kind(project, data, round_, form, profile, buurt, streets, findings, profile_choice)
    if profile is not None:
        data.levels = tuple(profile.levels)
        data.level_labels = {lv: profile.label(lv) for lv in profile.labels}
    return data


def map_page(project: Project, round_id: str, *, profile=None, width_pt: float = 480,
             warnings: list[str] | None = None):
    """The report's map page: the round's scene (judged under the report's profile) and
    the cached basemap under it when there is one (schouw.services.tiles)."""
    from schouw.report.map_page import MapPage
    from schouw.services.mapscene import map_scene
    from schouw.services.tiles import background_for

    scene = map_scene(project, round_id, profile=profile)
    if scene.is_empty:
        return None
    background = background_for(project, scene.bbox, width_pt * 2)
    if background.warning and warnings is not None:
        warnings.append(background.warning)
    return MapPage(scene, background.tiles, background.attribution)
def _kind(project: Project, data: ReportData, round_: Round, form, profile: Profile | None, buurt, streets,
          findings: list[Finding], profile_choice: str) -> None:
    """What the report of each kind of round shows besides: a knelpuntenschouw its
    counts (never a share); a meting its shares with intervals, its earlier metingen
    scored under the same profile, and the judgement at every point."""
    from schouw.domain.measure import score_meting
    from schouw.domain.models import RoundKind
    from schouw.services.scores import knelpunten_counts

    data.kind = round_.kind.value
    if round_.kind != RoundKind.METING:
        data.counts = knelpunten_counts(project, round_.id, profile_choice=profile_choice)
        return
    types = {s.id: s.area_type for s in streets}
    total, done = project.points.count(round_.id)
    data.meting = score_meting(findings, form, profile, area_type=buurt.area_type, street_area_types=types,
                               points_total=total, points_done=done)
    data.meting_seed = round_.seed
    for other in project.rounds.rounds_of_buurt(buurt.id):
        if other.kind != RoundKind.METING or other.id == round_.id or other.date > round_.date:
            continue
        other_form = project.forms.get(other.form_key)
        if other_form is None:
            continue
        score = score_meting(project.findings.models(other.id), other_form, profile, area_type=buurt.area_type,
                             street_area_types=types, points_total=project.points.count(other.id)[0],
                             points_done=project.points.count(other.id)[1])
        data.meting_history.append((other.title, other.date, score))
    data.meting_history.sort(key=lambda item: item[1])
    names = {s.id: s.name for s in streets}
    judged: dict[str, dict[str, str]] = {}
    for f in findings:
        if f.point_id:
            judged.setdefault(f.point_id, {})[f.item_key] = (
                "n.v.t." if f.not_applicable else f.level.value if f.level is not None else "")
    data.point_rows = [(p.n, names.get(p.street_id, "?"), judged.get(p.id, {}))
                       for p in project.points.list(round_.id)]
    data.indicators = _indicator_entries(project, round_.id)


def _indicator_entries(project: Project, round_id: str) -> list:
    """The indicators a meting feeds, as the report shows them (issue #17)."""
    from schouw.report.indicator_section import IndicatorEntry
    from schouw.services.indicators import fed_by_round

    entries = []
    for row in fed_by_round(project, round_id):
        i, s = row.indicator, row.status
        mine = next((v for v in row.values if v.round_id == round_id), None)
        entries.append(IndicatorEntry(
            name=i.name, area=row.area_name, unit=i.unit, direction=i.direction.value,
            baseline=(i.baseline_value, i.baseline_year), target=(i.target_value, i.target_year),
            this_round=None if mine is None else (mine.value, mine.year),
            latest=None if s.latest is None else (s.latest.value, s.latest.year),
            on_course=s.on_course, target_met=s.target_met))
    return entries


def _rechecks(project: Project, round_: Round, form, street_by_id) -> tuple[list[RecheckEntry], date | None]:
    """The round's re-inspected points (herschouw) in walking order, and the date of the
    round they came from."""
    from schouw.domain.norms import as_level
    from schouw.services.rechecks import points

    rows = points(project, round_.id)
    if not rows:
        return [], None
    position = {sid: i for i, sid in enumerate(street_by_id)}
    rows.sort(key=lambda r: position.get(r["street_id"], len(position)))
    entries = []
    for r in rows:
        found = form.find(r["element"], r["aspect"])
        name = f"{found[0].name} — {found[1].name}" if found else r["item"]
        entries.append(RecheckEntry(
            street_id=r["street_id"], street=r["street"], item=name, number=r["number"], spot=r["spot"],
            previous_level=as_level(r["previous_level"]), previous_choice=r["previous_choice"],
            result=r["result"], level=as_level(r["level"])))
    previous = project.findings.one(rows[0]["follows"], include_deleted=True)
    return entries, project.rounds.get(previous.round_id).date


def check_logo(path: str | Path) -> Path:
    """``path`` as a logo the report can draw: an existing, readable PNG/JPEG/GIF.

    Why check here and not leave it to the layout: ReportLab would either fail deep in
    the build or (as before) the logo was left out without a word, and the coordinator
    found out at the wijkoverleg. The CLI's ``--logo`` and the app call this same check.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise SchouwError("report_logo_missing", path=str(path))
    if not path.is_file():
        raise SchouwError("report_logo_invalid", path=str(path))
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()  # decode it all: a truncated file fails here, not in the PDF
            if image.width < 1 or image.height < 1:
                raise ValueError("0 pixels")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise SchouwError("report_logo_invalid", path=str(path)) from None
    return path


def _logo_path(project: Project, logo: str | Path | None, warnings: list[str] | None = None) -> Path | None:
    """The ``--logo`` file (checked: a clear error when it is missing or no image), else
    the project's ``logo_path`` (relative to the project file). A configured logo that
    is gone or broken is left out with a log line: a report is not refused for a
    setting the user did not give this time."""
    if logo:
        return check_logo(logo)
    configured = project.meta("logo_path")
    if not configured:
        return None
    path = Path(configured).expanduser()
    if not path.is_absolute():
        path = project.path.parent / path
    try:
        return check_logo(path)
    except SchouwError as error:
        log.warning("%s; report made without logo", error.message("en"))
        if warnings is not None:
            warnings.append(SchouwError("report_logo_left_out", reason=error.message()).message())
        return None


#: The file formats a report can be written in; only the terugkoppeling has a CSV form.
FORMATS = ("pdf", "csv")


def output_path(out_path: str | Path, fmt: str = "pdf") -> Path:
    """Where the PDF (or CSV) goes: ``out_path``, with ".pdf" (".csv") added when it has
    another suffix or none ("rapport" -> "rapport.pdf"; a PDF viewer would not open it
    otherwise). An existing folder is an error, never "folder.pdf" beside it."""
    suffix = f".{fmt}"
    given = Path(out_path).expanduser()
    if given.is_dir():
        raise SchouwError("report_out_is_folder", path=str(given), example=str(given / f"rapport{suffix}"))
    out = given if given.suffix.lower() == suffix else given.with_name(given.name + suffix)
    if out.is_dir():
        raise SchouwError("report_out_is_folder", path=str(out), example=str(out / f"rapport{suffix}"))
    if not out.parent.is_dir():
        raise SchouwError("report_folder_missing", folder=str(out.parent))
    return out


def build_report(project: Project, round_id: str, out_path: str | Path, *, kind: str = "round",
                 party: str | None = None, lang: str = "nl",
                 progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None,
                 logo: str | Path | None = None, today: date | None = None,
                 profile_choice: str = AT_ROUND, fmt: str = "pdf", photos: bool = False) -> ReportResult:
    """Write the report of one round to ``out_path``.

    ``kind`` is "round" (the full report) or "actions" (the action list, of one
    ``party`` or all). ``progress(done, total)`` is called from this thread;
    ``cancel()`` returning True stops the build with :class:`ReportCancelled` and
    leaves no file behind. ``profile_choice``: "at-round" (default), "current" or a
    profile id; every round in the trend is scored under the same profile.

    "terugkoppeling" is the feedback for residents (:mod:`schouw.report.feedback_report`):
    ``fmt`` "pdf" or "csv"; ``photos`` puts the points' privacy-masked photos in the PDF.
    """
    if kind not in KINDS:
        raise ValueError(kind)
    if fmt not in FORMATS:
        raise ValueError(fmt)
    if fmt == "csv" and kind != "terugkoppeling":
        raise SchouwError("report_csv_only_feedback")
    out = output_path(out_path, fmt)
    if progress is not None:
        progress(0, TOTAL)
    warnings: list[str] = []
    data = gather(project, round_id, logo=logo, today=today, cancel=cancel, progress=progress,
                  warnings=warnings, profile_choice=profile_choice)
    if kind == "round":
        data.map = map_page(project, data.round_id, warnings=warnings, profile=profile_for_report(
            project, project.rounds.get(data.round_id), profile_choice).profile)
    if kind == "actions" and party:
        party = find_party(party, data.parties())  # the domain's one rule for naming a party
    if kind == "terugkoppeling":
        party = None
        data.load_photo = MaskedPhotos(project)  # residents never see an unmasked photo
    _check(cancel)

    def layout(done: int, total: int) -> None:
        if progress is not None:
            progress(_GATHER + int((_LAYOUT - _GATHER) * done / max(1, total)), TOTAL)

    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        if fmt == "csv":
            from schouw.report.feedback_report import csv_table

            with open(tmp, "wb") as handle:
                write_csv(csv_table(data, lang), handle)
            pages = 0
        elif kind == "terugkoppeling":
            pages = render(data, tmp, kind=kind, lang=lang, progress=layout, cancel=cancel, photos=photos)
        else:
            with _mapped_reads(project, data.load_photo):
                pages = render(data, tmp, kind=kind, party=party, lang=lang, progress=layout, cancel=cancel)
        _check(cancel)
        os.replace(tmp, out)
    except OSError as error:
        raise SchouwError("report_write_failed", path=str(out), detail=error.strerror or str(error)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    if progress is not None:
        progress(TOTAL, TOTAL)
    actions = len(data.actions(party if kind == "actions" else None))
    findings, photo_count = len(data.findings), data.photo_count
    if kind == "terugkoppeling":
        from schouw.report.feedback_report import PHOTOS_PER_POINT, points

        chosen = points(data)
        findings = len(chosen)
        photo_count = sum(min(PHOTOS_PER_POINT, len(f.photos)) for f in chosen) if photos and fmt == "pdf" else 0
    return ReportResult(out, kind, pages, findings, photo_count, actions,  # type: ignore[attr-defined]
                        tuple(warnings))


MMAP_SIZE = 1 << 30


class _PhotoLoader:
    """Fetches a photo's report copy (or, for older photos, the normalised copy).

    A report reads every photo twice (its size while the page is laid out, its bytes
    while the file is written), each a BLOB of ~200 kB over ~50 overflow pages. Read
    through mmap (``Project.mapped_reads``) that is about 5x faster than through read()
    calls (0.15 s against 0.8 s per 1,000 photos here); but mapped pages count in the
    process's memory until unmapped, so every :attr:`REMAP` photos the mapping is
    dropped and made afresh.
    """

    REMAP = 64

    def __init__(self, project: Project) -> None:
        self.project = project
        self.calls = 0
        #: Set while the report is built with mapped reads.
        self.remap: Callable[[], None] | None = None

    def __call__(self, photo_id: str) -> bytes | None:
        if self.remap is not None:
            self.calls += 1
            if self.calls % self.REMAP == 0:
                self.remap()
        photos = self.project.photos
        return photos.blob(photo_id, "report") or photos.blob(photo_id, "jpeg")


@contextlib.contextmanager
def _mapped_reads(project: Project, loader: _PhotoLoader) -> Iterator[None]:
    """The build reads photos through mmap, remapping every ``loader.REMAP`` photos."""
    with project.mapped_reads(MMAP_SIZE) as remap:
        loader.remap = remap
        try:
            yield
        finally:
            loader.remap = None


def parties(project: Project, round_id: str) -> list[str]:
    """The responsible parties with actions in a round (for pickers)."""
    round_ = project.rounds.get(round_id)
    seen: dict[str, str] = {}
    for finding in project.findings.models(round_.id):
        action = project.actions.for_finding(finding.id)
        if action is not None and action.party.strip():
            seen.setdefault(action.party.strip().casefold(), action.party.strip())
    return sorted(seen.values(), key=str.casefold)
