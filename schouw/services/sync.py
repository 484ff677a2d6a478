"""`schouw sync` and the app's sync button: one use case for both.

A run: (1) the profile's rule queues what it picks, in one transaction; (2) the
outbox sends, reconciles, uploads photos and reads status back through the transport
the profile names; (3) with a ``[folder]`` block (or ``kind = "folder"``) the packages
of changed rounds are copied to the shared folder.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schouw import settings
from schouw.exchange.mor import folder as folder_transport
from schouw.exchange.mor.base import Transport
from schouw.exchange.mor.build import Selector, build_report, queue_finding, queue_selected
from schouw.exchange.mor.outbox import Outbox, Policy, RunResult, reset_failed
from schouw.exchange.mor.profile import SyncProfile, load_sync_profile
from schouw.exchange.mor.secrets import Secret, get_secret, set_secret
from schouw.exchange.mor.transports import close_transport, make_transport
from schouw.messages import SchouwError
from schouw.store.outbox import OutboxRepo
from schouw.store.project import Project

log = logging.getLogger(__name__)

#: Where the app remembers the chosen profile (settings.json) and the file it falls
#: back on in the data folder.
SETTING = "sync_profile"
DEFAULT_NAME = "sync-profiel.toml"

Progress = Callable[[int, int, str], None]


def profile_path(path: str | Path | None = None) -> Path:
    """--profile, else the profile chosen in the settings, else sync-profiel.toml in the
    data folder."""
    if path:
        return Path(path).expanduser()
    chosen = settings.load_settings().get(SETTING)
    if chosen:
        return Path(chosen).expanduser()
    default = settings.data_dir() / DEFAULT_NAME
    if default.exists():
        return default
    raise SchouwError("sync_no_profile", path=str(default))


def load_profile(path: str | Path | None = None) -> SyncProfile:
    return load_sync_profile(profile_path(path))


def choose_profile(path: str | Path) -> SyncProfile:
    """Check a profile and remember it as this installation's choice."""
    profile = load_sync_profile(path)
    data = settings.load_settings()
    data[SETTING] = str(Path(path).expanduser().resolve())
    settings.save_settings(data)
    return profile


def store_secret(profile: SyncProfile, value: str) -> str:
    """Keep the profile's API key / client secret; returns where it went."""
    if profile.kind == "folder":
        raise SchouwError("secret_not_needed")
    return set_secret(profile.secret_key, value)


def secret_for(profile: SyncProfile) -> Secret | None:
    return get_secret(profile.secret_key) if profile.kind != "folder" else None


# -- what the outbox holds, for people ------------------------------------------------------
STATE_LABELS = {"queued": "wachtrij", "sending": "onbekend", "sent": "verzonden", "failed": "mislukt",
                "unknown": "onbekend"}


def outbox_rows(project: Project) -> list[dict[str, Any]]:
    """Every outbox row with its street and item, as the CLI and the panel show it."""
    out = []
    for r in OutboxRepo(project).view():
        state = r["state"]
        # "sending" outside a run means the run ended mid-send: as uncertain as unknown
        shown = "unknown" if state == "sending" else state
        if state == "sent" and not r["remote_id"]:
            label = "verzonden, wacht op nummer"
        elif state == "sent":
            label = f"verzonden ({r['remote_id']})"
        elif shown == "failed":
            label = f"mislukt: {r['last_error']}" if r["last_error"] else "mislukt"
        elif shown == "unknown":
            label = "onbekend, wordt nagekeken"
        else:
            label = "wachtrij"
        level = "n.v.t." if r["not_applicable"] else r["level"]
        out.append({
            "id": r["id"], "finding_id": r["finding_id"], "round_id": r["round_id"], "street": r["street"],
            "number": r["number"], "element": r["element"], "aspect": r["aspect"], "level": level,
            "reason": r["reason"], "state": shown, "label": label, "attempts": r["attempts"],
            "next_attempt_at": r["next_attempt_at"], "first_attempt_at": r["first_attempt_at"],
            "last_error": r["last_error"], "remote_id": r["remote_id"], "token": r["token"],
            "mor_status": r["mor_status"], "mor_status_text": r["mor_status_text"],
            "action_status": r["action_status"], "photos": r["photo_count"],
            "photos_attached": r["photos_attached"], "finding_deleted": bool(r["finding_deleted_at"]),
        })
    return out


def mark_for_sending(project: Project, finding_id: str) -> bool:
    """The user marks one finding to go to the municipality (by hand)."""
    with project.atomic():
        return queue_finding(project, finding_id, "hand")


