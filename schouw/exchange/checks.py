"""Opening an export package that came from somewhere else, trusting nothing.

Everything is checked before the project is touched, in order of cost: the ZIP's
directory (member names, links, sizes, compression ratio), the manifest (present,
valid, a schema version we read, exactly the members the ZIP holds), every member's
size and SHA-256 against the manifest, and finally ``schouw.json`` against the
models and against itself. A package that fails any check is refused with one
sentence that says why; the caller has not opened a transaction yet, so nothing
changes. Photo bytes are read a second time while merging and hashed again, so a file
swapped between the check and the merge is caught as well (and rolls the merge back).
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from schouw.domain.forms import parse_form
from schouw.domain.profile import parse_profile
from schouw.domain.text import MULTI_LINE_FIELDS, char_name, refused_character
from schouw.exchange.document import (
    DOCUMENT_NAME,
    FORMAT,
    MANIFEST_NAME,
    PHOTO_DIR,
    SUPPORTED_VERSIONS,
    Manifest,
    ManifestMember,
    PackageDocument,
)
from schouw.messages import CATALOGUE, SchouwError, render

MiB = 1 << 20
GiB = 1 << 30
CHUNK = 1 << 20

#: Progress callback: (done, total, stage) -> False to cancel.
Progress = Callable[[int, int, str], "bool | None"]


@dataclass(frozen=True)
class Limits:
    """What an import accepts. A real round of a buurt is a few thousand photos of a
    few MB each; these leave room for that and refuse what only an attack needs."""

    max_members: int = 250_000
    max_member_size: int = 256 * MiB
    max_json_size: int = 256 * MiB
    max_total_size: int = 64 * GiB
    #: Uncompressed / compressed. JSON and CSV deflate 5-20x; a zip bomb 1,000x and more.
    max_ratio: float = 100.0
    #: Members smaller than this are not held to the ratio (tiny files compress oddly).
    ratio_floor: int = 1 * MiB


class PackageRefused(SchouwError):
    """A package that fails a check. The reason is a catalogue key of its own, so it
    is rendered in the reader's language like every other message."""

    def __init__(self, path: str | Path, reason: str, **params: object) -> None:
        self.reason = reason
        self.reason_params = params
        self.path = str(path)
        super().__init__("package_refused", path=Path(path).name)

    def message(self, lang: str | None = None) -> str:
        reason = render(self.reason, lang, **self.reason_params)
        return render("package_refused", lang, path=Path(self.path).name, reason=reason)


_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def unsafe_name(name: str) -> bool:
    """True for any member name that could write outside the folder it is unpacked
    in, or that means different things on different systems."""
    if not name or len(name) > 512 or "\\" in name or name.startswith("/") or _DRIVE.match(name):
        return True
    if _CONTROL.search(name):
        return True
    parts = name.split("/")
    if name.endswith("/"):
        parts = parts[:-1]
    return any(p in ("", ".", "..") for p in parts)


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return bool(mode) and stat.S_ISLNK(mode)


def _short(error: ValidationError, limit: int = 3) -> str:
    parts = []
    for problem in error.errors()[:limit]:
        where = ".".join(str(p) for p in problem.get("loc", ())) or "document"
        parts.append(f"{where}: {problem.get('msg', '')}")
    more = len(error.errors()) - limit
    return "; ".join(parts) + (f" (en {more} meer)" if more > 0 else "")


@dataclass
class VerifiedPackage:
    """A package that passed every check that needs no project."""

    path: Path
    manifest: Manifest
    document: PackageDocument
    members: dict[str, ManifestMember] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)

    @contextmanager
    def reader(self) -> Iterator[MemberReader]:
        try:
            zf = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise PackageRefused(self.path, "pkg_not_zip") from None
        try:
            yield MemberReader(self, zf)
        finally:
            zf.close()


