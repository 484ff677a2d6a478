"""The MOR outbox: what this project file has to send to the municipality, and how far
each send got.

Every state change here is one short transaction that is committed before anything
goes over the network, so after a crash the table says exactly what may have happened:
``sending`` means "an attempt was started and its outcome was never recorded", which the
sync treats like ``unknown`` (look the finding up at the server before any resend).

States: ``queued`` (waiting; ``next_attempt_at`` set after a temporary error),
``sending`` (attempt recorded, outcome not yet), ``sent`` (the server has it:
``remote_id``, or only a ``token`` until the server assigns an id), ``failed`` (refused
by the server; waits for the user's retry), ``unknown`` (may have been stored; reconciled
before any resend).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from schouw.domain.models import new_id, utc_now
from schouw.store.rows import dict_rows

if TYPE_CHECKING:
    from schouw.store.project import Project

QUEUED, SENDING, SENT, FAILED, UNKNOWN = "queued", "sending", "sent", "failed", "unknown"
STATES = (QUEUED, SENDING, SENT, FAILED, UNKNOWN)
#: Rows whose outcome is not known: reconcile with the server before sending again.
UNCERTAIN = (SENDING, UNKNOWN)
#: Why a finding is in the outbox: picked by the profile's rule, or marked by hand.
REASONS = ("auto", "hand")
#: Per photo of a sent finding: upload started (outcome not recorded), attached, refused.
PHOTO_STATES = ("uploading", "attached", "refused")
#: The indicators a package of round ``:r`` carries (SyncRepo.round_scope): the whole
#: project's and those of the round's wijk and buurt.
_AREA_INDICATORS = (
    "(i.area_kind = '' OR (i.area_kind = 'buurt' AND i.area_id = (SELECT buurt_id FROM rounds WHERE id = :r)) "
    "OR (i.area_kind = 'wijk' AND i.area_id = (SELECT b.wijk_id FROM rounds x JOIN buurten b ON b.id = x.buurt_id "
    "WHERE x.id = :r)))")


@dataclass(frozen=True)
class OutboxRow:
    id: str
    finding_id: str
    reason: str
    state: str
    attempts: int
    queued_at: str
    first_attempt_at: str | None
    last_attempt_at: str | None
    next_attempt_at: str | None
    endpoint: str | None
    error_kind: str | None
    last_error: str
    remote_id: str | None
    token: str | None
    sent_at: str | None
    remote_state: str | None
    remote_state_text: str | None
    status_checked_at: str | None
    updated_at: str
    updated_by: str


_FIELDS = tuple(f.name for f in fields(OutboxRow))


def _row(data: dict[str, Any]) -> OutboxRow:
    return OutboxRow(**{k: data[k] for k in _FIELDS})


#: What selection needs about a finding, in one query (the rule itself is not SQL).
CANDIDATES_SQL = """
    SELECT f.id AS finding_id, f.round_id, f.element, f.aspect, f.level, f.not_applicable,
           f.street_id, s.area_type AS street_area_type, b.area_type AS buurt_area_type,
           r.profile_id, a.id AS action_id, a.party AS action_party, a.status AS action_status,
           a.mor_id
    FROM findings f
         JOIN streets s ON s.id = f.street_id
         JOIN buurten b ON b.id = s.buurt_id
         JOIN rounds r ON r.id = f.round_id
         LEFT JOIN actions a ON a.finding_id = f.id AND a.deleted_at IS NULL
    WHERE f.deleted_at IS NULL AND r.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM mor_outbox o WHERE o.finding_id = f.id)
      {where}
    ORDER BY r.date, s.position, s.name, f.created_at
