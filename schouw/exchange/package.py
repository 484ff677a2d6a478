"""Writing an export package (exportpakket): one ZIP per round.

Members, in the order they are written::

    fotos/<Straat>-<nr>_<element>-<aspect>_<n>.jpg   privacy-masked export copies, stored
    schouw.json          the round as one versioned document (schema: schouw.schema.json)
    schouw.schema.json   its JSON Schema, generated from the models
    bevindingen.csv      for spreadsheets (see sheets.py for the Dutch Excel rules)
    bevindingen.xlsx     the same with an Actiepunten sheet (when openpyxl is installed)
    bevindingen.geojson  for GIS (RFC 7946)
    manifest.json        every other member with size and SHA-256; written last

The ZIP is written member by member to ``<out>.part`` and renamed when complete, so a
crash or a cancel never leaves a half package under the real name. Photos are read
from the project one at a time and stored uncompressed (JPEG does not shrink further;
deflating it only costs time); text members are deflated.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from schouw import __version__
from schouw.domain.forms import Form, parse_form
from schouw.domain.models import new_id, utc_now
from schouw.domain.profile import Profile, parse_profile
from schouw.exchange import sheets
from schouw.exchange.checks import read_manifest
from schouw.exchange.document import (
    CSV_NAME,
    DOCUMENT_NAME,
    FORMAT,
    GEOJSON_NAME,
    MANIFEST_NAME,
    PHOTO_DIR,
    SCHEMA_NAME,
    SCHEMA_VERSION,
    XLSX_NAME,
    schema_text,
)
from schouw.exchange.pipeline import ahead
from schouw.exchange.space import disk_full, is_disk_full
from schouw.messages import SchouwError
from schouw.store.sync import SyncRepo

Progress = Callable[[int, int, str], "bool | None"]

#: Columns a package carries per table (the database columns; nothing else leaks out).
PERSONAL_FIELDS = ("name", "email", "phone")


@dataclass
class ExportResult:
    path: Path
    package_id: str
    round_id: str
    incremental: bool
    findings: int
    photos: int
    rows: int
    members: int
    size: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "path": str(self.path)}


@dataclass
class SinceFilter:
    """Which row versions an incremental package carries."""

    label: str
    stamp: str | None = None
    seen: dict[str, str] | None = None

    def changed(self, row: dict[str, Any]) -> bool:
        if self.seen is not None:
            return row["updated_at"] > self.seen.get(row.get("updated_by") or "", "")
        return row["updated_at"] >= (self.stamp or "")


def parse_since(value: str, round_id: str) -> SinceFilter:
    """``--since``: an earlier package of this round (exactly what it did not hold) or
    an ISO date/time (local time when no zone is given; everything changed from then on)."""
    path = Path(value).expanduser()
    if path.suffix.lower() == ".zip" or path.is_file():
        manifest = read_manifest(path)
        if manifest.round_id != round_id:
            raise SchouwError("since_other_round", path=path.name)
        return SinceFilter(label=f"pakket {manifest.package_id}", seen=dict(manifest.seen))
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(value.strip()), datetime.min.time())
        except ValueError:
            raise SchouwError("bad_since", value=value) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the user's local time
    stamp = moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return SinceFilter(label=stamp, stamp=stamp)


_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def slug(text: str, limit: int = 48) -> str:
    """ASCII for a file name a person can read: 'Koningin Máximalaan' -> 'Koningin-Maximalaan'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("-", ascii_text).strip("-")[:limit].strip("-")


