"""Numbered schema migrations. Each runs in one transaction and sets user_version.

Never edit a migration that has shipped: add a new one. Migration N takes a file from
schema N-1 to N. The table layout keeps photo bytes in ``photo_blobs``, away from the
rows that lists scan, and gives every synced row the same bookkeeping columns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one inside the caller's transaction.

    ``executescript`` would COMMIT first and so break a migration's atomicity.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


SYNC_COLUMNS = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted_at TEXT
"""


def _v1(conn: sqlite3.Connection) -> None:
    """The first schema: areas, forms, profiles, rounds, findings, actions, photos."""
    run_script(
        conn,
        f"""
        CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE wijken (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, code TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE TABLE buurten (
            id TEXT PRIMARY KEY, wijk_id TEXT NOT NULL REFERENCES wijken(id),
            name TEXT NOT NULL, code TEXT NOT NULL DEFAULT '',
            area_type TEXT NOT NULL DEFAULT 'woongebied',
            {SYNC_COLUMNS});
        CREATE TABLE streets (
            id TEXT PRIMARY KEY, buurt_id TEXT NOT NULL REFERENCES buurten(id),
            name TEXT NOT NULL, woonplaats TEXT NOT NULL DEFAULT '', area_type TEXT,
            geometry TEXT, house_numbers TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0,
            {SYNC_COLUMNS});
        CREATE TABLE forms (
            key TEXT PRIMARY KEY, form_id TEXT NOT NULL, version TEXT NOT NULL,
            title TEXT NOT NULL, kind TEXT NOT NULL, definition TEXT NOT NULL,
            added_at TEXT NOT NULL);
        CREATE TABLE profiles (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL,
            {SYNC_COLUMNS});
        CREATE TABLE rounds (
            id TEXT PRIMARY KEY, buurt_id TEXT NOT NULL REFERENCES buurten(id),
            date TEXT NOT NULL, form_key TEXT NOT NULL REFERENCES forms(key),
            profile_id TEXT REFERENCES profiles(id),
            title TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE TABLE participants (
            id TEXT PRIMARY KEY, round_id TEXT NOT NULL REFERENCES rounds(id),
            name TEXT NOT NULL, organisation TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT 'overig', email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE TABLE findings (
            id TEXT PRIMARY KEY, round_id TEXT NOT NULL REFERENCES rounds(id),
            street_id TEXT NOT NULL REFERENCES streets(id),
            element TEXT NOT NULL, aspect TEXT NOT NULL, level TEXT,
            not_applicable INTEGER NOT NULL DEFAULT 0, choice TEXT,
            house_number TEXT NOT NULL DEFAULT '', spot TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '', priority TEXT NOT NULL DEFAULT 'normaal',
            lat REAL, lon REAL, observed_at TEXT, time_of_day TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE TABLE actions (
            id TEXT PRIMARY KEY, finding_id TEXT NOT NULL UNIQUE REFERENCES findings(id),
            party TEXT NOT NULL DEFAULT '', due_date TEXT, status TEXT NOT NULL DEFAULT 'open',
            status_reason TEXT NOT NULL DEFAULT '', mor_id TEXT, mor_status TEXT,
            mor_status_text TEXT,
            {SYNC_COLUMNS});
        CREATE TABLE action_events (
            id TEXT PRIMARY KEY, action_id TEXT NOT NULL REFERENCES actions(id),
            at TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE TABLE photos (
            id TEXT PRIMARY KEY, finding_id TEXT NOT NULL REFERENCES findings(id),
            sha256 TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
            source_name TEXT NOT NULL DEFAULT '', caption TEXT NOT NULL DEFAULT '',
            taken_at TEXT, lat REAL, lon REAL, masks TEXT NOT NULL DEFAULT '[]',
            position INTEGER NOT NULL DEFAULT 0, original_size INTEGER,
            {SYNC_COLUMNS});
        CREATE TABLE photo_blobs (
            id INTEGER PRIMARY KEY,
            photo_id TEXT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('jpeg', 'thumb', 'report', 'original')),
            sha256 TEXT NOT NULL, data BLOB NOT NULL,
            UNIQUE (photo_id, kind));
        CREATE INDEX findings_round ON findings(round_id);
        CREATE INDEX photos_finding ON photos(finding_id);
        CREATE INDEX streets_buurt ON streets(buurt_id);
        """
    )


