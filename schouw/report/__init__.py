"""PDF reports with ReportLab: the full round report and the action list per party.

The services layer (:mod:`schouw.services.reports`) gathers a :class:`ReportData` from
the project; this package only lays it out, so it can be tested with plain values.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from schouw.report.model import (
    ActionEntry,
    FindingEntry,
    ParticipantEntry,
    PhotoRef,
    ReportData,
    StreetEntry,
)

KINDS = ("round", "actions", "terugkoppeling")

__all__ = [
    "KINDS", "ActionEntry", "FindingEntry", "ParticipantEntry", "PhotoRef", "ReportCancelled", "ReportData",
    "StreetEntry", "render",
]


def __getattr__(name: str):
    """``ReportCancelled`` lives with the ReportLab code; fetching it here loads that code
    only when someone asks (importing :mod:`schouw.report.i18n` for a date format must not
    load ReportLab at the app's start-up; tests/test_startup_imports.py checks)."""
    if name == "ReportCancelled":
        from schouw.report.pdf import ReportCancelled

        return ReportCancelled
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(data: ReportData, out: Path, *, kind: str = "round", party: str | None = None, lang: str = "nl",
           progress: Callable[[int, int], None] | None = None,
           cancel: Callable[[], bool] | None = None, photos: bool = False) -> int:
    """Lay out and write the PDF at ``out``; returns the number of pages. ``photos``:
    the terugkoppeling shows the points' photos (the full report always does)."""
    from schouw.report.styles import register_fonts

    register_fonts()
    if kind == "actions":
        from schouw.report.actions_report import ActionsReport

        return ActionsReport(data, party, lang).build(out, progress=progress, cancel=cancel)
    if kind == "terugkoppeling":
        from schouw.report.feedback_report import FeedbackReport

        return FeedbackReport(data, lang, photos).build(out, progress=progress, cancel=cancel)
    from schouw.report.round_report import RoundReport

    return RoundReport(data, lang).build(out, progress=progress, cancel=cancel)