class PhotoNamer:
    """``fotos/Merelstraat-12a_groen-onkruid_1.jpg``: unique even on a file system that
    ignores case (Windows, macOS)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def name(self, street: str, number: str, element: str, aspect: str) -> str:
        place = slug(street) or "straat"
        if slug(number, 12):
            place += "-" + slug(number, 12)
        base = f"{place}_{slug(element, 24)}-{slug(aspect, 24)}"
        n = 1
        while True:
            candidate = f"{PHOTO_DIR}{base}_{n}.jpg"
            if candidate.lower() not in self.used:
                self.used.add(candidate.lower())
                return candidate
            n += 1


class _Writer:
    """Adds members to the ZIP and remembers size and SHA-256 of each for the manifest."""

    def __init__(self, zf: zipfile.ZipFile, when: tuple[int, ...]):
        self.zf = zf
        self.when = when
        self.members: list[dict[str, Any]] = []
        self.size = 0

    def add(self, name: str, data: bytes, *, compress: bool, sha256: str | None = None) -> tuple[str, int]:
        info = zipfile.ZipInfo(name, date_time=self.when)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        info.create_system = 3  # unix: the mode bits above mean what they say
        # level 1: JSON and CSV still shrink 5-10x, at a third of the time of level 6
        self.zf.writestr(info, data, compresslevel=1 if compress else None)
        digest = sha256 or hashlib.sha256(data).hexdigest()
        self.members.append({"path": name, "size": len(data), "sha256": digest})
        self.size += len(data)
        return digest, len(data)


#: A ``.part`` left this long ago is no export still running (those write every second).
STALE_AFTER = 15 * 60


def _our_part(path: Path) -> bool:
    """A half package of ours: a ZIP whose first member is a photo or the document
    (a browser's half download of some ZIP, also ``.zip.part``, is left alone)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(30 + 64)
    except OSError:
        return False
    if len(head) < 30 or head[:4] != b"PK\x03\x04":
        return False
    length = int.from_bytes(head[26:28], "little")
    name = head[30:30 + length].decode("utf-8", "replace")
    return name.startswith(PHOTO_DIR) or name == DOCUMENT_NAME


def remove_stale_parts(folder: Path, own: Path) -> list[Path]:
    """Clean up after exports that were killed (a cancel or an error cleans up itself):
    ``own`` (this export's ``.part``) always, other half packages of ours in the
    folder once nothing has written to them for a while."""
    removed = []
    with contextlib.suppress(FileNotFoundError):
        own.unlink()
        removed.append(own)
    now = time.time()
    with contextlib.suppress(OSError):
        for path in folder.glob("*.zip.part"):
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > STALE_AFTER and _our_part(path):
                    path.unlink()
                    removed.append(path)
    return removed


def _strip_personal(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "name": None, "email": "", "phone": ""}


def _max_per_device(rows: list[dict[str, Any]], into: dict[str, str]) -> None:
    for row in rows:
        device = row.get("updated_by") or ""
        if row["updated_at"] > into.get(device, ""):
            into[device] = row["updated_at"]


def export_round(project, round_id: str, out: str | Path, *, since: str | None = None,
                 personal_data: bool = True, xlsx: bool = False,
                 progress: Progress | None = None) -> ExportResult:
    """Write the package of one round to ``out``; returns what went in."""
    from schouw.photos import Mask, export_copy

    started = time.perf_counter()
    out = Path(out).expanduser()
    sync = SyncRepo(project)
    round_model = project.rounds.get(round_id)
    scope = sync.round_scope(round_model.id)
    round_row = scope["rounds"][0]
    if not scope["buurten"] or not scope["wijken"]:
        raise SchouwError("unknown_round", id=round_id)
    form_row = sync.form_row(round_row["form_key"])
    if form_row is None:
        raise SchouwError("unknown_form", id=round_row["form_key"], available="-")
    form: Form | None = None
    with contextlib.suppress(SchouwError):
        form = parse_form(form_row["definition"], f"project:{form_row['key']}")
    profile: Profile | None = None
    if scope["profiles"]:
        with contextlib.suppress(SchouwError):
            profile = parse_profile(scope["profiles"][0]["definition"], f"project:{round_row['profile_id']}")

    flt = parse_since(since, round_model.id) if since else None
    seen = dict(sync.seen(round_model.id))
    for rows in scope.values():
        _max_per_device(rows, seen)

    # -- choose the rows --------------------------------------------------------------
    def pick(table: str) -> list[dict[str, Any]]:
        rows = scope[table]
        return rows if flt is None else [r for r in rows if flt.changed(r)]

    findings = pick("findings")
    participants = pick("participants")
    round_streets = pick("round_streets")
    photos = pick("photos")
    rechecks = pick("rechecks")
    schouwpunten = pick("schouwpunten")
    indicators = pick("indicators")
    indicator_values = pick("indicator_values")
    cycle_rows = {t: pick(t) for t in ("cycles", "cycle_priorities", "cycle_priority_findings", "cycle_actions")}
    events_by_action: dict[str, list[dict[str, Any]]] = {}
    for event in scope["action_events"]:
        events_by_action.setdefault(event["action_id"], []).append(event)
    changed_events = {e["action_id"] for e in pick("action_events")}
    actions = [a for a in scope["actions"]
               if flt is None or flt.changed(a) or a["id"] in changed_events]
    street_ids = ({f["street_id"] for f in findings} | {r["street_id"] for r in round_streets}
                  | {p["street_id"] for p in schouwpunten})
    streets = [s for s in scope["streets"] if flt is None or flt.changed(s) or s["id"] in street_ids]
    if not personal_data:
        participants = [_strip_personal(p) for p in participants]

    all_findings = {f["id"]: f for f in scope["findings"]}
    all_streets = {s["id"]: s for s in scope["streets"]}
    total_steps = len(photos) + 6
    step = 0

    def tick(stage: str) -> None:
        nonlocal step
        step += 1
        if progress is not None and progress(step, total_steps, stage) is False:
            raise SchouwError("cancelled")

    # -- write ------------------------------------------------------------------------
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    remove_stale_parts(out.parent, part)

    def needed() -> int:
        """About what the package takes: the photos, and the rows about twice over
        (JSON, and again as CSV and GeoJSON). Only worked out when the disk is full."""
        return sync.master_bytes(p["id"] for p in photos if not p.get("deleted_at")) + 2 * sum(
            len(json.dumps(rows, default=str)) for rows in scope.values())
    package_id = new_id()
    created_at = utc_now()
    now = datetime.now()
    when = (max(now.year, 1980), now.month, now.day, now.hour, now.minute, now.second)
    photo_files: dict[str, list[str]] = {}
    photo_docs: list[dict[str, Any]] = []
    namer = PhotoNamer()
    try:
        with zipfile.ZipFile(part, "w", allowZip64=True) as zf:
            writer = _Writer(zf, when)
            # The first stage reads masters through a connection of its own: a worker
            # must never share the caller's connection, which the caller may close as
            # soon as this function returns or raises.
            reader = project.for_thread()
            masters = SyncRepo(reader)

            def master_of(photo: dict[str, Any]) -> tuple[dict[str, Any], bytes | None]:
                """The stored master (first worker, on its own connection)."""
                if photo.get("deleted_at") or photo["finding_id"] not in all_findings:
                    return photo, None
                return photo, masters.photo_master(photo["id"])

            def copy_of(item: tuple[dict[str, Any], bytes | None]) -> tuple[bytes, str] | None:
                """The export copy and its SHA-256 (second worker)."""
                photo, master = item
                if master is None:
                    return None
                try:
                    masks = [Mask.from_dict(m) for m in photo.get("masks") or []]
                    data = export_copy(master, masks)
                except Exception as error:  # noqa: BLE001 - never let an unmasked copy out
                    raise SchouwError("export_photo_failed", id=photo["id"], detail=str(error)) from error
                return data, hashlib.sha256(data).hexdigest()

            # Three stages overlap: reading masters from SQLite, making the export copies
            # (and hashing them), writing the ZIP.
            first = ahead(master_of, photos)
            second = ahead(copy_of, first)
            try:
                for photo, copy in zip(photos, second, strict=True):
                    doc = dict(photo)
                    doc.update(file=None, file_sha256=None, file_size=None)
                    if copy is not None:
                        finding = all_findings[photo["finding_id"]]
                        street = all_streets.get(finding["street_id"], {})
                        name = namer.name(street.get("name", ""), finding.get("house_number", ""),
                                          finding["element"], finding["aspect"])
                        digest, size = writer.add(name, copy[0], compress=False, sha256=copy[1])
                        doc.update(file=name, file_sha256=digest, file_size=size)
                        if not finding.get("deleted_at"):
                            photo_files.setdefault(finding["id"], []).append(name)
                    photo_docs.append(doc)
                    tick("foto's")
            finally:
                # Stop and join both workers before anyone can close the project.
                second.close()
                first.close()
                reader.close()

            history = {a["id"]: events_by_action.get(a["id"], []) for a in actions}
            action_docs = [{**a, "history": history[a["id"]]} for a in actions]
            context = [scope["wijken"][0], scope["buurten"][0], round_row] + scope["profiles"]
            carried = (context + participants + streets + round_streets + findings + actions
                       + [e for a in actions for e in history[a["id"]]] + photos + rechecks + schouwpunten
                       + indicators + indicator_values + [r for rows in cycle_rows.values() for r in rows])
            stamps = [r["updated_at"] for r in carried]
            header = {
                "format": FORMAT, "schema_version": SCHEMA_VERSION, "package_id": package_id,
                "created_at": created_at, "app_version": __version__, "device_id": project.device_id,
                "project_id": project.meta("project_id"), "round_id": round_model.id,
                "incremental": flt is not None, "since": flt.label if flt else None,
                "personal_data": personal_data,
                "changes": {"first": min(stamps) if stamps else None, "last": max(stamps) if stamps else None,
                            "rows": len(carried)},
                "seen": dict(sorted(seen.items())),
            }
            document = {
                **header,
                "project_name": project.meta("name"), "municipality": project.meta("municipality"),
                "wijk": scope["wijken"][0], "buurt": scope["buurten"][0],
                "profile": scope["profiles"][0] if scope["profiles"] else None,
                "form": {k: form_row[k] for k in ("key", "form_id", "version", "title", "kind", "definition")},
                "round": round_row, "participants": participants, "streets": streets,
                "round_streets": round_streets, "findings": findings, "actions": action_docs,
                "photos": photo_docs, "rechecks": rechecks, "schouwpunten": schouwpunten,
                "indicators": indicators, "indicator_values": indicator_values, **cycle_rows,
            }
            # Compact: json's C encoder is only used without indent (ten times faster).
            writer.add(DOCUMENT_NAME, json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                       compress=True)
            tick("schouw.json")
            writer.add(SCHEMA_NAME, schema_text().encode("utf-8"), compress=True)
            tick("schema")

            live = [f for f in findings if not f.get("deleted_at")]
            live_actions = {a["finding_id"]: a for a in scope["actions"] if not a.get("deleted_at")}
            rows = sheets.build_rows(findings=live, streets=all_streets, buurt=scope["buurten"][0],
                                     wijk=scope["wijken"][0], form=form, profile=profile,
                                     actions=live_actions, photo_files=photo_files)
            writer.add(CSV_NAME, sheets.csv_bytes(rows), compress=True)
            tick("csv")
            if xlsx and _has_openpyxl():
                action_list = sheets.action_rows(rows, live_actions, events_by_action)
                writer.add(XLSX_NAME, sheets.xlsx_bytes(rows, action_list, _meting_sheet(scope, form, profile)),
                           compress=True)
            tick("xlsx")
            writer.add(GEOJSON_NAME, sheets.geojson_bytes(rows), compress=True)
            tick("geojson")
            manifest = {**header, "members": writer.members}
            info = zipfile.ZipInfo(MANIFEST_NAME, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
            tick("manifest")
        # No fsync: a package is a copy of what the project holds; the rename only
        # guarantees that nobody ever sees a half-written file under the real name.
        os.replace(part, out)
    except BaseException as error:
        with contextlib.suppress(OSError):
            part.unlink()
        if is_disk_full(error):
            raise disk_full(out.parent, needed()) from error
        raise
    return ExportResult(
        path=out, package_id=package_id, round_id=round_model.id, incremental=flt is not None,
        findings=len(findings), photos=sum(1 for p in photo_docs if p["file"]), rows=len(carried),
        members=len(writer.members) + 1, size=out.stat().st_size, seconds=time.perf_counter() - started)


def _has_openpyxl() -> bool:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return False
    return True


def _meting_sheet(scope: dict[str, list[dict[str, Any]]], form: Form | None,
                  profile: Profile | None) -> list[dict[str, Any]] | None:
    """The score sheet of a meting round (None for a knelpuntenschouw: no share)."""
    from schouw.domain.measure import score_meting

    round_row = scope["rounds"][0]
    if round_row.get("kind") != "meting" or form is None:
        return None
    buurt = scope["buurten"][0]
    points = [p for p in scope.get("schouwpunten", []) if not p.get("deleted_at")]
    score = score_meting(scope["findings"], form, profile, area_type=buurt.get("area_type") or "",
                         street_area_types={s["id"]: s.get("area_type") for s in scope["streets"]},
                         points_total=len(points), points_done=sum(1 for p in points if p.get("done_at")))
    names = {f"{e.id}.{a.id}": (e.name, a.name) for e, a in form.items()}
    return sheets.meting_rows(score, names, profile.name if profile else "")