def _v2(conn: sqlite3.Connection) -> None:
    """Street progress per round (done marks) and the indexes the street list needs."""
    run_script(
        conn,
        f"""
        CREATE TABLE round_streets (
            id TEXT PRIMARY KEY, round_id TEXT NOT NULL REFERENCES rounds(id),
            street_id TEXT NOT NULL REFERENCES streets(id), done_at TEXT,
            {SYNC_COLUMNS},
            UNIQUE (round_id, street_id));
        CREATE INDEX findings_round_street ON findings(round_id, street_id);
        CREATE INDEX action_events_action ON action_events(action_id);
        """
    )


def _v3(conn: sqlite3.Connection) -> None:
    """Exchange bookkeeping: packages imported (so a second import changes nothing), what
    this project has seen of every other device per round (to tell a conflict from a
    plain update), and the versions that lost a merge (for the coordinator to review)."""
    run_script(
        conn,
        """
        CREATE TABLE sync_packages (
            package_id TEXT PRIMARY KEY, round_id TEXT NOT NULL, source_device TEXT NOT NULL,
            source_project TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,
            imported_at TEXT NOT NULL, incremental INTEGER NOT NULL DEFAULT 0,
            change_first TEXT, change_last TEXT, summary TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE sync_seen (
            round_id TEXT NOT NULL, device_id TEXT NOT NULL, seen_up_to TEXT NOT NULL,
            PRIMARY KEY (round_id, device_id));
        CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY, table_name TEXT NOT NULL, row_id TEXT NOT NULL,
            round_id TEXT, package_id TEXT, detected_at TEXT NOT NULL,
            kept TEXT NOT NULL, other TEXT NOT NULL, kept_side TEXT NOT NULL,
            flips INTEGER NOT NULL DEFAULT 0, flipped_at TEXT);
        CREATE INDEX sync_conflicts_row ON sync_conflicts(table_name, row_id);
        """,
    )


def _v4(conn: sqlite3.Connection) -> None:
    """The MOR outbox: one row per finding to send to the municipality, with every
    attempt recorded before it is made (state, attempts, back-off, the server's answer,
    the remote id or token), and per photo whether it is attached there. This is this
    file's own sending state, so it is not a synced table and never travels in packages."""
    run_script(
        conn,
        """
        CREATE TABLE mor_outbox (
            id TEXT PRIMARY KEY,
            finding_id TEXT NOT NULL UNIQUE REFERENCES findings(id),
            reason TEXT NOT NULL DEFAULT 'auto',
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
            attempts INTEGER NOT NULL DEFAULT 0,
            queued_at TEXT NOT NULL,
            first_attempt_at TEXT,
            last_attempt_at TEXT,
            next_attempt_at TEXT,
            endpoint TEXT,
            error_kind TEXT,
            last_error TEXT NOT NULL DEFAULT '',
            remote_id TEXT,
            token TEXT,
            sent_at TEXT,
            remote_state TEXT,
            remote_state_text TEXT,
            status_checked_at TEXT,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT '');
        CREATE TABLE mor_outbox_photos (
            outbox_id TEXT NOT NULL REFERENCES mor_outbox(id) ON DELETE CASCADE,
            photo_id TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('uploading', 'attached', 'refused')),
            message TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (outbox_id, photo_id));
        CREATE INDEX mor_outbox_state ON mor_outbox(state, next_attempt_at);
        """,
    )


def _v5(conn: sqlite3.Connection) -> None:
    """The change log of the quality profiles: one row per changed norm or target (who,
    when, which key and area type, old and new value). It is the profile's history too:
    the profile in force on a past date is the current one with the later changes taken
    back, so a report can score an old round under the norms of its own day. Rows keep
    the synced columns so they can travel with the profile later."""
    run_script(
        conn,
        f"""
        CREATE TABLE profile_changes (
            id TEXT PRIMARY KEY, profile_id TEXT NOT NULL REFERENCES profiles(id),
            at TEXT NOT NULL, who TEXT NOT NULL DEFAULT '',
            key TEXT NOT NULL, area_type TEXT NOT NULL DEFAULT '',
            old TEXT NOT NULL DEFAULT '', new TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE INDEX profile_changes_profile ON profile_changes(profile_id, at);
        """,
    )


