"""Schouwrondes, their participants and per-street progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schouw.domain.models import Participant, Round, RoundKind, new_id, utc_now
from schouw.messages import SchouwError
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project


class RoundRepo:
    def __init__(self, project: Project):
        self.p = project

    def add(self, round_: Round) -> Round:
        round_ = round_.model_copy(update={"updated_by": self.p.device_id})
        # The meting columns (v9) only when used: a knelpuntenschouw leaves them to the
        # schema's defaults, so a round can still be written in a file of an older schema.
        unused = {k for k in ("points_n", "seed", "closed_at") if getattr(round_, k) is None}
        if round_.kind == RoundKind.KNELPUNTEN:
            unused.add("kind")
        with self.p.atomic():
            self.p.db["rounds"].insert(to_row(round_, exclude=unused))
        return round_

    def get(self, round_id: str) -> Round:
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM rounds WHERE (id = ? OR id LIKE ? || '%') AND deleted_at IS NULL",
            (round_id, round_id)))
        if len(rows) != 1 or len(round_id) < 4:
            raise SchouwError("unknown_round", id=round_id)
        return from_row(Round, rows[0])

    def update(self, round_id: str, **changes: Any) -> None:
        changes = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in changes.items()}
        with self.p.atomic():
            self.p.db["rounds"].update(round_id, {**changes, **self.p.stamp()})

    def list(self, buurt_id: str | None = None) -> list[dict[str, Any]]:
        """Rounds with their area names and counts, newest first (for lists and --json)."""
        sql = """
            SELECT r.id, r.date, r.title, r.form_key, r.profile_id, r.buurt_id,
                   r.kind, r.points_n, r.seed, r.closed_at,
                   b.name AS buurt, w.name AS wijk, f.form_id, f.version AS form_version,
                   f.title AS form_title,
                   (SELECT COUNT(*) FROM findings x WHERE x.round_id = r.id AND x.deleted_at IS NULL) AS findings,
                   (SELECT COUNT(*) FROM participants x WHERE x.round_id = r.id AND x.deleted_at IS NULL) AS participants
            FROM rounds r JOIN buurten b ON b.id = r.buurt_id JOIN wijken w ON w.id = b.wijk_id
                 JOIN forms f ON f.key = r.form_key
            WHERE r.deleted_at IS NULL {where}
            ORDER BY r.date DESC, w.name, b.name
        """
        if buurt_id:
            return dict_rows(self.p.conn.execute(sql.format(where="AND r.buurt_id = ?"), (buurt_id,)))
        return dict_rows(self.p.conn.execute(sql.format(where="")))

    def rounds_of_buurt(self, buurt_id: str) -> list[Round]:
        cur = self.p.conn.execute(
            "SELECT * FROM rounds WHERE buurt_id = ? AND deleted_at IS NULL ORDER BY date", (buurt_id,))
        return [from_row(Round, r) for r in dict_rows(cur)]

    # -- participants -----------------------------------------------------------------
    def add_participant(self, participant: Participant) -> Participant:
        participant = participant.model_copy(update={"updated_by": self.p.device_id})
        with self.p.atomic():
            self.p.db["participants"].insert(to_row(participant))
        return participant

    def participants(self, round_id: str) -> list[Participant]:
        cur = self.p.conn.execute(
            "SELECT * FROM participants WHERE round_id = ? AND deleted_at IS NULL ORDER BY created_at",
            (round_id,))
        return [from_row(Participant, r) for r in dict_rows(cur)]

    def remove_participant(self, participant_id: str) -> None:
        now = utc_now()
        with self.p.atomic():
            self.p.db["participants"].update(
                participant_id, {"deleted_at": now, "updated_at": now, "updated_by": self.p.device_id})

    def recent_people(self, limit: int = 50) -> list[dict[str, Any]]:
        """People from earlier rounds, most recent first, to offer again."""
        cur = self.p.conn.execute(
            """SELECT name, organisation, role, email, phone, MAX(created_at) AS last
               FROM participants WHERE deleted_at IS NULL
               GROUP BY name, organisation ORDER BY last DESC LIMIT ?""", (limit,))
        return dict_rows(cur)

    # -- street progress --------------------------------------------------------------
    def set_street_done(self, round_id: str, street_id: str, done: bool) -> None:
        now = utc_now()
        with self.p.atomic():
            self.p.conn.execute(
                """INSERT INTO round_streets(id, round_id, street_id, done_at, created_at, updated_at, updated_by)
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(round_id, street_id) DO UPDATE SET
                     done_at = excluded.done_at, updated_at = excluded.updated_at,
                     updated_by = excluded.updated_by""",
                (new_id(), round_id, street_id, now if done else None, now, now, self.p.device_id),
            )

    def done_streets(self, round_id: str) -> set[str]:
        cur = self.p.conn.execute(
            "SELECT street_id FROM round_streets WHERE round_id = ? AND done_at IS NOT NULL AND deleted_at IS NULL",
            (round_id,))
        return {r[0] for r in cur}