class MemberReader:
    """Reads members of a checked package again, checking each one again."""

    def __init__(self, package: VerifiedPackage, zf: zipfile.ZipFile):
        self.package = package
        self.zf = zf

    def read(self, name: str) -> bytes:
        return self.read_checked(name)[0]

    def read_checked(self, name: str) -> tuple[bytes, str]:
        """(bytes, sha256) of a member, refused unless both match the manifest."""
        expected = self.package.members.get(name)
        if expected is None:
            raise PackageRefused(self.package.path, "pkg_missing_member", name=name)
        data, digest = _read_member(self.package.path, self.zf, name, expected.size)
        if digest != expected.sha256:
            raise PackageRefused(self.package.path, "pkg_checksum", name=name)
        return data, digest


_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")


def _read_stored(path: Path, fp, info: zipfile.ZipInfo, size: int) -> tuple[bytes, str]:
    """A stored (uncompressed) member read straight from the file: its local header is
    checked against the directory, then exactly ``size`` bytes are read. Skips the
    per-member set-up of ``ZipFile.open`` (which dominates for 20,000 small JPEGs) and
    its CRC, which the SHA-256 check that follows makes redundant."""
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise PackageRefused(path, "pkg_damaged", name=info.filename, detail="afgebroken")
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != b"PK\x03\x04":
        raise PackageRefused(path, "pkg_damaged", name=info.filename, detail="geen lokale kop")
    name_length, extra_length = fields[9], fields[10]
    raw_name = fp.read(name_length)
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    if raw_name.decode(encoding, "replace") != info.orig_filename:
        raise PackageRefused(path, "pkg_damaged", name=info.filename, detail="naam in de kop wijkt af")
    fp.seek(extra_length, 1)
    data = fp.read(size)
    if len(data) != size:
        raise PackageRefused(path, "pkg_size", name=info.filename)
    return data, hashlib.sha256(data).hexdigest()


def _plainly_stored(info: zipfile.ZipInfo, size: int) -> bool:
    return (info.compress_type == zipfile.ZIP_STORED and not info.flag_bits & 0x1
            and info.compress_size == info.file_size == size and size <= 64 * MiB)


def _read_member(path: Path, zf: zipfile.ZipFile, name: str, size: int,
                 sink: Callable[[int], None] | None = None, keep: bool = True) -> tuple[bytes, str]:
    """Stream one member with a hard cap at its declared size; (bytes or b'', sha256)."""
    info = zf.getinfo(name)
    if _plainly_stored(info, size):
        data, digest = _read_stored(path, zf.fp, info, size)
        if sink is not None:
            sink(size)
        return (data if keep else b""), digest
    digest = hashlib.sha256()
    parts: list[bytes] = []
    total = 0
    try:
        with zf.open(name) as handle:
            while True:
                chunk = handle.read(min(CHUNK, size - total + 1))
                if not chunk:
                    break
                total += len(chunk)
                if total > size:
                    raise PackageRefused(path, "pkg_size", name=name)
                digest.update(chunk)
                if keep:
                    parts.append(chunk)
                if sink is not None:
                    sink(len(chunk))
    except PackageRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, KeyError) as error:
        raise PackageRefused(path, "pkg_damaged", name=name, detail=str(error) or type(error).__name__) from None
    if total != size:
        raise PackageRefused(path, "pkg_size", name=name)
    return b"".join(parts), digest.hexdigest()


#: In JSON text, what a control character in a decoded string can only come from: an
#: escape (``\n``, ``\u001b``, ...) or DEL/C1 written as they are. A document without
#: any is clean and needs no walk through its rows (the walk costs ~1 s per 30,000).
_CONTROL_HINT = re.compile(r"\\[nrtbfu]|[\x00-\x1f\x7f-\x9f]")