def _v6(conn: sqlite3.Connection) -> None:
    """Actions followed by hand: every history entry says from which status it came,
    the day the user gives for the change (besides ``at``, when it was recorded) and who
    made it. Entries stay append-only rows with their own id, so they merge without
    conflicts; the index serves the history shown under an action, in order of time."""
    run_script(
        conn,
        """
        ALTER TABLE action_events ADD COLUMN from_status TEXT;
        ALTER TABLE action_events ADD COLUMN on_date TEXT;
        ALTER TABLE action_events ADD COLUMN who TEXT NOT NULL DEFAULT '';
        DROP INDEX action_events_action;
        CREATE INDEX action_events_action ON action_events(action_id, at);
        """,
    )


def _v7(conn: sqlite3.Connection) -> None:
    """Re-inspection (herschouw): one row per open point of an earlier round that a new
    round of the same buurt and form must check again. ``follows`` is the earlier
    finding; ``result`` stays NULL until checked; ``finding_id`` is the new finding that
    records the point as still there (aanwezig/erger) and is NULL for opgelost. A row of
    its own (rather than a column on findings) because an opgelost point has no new
    finding, and an unchecked point must exist before anything is recorded. ``follows``
    is a plain id, not a foreign key: the row travels in the package of its round, which
    does not carry the earlier round, so a project that lacks it must still take the row."""
    run_script(
        conn,
        f"""
        CREATE TABLE rechecks (
            id TEXT PRIMARY KEY, round_id TEXT NOT NULL REFERENCES rounds(id),
            follows TEXT NOT NULL,
            street_id TEXT NOT NULL REFERENCES streets(id),
            result TEXT CHECK (result IN ('opgelost', 'aanwezig', 'erger')),
            level TEXT, finding_id TEXT REFERENCES findings(id), checked_at TEXT,
            {SYNC_COLUMNS},
            UNIQUE (round_id, follows));
        CREATE INDEX rechecks_finding ON rechecks(finding_id);
        """,
    )


def _v8(conn: sqlite3.Connection) -> None:
    """Whether a finding's free-text remark may go to the residents (the *terugkoppeling*).

    A remark is free text and may name people, so it is left out of the feedback unless
    the coordinator ticked it as publishable; the default (0) keeps every existing remark
    out. It is a finding column like the others, so it travels in packages and merges."""
    run_script(conn, "ALTER TABLE findings ADD COLUMN publishable INTEGER NOT NULL DEFAULT 0;")


def _v9(conn: sqlite3.Connection) -> None:
    """Two kinds of round: a *knelpuntenschouw* (the default: the team records what is
    wrong where it walks) and a *meting* (every aspect judged at a random sample of
    schouwpunten). A meting stores how many points were drawn and the seed, so the draw
    can be repeated and checked; ``closed_at`` marks a round as finished.

    ``schouwpunten`` holds the drawn points, numbered 1..N in walking order (``n`` is the
    number the walker sees), with the street, the stretch of it and its midpoint (NULL
    for a street without geometry). ``findings.point_id`` names the point a measurement
    belongs to; a plain id, like ``rechecks.follows``, so a package that carries a
    finding and its point in any order is taken as it is."""
    run_script(
        conn,
        f"""
        ALTER TABLE rounds ADD COLUMN kind TEXT NOT NULL DEFAULT 'knelpunten';
        ALTER TABLE rounds ADD COLUMN points_n INTEGER;
        ALTER TABLE rounds ADD COLUMN seed INTEGER;
        ALTER TABLE rounds ADD COLUMN closed_at TEXT;
        CREATE TABLE schouwpunten (
            id TEXT PRIMARY KEY, round_id TEXT NOT NULL REFERENCES rounds(id),
            n INTEGER NOT NULL, street_id TEXT NOT NULL REFERENCES streets(id),
            stretch INTEGER NOT NULL DEFAULT 0, lat REAL, lon REAL, done_at TEXT,
            {SYNC_COLUMNS},
            UNIQUE (round_id, n));
        ALTER TABLE findings ADD COLUMN point_id TEXT;
        CREATE INDEX findings_point ON findings(point_id);
        """,
    )


