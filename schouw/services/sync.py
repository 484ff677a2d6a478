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
from schouw.exchange.mor.build import (
    Selector,
    build_report,
    party_matches,
    queue_finding,
    queue_if_selected,
    queue_selected,
)
from schouw.exchange.mor.outbox import Outbox, Policy, RunResult, reset_failed
from schouw.exchange.mor.profile import SyncProfile, load_sync_profile
from schouw.exchange.mor.secrets import Secret, get_secret, set_secret
from schouw.exchange.mor.transports import close_transport, make_transport
from schouw.messages import SchouwError, render
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
            label = render("outbox_sent_waiting")
        elif state == "sent":
            label = render("outbox_sent", remote=r["remote_id"])
        elif shown == "failed":
            label = render("outbox_failed", error=r["last_error"]) if r["last_error"] else render("outbox_failed_plain")
        elif shown == "unknown":
            label = render("outbox_unknown")
        else:
            label = render("outbox_queued")
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


# -- the app: the chosen profile, one finding's place in the outbox, the rule as the user works ----
def chosen_profile_path() -> Path | None:
    """The profile file chosen in the settings (the one ``schouw sync`` uses without
    --profile), or None."""
    chosen = settings.load_settings().get(SETTING)
    return Path(chosen).expanduser() if chosen else None


def forget_profile() -> None:
    data = settings.load_settings()
    if data.pop(SETTING, None) is not None:
        settings.save_settings(data)


def chosen_profile() -> tuple[SyncProfile | None, str | None]:
    """The profile ``schouw sync`` without --profile would use, with no exception: the
    profile, or None and why (no profile chosen yet: no reason; a broken file: its
    message)."""
    try:
        return load_profile(), None
    except SchouwError as error:
        if error.key == "sync_no_profile":
            return None, None
        return None, error.message()


def sends(profile: SyncProfile | None) -> bool:
    """Whether the profile sends reports (Open311, Signalen) rather than only packages."""
    return profile is not None and profile.kind in ("open311", "signalen")


def has_secret(profile: SyncProfile) -> bool:
    return profile.kind != "folder" and get_secret(profile.secret_key) is not None


def finding_outbox(project: Project, finding_id: str) -> dict[str, Any] | None:
    """Where one finding stands in the outbox, for the editor's status line; None when
    it is not there. ``state`` folds ``sending`` into ``unknown`` (outside a run it
    means the outcome was never recorded); ``status_text`` is the server's own words,
    empty until the server has been asked."""
    repo = OutboxRepo(project)
    row = repo.for_finding(finding_id)
    if row is None:
        return None
    state = "unknown" if row.state == "sending" else row.state
    view = repo.view([row.id]) if row.status_checked_at else []
    return {
        "id": row.id, "state": state, "reason": row.reason, "attempts": row.attempts,
        "remote_id": row.remote_id, "token": row.token, "last_error": row.last_error,
        # only words the server said (not ours from the moment of sending)
        "status_text": (row.remote_state_text or "") if row.status_checked_at else "",
        "status_notes": (view[0]["mor_status_text"] or "") if view else "",  # status_notes, agency
        "next_attempt_at": row.next_attempt_at,
        "can_withdraw": row.state == "queued" and row.attempts == 0,
    }


def outbox_summary(project: Project) -> dict[str, int]:
    """Rows per state as people see them (``sending`` outside a run is ``unknown``)."""
    counts = OutboxRepo(project).counts()
    return {"queued": counts["queued"], "sent": counts["sent"], "failed": counts["failed"],
            "unknown": counts["unknown"] + counts["sending"]}


def retry_finding(project: Project, finding_id: str) -> bool:
    """The editor's "Opnieuw proberen": this finding's failed row back in the queue."""
    row = OutboxRepo(project).for_finding(finding_id)
    return row is not None and reset_failed(project, [row.id]) == 1


def queue_again(project: Project, finding_id: str, reason: str = "hand") -> bool:
    """Undo of taking a finding out: queued again for the same reason."""
    with project.atomic():
        return queue_finding(project, finding_id, reason)


class _Keep(Exception):
    """Rolls a savepoint back: the rule still picks the finding."""


def follow_rule(project: Project, finding_id: str, profile: SyncProfile | None) -> str | None:
    """After the user changed what the profile's rule looks at (the action's party, the
    level): queue the finding when the rule picks it now, or take out a row the rule
    queued earlier and no longer picks, as long as nothing was attempted for it. Rows
    marked by hand are the user's, never touched. Returns "queued", "withdrawn" or None.
    Runs inside the caller's transaction when there is one."""
    if not sends(profile):
        return None
    repo = OutboxRepo(project)
    with project.atomic():
        row = repo.for_finding(finding_id)
        if row is None:
            if profile.selection.parties:
                # the cheap part of the rule first: most edits concern findings whose
                # action lies elsewhere, and the full rule reads every finding
                action = project.actions.for_finding(finding_id)
                if action is None or not party_matches(action.party, profile.selection.parties):
                    return None
            return "queued" if queue_if_selected(project, finding_id, profile) else None
        if row.reason != "auto" or row.state != "queued" or row.attempts:
            return None
        try:
            # The rule only looks at findings outside the outbox: take the row out in a
            # savepoint, ask, and roll back when the rule still wants it (same row, same id).
            with project.atomic():
                repo.withdraw(finding_id)
                if queue_if_selected(project, finding_id, profile):
                    raise _Keep
        except _Keep:
            return None
        return "withdrawn"


