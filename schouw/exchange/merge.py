"""Merging a checked package into a project: by UUID and ``updated_at``, in ONE
transaction, and idempotent.

Rules, per row:

- unknown here: added (a deletion of a photo this project never had is skipped: its
  bytes never left the other laptop, and a photo row without bytes would be a hole);
- the same version (same ``updated_at`` and ``updated_by``): nothing to do;
- otherwise the newer version wins (ties broken by device id, so every project that
  sees the same versions ends up with the same row); a deletion is just a newer
  version with ``deleted_at`` set, so deletions travel like any other change.

When *both* sides changed a row since they last met, the newer still wins, and the
other version is kept in ``sync_conflicts`` for the coordinator to review and flip.
"Since they last met" is decided with version vectors: every package carries, per
device, the newest change of that device the exporting project had seen (``seen``),
and this project keeps the same per round (``sync_seen``). A local version the sender
had seen, or an incoming version this project had already seen, is a plain update.

Rows that are the same thing under another id (a street list imported on two laptops,
an action or a done mark made twice for one finding or street) are matched by their
natural key, and their children follow the local id.

A round is the same round only when its UUID is. A package whose round this project
does not know, while it has another round of the same buurt on the same date, is
imported as a separate round (``MergeResult.same_day_rounds`` names the candidates)
unless the coordinator chose to merge it into one (``merge_into``). Merging pairs each
incoming finding with a live finding of that round on the same street, item (element
and aspect), house number and spot, one to one; a paired finding becomes one finding
(newer version wins, a concurrent edit is kept as a conflict), its photos and actions
join it; an unpaired one is added. The choice is remembered (``merged_round:<id>`` in
the project's metadata), so the next package of that round lands in the same place and
importing again changes nothing.

A quality profile already in the project is never overwritten by a package (a team's
laptop should not change the coordinator's norms); a different one is kept as a
conflict so the coordinator can choose it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from schouw.exchange.checks import PackageRefused, VerifiedPackage
from schouw.exchange.document import PackageDocument
from schouw.messages import SchouwError
from schouw.store.sync import TABLES, SyncRepo

Progress = Callable[[int, int, str], "bool | None"]

#: Foreign keys per table: column -> table it points at.
REFERENCES: dict[str, dict[str, str]] = {
    "buurten": {"wijk_id": "wijken"},
    "streets": {"buurt_id": "buurten"},
    "rounds": {"buurt_id": "buurten", "profile_id": "profiles"},
    "participants": {"round_id": "rounds"},
    "round_streets": {"round_id": "rounds", "street_id": "streets"},
    "findings": {"round_id": "rounds", "street_id": "streets", "point_id": "schouwpunten"},
    "actions": {"finding_id": "findings"},
    "action_events": {"action_id": "actions"},
    "photos": {"finding_id": "findings"},
    # ``follows`` (the earlier round's finding) is not checked: the package does not carry it
    "rechecks": {"round_id": "rounds", "street_id": "streets", "finding_id": "findings"},
    "schouwpunten": {"round_id": "rounds", "street_id": "streets"},
    "indicator_values": {"indicator_id": "indicators"},
    "cycles": {"buurt_id": "buurten"},
    "cycle_priorities": {"cycle_id": "cycles"},
    "cycle_priority_findings": {"priority_id": "cycle_priorities"},
    "cycle_actions": {"priority_id": "cycle_priorities"},
}
#: Columns that follow a local id but are not checked: a value computed from a meting
#: names that round (``round_id``), which need not be the package's round; an
#: indicator's ``area_id`` points at a wijk or a buurt by ``area_kind`` (checked in
#: :meth:`Merger._check_area`).
REMAPPED: dict[str, tuple[str, ...]] = {"indicators": ("area_id",), "indicator_values": ("round_id",),
                                        # a traject's links may name rows of rounds not in this package
                                        "cycle_priority_findings": ("finding_id",), "cycle_actions": ("action_id",)}
NATURAL_KEYS = frozenset({"wijken", "buurten", "streets", "round_streets", "actions", "rechecks", "schouwpunten",
                          "indicators", "indicator_values", "cycle_priority_findings", "cycle_actions"})
#: Tables whose concurrent edits are worth a coordinator's look. Photos change only
#: in caption and masks and events are never edited, so newest-wins is enough there.
CONFLICT_TABLES = frozenset({"wijken", "buurten", "streets", "rounds", "participants", "round_streets",
                             "findings", "actions", "profiles", "indicators"})
STAMP_COLUMNS = frozenset({"updated_at", "updated_by"})
#: Bookkeeping that says when and where a row was made or changed, not what it holds:
#: two versions that differ only here are no conflict.
METADATA_COLUMNS = STAMP_COLUMNS | {"created_at"}
DERIVED_KINDS = ("thumb", "report")
#: An action's status follows its newest history entry after a merge (see
#: SyncRepo.settle_action_status), so a concurrent status change is no conflict.
ACTION_STATUS_COLUMNS = frozenset({"status", "status_reason"})

TABLE_LABELS = {
    "wijken": "wijk", "buurten": "buurt", "streets": "straat", "profiles": "kwaliteitsprofiel",
    "rounds": "ronde", "participants": "deelnemer", "round_streets": "straatvoortgang",
    "findings": "bevinding", "actions": "actiepunt", "action_events": "actiegeschiedenis", "photos": "foto",
    "rechecks": "herschouwpunt", "schouwpunten": "schouwpunt",
    "indicators": "indicator", "indicator_values": "indicatorwaarde",
    "cycles": "traject", "cycle_priorities": "prioriteit", "cycle_priority_findings": "prioriteitsbevinding",
    "cycle_actions": "prioriteitsactie",
}


@dataclass
class MergeResult:
    package_id: str
    round_id: str
    already_imported: bool = False
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    unchanged: int = 0
    kept_local: int = 0
    skipped: int = 0
    conflicts: int = 0
    photos_written: int = 0
    forms_added: int = 0
    seconds: float = 0.0
    #: How the merge was written: "rollback" (photo bytes written once) or "wal".
    journal: str = ""
    #: Other live rounds of the same buurt and date, when the package's round came in
    #: as a separate round (the user is told and may merge it with ``merge_into``).
    same_day_rounds: list[str] = field(default_factory=list)
    #: The local round the package's round was merged into, when it was.
    merged_into: str | None = None
    #: Incoming findings paired with a finding of that round.
    paired: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "package_id": self.package_id, "round_id": self.round_id, "already_imported": self.already_imported,
            "added": dict(self.added), "updated": dict(self.updated), "deleted": dict(self.deleted),
            "unchanged": self.unchanged, "kept_local": self.kept_local, "skipped": self.skipped,
            "conflicts": self.conflicts, "photos_written": self.photos_written, "forms_added": self.forms_added,
            "same_day_rounds": list(self.same_day_rounds), "merged_into": self.merged_into, "paired": self.paired,
        }


def _version(row: dict[str, Any]) -> tuple[str, str]:
    return row["updated_at"], row.get("updated_by") or ""


def incoming_rows(doc: PackageDocument) -> dict[str, list[dict[str, Any]]]:
    """The package's rows per table, as plain values (dates and enums as text)."""
    def dump(model, exclude: set[str] | None = None) -> dict[str, Any]:
        return model.model_dump(mode="json", exclude=exclude)

    return {
        "wijken": [dump(doc.wijk)],
        "buurten": [dump(doc.buurt)],
        "streets": [dump(s) for s in doc.streets],
        "profiles": [dump(doc.profile)] if doc.profile else [],
        "rounds": [dump(doc.round)],
        "participants": [dump(p) for p in doc.participants],
        "round_streets": [dump(r) for r in doc.round_streets],
        "findings": [dump(f) for f in doc.findings],
        "actions": [dump(a, {"history"}) for a in doc.actions],
        "action_events": [dump(e) for a in doc.actions for e in a.history],
        "photos": [dump(p) for p in doc.photos],
        "rechecks": [dump(r) for r in doc.rechecks],
        "schouwpunten": [dump(p) for p in doc.schouwpunten],
        "indicators": [dump(i) for i in doc.indicators],
        "indicator_values": [dump(v) for v in doc.indicator_values],
        "cycles": [dump(c) for c in doc.cycles],
        "cycle_priorities": [dump(p) for p in doc.cycle_priorities],
        "cycle_priority_findings": [dump(link) for link in doc.cycle_priority_findings],
        "cycle_actions": [dump(link) for link in doc.cycle_actions],
    }


