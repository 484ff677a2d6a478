"""Reading a series of rounds (same buurt, form and kind) for the *verloop*, batched.

A stratenaanpak may run for years, and a trend over ten rounds must not cost ten times
the queries of one: :func:`load_series` reads every round, form copy, finding, walked
mark and street of a series in a fixed five statements, whatever its length (the rounds
are selected by a subquery, so no statement grows with the number of rounds either).
tests/test_verloop.py counts the statements with ``set_trace_callback``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from schouw.domain.forms import Form, parse_form
from schouw.domain.verloop import SeriesRound, SeriesStreet
from schouw.store.rows import dict_rows

if TYPE_CHECKING:
    from schouw.store.project import Project

#: The rounds of one series: live rounds of a buurt whose form copy has this form id,
#: of one kind, whose title holds ``:title`` ('' : any; a stratenaanpak named in its
#: rounds' titles, beside the buurt's yearly rounds on the same form). Used as a
#: subquery by every statement below.
_SERIES = """SELECT r.id FROM rounds r JOIN forms f ON f.key = r.form_key
             WHERE r.buurt_id = :buurt AND f.form_id = :form AND r.kind = :kind AND r.deleted_at IS NULL
                   AND instr(lower(r.title), lower(:title)) > 0"""


@dataclass
class SeriesRows:
    """What the domain needs to build a verloop, as plain values."""

    rounds: list[SeriesRound] = field(default_factory=list)
    #: round id -> its profile id (the service picks one profile for the whole series)
    profiles: dict[str, str | None] = field(default_factory=dict)
    forms: dict[str, Form] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)
    walked: dict[str, set[str]] = field(default_factory=dict)
    streets: list[SeriesStreet] = field(default_factory=list)


def series_forms(project: Project, buurt_id: str, title: str = "") -> list[dict[str, Any]]:
    """The series a buurt has: per form id and kind, how many rounds (whose title holds
    ``title``), the form's title and the date of the last round; most rounds first.
    One statement."""
    return dict_rows(project.conn.execute(
        """SELECT f.form_id AS form_id, r.kind AS kind, COUNT(*) AS rounds, MAX(r.date) AS last,
                  (SELECT f2.title FROM forms f2 WHERE f2.form_id = f.form_id ORDER BY f2.version DESC LIMIT 1)
                      AS title
           FROM rounds r JOIN forms f ON f.key = r.form_key
           WHERE r.buurt_id = ? AND r.deleted_at IS NULL AND instr(lower(r.title), lower(?)) > 0
           GROUP BY f.form_id, r.kind ORDER BY rounds DESC, last DESC, f.form_id""", (buurt_id, title)))


def load_series(project: Project, buurt_id: str, form_id: str, kind: str, title: str = "") -> SeriesRows:
    """Every row a verloop of this series needs, in five statements."""
    conn = project.conn
    params = {"buurt": buurt_id, "form": form_id, "kind": kind, "title": title}
    out = SeriesRows()
    for row in dict_rows(conn.execute(
            f"SELECT id, date, title, kind, form_key, profile_id FROM rounds WHERE id IN ({_SERIES}) "
            "ORDER BY date, id", params)):
        out.rounds.append(SeriesRound(row["id"], date.fromisoformat(row["date"][:10]), row["title"] or "",
                                      row["kind"], row["form_key"]))
        out.profiles[row["id"]] = row["profile_id"]
    for key, definition in conn.execute(
            f"SELECT key, definition FROM forms WHERE key IN (SELECT form_key FROM rounds WHERE id IN ({_SERIES}))",
            params):
        out.forms[key] = parse_form(json.loads(definition), f"project:{key}")
    out.findings = dict_rows(conn.execute(
        f"""SELECT round_id, street_id, element, aspect, level, not_applicable, point_id, updated_at
            FROM findings WHERE round_id IN ({_SERIES}) AND deleted_at IS NULL""", params))
    out.walked = {r.id: set() for r in out.rounds}
    for round_id, street_id in conn.execute(
            f"""SELECT round_id, street_id FROM round_streets
                WHERE round_id IN ({_SERIES}) AND done_at IS NOT NULL AND deleted_at IS NULL
                UNION
                SELECT round_id, street_id FROM schouwpunten
                WHERE round_id IN ({_SERIES}) AND done_at IS NOT NULL AND deleted_at IS NULL""", params):
        out.walked.setdefault(round_id, set()).add(street_id)
    # live streets of the buurt, and deleted ones only where the series has findings
    out.streets = [SeriesStreet(row["id"], row["name"], row["area_type"]) for row in dict_rows(conn.execute(
        f"""SELECT id, name, area_type FROM streets
            WHERE buurt_id = :buurt AND (deleted_at IS NULL
                  OR id IN (SELECT street_id FROM findings WHERE round_id IN ({_SERIES})))
            ORDER BY position, name""", params))]
    return out