def _load_json(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits,
               hint: list[bool] | None = None) -> object:
    """The member parsed; ``hint`` (if given) gets whether it may hold control characters."""
    if info.file_size > limits.max_json_size:
        raise PackageRefused(path, "pkg_member_too_large", name=info.filename, size=info.file_size,
                             limit=limits.max_json_size)
    data, _ = _read_member(path, zf, info.filename, info.file_size)
    try:
        text = data.decode("utf-8")
        if hint is not None:
            hint.append(_CONTROL_HINT.search(text) is not None)
        return json.loads(text)
    except (UnicodeDecodeError, ValueError) as error:
        raise PackageRefused(path, "pkg_bad_json", name=info.filename, detail=str(error)[:120]) from None


def _validate(path: Path, model: type[BaseModel], data: object, name: str):
    if not isinstance(data, dict):
        raise PackageRefused(path, "pkg_not_package", name=name)
    if data.get("format") != FORMAT:
        raise PackageRefused(path, "pkg_not_package", name=name)
    version = data.get("schema_version")
    if version not in SUPPORTED_VERSIONS or isinstance(version, bool):
        raise PackageRefused(path, "pkg_schema_version", found=version,
                             supported=", ".join(str(v) for v in sorted(SUPPORTED_VERSIONS)))
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise PackageRefused(path, "pkg_invalid", name=name, detail=_short(error)) from None


