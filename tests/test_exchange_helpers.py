"""Shared helpers for the exchange tests (no tests here): small real projects built
with the store, small real JPEGs made with Pillow, and a way to rebuild a package
with one thing changed."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

from schouw.domain.actions import ActionStatus
from schouw.domain.levels import Level
from schouw.domain.models import Action, Buurt, Finding, Participant, Photo, Street, Wijk
from schouw.store import create_project, open_project
from schouw.store.sync import SyncRepo

STREETS = ["Merelstraat", "Lijsterstraat", "Koningin Máximalaan", "'s-Gravendijkwal"]


def jpeg(seed: int, size=(160, 120)) -> bytes:
    img = Image.new("RGB", size, (100 + seed % 100, 120, 140))
    draw = ImageDraw.Draw(img)
    draw.rectangle([seed % 50, 10, seed % 50 + 40, 60], fill=(200, seed % 255, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # metadata that must not leave in a package
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85, exif=exif.tobytes())
    return buf.getvalue()


def form_items(project, round_id: str) -> list[tuple[str, str]]:
    form = project.forms.get(project.rounds.get(round_id).form_key)
    levelled = [(e.id, a.id) for e, a in form.items() if a.has_level]
    return levelled[:4]


def new_project(path: Path, device: str):
    return create_project(path, name=path.stem, municipality="Gemeente Test", device_id=device)


def reopen(path: Path, device: str):
    return open_project(path, device_id=device)


def seed_round(project, *, findings: int = 6, photos_per: int = 1, streets=STREETS) -> str:
    """A wijk, a buurt with streets (with geometry), a CROW round with a team, findings
    with actions and photos. Returns the round id."""
    from schouw.services.rounds import create_round

    wijk = project.areas.add_wijk(Wijk(name="Vogelwijk"))
    buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Vogelbuurt"))
    project.areas.add_streets([
        Street(buurt_id=buurt.id, name=name, woonplaats="Voorbeeldstad", position=i,
               geometry={"type": "LineString", "coordinates": [[4.62 + i * 0.001, 52.38], [4.621 + i * 0.001, 52.381]]})
        for i, name in enumerate(streets)])
    round_ = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-beeldkwaliteit",
                          when="2026-10-13")
    project.rounds.add_participant(Participant(round_id=round_.id, name="Marieke de Boer",
                                               organisation="Gemeente", role="gemeente",
                                               email="m.deboer@example.nl", phone="06-12345678"))
    project.rounds.add_participant(Participant(round_id=round_.id, name="Henk", organisation="Bewonerscommissie",
                                               role="bewoner"))
    for n in range(findings):
        add_finding(project, round_.id, n, photos=photos_per)
    return round_.id


def add_finding(project, round_id: str, n: int, *, street: str | None = None, photos: int = 1,
                text: str | None = None, masks: list[dict] | None = None) -> Finding:
    round_ = project.rounds.get(round_id)
    streets = project.areas.streets(round_.buurt_id)
    street_row = next(s for s in streets if s.name == street) if street else streets[n % len(streets)]
    element, aspect = form_items(project, round_id)[n % 2]
    level = [Level.A, Level.B, Level.C, Level.D][n % 4]
    finding = Finding(round_id=round_id, street_id=street_row.id, element=element, aspect=aspect, level=level,
                      house_number=f"{n + 1}a" if n % 2 else str(n + 1), description=text or f"Bevinding {n}",
                      lat=52.38 + n * 0.0001 if n % 3 else None, lon=4.62 + n * 0.0001 if n % 3 else None)
    action = None
    if level <= Level.C:
        action = Action(finding_id=finding.id, party="Gemeente, team BOR", status=ActionStatus.OPEN)
    records = []
    for k in range(photos):
        data = jpeg(n * 10 + k)
        with Image.open(io.BytesIO(data)) as im:
            w, h = im.size
        records.append((Photo(finding_id=finding.id, sha256=hashlib.sha256(data).hexdigest(), width=w, height=h,
                              source_name=f"IMG_{n:03d}_{k}.jpg", position=k, masks=masks or []),
                        {"jpeg": data, "thumb": data, "report": data}))
    return project.findings.add(finding, action, records)


def zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def rebuild(src: Path, dst: Path, change: Callable[[dict[str, bytes], dict], None], *,
            fix_manifest: bool = True, extra: Callable[[zipfile.ZipFile], None] | None = None) -> Path:
    """Copy a package with ``change(members, manifest)`` applied; by default the
    manifest is brought up to date, so only the check under test fails."""
    members = zip_members(src)
    manifest = json.loads(members.pop("manifest.json"))
    change(members, manifest)
    if fix_manifest:
        manifest["members"] = [
            {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in members.items()]
    with zipfile.ZipFile(dst, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
        if extra is not None:
            extra(zf)
        zf.writestr("manifest.json", json.dumps(manifest))
    return dst


def set_document(members: dict[str, bytes], change: Callable[[dict], None]) -> None:
    doc = json.loads(members["schouw.json"])
    change(doc)
    members["schouw.json"] = json.dumps(doc).encode("utf-8")


def state(project) -> tuple[str, dict[str, int]]:
    sync = SyncRepo(project)
    return sync.content_hash(), sync.counts()