def _v10(conn: sqlite3.Connection) -> None:
    """A buurt's boundary (the CBS wijk- en buurtkaart, imported by buurtcode): GeoJSON
    in WGS84 like a street's geometry, NULL until imported. A column of the buurt rather
    than a table of its own, so it travels with the buurt in packages and merges with it."""
    run_script(conn, "ALTER TABLE buurten ADD COLUMN boundary TEXT;")


def _v11(conn: sqlite3.Connection) -> None:
    """Policy indicators (issue #17): a nulmeting (value, year, source) and a streefwaarde
    (value, year) with a direction, for an area (a wijk or a buurt; '' for the whole
    project). ``aspect_group``/``aspect`` say which share of a meting feeds the indicator
    ('' and '': the overall share). ``indicator_values`` holds one measured value per
    year: entered by hand with a source, or computed from a meting (``round_id``). The
    value is stored, not recomputed, because a council's figure of a year must not move
    under it; ``round_id`` lets it be computed again on purpose. Both are synced rows so
    they travel in packages and merge by id."""
    run_script(
        conn,
        f"""
        CREATE TABLE indicators (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL DEFAULT '',
            area_kind TEXT NOT NULL DEFAULT '' CHECK (area_kind IN ('', 'wijk', 'buurt')),
            area_id TEXT NOT NULL DEFAULT '',
            direction TEXT NOT NULL DEFAULT 'up' CHECK (direction IN ('up', 'down')),
            baseline_value REAL NOT NULL, baseline_year INTEGER NOT NULL,
            baseline_source TEXT NOT NULL DEFAULT '',
            target_value REAL NOT NULL, target_year INTEGER NOT NULL,
            aspect_group TEXT NOT NULL DEFAULT '', aspect TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE TABLE indicator_values (
            id TEXT PRIMARY KEY, indicator_id TEXT NOT NULL REFERENCES indicators(id),
            year INTEGER NOT NULL, value REAL NOT NULL, source TEXT NOT NULL DEFAULT '',
            round_id TEXT,
            {SYNC_COLUMNS});
        CREATE INDEX indicator_values_indicator ON indicator_values(indicator_id, year);
        """,
    )


def _v12(conn: sqlite3.Connection) -> None:
    """A Veilige Buurten cycle (*traject*, schouw/domain/cycles.py): about ten weeks in one
    buurt, with the residents' ranked priorities and, at the end, their evaluation.

    A priority is about findings (``cycle_priority_findings``), an aspect of the form
    (``aspect_id``, a plain form item id) or a free ``theme``; ``cycle_actions`` links the
    actions partners took to a priority. Link rows are synced rows of their own so two
    laptops that link different findings merge instead of overwriting one list. Ranks are
    unique per traject only among live rows, which SQL cannot say with soft deletes, so
    the domain checks them."""
    run_script(
        conn,
        f"""
        CREATE TABLE cycles (
            id TEXT PRIMARY KEY, buurt_id TEXT NOT NULL REFERENCES buurten(id),
            title TEXT NOT NULL, start TEXT NOT NULL, weeks INTEGER NOT NULL DEFAULT 10,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'geevalueerd')),
            closed_at TEXT, evaluation_note TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE INDEX cycles_buurt ON cycles(buurt_id);
        CREATE TABLE cycle_priorities (
            id TEXT PRIMARY KEY, cycle_id TEXT NOT NULL REFERENCES cycles(id),
            rank INTEGER NOT NULL, title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'thema' CHECK (kind IN ('bevinding', 'aspect', 'thema')),
            aspect_id TEXT, theme TEXT NOT NULL DEFAULT '',
            outcome TEXT CHECK (outcome IN ('bereikt', 'deels', 'niet')),
            outcome_note TEXT NOT NULL DEFAULT '',
            {SYNC_COLUMNS});
        CREATE INDEX cycle_priorities_cycle ON cycle_priorities(cycle_id);
        CREATE TABLE cycle_priority_findings (
            id TEXT PRIMARY KEY, priority_id TEXT NOT NULL REFERENCES cycle_priorities(id),
            finding_id TEXT NOT NULL,
            {SYNC_COLUMNS},
            UNIQUE (priority_id, finding_id));
        CREATE TABLE cycle_actions (
            id TEXT PRIMARY KEY, priority_id TEXT NOT NULL REFERENCES cycle_priorities(id),
            action_id TEXT NOT NULL,
            {SYNC_COLUMNS},
            UNIQUE (priority_id, action_id));
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11, _v12]