def unmark(project: Project, finding_id: str) -> bool:
    """Take a finding out of the outbox while nothing was attempted for it."""
    return OutboxRepo(project).withdraw(finding_id)


def retry_failed(project: Project, outbox_ids: list[str] | None = None) -> int:
    return reset_failed(project, outbox_ids)


# -- a run -------------------------------------------------------------------------------------
@dataclass
class SyncOutcome:
    profile: str
    kind: str
    dry_run: bool = False
    queued_now: list[str] = field(default_factory=list)
    retried: int = 0
    run: RunResult | None = None
    packages: list[dict[str, Any]] = field(default_factory=list)
    package_error: str | None = None
    plan: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile, "kind": self.kind, "dry_run": self.dry_run,
            "queued_now": self.queued_now, "retried": self.retried,
            "result": self.run.as_dict() if self.run else None, "packages": self.packages,
            "package_error": self.package_error, "plan": self.plan, "counts": self.counts,
        }


def plan(project: Project, profile: SyncProfile) -> list[dict[str, Any]]:
    """What a run would send now, without writing anything or going online."""
    items: list[dict[str, Any]] = []
    repo = OutboxRepo(project)
    for row in repo.rows():
        if row.state == "sent":
            continue
        report = build_report(project, row, profile, with_photos=False)
        items.append(_plan_item(report, row.state, row.reason, len(repo.live_photo_ids(row.finding_id))))
    for cand in Selector(project, profile).candidates():
        fake = _FakeRow(cand["finding_id"])
        report = build_report(project, fake, profile, with_photos=False)  # type: ignore[arg-type]
        items.append(_plan_item(report, "new", "auto", len(repo.live_photo_ids(cand["finding_id"]))))
    return items


@dataclass(frozen=True)
class _FakeRow:
    finding_id: str
    id: str = ""


def _plan_item(report, state: str, reason: str, photos: int) -> dict[str, Any]:
    return {"finding_id": report.finding_id, "state": state, "reason": reason, "title": report.title,
            "service_code": report.service_code, "lat": report.lat, "lon": report.lon,
            "address": None if report.address is None else
            " ".join(p for p in (report.address.street, report.address.number) if p),
            "photos": photos}


def run_sync(project: Project, profile: SyncProfile, *, transport: Transport | None = None,
             dry_run: bool = False, retry: bool = False, respect_backoff: bool = False,
             policy: Policy | None = None, progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None) -> SyncOutcome:
    outcome = SyncOutcome(profile=profile.name, kind=profile.kind, dry_run=dry_run)
    sends = profile.kind in ("open311", "signalen")
    if dry_run:
        if sends:
            outcome.plan = plan(project, profile)
        if profile.folder is not None:
            outcome.packages = folder_transport.export_rounds(project, profile, dry_run=True)
        outcome.counts = OutboxRepo(project).counts()
        return outcome
    if sends:
        if retry:
            outcome.retried = reset_failed(project)
        outcome.queued_now = queue_selected(project, profile)
        own = transport is None
        if own:
            transport = make_transport(profile, secret_for(profile))
        try:
            box = Outbox(project, profile, transport, policy=policy or _policy_from_env(),
                         progress=progress, cancelled=cancelled)
            outcome.run = box.run(respect_backoff=respect_backoff)
        finally:
            if own:
                close_transport(transport)
        _log_run(outcome.run)
    if profile.folder is not None and not (outcome.run and (outcome.run.aborted or outcome.run.cancelled)):
        try:
            outcome.packages = folder_transport.export_rounds(project, profile, progress=progress,
                                                              cancelled=cancelled)
        except SchouwError as error:
            if not sends:
                raise
            outcome.package_error = error.message()
    outcome.counts = OutboxRepo(project).counts()
    return outcome


def _policy_from_env() -> Policy:
    """SCHOUW_SYNC_BACKOFF=seconds: a shorter base back-off (tests, demonstrations)."""
    value = os.environ.get("SCHOUW_SYNC_BACKOFF")
    if value:
        try:
            return Policy(base=max(0.0, float(value)))
        except ValueError:
            pass
    return Policy()


def _log_run(run: RunResult | None) -> None:
    if run is None:
        return
    for row in run.sent:
        log.info("melding %s verstuurd als %s", row.finding_id, row.remote_id or "(token)")
    for row in run.failed:
        log.warning("melding %s mislukt: %s", row.finding_id, row.message)
    for row in run.unknown:
        log.warning("melding %s: uitkomst onbekend (%s)", row.finding_id, row.message)
    if run.aborted:
        log.warning("sync gestopt: %s", run.aborted)