@dataclass
class _Plan:
    writes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    blobs: list[tuple[str, str]] = field(default_factory=list)          # (photo id, member)
    drop_derived: list[str] = field(default_factory=list)                # photo ids
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    round_id: str = ""
    #: (package round id, local round id) when merged into another round.
    alias: tuple[str, str] | None = None


def pairing_key(row: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """What makes two findings of one round the same observation: street, item, and
    the spot on the street (house number and spot text, compared loosely)."""
    def loose(text: str | None) -> str:
        return " ".join((text or "").split()).casefold()

    return (row["street_id"], row["element"], row["aspect"], loose(row.get("house_number")), loose(row.get("spot")))


class Merger:
    def __init__(self, project, package: VerifiedPackage, merge_into: str | None = None):
        self.project = project
        self.package = package
        self.doc = package.document
        self.sync = SyncRepo(project)
        self.result = MergeResult(self.doc.package_id, self.doc.round.id)
        self.idmap: dict[str, str] = {}
        self.merge_into = merge_into
        #: Local findings of the target round still free to pair, per pairing key.
        self.pairable: dict[tuple, list[dict[str, Any]]] = {}

    def _target_round(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """The local round the package's round is merged into, if any (chosen now or
        remembered from an earlier package); records the same-day candidates otherwise."""
        sync, in_id = self.sync, row["id"]
        if sync.exists("rounds", in_id):
            if self.merge_into and self.merge_into != in_id:
                raise SchouwError("merge_into_separate", id=in_id[:8])
            return None
        target_id = self.merge_into or sync.round_alias(in_id)
        candidates = sync.same_day_rounds(row["buurt_id"], str(row["date"]), in_id)
        if target_id is None:
            self.result.same_day_rounds = [c["id"] for c in candidates]
            return None
        target = next((c for c in candidates if c["id"] == target_id or (
            len(target_id) >= 4 and c["id"].startswith(target_id))), None)
        if target is None:
            raise SchouwError("merge_into_mismatch", id=target_id, date=str(row["date"]))
        return target

    # -- deciding (read only) ---------------------------------------------------------
    def plan(self) -> _Plan:
        doc, sync = self.doc, self.sync
        plan = _Plan()
        incoming = incoming_rows(doc)
        files = {p.id: p.file for p in doc.photos}
        present: dict[str, set[str]] = {t: set() for t in TABLES}
        local_seen = sync.seen(doc.round.id)  # re-read below if the round has another id here
        for table in TABLES:
            columns = set(sync.columns(table))
            rows = []
            for raw in incoming[table]:
                row = {k: v for k, v in raw.items() if k in columns}
                for column in (*REFERENCES.get(table, {}), *REMAPPED.get(table, ())):
                    if row.get(column) is not None:
                        row[column] = self.idmap.get(row[column], row[column])
                rows.append(row)
            local = sync.rows_by_id(table, [r["id"] for r in rows])
            if table == "photos":
                kinds = sync.photo_blob_kinds(r["id"] for r in rows)
            if table == "findings" and plan.alias:
                claimed = set(local)  # found by id: never paired with another as well
                for found in sync.live_findings(plan.round_id):
                    if found["id"] not in claimed:
                        self.pairable.setdefault(pairing_key(found), []).append(found)
            for row in rows:
                in_id = row["id"]
                loc = local.get(in_id)
                if loc is None and table in NATURAL_KEYS:
                    loc = sync.find_natural(table, row)
                if loc is None and table == "findings" and plan.alias:
                    free = self.pairable.get(pairing_key(row))
                    if free:
                        loc = free.pop(0)
                        self.result.paired += 1
                if table == "rounds":
                    target = self._target_round(row)
                    if target is not None:
                        plan.alias = (in_id, target["id"])
                        self.result.merged_into = target["id"]
                        self.idmap[in_id] = target["id"]
                        plan.round_id = target["id"]
                        local_seen = sync.seen(target["id"])
                        present[table].add(target["id"])
                        self.result.kept_local += 1  # the target round's own title, notes, profile stay
                        continue
                if loc is not None and loc["id"] != in_id:
                    self.idmap[in_id] = loc["id"]
                    row["id"] = loc["id"]
                    row["created_at"] = loc["created_at"]
                self._check_references(table, row, present)
                if table == "rounds":
                    plan.round_id = row["id"]
                    local_seen = sync.seen(row["id"])
                present[table].add(row["id"])
                if table == "participants" and not doc.personal_data:
                    self._keep_personal(row, loc)
                member = files.get(in_id) if table == "photos" else None
                written = self._decide(plan, table, row, loc, local_seen, member)
                if table == "photos" and written:
                    self._decide_blob(plan, row, loc, member, kinds.get(row["id"], set()))
        if not self.sync.form_exists(doc.form.key):
            self.result.forms_added = 1
        return plan

    def _check_references(self, table: str, row: dict[str, Any], present: dict[str, set[str]]) -> None:
        if table == "indicators":
            self._check_area(row, present)
        for column, target in REFERENCES.get(table, {}).items():
            ref = row.get(column)
            if ref is None or ref in present[target] or self.sync.exists(target, ref):
                continue
            raise PackageRefused(self.package.path, "pkg_reference", what=TABLE_LABELS[table], id=row["id"],
                                 target=TABLE_LABELS[target], ref=ref)
        if table == "rounds" and row["form_key"] != self.doc.form.key and not self.sync.form_exists(row["form_key"]):
            raise PackageRefused(self.package.path, "pkg_reference", what="ronde", id=row["id"],
                                 target="formulier", ref=row["form_key"])

    def _check_area(self, row: dict[str, Any], present: dict[str, set[str]]) -> None:
        """An indicator's area is a wijk or a buurt by its ``area_kind`` ('' : none)."""
        target = {"wijk": "wijken", "buurt": "buurten"}.get(row.get("area_kind") or "")
        ref = row.get("area_id")
        if target is None or not ref or ref in present[target] or self.sync.exists(target, ref):
            return
        raise PackageRefused(self.package.path, "pkg_reference", what=TABLE_LABELS["indicators"], id=row["id"],
                             target=TABLE_LABELS[target], ref=ref)

    def _keep_personal(self, row: dict[str, Any], loc: dict[str, Any] | None) -> None:
        """A package without personal data never blanks the names this project has."""
        for key in ("name", "email", "phone"):
            row[key] = (loc or {}).get(key) or ("" if key != "name" else (row.get(key) or ""))

    def _differs(self, table: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
        ignore = set(METADATA_COLUMNS)
        if table == "actions":
            # the status is settled from the history entries, which merge without conflict
            ignore |= ACTION_STATUS_COLUMNS
        if table == "participants" and not self.doc.personal_data:
            ignore |= {"name", "email", "phone"}
        keys = (a.keys() | b.keys()) - ignore
        return any(a.get(k) != b.get(k) for k in keys)

    def _decide(self, plan: _Plan, table: str, row: dict[str, Any], loc: dict[str, Any] | None,
                local_seen: dict[str, str], member: str | None) -> bool:
        """Queue the row if it is to be written; True when it is."""
        result = self.result
        if loc is None:
            if table == "photos" and (row.get("deleted_at") or not member):
                result.skipped += 1
                return False
            plan.writes.setdefault(table, []).append(row)
            result.added[table] += 1
            if row.get("deleted_at"):
                result.deleted[table] += 1
            return True
        if _version(row) == _version(loc):
            result.unchanged += 1
            return False
        differs = self._differs(table, row, loc)
        if table == "profiles":
            # Local norms stay; a different incoming profile waits for the coordinator,
            # once: a later package that carries the version already set aside is no news.
            if differs and not self._known_here(row, local_seen):
                self._conflict(plan, table, kept=loc, other=row, kept_side="lokaal")
            result.kept_local += 1
            return False
        incoming_newer = _version(row) > _version(loc)
        if incoming_newer:
            plan.writes.setdefault(table, []).append(row)
            result.updated[table] += 1
            if row.get("deleted_at") and not loc.get("deleted_at"):
                result.deleted[table] += 1
        else:
            result.kept_local += 1
        if differs and table in CONFLICT_TABLES and self._concurrent(row, loc, local_seen):
            winner, loser = (row, loc) if incoming_newer else (loc, row)
            self._conflict(plan, table, kept=winner, other=loser,
                           kept_side="pakket" if incoming_newer else "lokaal")
        return incoming_newer

    def _concurrent(self, row: dict[str, Any], loc: dict[str, Any], local_seen: dict[str, str]) -> bool:
        """Both sides changed the row since they last met."""
        doc = self.doc
        sender_knew_local = (loc.get("updated_by") == doc.device_id
                             or doc.seen.get(loc.get("updated_by") or "", "") >= loc["updated_at"])
        return not sender_knew_local and not self._known_here(row, local_seen)

    def _known_here(self, row: dict[str, Any], local_seen: dict[str, str]) -> bool:
        """This project made this version of the row, or had it from an earlier package."""
        return (row.get("updated_by") == self.project.device_id
                or local_seen.get(row.get("updated_by") or "", "") >= row["updated_at"])

    def _conflict(self, plan: _Plan, table: str, *, kept: dict, other: dict, kept_side: str) -> None:
        plan.conflicts.append({"table": table, "row_id": kept["id"], "kept": kept, "other": other,
                               "kept_side": kept_side})

    def _decide_blob(self, plan: _Plan, row: dict[str, Any], loc: dict[str, Any] | None,
                     member: str | None, kinds: set[str]) -> None:
        """Photo bytes: the package's export copy only where this project has no master
        (never replace a local master with a masked, re-encoded copy); when the masks
        changed, the derived copies are dropped and re-made with the new masks."""
        if "jpeg" not in kinds and member:
            plan.blobs.append((row["id"], member))
        elif loc is not None and (loc.get("masks") or []) != (row.get("masks") or []):
            plan.drop_derived.append(row["id"])

    # -- writing (one transaction) ----------------------------------------------------
    def apply(self, plan: _Plan, progress: Progress | None = None) -> None:
        doc, sync = self.doc, self.sync
        total = len(plan.blobs)
        round_id = plan.round_id or doc.round.id
        with self.project.bulk() as journal:
            self.result.journal = journal
            sync.add_form(doc.form.model_dump(mode="json"))
            for table in TABLES:
                rows = plan.writes.get(table)
                if rows:
                    sync.upsert(table, rows)
            photos = prefetch(self.package, [member for _, member in plan.blobs])
            try:
                for n, ((photo_id, _), (data, digest)) in enumerate(zip(plan.blobs, photos, strict=True), start=1):
                    sync.put_photo_blob(photo_id, "jpeg", data, digest)
                    self.result.photos_written += 1
                    if progress is not None and n % 50 == 0 and progress(n, total, "samenvoegen") is False:
                        raise SchouwError("cancelled")
            finally:
                photos.close()
            touched = {r["action_id"] for r in plan.writes.get("action_events", [])}
            if touched:
                sync.settle_action_status(sorted(touched))
            self.project.fault_point("import-photos-written")
            for photo_id in plan.drop_derived:
                sync.drop_photo_blobs(photo_id, DERIVED_KINDS)
            for c in plan.conflicts:
                if sync.add_conflict(table=c["table"], row_id=c["row_id"], round_id=round_id,
                                     package_id=doc.package_id, kept=c["kept"], other=c["other"],
                                     kept_side=c["kept_side"]):
                    self.result.conflicts += 1
            if plan.alias:
                sync.set_round_alias(*plan.alias)
            sync.raise_seen(round_id, {k: v for k, v in doc.seen.items() if k})
            sync.record_package(
                package_id=doc.package_id, round_id=round_id, source_device=doc.device_id,
                source_project=doc.project_id, created_at=doc.created_at, incremental=doc.incremental,
                change_first=doc.changes.first, change_last=doc.changes.last, summary=self.result.as_dict())
        self.result.round_id = round_id


def prefetch(package: VerifiedPackage, members: list[str], depth: int = 32) -> Iterator[tuple[bytes, str]]:
    """Read and hash members on a second thread while the caller writes the previous
    ones to SQLite (both release the GIL for the bulk of their work). At most ``depth``
    photos wait in memory; an error in the reader is raised in the caller."""
    if not members:
        return
    box: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def read() -> None:
        try:
            with package.reader() as reader:
                for member in members:
                    item = reader.read_checked(member)
                    while not stop.is_set():
                        try:
                            box.put(item, timeout=0.2)
                            break
                        except queue.Full:
                            continue
                    if stop.is_set():
                        return
        except BaseException as error:  # noqa: BLE001 - handed to the consuming thread
            box.put(error)

    thread = threading.Thread(target=read, name="package-reader", daemon=True)
    thread.start()
    try:
        for _ in members:
            item = box.get()
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)


def merge_package(project, package: VerifiedPackage, progress: Progress | None = None, *,
                  merge_into: str | None = None) -> MergeResult:
    """Merge a checked package; importing the same package again changes nothing.
    ``merge_into``: the id (or its first characters) of another round of the same
    buurt and date to merge the package's round into (see the module docstring)."""
    started = time.perf_counter()
    sync = SyncRepo(project)
    doc = package.document
    previous = sync.imported_package(doc.package_id)
    if previous is not None:
        return MergeResult(doc.package_id, previous["round_id"], already_imported=True)
    merger = Merger(project, package, merge_into)
    plan = merger.plan()
    merger.apply(plan, progress)
    merger.result.seconds = time.perf_counter() - started
    return merger.result


def make_missing_copies(project, progress: Progress | None = None, batch: int = 32) -> int:
    """Thumbnails and report copies for photos that came in a package (which carries
    only the export copy). Runs after the merge in small transactions, so it can be
    cancelled and resumed; a photo that cannot be decoded is left for ``schouw check``.
    Pillow decodes and encodes outside the GIL, so a few threads use every core; the
    project's connection stays on this thread."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    from schouw.photos import Mask, derivatives

    sync = SyncRepo(project)
    todo = {pid: masks for pid, masks in sync.photos_missing("report", limit=10**9)}
    todo.update({pid: masks for pid, masks in sync.photos_missing("thumb", limit=10**9)})
    items = list(todo.items())

    def make(job: tuple[str, bytes | None, list]) -> tuple[str, bytes, bytes] | None:
        photo_id, master, masks = job
        try:
            thumb, report = derivatives(master, [Mask.from_dict(m) for m in masks])
        except Exception:  # noqa: BLE001 - a damaged photo must not stop the rest
            return None
        return photo_id, thumb, report

    made = 0
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        for start in range(0, len(items), batch):
            jobs = [(pid, sync.photo_master(pid), masks) for pid, masks in items[start:start + batch]]
            copies = [c for c in pool.map(make, jobs) if c is not None]
            with project.atomic():
                for photo_id, thumb, report in copies:
                    sync.put_photo_blob(photo_id, "thumb", thumb)
                    sync.put_photo_blob(photo_id, "report", report)
            made += len(copies)
            if progress is not None and progress(min(start + batch, len(items)), len(items),
                                                 "foto's afwerken") is False:
                break
    return made
