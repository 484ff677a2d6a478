"""The terugkoppeling for residents: use cases behind `schouw report --kind
terugkoppeling`, `schouw finding publish` and *Ronde → Terugkoppeling voor bewoners…*.

Three things live here:

- :func:`status_since`: the one place that says since when an action has its status
  (the report, the CSV and the app ask it, so it can follow the action history when
  that grows);
- :func:`set_publishable`: the coordinator's tick "Opmerking mag naar bewoners", through
  the walk's edit use case (the same validation and undo as the finding editor);
- :func:`write_csv` and :class:`MaskedPhotos`: the CSV form of the document and the
  photo loader that only ever hands out privacy-masked export copies.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from schouw.domain.models import Action
from schouw.domain.text import printable
from schouw.store.project import Project

#: The long side of a photo in the feedback PDF: enough for a printed half page, small
#: enough for a newsletter attachment.
PHOTO_SIDE = 1200


def status_since(project: Project, action: Action) -> date | None:
    """Since when ``action`` has its current status: the latest row of its status
    history with that status, else the action's last change. One function, so the
    feedback (and anything else that shows "opgelost op …") reads it one way."""
    latest = None
    for event in project.actions.history(action.id):
        if event.status == action.status:
            # the day the user gave for the change, else when it was recorded
            latest = event.on_date or event.at
    stamp = latest or action.updated_at
    try:
        return date.fromisoformat(str(stamp)[:10]) if stamp else None
    except ValueError:
        return None


def set_publishable(project: Project, finding_id: str, publishable: bool = True) -> tuple[str, bool]:
    """Tick (or untick) "Opmerking mag naar bewoners" on a finding; returns its full id
    and the old value. Goes through :func:`schouw.services.walk.edit_finding`, like the
    finding editor."""
    from schouw.services.walk import edit_finding, load_round

    finding = project.findings.get(finding_id)  # an unknown id is a clear user error
    ctx = load_round(project, finding.round_id)
    edit_finding(project, ctx, finding.id, {"publishable": bool(publishable)})
    return finding.id, finding.publishable


class MaskedPhotos:
    """Photo loader for the feedback PDF: the export copy with the privacy masks burnt
    in (:func:`schouw.photos.export.export_copy`), made smaller; never the report copy
    or the master as such. A photo that cannot be masked is left out (grey box), never
    shown unmasked."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def __call__(self, photo_id: str) -> bytes | None:
        from PIL import Image

        from schouw.photos import Mask
        from schouw.photos.export import encode_jpeg, export_copy, shrink

        photo = self.project.photos.get(photo_id)
        master = self.project.photos.blob(photo_id, "jpeg")
        if photo is None or master is None:
            return None
        try:
            copy = export_copy(master, [Mask.from_dict(m) for m in photo.masks or []])
            with Image.open(io.BytesIO(copy)) as im:
                if max(im.size) <= PHOTO_SIDE:
                    return copy
                return encode_jpeg(shrink(im.convert("RGB"), PHOTO_SIDE), 85)
        except Exception:  # noqa: BLE001 - never fall back to an unmasked copy
            return None


def write_csv(table: list[list[str]], out) -> None:
    """``table`` as CSV for a spreadsheet or website: ';', UTF-8 with BOM (Excel opens
    it right), control characters escaped and formulas defused like the package's sheets."""
    from schouw.exchange.sheets import safe_text

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in table:
        writer.writerow([safe_text(printable(cell)) for cell in row])
    out.write(buffer.getvalue().encode("utf-8-sig"))