"""

#: The outbox as people see it: per finding its street, item and state.
VIEW_SQL = """
    SELECT o.*, f.round_id, s.name AS street, f.house_number AS number, f.element, f.aspect,
           f.level, f.not_applicable, f.deleted_at AS finding_deleted_at,
           a.mor_status, a.mor_status_text, a.status AS action_status,
           (SELECT COUNT(*) FROM photos p WHERE p.finding_id = f.id AND p.deleted_at IS NULL) AS photo_count,
           (SELECT COUNT(*) FROM mor_outbox_photos x WHERE x.outbox_id = o.id AND x.state = 'attached')
               AS photos_attached
    FROM mor_outbox o JOIN findings f ON f.id = o.finding_id JOIN streets s ON s.id = f.street_id
         LEFT JOIN actions a ON a.finding_id = f.id AND a.deleted_at IS NULL
    {where}
    ORDER BY o.queued_at, s.position, s.name, f.created_at
"""


class OutboxRepo:
    def __init__(self, project: Project):
        self.p = project

    # -- queueing (inside the caller's transaction) ------------------------------------
    def enqueue(self, finding_id: str, reason: str = "hand") -> bool:
        """Put a finding in the outbox; False when it is there already (a finding is
        never queued twice). Joins the caller's transaction, so the user's decision and
        the queue entry are committed together."""
        if reason not in REASONS:
            raise ValueError(reason)
        now = utc_now()
        with self.p.atomic():
            cur = self.p.conn.execute(
                "INSERT OR IGNORE INTO mor_outbox(id, finding_id, reason, state, queued_at, updated_at, updated_by) "
                "VALUES (?, ?, ?, 'queued', ?, ?, ?)",
                (new_id(), finding_id, reason, now, now, self.p.device_id))
            return cur.rowcount == 1

    def withdraw(self, finding_id: str) -> bool:
        """Take a finding out again, only while nothing was ever attempted for it."""
        with self.p.atomic():
            cur = self.p.conn.execute(
                "DELETE FROM mor_outbox WHERE finding_id = ? AND attempts = 0 AND state = 'queued'",
                (finding_id,))
            return cur.rowcount == 1

    def candidates(self, *, with_action_only: bool) -> list[dict[str, Any]]:
        """Live findings not yet in the outbox, with what the selection rule needs."""
        where = "AND a.id IS NOT NULL" if with_action_only else ""
        rows = dict_rows(self.p.conn.execute(CANDIDATES_SQL.format(where=where)))
        for row in rows:
            row["not_applicable"] = bool(row["not_applicable"])
        return rows

    # -- reading -----------------------------------------------------------------------
    def get(self, outbox_id: str) -> OutboxRow | None:
        rows = dict_rows(self.p.conn.execute("SELECT * FROM mor_outbox WHERE id = ?", (outbox_id,)))
        return _row(rows[0]) if rows else None

    def for_finding(self, finding_id: str) -> OutboxRow | None:
        rows = dict_rows(self.p.conn.execute("SELECT * FROM mor_outbox WHERE finding_id = ?", (finding_id,)))
        return _row(rows[0]) if rows else None

    def rows(self, states: Iterable[str] | None = None) -> list[OutboxRow]:
        if states is None:
            cur = self.p.conn.execute("SELECT * FROM mor_outbox ORDER BY queued_at, id")
        else:
            wanted = tuple(states)
            marks = ", ".join("?" for _ in wanted)
            cur = self.p.conn.execute(
                f"SELECT * FROM mor_outbox WHERE state IN ({marks}) ORDER BY queued_at, id", wanted)
        return [_row(r) for r in dict_rows(cur)]

    def view(self, outbox_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Rows joined with their finding, street and action, for lists and --json."""
        if outbox_ids is None:
            return dict_rows(self.p.conn.execute(VIEW_SQL.format(where="")))
        ids = tuple(outbox_ids)
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        return dict_rows(self.p.conn.execute(VIEW_SQL.format(where=f"WHERE o.id IN ({marks})"), ids))

    def counts(self) -> dict[str, int]:
        cur = self.p.conn.execute("SELECT state, COUNT(*) FROM mor_outbox GROUP BY state")
        found = dict(cur.fetchall())
        return {state: found.get(state, 0) for state in STATES}

    # -- one send attempt ----------------------------------------------------------------
    def _set(self, outbox_id: str, **changes: Any) -> None:
        changes.update(updated_at=utc_now(), updated_by=self.p.device_id)
        columns = ", ".join(f"{key} = ?" for key in changes)
        with self.p.atomic():
            self.p.conn.execute(f"UPDATE mor_outbox SET {columns} WHERE id = ?", (*changes.values(), outbox_id))

    def mark_sending(self, outbox_id: str, endpoint: str) -> OutboxRow:
        """Record an attempt before it is made: committed when this returns."""
        now = utc_now()
        with self.p.atomic():
            self.p.conn.execute(
                "UPDATE mor_outbox SET state = 'sending', attempts = attempts + 1, "
                "first_attempt_at = COALESCE(first_attempt_at, ?), last_attempt_at = ?, "
                "next_attempt_at = NULL, endpoint = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                (now, now, endpoint, now, self.p.device_id, outbox_id))
        row = self.get(outbox_id)
        assert row is not None
        return row

    def mark_sent(self, outbox_id: str, remote_id: str | None, token: str | None, endpoint: str) -> None:
        self._set(outbox_id, state=SENT, remote_id=remote_id, token=token, endpoint=endpoint,
                  sent_at=utc_now(), next_attempt_at=None, error_kind=None, last_error="")

    def set_remote_id(self, outbox_id: str, remote_id: str) -> None:
        self._set(outbox_id, remote_id=remote_id)

    def mark_retry(self, outbox_id: str, kind: str, error: str, next_attempt_at: str | None) -> None:
        """Not stored at the server (temporary error, or a setup problem): queued again."""
        self._set(outbox_id, state=QUEUED, error_kind=kind, last_error=error, next_attempt_at=next_attempt_at)

    def mark_unknown(self, outbox_id: str, error: str, next_attempt_at: str | None) -> None:
        self._set(outbox_id, state=UNKNOWN, error_kind="unknown", last_error=error,
                  next_attempt_at=next_attempt_at)

    def mark_failed(self, outbox_id: str, kind: str, error: str) -> None:
        self._set(outbox_id, state=FAILED, error_kind=kind, last_error=error, next_attempt_at=None)

    def note(self, outbox_id: str, error: str, next_attempt_at: str | None = None) -> None:
        """Keep the state; remember why nothing moved (e.g. reconciling failed)."""
        self._set(outbox_id, last_error=error, next_attempt_at=next_attempt_at)

    def retry_failed(self, outbox_ids: Iterable[str] | None = None) -> int:
        """The user's "try again": failed rows back to the queue, due now."""
        now = utc_now()
        with self.p.atomic():
            if outbox_ids is None:
                cur = self.p.conn.execute(
                    "UPDATE mor_outbox SET state = 'queued', next_attempt_at = NULL, updated_at = ?, "
                    "updated_by = ? WHERE state = 'failed'", (now, self.p.device_id))
                return cur.rowcount
            count = 0
            for outbox_id in outbox_ids:
                cur = self.p.conn.execute(
                    "UPDATE mor_outbox SET state = 'queued', next_attempt_at = NULL, updated_at = ?, "
                    "updated_by = ? WHERE state = 'failed' AND id = ?", (now, self.p.device_id, outbox_id))
                count += cur.rowcount
            return count

    # -- photos --------------------------------------------------------------------------
    def photo_states(self, outbox_id: str) -> dict[str, str]:
        cur = self.p.conn.execute("SELECT photo_id, state FROM mor_outbox_photos WHERE outbox_id = ?", (outbox_id,))
        return dict(cur.fetchall())

    def mark_photos(self, outbox_id: str, photo_ids: Iterable[str], state: str, message: str = "") -> None:
        """``uploading`` is recorded (and committed) before an upload, ``attached`` after
        it, ``refused`` when the server will never take the photo (with its message)."""
        if state not in PHOTO_STATES:
            raise ValueError(state)
        now = utc_now()
        with self.p.atomic():
            self.p.conn.executemany(
                "INSERT INTO mor_outbox_photos(outbox_id, photo_id, state, message, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(outbox_id, photo_id) DO UPDATE SET state = excluded.state, "
                "message = excluded.message, updated_at = excluded.updated_at",
                [(outbox_id, photo_id, state, message, now) for photo_id in photo_ids])

    def live_photo_ids(self, finding_id: str) -> list[str]:
        cur = self.p.conn.execute(
            "SELECT id FROM photos WHERE finding_id = ? AND deleted_at IS NULL ORDER BY position, created_at",
            (finding_id,))
        return [r[0] for r in cur]

    # -- status that came back ---------------------------------------------------------
    def record_remote(self, outbox_id: str, finding_id: str, *, remote_id: str, mapped: str, words: str,
                      notes: str, checked: bool) -> None:
        """The municipality's id and status: on the outbox row (``mapped``, our status)
        and on the action that reports and `findings list` show (``mor_status`` = the
        server's own words, ``mor_status_text`` = its notes), in one transaction."""
        now = utc_now()
        with self.p.atomic():
            changes: dict[str, Any] = {"remote_id": remote_id, "remote_state": mapped, "remote_state_text": words}
            if checked:
                changes["status_checked_at"] = now
            self._set(outbox_id, **changes)
            self.p.conn.execute(
                "UPDATE actions SET mor_id = ?, mor_status = ?, mor_status_text = ?, updated_at = ?, updated_by = ? "
                "WHERE finding_id = ? AND deleted_at IS NULL AND "
                "(mor_id IS NOT ? OR mor_status IS NOT ? OR mor_status_text IS NOT ?)",
                (remote_id, words, notes, now, self.p.device_id, finding_id, remote_id, words, notes))

    # -- shared-folder packages ----------------------------------------------------------
    def round_fingerprint(self, round_id: str) -> str:
        """The newest change anywhere in a round: a package is rewritten only when this moves."""
        row = self.p.conn.execute(
            f"""SELECT MAX(t) FROM (
                   SELECT updated_at AS t FROM rounds WHERE id = :r
                   UNION ALL SELECT MAX(updated_at) FROM findings WHERE round_id = :r
                   UNION ALL SELECT MAX(a.updated_at) FROM actions a JOIN findings f ON f.id = a.finding_id
                             WHERE f.round_id = :r
                   UNION ALL SELECT MAX(p.updated_at) FROM photos p JOIN findings f ON f.id = p.finding_id
                             WHERE f.round_id = :r
                   UNION ALL SELECT MAX(updated_at) FROM participants WHERE round_id = :r
                   UNION ALL SELECT MAX(updated_at) FROM round_streets WHERE round_id = :r
                   UNION ALL SELECT MAX(i.updated_at) FROM indicators i WHERE {_AREA_INDICATORS}
                   UNION ALL SELECT MAX(v.updated_at) FROM indicator_values v
                             JOIN indicators i ON i.id = v.indicator_id WHERE {_AREA_INDICATORS}
                   UNION ALL SELECT MAX(updated_at) FROM cycles WHERE buurt_id = (SELECT buurt_id FROM rounds WHERE id = :r)
                   UNION ALL SELECT MAX(p.updated_at) FROM cycle_priorities p JOIN cycles c ON c.id = p.cycle_id
                             WHERE c.buurt_id = (SELECT buurt_id FROM rounds WHERE id = :r)
                   UNION ALL SELECT MAX(l.updated_at) FROM cycle_priority_findings l
                             JOIN cycle_priorities p ON p.id = l.priority_id JOIN cycles c ON c.id = p.cycle_id
                             WHERE c.buurt_id = (SELECT buurt_id FROM rounds WHERE id = :r)
                   UNION ALL SELECT MAX(l.updated_at) FROM cycle_actions l
                             JOIN cycle_priorities p ON p.id = l.priority_id JOIN cycles c ON c.id = p.cycle_id
                             WHERE c.buurt_id = (SELECT buurt_id FROM rounds WHERE id = :r))""",
            {"r": round_id}).fetchone()
        return row[0] or ""