def set_action_following_rule(project: Project, finding_id: str, *, wanted: bool, party: str,
                              due: Any, profile: SyncProfile | None) -> tuple[tuple, str | None]:
    """The user sets a finding's action (party, due date) and, in the same transaction,
    the profile's rule queues it (or takes out what it queued before, see
    :func:`follow_rule`). Returns the action as it was, for undo, and what the rule did."""
    from schouw.services import walk

    with project.atomic():
        before = walk.set_action(project, finding_id, wanted=wanted, party=party, due=due)
        change = follow_rule(project, finding_id, profile)
    return before, change


def set_auto_queued(project: Project, finding_id: str, queued: bool) -> bool:
    """Undo/redo of what the rule did: an automatic row back in, or out again (only
    while nothing was attempted for it)."""
    repo = OutboxRepo(project)
    with project.atomic():
        if queued:
            return repo.enqueue(finding_id, "auto")
        row = repo.for_finding(finding_id)
        if row is None or row.reason != "auto":
            return False
        return repo.withdraw(finding_id)


# -- profiles as files (the app's profile editor) ----------------------------------------------
#: pydantic's error types in words; other messages are passed on as they are.
_PROBLEMS = {
    "missing": "ontbreekt",
    "string_too_short": "mag niet leeg zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than_equal": "mag hoogstens {le} zijn",
    "float_parsing": "moet een getal zijn",
    "literal_error": "onbekende soort",
    "extra_forbidden": "onbekend veld",
}


def check_profile(data: dict[str, Any]) -> tuple[SyncProfile | None, dict[str, str]]:
    """Validate a profile as an editor holds it. Returns the profile, or None and the
    problems per field: "name", "kind", "base_url", "jurisdiction_id", "timeout",
    "signalen.token_url", "signalen.client_id", "signalen.source", "folder.path",
    "mapping", "selection.parties", ... ("" for a problem no single field owns)."""
    from pydantic import ValidationError

    try:
        return SyncProfile.model_validate(data), {}
    except ValidationError as error:
        problems: dict[str, str] = {}
        for problem in error.errors():
            loc = tuple(str(p) for p in problem.get("loc", ()))
            kind = problem.get("type", "")
            text = problem.get("msg", "").removeprefix("Value error, ")
            if kind in _PROBLEMS:
                try:
                    text = _PROBLEMS[kind].format(**(problem.get("ctx") or {}))
                except (KeyError, IndexError):
                    text = _PROBLEMS[kind]
            field_name = ".".join(loc[:2]) if loc else _owner_of(text, data)
            if field_name in ("signalen", "folder"):  # the whole block is missing or wrong
                field_name = "signalen.token_url" if field_name == "signalen" else "folder.path"
            problems.setdefault(field_name, text)
        return None, problems


def _owner_of(text: str, data: dict[str, Any]) -> str:
    """The field a profile-wide problem (``SyncProfile._complete``) is about."""
    signalen = data.get("signalen") or {}
    token_url = signalen.get("token_url", "") if isinstance(signalen, dict) else ""
    if "[signalen]" in text or "token_url" in text or (token_url and token_url in text) \
            or (data.get("kind") == "signalen" and not token_url and "''" in text):
        return "signalen.token_url"
    if "[folder]" in text:
        return "folder.path"
    if "base_url" in text:
        return "base_url"
    return ""


def _toml_string(value: str) -> str:
    import json

    # a JSON string is a TOML basic string, except that TOML also wants DEL escaped
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # "20", as people write it; read back as the same number
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value).__name__)


def profile_toml(profile: SyncProfile) -> str:
    """A profile as the TOML file ``load_sync_profile`` reads back to the same profile."""
    from schouw.exchange.mor.profile import Open311Settings

    lines = ["# Synchronisatieprofiel voor schouw (zie docs/sync.md).",
             "# De API-sleutel of het client secret staat nooit in dit bestand.",
             f"name = {_toml_string(profile.name)}", f"kind = {_toml_string(profile.kind)}"]
    if profile.base_url:
        lines.append(f"base_url = {_toml_string(profile.base_url)}")
    if profile.jurisdiction_id:
        lines.append(f"jurisdiction_id = {_toml_string(profile.jurisdiction_id)}")
    lines.append(f"timeout = {_toml_value(profile.timeout)}")
    if profile.kind == "open311" or profile.open311 != Open311Settings():
        lines += ["", "[open311]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in profile.open311.model_dump().items()]
    if profile.signalen is not None:
        lines += ["", "[signalen]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in profile.signalen.model_dump().items()]
    lines += ["", "[mapping]", "# ELEMENT.ASPECT, ELEMENT of default -> service_code / subcategorie"]
    lines += [f"{_toml_string(key)} = {_toml_string(code)}" for key, code in profile.mapping.items()]
    lines += ["", "[selection]", f"below_norm = {_toml_value(profile.selection.below_norm)}",
              f"parties = {_toml_value(profile.selection.parties)}"]
    if profile.folder is not None:
        lines += ["", "[folder]", f"path = {_toml_string(profile.folder.path)}"]
    return "\n".join(lines) + "\n"


def save_profile(profile: SyncProfile, path: str | Path) -> Path:
    """Write the profile as TOML, atomically: a temporary file in the same folder, read
    back and compared, then renamed over the old one. A crash leaves the old file."""
    import contextlib

    path = Path(path).expanduser()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(profile_toml(profile))
            handle.flush()
            os.fsync(handle.fileno())
        if load_sync_profile(tmp) != profile:
            raise SchouwError("bad_sync_profile", path=str(path), detail="het geschreven bestand leest anders terug")
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SchouwError("bad_sync_profile", path=str(path), detail=error.strerror or str(error)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def fetch_services(profile: SyncProfile) -> list:
    """What the endpoint accepts (Open311 services, Signalen sub-categories), for the
    profile editor's mapping. Raises TransportError (offline, refused) or SchouwError."""
    transport = make_transport(profile, secret_for(profile))
    try:
        return list(transport.services())
    finally:
        close_transport(transport)
