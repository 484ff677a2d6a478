"""The evaluation PDF of a traject: read it with :func:`schouw.services.cycles.cycle_view`
and print it with :mod:`schouw.report.cycle_report`. Used by ``schouw cycles report``,
``cycles close --pdf`` and the *Trajecten* window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schouw.messages import SchouwError
from schouw.services.cycles import cycle_view
from schouw.store.project import Project


@dataclass(frozen=True)
class CycleReportResult:
    path: Path
    pages: int


def build_cycle_report(project: Project, cycle_ref: str, out: Path, *, lang: str = "nl",
                       today: date | None = None) -> CycleReportResult:
    """Write the evaluation to ``out`` (through a temporary file, so a failed write never
    leaves half a PDF where the old one was)."""
    from schouw.report.cycle_report import CycleReport
    from schouw.services.reports import output_path

    view = cycle_view(project, cycle_ref, today=today)
    out = output_path(out)
    tmp = out.with_name(out.name + ".tmp")
    try:
        pages = CycleReport(view, project.meta("municipality"), today or date.today(), lang).build(tmp)
        tmp.replace(out)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise SchouwError("report_write_failed", path=str(out), detail=error.strerror or str(error)) from error
    return CycleReportResult(out, pages)