def _scan_directory(path: Path, zf: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise PackageRefused(path, "pkg_too_many", count=len(infos), limit=limits.max_members)
    files: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.orig_filename
        if name != info.filename or unsafe_name(name):
            raise PackageRefused(path, "pkg_unsafe_path", name=name.replace("\x00", "\\0"))
        if _is_link(info):
            raise PackageRefused(path, "pkg_link", name=name)
        if info.flag_bits & 0x1:
            raise PackageRefused(path, "pkg_encrypted", name=name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackageRefused(path, "pkg_method", name=name)
        if name in files or (name.endswith("/") and name in {n + "/" for n in files}):
            raise PackageRefused(path, "pkg_duplicate", name=name)
        if info.is_dir():
            if info.file_size:
                raise PackageRefused(path, "pkg_unsafe_path", name=name)
            continue  # a folder entry some ZIP tools add: harmless, holds nothing
        if info.file_size > limits.max_member_size:
            raise PackageRefused(path, "pkg_member_too_large", name=name, size=info.file_size,
                                 limit=limits.max_member_size)
        if info.file_size > limits.ratio_floor:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise PackageRefused(path, "pkg_ratio", name=name, ratio=f"{ratio:.0f}",
                                     limit=f"{limits.max_ratio:.0f}")
        total += info.file_size
        if total > limits.max_total_size:
            raise PackageRefused(path, "pkg_total_too_large", size=total, limit=limits.max_total_size)
        files[name] = info
    return files


def open_zip(path: str | Path) -> zipfile.ZipFile:
    path = Path(path)
    if not path.is_file():
        raise SchouwError("file_missing", path=str(path))
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise PackageRefused(path, "pkg_not_zip") from None


def _directory_and_manifest(path: Path, zf: zipfile.ZipFile,
                            limits: Limits) -> tuple[dict[str, zipfile.ZipInfo], Manifest]:
    """The checked central directory and the validated manifest (the first two checks
    of every package, whole or only its manifest)."""
    files = _scan_directory(path, zf, limits)
    if MANIFEST_NAME not in files:
        raise PackageRefused(path, "pkg_no_manifest")
    return files, _validate(path, Manifest, _load_json(path, zf, files[MANIFEST_NAME], limits), MANIFEST_NAME)


def read_manifest(path: str | Path, limits: Limits | None = None) -> Manifest:
    """Only the manifest (directory checks included), e.g. for ``--since PACKAGE``."""
    path = Path(path)
    with open_zip(path) as zf:
        return _directory_and_manifest(path, zf, limits or Limits())[1]


def open_package(path: str | Path, *, limits: Limits | None = None,
                 progress: Progress | None = None) -> VerifiedPackage:
    """Check a package completely; raises :class:`PackageRefused` on the first problem."""
    path = Path(path)
    limits = limits or Limits()
    with open_zip(path) as zf:
        files, manifest = _directory_and_manifest(path, zf, limits)
        listed: dict[str, ManifestMember] = {}
        for member in manifest.members:
            if unsafe_name(member.path) or member.path.endswith("/"):
                raise PackageRefused(path, "pkg_unsafe_path", name=member.path)
            if member.path in listed or member.path == MANIFEST_NAME:
                raise PackageRefused(path, "pkg_duplicate", name=member.path)
            listed[member.path] = member
        for name in files:
            if name != MANIFEST_NAME and name not in listed:
                raise PackageRefused(path, "pkg_unlisted", name=name)
        for name, member in listed.items():
            if name not in files:
                raise PackageRefused(path, "pkg_missing_member", name=name)
            if files[name].file_size != member.size:
                raise PackageRefused(path, "pkg_size", name=name)
        if DOCUMENT_NAME not in listed:
            raise PackageRefused(path, "pkg_missing_member", name=DOCUMENT_NAME)

        total = sum(m.size for m in listed.values())
        done = 0

        lock = threading.Lock()
        stop = threading.Event()

        def advance(n: int) -> None:
            nonlocal done
            with lock:
                done += n
                current = done
            if progress is not None and progress(current, total, "controleren") is False:
                raise SchouwError("cancelled")

        stored = [(n, m) for n, m in listed.items() if _plainly_stored(files[n], m.size)]
        for name, member in listed.items():
            if not _plainly_stored(files[name], member.size):
                _, digest = _read_member(path, zf, name, member.size, sink=advance, keep=False)
                if digest != member.sha256:
                    raise PackageRefused(path, "pkg_checksum", name=name)

        def verify(part: list[tuple[str, ManifestMember]]) -> None:
            # Each thread its own file handle; hashing and reading release the GIL.
            with open(path, "rb") as fp:
                for name, member in part:
                    if stop.is_set():
                        return
                    _, digest = _read_stored(path, fp, files[name], member.size)
                    if digest != member.sha256:
                        raise PackageRefused(path, "pkg_checksum", name=name)
                    advance(member.size)

        workers = 2 if len(stored) > 64 else 1
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(verify, stored[k::workers]) for k in range(workers)]
            try:
                for future in futures:
                    future.result()
            finally:
                stop.set()
        hint: list[bool] = []
        document: PackageDocument = _validate(
            path, PackageDocument, _load_json(path, zf, files[DOCUMENT_NAME], limits, hint), DOCUMENT_NAME)
    _check_consistency(path, manifest, document, listed, control_hint=any(hint))
    return VerifiedPackage(path, manifest, document, listed, limits)


def _check_consistency(path: Path, manifest: Manifest, doc: PackageDocument,
                       listed: dict[str, ManifestMember], control_hint: bool = True) -> None:
    """What the models cannot see: the two headers agree, rows belong to this round,
    photo files exist with the right hash, the copied form and profile are valid."""
    def mismatch(detail: str) -> PackageRefused:
        return PackageRefused(path, "pkg_mismatch", detail=detail)

    for key in ("package_id", "schema_version", "round_id", "device_id", "project_id", "incremental",
                "personal_data"):
        if getattr(manifest, key) != getattr(doc, key):
            raise mismatch(key)
    round_id = doc.round.id
    if doc.round_id != round_id:
        raise mismatch("round_id")
    if doc.round.buurt_id != doc.buurt.id or doc.buurt.wijk_id != doc.wijk.id:
        raise mismatch("buurt/wijk")
    if doc.round.form_key != doc.form.key or doc.form.definition.key != doc.form.key:
        raise mismatch("form")
    if doc.profile is not None and doc.round.profile_id != doc.profile.id:
        raise mismatch("profile")
    for kind, rows in (("participants", doc.participants), ("round_streets", doc.round_streets),
                       ("findings", doc.findings), ("rechecks", doc.rechecks),
                       ("schouwpunten", doc.schouwpunten)):
        if any(r.round_id != round_id for r in rows):
            raise mismatch(kind)
    for action in doc.actions:
        if any(event.action_id != action.id for event in action.history):
            raise mismatch("history")
    ids: set[str] = set()
    groups = [[doc.wijk], [doc.buurt], [doc.round], doc.streets, doc.participants, doc.round_streets,
              doc.findings, doc.actions, [e for a in doc.actions for e in a.history], doc.photos, doc.rechecks,
              doc.schouwpunten, doc.indicators, doc.indicator_values, doc.cycles, doc.cycle_priorities,
              doc.cycle_priority_findings, doc.cycle_actions]
    if doc.profile is not None:
        groups.append([doc.profile])
    for group in groups:
        for row in group:
            if row.id in ids:
                raise mismatch(f"id {row.id} komt twee keer voor")
            ids.add(row.id)
    files: set[str] = set()
    for photo in doc.photos:
        if photo.file is None:
            continue
        member = listed.get(photo.file)
        if member is None or not photo.file.startswith(PHOTO_DIR):
            raise PackageRefused(path, "pkg_missing_member", name=photo.file)
        if photo.file in files:
            raise mismatch(f"{photo.file} hoort bij twee foto's")
        files.add(photo.file)
        if (photo.file_sha256 and photo.file_sha256 != member.sha256) or (
                photo.file_size is not None and photo.file_size != member.size):
            raise PackageRefused(path, "pkg_checksum", name=photo.file)
    if control_hint:
        _check_text(path, doc)
    try:
        parse_form(doc.form.definition.model_dump(), f"{path.name}:{DOCUMENT_NAME}")
        if doc.profile is not None:
            parse_profile(doc.profile.definition, f"{path.name}:{DOCUMENT_NAME}")
    except SchouwError as error:
        raise PackageRefused(path, "pkg_bad_data", detail=error.message()) from None


def _strings(value: object, column: str, multiline: bool) -> Iterator[tuple[str, str, bool]]:
    """Every text in a value with the column it sits in; text nested in a definition
    (a form's or profile's help texts) may span lines."""
    if isinstance(value, str):
        yield column, value, multiline or column in MULTI_LINE_FIELDS
    elif isinstance(value, BaseModel):
        for key, item in value:
            yield from _strings(item, key if not multiline else column, multiline)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, column, True)
            yield from _strings(item, column, True)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, column, multiline)


