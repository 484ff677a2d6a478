"""What a use case changed in the project, so a front end refreshes just that.

Modelled on Anki's ``OpChanges``: an operation returns a small value that names the
kinds of data it touched, and the app broadcasts it to every view (``schouw.ui.hub``).
A view then decides for itself whether it must read again, and the walk screen decides
whether its undo history still refers to rows as they are (see :meth:`Changes.cuts_undo`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from schouw.exchange.merge import MergeResult
    from schouw.services.sync import SyncOutcome


@dataclass(frozen=True)
class Changes:
    """Kinds of data a use case changed: ``rounds`` (a round, its team, the quality
    profile its norms come from), ``streets``
    (wijken, buurten, streets), ``walked`` (streets marked as walked), ``findings``,
    ``photos``, ``actions``, ``outbox``, ``sync_profile`` (which MOR profile, its key), ``indicators`` (policy indicators, their values), ``cycles`` (trajecten). ``round_ids`` names
    the rounds whose rows changed; empty with one of those set means "any round"."""

    rounds: bool = False
    streets: bool = False
    walked: bool = False
    findings: bool = False
    photos: bool = False
    actions: bool = False
    outbox: bool = False
    sync_profile: bool = False
    #: policy indicators and their values (issue #17)
    indicators: bool = False
    #: Veilige Buurten trajecten, their priorities and links (issue #19)
    cycles: bool = False
    round_ids: frozenset[str] = field(default_factory=frozenset)

    NONE: ClassVar[Changes]

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "round_ids")

    def __or__(self, other: Changes) -> Changes:
        flags = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)
                 if f.name != "round_ids"}
        return Changes(**flags, round_ids=self.round_ids | other.round_ids)

    def touches_round(self, round_id: str | None) -> bool:
        """Whether rows of this round (its findings, photos, actions) may have changed."""
        if round_id is None or not (self.findings or self.photos or self.actions or self.rounds or self.walked):
            return False
        return not self.round_ids or round_id in self.round_ids

    def cuts_undo(self, round_id: str | None) -> bool:
        """Whether undo steps of the open round may now refer to rows changed from outside.

        The walk's undo commands hold findings' old field values, photo ids and done
        marks of this round; a merge that changed those rows makes replaying them unsafe.
        An outbox, the sync settings or action statuses coming back from the municipality
        are not in any undo step, so they never cut the history; nor do new streets
        (the round is read again, its undo steps stay valid)."""
        if round_id is None:
            return False
        touched = self.findings or self.photos or self.walked
        return touched and (not self.round_ids or round_id in self.round_ids)

    @classmethod
    def of_merge(cls, result: MergeResult) -> Changes:
        """What a package import changed (nothing when it was imported before)."""
        if result.already_imported:
            return cls.NONE
        touched = {table for counter in (result.added, result.updated, result.deleted)
                   for table, n in counter.items() if n}
        if result.photos_written:
            touched.add("photos")
        if not touched:
            return cls.NONE
        return cls(
            rounds=bool(touched & {"rounds", "participants", "profiles"}) or result.forms_added > 0,
            streets=bool(touched & {"wijken", "buurten", "streets"}),
            walked=bool(touched & {"round_streets", "schouwpunten"}),
            findings="findings" in touched,
            photos="photos" in touched,
            actions=bool(touched & {"actions", "action_events"}),
            indicators=bool(touched & {"indicators", "indicator_values"}),
            cycles=bool(touched & {"cycles", "cycle_priorities", "cycle_priority_findings", "cycle_actions"}),
            round_ids=frozenset({result.round_id}) if result.round_id else frozenset(),
        )

    @classmethod
    def of_sync(cls, outcome: SyncOutcome) -> Changes:
        """What a sync run changed: the outbox always (unless it was a dry run), the
        actions when statuses came back from the municipality."""
        if outcome.dry_run:
            return cls.NONE
        statuses = outcome.run.statuses if outcome.run is not None else 0
        return cls(outbox=True, actions=bool(statuses))


Changes.NONE = Changes()
