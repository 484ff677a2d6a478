"""The send loop: one mechanism for every transport, built so a request reaches the
municipality exactly once whatever happens on the way.

For each outbox row:

1. The attempt is recorded (state ``sending``, attempts + 1, the time) and COMMITTED
   before the request leaves. A crash from here on leaves ``sending`` behind.
2. The transport sends and classifies what happened (``TransportError.kind``):
   success -> ``sent`` with the remote id (or a token, resolved on later runs);
   ``temporary`` -> back to ``queued`` with exponential back-off and jitter;
   ``permanent`` -> ``failed`` with the server's message, until the user retries;
   ``unknown`` -> ``unknown``; ``config`` -> the whole run stops with the message.
3. A row found ``sending`` or ``unknown`` is never sent again before
   ``transport.find(report, since=first attempt)`` says the server does not have it.
   A row that became unknown in this run is looked up once at the end of the run but
   not resent in the same run: a server that stores slowly gets time until the next.
4. Photos of sent rows go once each: per photo ``uploading`` is committed before the
   upload and ``attached`` after; a photo left ``uploading`` by a crash is checked with
   the transport's optional ``attached_photos`` before it is uploaded again.
5. Status of sent rows is read back into the action (mor_id, mor_status,
   mor_status_text, and the action's status, as the municipality's truth).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from schouw.domain.actions import ActionStatus
from schouw.domain.models import Action
from schouw.exchange.mor.base import (
    OutgoingReport,
    RemoteStatus,
    SendOutcome,
    Transport,
    TransportError,
)
from schouw.exchange.mor.build import build_report
from schouw.exchange.mor.profile import SyncProfile
from schouw.messages import SchouwError
from schouw.store.outbox import QUEUED, SENT, UNCERTAIN, OutboxRepo, OutboxRow

if TYPE_CHECKING:
    from schouw.store.project import Project

log = logging.getLogger(__name__)

#: ``find`` looks back from the first attempt by this much: laptop and server clocks
#: differ, and some servers read times without their zone.
RECONCILE_MARGIN = timedelta(hours=3)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Policy:
    """Back-off after a failure that may be retried: base * 2^(attempts-1), capped,
    with +/- ``jitter`` so many laptops coming online together do not retry in step."""

    base: float = 30.0
    cap: float = 6 * 3600.0
    jitter: float = 0.25
    #: After this many temporary errors in a row the server counts as unreachable and
    #: the run stops sending (each further try would only cost a timeout).
    max_temporary_in_row: int = 2

    def delay(self, attempts: int, rng: random.Random | None = None) -> float:
        rng = rng or random
        raw = min(self.cap, self.base * 2 ** max(0, attempts - 1))
        return max(0.0, min(self.cap, raw * (1 + rng.uniform(-self.jitter, self.jitter))))


def stamp(moment: datetime) -> str:
    """The store's time format (utc_now): sortable as text."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def endpoint_of(profile: SyncProfile) -> str:
    """Which server a row went to: a row is only reconciled or polled there."""
    return f"{profile.kind}:{profile.base_url}"


@dataclass
class RowResult:
    outbox_id: str
    finding_id: str
    state: str
    remote_id: str | None = None
    message: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class RunResult:
    sent: list[RowResult] = field(default_factory=list)        # sent in this run (or found after unknown)
    failed: list[RowResult] = field(default_factory=list)      # refused: waits for the user
    unknown: list[RowResult] = field(default_factory=list)     # may be stored: reconciled next run
    retrying: list[RowResult] = field(default_factory=list)    # temporary: queued with back-off
    skipped: list[RowResult] = field(default_factory=list)     # not due yet, other endpoint, withdrawn
    problems: list[RowResult] = field(default_factory=list)    # a token, photo or status read failed
    photos: int = 0
    statuses: int = 0                                          # actions whose status changed
    aborted: str | None = None                                 # config error: the message
    offline: str | None = None                                 # the server could not be reached
    cancelled: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "sent": [r.as_dict() for r in self.sent], "failed": [r.as_dict() for r in self.failed],
            "unknown": [r.as_dict() for r in self.unknown], "retrying": [r.as_dict() for r in self.retrying],
            "skipped": [r.as_dict() for r in self.skipped],
            "problems": [r.as_dict() for r in self.problems], "photos": self.photos,
            "statuses": self.statuses, "aborted": self.aborted, "offline": self.offline,
            "cancelled": self.cancelled,
        }


