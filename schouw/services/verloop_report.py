"""``schouw report ROUND --kind verloop``: the verloop of the series a round belongs to,
as a PDF (:mod:`schouw.report.verloop_report`).

The series is checked before anything is written (a round that is the only one of its
series is refused with one line), and the PDF goes to a temporary file beside the
target that replaces it only when complete, as the other reports do.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schouw.messages import SchouwError
from schouw.services.profiles import AT_ROUND
from schouw.services.verloop import verloop_for_round
from schouw.store.project import Project


@dataclass(frozen=True)
class VerloopReportResult:
    path: Path
    pages: int
    rounds: int
    streets: int


def build_verloop_report(project: Project, round_id: str, out: str | Path, *, lang: str = "nl",
                         profile_choice: str = AT_ROUND, today: date | None = None,
                         title: str = "") -> VerloopReportResult:
    """Write the verloop report of ``round_id``'s series to ``out`` (".pdf" added);
    ``title``: only the rounds with that text in their title (``trend --title``)."""
    from schouw.report.verloop_report import VerloopPages, render
    from schouw.services.reports import output_path

    target = output_path(out)
    result = verloop_for_round(project, round_id, title=title, profile_choice=profile_choice)
    pages_data = VerloopPages(result.verloop, result.buurt.name, result.wijk, result.form_title,
                              municipality=project.meta("municipality"), project_name=project.meta("name"),
                              created=today)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        pages = render(pages_data, tmp, lang=lang)
        os.replace(tmp, target)
    except OSError as error:
        raise SchouwError("report_write_failed", path=str(target), detail=error.strerror or str(error)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return VerloopReportResult(target, pages, len(result.verloop.rounds), len(result.verloop.streets))