def _check_text(path: Path, doc: PackageDocument) -> None:
    """No control character in any text of the package (see ``schouw.domain.text``):
    refused before the merge, so nothing changes and no export of it fails later."""
    tables = [("wijken", [doc.wijk]), ("buurten", [doc.buurt]), ("rounds", [doc.round]),
              ("streets", doc.streets), ("participants", doc.participants), ("round_streets", doc.round_streets),
              ("findings", doc.findings), ("actions", doc.actions), ("photos", doc.photos),
              ("indicators", doc.indicators), ("indicator_values", doc.indicator_values),
              ("cycles", doc.cycles), ("cycle_priorities", doc.cycle_priorities),
              ("profiles", [doc.profile] if doc.profile else [])]
    places = [("name", "", doc.project_name, False), ("name", "", doc.municipality, False),
              ("definition", doc.form.key, doc.form.definition, True)]
    for table, rows in tables:
        places += [(table, row.id, row, False) for row in rows]
    for table, row_id, value, multiline in places:
        for column, text, lines in _strings(value, "definition" if multiline else "name", multiline):
            char = refused_character(text, multiline=lines)
            if char is not None:
                label = f"field_{column}"
                raise PackageRefused(path, "pkg_control_characters", what=render(f"table_{table}")
                                     if f"table_{table}" in CATALOGUE else render(label), id=row_id,
                                     field=render(label) if label in CATALOGUE else column, char=char_name(char))