class _Abort(Exception):
    """Stop the run: a setup problem (config) or the server is unreachable."""

    def __init__(self, message: str, *, config: bool):
        super().__init__(message)
        self.message = message
        self.config = config


class _Cancelled(Exception):
    pass


class Outbox:
    def __init__(self, project: Project, profile: SyncProfile, transport: Transport, *,
                 policy: Policy | None = None, clock: Callable[[], datetime] | None = None,
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                 rng: random.Random | None = None):
        self.p = project
        self.repo = OutboxRepo(project)
        self.profile = profile
        self.transport = transport
        self.policy = policy or Policy()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.progress = progress
        self.cancelled = cancelled or (lambda: False)
        self.rng = rng or random.Random()
        self.endpoint = endpoint_of(profile)
        self.result = RunResult()
        self._temporary_in_row = 0
        self._step = 0
        self._total = 0

    # -- the run -----------------------------------------------------------------------------
    def run(self, *, respect_backoff: bool = False, statuses: bool = True) -> RunResult:
        """One pass over the outbox. ``respect_backoff`` (automatic runs) leaves rows
        whose next attempt lies in the future; a run the user asked for sends them now."""
        now = stamp(self.clock())
        rows = self.repo.rows()
        uncertain = [r for r in rows if r.state in UNCERTAIN]
        queued = [r for r in rows if r.state == QUEUED]
        if respect_backoff:
            for row in [r for r in uncertain + queued if r.next_attempt_at and r.next_attempt_at > now]:
                self.result.skipped.append(RowResult(row.id, row.finding_id, row.state,
                                                     message=f"volgende poging na {row.next_attempt_at}"))
            uncertain = [r for r in uncertain if not r.next_attempt_at or r.next_attempt_at <= now]
            queued = [r for r in queued if not r.next_attempt_at or r.next_attempt_at <= now]
        sent_rows = [r for r in rows if r.state == SENT]
        self._total = len(uncertain) + len(queued) + (len(sent_rows) if statuses else 0) + 1
        became_unknown: list[str] = []
        try:
            for row in uncertain + queued:
                self._check_cancel()
                self._tick(f"melding {row.finding_id[:8]}")
                if self._process(row, became_unknown):
                    self._photos(self.repo.get(row.id))
            for row in sent_rows:
                self._check_cancel()
                current = self.repo.get(row.id)
                if current is None:
                    continue
                if current.token and not current.remote_id:
                    self._resolve_token(current)
                    current = self.repo.get(row.id)
                if current.remote_id and current.endpoint in (None, self.endpoint):
                    self._photos(current)
            if statuses:
                for row in sent_rows:
                    self._check_cancel()
                    self._tick(f"status {row.remote_id or row.finding_id[:8]}")
                    self._status(self.repo.get(row.id))
            for outbox_id in became_unknown:
                self._check_cancel()
                self._reconcile_only(outbox_id)
        except _Abort as stop:
            if stop.config:
                self.result.aborted = stop.message
            else:
                self.result.offline = stop.message
        except _Cancelled:
            self.result.cancelled = True
        finally:
            self._tick("klaar", final=True)
        return self.result

    def _tick(self, text: str, final: bool = False) -> None:
        self._step = self._total if final else min(self._step + 1, self._total)
        if self.progress is not None:
            self.progress(self._step, self._total, text)

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise _Cancelled()

    def _next_at(self, attempts: int) -> str:
        return stamp(self.clock() + timedelta(seconds=self.policy.delay(attempts, self.rng)))

    def _report(self, row: OutboxRow, *, with_photos: bool = True) -> OutgoingReport | None:
        """The report for a row, or None when it cannot go (and the row says why)."""
        try:
            report = build_report(self.p, row, self.profile, with_photos=with_photos)
        except SchouwError as error:
            self._failed(row, "finding", error.message())
            return None
        except Exception as error:  # noqa: BLE001 - e.g. a photo that cannot be masked: never send it bare
            log.exception("building the report for %s failed", row.finding_id)
            self._failed(row, "photo", f"foto kan niet worden voorbereid ({type(error).__name__})")
            return None
        return report

    def _failed(self, row: OutboxRow, kind: str, message: str, *, refused: bool = False) -> None:
        """Mark failed; ``refused``: the server answered no to this very attempt."""
        if row.state in UNCERTAIN and not refused:
            # it may be at the server: keep it uncertain (a retry would skip the look-up)
            self.repo.note(row.id, message)
            self.result.problems.append(RowResult(row.id, row.finding_id, row.state, message=message))
            return
        self.repo.mark_failed(row.id, kind, message)
        self.result.failed.append(RowResult(row.id, row.finding_id, "failed", message=message))

    # -- sending one row ---------------------------------------------------------------------
    def _process(self, row: OutboxRow, became_unknown: list[str]) -> bool:
        """Send one row (reconciling first when needed); True when it is sent now."""
        if row.state in UNCERTAIN and row.endpoint not in (None, self.endpoint):
            self.result.skipped.append(RowResult(row.id, row.finding_id, row.state,
                                                 message=f"begonnen bij een ander meldsysteem ({row.endpoint})"))
            return False
        finding_deleted = self._finding_deleted(row)
        if row.state == QUEUED and finding_deleted:
            # never stored anywhere (queued means: not at the server): take it out
            self.repo.withdraw(row.finding_id)
            self.result.skipped.append(RowResult(row.id, row.finding_id, "withdrawn",
                                                 message="bevinding verwijderd; niet verstuurd"))
            return False
        report = self._report(row)
        if report is None:
            return False
        if not report.service_code:
            self._failed(row, "mapping", f"geen service_code voor {report.extra.get('element')}."
                         f"{report.extra.get('aspect')}: vul [mapping] in het profiel aan")
            return False
        if row.state in UNCERTAIN:
            found = self._find(row, report)
            if found is None:
                return False  # could not ask: stays uncertain, next run asks again
            if found:
                self._record_sent(row, SendOutcome(remote_id=found), found_again=True)
                return True
            if finding_deleted:
                self.repo.withdraw(row.finding_id)
                return False
        return self._send(row, report, became_unknown)

    def _find(self, row: OutboxRow, report: OutgoingReport) -> str | bool | None:
        """The remote id when the server has it, False when it surely has not, None
        when the server could not be asked."""
        since = stamp(parse_stamp(row.first_attempt_at or row.queued_at) - RECONCILE_MARGIN)
        try:
            found = self.transport.find(report, since)
        except TransportError as error:
            self._transport_error_without_send(row, error)
            return None
        self._temporary_in_row = 0
        return found or False

    def _transport_error_without_send(self, row: OutboxRow, error: TransportError) -> None:
        """A read (find, token, status, photos) went wrong: the row keeps its state."""
        if error.kind == "config":
            raise _Abort(error.message, config=True)
        if row.state in UNCERTAIN:
            self.repo.note(row.id, f"nakijken mislukt: {error.message}", self._next_at(max(1, row.attempts)))
            self.result.unknown.append(RowResult(row.id, row.finding_id, row.state, row.remote_id,
                                                 message=error.message))
        else:
            self.result.problems.append(RowResult(row.id, row.finding_id, row.state, row.remote_id,
                                                  message=error.message))
        if error.kind == "temporary":
            self._count_temporary(error)

    def _count_temporary(self, error: TransportError) -> None:
        self._temporary_in_row += 1
        if self._temporary_in_row >= self.policy.max_temporary_in_row:
            raise _Abort(f"de server is niet bereikbaar ({error.message}); de rest blijft in de wachtrij",
                         config=False)

    def _send(self, row: OutboxRow, report: OutgoingReport, became_unknown: list[str]) -> bool:
        row = self.repo.mark_sending(row.id, self.endpoint)
        self.p.fault_point("mor-attempt-recorded")
        try:
            outcome = self.transport.send(report)
        except TransportError as error:
            self._send_failed(row, error, became_unknown)
            return False
        self.p.fault_point("mor-answer-received")
        self._temporary_in_row = 0
        self._record_sent(row, outcome)
        self.p.fault_point("mor-sent-recorded")
        return True

    def _send_failed(self, row: OutboxRow, error: TransportError, became_unknown: list[str]) -> None:
        message = error.message
        if error.kind == "temporary":
            self.repo.mark_retry(row.id, "temporary", message, self._next_at(row.attempts))
            self.result.retrying.append(RowResult(row.id, row.finding_id, QUEUED, message=message))
            self._count_temporary(error)
        elif error.kind == "permanent":
            self._failed(row, "permanent", message, refused=True)
            self._temporary_in_row = 0
        elif error.kind == "config":
            # refused before anything was stored: it waits, untouched by back-off
            self.repo.mark_retry(row.id, "config", message, None)
            raise _Abort(message, config=True)
        else:
            self.repo.mark_unknown(row.id, message, self._next_at(row.attempts))
            self.result.unknown.append(RowResult(row.id, row.finding_id, "unknown", message=message))
            became_unknown.append(row.id)
            self._temporary_in_row = 0

    def _record_sent(self, row: OutboxRow, outcome: SendOutcome, *, found_again: bool = False) -> None:
        with self.p.atomic():
            self.repo.mark_sent(row.id, outcome.remote_id, outcome.token, self.endpoint)
            if outcome.photos:
                self.repo.mark_photos(row.id, outcome.photos, "attached")
                self.result.photos += len(outcome.photos)
            if outcome.remote_id:
                self._forwarded(row.finding_id, outcome.remote_id, outcome.status)
        note = "teruggevonden bij de server" if found_again else ""
        if outcome.remote_id is None:
            note = "ontvangen; wacht op een nummer van de server"
        self.result.sent.append(RowResult(row.id, row.finding_id, SENT, outcome.remote_id, note))

    def _forwarded(self, finding_id: str, remote_id: str, status: RemoteStatus | None) -> None:
        """The action now lies with the municipality: its id on the action, and the
        status 'doorgezet' (or what the server said)."""
        row = self.repo.for_finding(finding_id)
        action = self.p.actions.for_finding(finding_id)
        if action is None:
            action = self.p.actions.add(
                Action(finding_id=finding_id, party=self.profile.name, status=ActionStatus.OPEN),
                note=f"aangemaakt bij verzenden naar {self.profile.name}")
        state = status.state if status else ActionStatus.FORWARDED
        self.repo.record_remote(row.id, finding_id, remote_id=remote_id, mapped=state.value,
                                words=status.state_text if status else "verstuurd",
                                notes=_notes(status) if status else "", checked=status is not None)
        if action.status in (ActionStatus.OPEN, ActionStatus.REOPENED) or status is not None:
            self.p.actions.set_status(action.id, state, f"{self.profile.name}: melding {remote_id}", external=True)

    def _reconcile_only(self, outbox_id: str) -> None:
        """Right after an unknown outcome: look once; never resend in the same run."""
        row = self.repo.get(outbox_id)
        if row is None or row.state not in UNCERTAIN:
            return
        report = self._report(row, with_photos=False)
        if report is None:
            return
        since = stamp(parse_stamp(row.first_attempt_at or row.queued_at) - RECONCILE_MARGIN)
        try:
            found = self.transport.find(report, since)
        except TransportError as error:
            if error.kind == "config":
                raise _Abort(error.message, config=True) from None
            return
        if found:
            self.result.unknown = [r for r in self.result.unknown if r.outbox_id != outbox_id]
            self._record_sent(row, SendOutcome(remote_id=found), found_again=True)
            self._photos(self.repo.get(outbox_id))

    def _resolve_token(self, row: OutboxRow) -> None:
        try:
            remote_id = self.transport.resolve_token(row.token or "")
        except TransportError as error:
            self._transport_error_without_send(row, error)
            return
        if remote_id:
            with self.p.atomic():
                self.repo.set_remote_id(row.id, remote_id)
                self._forwarded(row.finding_id, remote_id, None)

    # -- photos ------------------------------------------------------------------------------
    def _photos(self, row: OutboxRow | None) -> None:
        if row is None or row.state != SENT or not row.remote_id:
            return
        live = self.repo.live_photo_ids(row.finding_id)
        states = self.repo.photo_states(row.id)
        pending = [p for p in live if states.get(p) not in ("attached", "refused")]
        if not pending:
            return
        report = self._report_for_photos(row)
        if report is None:
            return
        done = {p for p, s in states.items() if s in ("attached", "refused")}
        uncertain = [p for p in pending if states.get(p) == "uploading"]
        checker = getattr(self.transport, "attached_photos", None)
        try:
            # ask first after a crash mid-upload, and when nothing is known of this row's
            # photos yet (a request found again: the create call may have carried some)
            if checker is not None and (uncertain or not states):
                already = set(checker(row.remote_id, report)) & set(pending)
                if already:
                    self.repo.mark_photos(row.id, already, "attached")
                    done |= already
            to_send = [p for p in pending if p not in done]
            if not to_send:
                return
            self.repo.mark_photos(row.id, to_send, "uploading")
            self.p.fault_point("mor-photos-uploading")
            attached = set(self.transport.upload_photos(row.remote_id, report, set(done))) & set(live)
        except TransportError as error:
            if error.kind == "permanent":
                self.repo.mark_photos(row.id, [p for p in pending if p not in done], "refused", error.message)
                self.repo.note(row.id, f"foto geweigerd: {error.message}")
                return
            self._transport_error_without_send(row, error)
            return
        new = attached - done
        if new:
            self.repo.mark_photos(row.id, new, "attached")
            self.result.photos += len(new)

    def _report_for_photos(self, row: OutboxRow) -> OutgoingReport | None:
        try:
            return build_report(self.p, row, self.profile, with_photos=True)
        except Exception as error:  # noqa: BLE001 - never send a photo that could not be masked
            log.exception("preparing photos for %s failed", row.finding_id)
            self.repo.note(row.id, f"foto's kunnen niet worden voorbereid ({type(error).__name__})")
            return None

    # -- status ------------------------------------------------------------------------------
    def _status(self, row: OutboxRow | None) -> None:
        if row is None or row.state != SENT or not row.remote_id or row.endpoint not in (None, self.endpoint):
            return
        try:
            remote = self.transport.status(row.remote_id)
        except TransportError as error:
            if error.kind == "permanent":
                self.repo.note(row.id, f"status niet op te vragen: {error.message}")
                return
            self._transport_error_without_send(row, error)
            return
        self._temporary_in_row = 0
        self.apply_status(row, remote)

    def apply_status(self, row: OutboxRow, remote: RemoteStatus) -> None:
        """The municipality's status on the action, in one transaction."""
        action = self.p.actions.for_finding(row.finding_id)
        changed = action is not None and action.status != remote.state
        with self.p.atomic():
            self.repo.record_remote(row.id, row.finding_id, remote_id=remote.remote_id or row.remote_id,
                                    mapped=remote.state.value, words=remote.state_text[:200],
                                    notes=_notes(remote), checked=True)
            if changed:
                reason = f"{self.profile.name}: {remote.state_text}"
                if remote.notes:
                    reason += f" — {remote.notes}"
                if remote.agency:
                    reason += f" ({remote.agency})"
                self.p.actions.set_status(action.id, remote.state, reason[:500], external=True)
        if changed:
            self.result.statuses += 1

    def _finding_deleted(self, row: OutboxRow) -> bool:
        try:
            finding = self.p.findings.get(row.finding_id, include_deleted=True)
        except SchouwError:
            return True
        return finding.deleted_at is not None


def _notes(remote: RemoteStatus) -> str:
    """status_notes and the department, as the action's MOR status text."""
    parts = [remote.notes.strip()] if remote.notes.strip() else []
    if remote.agency:
        parts.append(f"({remote.agency})")
    return " ".join(parts)[:500]


def reset_failed(project: Project, outbox_ids: list[str] | None = None) -> int:
    """The user's "Opnieuw proberen": failed rows back in the queue, due now."""
    return OutboxRepo(project).retry_failed(outbox_ids)


__all__ = ["Outbox", "Policy", "RowResult", "RunResult", "endpoint_of", "reset_failed"]
